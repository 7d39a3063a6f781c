"""The confidence table: family bases, adjustments, calibration map, clipping (no model)."""

from __future__ import annotations

import pytest

from newsevents.nlp.events.confidence import ConfidenceTable, calibrate, confidence_table

TABLE = confidence_table()


def test_events_confidence_resolved_arguments_score_higher():
    bare = TABLE.score("verb", ["no_source"])
    resolved = TABLE.score("verb", ["source_resolved", "target_resolved", "main_clause"])
    assert resolved > bare


def test_events_confidence_subordinate_clause_scores_lower():
    assert TABLE.score("verb", ["subordinate"]) < TABLE.score("verb", ["main_clause"])


@pytest.mark.parametrize("raw", [0.0, 0.3, 0.5, 0.7, 0.9, 1.2])
def test_events_confidence_calibration_is_monotone_and_bounded(raw):
    assert calibrate(raw, TABLE.calibration) <= calibrate(raw + 0.05, TABLE.calibration)
    assert TABLE.floor <= TABLE.score("verb", []) <= TABLE.ceiling


def test_events_confidence_clipped():
    table = ConfidenceTable(0.1, 0.9, {"verb": 0.5}, {"big": 5.0, "small": -5.0})
    assert (table.score("verb", ["big"]), table.score("verb", ["small"])) == (0.9, 0.1)


def test_events_confidence_interpolates_between_knots():
    knots = ((0.0, 0.0), (1.0, 0.5))
    assert (calibrate(0.5, knots), calibrate(-1.0, knots), calibrate(2.0, knots)) == (0.25, 0.0, 0.5)

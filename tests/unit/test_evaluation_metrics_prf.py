"""Micro precision / recall / F1 and the empty-side conventions."""

from __future__ import annotations

import pytest

from newsevents.evaluation.metrics import PRCounts, f1_score, ratio


@pytest.mark.parametrize(
    ("tp", "n_pred", "n_gold", "precision", "recall"),
    [
        (2, 4, 5, 0.5, 0.4),
        (0, 0, 3, 0.0, 0.0),  # empty prediction: nothing found, no free precision
        (0, 3, 0, 0.0, 0.0),  # empty gold: every prediction is spurious
        (0, 0, 0, 1.0, 1.0),  # both empty: perfect
    ],
)
def test_precision_recall_conventions(tp, n_pred, n_gold, precision, recall):
    scores = PRCounts(tp, n_pred, n_gold).scores()
    assert scores["precision"] == pytest.approx(precision)
    assert scores["recall"] == pytest.approx(recall)


def test_f1_is_the_harmonic_mean():
    assert f1_score(0.5, 0.4) == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert f1_score(0.0, 0.0) == 0.0


def test_counts_accumulate_and_prefix_names():
    counts = PRCounts()
    counts.add(1, 2, 2)
    counts.add(1, 1, 3)
    assert counts.scores("cue_") == {
        "cue_precision": pytest.approx(2 / 3),
        "cue_recall": pytest.approx(2 / 5),
        "cue_f1": pytest.approx(0.5),
    }


def test_ratio_of_nothing_is_none():
    assert ratio(0, 0) is None
    assert ratio(1, 4) == 0.25

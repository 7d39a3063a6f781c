"""Baseline floors/ceilings: validation, the 0.005 tolerance, and loosening detection."""

from __future__ import annotations

import json

import pytest

from newsevents.errors import NewsEventsError
from newsevents.evaluation.baseline import (
    Baseline,
    Bound,
    check_scores,
    dump_baseline,
    loosened_bounds,
    parse_baseline,
    ratcheted,
)
from newsevents.evaluation.common import TaskResult


def baseline(**bounds):
    return Baseline(0.005, {tuple(k.split("__")): v for k, v in bounds.items()})


def results(**metrics):
    return [TaskResult("events", "g", 10, metrics)]


def test_parse_reads_explicit_directions():
    data = {
        "tolerance": 0.005,
        "tasks": {"events": {"type_accuracy": {"better": "higher", "floor": 0.4},
                             "no_event_rate": {"better": "lower", "ceiling": 0.3}}},
    }  # fmt: skip
    parsed = parse_baseline(data, {"events": frozenset({"no_event_rate"})})
    assert parsed.bounds == {
        ("events", "type_accuracy"): Bound("floor", 0.4),
        ("events", "no_event_rate"): Bound("ceiling", 0.3),
    }


@pytest.mark.parametrize(
    "spec",
    [
        {"floor": 0.4},  # direction missing
        {"better": "higher", "ceiling": 0.4},  # direction and bound disagree
        {"better": "lower", "floor": 0.4},
        {"better": "higher", "floor": 0.4, "ceiling": 0.9},
    ],
)
def test_parse_rejects_unclear_bounds(spec):
    with pytest.raises(NewsEventsError):
        parse_baseline({"tasks": {"events": {"type_accuracy": spec}}})


def test_parse_rejects_a_floor_on_a_lower_is_better_metric():
    data = {"tasks": {"events": {"ece": {"better": "higher", "floor": 0.1}}}}
    with pytest.raises(NewsEventsError):
        parse_baseline(data, {"events": frozenset({"ece"})})


@pytest.mark.parametrize(
    ("score", "ok"), [(0.5, True), (0.408, True), (0.407, True), (0.4069, False), (None, False)]
)
def test_floor_allows_the_tolerance_only(score, ok):
    checks = check_scores(results(type_accuracy=score), baseline(events__type_accuracy=Bound("floor", 0.412)))
    assert checks[0].ok is ok


# A 125 km ceiling with tolerance 0.005 allows 0.5 % more: 125.625 km.
@pytest.mark.parametrize(("score", "ok"), [(100.0, True), (125.6, True), (125.625, True), (125.63, False)])
def test_ceiling_allows_the_relative_tolerance_for_km(score, ok):
    checks = check_scores(
        results(mean_error_km=score), baseline(events__mean_error_km=Bound("ceiling", 125.0))
    )
    assert checks[0].ok is ok


@pytest.mark.parametrize(("score", "ok"), [(0.1, True), (0.105, True), (0.1051, False)])
def test_ceiling_allows_the_absolute_tolerance_for_rates(score, ok):
    checks = check_scores(results(ece=score), baseline(events__ece=Bound("ceiling", 0.1)))
    assert checks[0].ok is ok


def test_a_task_without_results_fails():
    checks = check_scores([], baseline(quotes__cue_f1=Bound("floor", 0.5)))
    assert not checks[0].ok


def test_loosening_is_detected():
    old = baseline(
        events__type_accuracy=Bound("floor", 0.4),
        events__ece=Bound("ceiling", 0.2),
        geo__f1=Bound("floor", 0.5),
        quotes__cue_f1=Bound("floor", 0.5),
    )
    new = Baseline(
        0.01,
        {
            ("events", "type_accuracy"): Bound("floor", 0.39),
            ("events", "ece"): Bound("ceiling", 0.25),
            ("quotes", "cue_f1"): Bound("floor", 0.6),  # tightened: fine
        },
    )
    problems = loosened_bounds(old, new)
    assert len(problems) == 4
    assert any("tolerance" in p for p in problems)
    assert any("geo.f1" in p and "removed" in p for p in problems)


def test_tightening_and_new_bounds_are_not_loosening():
    old = baseline(events__type_accuracy=Bound("floor", 0.4))
    new = baseline(events__type_accuracy=Bound("floor", 0.45), geo__f1=Bound("floor", 0.2))
    assert loosened_bounds(old, new) == []


def test_ratchet_tightens_to_rounded_scores_and_never_loosens():
    previous = baseline(events__type_accuracy=Bound("floor", 0.9), events__ece=Bound("ceiling", 0.3))
    current = [TaskResult("events", "g", 9, {"type_accuracy": 0.8567, "source_accuracy": 0.4449, "ece": 0.1231,
                                             "casualty_accuracy": None})]  # fmt: skip
    data = ratcheted(previous, current, {"events": frozenset({"ece"})}, "note")
    assert data["comment"] == "note"
    assert data["tasks"]["events"] == {
        "type_accuracy": {"better": "higher", "floor": 0.9},  # the score fell: the floor stays
        "source_accuracy": {"better": "higher", "floor": 0.444},  # rounded down
        "ece": {"better": "lower", "ceiling": 0.124},  # rounded up
    }
    assert loosened_bounds(previous, parse_baseline(data)) == []


def test_dump_keeps_one_bound_per_line_and_round_trips():
    data = {"comment": "c", "tolerance": 0.005, "tasks": {"geo": {"f1": {"better": "higher", "floor": 0.8},
                                                                  "mean_error_km": {"better": "lower", "ceiling": 9.5}}}}  # fmt: skip
    text = dump_baseline(data)
    assert json.loads(text) == data
    assert '      "f1": {"better": "higher", "floor": 0.8},' in text.splitlines()

"""Task registry errors and the saved results file the gate reuses."""

from __future__ import annotations

import pytest

from newsevents.errors import NewsEventsError
from newsevents.evaluation.common import TaskResult
from newsevents.evaluation.runner import ALL_RUNS, LOWER_IS_BETTER, load_fresh_results, run_task, save_results


def test_unknown_task_is_a_usage_error(settings, tmp_path):
    with pytest.raises(NewsEventsError, match="unknown task"):
        run_task("sentiment", tmp_path, settings)


def test_gold_spans_only_for_geo(settings, tmp_path):
    with pytest.raises(NewsEventsError, match="geo"):
        run_task("events", tmp_path, settings, gold_spans=True)


def test_missing_gold_file_is_a_usage_error(settings, tmp_path):
    with pytest.raises(NewsEventsError, match="not found"):
        run_task("events", tmp_path / "nope.jsonl", settings)


def test_geo_modes_are_apart_and_lower_is_better_is_declared():
    names = [name for name, _, _ in ALL_RUNS]
    assert "geo" in names and "geo_gold_spans" in names
    assert {"mean_error_km", "median_error_km"} <= LOWER_IS_BETTER["geo_gold_spans"]
    assert {"no_event_rate", "ece"} <= LOWER_IS_BETTER["events"]


def test_saved_results_are_reused_only_when_fresh(tmp_path):
    path = tmp_path / "out" / "eval-results.json"
    result = TaskResult("events", "g", 3, {"type_accuracy": 0.5, "ece": None}, seconds=1.5)
    save_results(path, [result], "abc", None)
    loaded = load_fresh_results(path, "abc")
    assert loaded is not None and loaded[0].metrics == {"type_accuracy": 0.5, "ece": None}
    assert load_fresh_results(path, "other") is None


def test_results_of_a_limited_run_are_not_reused(tmp_path):
    path = tmp_path / "r.json"
    save_results(path, [TaskResult("events", "g", 3, {})], "abc", 5)
    assert load_fresh_results(path, "abc") is None


def test_missing_results_file(tmp_path):
    assert load_fresh_results(tmp_path / "none.json", "abc") is None

"""Reliability bins of at least ten events and the expected calibration error."""

from __future__ import annotations

import pytest

from newsevents.evaluation.calibration import expected_calibration_error, reliability_table


def test_small_bins_merge_until_ten_events():
    confidences = [0.05] * 4 + [0.15] * 6 + [0.95] * 12
    correct = [False] * 10 + [True] * 12
    table = reliability_table(confidences, correct)
    assert [(b.low, b.high, b.count) for b in table] == [(0.0, 0.2, 10), (0.9, 1.0, 12)]
    assert all(b.count >= 10 for b in table)


def test_a_small_top_remainder_joins_the_bin_below():
    confidences = [0.55] * 10 + [0.95] * 3
    table = reliability_table(confidences, [True] * 13)
    assert [(b.low, b.high, b.count) for b in table] == [(0.5, 1.0, 13)]


def test_ece_by_hand():
    # Bin A: 10 events at 0.2, 5 right (accuracy 0.5, gap 0.3);
    # bin B: 10 events at 0.9, 9 right (accuracy 0.9, gap 0). ECE = 0.5 * 0.3 + 0.5 * 0 = 0.15.
    confidences = [0.2] * 10 + [0.9] * 10
    correct = [True] * 5 + [False] * 5 + [True] * 9 + [False]
    table = reliability_table(confidences, correct)
    assert expected_calibration_error(table) == pytest.approx(0.15)


def test_perfect_calibration_has_zero_error():
    table = reliability_table([1.0] * 10, [True] * 10)
    assert expected_calibration_error(table) == pytest.approx(0.0)


def test_fewer_than_ten_events_make_one_bin():
    table = reliability_table([0.1, 0.9], [False, True])
    assert len(table) == 1 and table[0].count == 2


def test_no_events_no_error():
    assert reliability_table([], []) == []
    assert expected_calibration_error([]) is None

"""One-to-one matching: greedy by score, completed to maximum size."""

from __future__ import annotations

import pytest

from newsevents.evaluation.metrics import match_one_to_one, match_spans


def test_matching_is_one_to_one():
    pairs = [(0, 0, (1.0,)), (1, 0, (1.0,)), (2, 0, (1.0,))]
    assert match_one_to_one(pairs) == {0: 0}


def test_matching_prefers_the_higher_score():
    pairs = [(0, 0, (1.0,)), (1, 0, (5.0,))]
    assert match_one_to_one(pairs) == {1: 0}


def test_matching_augments_past_a_greedy_block():
    # Greedy takes (0, 0) first (highest score), which would leave pred 1 unmatched;
    # the augmenting path moves pred 0 to gold 1 so both are matched.
    pairs = [(0, 0, (9.0,)), (0, 1, (1.0,)), (1, 0, (2.0,))]
    assert match_one_to_one(pairs) == {0: 1, 1: 0}


@pytest.mark.parametrize(("pairs", "expected"), [([], {}), ([(3, 7, (1.0,))], {3: 7})])
def test_matching_of_trivial_inputs(pairs, expected):
    assert match_one_to_one(pairs) == expected


def test_match_spans_pairs_each_gold_span_once():
    predicted = [((0, 10),), ((0, 9),), ((20, 30),)]
    gold = [((0, 10),), ((20, 25),)]
    # Both predictions 0 and 1 overlap gold 0; only one may take it. Prediction 2 covers
    # 5 of its 10 characters with gold 1: half of the longer span, a match.
    assert match_spans(predicted, gold) == {0: 0, 2: 1}


def test_match_spans_with_empty_sides():
    assert match_spans([], [((0, 5),)]) == {}
    assert match_spans([((0, 5),)], []) == {}

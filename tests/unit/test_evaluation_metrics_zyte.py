"""The Zyte article-extraction metric, scored by hand on tiny pages."""

from __future__ import annotations

import pytest

from newsevents.evaluation.metrics import (
    zyte_exact,
    zyte_page_counts,
    zyte_scores,
    zyte_shingles,
    zyte_tokens,
)


def test_tokens_are_case_sensitive_words():
    assert zyte_tokens("Hello, hello-World!") == ["Hello", "hello", "World"]


def test_shingles_are_a_multiset_of_word_4_grams():
    shingles = zyte_shingles("a b c d a b c d")
    assert shingles[("a", "b", "c", "d")] == 2
    assert sum(shingles.values()) == 5


@pytest.mark.parametrize(("text", "expected"), [("a b", {("a", "b"): 1}), ("", {})])
def test_short_texts_make_one_short_shingle(text, expected):
    assert dict(zyte_shingles(text)) == expected


def test_page_counts_are_normalised_to_one():
    # gold shingles: abcd bcde; predicted: abcd bcdx -> tp 1, fp 1, fn 1
    tp, fp, fn = zyte_page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_empty_prediction_is_all_false_negatives():
    assert zyte_page_counts("a b c d", "") == (0.0, 0.0, 1.0)


def test_scores_average_pages_and_skip_undefined_ones():
    pages = [
        (1.0, 0.0, 0.0),  # perfect page
        (0.0, 0.0, 1.0),  # nothing predicted: no precision term, recall 0
        (0.5, 0.5, 0.0),  # half of the prediction is extra
    ]
    scores = zyte_scores(pages)
    assert scores["precision"] == pytest.approx((1.0 + 0.5) / 2)
    assert scores["recall"] == pytest.approx((1.0 + 0.0 + 1.0) / 3)
    assert scores["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_scores_of_no_pages_are_none():
    assert zyte_scores([]) == {"precision": None, "recall": None, "f1": None}


@pytest.mark.parametrize(
    ("true", "pred", "exact"),
    [("One, two.", "One two", True), ("One two", "one two", False), ("One two", "One two three", False)],
)
def test_exact_means_identical_token_sequences(true, pred, exact):
    assert zyte_exact(true, pred) is exact

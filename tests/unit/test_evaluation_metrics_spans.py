"""Span overlap and the half-of-the-longer-span matching rule, on hand-made spans."""

from __future__ import annotations

import pytest

from newsevents.evaluation.metrics import span_length, span_overlap, spans_match


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (((0, 10),), ((5, 15),), 5),  # overlapping
        (((0, 10),), ((2, 4),), 2),  # nested
        (((0, 10),), ((10, 20),), 0),  # touching, no shared character
        (((0, 5), (10, 15)), ((3, 12),), 4),  # discontinuous: 2 + 2
        ((), ((0, 5),), 0),  # empty span
    ],
)
def test_span_overlap_counts_shared_characters(a, b, overlap):
    assert span_overlap(a, b) == overlap
    assert span_overlap(b, a) == overlap


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (((0, 10),), ((0, 10),), True),  # identical
        (((0, 10),), ((5, 15),), True),  # 5 of 10: exactly half of the longer
        (((0, 10),), ((6, 16),), False),  # 4 of 10
        (((0, 10),), ((2, 7),), True),  # nested, inner covers half of the outer
        (((0, 10),), ((2, 6),), False),  # nested, inner covers less than half
        (((0, 100),), ((40, 50),), False),  # over-long prediction around a short gold span
        (((0, 5), (10, 15)), ((0, 5), (10, 15)), True),  # same fragments
        (((0, 5), (10, 15)), ((0, 15),), True),  # 10 of 15: the gap counts in the longer span
        (((0, 5), (10, 15)), ((0, 30),), False),  # 10 of 30
        (((0, 5), (10, 15)), ((20, 40),), False),  # disjoint
        (((3, 3),), ((3, 3),), False),  # zero-length spans never match
    ],
)
def test_spans_match_needs_half_of_the_longer_span(a, b, expected):
    assert spans_match(a, b) is expected
    assert spans_match(b, a) is expected


def test_span_length_sums_fragments():
    assert span_length(((0, 5), (10, 15))) == 10

"""Span helpers: PolNeAR-style edge trimming, runs, merging and cutting of token ranges."""

from __future__ import annotations

import pytest
import spacy

from newsevents.nlp.quotes.spans import content_runs, merge_ranges, runs, subtract, trim

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "keep_quotes", "expected"),
    [
        (", that it rains .", True, "that it rains"),
        ("“It rains,”", True, "“It rains,”"),
        ("“It rains,”", False, "It rains"),
        ("Council (ONSC", False, "Council (ONSC)"),
        (", .", True, None),
    ],
)
def test_trim_drops_edge_punctuation(text: str, keep_quotes: bool, expected: str | None) -> None:
    doc = NLP(text + (") said" if "(" in text else ""))
    end = len(NLP(text))
    got = trim(doc, 0, end, keep_quotes=keep_quotes)
    assert (doc[got[0] : got[1]].text if got else None) == expected


def test_runs_split_indices_into_contiguous_ranges() -> None:
    assert runs([5, 1, 2, 3, 7, 6]) == [(1, 4), (5, 8)]


def test_content_runs_trim_every_fragment() -> None:
    doc = NLP("“A,” he said, “B is.”")
    fragments = content_runs(doc, [0, 1, 2, 3, 6, 7, 8, 9, 10, 11])
    assert [doc[s:e].text for s, e in fragments] == ["“A,”", "“B is.”"]


@pytest.mark.parametrize(
    ("ranges", "cuts", "merged", "left"),
    [
        ([(0, 5), (3, 8)], [(2, 4)], [(0, 8)], [(0, 2), (4, 8)]),
        ([(0, 3), (5, 9)], [(0, 3)], [(0, 3), (5, 9)], [(5, 9)]),
        ([(4, 6)], [(0, 2)], [(4, 6)], [(4, 6)]),
    ],
)
def test_merge_and_subtract(ranges, cuts, merged, left) -> None:
    assert merge_ranges(ranges) == merged
    assert subtract(merge_ranges(ranges), cuts) == left

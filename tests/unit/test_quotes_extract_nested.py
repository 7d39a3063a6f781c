"""Cues inside another attribution's content: dropped, kept, or split off the outer content's tail."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.quotes.extract import _drop_nested
from newsevents.nlp.quotes.spans import Candidate

# "Carson said he plans a strategy , insisting that leaders failed ."
#     0     1    2   3   4    5     6    7        8     9      10    11
WORDS = "Carson said he plans a strategy , insisting that leaders failed .".split()


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS)


def _outer(direct: bool = False) -> Candidate:
    return Candidate((1, 2), 1, (0, 1), [(2, 11)], direct, "learned.say", 0.99)


def _tail(confidence: float) -> Candidate:
    return Candidate((7, 8), 7, None, [(8, 11)], False, "learned.insist", confidence)


@pytest.mark.parametrize(
    ("confidence", "direct", "kept", "outer_content"),
    [
        (0.8, False, 2, [(2, 6)]),  # sure enough: kept, and cut off the outer content (and its comma)
        (0.5, False, 1, [(2, 11)]),  # unsure: dropped, the outer content unchanged
        (0.97, False, 2, [(2, 11)]),  # very sure: kept as any nested cue, nothing cut
        (0.8, True, 1, [(2, 11)]),  # a direct quote's content is its quotation: never cut
    ],
)
def test_nested_tail_attribution(
    confidence: float, direct: bool, kept: int, outer_content: list[tuple[int, int]]
) -> None:
    outer = _outer(direct)
    found = _drop_nested(_doc(), [(0, outer), (0, _tail(confidence))])
    assert len(found) == kept
    assert outer.content == outer_content


def test_nested_cue_not_at_the_tail_is_dropped() -> None:
    outer = _outer()
    inner = Candidate((3, 4), 3, (2, 3), [(4, 6)], False, "learned.plan", 0.8)
    found = _drop_nested(_doc(), [(0, outer), (0, inner)])
    assert [c for _, c in found] == [outer]
    assert outer.content == [(2, 11)]

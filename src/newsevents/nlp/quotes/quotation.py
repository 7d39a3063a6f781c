"""Quotation marks: which token ranges of a Doc lie between a pair of quote marks.

Direct quotes may span several sentences and be split around the cue ("“A,” he said, “B.”"), so
quotations are found on the whole Doc, before sentences are looked at. Curly quotes pair by
direction; straight double quotes and doubled apostrophes (''...'', the New York Times' archive
style) pair in order of appearance within a paragraph (an unclosed quote ends at the paragraph
break, as in news copy where a quote runs over several paragraphs and only the last one closes it).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.nlp.quotes.table import TokenTable

OPENERS = frozenset({"“", "„"})
STRAIGHT = frozenset({'"', "''"})
CLOSERS = frozenset({"”"})


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # token index of the opening mark
    end: int  # token index after the closing mark (or the last token before a paragraph break)
    closed: bool


def find_quotations(table: TokenTable) -> list[Quotation]:
    """Pairs of quote marks in text order; spans never cross a paragraph break."""
    found: list[Quotation] = []
    open_at: int | None = None
    open_mark = ""
    last_content = -1
    for i, text in enumerate(table.text):
        if open_at is None:
            if text in OPENERS or text in STRAIGHT:
                open_at, open_mark = i, text
                last_content = i
        else:
            closes = (open_mark in STRAIGHT and text in STRAIGHT) or (
                open_mark in OPENERS and (text in CLOSERS or text in STRAIGHT)
            )
            if closes:
                if i > open_at + 1:
                    found.append(Quotation(open_at, i + 1, True))
                open_at = None
                continue
            if text in OPENERS and open_mark in OPENERS:
                # A second opener before a closer: the earlier quote ran to here unclosed.
                if last_content > open_at:
                    found.append(Quotation(open_at, last_content + 1, False))
                open_at, open_mark = i, text
                last_content = i
                continue
            if not table.space[i]:
                last_content = i
        if open_at is not None and table.breaks[i]:
            if last_content > open_at:
                found.append(Quotation(open_at, last_content + 1, False))
            open_at = None
    if open_at is not None and last_content > open_at:
        found.append(Quotation(open_at, last_content + 1, False))
    return found


def quotation_index(quotations: list[Quotation], n_tokens: int) -> list[int]:
    """For each token, the index of the quotation containing it (-1: none)."""
    index = [-1] * n_tokens
    for q_i, q in enumerate(quotations):
        for i in range(q.start, min(q.end, n_tokens)):
            index[i] = q_i
    return index

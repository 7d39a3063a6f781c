"""Token ranges of attributions and how their edges are trimmed (PolNeAR's span conventions).

Sources and contents are subtrees of the parse; PolNeAR's spans leave out edge punctuation
(commas, the final period) but keep the quote marks of direct quotes and the closing bracket of
"Council (ONSC)".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

TokenRange = tuple[int, int]  # [start, end) token indices

EDGE_PUNCT = frozenset({",", ".", ";", ":", "-", "—", "–", "(", ")", "!", "?"})
QUOTE_CHARS = frozenset({'"', "“", "”", "``", "''", "‘", "’", "'"})


@dataclass(slots=True)
class Candidate:
    """One attribution in token coordinates (the component makes character spans of it)."""

    cue: TokenRange
    cue_head: int
    source: TokenRange | None
    content: list[TokenRange]
    direct: bool
    rule: str
    confidence: float


def runs(indices: Iterable[int]) -> list[TokenRange]:
    """Token indices -> sorted contiguous [start, end) runs."""
    out: list[TokenRange] = []
    for i in sorted(set(indices)):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def trim(doc: Doc, start: int, end: int, keep_quotes: bool = True) -> TokenRange | None:
    """Drops punctuation and spaces at both edges (quote marks stay when keep_quotes)."""

    def droppable(tok: Token) -> bool:
        if tok.is_space:
            return True
        if tok.text in QUOTE_CHARS:
            return not keep_quotes
        return tok.text in EDGE_PUNCT or tok.is_punct

    while start < end and droppable(doc[start]):
        start += 1
    while end > start and droppable(doc[end - 1]):
        end -= 1
    # A closing bracket stays when its opener is inside ("Council (ONSC)").
    if end < len(doc) and doc[end].text == ")" and any(doc[i].text == "(" for i in range(start, end)):
        end += 1
    return (start, end) if start < end else None


def content_runs(doc: Doc, indices: Iterable[int]) -> list[TokenRange]:
    out = []
    for s, e in runs(indices):
        trimmed = trim(doc, s, e)
        if trimmed:
            out.append(trimmed)
    return out


def merge_ranges(ranges: list[TokenRange]) -> list[TokenRange]:
    out: list[TokenRange] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def subtract(ranges: list[TokenRange], cuts: list[TokenRange]) -> list[TokenRange]:
    """The parts of `ranges` outside every cut."""
    out = ranges
    for cs, ce in cuts:
        nxt: list[TokenRange] = []
        for s, e in out:
            if ce <= s or cs >= e:
                nxt.append((s, e))
                continue
            if s < cs:
                nxt.append((s, cs))
            if ce < e:
                nxt.append((ce, e))
        out = nxt
    return out

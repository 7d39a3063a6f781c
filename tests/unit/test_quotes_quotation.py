"""Quotation marks: pairing curly, straight and TeX quotes, never across paragraphs."""

from __future__ import annotations

import pytest
import spacy

from newsevents.nlp.quotes.quotation import find_quotations, quotation_index
from newsevents.nlp.quotes.table import token_table

NLP = spacy.blank("en")


def quoted(text: str) -> list[str]:
    doc = NLP(text)
    return [doc[q.start : q.end].text for q in find_quotations(token_table(doc))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we win” and “they lose”.", ["“we win”", "“they lose”"]),
        ('He said "we win" and "they lose".', ['"we win"', '"they lose"']),
        ("“A. B,” she said. “C.”", ["“A. B,”", "“C.”"]),
        ("He said ''we win'' today.", ["''we win''"]),
        ("No quotes at all.", []),
        ("Empty “” marks.", []),
    ],
)
def test_quote_marks_pair_up(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_unclosed_quote_ends_at_the_paragraph_break() -> None:
    assert quoted("She said: “We will fight on\n\nThe vote is Tuesday.") == ["“We will fight on"]


def test_quotation_index_marks_every_token_inside() -> None:
    doc = NLP("He said “we win” today.")
    index = quotation_index(find_quotations(token_table(doc)), len(doc))
    assert [doc[i].text for i, q in enumerate(index) if q == 0] == ["“", "we", "win", "”"]
    assert index[0] == -1 and index[-1] == -1

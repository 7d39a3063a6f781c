"""A cue whose parse offers no content takes the quotation after its addressee ("told reporters: “...”")."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.quotes.extract import _Joiner
from newsevents.nlp.quotes.quotation import find_quotations
from newsevents.nlp.quotes.spans import Candidate
from newsevents.nlp.quotes.table import token_table


def _doc(glue: list[str]) -> Doc:
    """ "Ryan told reporters GLUE “We win.”" as two sentences (the quotation parsed on its own)."""
    words = ["Ryan", "told", "reporters", *glue, "“", "We", "win", ".", "”"]
    n = 3 + len(glue)
    heads = [1, 1, 1, *([1] * len(glue)), n + 2, n + 2, n + 2, n + 2, n + 2]
    deps = ["nsubj", "ROOT", "dative", *(["punct"] * len(glue)), "punct", "nsubj", "ROOT", "punct", "punct"]
    pos = ["PROPN", "VERB", "NOUN", *(["PUNCT"] * len(glue)), "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"]
    spaces = [True, True, not glue, *([True] * len(glue)), False, True, False, False, False]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=[w.lower() for w in words],
    )


@pytest.mark.parametrize(
    ("glue", "content"),
    [
        ([":"], ["“We win.”"]),  # "told reporters: “...”": the addressee and a colon between
        ([","], ["“We win.”"]),
        ([], []),  # no comma or colon: the quotation is not announced by the cue
    ],
)
def test_quotation_after_the_cue_addressee(glue: list[str], content: list[str]) -> None:
    doc = _doc(glue)
    table = token_table(doc)
    joiner = _Joiner(doc, table, find_quotations(table))
    cand = Candidate((1, 2), 1, (0, 1), [], False, "learned.tell", 0.9)
    joiner.adjacent(0, cand)
    assert [doc[s:e].text for s, e in cand.content] == content

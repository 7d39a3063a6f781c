"""How extract.py combines transcript turns (layout.py) with the learned model's candidates:
which quotations a turn reserves, which model cues a turn overrules, and the order of the result.
The model is replaced by a fixed candidate list; the Doc is tokenised without a spaCy model."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.quotes import extract
from newsevents.nlp.quotes.extract import _Joiner, _overruled, extract_candidates
from newsevents.nlp.quotes.layout import layout_attributions
from newsevents.nlp.quotes.lexicon import load_lexicon
from newsevents.nlp.quotes.model import load_model
from newsevents.nlp.quotes.quotation import find_quotations
from newsevents.nlp.quotes.spans import Candidate
from newsevents.nlp.quotes.table import token_table

NLP = spacy.blank("en")
# Invented interview; the guest is named in the introduction.
TEXT = (
    "Senator Ottilie Brandvold joined the program.\n\n"
    "KESTREL: Why this week?\n\n"
    "BRANDVOLD: My aide said “we stall” and I agree.\n\n"
    "KESTREL: And then?\n\n"
    "BRANDVOLD: “We adjourn.”"
)


def _doc() -> Doc:
    doc = NLP(TEXT)
    for tok in doc:
        tok.pos_ = "SPACE" if tok.is_space else "PUNCT" if tok.is_punct else "NOUN"
        # one sentence per paragraph
        tok.is_sent_start = tok.i == 0 or doc[tok.i - 1].is_space
    start = TEXT.index("Ottilie")
    span = doc.char_span(start, start + len("Ottilie Brandvold"), label="PERSON")
    assert span is not None
    doc.ents = [span]
    return doc


def _index(doc: Doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc if t.text == word][nth]


def _turns(doc: Doc) -> list[Candidate]:
    turns = layout_attributions(doc, token_table(doc))
    assert [doc[c.source[0] : c.source[1]].text for c in turns if c.source] == [
        "KESTREL",
        "BRANDVOLD",
        "KESTREL",
        "BRANDVOLD",
    ]
    return turns


def test_only_a_quotation_that_is_the_whole_turn_is_reserved() -> None:
    doc = _doc()
    table = token_table(doc)
    quotes = find_quotations(table)
    joiner = _Joiner(doc, table, quotes)
    joiner.reserve(_turns(doc))
    reserved = [
        doc[quotes[q].start : quotes[q].end].text for q, owner in joiner.claimed.items() if owner == -1
    ]
    assert reserved == ["“We adjourn.”"]  # "“we stall”", nested in a turn, stays open to its cue


@pytest.mark.parametrize(
    ("word", "nth", "overruled"),
    [
        ("KESTREL", 0, True),  # the turn's source: the turn knows the content's extent
        (":", 1, True),  # the turn's cue
        ("said", 0, False),  # a cue inside the turn's content
    ],
)
def test_model_cue_on_a_turn_label_is_overruled(word: str, nth: int, overruled: bool) -> None:
    doc = _doc()
    i = _index(doc, word, nth)
    cand = Candidate((i, i + 1), i, None, [], False, "learned.test", 0.97)
    assert _overruled(cand, _turns(doc)) is overruled


def test_turns_and_model_candidates_come_out_in_text_order(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _doc()
    said = _index(doc, "said")
    label = _index(doc, "KESTREL", 1)
    model_cands = [
        # a confident nested cue: it takes the quotation after it, and survives inside the turn
        Candidate((said, said + 1), said, (said - 2, said), [], False, "learned.say", 0.97),
        # a model cue on a turn label: the turn replaces it
        Candidate((label, label + 1), label, None, [(label + 2, label + 4)], False, "learned.x", 0.9),
    ]

    def fake_attributions(*_args: Any, **_kwargs: Any) -> list[Candidate]:
        return model_cands

    monkeypatch.setattr(extract, "attributions", fake_attributions)
    found = [cand for _, cand in extract_candidates(doc, load_lexicon(), load_model())]
    rules = [cand.rule for cand in found]
    assert rules == [
        "layout.transcript",
        "layout.transcript",
        "learned.say",
        "layout.transcript",
        "layout.transcript",
    ]
    assert [cand.cue_head for cand in found] == sorted(cand.cue_head for cand in found)
    nested = found[2]
    assert [doc[s:e].text for s, e in nested.content] == ["“we stall”"]

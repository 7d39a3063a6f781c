"""Lemma-free frame features of cue candidates, on a hand-parsed Doc (no spaCy model)."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import doc_from_rows
from newsevents.nlp.quotes.features import cue_features, doc_context
from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.table import token_table

# (text, head offset, dep, pos, entity IOB tag, lemma)
ROWS = [
    ("Officials", 1, "nsubj", "NOUN", "O", "official"),
    ("vowed", 0, "ROOT", "VERB", "O", "vow"),
    ("that", 3, "mark", "SCONJ", "O", "that"),
    ("the", 1, "det", "DET", "O", "the"),
    ("army", 1, "nsubj", "NOUN", "O", "army"),
    ("leaves", -4, "ccomp", "VERB", "O", "leave"),
    (".", -5, "punct", "PUNCT", "O", "."),
    ("Biden", 1, "nsubj", "PROPN", "B-PERSON", "Biden"),
    ("made", 0, "ROOT", "VERB", "O", "make"),
    ("a", 1, "det", "DET", "O", "a"),
    ("statement", -2, "dobj", "NOUN", "O", "statement"),
    (".", -3, "punct", "PUNCT", "O", "."),
]


def _features(word: str) -> list[str]:
    doc = doc_from_rows(ROWS, ("text", "head", "dep", "pos", "ent", "lemma"))
    lex = CueLexicon(verbs=frozenset({"say"}), nouns=frozenset({"statement"}))
    ctx = doc_context(doc, token_table(doc), [False] * len(doc))
    tok = next(t for t in doc if t.text == word)
    return cue_features(tok, ctx, lex)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("vowed", "subjn=official"),  # a common-noun subject that speaks as a body
        ("vowed", "clause=ccomp|that|VERB"),  # governs a "that" clause
        ("vowed", "clause|subj=ccomp|True|VERB"),  # ... with a subject of its own
        ("made", "subjent=PERSON|VERB"),  # a person's act
        ("made", "objlex=dobj"),  # a light verb whose object is a cue noun
        ("statement", "chain=dobj|ROOT|VERB"),  # where it hangs
        ("leaves", "at=last|VERB"),
        ("Biden", "at=first|PROPN"),
    ],
)
def test_frame_features_describe_the_company_of_the_candidate(word: str, expected: str) -> None:
    assert expected in _features(word)


def test_frame_features_carry_no_candidate_lemma() -> None:
    """Frame features judge a rare lemma by its company: none of them names the lemma itself."""
    frame_prefixes = ("subjent=", "subjent|d=", "clause=", "clause|subj=", "objlex=", "chain=", "at=")
    assert not [f for f in _features("vowed") if f.startswith(frame_prefixes) and "vow" in f]

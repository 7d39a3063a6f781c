"""'it' / 'they' go back to speakers that agree in number: named groups, speaking bodies, cue-verb
subjects and actor mentions, never a thing that happens to be the last subject."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from helpers.parsed_docs import doc_from_rows
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.quotes.resolve import SpeakerResolver, speaking_nouns

register_extensions()

# (text, head offset, dep, pos, fine tag, entity IOB tag); lemmas are the lower-cased text
# except "said" -> "say".
Row = tuple[str, int, str, str, str, str]

THING_AFTER_COMPANY: list[Row] = [
    ("Zorvex", 1, "compound", "PROPN", "NNP", "B-ORG"),
    ("Corp.", 1, "nsubj", "PROPN", "NNP", "I-ORG"),
    ("posted", 0, "ROOT", "VERB", "VBD", "O"),
    ("results", -1, "dobj", "NOUN", "NNS", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
    ("Revenue", 1, "nsubj", "NOUN", "NN", "O"),
    ("rose", 0, "ROOT", "VERB", "VBD", "O"),
    (".", -1, "punct", "PUNCT", ".", "O"),
    ("It", 1, "nsubj", "PRON", "PRP", "O"),
    ("said", 0, "ROOT", "VERB", "VBD", "O"),
    ("so", -1, "advmod", "ADV", "RB", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
]

THING_AFTER_POLICE: list[Row] = [
    ("Police", 1, "nsubj", "NOUN", "NNS", "O"),
    ("arrested", 0, "ROOT", "VERB", "VBD", "O"),
    ("suspects", -1, "dobj", "NOUN", "NNS", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
    ("The", 1, "det", "DET", "DT", "O"),
    ("fire", 1, "nsubj", "NOUN", "NN", "O"),
    ("destroyed", 0, "ROOT", "VERB", "VBD", "O"),
    ("homes", -1, "dobj", "NOUN", "NNS", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
    ("They", 1, "nsubj", "PRON", "PRP", "O"),
    ("said", 0, "ROOT", "VERB", "VBD", "O"),
    ("so", -1, "advmod", "ADV", "RB", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
]

PLAN_IN_SAME_SENTENCE: list[Row] = [
    ("The", 1, "det", "DET", "DT", "O"),
    ("ministry", 1, "nsubj", "NOUN", "NN", "O"),
    ("issued", 0, "ROOT", "VERB", "VBD", "O"),
    ("rules", -1, "dobj", "NOUN", "NNS", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
    ("The", 1, "det", "DET", "DT", "O"),
    ("plan", 2, "nsubj", "NOUN", "NN", "O"),
    ("would", 1, "aux", "AUX", "MD", "O"),
    ("cut", 0, "ROOT", "VERB", "VB", "O"),
    ("costs", -1, "dobj", "NOUN", "NNS", "O"),
    (",", -2, "punct", "PUNCT", ",", "O"),
    ("it", 1, "nsubj", "PRON", "PRP", "O"),
    ("said", -4, "parataxis", "VERB", "VBD", "O"),
    (".", -5, "punct", "PUNCT", ".", "O"),
]

CUE_SUBJECT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "O"),
    ("report", 1, "nsubj", "NOUN", "NN", "O"),
    ("said", 0, "ROOT", "VERB", "VBD", "O"),
    ("tariffs", 1, "nsubj", "NOUN", "NNS", "O"),
    ("climbed", -2, "ccomp", "VERB", "VBD", "O"),
    (".", -3, "punct", "PUNCT", ".", "O"),
    ("It", 1, "nsubj", "PRON", "PRP", "O"),
    ("said", 0, "ROOT", "VERB", "VBD", "O"),
    ("more", -1, "dobj", "ADJ", "JJR", "O"),
    (".", -2, "punct", "PUNCT", ".", "O"),
]

PEOPLE_THEN_COUNTRY: list[Row] = [
    ("Officials", 1, "nsubj", "NOUN", "NNS", "O"),
    ("visited", 0, "ROOT", "VERB", "VBD", "O"),
    ("the", 2, "det", "DET", "DT", "O"),
    ("United", 1, "compound", "PROPN", "NNP", "B-GPE"),
    ("States", -3, "dobj", "PROPN", "NNPS", "I-GPE"),
    ("and", -4, "cc", "CCONJ", "CC", "O"),
    ("it", 1, "nsubj", "PRON", "PRP", "O"),
    ("said", -6, "conj", "VERB", "VBD", "O"),
    ("so", -1, "advmod", "ADV", "RB", "O"),
    (".", -8, "punct", "PUNCT", ".", "O"),
]


def build(rows: list[Row], pronoun_word: str | None = None, replacement: str | None = None) -> Doc:
    words = [r[0] for r in rows]
    if pronoun_word is not None and replacement is not None:
        words = [replacement if w == pronoun_word else w for w in words]
    lemmas = ["say" if w == "said" else w.lower() for w in words]
    doc = doc_from_rows(rows, ("text", "head", "dep", "pos", "tag", "ent"), words=words, lemmas=lemmas)
    doc._.actor_mentions = []
    return doc


def resolve_last(doc: Doc, word: str) -> str | None:
    i = [t.i for t in doc if t.text == word][-1]
    return SpeakerResolver(doc, None, frozenset({"say"})).speaker(i, i + 1).name


@pytest.mark.parametrize(
    ("rows", "pronoun", "expected"),
    [
        (THING_AFTER_COMPANY, "It", "Zorvex Corp."),  # not "Revenue"
        (THING_AFTER_POLICE, "They", "Police"),  # not "fire"
        (PLAN_IN_SAME_SENTENCE, "it", "ministry"),  # not "plan"
        (CUE_SUBJECT, "It", "report"),  # a cue verb's subject speaks
        (PEOPLE_THEN_COUNTRY, "it", "United States"),  # a plural proper name (NNPS) may be "it"
    ],
)
def test_pronoun_goes_to_a_speaker_not_to_a_thing(rows: list[Row], pronoun: str, expected: str) -> None:
    assert resolve_last(build(rows), pronoun) == expected


@pytest.mark.parametrize(
    ("rows", "pronoun", "replacement", "expected"),
    [
        (CUE_SUBJECT, "It", "They", "They"),  # "they" never refers to a singular report: unresolved
        (THING_AFTER_POLICE, "They", "It", "Police"),  # "police" is a collective body: "it" agrees
    ],
)
def test_pronoun_number_agreement(rows: list[Row], pronoun: str, replacement: str, expected: str) -> None:
    assert resolve_last(build(rows, pronoun, replacement), replacement) == expected


def test_speaking_nouns_keep_bodies_and_groups_of_people_apart() -> None:
    nouns = speaking_nouns()
    assert {"ministry", "police", "delegation"} <= nouns.bodies
    assert "official" in nouns.people
    assert not nouns.bodies & nouns.people

"""Speaker resolution: pronouns, short names and relative pronouns back to the full mention."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from helpers.parsed_docs import doc_from_rows
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import ActorMention
from newsevents.nlp.quotes.resolve import SpeakerResolver
from newsevents.types import ActorRef

register_extensions()

# (text, head offset, dep, pos, entity IOB tag)
Row = tuple[str, int, str, str, str]

PRONOUN: list[Row] = [
    ("Ahmad", 1, "compound", "PROPN", "B-PERSON"),
    ("Saeedi", 1, "nsubj", "PROPN", "I-PERSON"),
    ("arrived", 0, "ROOT", "VERB", "O"),
    (".", -1, "punct", "PUNCT", "O"),
    ("He", 1, "nsubj", "PRON", "O"),
    ("said", 0, "ROOT", "VERB", "O"),
    ("it", 1, "nsubj", "PRON", "O"),
    ("rains", -2, "ccomp", "VERB", "O"),
    (".", -3, "punct", "PUNCT", "O"),
]

SHORT_NAME: list[Row] = [
    ("Rahmatullah", 1, "compound", "PROPN", "B-PERSON"),
    ("Andar", 1, "nsubj", "PROPN", "I-PERSON"),
    ("spoke", 0, "ROOT", "VERB", "O"),
    (".", -1, "punct", "PUNCT", "O"),
    ("Andar", 1, "nsubj", "PROPN", "B-PERSON"),
    ("said", 0, "ROOT", "VERB", "O"),
    ("so", -1, "advmod", "ADV", "O"),
    (".", -2, "punct", "PUNCT", "O"),
]

RELATIVE: list[Row] = [
    ("Saeedi", 4, "nsubj", "PROPN", "B-PERSON"),
    (",", -1, "punct", "PUNCT", "O"),
    ("who", 1, "nsubj", "PRON", "O"),
    ("said", -3, "relcl", "VERB", "O"),
    ("left", 0, "ROOT", "VERB", "O"),
    (".", -1, "punct", "PUNCT", "O"),
]

SALIENT_SUBJECT: list[Row] = [
    ("The", 1, "det", "DET", "O"),
    ("Taliban", 1, "nsubj", "PROPN", "B-ORG"),
    ("met", 0, "ROOT", "VERB", "O"),
    ("the", 2, "det", "DET", "O"),
    ("United", 1, "compound", "PROPN", "B-GPE"),
    ("States", -3, "dobj", "PROPN", "I-GPE"),
    ("and", -4, "cc", "CCONJ", "O"),
    ("it", 1, "nsubj", "PRON", "O"),
    ("said", -6, "conj", "VERB", "O"),
    ("so", -1, "advmod", "ADV", "O"),
    (".", -8, "punct", "PUNCT", "O"),
]


def build(rows: list[Row]) -> Doc:
    doc = doc_from_rows(rows, ("text", "head", "dep", "pos", "ent"))
    doc._.actor_mentions = []
    return doc


def index_of(doc: Doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    ("rows", "word", "nth", "expected"),
    [
        (PRONOUN, "He", 0, "Ahmad Saeedi"),
        (SHORT_NAME, "Andar", 1, "Rahmatullah Andar"),
        (RELATIVE, "who", 0, "Saeedi"),
        (SALIENT_SUBJECT, "it", 0, "Taliban"),
    ],
)
def test_source_resolves_to_full_mention(rows: list[Row], word: str, nth: int, expected: str) -> None:
    doc = build(rows)
    i = index_of(doc, word, nth)
    speaker = SpeakerResolver(doc, None).speaker(i, i + 1)
    assert speaker.name == expected


def test_actor_mention_gives_country_sector_and_role() -> None:
    doc = build(SHORT_NAME)
    ref = ActorRef("Rahmatullah Andar", "Rahmatullah Andar", "AFG", "GOV", role="spokesman")
    doc._.actor_mentions = [ActorMention(0, 2, ref, 1)]
    i = index_of(doc, "Andar", 1)
    speaker = SpeakerResolver(doc, None).speaker(i, i + 1)
    assert (speaker.name, speaker.country, speaker.sector, speaker.role) == (
        "Rahmatullah Andar",
        "AFG",
        "GOV",
        "spokesman",
    )
    assert speaker is not ref  # a copy: the quote never aliases the actor component's object


class CountingResolver:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, text: str, context: str) -> ActorRef | None:
        self.asked.append(text)
        return ActorRef(text, text, "USA", "GOV")


def test_public_resolver_is_asked_once_per_name() -> None:
    resolver = CountingResolver()
    speakers = SpeakerResolver(build(SHORT_NAME), resolver)
    first = speakers.speaker(0, 2)
    again = speakers.speaker(4, 5)  # "Andar" -> "Rahmatullah Andar": the same name
    assert resolver.asked == ["Rahmatullah Andar"]
    assert (first.country, again.country) == ("USA", "USA")


def test_unresolved_pronoun_is_not_sent_to_the_resolver() -> None:
    resolver = CountingResolver()
    speaker = SpeakerResolver(build(PRONOUN[4:]), resolver).speaker(0, 1)
    assert speaker.name == "He" and speaker.country is None
    assert resolver.asked == []


APPOSITION: list[Row] = [
    ("Ahmad", 1, "compound", "PROPN", "B-PERSON"),
    ("Saeedi", 0, "ROOT", "PROPN", "I-PERSON"),
    (",", -1, "punct", "PUNCT", "O"),
    ("political", 1, "amod", "ADJ", "O"),
    ("analyst", -3, "appos", "NOUN", "O"),
]

QUANTITY: list[Row] = [
    ("A", 1, "det", "DET", "O"),
    ("number", 0, "ROOT", "NOUN", "O"),
    ("of", -1, "prep", "ADP", "O"),
    ("political", 1, "amod", "ADJ", "O"),
    ("experts", -2, "pobj", "NOUN", "O"),
]

OF_NAME: list[Row] = [
    ("the", 1, "det", "DET", "O"),
    ("Ministry", 0, "ROOT", "PROPN", "B-ORG"),
    ("of", -1, "prep", "ADP", "I-ORG"),
    ("Defense", -1, "pobj", "PROPN", "I-ORG"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(APPOSITION, "Ahmad Saeedi"), (QUANTITY, "political experts"), (OF_NAME, "Ministry of Defense")],
)
def test_speaker_name_drops_determiners_appositions_and_quantities(rows: list[Row], expected: str) -> None:
    doc = build(rows)
    assert SpeakerResolver(doc, None).speaker(0, len(doc)).name == expected


DELEGATION: list[Row] = [
    ("An", 2, "det", "DET", "O"),
    ("Afghan", 1, "amod", "ADJ", "B-NORP"),
    ("delegation", 1, "nsubj", "NOUN", "O"),
    ("visited", 0, "ROOT", "VERB", "O"),
    ("the", 2, "det", "DET", "O"),
    ("United", 1, "compound", "PROPN", "B-GPE"),
    ("States", -3, "dobj", "PROPN", "I-GPE"),
    ("where", 2, "advmod", "SCONJ", "O"),
    ("it", 1, "nsubj", "PRON", "O"),
    ("discussed", -3, "relcl", "VERB", "O"),
    ("issues", -1, "dobj", "NOUN", "O"),
    (".", -8, "punct", "PUNCT", "O"),
]

PLURAL_ONLY: list[Row] = [
    ("Officials", 1, "nsubj", "NOUN", "O"),
    ("met", 0, "ROOT", "VERB", "O"),
    ("and", -1, "cc", "CCONJ", "O"),
    ("it", 1, "nsubj", "PRON", "O"),
    ("said", -3, "conj", "VERB", "O"),
    ("so", -1, "advmod", "ADV", "O"),
    (".", -5, "punct", "PUNCT", "O"),
]


@pytest.mark.parametrize(
    ("rows", "plural", "expected"),
    [
        (DELEGATION, (), "Afghan delegation"),  # the subject body, not the country it visited
        (PLURAL_ONLY, ("Officials",), "it"),  # "it" never refers to "officials": unresolved
    ],
)
def test_it_resolves_to_an_agreeing_subject_or_stays_unresolved(
    rows: list[Row], plural: tuple[str, ...], expected: str
) -> None:
    doc = build(rows)
    for tok in doc:
        tags = {"PRON": "PRP", "PROPN": "NNPS" if tok.text == "States" else "NNP"}
        tok.tag_ = "NNS" if tok.text in plural else tags.get(tok.pos_, "NN")
    i = index_of(doc, "it")
    assert SpeakerResolver(doc, None).speaker(i, i + 1).name == expected

"""Casualty counts: numbers in digits and words, qualifiers, coordination, victims."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.analyze import prepare_doc
from newsevents.nlp.events.casualties import CasualtyCues, parse_number
from newsevents.nlp.events.vocab import packaged
from newsevents.types import Article

CUES = CasualtyCues.from_data(packaged("casualties.yaml"))


@pytest.mark.parametrize(
    ("words", "index", "expected"),
    [
        (["258", "fighters"], 0, (258, None)),
        (["1,500", "people"], 0, (1500, None)),
        (["three", "civilians"], 0, (3, None)),
        (["two", "hundred", "villagers"], 0, (200, None)),
        (["dozens", "of", "people"], 0, (24, "dozens")),
        (["20-30", "people"], 0, (20, "at least")),
        (["several", "people"], 0, (3, "several")),
        (["many", "people"], 0, None),
        (["the", "people"], 0, None),
    ],
)
def test_casualties_parse_number(words, index, expected):
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert parse_number(doc[index], CUES) == expected


def _assault_counts(nlp, text: str):
    article = Article("t", "t", "test", None, None, [], "2021-07-01", None, [], text, "en")
    doc = nlp(prepare_doc(nlp, article))
    return [
        (m.dead, m.dead_qualifier, m.injured, m.injured_qualifier, m.arrested)
        for m in doc._.event_mentions
        if m.dead or m.injured or m.arrested
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the Ministry of Defense, as many as 258 Taliban fighters were killed and "
            "142 others injured in clashes with government forces in last 24 hours.",
            (258, "as many as", 142, "as many as", None),
        ),
        (
            "Burundian militiamen attacked the camp, killing at least 156 people.",
            (156, "at least", None, None, None),
        ),
        ("Three Iraqi civilians were killed in a car bombing in Baghdad.", (3, None, None, None, None)),
        ("A minefield explosion killed two Iraqi youths and wounded five others.", (2, None, 5, None, None)),
        ("Egyptian police arrested 12 protesters in Cairo.", (None, None, None, None, 12)),
        ("Rebels shelled Aleppo and more than 40 people were wounded.", (None, None, 40, "more than", None)),
        ("Dozens of people were injured when rebels attacked Kabul.", (None, None, 24, "dozens", None)),
    ],
)
def test_casualties_counted_on_the_event(nlp, text, expected):
    assert expected in _assault_counts(nlp, text)


@pytest.mark.model
def test_casualties_victims_text(nlp):
    article = Article(
        "t",
        "t",
        "test",
        None,
        None,
        [],
        "2021-07-01",
        None,
        [],
        "Gunmen killed four Iraqi police officers in Mosul.",
        "en",
    )
    doc = nlp(prepare_doc(nlp, article))
    [event] = [m for m in doc._.event_mentions if m.dead]
    assert event.dead == 4
    assert event.victims is not None and "officers" in event.victims


@pytest.mark.model
def test_casualties_none_without_numbers_or_victims(nlp):
    assert _assault_counts(nlp, "Russia attacked Ukraine on Monday.") == []

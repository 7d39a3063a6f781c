"""An event's location: its clause first, then its sentence, then the article's main place."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import ActorMention, EventMention, Toponym
from newsevents.nlp.places.component import EventPlaceComponent
from newsevents.types import ActorRef, Place

register_extensions()


def place(name, country, precision):
    return Place(
        text=name,
        name=name,
        country=country,
        admin1=None,
        lat=0.0,
        lon=0.0,
        geonames_id=None,
        precision=precision,
    )


def event(trigger, sent_index=0, countries=()):
    actors = [ActorMention(0, 1, ActorRef(text=c, name=c, country=c, sector="GOV")) for c in countries]
    return EventMention(
        sent_index, trigger, trigger + 1, "CONSULT", None, [], actors, [], "asserted", "test", 1.0
    )


def located(words, heads, deps, toponyms, events, sent_starts=None):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, sent_starts=sent_starts)
    doc._.toponyms = toponyms
    doc._.event_mentions = events
    EventPlaceComponent()(doc)
    return [e.place for e in events]


def test_place_in_the_event_clause():
    # Delegates met in Kabul .
    words = ["Delegates", "met", "in", "Kabul", "."]
    heads = [1, 1, 1, 2, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct"]
    result = located(words, heads, deps, [Toponym(3, 4, place("Kabul", "AFG", 1))], [event(1)])[0]
    assert (result.name, result.rule, result.precision) == ("Kabul", "event.clause", 1)


def test_locative_town_beats_demonym_in_the_clause():
    # Russian officials met in Moscow .
    words = ["Russian", "officials", "met", "in", "Moscow", "."]
    heads = [1, 2, 2, 2, 3, 2]
    deps = ["amod", "nsubj", "ROOT", "prep", "pobj", "punct"]
    toponyms = [
        Toponym(0, 1, place("Russia", "RUS", 3), demonym=True),
        Toponym(4, 5, place("Moscow", "RUS", 1)),
    ]
    assert located(words, heads, deps, toponyms, [event(2)])[0].name == "Moscow"


def test_destination_that_is_also_the_target_is_the_location():
    # He departed for travel to Moscow .
    words = ["He", "departed", "for", "travel", "to", "Moscow", "."]
    heads = [1, 1, 1, 2, 3, 4, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"]
    assert (
        located(words, heads, deps, [Toponym(5, 6, place("Moscow", "RUS", 1))], [event(1)])[0].name
        == "Moscow"
    )


def test_sentence_place_when_the_clause_has_none():
    # Troops left , officials in Kabul said .   (Kabul hangs off "said", another clause)
    words = ["Troops", "left", ",", "officials", "in", "Kabul", "said", "."]
    heads = [1, 6, 6, 6, 3, 4, 6, 6]
    deps = ["nsubj", "ccomp", "punct", "nsubj", "prep", "pobj", "ROOT", "punct"]
    result = located(words, heads, deps, [Toponym(5, 6, place("Kabul", "AFG", 1))], [event(1)])[0]
    assert (result.name, result.rule) == ("Kabul", "event.sentence")


@pytest.mark.parametrize(("countries", "expected"), [((), "Afghanistan"), (("RUS",), "Moscow")])
def test_article_main_place_when_the_sentence_has_none(countries, expected):
    # Moscow hosted talks . Afghan troops fought . Afghanistan suffered . Fighting continued .
    words = [
        "Moscow",
        "hosted",
        "talks",
        ".",
        "Afghan",
        "troops",
        "fought",
        ".",
        "Afghanistan",
        "suffered",
        ".",
        "Fighting",
        "continued",
        ".",
    ]
    heads = [1, 1, 1, 1, 5, 6, 6, 6, 9, 9, 9, 12, 12, 12]
    deps = [
        "nsubj",
        "ROOT",
        "dobj",
        "punct",
        "amod",
        "nsubj",
        "ROOT",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    sent_starts = [
        True,
        False,
        False,
        False,
        True,
        False,
        False,
        False,
        True,
        False,
        False,
        True,
        False,
        False,
    ]
    toponyms = [
        Toponym(0, 1, place("Moscow", "RUS", 1)),
        Toponym(4, 5, place("Afghanistan", "AFG", 3), demonym=True),
        Toponym(8, 9, place("Afghanistan", "AFG", 3)),
    ]
    result = located(
        words, heads, deps, toponyms, [event(12, sent_index=3, countries=countries)], sent_starts
    )[0]
    assert (result.name, result.rule) == (expected, "event.article")


def test_no_toponyms_no_location():
    words = ["Officials", "met", "."]
    assert located(words, [1, 1, 1], ["nsubj", "ROOT", "punct"], [], [event(1)]) == [None]

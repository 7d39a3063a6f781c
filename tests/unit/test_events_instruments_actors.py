"""Weapons and causes next to actors (hand-built parses, no model): a company named like a weapon
is an actor, a place in a weapon's phrase or its maker is not its user, and the agent inside a
cause's phrase acts."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import actor, code, parsed
from newsevents.nlp.mentions import Toponym
from newsevents.types import Place


@pytest.mark.parametrize(
    "verb,lemma,category", [("attacked", "attack", "ASSAULT"), ("sued", "sue", "ACCUSE")]
)
def test_events_company_named_like_a_weapon_is_the_target(verb, lemma, category):
    # "Nigerian militants attacked Shell", "Nigerian militants sued Shell"
    doc = parsed(
        [
            ("Nigerian", "nigerian", "ADJ", "JJ", "amod", 1),
            ("militants", "militant", "NOUN", "NNS", "nsubj", 2),
            (verb, lemma, "VERB", "VBD", "ROOT", 2),
            ("Shell", "Shell", "PROPN", "NNP", "dobj", 2),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 2, "NGA", "REB"), actor(doc, 3, 4, "GBR", "BUS")])
    assert (event.event_type, [a.ref.sector for a in event.target]) == (category, ["BUS"])
    assert event.mode != "heavy-weapons"


def test_events_place_after_a_weapon_is_not_its_user():
    # "A roadside bomb in Mosul killed three policemen"
    doc = parsed(
        [
            ("A", "a", "DET", "DT", "det", 2),
            ("roadside", "roadside", "NOUN", "NN", "compound", 2),
            ("bomb", "bomb", "NOUN", "NN", "nsubj", 5),
            ("in", "in", "ADP", "IN", "prep", 2),
            ("Mosul", "Mosul", "PROPN", "NNP", "pobj", 3),
            ("killed", "kill", "VERB", "VBD", "ROOT", 5),
            ("three", "three", "NUM", "CD", "nummod", 7),
            ("policemen", "policeman", "NOUN", "NNS", "dobj", 5),
        ]
    )
    mosul = Place("Mosul", "Mosul", "IRQ", None, None, None, None, char_start=17, char_end=22)
    [event] = code(doc, [actor(doc, 6, 8, "IRQ", "COP")], [Toponym(4, 5, mosul)])
    assert (event.mode, event.source) == ("explosives", [])


def test_events_maker_of_a_weapon_is_not_its_user():
    # "A US-made missile killed two soldiers"
    doc = parsed(
        [
            ("A", "a", "DET", "DT", "det", 4),
            ("US", "US", "PROPN", "NNP", "npadvmod", 3),
            ("-", "-", "PUNCT", "HYPH", "punct", 3),
            ("made", "make", "VERB", "VBN", "amod", 4),
            ("missile", "missile", "NOUN", "NN", "nsubj", 5),
            ("killed", "kill", "VERB", "VBD", "ROOT", 5),
            ("two", "two", "NUM", "CD", "nummod", 7),
            ("soldiers", "soldier", "NOUN", "NNS", "dobj", 5),
        ]
    )
    [event] = code(doc, [actor(doc, 1, 2, "USA"), actor(doc, 6, 8, "YEM", "MIL")])
    assert (event.mode, event.source) == ("heavy-weapons", [])


def test_events_actor_modifier_of_a_weapon_is_its_user():
    # "A Hamas rocket killed two Israelis"
    doc = parsed(
        [
            ("A", "a", "DET", "DT", "det", 2),
            ("Hamas", "Hamas", "PROPN", "NNP", "compound", 2),
            ("rocket", "rocket", "NOUN", "NN", "nsubj", 3),
            ("killed", "kill", "VERB", "VBD", "ROOT", 3),
            ("two", "two", "NUM", "CD", "nummod", 5),
            ("Israelis", "Israelis", "PROPN", "NNPS", "dobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 1, 2, "PSE", "REB"), actor(doc, 5, 6, "ISR", "CVL")])
    assert [a.ref.sector for a in event.source] == ["REB"]


def test_events_agent_inside_a_cause_phrase_acts():
    # "Twelve villagers were killed by fire from Malian troops"
    doc = parsed(
        [
            ("Twelve", "twelve", "NUM", "CD", "nummod", 1),
            ("villagers", "villager", "NOUN", "NNS", "nsubjpass", 3),
            ("were", "be", "AUX", "VBD", "auxpass", 3),
            ("killed", "kill", "VERB", "VBN", "ROOT", 3),
            ("by", "by", "ADP", "IN", "agent", 3),
            ("fire", "fire", "NOUN", "NN", "pobj", 4),
            ("from", "from", "ADP", "IN", "prep", 5),
            ("Malian", "malian", "ADJ", "JJ", "amod", 8),
            ("troops", "troop", "NOUN", "NNS", "pobj", 6),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 2, "MLI", "CVL"), actor(doc, 7, 9, "MLI", "MIL")])
    assert [(a.ref.country, a.ref.sector) for a in event.source] == [("MLI", "MIL")]

"""Event nouns with a prepositional complement ("evidence against X") and passive light verbs
(hand-built parses, no model); travel warnings as SANCTION; "case against" is no accusation."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import actor, code, countries, parsed
from newsevents.nlp.events.triggers import build_lexicon


@pytest.mark.parametrize("phrase,head", [("evidence against", "evidence"), ("state of emergency", "state")])
def test_events_noun_trigger_head_is_before_its_preposition(phrase, head):
    lexicon = build_lexicon([("t", {"entries": [{"category": "ACCUSE", "nouns": [phrase]}]})])
    assert [lemma for _pos, lemma in lexicon.specs] == [head]


def test_events_passive_light_verb_agent_acts_on_noun_complement():
    # "Evidence against Syria was produced by France."
    doc = parsed(
        [
            ("Evidence", "evidence", "NOUN", "NN", "nsubjpass", 4),
            ("against", "against", "ADP", "IN", "prep", 0),
            ("Syria", "Syria", "PROPN", "NNP", "pobj", 1),
            ("was", "be", "AUX", "VBD", "auxpass", 4),
            ("produced", "produce", "VERB", "VBN", "ROOT", 4),
            ("by", "by", "ADP", "IN", "agent", 4),
            ("France", "France", "PROPN", "NNP", "pobj", 5),
        ]
    )
    [event] = code(doc, [actor(doc, 2, 3, "SYR"), actor(doc, 6, 7, "FRA")])
    assert (event.event_type, countries(event.source), countries(event.target)) == (
        "ACCUSE",
        ["FRA"],
        ["SYR"],
    )


def test_events_case_against_a_policy_is_no_accusation():
    # "Johnson made the case against Brexit": an argument, not a charge
    doc = parsed(
        [
            ("Johnson", "Johnson", "PROPN", "NNP", "nsubj", 1),
            ("made", "make", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 3),
            ("case", "case", "NOUN", "NN", "dobj", 1),
            ("against", "against", "ADP", "IN", "prep", 3),
            ("Brexit", "Brexit", "PROPN", "NNP", "pobj", 4),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, "GBR", "GOV")])
    assert [m.event_type for m in mentions] == []


def test_events_travel_warning_is_a_sanction():
    # "France warned against travel to Mali."
    doc = parsed(
        [
            ("France", "France", "PROPN", "NNP", "nsubj", 1),
            ("warned", "warn", "VERB", "VBD", "ROOT", 1),
            ("against", "against", "ADP", "IN", "prep", 1),
            ("travel", "travel", "NOUN", "NN", "pobj", 2),
            ("to", "to", "ADP", "IN", "prep", 3),
            ("Mali", "Mali", "PROPN", "NNP", "pobj", 4),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "FRA"), actor(doc, 5, 6, "MLI")])
    assert (event.event_type, countries(event.source), countries(event.target)) == (
        "SANCTION",
        ["FRA"],
        ["MLI"],
    )

"""Event nouns with a prepositional complement ("evidence against X") and passive light verbs
(hand-built parses, no model); travel warnings as SANCTION."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import actor, code, countries, parsed
from newsevents.nlp.events.triggers import build_lexicon


@pytest.mark.parametrize("phrase,head", [("evidence against", "evidence"), ("state of emergency", "state")])
def test_events_noun_trigger_head_is_before_its_preposition(phrase, head):
    lexicon = build_lexicon([("t", {"entries": [{"category": "ACCUSE", "nouns": [phrase]}]})])
    assert [lemma for _pos, lemma in lexicon.specs] == [head]


def test_events_passive_light_verb_agent_acts_on_noun_complement():
    # "Evidence against Russia was presented by the US."
    doc = parsed(
        [
            ("Evidence", "evidence", "NOUN", "NN", "nsubjpass", 4),
            ("against", "against", "ADP", "IN", "prep", 0),
            ("Russia", "Russia", "PROPN", "NNP", "pobj", 1),
            ("was", "be", "AUX", "VBD", "auxpass", 4),
            ("presented", "present", "VERB", "VBN", "ROOT", 4),
            ("by", "by", "ADP", "IN", "agent", 4),
            ("the", "the", "DET", "DT", "det", 7),
            ("US", "US", "PROPN", "NNP", "pobj", 5),
        ]
    )
    [event] = code(doc, [actor(doc, 2, 3, "RUS"), actor(doc, 6, 8, "USA")])
    assert (event.event_type, countries(event.source), countries(event.target)) == (
        "ACCUSE",
        ["USA"],
        ["RUS"],
    )


def test_events_travel_warning_is_a_sanction():
    # "The US advised against travel to Tunisia."
    doc = parsed(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("US", "US", "PROPN", "NNP", "nsubj", 2),
            ("advised", "advise", "VERB", "VBD", "ROOT", 2),
            ("against", "against", "ADP", "IN", "prep", 2),
            ("travel", "travel", "NOUN", "NN", "pobj", 3),
            ("to", "to", "ADP", "IN", "prep", 4),
            ("Tunisia", "Tunisia", "PROPN", "NNP", "pobj", 5),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 2, "USA"), actor(doc, 6, 7, "TUN")])
    assert (event.event_type, countries(event.source), countries(event.target)) == (
        "SANCTION",
        ["USA"],
        ["TUN"],
    )

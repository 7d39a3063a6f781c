"""Claims of responsibility, denials and allegations on the CAMEO field (hand-built parses, no
model): only claiming verbs make the subject the doer; a denial is no claim and derives no
allegation; an accusing reporting verb accuses the reported doer; a 015 claim carries the
Goldstein score and quad class of 015, not of the attack."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import Row, actor, code, parsed
from newsevents.nlp.events.assemble import events_from_doc
from newsevents.nlp.events.cameo_rules import NO_CAMEO, cameo_override
from newsevents.types import Article


def _responsibility(verb: str, lemma: str, noun: str) -> list[Row]:
    # "Hezbollah <verb> <noun> for the bombing of Haifa"
    return [
        ("Hezbollah", "Hezbollah", "PROPN", "NNP", "nsubj", 1),
        (verb, lemma, "VERB", "VBD", "ROOT", 1),
        (noun, noun, "NOUN", "NN", "dobj", 1),
        ("for", "for", "ADP", "IN", "prep", 2),
        ("the", "the", "DET", "DT", "det", 5),
        ("bombing", "bombing", "NOUN", "NN", "pobj", 3),
        ("of", "of", "ADP", "IN", "prep", 5),
        ("Haifa", "Haifa", "PROPN", "NNP", "pobj", 6),
    ]


def _bombings(rows: list[Row]):
    doc = parsed(rows)
    mentions = code(doc, [actor(doc, 0, 1, "LBN", "REB"), actor(doc, 7, 8, "ISR")])
    return doc, [m for m in mentions if m.trigger_start == 5]


@pytest.mark.parametrize(
    "verb,lemma,noun", [("claimed", "claim", "responsibility"), ("took", "take", "credit")]
)
def test_events_claiming_verb_names_the_attacker_and_codes_015(verb, lemma, noun):
    _doc, [bombing] = _bombings(_responsibility(verb, lemma, noun))
    assert ([a.ref.country for a in bombing.source], cameo_override(bombing)) == (["LBN"], "015")


@pytest.mark.parametrize("verb,lemma", [("denied", "deny"), ("rejected", "reject")])
def test_events_denied_responsibility_is_no_claim(verb, lemma):
    _doc, bombings = _bombings(_responsibility(verb, lemma, "responsibility"))
    assert [(a.ref.country, cameo_override(m)) for m in bombings for a in m.source] in ([], [(None, None)])


def test_events_responsibility_assigned_to_another_does_not_make_the_assigner_the_doer():
    # "The panel assigned responsibility for the bombing of Haifa to Iran"
    rows = _responsibility("assigned", "assign", "responsibility")
    rows[0] = ("Panel", "panel", "NOUN", "NN", "nsubj", 1)
    doc = parsed([*rows, ("to", "to", "ADP", "IN", "prep", 1), ("Iran", "Iran", "PROPN", "NNP", "pobj", 8)])
    mentions = code(doc, [actor(doc, 0, 1, None, "IGO"), actor(doc, 7, 8, "ISR"), actor(doc, 9, 10, "IRN")])
    assert [a.ref.sector for m in mentions if m.trigger_start == 5 for a in m.source] == []


def _reported(verb: str, lemma: str, subject: str, subject_pos: str) -> list[Row]:
    # "Cairo <verb> that <subject> had attacked Sudan"
    return [
        ("Cairo", "Cairo", "PROPN", "NNP", "nsubj", 1),
        (verb, lemma, "VERB", "VBD", "ROOT", 1),
        ("that", "that", "SCONJ", "IN", "mark", 5),
        (subject, subject.lower() if subject_pos == "PRON" else subject, subject_pos, "NNP", "nsubj", 5),
        ("had", "have", "AUX", "VBD", "aux", 5),
        ("attacked", "attack", "VERB", "VBN", "ccomp", 1),
        ("Sudan", "Sudan", "PROPN", "NNP", "dobj", 5),
    ]


def test_events_denial_of_own_attack_is_no_claim_of_responsibility():
    doc = parsed(_reported("denied", "deny", "it", "PRON"))
    mentions = code(doc, [actor(doc, 0, 1, "EGY", "GOV"), actor(doc, 6, 7, "SDN")])
    [attack] = [m for m in mentions if m.event_type == "ASSAULT"]
    assert (attack.factuality, cameo_override(attack)) == ("negated", None)


def test_events_denial_about_another_actor_derives_no_allegation():
    doc = parsed(_reported("denied", "deny", "Libya", "PROPN"))
    mentions = code(doc, [actor(doc, 0, 1, "EGY", "GOV"), actor(doc, 3, 4, "LBY"), actor(doc, 6, 7, "SDN")])
    assert [m.event_type for m in mentions if m.event_type == "ACCUSE"] == []


def test_events_accusing_reporting_verb_targets_the_reported_doer():
    doc = parsed(_reported("alleged", "allege", "Libya", "PROPN"))
    mentions = code(doc, [actor(doc, 0, 1, "EGY", "GOV"), actor(doc, 3, 4, "LBY"), actor(doc, 6, 7, "SDN")])
    [accusation] = [m for m in mentions if m.event_type == "ACCUSE"]
    [attack] = [m for m in mentions if m.event_type == "ASSAULT"]
    assert [a.ref.country for a in accusation.target] == ["LBY"]
    assert cameo_override(attack) == NO_CAMEO


def test_events_claim_of_responsibility_carries_the_scores_of_015():
    doc, _mentions = _bombings(_responsibility("claimed", "claim", "responsibility"))
    doc._.event_mentions = code(doc, doc._.actor_mentions)
    doc._.article_id = "a1"
    article = Article("a1", "d1", "test", None, None, [], "2021-07-01", None, [], doc.text, "en")
    [event] = [e for e in events_from_doc(doc, article, "v1") if e.cameo == "015"]
    assert (event.quad_class, event.goldstein) == (1, 0.0)


def test_events_claim_with_for_attached_to_the_verb_codes_015():
    # "Hezbollah took credit for the bombing of Haifa", "for" parsed as the verb's preposition
    rows = _responsibility("took", "take", "credit")
    rows[3] = ("for", "for", "ADP", "IN", "prep", 1)
    _doc, [bombing] = _bombings(rows)
    assert ([a.ref.country for a in bombing.source], cameo_override(bombing)) == (["LBN"], "015")

"""PETRARCH's verb-verb conventions on the CAMEO field (hand-built parses, no model): a claim of
one's own attack is 015, a claim about another's attack is an allegation (112) and the attack gets
no CAMEO code, "agreed to lift sanctions" is coded by its complement; plain reports change nothing."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import Row, actor, code, parsed
from newsevents.nlp.events.cameo_rules import NO_CAMEO, cameo_override


def _reported(verb: str, lemma: str, subject: str, subject_lemma: str, subject_pos: str) -> list[Row]:
    # "The UK <verb> that <subject> had attacked Syria"
    return [
        ("The", "the", "DET", "DT", "det", 1),
        ("UK", "UK", "PROPN", "NNP", "nsubj", 2),
        (verb, lemma, "VERB", "VBD", "ROOT", 2),
        ("that", "that", "SCONJ", "IN", "mark", 6),
        (subject, subject_lemma, subject_pos, "NNP" if subject_pos == "PROPN" else "PRP", "nsubj", 6),
        ("had", "have", "AUX", "VBD", "aux", 6),
        ("attacked", "attack", "VERB", "VBN", "ccomp", 2),
        ("Syria", "Syria", "PROPN", "NNP", "dobj", 6),
    ]


def _by_type(mentions, event_type):
    return [m for m in mentions if m.event_type == event_type]


@pytest.mark.parametrize("verb,lemma", [("claimed", "claim"), ("said", "say")])
def test_events_cameo_own_attack_reported_is_claim_of_responsibility(verb, lemma):
    doc = parsed(_reported(verb, lemma, "they", "they", "PRON"))
    mentions = code(doc, [actor(doc, 0, 2, "GBR"), actor(doc, 7, 8, "SYR")])
    [attack] = _by_type(mentions, "ASSAULT")
    assert cameo_override(attack) == "015"


def test_events_cameo_claim_about_another_actor_is_an_allegation():
    doc = parsed(_reported("claimed", "claim", "Daesh", "Daesh", "PROPN"))
    mentions = code(doc, [actor(doc, 0, 2, "GBR"), actor(doc, 4, 5, None, "REB"), actor(doc, 7, 8, "SYR")])
    [attack] = _by_type(mentions, "ASSAULT")
    [allegation] = _by_type(mentions, "ACCUSE")
    assert cameo_override(attack) == NO_CAMEO
    assert [a.ref.country for a in allegation.source] == ["GBR"]
    assert [a.ref.sector for a in allegation.target] == ["REB"]


def test_events_cameo_plain_report_about_another_actor_keeps_the_attack():
    doc = parsed(_reported("said", "say", "Daesh", "Daesh", "PROPN"))
    mentions = code(doc, [actor(doc, 0, 2, "GBR"), actor(doc, 4, 5, None, "REB"), actor(doc, 7, 8, "SYR")])
    [attack] = _by_type(mentions, "ASSAULT")
    assert cameo_override(attack) is None
    assert not _by_type(mentions, "ACCUSE")


def test_events_cameo_agreement_to_act_is_coded_by_its_complement():
    doc = parsed(
        [
            ("Merkel", "Merkel", "PROPN", "NNP", "nsubj", 1),
            ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("lift", "lift", "VERB", "VB", "xcomp", 1),
            ("sanctions", "sanction", "NOUN", "NNS", "dobj", 3),
            ("on", "on", "ADP", "IN", "prep", 4),
            ("Belarus", "Belarus", "PROPN", "NNP", "pobj", 5),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, "DEU", "GOV"), actor(doc, 6, 7, "BLR")])
    [agree] = _by_type(mentions, "AGREE")
    [lift] = _by_type(mentions, "RETREAT")
    assert cameo_override(agree) == NO_CAMEO
    assert cameo_override(lift) is None


def test_events_claimed_responsibility_names_the_attacker_and_codes_015():
    # "Hamas claimed responsibility for the attack on Israel"
    doc = parsed(
        [
            ("Hamas", "Hamas", "PROPN", "NNP", "nsubj", 1),
            ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
            ("responsibility", "responsibility", "NOUN", "NN", "dobj", 1),
            ("for", "for", "ADP", "IN", "prep", 2),
            ("the", "the", "DET", "DT", "det", 5),
            ("attack", "attack", "NOUN", "NN", "pobj", 3),
            ("on", "on", "ADP", "IN", "prep", 5),
            ("Israel", "Israel", "PROPN", "NNP", "pobj", 6),
        ]
    )
    [attack] = code(doc, [actor(doc, 0, 1, "PSE", "REB"), actor(doc, 7, 8, "ISR")])
    assert [a.ref.country for a in attack.source] == ["PSE"]
    assert cameo_override(attack) == "015"


def test_events_threat_of_an_event_is_one_threat_coded_by_its_complement():
    # "North Korea threatened to attack South Korea": 138, the attack itself uncoded
    doc = parsed(
        [
            ("Pyongyang", "Pyongyang", "PROPN", "NNP", "nsubj", 1),
            ("threatened", "threaten", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("attack", "attack", "VERB", "VB", "xcomp", 1),
            ("Seoul", "Seoul", "PROPN", "NNP", "dobj", 3),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, "PRK", "GOV"), actor(doc, 4, 5, "KOR", "GOV")])
    [threat] = _by_type(mentions, "THREATEN")
    [attack] = _by_type(mentions, "ASSAULT")
    assert (cameo_override(threat), cameo_override(attack)) == ("138", NO_CAMEO)


def test_events_accused_deed_is_done_by_the_accused_and_not_coded():
    # "Russia accused Ukraine of shelling Donetsk"
    doc = parsed(
        [
            ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
            ("accused", "accuse", "VERB", "VBD", "ROOT", 1),
            ("Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 1),
            ("of", "of", "ADP", "IN", "prep", 1),
            ("shelling", "shell", "VERB", "VBG", "pcomp", 3),
            ("Donetsk", "Donetsk", "PROPN", "NNP", "dobj", 4),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, "RUS"), actor(doc, 2, 3, "UKR"), actor(doc, 5, 6, "UKR", "CVL")])
    [shelling] = _by_type(mentions, "ASSAULT")
    assert [a.ref.country for a in shelling.source] == ["UKR"]
    assert cameo_override(shelling) == NO_CAMEO

"""Weapons, causes and documents in argument position (hand-built parses, no model): the weapon
names the mode and may carry the real agent; a cause ("the crash") names no agent unless its own
phrase does; a document stands for its "by" issuer only."""

from __future__ import annotations

from helpers.parsed_docs import actor, code, parsed


def test_events_weapon_agent_gives_mode_and_the_agent_behind_it():
    # "The bus was blown up by a rocket fired by militants"
    doc = parsed(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("bus", "bus", "NOUN", "NN", "nsubjpass", 3),
            ("was", "be", "AUX", "VBD", "auxpass", 3),
            ("blown", "blow", "VERB", "VBN", "ROOT", 3),
            ("up", "up", "ADP", "RP", "prt", 3),
            ("by", "by", "ADP", "IN", "agent", 3),
            ("a", "a", "DET", "DT", "det", 7),
            ("rocket", "rocket", "NOUN", "NN", "pobj", 5),
            ("fired", "fire", "VERB", "VBN", "acl", 7),
            ("by", "by", "ADP", "IN", "agent", 8),
            ("militants", "militant", "NOUN", "NNS", "pobj", 9),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 2, "PAK", "CVL"), actor(doc, 10, 11, None, "REB")])
    [blast] = [m for m in mentions if m.trigger_start == 3]
    assert blast.mode == "heavy-weapons"
    assert [a.ref.sector for a in blast.source] == ["REB"]


def test_events_cause_in_agent_position_is_no_source():
    # "Passengers were killed by the ferry collision"
    doc = parsed(
        [
            ("Passengers", "passenger", "NOUN", "NNS", "nsubjpass", 2),
            ("were", "be", "AUX", "VBD", "auxpass", 2),
            ("killed", "kill", "VERB", "VBN", "ROOT", 2),
            ("by", "by", "ADP", "IN", "agent", 2),
            ("the", "the", "DET", "DT", "det", 6),
            ("ferry", "ferry", "NOUN", "NN", "compound", 6),
            ("collision", "collision", "NOUN", "NN", "pobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, None, "CVL"), actor(doc, 5, 6, "GRC", "BUS")])
    assert event.event_type == "ASSAULT" and event.source == []


def _document_subject(prep: str, prep_dep: str) -> list:
    # "A statement issued <by/in> Ankara accused Greece"
    return parsed(
        [
            ("A", "a", "DET", "DT", "det", 1),
            ("statement", "statement", "NOUN", "NN", "nsubj", 5),
            ("issued", "issue", "VERB", "VBN", "acl", 1),
            (prep, prep, "ADP", "IN", prep_dep, 2),
            ("Ankara", "Ankara", "PROPN", "NNP", "pobj", 3),
            ("accused", "accuse", "VERB", "VBD", "ROOT", 5),
            ("Greece", "Greece", "PROPN", "NNP", "dobj", 5),
        ]
    )


def test_events_document_subject_stands_for_its_by_issuer():
    doc = _document_subject("by", "agent")
    mentions = code(doc, [actor(doc, 4, 5, "TUR", "GOV"), actor(doc, 6, 7, "GRC")])
    [accusation] = [m for m in mentions if m.event_type == "ACCUSE"]
    assert [a.ref.country for a in accusation.source] == ["TUR"]


def test_events_where_a_document_was_issued_names_no_issuer():
    doc = _document_subject("in", "prep")
    mentions = code(doc, [actor(doc, 4, 5, "TUR", "GOV"), actor(doc, 6, 7, "GRC")])
    [accusation] = [m for m in mentions if m.event_type == "ACCUSE"]
    assert [a.ref.country for a in accusation.source] == [None]


def test_events_weapon_subject_is_the_means_not_the_actor():
    # "A car bomb killed 12 people"
    doc = parsed(
        [
            ("A", "a", "DET", "DT", "det", 2),
            ("car", "car", "NOUN", "NN", "compound", 2),
            ("bomb", "bomb", "NOUN", "NN", "nsubj", 3),
            ("killed", "kill", "VERB", "VBD", "ROOT", 3),
            ("12", "12", "NUM", "CD", "nummod", 5),
            ("people", "people", "NOUN", "NNS", "dobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 4, 6, "IRQ", "CVL")])
    assert (event.mode, event.source) == ("explosives", [])

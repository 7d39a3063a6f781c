"""Source and target from hand-built parses (no model): subject, object, passive agent, "between",
coordination, control, event nouns, light verbs, pronouns, places as targets, unknown actors."""

from __future__ import annotations

from helpers.parsed_docs import actor, code, countries, parsed
from newsevents.nlp.mentions import Toponym
from newsevents.types import Place


def test_events_active_subject_and_object():
    doc = parsed(
        [
            ("Germany", "Germany", "PROPN", "NNP", "nsubj", 1),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("France", "France", "PROPN", "NNP", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "DEU"), actor(doc, 2, 3, "FRA")])
    assert (event.event_type, countries(event.source), countries(event.target)) == (
        "ASSAULT",
        ["DEU"],
        ["FRA"],
    )


def test_events_passive_agent_is_source():
    doc = parsed(
        [
            ("France", "France", "PROPN", "NNP", "nsubjpass", 2),
            ("was", "be", "AUX", "VBD", "auxpass", 2),
            ("attacked", "attack", "VERB", "VBN", "ROOT", 2),
            ("by", "by", "ADP", "IN", "agent", 2),
            ("Germany", "Germany", "PROPN", "NNP", "pobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "FRA"), actor(doc, 4, 5, "DEU")])
    assert (countries(event.source), countries(event.target)) == (["DEU"], ["FRA"])
    assert event.rule.endswith(".passive")


def test_events_coordinated_subjects_are_all_sources():
    doc = parsed(
        [
            ("Germany", "Germany", "PROPN", "NNP", "nsubj", 3),
            ("and", "and", "CCONJ", "CC", "cc", 0),
            ("Italy", "Italy", "PROPN", "NNP", "conj", 0),
            ("withdrew", "withdraw", "VERB", "VBD", "ROOT", 3),
            ("from", "from", "ADP", "IN", "prep", 3),
            ("Afghanistan", "Afghanistan", "PROPN", "NNP", "pobj", 4),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "DEU"), actor(doc, 2, 3, "ITA"), actor(doc, 5, 6, "AFG")])
    assert event.event_type == "RETREAT" and event.mode == "withdraw"
    assert (countries(event.source), countries(event.target)) == (["DEU", "ITA"], ["AFG"])


def test_events_control_verb_passes_its_subject():
    # "Syria agreed to withdraw from Lebanon": AGREE (asserted) and RETREAT (hypothetical), both Syria's.
    doc = parsed(
        [
            ("Syria", "Syria", "PROPN", "NNP", "nsubj", 1),
            ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("withdraw", "withdraw", "VERB", "VB", "xcomp", 1),
            ("from", "from", "ADP", "IN", "prep", 3),
            ("Lebanon", "Lebanon", "PROPN", "NNP", "pobj", 4),
        ]
    )
    events = {e.event_type: e for e in code(doc, [actor(doc, 0, 1, "SYR"), actor(doc, 5, 6, "LBN")])}
    assert countries(events["RETREAT"].source) == ["SYR"]
    assert events["RETREAT"].factuality == "hypothetical"
    assert events["AGREE"].factuality == "asserted"
    # The outer event's target comes from its complement.
    assert countries(events["AGREE"].target) == ["LBN"]


def test_events_between_x_and_y_gives_both_sides():
    doc = parsed(
        [
            ("Clashes", "clash", "NOUN", "NNS", "nsubj", 5),
            ("between", "between", "ADP", "IN", "prep", 0),
            ("Armenia", "Armenia", "PROPN", "NNP", "pobj", 1),
            ("and", "and", "CCONJ", "CC", "cc", 2),
            ("Azerbaijan", "Azerbaijan", "PROPN", "NNP", "conj", 2),
            ("continued", "continue", "VERB", "VBD", "ROOT", 5),
        ]
    )
    [event] = code(doc, [actor(doc, 2, 3, "ARM"), actor(doc, 4, 5, "AZE")])
    assert event.event_type == "ASSAULT"
    assert (countries(event.source), countries(event.target)) == (["ARM"], ["AZE"])


def test_events_noun_possessor_and_place_target():
    # "Mohib's visit to Moscow ended": the possessor visits; the place stands for its country.
    doc = parsed(
        [
            ("Mohib", "Mohib", "PROPN", "NNP", "poss", 2),
            ("'s", "'s", "PART", "POS", "case", 0),
            ("visit", "visit", "NOUN", "NN", "nsubj", 5),
            ("to", "to", "ADP", "IN", "prep", 2),
            ("Moscow", "Moscow", "PROPN", "NNP", "pobj", 3),
            ("ended", "end", "VERB", "VBD", "ROOT", 5),
        ]
    )
    moscow = Place("Moscow", "Moscow", "RUS", "Moscow", 55.75, 37.62, 524901, "P", 1)
    [event] = code(doc, [actor(doc, 0, 1, "AFG", "GOV")], [Toponym(4, 5, moscow)])
    assert (event.event_type, event.mode) == ("CONSULT", "visit")
    assert (countries(event.source), countries(event.target)) == (["AFG"], ["RUS"])


def test_events_light_verb_gives_noun_its_subject():
    doc = parsed(
        [
            ("Israel", "Israel", "PROPN", "NNP", "nsubj", 1),
            ("held", "hold", "VERB", "VBD", "ROOT", 1),
            ("talks", "talk", "NOUN", "NNS", "dobj", 1),
            ("with", "with", "ADP", "IN", "prep", 2),
            ("Lebanon", "Lebanon", "PROPN", "NNP", "pobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "ISR"), actor(doc, 4, 5, "LBN")])
    assert event.event_type == "CONSULT"
    assert (countries(event.source), countries(event.target)) == (["ISR"], ["LBN"])


def test_events_pronoun_subject_resolves_to_reporting_subject():
    # "Italy announced they wrapped up their presence in Afghanistan".
    doc = parsed(
        [
            ("Italy", "Italy", "PROPN", "NNP", "nsubj", 1),
            ("announced", "announce", "VERB", "VBD", "ROOT", 1),
            ("they", "they", "PRON", "PRP", "nsubj", 3),
            ("wrapped", "wrap", "VERB", "VBD", "ccomp", 1),
            ("up", "up", "ADP", "RP", "prt", 3),
            ("their", "their", "PRON", "PRP$", "poss", 6),
            ("presence", "presence", "NOUN", "NN", "dobj", 3),
            ("in", "in", "ADP", "IN", "prep", 3),
            ("Afghanistan", "Afghanistan", "PROPN", "NNP", "pobj", 7),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "ITA"), actor(doc, 8, 9, "AFG")])
    assert (event.event_type, event.mode) == ("RETREAT", "withdraw")
    assert (countries(event.source), countries(event.target)) == (["ITA"], ["AFG"])
    assert event.attributed_to == "Italy"


def test_events_unknown_name_is_kept_without_country():
    doc = parsed(
        [
            ("Zorgania", "Zorgania", "PROPN", "NNP", "nsubj", 1),
            ("invaded", "invade", "VERB", "VBD", "ROOT", 1),
            ("France", "France", "PROPN", "NNP", "dobj", 1),
        ]
    )
    [event] = code(doc, [actor(doc, 2, 3, "FRA")])
    assert [a.ref.text for a in event.source] == ["Zorgania"]
    assert countries(event.source) == [None]
    assert countries(event.target) == ["FRA"]


def test_events_mobilized_object_is_not_a_target():
    doc = parsed(
        [
            ("Britain", "Britain", "PROPN", "NNP", "nsubj", 1),
            ("mobilized", "mobilize", "VERB", "VBD", "ROOT", 1),
            ("reservists", "reservist", "NOUN", "NNS", "dobj", 1),
            ("against", "against", "ADP", "IN", "prep", 1),
            ("Iraq", "Iraq", "PROPN", "NNP", "pobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "GBR"), actor(doc, 2, 3, "GBR", "MIL"), actor(doc, 4, 5, "IRQ")])
    assert event.event_type == "MOBILIZE"
    assert countries(event.target) == ["IRQ"]


def test_events_sentence_without_actors_gives_no_event():
    doc = parsed(
        [
            ("Talks", "talk", "NOUN", "NNS", "nsubj", 1),
            ("resumed", "resume", "VERB", "VBD", "ROOT", 1),
        ]
    )
    assert code(doc, []) == []


def test_events_listed_apposition_counts_as_coordination():
    # The small model parses "The US, Russia, and Switzerland met" with Russia as an apposition.
    doc = parsed(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("US", "US", "PROPN", "NNP", "nsubj", 7),
            (",", ",", "PUNCT", ",", "punct", 1),
            ("Russia", "Russia", "PROPN", "NNP", "appos", 1),
            (",", ",", "PUNCT", ",", "punct", 3),
            ("and", "and", "CCONJ", "CC", "cc", 3),
            ("Switzerland", "Switzerland", "PROPN", "NNP", "conj", 3),
            ("met", "meet", "VERB", "VBD", "ROOT", 7),
        ]
    )
    mentions = [actor(doc, 0, 2, "USA"), actor(doc, 3, 4, "RUS"), actor(doc, 6, 7, "CHE")]
    [event] = code(doc, mentions)
    assert set(countries(event.source)) == set(countries(event.target)) == {"USA", "RUS", "CHE"}

"""Arguments from hand-built parses (no model): a meeting's venue as its target when no participant
is, and the giver as source of "X received weapons from Y"."""

from __future__ import annotations

from helpers.parsed_docs import Row, actor, code, countries, parsed

MET_IN: list[Row] = [
    ("Germany", "Germany", "PROPN", "NNP", "nsubj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("France", "France", "PROPN", "NNP", "conj", 0),
    ("met", "meet", "VERB", "VBD", "ROOT", 3),
    ("in", "in", "ADP", "IN", "prep", 3),
    ("Zurich", "Zurich", "PROPN", "NNP", "pobj", 4),
]


def test_events_meeting_venue_is_the_target_when_no_participant_is():
    doc = parsed(MET_IN)
    [event] = code(doc, [actor(doc, 0, 1, "DEU"), actor(doc, 2, 3, "FRA"), actor(doc, 5, 6, "CHE")])
    assert (event.event_type, countries(event.source), countries(event.target)) == (
        "CONSULT",
        ["DEU", "FRA"],
        ["CHE"],
    )


def test_events_meeting_participant_beats_the_venue():
    doc = parsed(
        [
            ("Germany", "Germany", "PROPN", "NNP", "nsubj", 1),
            ("met", "meet", "VERB", "VBD", "ROOT", 1),
            ("France", "France", "PROPN", "NNP", "dobj", 1),
            ("in", "in", "ADP", "IN", "prep", 1),
            ("Zurich", "Zurich", "PROPN", "NNP", "pobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, "DEU"), actor(doc, 2, 3, "FRA"), actor(doc, 4, 5, "CHE")])
    assert countries(event.target) == ["FRA"]


def test_events_receiver_is_the_target_and_the_giver_the_source():
    doc = parsed(
        [
            ("Rebels", "rebel", "NOUN", "NNS", "nsubj", 1),
            ("received", "receive", "VERB", "VBD", "ROOT", 1),
            ("weapons", "weapon", "NOUN", "NNS", "dobj", 1),
            ("from", "from", "ADP", "IN", "prep", 1),
            ("Iran", "Iran", "PROPN", "NNP", "pobj", 3),
        ]
    )
    [event] = code(doc, [actor(doc, 0, 1, None, "REB"), actor(doc, 4, 5, "IRN")])
    assert (event.event_type, countries(event.source), [a.ref.sector for a in event.target]) == (
        "AID",
        ["IRN"],
        ["REB"],
    )

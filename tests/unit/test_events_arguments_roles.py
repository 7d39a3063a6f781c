"""Arguments from hand-built parses (no model): a meeting's venue as its target when no participant
is, and the giver as source of "X received weapons from Y"."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.nlp.events.component import EventsComponent
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import ActorMention
from newsevents.types import ActorRef

register_extensions()
VOCAB = spacy.blank("en").vocab

# (word, lemma, pos, tag, dep, head index)
Row = tuple[str, str, str, str, str, int]


def parsed(rows: list[Row]) -> Doc:
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[r[5] for r in rows],
    )


def actor(doc: Doc, start: int, end: int, country: str | None, sector: str | None = None) -> ActorMention:
    span = doc[start:end]
    ref = ActorRef(span.text, span.text, country, sector, char_start=span.start_char, char_end=span.end_char)
    return ActorMention(start, end, ref, end - 1)


def code(doc: Doc, mentions: list[ActorMention]):
    doc._.actor_mentions = mentions
    doc._.toponyms = []
    return EventsComponent()(doc)._.event_mentions


def countries(actors: list[ActorMention]) -> list[str | None]:
    return [a.ref.country for a in actors]


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

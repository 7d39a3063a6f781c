"""EventMentions -> Event records: ids, dates, places, codes and merging of repeated mentions."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.nlp.events.assemble import events_from_doc
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import ActorMention, EventMention, Timex
from newsevents.types import ActorRef, Article, Place

register_extensions()

WORDS = [
    "Mohib",
    "visited",
    "Moscow",
    ".",
    "Mohib",
    "visited",
    "Moscow",
    ".",
    "Italy",
    "visited",
    "Rome",
    ".",
]


def _doc() -> Doc:
    starts = [True, False, False, False] * 3
    doc = Doc(spacy.blank("en").vocab, words=WORDS, sent_starts=starts)
    doc._.article_id = "a1"
    return doc


def _actor(doc: Doc, i: int, country: str, sector: str | None = None) -> ActorMention:
    ref = ActorRef(doc[i].text, doc[i].text, country, sector)
    return ActorMention(i, i + 1, ref, i)


def _mention(doc: Doc, sent: int, src: str, tgt: str, confidence: float, **kw) -> EventMention:
    base = sent * 4
    fields = dict(
        sent_index=sent,
        trigger_start=base + 1,
        trigger_end=base + 2,
        event_type="CONSULT",
        mode="visit",
        context=[],
        source=[_actor(doc, base, src, "GOV")],
        target=[_actor(doc, base + 2, tgt)],
        factuality="asserted",
        rule="CONSULT.visit.verb.visit.active",
        confidence=confidence,
    )
    fields.update(kw)
    return EventMention(**fields)


def _article() -> Article:
    return Article("a1", "d1", "test", None, None, [], "2021-07-01", None, [], " ".join(WORDS), "en")


def test_events_assemble_merges_repeated_mentions():
    doc = _doc()
    doc._.event_mentions = [_mention(doc, 0, "AFG", "RUS", 0.6), _mention(doc, 1, "AFG", "RUS", 0.9)]
    [event] = events_from_doc(doc, _article(), "v1")
    assert event.mentions == 2
    assert (event.sentence_index, event.confidence) == (1, 0.9)  # the most confident mention's provenance


def test_events_assemble_keeps_different_actors_apart():
    doc = _doc()
    doc._.event_mentions = [_mention(doc, 0, "AFG", "RUS", 0.6), _mention(doc, 2, "ITA", "VAT", 0.6)]
    assert [e.mentions for e in events_from_doc(doc, _article(), "v1")] == [1, 1]


def test_events_assemble_keeps_hypothetical_apart_from_asserted():
    doc = _doc()
    doc._.event_mentions = [
        _mention(doc, 0, "AFG", "RUS", 0.6),
        _mention(doc, 1, "AFG", "RUS", 0.6, factuality="hypothetical"),
    ]
    assert len(events_from_doc(doc, _article(), "v1")) == 2


def test_events_assemble_does_not_merge_different_days():
    doc = _doc()
    first = _mention(
        doc, 0, "AFG", "RUS", 0.6, timex=Timex(0, 1, "Monday", "2021-06-28", "2021-06-28", "day")
    )
    second = _mention(
        doc, 1, "AFG", "RUS", 0.6, timex=Timex(4, 5, "Thursday", "2021-07-01", "2021-07-01", "day")
    )
    doc._.event_mentions = [first, second]
    assert len(events_from_doc(doc, _article(), "v1")) == 2


def test_events_assemble_merge_fills_missing_casualties_and_attribution():
    doc = _doc()
    first = _mention(doc, 0, "AFG", "RUS", 0.9)
    second = _mention(doc, 1, "AFG", "RUS", 0.5, dead=3, dead_qualifier="at least", attributed_to="police")
    doc._.event_mentions = [first, second]
    [event] = events_from_doc(doc, _article(), "v1")
    assert (event.dead, event.dead_qualifier, event.attributed_to) == (3, "at least", "police")


def test_events_assemble_ids_are_deterministic_and_distinct():
    doc = _doc()
    doc._.event_mentions = [_mention(doc, 0, "AFG", "RUS", 0.6), _mention(doc, 2, "ITA", "VAT", 0.6)]
    first = [e.event_id for e in events_from_doc(doc, _article(), "v1")]
    second = [e.event_id for e in events_from_doc(doc, _article(), "v1")]
    assert first == second and len(set(first)) == 2


def test_events_assemble_date_from_timex():
    doc = _doc()
    timex = Timex(0, 1, "a week ago", "2021-06-21", "2021-06-27", "week")
    doc._.event_mentions = [_mention(doc, 0, "AFG", "RUS", 0.6, timex=timex)]
    [event] = events_from_doc(doc, _article(), "v1")
    assert (event.date, event.date_end, event.date_precision, event.date_text) == (
        "2021-06-21",
        "2021-06-27",
        "week",
        "a week ago",
    )


def test_events_assemble_date_defaults_to_publication_day():
    doc = _doc()
    doc._.event_mentions = [_mention(doc, 0, "AFG", "RUS", 0.6)]
    [event] = events_from_doc(doc, _article(), "v1")
    assert (event.date, event.date_end, event.date_precision, event.date_text) == (
        "2021-07-01",
        "2021-07-01",
        "day",
        None,
    )


def test_events_assemble_record_fields():
    doc = _doc()
    moscow = Place("Moscow", "Moscow", "RUS", "Moscow", 55.75, 37.62, 524901, "P", 1)
    doc._.event_mentions = [_mention(doc, 0, "AFG", "RUS", 0.6, place=moscow)]
    [event] = events_from_doc(doc, _article(), "v7")
    assert (event.cameo, event.quad_class, event.goldstein) == ("042", 1, 1.9)
    assert event.location is moscow
    assert (event.trigger, event.sentence, event.char_start, event.char_end) == (
        "visited",
        "Mohib visited Moscow .",
        6,
        13,
    )
    assert event.pipeline_version == "v7"
    assert [a.country for a in event.source] == ["AFG"] and [a.country for a in event.target] == ["RUS"]


def test_events_assemble_merge_keeps_the_named_reading_of_an_actor():
    doc = _doc()
    title = ActorRef("Adviser", "National Security Adviser", "AFG", "GOV", role="National Security Adviser")
    named = ActorRef("Mohib", "Hamdullah Mohib", "AFG", "GOV", role="National Security Adviser")
    first = _mention(doc, 0, "AFG", "RUS", 0.9, source=[ActorMention(0, 1, title, 0)])
    second = _mention(doc, 1, "AFG", "RUS", 0.5, source=[ActorMention(4, 5, named, 4)])
    doc._.event_mentions = [first, second]
    (event,) = [e for e in events_from_doc(doc, _article(), "v") if e.event_type == "CONSULT"]
    assert event.mentions == 2
    assert [a.name for a in event.source] == ["Hamdullah Mohib"]

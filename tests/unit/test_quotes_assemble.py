"""QuoteMentions -> Quote records, and the links between quotes and events."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import QuoteMention, Span
from newsevents.nlp.quotes.assemble import quotes_from_doc
from newsevents.types import ActorRef, Event

register_extensions()

TEXT = "Andar said that the Taliban attacked Kabul and accused Pakistan ."
# character offsets: said 6-10, content "that ... Kabul" 11-42, attacked 28-36, accused 47-54


def _doc() -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=TEXT.split(" "))
    speaker = ActorRef("Andar", "Rahmatullah Andar", "AFG", "GOV", role="spokesman")
    doc._.quote_mentions = [
        QuoteMention(
            source=Span(0, 5),
            cue=Span(6, 10),
            content=[Span(11, 42)],
            direct=False,
            sent_index=0,
            rule="learned.say",
            confidence=0.9,
            speaker=speaker,
        )
    ]
    return doc


def _event(event_id: str, event_type: str, start: int, end: int, attributed_to: str | None = None) -> Event:
    return Event(
        event_id=event_id,
        article_id="a1",
        event_type=event_type,
        mode=None,
        context=[],
        cameo=None,
        quad_class=None,
        goldstein=None,
        source=[],
        target=[],
        date=None,
        date_end=None,
        date_precision=None,
        date_text=None,
        location=None,
        dead=None,
        dead_qualifier=None,
        injured=None,
        injured_qualifier=None,
        arrested=None,
        arrested_qualifier=None,
        factuality="asserted",
        attributed_to=attributed_to,
        confidence=0.5,
        trigger=TEXT[start:end],
        sentence=TEXT,
        sentence_index=0,
        char_start=start,
        char_end=end,
        rule="test",
        pipeline_version="test",
    )


def test_quote_keeps_spans_texts_and_resolved_speaker() -> None:
    [quote] = quotes_from_doc(_doc(), "a1", [])
    assert (quote.source_text, quote.cue, quote.content) == (
        "Andar",
        "said",
        "that the Taliban attacked Kabul",
    )
    assert quote.content_spans == [(11, 42)]
    assert quote.speaker is not None and quote.speaker.name == "Rahmatullah Andar"
    assert quote.to_public()["speaker"]["text"] == "Andar"  # the surface span, with the resolved name


def test_event_inside_content_is_attributed_and_listed() -> None:
    attack = _event("e1", "ASSAULT", 28, 36)
    [quote] = quotes_from_doc(_doc(), "a1", [attack])
    assert attack.attributed_to == "Rahmatullah Andar"
    assert attack.factuality == "asserted"
    assert quote.event_ids == ["e1"]


def test_existing_attribution_is_not_overwritten() -> None:
    attack = _event("e1", "ASSAULT", 28, 36, attributed_to="Ministry of Defense")
    quotes_from_doc(_doc(), "a1", [attack])
    assert attack.attributed_to == "Ministry of Defense"


@pytest.mark.parametrize(("event_type", "linked"), [("ACCUSE", True), ("ASSAULT", False)])
def test_statement_event_at_the_cue_points_to_the_quote(event_type: str, linked: bool) -> None:
    saying = _event("e2", event_type, 6, 10)
    [quote] = quotes_from_doc(_doc(), "a1", [saying])
    assert (saying.quote_id == quote.quote_id) is linked
    assert quote.event_ids == []


def test_event_outside_the_quote_is_untouched() -> None:
    accusation = _event("e3", "ACCUSE", 47, 54)
    [quote] = quotes_from_doc(_doc(), "a1", [accusation])
    assert (accusation.attributed_to, accusation.quote_id, quote.event_ids) == (None, None, [])


def test_quote_ids_are_stable_and_distinct_per_cue() -> None:
    doc = _doc()
    first = quotes_from_doc(doc, "a1", [])[0].quote_id
    assert quotes_from_doc(_doc(), "a1", [])[0].quote_id == first
    doc._.quote_mentions = [replace(doc._.quote_mentions[0], cue=Span(43, 46))]
    assert quotes_from_doc(doc, "a1", [])[0].quote_id != first
    assert quotes_from_doc(_doc(), "a2", [])[0].quote_id != first


def test_doc_without_quote_mentions_gives_no_quotes() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Nothing", "here"])
    assert quotes_from_doc(doc, "a1", []) == []

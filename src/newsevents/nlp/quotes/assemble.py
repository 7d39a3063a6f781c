"""doc._.quote_mentions -> Quote records, linked both ways with the article's events.

- An event whose trigger lies inside a quote's content is attributed to the quote's speaker
  (`attributed_to`, only when the event has none yet; factuality is unchanged: reporting an event
  does not make it hypothetical) and its id goes into `quote.event_ids`.
- A statement event (ACCUSE, REJECT, REQUEST, THREATEN, SUPPORT, ...) whose trigger is the quote's
  cue is the act of saying itself: it points to the quote with `quote_id`.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from newsevents.nlp.mentions import QuoteMention
from newsevents.types import Event, Quote

# PLOVER categories that a speech act can realise ("accused", "rejected", "urged", "warned", "praised").
STATEMENT_EVENT_TYPES = frozenset(
    {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONSULT", "CONCEDE", "PROTEST"}
)


def quote_id(article_id: str, mention: QuoteMention) -> str:
    """Stable across reruns: the article and the cue's position."""
    key = f"{article_id}:{mention.cue.start}:{mention.cue.end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _speaker_name(mention: QuoteMention, source_text: str | None) -> str | None:
    if mention.speaker is not None:
        return mention.speaker.name or mention.speaker.text
    return source_text


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, s: int, e: int) -> bool:
    return start < e and s < end


def quotes_from_doc(doc: Doc, article_id: str, events: list[Event]) -> list[Quote]:
    """One Quote per attribution, in text order; mutates `events` to link them to the quotes."""
    text = doc.text
    quotes: list[Quote] = []
    for mention in doc._.quote_mentions or []:
        spans = [(s.start, s.end) for s in mention.content]
        source_text = text[mention.source.start : mention.source.end] if mention.source else None
        quote = Quote(
            quote_id=quote_id(article_id, mention),
            article_id=article_id,
            speaker=mention.speaker,
            source_text=source_text,
            source_start=mention.source.start if mention.source else None,
            source_end=mention.source.end if mention.source else None,
            cue=text[mention.cue.start : mention.cue.end],
            cue_start=mention.cue.start,
            cue_end=mention.cue.end,
            content=" ".join(text[s:e] for s, e in spans),
            content_spans=spans,
            direct=mention.direct,
            sentence_index=mention.sent_index,
            rule=mention.rule,
            confidence=mention.confidence,
        )
        speaker = _speaker_name(mention, source_text)
        for event in events:
            if _inside(event.char_start, event.char_end, spans):
                quote.event_ids.append(event.event_id)
                if event.attributed_to is None and speaker:
                    event.attributed_to = speaker
            elif (
                event.event_type in STATEMENT_EVENT_TYPES
                and event.quote_id is None
                and _overlaps(event.char_start, event.char_end, quote.cue_start, quote.cue_end)
            ):
                event.quote_id = quote.quote_id
        quotes.append(quote)
    return quotes

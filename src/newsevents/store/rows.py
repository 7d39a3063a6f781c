"""Pipeline objects <-> table rows.

Writing flattens each object into the columns of its table (migrations.py); reading rebuilds the
object and returns its `to_public()` dict, so the store answers with exactly the shapes the JSONL
contract defines (types.py) and a field added to Event/Quote later comes back out unchanged (it is
kept in the `extra` JSON column until a migration gives it a column of its own).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any, TypeVar

from newsevents.types import (
    ActorRef,
    Article,
    ArticleAnalysis,
    DocumentRecord,
    Event,
    Place,
    Quote,
    Rejection,
)

Row = tuple[Any, ...]
T = TypeVar("T")

DOCUMENT_COLUMNS = ("document_id", "origin", "content_type", "size", "status")
REJECTION_COLUMNS = ("document_id", "origin", "reason", "message")
ARTICLE_COLUMNS = (
    "article_id",
    "document_id",
    "origin",
    "url",
    "title",
    "authors",
    "date",
    "publisher",
    "captions",
    "body",
    "language",
    "paragraphs",
    "extractor",
)
SENTENCE_COLUMNS = ("article_id", "idx", "char_start", "char_end", "text")
ACTOR_FIELDS = (
    "text",
    "name",
    "country",
    "sector",
    "role",
    "actor_id",
    "char_start",
    "char_end",
    "rule",
    "confidence",
)
ACTOR_COLUMNS = ("article_id", "idx", *ACTOR_FIELDS)
PLACE_FIELDS = (
    "text",
    "name",
    "country",
    "admin1",
    "lat",
    "lon",
    "geonames_id",
    "feature_class",
    "precision",
    "char_start",
    "char_end",
    "rule",
    "confidence",
)
PLACE_COLUMNS = ("article_id", "idx", *PLACE_FIELDS)

# Event fields stored as they are, one column each (everything but the nested actors and place).
EVENT_SCALAR_FIELDS = (
    "event_id",
    "article_id",
    "event_type",
    "mode",
    "context",
    "cameo",
    "quad_class",
    "goldstein",
    "date",
    "date_end",
    "date_precision",
    "date_text",
    "dead",
    "dead_qualifier",
    "injured",
    "injured_qualifier",
    "arrested",
    "arrested_qualifier",
    "factuality",
    "attributed_to",
    "confidence",
    "trigger",
    "sentence",
    "sentence_index",
    "char_start",
    "char_end",
    "rule",
    "pipeline_version",
    "mentions",
    "sources",
    "quote_id",
)
EVENT_NESTED_FIELDS = ("source", "target", "location")
EVENT_DERIVED_COLUMNS = (
    "source_countries",
    "target_countries",
    "source_sectors",
    "target_sectors",
    "source_names",
    "target_names",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_geonames_id",
    "location_feature_class",
    "location_precision",
    "location_text",
)
EVENT_COLUMNS = (*EVENT_SCALAR_FIELDS, *EVENT_NESTED_FIELDS, *EVENT_DERIVED_COLUMNS, "extra")

QUOTE_SCALAR_FIELDS = (
    "quote_id",
    "article_id",
    "source_text",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "direct",
    "sentence_index",
    "rule",
    "confidence",
    "event_ids",
)
QUOTE_COLUMNS = (
    *QUOTE_SCALAR_FIELDS,
    "speaker",
    "content_spans",
    "speaker_name",
    "speaker_country",
    "speaker_sector",
    "extra",
)


def to_json(value: Any) -> str | None:
    """JSON text for a JSON column; sort_keys so equal values give equal bytes on every run."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def build(cls: type[T], values: dict[str, Any]) -> T:
    """A dataclass from stored values, ignoring keys the class does not have (yet)."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in values.items() if k in names})


# -- write side ---------------------------------------------------------------------------------


def document_row(doc: DocumentRecord) -> Row:
    return (doc.document_id, doc.origin, doc.content_type, doc.size, doc.status)


def rejection_row(rej: Rejection) -> Row:
    return (rej.document_id, rej.origin, rej.reason, rej.message)


def article_row(article: Article) -> Row:
    return (
        article.article_id,
        article.document_id,
        article.origin,
        article.url,
        article.title,
        list(article.authors),
        article.date,
        article.publisher,
        list(article.captions),
        article.body,
        article.language,
        to_json([list(p) for p in article.paragraphs]),
        article.extractor,
    )


def sentence_rows(analysis: ArticleAnalysis) -> list[Row]:
    return [(s.article_id, s.index, s.char_start, s.char_end, s.text) for s in analysis.sentences]


def actor_rows(analysis: ArticleAnalysis) -> list[Row]:
    article_id = analysis.article.article_id
    return [
        (article_id, i, *(getattr(actor, name) for name in ACTOR_FIELDS))
        for i, actor in enumerate(analysis.actors)
    ]


def place_rows(analysis: ArticleAnalysis) -> list[Row]:
    article_id = analysis.article.article_id
    return [
        (article_id, i, *(getattr(place, name) for name in PLACE_FIELDS))
        for i, place in enumerate(analysis.places)
    ]


def _actor_values(actors: Sequence[ActorRef], name: str) -> list[str]:
    return [value for a in actors if (value := getattr(a, name))]


def _extra(obj: Any, stored: set[str]) -> str | None:
    """Fields of `obj` that have no column yet (added to the dataclass after this schema)."""
    extra = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.name not in stored}
    if not extra:
        return None
    return to_json({k: dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for k, v in extra.items()})  # type: ignore[arg-type]


_EVENT_STORED = {*EVENT_SCALAR_FIELDS, *EVENT_NESTED_FIELDS}
_QUOTE_STORED = {*QUOTE_SCALAR_FIELDS, "speaker", "content_spans"}


def event_row(event: Event) -> Row:
    loc = event.location
    scalars = [getattr(event, name) for name in EVENT_SCALAR_FIELDS]
    scalars[EVENT_SCALAR_FIELDS.index("context")] = list(event.context)
    return (
        *scalars,
        to_json([dataclasses.asdict(a) for a in event.source]),
        to_json([dataclasses.asdict(a) for a in event.target]),
        to_json(dataclasses.asdict(loc)) if loc else None,
        _actor_values(event.source, "country"),
        _actor_values(event.target, "country"),
        _actor_values(event.source, "sector"),
        _actor_values(event.target, "sector"),
        _actor_values(event.source, "name"),
        _actor_values(event.target, "name"),
        *(
            (loc.name, loc.country, loc.admin1, loc.lat, loc.lon, loc.geonames_id, loc.feature_class)
            if loc
            else (None,) * 7
        ),
        loc.precision if loc else None,
        loc.text if loc else None,
        _extra(event, _EVENT_STORED),
    )


def quote_row(quote: Quote) -> Row:
    scalars = [getattr(quote, name) for name in QUOTE_SCALAR_FIELDS]
    scalars[QUOTE_SCALAR_FIELDS.index("event_ids")] = list(quote.event_ids)
    speaker = quote.speaker
    return (
        *scalars,
        to_json(dataclasses.asdict(speaker)) if speaker else None,
        to_json([list(span) for span in quote.content_spans]),
        speaker.name if speaker else None,
        speaker.country if speaker else None,
        speaker.sector if speaker else None,
        _extra(quote, _QUOTE_STORED),
    )


# -- read side ----------------------------------------------------------------------------------


def article_from_row(row: Row) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    values["authors"] = list(values["authors"] or [])
    values["captions"] = list(values["captions"] or [])
    values["paragraphs"] = [tuple(p) for p in from_json(values["paragraphs"]) or []]
    return build(Article, values)


def event_from_row(row: Row) -> Event:
    """Rebuilds an Event from the columns `EVENT_SCALAR_FIELDS + EVENT_NESTED_FIELDS + ("extra",)`."""
    names = (*EVENT_SCALAR_FIELDS, *EVENT_NESTED_FIELDS, "extra")
    values = dict(zip(names, row, strict=True))
    values["context"] = list(values["context"] or [])
    values["source"] = [build(ActorRef, a) for a in from_json(values["source"]) or []]
    values["target"] = [build(ActorRef, a) for a in from_json(values["target"]) or []]
    location = from_json(values["location"])
    values["location"] = build(Place, location) if location else None
    values.update(from_json(values.pop("extra")) or {})
    return build(Event, values)


def quote_from_row(row: Row) -> Quote:
    """Rebuilds a Quote from the columns `QUOTE_SCALAR_FIELDS + ("speaker", "content_spans", "extra")`."""
    names = (*QUOTE_SCALAR_FIELDS, "speaker", "content_spans", "extra")
    values = dict(zip(names, row, strict=True))
    values["event_ids"] = list(values["event_ids"] or [])
    speaker = from_json(values["speaker"])
    values["speaker"] = build(ActorRef, speaker) if speaker else None
    values["content_spans"] = [tuple(span) for span in from_json(values["content_spans"]) or []]
    values.update(from_json(values.pop("extra")) or {})
    return build(Quote, values)

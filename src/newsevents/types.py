"""The data types that flow between pipeline stages.

Each stage takes one of these and returns the next: ingest -> RawDocument | Rejection,
extract -> Article | Rejection, nlp -> ArticleAnalysis, store writes them. Field names of
Article, Event and Quote are public contracts (JSONL export, API): add fields, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ContentType = Literal["text", "html", "record"]
Factuality = Literal["asserted", "negated", "hypothetical"]
DatePrecision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document before extraction.

    `data` holds the raw bytes of a `.txt`/`.html` document; `fields` holds the already-decoded
    fields of a JSON/JSONL/CSV record (`text`, `title`, `url`, `date`, `publisher`).
    """

    document_id: str
    origin: str  # "path" or "path:line" (JSONL line / CSV row number, 1-based)
    content_type: ContentType
    data: bytes | None = None
    fields: dict[str, str | None] | None = None
    size: int = 0


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that ends without an article, with an actionable reason code (see errors.py)."""

    document_id: str
    origin: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One row of the `documents` table: every input document seen, whatever its fate."""

    document_id: str
    origin: str
    content_type: str
    size: int
    status: Literal["processed", "rejected"]


@dataclass(slots=True)
class Article:
    article_id: str
    document_id: str
    origin: str
    url: str | None
    title: str | None
    authors: list[str]
    date: str | None  # ISO date YYYY-MM-DD of publication
    publisher: str | None
    captions: list[str]
    body: str
    language: str
    # (start, end) character offsets of each body paragraph; sentences never cross them.
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    extractor: str = ""  # "text_scrape", "trafilatura", "record"

    def to_public(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "url": self.url,
            "title": self.title,
            "authors": list(self.authors),
            "date": self.date,
            "publisher": self.publisher,
            "captions": list(self.captions),
            "body": self.body,
            "language": self.language,
        }


@dataclass(slots=True)
class ActorRef:
    """An actor as stored on an event or quote: the surface text and its resolution."""

    text: str
    name: str | None
    country: str | None  # ISO-3166 alpha-3, or None (IGOs, NGOs, unknown)
    sector: str | None  # PLOVER agent code: GOV, MIL, REB, IGO, ...
    role: str | None = None  # "National Security Adviser", "spokesman", ...
    actor_id: str | None = None
    char_start: int = 0
    char_end: int = 0
    rule: str = ""
    confidence: float = 0.0

    def to_public(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "actor_id": self.actor_id,
        }


@dataclass(slots=True)
class Place:
    text: str
    name: str | None
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature_class: str | None = None  # GeoNames class: P (city), A (country/admin), L (region)
    precision: int | None = None  # ACLED style: 1 town, 2 near town/region, 3 country
    char_start: int = 0
    char_end: int = 0
    rule: str = ""
    confidence: float = 0.0

    def to_public(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "precision": self.precision,
            "text": self.text,
        }


@dataclass(slots=True)
class Sentence:
    article_id: str
    index: int
    char_start: int
    char_end: int
    text: str


@dataclass(slots=True)
class Event:
    """The event record (DESIGN.md). Offsets index the stored article body."""

    event_id: str
    article_id: str
    event_type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    source: list[ActorRef]
    target: list[ActorRef]
    date: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    location: Place | None
    dead: int | None
    dead_qualifier: str | None
    injured: int | None
    injured_qualifier: str | None
    arrested: int | None
    arrested_qualifier: str | None
    factuality: str
    attributed_to: str | None
    confidence: float
    trigger: str
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    rule: str
    pipeline_version: str
    mentions: int = 1
    sources: int = 1
    quote_id: str | None = None

    def to_public(self) -> dict[str, Any]:
        out = asdict(self)
        out["source"] = [a.to_public() for a in self.source]
        out["target"] = [a.to_public() for a in self.target]
        out["location"] = self.location.to_public() if self.location else None
        return out


@dataclass(slots=True)
class Quote:
    quote_id: str
    article_id: str
    speaker: ActorRef | None  # resolved speaker (name = full mention after coreference)
    source_text: str | None  # surface span of the source ("he", "Andar")
    source_start: int | None
    source_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_spans: list[tuple[int, int]]  # possibly discontinuous
    direct: bool
    sentence_index: int
    rule: str
    confidence: float
    event_ids: list[str] = field(default_factory=list)

    def to_public(self) -> dict[str, Any]:
        speaker = self.speaker.to_public() if self.speaker else None
        if speaker is not None:
            speaker["text"] = self.source_text or speaker["text"]
        return {
            "quote_id": self.quote_id,
            "article_id": self.article_id,
            "speaker": speaker,
            "cue": self.cue,
            "content": self.content,
            "direct": self.direct,
            "source_span": [self.source_start, self.source_end] if self.source_start is not None else None,
            "cue_span": [self.cue_start, self.cue_end],
            "content_spans": [list(s) for s in self.content_spans],
            "event_ids": list(self.event_ids),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the NLP stages found in one article."""

    article: Article
    sentences: list[Sentence]
    actors: list[ActorRef]  # every resolved actor mention
    events: list[Event]
    quotes: list[Quote]
    places: list[Place]  # every resolved toponym

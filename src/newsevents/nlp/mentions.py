"""What our spaCy components put on a Doc (`doc._.<name>`), in token coordinates.

The Doc's text is the article body verbatim, so `doc[i].idx` are body offsets. Each component
declares in its factory which of these it assigns; later components read earlier ones only through
these types, never through another component's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.types import ActorRef, Place


@dataclass(slots=True)
class ActorMention:
    """An actor found in the text: tokens [start, end) and its resolution."""

    start: int
    end: int
    ref: ActorRef
    head: int = -1  # token index of the syntactic head of the mention (-1: unknown)


@dataclass(slots=True)
class Toponym:
    """A place name found in the text: tokens [start, end) and its gazetteer resolution."""

    start: int
    end: int
    place: Place
    demonym: bool = False  # "Russian"
    metonymic: bool = False  # "Moscow said ..." (the government acting)


@dataclass(slots=True)
class Timex:
    """A temporal expression resolved against the publication date."""

    start: int
    end: int
    text: str
    date: str | None  # ISO start of the interval
    date_end: str | None  # ISO end of the interval
    precision: str | None  # day, week, month, year
    rule: str = ""


@dataclass(slots=True)
class EventMention:
    """One event trigger in one sentence, with its arguments (before cross-mention merging)."""

    sent_index: int
    trigger_start: int  # token index
    trigger_end: int
    event_type: str  # PLOVER category
    mode: str | None
    context: list[str]
    source: list[ActorMention]
    target: list[ActorMention]
    factuality: str  # asserted / negated / hypothetical
    rule: str
    confidence: float
    attributed_to: str | None = None
    dead: int | None = None
    dead_qualifier: str | None = None
    injured: int | None = None
    injured_qualifier: str | None = None
    arrested: int | None = None
    arrested_qualifier: str | None = None
    victims: str | None = None
    timex: Timex | None = None  # set by the event-time component
    place: Place | None = None  # set by the event-place component
    quote_index: int | None = None  # index into doc._.quote_mentions when inside a quote
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Span:
    start: int  # character offsets into the body
    end: int


@dataclass(slots=True)
class QuoteMention:
    """An attribution: source, cue and content as character spans."""

    source: Span | None
    cue: Span
    content: list[Span]  # possibly discontinuous
    direct: bool
    sent_index: int
    rule: str
    confidence: float
    speaker: ActorRef | None = None  # resolved speaker (after coreference)

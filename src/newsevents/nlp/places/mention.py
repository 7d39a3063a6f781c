"""What the resolver works on: a mention to resolve, its resolution, and the article's other evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.nlp.places.gazetteer import Candidate


@dataclass(slots=True)
class MentionInput:
    """A toponym to resolve: its text and where it sits."""

    text: str
    char_start: int
    char_end: int
    demonym: bool = False
    qualifier: int | None = None  # index of a mention qualifying this one ("Paris, [Texas]")
    weak: bool = False  # recognised without the model's word for it: gives no context to others
    facility: bool = False  # names a street, building or site (see the module docstring)
    # index of a place the text puts this one in ("X University in [St. Louis]", "[London]'s Heathrow")
    container: int | None = None


@dataclass(slots=True)
class Resolution:
    candidate: Candidate | None
    rule: str
    confidence: float
    matched_text: str = ""  # the part of the mention that named the place


@dataclass(slots=True)
class ArticleContext:
    """Evidence about what the article is about, besides its toponyms."""

    actor_countries: list[str] = field(default_factory=list)
    publisher_country: str | None = None
    # Places already resolved elsewhere in the article (the recogniser's toponyms, when resolving
    # given spans): context, and the focus when none of the given spans resolves.
    places: list[Candidate] = field(default_factory=list)

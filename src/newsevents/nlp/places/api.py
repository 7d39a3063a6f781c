"""Public entry points: resolve given character spans of a Doc (the evaluator's --gold-spans mode)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate, Gazetteer, load_gazetteer
from newsevents.nlp.places.places import to_place
from newsevents.nlp.places.resolve import ArticleContext, ArticleResolver, MentionInput
from newsevents.nlp.places.vocab import FOLLOWING_CHARS, is_facility_name
from newsevents.types import Place

_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")  # "Paris, Texas": only a comma between the two names
# "Washington University in St. Louis", "the Rogers Centre, in Toronto": the second name contains the first.
_CONTAINER_AFTER = re.compile(r"^\s*,?\s*(?:in|at|near|outside)\s+(?:the\s+|downtown\s+|central\s+)?$")
# "London's Heathrow": the first name contains the second.
_CONTAINER_BEFORE = re.compile(r"^['\u2019]s\s+$")


def link_qualifiers(text: str, mentions: Sequence[MentionInput]) -> None:
    """Links each mention to the one right after it when only a comma separates them ("Paris, Texas"),
    and to the place the text puts it in ("X University in St. Louis", "London's Heathrow")."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].char_start)
    for left, right in zip(order, order[1:], strict=False):
        gap = text[mentions[left].char_end : mentions[right].char_start]
        if mentions[left].demonym or mentions[right].demonym:
            continue
        if _QUALIFIER_GAP.match(gap):
            mentions[left].qualifier = right
        elif _CONTAINER_AFTER.match(gap):
            mentions[left].container = right
        elif _CONTAINER_BEFORE.match(gap):
            mentions[right].container = left


def mentions_for_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[MentionInput]:
    """Mentions for character spans, each linked to the span that qualifies it."""
    mentions = [
        MentionInput(
            text[start:end],
            start,
            end,
            facility=is_facility_name(text[start:end], text[end : end + FOLLOWING_CHARS]),
        )
        for start, end in spans
    ]
    link_qualifiers(text, mentions)
    return mentions


def article_context(doc: Doc, with_toponyms: bool = False) -> ArticleContext:
    """Actors' countries and the publisher's; with_toponyms: the places already found in the doc."""
    actors = [m.ref.country for m in (doc._.actor_mentions or []) if m.ref.country]
    places = (
        [as_candidate(t.place) for t in (doc._.toponyms or []) if not t.demonym and _named(t.place)]
        if with_toponyms
        else []
    )
    return ArticleContext(actor_countries=actors, publisher_country=doc._.publisher_country, places=places)


def _named(place: Place) -> bool:
    """Resolved from its own name (not borrowed from the focus or a neighbouring place)."""
    return not (place.rule or "").endswith((".focus", ".near", ".within"))


def as_candidate(place: Place) -> Candidate:
    """A resolved Place seen as a gazetteer candidate (for context and focus)."""
    kind = {1: sources.KIND_CITY, 2: sources.KIND_ADMIN1}.get(place.precision or 3, sources.KIND_COUNTRY)
    if place.feature_class not in ("P", "A"):
        kind = sources.KIND_REGION
    return Candidate(
        place_id=place.geonames_id or 0,
        name=place.name or place.text,
        kind=kind,
        fcode="",
        country=place.country,
        admin1=place.admin1,
        admin_code=None,
        lat=place.lat or 0.0,
        lon=place.lon or 0.0,
        population=0,
        name_type=sources.NAME_CANONICAL,
    )


def resolve_text_spans(
    gazetteer: Gazetteer, text: str, spans: Sequence[tuple[int, int]], context: ArticleContext | None = None
) -> list[Place | None]:
    mentions = mentions_for_spans(text, spans)
    resolutions = ArticleResolver(gazetteer, context).resolve(mentions)
    return [to_place(m, r) for m, r in zip(mentions, resolutions, strict=True)]


def resolve_spans(
    doc: Doc, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None
) -> list[Place | None]:
    """Resolves character spans [start, end) of doc.text as toponyms, in the article's context.

    The gazetteer defaults to the one in the user cache directory (built on first use).
    """
    return resolve_text_spans(
        gazetteer or load_gazetteer(), doc.text, spans, article_context(doc, with_toponyms=True)
    )

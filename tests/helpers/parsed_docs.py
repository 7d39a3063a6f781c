"""Hand-built parses (no model): a Doc from (word, lemma, pos, tag, dep, head) rows, actor mentions
over its tokens, and the events component run over it; a Doc from rows of any named columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import spacy
from spacy.tokens import Doc

from newsevents.nlp.events.component import EventsComponent
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import ActorMention, EventMention, Toponym
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


def doc_from_rows(
    rows: Sequence[Sequence[Any]],
    columns: Sequence[str],
    *,
    words: list[str] | None = None,
    lemmas: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A Doc on a fresh blank English vocab from rows whose fields `columns` names: "text", "head"
    (offset from the token), "dep", "pos", "tag", "ent", "lemma". `words` and `lemmas` replace
    the rows' texts and lemmas; `spaces` says which tokens a space follows."""
    column = {name: [row[k] for row in rows] for k, name in enumerate(columns)}
    return Doc(
        spacy.blank("en").vocab,
        words=words if words is not None else column["text"],
        spaces=spaces,
        heads=[i + offset for i, offset in enumerate(column["head"])],
        deps=column.get("dep"),
        pos=column.get("pos"),
        tags=column.get("tag"),
        ents=column.get("ent"),
        lemmas=lemmas if lemmas is not None else column.get("lemma"),
    )


def actor(doc: Doc, start: int, end: int, country: str | None, sector: str | None = None) -> ActorMention:
    span = doc[start:end]
    ref = ActorRef(span.text, span.text, country, sector, char_start=span.start_char, char_end=span.end_char)
    return ActorMention(start, end, ref, end - 1)


def code(doc: Doc, mentions: list[ActorMention], toponyms: list[Toponym] | None = None) -> list[EventMention]:
    """The event mentions the events component finds, given the actor mentions and toponyms."""
    doc._.actor_mentions = mentions
    doc._.toponyms = toponyms or []
    return EventsComponent()(doc)._.event_mentions


def countries(actors: list[ActorMention]) -> list[str | None]:
    return [a.ref.country for a in actors]

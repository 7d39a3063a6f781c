"""Registers the Doc extensions our components read and write (see mentions.py for their types).

spaCy's extension registry is process-global by design; registration is idempotent.
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default factory; a getter-free attribute per Doc, reset for each Doc.
_DOC_EXTENSIONS = (
    "article_id",  # str | None
    "pub_date",  # ISO publication date str | None: the anchor for relative dates
    "publisher_country",  # ISO alpha-3 | None, a context prior for places
    "paragraphs",  # list[tuple[int, int]] | None: body paragraph offsets
    "actor_mentions",  # list[ActorMention]
    "timexes",  # list[Timex]
    "toponyms",  # list[Toponym]
    "event_mentions",  # list[EventMention]
    "quote_mentions",  # list[QuoteMention]
)


def register_extensions() -> None:
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

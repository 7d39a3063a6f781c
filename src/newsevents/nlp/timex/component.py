"""spaCy components: temporal expressions (doc._.timexes) and event dates (ev.timex)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class TimexComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = []
        return doc


class EventTimeComponent:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("newsevents_timex", assigns=["doc._.timexes"])
def make_timex(nlp: Language, name: str) -> TimexComponent:
    return TimexComponent()


@Language.factory("newsevents_event_time", requires=["doc._.event_mentions", "doc._.timexes"])
def make_event_time(nlp: Language, name: str) -> EventTimeComponent:
    return EventTimeComponent()

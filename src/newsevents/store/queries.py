"""Read-side SQL: the filters the CLI and the API offer, and the typed projection for Parquet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsevents.store.rows import EVENT_NESTED_FIELDS, EVENT_SCALAR_FIELDS, QUOTE_SCALAR_FIELDS


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. `since`/`until` are ISO dates compared with the event's `date`
    (the start of the interval it is known to lie in); `country` matches a source, a target or
    the location (ISO alpha-3); `type` is a PLOVER category, case-insensitive."""

    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.type:
            clauses.append(f"upper({alias}.event_type) = upper(?)")
            params.append(self.type)
        if self.country:
            clauses.append(
                f"(list_contains({alias}.source_countries, ?) OR list_contains({alias}.target_countries, ?)"
                f" OR {alias}.location_country = ?)"
            )
            params += [self.country] * 3
        if self.since:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= ?")
            params.append(self.until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def limit_sql(self) -> str:
        return f" LIMIT {int(self.limit)}" if self.limit is not None else ""


def _cols(alias: str, names: tuple[str, ...]) -> str:
    return ", ".join(f"{alias}.{n}" for n in names)


# The order rows come back in: by article, then by where they are in the article, so output is
# stable across runs and reads like the articles do.
EVENT_ORDER = " ORDER BY e.article_id, e.char_start, e.event_id"


def events_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """Events with the article's url/origin, the end of its lead paragraph and the place's
    feature class (what GDELT export needs beyond the public record)."""
    where, params = flt.where("e")
    sql = (
        f"SELECT {_cols('e', (*EVENT_SCALAR_FIELDS, *EVENT_NESTED_FIELDS, 'extra'))},"
        " a.url, a.origin, CAST(json_extract(a.paragraphs, '$[0][1]') AS INTEGER), e.location_feature_class"
        " FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
        f"{where}{EVENT_ORDER}{flt.limit_sql()}"
    )
    return sql, params


def quotes_sql(speaker: str | None, limit: int | None) -> tuple[str, list[Any]]:
    where, params = "", []
    if speaker:
        # Substring match on the resolved name or the surface text: users type "Andar" or "Ministry".
        where = (
            " WHERE q.speaker_name ILIKE ? OR q.source_text ILIKE ?"
            " OR json_extract_string(q.speaker, '$.text') ILIKE ?"
        )
        params = [f"%{speaker}%"] * 3
    limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
    sql = (
        f"SELECT {_cols('q', (*QUOTE_SCALAR_FIELDS, 'speaker', 'content_spans', 'extra'))} FROM quotes q"
        f"{where} ORDER BY q.article_id, q.cue_start, q.quote_id{limit_sql}"
    )
    return sql, params


_ACTOR_STRUCT = (
    '\'[{"text": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR",'
    ' "role": "VARCHAR", "actor_id": "VARCHAR"}]\''
)


def events_parquet_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """The public event record with real types (lists, structs) for Parquet: the same columns in
    the same order as the JSONL record (tests compare the two)."""
    where, params = flt.where("e")
    columns: list[str] = []
    for name in EVENT_SCALAR_FIELDS:
        columns.append(f"e.{name}")
        if name == "goldstein":
            columns += [
                f"from_json(e.source, {_ACTOR_STRUCT}) AS source",
                f"from_json(e.target, {_ACTOR_STRUCT}) AS target",
            ]
        elif name == "date_text":
            columns.append(
                "CASE WHEN e.location IS NULL THEN NULL ELSE struct_pack("
                "name := e.location_name, country := e.location_country, admin1 := e.location_admin1,"
                " lat := e.location_lat, lon := e.location_lon, geonames_id := e.location_geonames_id,"
                " precision := e.location_precision, text := e.location_text) END AS location"
            )
    sql = f"SELECT {', '.join(columns)} FROM events e{where}{EVENT_ORDER}{flt.limit_sql()}"
    return sql, params

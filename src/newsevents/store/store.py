"""The DuckDB store: one file, a versioned schema, one transaction per batch.

Every write is insert-or-ignore on the tables' primary keys (document id, article id, event id,
(article id, index) for per-article rows), so writing the same batch twice changes nothing, and
a run killed at any point leaves whole batches only: the next run skips the stored documents and
writes the rest, giving the same rows as one uninterrupted run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import duckdb

from newsevents.errors import E_NO_DB, E_STORE, NewsEventsError
from newsevents.store import rows
from newsevents.store.migrations import LATEST_VERSION, current_version, migrate
from newsevents.store.queries import EventFilter, events_parquet_sql, events_sql, quotes_sql
from newsevents.types import ArticleAnalysis, DocumentRecord, Event, Rejection

# Tables whose rows are the pipeline's output (compared across reruns, counted by `counts()`).
CONTENT_TABLES = ("documents", "articles", "rejections", "sentences", "actors", "places", "events", "quotes")

# Rows per INSERT statement; bounds the size of the list parameters (see _insert).
_ROWS_PER_STATEMENT = 5000
_FETCH_ROWS = 1000


class EventContext(NamedTuple):
    """What an export needs about an event beyond its public record."""

    url: str | None
    origin: str | None
    lead_end: int | None  # where the article's first paragraph ends (GDELT's IsRootEvent)
    location_feature_class: str | None


class Store:
    """A newsevents database. Use `Store.open(path)` as a context manager."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str) -> None:
        self._conn = conn
        self.path = path

    # -- lifecycle -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, schema_version: int = LATEST_VERSION
    ) -> Store:
        """Opens (creating if needed) the database at `path` and brings its schema to
        `schema_version` (the latest by default; an older one only for migration tests).

        read_only: for queries; the file must exist. An outdated schema is upgraded first by a
        short read-write open, so old databases stay readable.
        """
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).is_file():
            raise NewsEventsError(
                E_NO_DB, f"no database at {path}; create one with `newsevents run INPUT --db {path}`"
            )
        if read_only:
            conn = cls._connect(path, read_only=True)
            if current_version(conn) < schema_version:
                conn.close()
                cls.open(path, schema_version=schema_version).close()
                conn = cls._connect(path, read_only=True)
            elif current_version(conn) > LATEST_VERSION:
                conn.close()
                raise NewsEventsError(
                    E_STORE, f"{path} was written by a newer newsevents; upgrade to read it"
                )
            return cls(conn, path)
        conn = cls._connect(path, read_only=False)
        try:
            migrate(conn, schema_version)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def _connect(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            # The usual causes: another process holds the write lock, or the file is not DuckDB.
            raise NewsEventsError(E_STORE, f"cannot open database {path}: {exc}") from exc

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for ad-hoc SQL (tests, notebooks). Do not write through it."""
        return self._conn

    @property
    def schema_version(self) -> int:
        return current_version(self._conn)

    # -- writing ---------------------------------------------------------------------------------

    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among `ids` already stored (processed or rejected)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        found = self._conn.execute(
            "SELECT document_id FROM documents WHERE list_contains(?, document_id)", [wanted]
        ).fetchall()
        return {row[0] for row in found}

    def write_batch(
        self,
        documents: Sequence[DocumentRecord],
        analyses: Sequence[ArticleAnalysis],
        rejections: Sequence[Rejection],
    ) -> None:
        """Writes one batch in one transaction: all of it or none of it."""
        self._conn.execute("BEGIN TRANSACTION")
        try:
            self._insert("documents", rows.DOCUMENT_COLUMNS, [rows.document_row(d) for d in documents])
            self._insert("rejections", rows.REJECTION_COLUMNS, [rows.rejection_row(r) for r in rejections])
            self._insert("articles", rows.ARTICLE_COLUMNS, [rows.article_row(a.article) for a in analyses])
            self._insert(
                "sentences", rows.SENTENCE_COLUMNS, [r for a in analyses for r in rows.sentence_rows(a)]
            )
            self._insert("actors", rows.ACTOR_COLUMNS, [r for a in analyses for r in rows.actor_rows(a)])
            self._insert("places", rows.PLACE_COLUMNS, [r for a in analyses for r in rows.place_rows(a)])
            self._insert(
                "events", rows.EVENT_COLUMNS, [rows.event_row(e) for a in analyses for e in a.events]
            )
            self._insert(
                "quotes", rows.QUOTE_COLUMNS, [rows.quote_row(q) for a in analyses for q in a.quotes]
            )
            self._conn.execute("COMMIT")
        except BaseException:  # KeyboardInterrupt too: never leave a half batch open
            self._conn.execute("ROLLBACK")
            raise

    def _insert(self, table: str, columns: tuple[str, ...], values: list[rows.Row]) -> None:
        if not values:
            return
        # One list parameter per column, unnested in lockstep: DuckDB binds one list far faster
        # than as many scalar parameters. Batches of 50 synthetic articles (30 sentences, 30
        # actors, 10 events each) store at 146 articles/s this way against 20/s with multi-row
        # VALUES; executemany is slower still (~1.5 ms a row).
        selects = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        sql = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) SELECT {selects}"
        for start in range(0, len(values), _ROWS_PER_STATEMENT):
            chunk = values[start : start + _ROWS_PER_STATEMENT]
            self._conn.execute(sql, [list(column) for column in zip(*chunk, strict=True)])

    # -- runs (the only table with wall-clock time) ----------------------------------------------

    def start_run(self, inputs: Sequence[str], pipeline_version: str) -> int:
        row = self._conn.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        self._conn.execute(
            "INSERT INTO runs (run_id, started_at, inputs, pipeline_version, status) VALUES (?, ?, ?, ?, 'running')",
            [run_id, datetime.now(), json.dumps(list(inputs)), pipeline_version],
        )
        return run_id

    def finish_run(
        self, run_id: int, *, status: str, seen: int, skipped: int, processed: int, rejected: int, events: int
    ) -> None:
        self._conn.execute(
            "UPDATE runs SET finished_at = ?, status = ?, seen = ?, skipped = ?, processed = ?, rejected = ?,"
            " events = ? WHERE run_id = ?",
            [datetime.now(), status, seen, skipped, processed, rejected, events, run_id],
        )

    # -- reading ---------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per content table."""
        out = {}
        for table in CONTENT_TABLES:
            row = self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def _iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        # A cursor of its own, so a caller may run other queries while iterating.
        cursor = self._conn.cursor()
        try:
            cursor.execute(sql, list(params))
            while chunk := cursor.fetchmany(_FETCH_ROWS):
                yield from chunk
        finally:
            cursor.close()

    def iter_articles(self, limit: int | None = None) -> Iterator[dict[str, Any]]:
        limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
        sql = f"SELECT {', '.join(rows.ARTICLE_COLUMNS)} FROM articles ORDER BY origin, article_id{limit_sql}"
        for row in self._iter_rows(sql):
            yield rows.article_from_row(row).to_public()

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Articles as public dicts (Article.to_public()), ordered by origin."""
        return list(self.iter_articles(limit))

    def rejections(self, limit: int | None = None) -> list[dict[str, Any]]:
        limit_sql = f" LIMIT {int(limit)}" if limit is not None else ""
        sql = f"SELECT {', '.join(rows.REJECTION_COLUMNS)} FROM rejections ORDER BY origin, document_id{limit_sql}"
        return [dict(zip(rows.REJECTION_COLUMNS, row, strict=True)) for row in self._iter_rows(sql)]

    def iter_event_objects(self, flt: EventFilter | None = None) -> Iterator[tuple[Event, EventContext]]:
        """Events as Event objects with their context (article url/origin, place feature class)."""
        sql, params = events_sql(flt or EventFilter())
        width = len(rows.EVENT_SCALAR_FIELDS) + len(rows.EVENT_NESTED_FIELDS) + 1
        for row in self._iter_rows(sql, params):
            yield rows.event_from_row(row[:width]), EventContext(*row[width:])

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        for event, _ in self.iter_event_objects(flt):
            yield event.to_public()

    def events(
        self,
        type: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events as public dicts (Event.to_public()); see EventFilter for the filters."""
        return list(self.iter_events(EventFilter(type, country, since, until, limit)))

    def iter_quotes(self, speaker: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        sql, params = quotes_sql(speaker, limit)
        for row in self._iter_rows(sql, params):
            yield rows.quote_from_row(row).to_public()

    def quotes(self, speaker: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Quotes as public dicts (Quote.to_public()); `speaker` matches a substring of the name."""
        return list(self.iter_quotes(speaker, limit))

    def copy_events_to_parquet(self, out: str | Path, flt: EventFilter | None = None) -> int:
        """Writes the events as Parquet through DuckDB's COPY (no pyarrow). Returns the row count."""
        sql, params = events_parquet_sql(flt or EventFilter())
        count_row = self._conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
        target = str(out).replace("'", "''")
        self._conn.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params)
        return int(count_row[0]) if count_row else 0

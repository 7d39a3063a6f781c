"""The versioned schema of the store: an ordered list of migrations, each applied in a transaction.

A database records the migrations it has had in `schema_version`. Opening a database applies the
missing ones in order, so a file written by an older newsevents is upgraded in place; a file written
by a newer one is refused (its tables may hold columns this code would drop on the floor).

Rules for adding a migration: append, never edit one that has shipped; content tables hold no
wall-clock values (a run killed and rerun must leave the same rows as one uninterrupted run), so
timestamps live only in `runs` and `schema_version`.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from newsevents.errors import E_STORE, NewsEventsError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_CORE_TABLES = (
    """
    CREATE TABLE documents (
        document_id VARCHAR PRIMARY KEY,
        origin VARCHAR NOT NULL,
        content_type VARCHAR NOT NULL,
        size BIGINT NOT NULL,
        status VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        document_id VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        url VARCHAR,
        title VARCHAR,
        authors VARCHAR[] NOT NULL,
        date VARCHAR,
        publisher VARCHAR,
        captions VARCHAR[] NOT NULL,
        body VARCHAR NOT NULL,
        language VARCHAR,
        paragraphs JSON,
        extractor VARCHAR
    )
    """,
    """
    CREATE TABLE rejections (
        document_id VARCHAR PRIMARY KEY,
        origin VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        message VARCHAR
    )
    """,
    # One row per `newsevents run`: the only content with wall-clock time.
    """
    CREATE TABLE runs (
        run_id BIGINT PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        inputs JSON,
        pipeline_version VARCHAR,
        status VARCHAR NOT NULL,
        seen BIGINT,
        skipped BIGINT,
        processed BIGINT,
        rejected BIGINT,
        events BIGINT
    )
    """,
)

# The tables the NLP stages fill. Nested values (actors on events, spans) are JSON; the values
# people filter on are flattened next to them (source_countries, location_country, speaker_name).
# `extra` keeps public fields added to Event/Quote after this schema, so they survive until a
# migration gives them a column.
_NLP_TABLES = (
    """
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (article_id, idx)
    )
    """,
    """
    CREATE TABLE actors (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        role VARCHAR,
        actor_id VARCHAR,
        char_start INTEGER,
        char_end INTEGER,
        rule VARCHAR,
        confidence DOUBLE,
        PRIMARY KEY (article_id, idx)
    )
    """,
    """
    CREATE TABLE places (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        name VARCHAR,
        country VARCHAR,
        admin1 VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        geonames_id BIGINT,
        feature_class VARCHAR,
        precision INTEGER,
        char_start INTEGER,
        char_end INTEGER,
        rule VARCHAR,
        confidence DOUBLE,
        PRIMARY KEY (article_id, idx)
    )
    """,
    """
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        event_type VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR[],
        cameo VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        source JSON,
        target JSON,
        source_countries VARCHAR[],
        target_countries VARCHAR[],
        source_sectors VARCHAR[],
        target_sectors VARCHAR[],
        source_names VARCHAR[],
        target_names VARCHAR[],
        date VARCHAR,
        date_end VARCHAR,
        date_precision VARCHAR,
        date_text VARCHAR,
        location JSON,
        location_name VARCHAR,
        location_country VARCHAR,
        location_admin1 VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        location_geonames_id BIGINT,
        location_feature_class VARCHAR,
        location_precision INTEGER,
        location_text VARCHAR,
        dead INTEGER,
        dead_qualifier VARCHAR,
        injured INTEGER,
        injured_qualifier VARCHAR,
        arrested INTEGER,
        arrested_qualifier VARCHAR,
        factuality VARCHAR NOT NULL,
        attributed_to VARCHAR,
        confidence DOUBLE,
        trigger VARCHAR,
        sentence VARCHAR,
        sentence_index INTEGER,
        char_start INTEGER,
        char_end INTEGER,
        rule VARCHAR,
        pipeline_version VARCHAR,
        mentions INTEGER,
        sources INTEGER,
        quote_id VARCHAR,
        extra JSON
    )
    """,
    """
    CREATE TABLE quotes (
        quote_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        speaker JSON,
        speaker_name VARCHAR,
        speaker_country VARCHAR,
        speaker_sector VARCHAR,
        source_text VARCHAR,
        source_start INTEGER,
        source_end INTEGER,
        cue VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        content VARCHAR,
        content_spans JSON,
        direct BOOLEAN,
        sentence_index INTEGER,
        rule VARCHAR,
        confidence DOUBLE,
        event_ids VARCHAR[],
        extra JSON
    )
    """,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, articles, rejections, runs", _CORE_TABLES),
    Migration(2, "sentences, actors, places, events, quotes", _NLP_TABLES),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database; 0 for a new (or foreign) file."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection, target: int = LATEST_VERSION) -> int:
    """Applies the migrations above the database's version up to `target`, each in its own
    transaction (a failure leaves the database at the previous version). Returns the new version."""
    if target > LATEST_VERSION or target < 0:
        raise ValueError(f"no schema version {target}; known 0..{LATEST_VERSION}")
    version = current_version(conn)
    if version > LATEST_VERSION:
        raise NewsEventsError(
            E_STORE,
            f"the database has schema version {version}, newer than this newsevents knows "
            f"({LATEST_VERSION}); upgrade newsevents to read it",
        )
    if version == 0:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
    for migration in MIGRATIONS:
        if migration.version <= version or migration.version > target:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version VALUES (?, ?, current_timestamp)",
                [migration.version, migration.description],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = migration.version
    return version

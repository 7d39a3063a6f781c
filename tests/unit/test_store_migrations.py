"""The schema is versioned: older databases are migrated in place, newer ones refused."""

from __future__ import annotations

import duckdb
import pytest

from helpers.store_samples import make_batch
from newsevents.errors import NewsEventsError
from newsevents.store import Store, migrations
from newsevents.store.migrations import LATEST_VERSION, Migration, current_version, migrate


def _tables(conn: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_store_new_database_is_at_latest_version(tmp_path):
    with Store.open(tmp_path / "news.duckdb") as store:
        assert store.schema_version == LATEST_VERSION
        versions = store.connection.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [v for (v,) in versions] == [m.version for m in migrations.MIGRATIONS]


def test_store_migrates_previous_version_keeping_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store.open(path, schema_version=LATEST_VERSION - 1) as old:
        assert old.schema_version == LATEST_VERSION - 1
        assert "events" not in _tables(old.connection)
        old.connection.execute("INSERT INTO documents VALUES ('doc-old', 'old.txt', 'text', 10, 'processed')")
    with Store.open(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.known_document_ids(["doc-old"]) == {"doc-old"}
        store.write_batch(*make_batch(range(4)))
        assert store.counts()["events"] > 0


def test_store_read_only_open_upgrades_old_database(tmp_path):
    path = tmp_path / "old.duckdb"
    Store.open(path, schema_version=1).close()
    with Store.open(path, read_only=True) as reader:
        assert reader.schema_version == LATEST_VERSION
        assert reader.events() == []


def test_store_refuses_newer_database(tmp_path):
    path = tmp_path / "future.duckdb"
    with Store.open(path) as store:
        store.connection.execute(
            "INSERT INTO schema_version VALUES (?, 'from the future', current_timestamp)",
            [LATEST_VERSION + 1],
        )
    with pytest.raises(NewsEventsError, match="newer"):
        Store.open(path)


def test_store_failed_migration_rolls_back(tmp_path, monkeypatch):
    broken = Migration(
        LATEST_VERSION + 1, "broken", ("CREATE TABLE half_done (a INTEGER)", "SELECT * FROM no_such_table")
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)
    conn = duckdb.connect(str(tmp_path / "news.duckdb"))
    with pytest.raises(duckdb.Error):
        migrate(conn, LATEST_VERSION + 1)
    assert current_version(conn) == LATEST_VERSION
    assert "half_done" not in _tables(conn)


def test_store_read_only_needs_existing_file(tmp_path):
    with pytest.raises(NewsEventsError) as err:
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    assert err.value.code == "E_NO_DB"

"""Every export format carries the same events as the store returns."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest

from helpers.store_samples import make_batch
from newsevents.export import GDELT_COLUMNS, export_events, gdelt_event_id
from newsevents.store import EventFilter, Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "news.duckdb") as store:
        store.write_batch(*make_batch(range(8)))
        yield store


def test_export_jsonl_lines_are_public_records(store, tmp_path):
    out = tmp_path / "events.jsonl"
    n = export_events(store, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(lines) == store.counts()["events"]
    assert lines == store.events()


def test_export_csv_flattens_nested_fields_as_json(store, tmp_path):
    out = tmp_path / "events.csv"
    export_events(store, "csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    events = store.events()
    assert [row["event_id"] for row in rows] == [e["event_id"] for e in events]
    for row, event in zip(rows, events, strict=True):
        assert list(row) == list(event)
        assert json.loads(row["source"]) == event["source"]
        assert json.loads(row["context"]) == event["context"]
        assert (json.loads(row["location"]) if row["location"] else None) == event["location"]
        assert row["dead"] == ("" if event["dead"] is None else str(event["dead"]))


def test_export_parquet_matches_jsonl_record(store, tmp_path):
    out = tmp_path / "events.parquet"
    n = export_events(store, "parquet", out)
    result = duckdb.connect().execute(f"SELECT * FROM read_parquet('{out}')")
    columns = [d[0] for d in result.description]
    rows = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
    assert n == len(rows) == store.counts()["events"]
    assert rows == store.events()


def test_export_respects_filters(store, tmp_path):
    out = tmp_path / "assaults.jsonl"
    export_events(store, "jsonl", out, EventFilter(type="ASSAULT"))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and {e["event_type"] for e in lines} == {"ASSAULT"}


def test_export_gdelt_has_gdelt_columns(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export_events(store, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 58
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    by_id = {row["GLOBALEVENTID"]: row for row in rows}
    for event in store.events():
        row = by_id[str(gdelt_event_id(event["event_id"]))]
        assert row["SQLDATE"] == event["date"].replace("-", "")
        assert row["EventCode"] == event["cameo"]
        assert row["EventRootCode"] == event["cameo"][:2]
        assert row["QuadClass"] == str(event["quad_class"])
        assert row["Actor1Code"] == "AFGGOV"
        assert row["Actor1CountryCode"] == "AFG"
        assert row["Actor2CountryCode"] == ("RUS" if event["target"] else "")
        # GDELT 1.0 geography uses FIPS 10-4 country codes: Russia is RS.
        assert row["ActionGeo_CountryCode"] == ("RS" if event["location"] else "")
        assert row["ActionGeo_FeatureID"] == (
            str(event["location"]["geonames_id"]) if event["location"] else ""
        )
        assert row["IsRootEvent"] == "1"  # the samples' events start in the first paragraph


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt"])
def test_export_empty_store_writes_valid_empty_file(tmp_path, fmt):
    with Store.open(tmp_path / "empty.duckdb") as store:
        out = tmp_path / f"events.{fmt}"
        assert export_events(store, fmt, out) == 0
        assert out.exists()

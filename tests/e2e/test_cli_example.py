"""The bundled example through the installed CLI: run, list, export in every format."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.export import GDELT_COLUMNS, load_schema

pytestmark = [pytest.mark.e2e, pytest.mark.model]

ARTICLE_FIELDS = {
    "article_id",
    "url",
    "title",
    "authors",
    "date",
    "publisher",
    "captions",
    "body",
    "language",
}
runner = CliRunner()


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, example_path):
    """`newsevents run examples/` through the console script, as a user runs it."""
    db = tmp_path_factory.mktemp("example") / "news.duckdb"
    script = Path(sys.executable).with_name("newsevents")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "newsevents.cli"]
    result = subprocess.run(
        [*command, "run", str(example_path.parent), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return db, result.stdout


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, f"{args}: {result.output}\n{result.exception!r}"
    return result.stdout


def test_cli_run_summary_counts_the_example(example_db):
    _, stdout = example_db
    assert "processed" in stdout and "events" in stdout


def test_cli_articles_jsonl_gives_the_example_fields(example_db):
    db, _ = example_db
    lines = [json.loads(line) for line in _cli("articles", "--db", str(db), "--format", "jsonl").splitlines()]
    assert len(lines) == 1
    article = lines[0]
    assert set(article) == ARTICLE_FIELDS
    assert article["title"] == "Afghan NSA Travels to Moscow"
    assert article["authors"] == ["Moqadas Hashimi"]
    assert article["date"] == "2021-07-01"
    assert article["publisher"] == "TKG"
    assert article["language"] == "en"
    assert article["captions"], "the photo caption is stored apart from the body"
    for caption in article["captions"]:
        assert caption not in article["body"]
    assert "Hamdullah Mohib" in article["body"]


def test_cli_articles_csv_and_table(example_db):
    db, _ = example_db
    rows = list(csv.DictReader(_cli("articles", "--db", str(db), "--format", "csv").splitlines()))
    assert len(rows) == 1 and json.loads(rows[0]["authors"]) == ["Moqadas Hashimi"]
    assert "Afghan NSA Travels to Moscow" in _cli("articles", "--db", str(db))


def test_cli_every_exported_event_line_validates_against_the_schema(example_db, tmp_path):
    db, _ = example_db
    out = tmp_path / "events.jsonl"
    _cli("export", "--db", str(db), "--format", "jsonl", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines, "the example article yields events"
    validator = jsonschema.Draft202012Validator(
        load_schema("event"), format_checker=jsonschema.FormatChecker()
    )
    for line in lines:
        validator.validate(json.loads(line))


def test_cli_quotes_validate_against_the_schema(example_db):
    db, _ = example_db
    validator = jsonschema.Draft202012Validator(
        load_schema("quote"), format_checker=jsonschema.FormatChecker()
    )
    for line in _cli("quotes", "--db", str(db), "--format", "jsonl").splitlines():
        validator.validate(json.loads(line))


def test_cli_export_every_format_agrees(example_db, tmp_path):
    db, _ = example_db
    outputs = {fmt: tmp_path / f"events.{fmt}" for fmt in ("jsonl", "csv", "parquet", "gdelt")}
    for fmt, out in outputs.items():
        _cli("export", "--db", str(db), "--format", fmt, str(out))
    events = [json.loads(line) for line in outputs["jsonl"].read_text(encoding="utf-8").splitlines()]
    ids = [e["event_id"] for e in events]

    with outputs["csv"].open(encoding="utf-8", newline="") as handle:
        assert [row["event_id"] for row in csv.DictReader(handle)] == ids

    parquet = duckdb.connect().execute(
        f"SELECT event_id, source, location FROM read_parquet('{outputs['parquet']}')"
    )
    rows = parquet.fetchall()
    assert [r[0] for r in rows] == ids
    assert [r[1] for r in rows] == [e["source"] for e in events]

    gdelt = [line.split("\t") for line in outputs["gdelt"].read_text(encoding="utf-8").splitlines()]
    assert len(gdelt) == len(events)
    assert all(len(cells) == len(GDELT_COLUMNS) for cells in gdelt)


def test_cli_events_table_lists_the_events(example_db):
    db, _ = example_db
    table = _cli("events", "--db", str(db))
    jsonl = _cli("events", "--db", str(db), "--format", "jsonl").splitlines()
    assert jsonl
    for event in map(json.loads, jsonl):
        assert event["event_type"] in table


def test_cli_events_parquet_out_is_readable(example_db, tmp_path):
    db, _ = example_db
    out = tmp_path / "consult.parquet"
    _cli("events", "--db", str(db), "--format", "parquet", "--type", "CONSULT", "--out", str(out))
    types = duckdb.connect().execute(f"SELECT DISTINCT event_type FROM read_parquet('{out}')").fetchall()
    assert types == [("CONSULT",)]

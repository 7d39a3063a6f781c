"""The query and export commands of the CLI on a database of synthetic events (no model)."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest
from typer.testing import CliRunner

from helpers.store_samples import make_batch
from newsevents.cli import app
from newsevents.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "news.duckdb"
    with Store.open(path) as store:
        store.write_batch(*make_batch(range(8)))
    return path


@pytest.fixture(scope="module")
def stored(db):
    with Store.open(db, read_only=True) as store:
        return {
            "articles": store.articles(),
            "events": store.events(),
            "quotes": store.quotes(),
            "rejections": store.rejections(),
        }


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    return result


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "rejections"])
def test_export_cli_jsonl_matches_store(db, stored, command):
    result = invoke(command, "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == stored[command]


@pytest.mark.parametrize("command", ["articles", "events", "quotes"])
def test_export_cli_csv_has_one_row_per_record(db, stored, command):
    result = invoke(command, "--db", str(db), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(stored[command])
    assert list(rows[0]) == list(stored[command][0])


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "rejections"])
def test_export_cli_table_names_every_record(db, stored, command):
    result = runner.invoke(app, [command, "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") >= len(stored[command])


def test_export_cli_events_table_shows_readable_fields(db):
    result = runner.invoke(app, ["events", "--db", str(db), "--type", "ASSAULT"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    for text in ("ASSAULT", "Hamdullah Mohib (AFG/GOV)", "dead as many as 258", "Ministry of Defense"):
        assert text in result.stdout


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--type", "consult"], lambda e: e["event_type"] == "CONSULT"),
        (["--country", "Russia"], lambda e: any(a["country"] == "RUS" for a in e["target"])),
        (["--country", "ru"], lambda e: any(a["country"] == "RUS" for a in e["target"])),
        (
            ["--since", "2021-07-05", "--until", "2021-07-07"],
            lambda e: "2021-07-05" <= e["date"] <= "2021-07-07",
        ),
    ],
)
def test_export_cli_events_filters(db, stored, options, expected):
    result = invoke("events", "--db", str(db), "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    got = [json.loads(line)["event_id"] for line in result.stdout.splitlines()]
    want = [e["event_id"] for e in stored["events"] if expected(e)]
    assert want and got == want


def test_export_cli_speaker_filter(db, stored):
    result = invoke("quotes", "--db", str(db), "--format", "jsonl", "--speaker", "Ministry")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(stored["quotes"])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt"])
def test_export_cli_export_writes_every_event(db, stored, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = invoke("export", "--db", str(db), "--format", fmt, str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {len(stored['events'])} events" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--db", "{missing}"],
        ["articles", "--db", "{missing}", "--format", "jsonl"],
        ["export", "--db", "{missing}", "--format", "jsonl", "{out}"],
        ["events", "--db", "{db}", "--since", "last week"],
        ["events", "--db", "{db}", "--country", "Atlantis"],
        ["events", "--db", "{db}", "--format", "parquet"],
        ["events", "--db", "{db}", "--format", "xml"],
    ],
    ids=[
        "events missing db",
        "articles missing db",
        "export missing db",
        "bad date",
        "bad country",
        "parquet to stdout",
        "bad format",
    ],
)
def test_export_cli_usage_errors_exit_2_without_traceback(db, tmp_path, args):
    filled = [a.format(missing=tmp_path / "missing.duckdb", db=db, out=tmp_path / "x.jsonl") for a in args]
    result = invoke(*filled)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_export_cli_missing_db_message_names_the_file(tmp_path):
    missing = tmp_path / "missing.duckdb"
    result = invoke("events", "--db", str(missing))
    assert "E_NO_DB" in result.stderr and str(missing) in result.stderr
    assert not missing.exists()


def test_export_cli_registers_evaluation_commands_when_present(monkeypatch):
    import types

    import typer

    from newsevents.cli import create_app

    def register(app: typer.Typer) -> None:
        @app.command("eval")
        def eval_command() -> None:
            typer.echo("evaluated")

    monkeypatch.setitem(
        sys.modules, "newsevents.evaluation.commands", types.SimpleNamespace(register=register)
    )
    result = runner.invoke(create_app(), ["eval"])
    assert result.exit_code == 0 and "evaluated" in result.stdout


def test_export_cli_works_without_evaluation_commands(monkeypatch):
    from newsevents.cli import create_app

    # None in sys.modules makes the import fail with ModuleNotFoundError, as if the module were absent.
    monkeypatch.setitem(sys.modules, "newsevents.evaluation.commands", None)
    result = runner.invoke(create_app(), ["--help"])
    assert result.exit_code == 0 and "export" in result.stdout

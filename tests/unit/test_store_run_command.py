"""`newsevents run` drives the orchestrator into the store and records the run (stages stubbed)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import newsevents.pipeline as pipeline
from helpers.store_samples import install_stub_stages
from newsevents.cli import app
from newsevents.store import Store

DOCUMENTS = 12


@pytest.fixture
def stubbed(monkeypatch):
    install_stub_stages(lambda name, value: monkeypatch.setattr(pipeline, name, value), DOCUMENTS)
    # The CLI passes no model; the stubbed analysis never touches it.
    monkeypatch.setattr("newsevents.nlp.pipeline.build_nlp", lambda settings: object(), raising=False)


def _run(tmp_path, *extra: str):
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--db", str(db), *extra], env={"COLUMNS": "200"})
    assert result.exit_code == 0, f"{result.output}\n{result.exception!r}"
    return db, result.stdout


def test_store_run_command_prints_summary_by_reason(tmp_path, stubbed):
    _, stdout = _run(tmp_path, "--batch-size", "5")
    for text in ("seen", "12", "processed", "E_PARSE", "E_LANGUAGE", "events"):
        assert text in stdout


def test_store_run_command_records_runs(tmp_path, stubbed):
    db, _ = _run(tmp_path)
    _run(tmp_path)
    with Store.open(db, read_only=True) as store:
        runs = store.connection.execute(
            "SELECT status, seen, skipped, processed, rejected, finished_at >= started_at FROM runs ORDER BY run_id"
        ).fetchall()
    assert runs == [("done", 12, 0, 6, 6, True), ("done", 12, 12, 0, 0, True)]

"""`newsevents eval --json` prints exactly one JSON object; `--errors` writes one line per miss."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from newsevents.evaluation import runner
from newsevents.evaluation.commands import register
from newsevents.evaluation.common import Miss, TaskResult


def app():
    application = typer.Typer()
    register(application)
    return application


def fake_result(task, gold, settings, limit=None, gold_spans=False, ctx=None, split=None):
    misses = [Miss("r1", "type", "AGREE", "REJECT", "text"), Miss("r2", "type", "AID", None)]
    return TaskResult(task, str(gold), 2, {"type_accuracy": 0.0, "ece": None}, seconds=0.1, misses=misses)


def test_json_output_is_one_object(monkeypatch, tmp_path):
    gold = tmp_path / "plover_gsr.dev.jsonl"
    gold.write_text("{}\n")
    monkeypatch.setattr(runner, "run_task", fake_result)
    result = CliRunner().invoke(app(), ["eval", "events", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"task", "gold", "n", "metrics", "seconds"}
    assert payload["metrics"] == {"type_accuracy": 0.0, "ece": None}


def test_errors_file_has_one_line_per_miss(monkeypatch, tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("{}\n")
    errors = tmp_path / "misses.jsonl"
    monkeypatch.setattr(runner, "run_task", fake_result)
    result = CliRunner().invoke(app(), ["eval", "events", str(gold), "--json", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(x["id"], x["gold"], x["predicted"]) for x in lines] == [
        ("r1", "AGREE", "REJECT"),
        ("r2", "AID", None),
    ]


def test_unknown_task_exits_with_usage_error(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("{}\n")
    result = CliRunner().invoke(app(), ["eval", "sentiment", str(gold), "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""

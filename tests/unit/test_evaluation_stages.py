"""Gold texts through the real stages (model-backed): order, rejections, offsets, the JSON contract."""

from __future__ import annotations

import json

import pytest

from newsevents.evaluation.common import EvalContext, GoldText, analyse_gold_texts
from newsevents.evaluation.runner import run_task


@pytest.mark.model
def test_gold_texts_keep_their_order_and_ids(nlp, settings):
    items = [
        GoldText("a", "Russian troops attacked the Ukrainian city of Kharkiv on Monday.", "2022-03-01"),
        GoldText("b", "   "),  # nothing to analyse: rejected by the extract stage
        GoldText("c", "The two leaders met in Geneva."),
    ]
    out = list(analyse_gold_texts(nlp, settings, items, "test"))
    assert [o.item.item_id for o in out] == ["a", "b", "c"]
    assert out[1].analysis is None and out[1].rejection == "E_EMPTY"
    assert out[0].analysis is not None and out[0].analysis.article.body == items[0].text
    assert out[0].shift == 0


@pytest.mark.model
def test_events_task_on_a_tiny_gold_file(nlp, settings, tmp_path):
    gold = tmp_path / "plover_gsr.tiny.jsonl"
    records = [
        {"id": "x1", "text": "Israeli troops shot dead three Palestinians in Gaza.", "date": "2000-01-01",
         "event": "ASSAULT", "source": [{"country": "ISR", "sector": "MIL"}],
         "target": [{"country": "PSE", "sector": "CVL"}], "dead": 3, "injured": None},
        {"id": "x2", "text": "No event here.", "date": "2000-01-01", "event": None, "source": [], "target": []},
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run_task("events", gold, settings, ctx=EvalContext(settings, _nlp=nlp))
    payload = result.to_json()
    assert set(payload) == {"task", "gold", "n", "metrics", "seconds"}
    assert payload["n"] == 1
    assert set(payload["metrics"]) >= {"type_accuracy", "no_event_rate", "ece", "casualty_accuracy"}


@pytest.mark.model
@pytest.mark.e2e
def test_eval_command_prints_one_json_object(shared_dir):
    from typer.testing import CliRunner

    from newsevents.cli import app

    gold = shared_dir / "eval" / "petr2_gsr.dev.jsonl"
    result = CliRunner().invoke(app, ["eval", "cameo", str(gold), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["task"] == "cameo" and payload["n"] == 3
    assert set(payload["metrics"]) == {
        "precision",
        "recall",
        "f1",
        "root_precision",
        "root_recall",
        "root_f1",
    }

"""`eval --split`: only the gold records of one split are scored."""

import json

import pytest

from newsevents.errors import NewsEventsError
from newsevents.evaluation.common import read_jsonl


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [{"id": f"a{i}", "split": "train" if i % 3 else "dev", "text": "x"} for i in range(9)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("split", "limit", "ids"),
    [
        ("dev", None, ["a0", "a3", "a6"]),
        ("dev", 2, ["a0", "a3"]),
        ("train", 1, ["a1"]),
        (None, 2, ["a0", "a1"]),
    ],
)
def test_evaluation_split_keeps_only_that_split(gold_file, split, limit, ids):
    assert [r["id"] for r in read_jsonl(gold_file, limit, split)] == ids


def test_evaluation_split_unknown_names_the_splits_present(gold_file):
    with pytest.raises(NewsEventsError) as raised:
        read_jsonl(gold_file, split="test")
    assert raised.value.code == "E_USAGE"
    assert "dev, train" in str(raised.value)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        (
            {
                "by_split": {"dev": {"cue_f1": 0.7}, "train": {"cue_f1": 0.9}},
                "by_split_n": {"dev": 2, "train": 5},
            },
            [("quotes_dev_split", 2, {"cue_f1": 0.7})],
        ),
        ({"by_split": {"train": {"cue_f1": 0.9}}, "by_split_n": {"train": 5}}, []),
        ({}, []),
    ],
)
def test_evaluation_split_result_read_off_the_quotes_breakdown(details, expected):
    from newsevents.evaluation.common import TaskResult
    from newsevents.evaluation.runner import split_results

    parent = TaskResult("quotes", "gold.jsonl", 7, {"cue_f1": 0.8}, details=details)
    derived = split_results([parent])
    assert [(r.task, r.n, r.metrics) for r in derived] == expected

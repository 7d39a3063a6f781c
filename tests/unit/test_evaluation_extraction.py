"""The extraction task scored on hand-made pages (gold body vs predicted body)."""

from __future__ import annotations

import gzip
import json

import pytest

from newsevents.evaluation.extraction import load_ground_truth, score_extraction


def test_scores_by_hand():
    pages = [
        ("p1", "a b c d e", "a b c d e"),  # exact
        ("p2", "a b c d e", ""),  # nothing extracted: recall 0, no precision term
        ("p3", "a b c d e", "a b c d e x y z w"),  # 2 of 6 predicted shingles right, all gold found
    ]
    result = score_extraction(pages)
    assert result.n == 3
    assert result.metrics["accuracy"] == pytest.approx(1 / 3)
    assert result.metrics["precision"] == pytest.approx((1.0 + 2 / 6) / 2)
    assert result.metrics["recall"] == pytest.approx((1.0 + 0.0 + 1.0) / 3)
    assert [m.item for m in result.misses] == ["p2", "p3"]


def test_empty_gold_page_with_prediction_scores_zero_precision():
    result = score_extraction([("p", "", "some words here now")])
    assert result.metrics["precision"] == 0.0
    assert result.metrics["recall"] is None


def test_ground_truth_files_merge(tmp_path):
    (tmp_path / "ground-truth.dev.json").write_text(json.dumps({"a": {"articleBody": "x", "url": "u"}}))
    (tmp_path / "ground-truth.more.json").write_text(json.dumps({"b": {"articleBody": "y", "url": "v"}}))
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    assert sorted(load_ground_truth(tmp_path)) == ["a", "b"]


def test_missing_ground_truth_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_ground_truth(tmp_path)

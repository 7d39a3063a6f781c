"""The quotes task: one-to-one attribution matching and per-role scores, by hand."""

from __future__ import annotations

import pytest

from newsevents.evaluation.quotes import gold_attribution, score_quotes
from newsevents.types import Quote


def role(start, end, fragments=None):
    out = {"start": start, "end": end, "text": "x"}
    if fragments:
        out["fragments"] = fragments
    return out


def gold(source, cue, content, content2=None):
    entry = {"source": source and role(*source), "cue": cue and role(*cue), "content": content}
    if content2:
        entry["content2"] = role(*content2)
    return entry


def quote(source, cue, content_spans):
    return Quote(
        quote_id="q", article_id="a", speaker=None, source_text=None,
        source_start=source[0] if source else None, source_end=source[1] if source else None,
        cue="said", cue_start=cue[0], cue_end=cue[1], content="c", content_spans=list(content_spans),
        direct=False, sentence_index=0, rule="r", confidence=0.5,
    )  # fmt: skip


def record(*attributions):
    return {"id": "d", "text": "t" * 300, "attributions": list(attributions)}


def test_full_match_scores_one_everywhere():
    g = gold((0, 5), (6, 10), role(11, 50))
    metrics = score_quotes([(record(g), [quote((0, 5), (6, 10), [(11, 50)])], 0)]).metrics
    assert all(value == 1.0 for value in metrics.values())


def test_roles_score_separately_within_a_matched_pair():
    g = gold((0, 5), (6, 10), role(11, 50))
    # right cue, content over-long (11-120: 39 of 109 characters), source missing
    metrics = score_quotes([(record(g), [quote(None, (6, 10), [(11, 120)])], 0)]).metrics
    assert metrics["cue_f1"] == 1.0
    assert metrics["content_precision"] == 0.0
    assert metrics["source_precision"] == 0.0  # no predicted source: nothing right
    assert metrics["source_recall"] == 0.0
    assert metrics["full_f1"] == 0.0


def test_gold_without_source_needs_no_source_for_a_full_match():
    g = gold(None, (6, 10), role(11, 50))
    metrics = score_quotes([(record(g), [quote((0, 5), (6, 10), [(11, 50)])], 0)]).metrics
    assert metrics["full_precision"] == metrics["full_recall"] == 1.0
    assert metrics["source_precision"] == 0.0  # the predicted source is spurious


def test_discontinuous_content_uses_fragments():
    g = gold((0, 5), (6, 10), role(11, 200, [[11, 40], [150, 200]]))
    right = quote((0, 5), (6, 10), [(11, 40), (150, 200)])
    whole = quote((0, 5), (6, 10), [(11, 200)])  # 79 of 189 characters: too long
    assert score_quotes([(record(g), [right], 0)]).metrics["content_f1"] == 1.0
    assert score_quotes([(record(g), [whole], 0)]).metrics["content_f1"] == 0.0


def test_content2_joins_content():
    attribution = gold_attribution(gold((0, 5), (6, 10), role(11, 20), content2=(30, 40)))
    assert attribution.content == ((11, 20), (30, 40))


def test_one_prediction_cannot_match_two_gold_attributions():
    g1 = gold((0, 5), (6, 10), role(11, 50))
    g2 = gold((60, 65), (66, 70), role(71, 100))
    metrics = score_quotes([(record(g1, g2), [quote((0, 5), (6, 10), [(11, 50)])], 0)]).metrics
    assert metrics["full_precision"] == 1.0
    assert metrics["full_recall"] == pytest.approx(0.5)
    assert metrics["cue_recall"] == pytest.approx(0.5)


def test_empty_prediction_and_empty_gold():
    g = gold((0, 5), (6, 10), role(11, 50))
    assert score_quotes([(record(g), [], 0)]).metrics["cue_recall"] == 0.0
    assert score_quotes([(record(), [quote(None, (6, 10), [(11, 50)])], 0)]).metrics["cue_precision"] == 0.0
    assert score_quotes([(record(), [], 0)]).metrics["full_f1"] == 1.0


def test_scores_break_down_by_gold_split():
    g = gold((0, 5), (6, 10), role(11, 50))
    right = quote((0, 5), (6, 10), [(11, 50)])
    articles = [
        ({**record(g), "split": "train"}, [right], 0),
        ({**record(g), "id": "e", "split": "dev"}, [], 0),
    ]
    result = score_quotes(articles)
    assert result.metrics["cue_recall"] == 0.5
    assert result.details["by_split"]["train"]["cue_recall"] == 1.0
    assert result.details["by_split"]["dev"]["cue_recall"] == 0.0

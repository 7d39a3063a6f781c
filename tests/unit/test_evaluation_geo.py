"""The geo task on hand-made articles: matching, ignored types, resolution errors."""

from __future__ import annotations

import pytest

from newsevents.evaluation.geo import counted_and_ignored, score_geo, score_gold_spans
from newsevents.evaluation.metrics import MAX_ERROR_KM
from newsevents.types import Place


def span(start, end, type_="Literal", is_toponym=True, lat=None, lon=None, gid=None, status="ok", **extra):
    return {"start": start, "end": end, "text": "x", "type": type_, "is_toponym": is_toponym, "lat": lat,
            "lon": lon, "geonames_id": gid, "offset_status": status, **extra}  # fmt: skip


def place(start, end, lat=None, lon=None, gid=None, country=None):
    return Place(text="x", name="x", country=country, admin1=None, lat=lat, lon=lon, geonames_id=gid,
                 char_start=start, char_end=end)  # fmt: skip


def article(*spans, item="1"):
    return {"id": item, "text": "t" * 200, "toponyms": list(spans)}


def test_span_classes():
    record = article(
        span(0, 5),
        span(10, 15, "Demonym"),
        span(20, 25, "Non_Toponym", is_toponym=False),
        span(30, 35, status="in_title"),
        span(40, 45, "Homonym"),
    )
    counted, ignored = counted_and_ignored(record)
    assert [s["start"] for s in counted] == [0]
    assert [s["start"] for s in ignored] == [10, 40]


def test_prediction_on_an_ignored_span_is_neither_right_nor_wrong():
    record = article(span(0, 6), span(10, 17, "Demonym"))
    result = score_geo([(record, [place(0, 6), place(10, 17)], 0)])
    assert result.metrics["precision"] == 1.0
    assert result.metrics["recall"] == 1.0


def test_prediction_on_a_non_toponym_is_a_false_positive():
    record = article(span(0, 6), span(20, 30, "Non_Toponym", is_toponym=False))
    result = score_geo([(record, [place(0, 6), place(20, 30)], 0)])
    assert result.metrics["precision"] == 0.5


def test_over_long_prediction_does_not_match():
    record = article(span(10, 16))  # "Moscow"
    result = score_geo([(record, [place(0, 40)], 0)])
    assert result.metrics["precision"] == 0.0
    assert result.metrics["recall"] == 0.0


def test_nested_prediction_matches_when_it_covers_half():
    record = article(span(0, 12))  # "New York City"
    result = score_geo([(record, [place(0, 8)], 0)])
    assert result.metrics["recall"] == 1.0


def test_resolution_on_matched_spans():
    moscow = span(0, 6, lat=55.75, lon=37.62, gid="524901")
    paris = span(10, 15, lat=48.85, lon=2.35, gid="2988507")
    kabul = span(20, 25, lat=34.53, lon=69.17)
    record = article(moscow, paris, kabul)
    places = [
        place(0, 6, 55.76, 37.61, 524901),  # right
        place(10, 15, 33.66, -95.55, 4717560),  # Paris, Texas: ~7,900 km off
        place(20, 25),  # matched but unresolved: the largest error
    ]
    metrics = score_geo([(record, places, 0)]).metrics
    assert metrics["acc_161km"] == pytest.approx(1 / 3)
    assert metrics["geonames_exact"] == pytest.approx(1 / 2)
    assert metrics["median_error_km"] > 7000
    assert metrics["mean_error_km"] > MAX_ERROR_KM / 3
    assert metrics["country_accuracy"] is None  # the gold has no countries


def test_offset_shift_moves_predictions_onto_the_gold_text():
    record = article(span(12, 18))
    assert score_geo([(record, [place(2, 8)], 10)]).metrics["recall"] == 1.0


def test_empty_article_is_perfect_and_empty_prediction_recalls_nothing():
    assert score_geo([(article(), [], 0)]).metrics["f1"] == 1.0
    assert score_geo([(article(span(0, 5)), [], 0)]).metrics["recall"] == 0.0


def test_gold_span_mode_scores_every_counted_span_with_coordinates():
    record = article(span(0, 6, lat=55.75, lon=37.62, gid="524901", country="RU"), span(10, 17, "Demonym"))
    metrics = score_gold_spans([(record, [place(0, 6, 55.75, 37.62, 524901, "RUS")])]).metrics
    assert metrics["acc_161km"] == 1.0
    assert metrics["country_accuracy"] == 1.0
    assert "precision" not in metrics


def test_gold_span_mode_needs_one_answer_per_span():
    with pytest.raises(ValueError):
        score_gold_spans([(article(span(0, 6)), [])])

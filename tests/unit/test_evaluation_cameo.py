"""The cameo task: triples of (source country, target country, CAMEO root), scored by hand."""

from __future__ import annotations

import pytest

from newsevents.evaluation.cameo import gold_triples, predicted_triples, score_cameo
from newsevents.types import ActorRef, Event


def actor(country, sector=None):
    return ActorRef(text="x", name=None, country=country, sector=sector)


def event(cameo, source=(), target=(), factuality="asserted"):
    return Event(
        event_id="e", article_id="a", event_type="X", mode=None, context=[], cameo=cameo,
        quad_class=None, goldstein=None, source=list(source), target=list(target), date=None, date_end=None,
        date_precision=None, date_text=None, location=None, dead=None, dead_qualifier=None, injured=None,
        injured_qualifier=None, arrested=None, arrested_qualifier=None, factuality=factuality,
        attributed_to=None, confidence=0.5, trigger="t", sentence="s", sentence_index=0,
        char_start=0, char_end=1, rule="r", pipeline_version="v",
    )  # fmt: skip


def record(*events, item="s1"):
    return {"id": item, "text": "t", "events": [{"source": s, "target": t, "cameo": c} for s, t, c in events]}


def test_gold_codes_split_into_country_and_root():
    gold = record(("USAGOV", "IRN", "0841"), ("---REB", "SYR", "190"), ("UKR", "IGOEUREEC", "057"))
    assert gold_triples(gold) == {("USA", "IRN", "08"), (None, "SYR", "19"), ("UKR", "IGO", "05")}


def test_every_source_target_pair_counts_and_negated_events_do_not():
    events = [
        event("040", source=[actor("USA"), actor("RUS")], target=[actor("CHE")]),
        event("190", source=[actor("USA")], target=[actor("IRQ")], factuality="negated"),
        event(None, source=[actor("USA")], target=[actor("IRQ")]),  # no CAMEO code: nothing
    ]
    assert predicted_triples(events, set()) == {("USA", "CHE", "04"), ("RUS", "CHE", "04")}


def test_missing_side_is_an_unknown_country():
    assert predicted_triples([event("190", source=[actor(None, "REB")])], set()) == {(None, None, "19")}


def test_null_country_actor_stands_for_a_gold_pseudo_country():
    gold = gold_triples(record(("UKR", "IGOEUREEC", "057")))
    predicted = predicted_triples([event("057", source=[actor("UKR")], target=[actor(None, "IGO")])], gold)
    assert predicted == gold


def test_micro_scores_by_hand():
    pairs = [
        # gold 2 triples, predicted 1 right + 1 wrong root
        (record(("BRA", "USA", "031"), ("USA", "BRA", "031")), [event("031", [actor("BRA")], [actor("USA")]),
                                                                 event("040", [actor("USA")], [actor("BRA")])]),
        # no gold events, one prediction: a false positive
        (record(item="s2"), [event("110", [actor("RWA")], [actor("FRA")])]),
        # gold event, nothing predicted
        (record(("RWA", "FRA", "110"), item="s3"), []),
    ]  # fmt: skip
    metrics = score_cameo(pairs).metrics
    assert metrics["precision"] == pytest.approx(1 / 3)
    assert metrics["recall"] == pytest.approx(1 / 3)
    # roots per sentence: s1 gold {03} vs {03, 04}; s2 {} vs {11}; s3 {11} vs {}
    assert metrics["root_precision"] == pytest.approx(1 / 3)
    assert metrics["root_recall"] == pytest.approx(1 / 2)


def test_empty_gold_and_empty_prediction_are_perfect():
    metrics = score_cameo([(record(), [])]).metrics
    assert metrics["precision"] == metrics["recall"] == metrics["f1"] == 1.0

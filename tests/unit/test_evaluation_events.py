"""The events task scored on hand-made PLOVER records and predictions."""

from __future__ import annotations

import pytest

from newsevents.evaluation.events import primary_event, score_events
from newsevents.types import ActorRef, Event


def actor(country, sector=None):
    return ActorRef(text="x", name=None, country=country, sector=sector)


def event(
    event_type, confidence=0.5, factuality="asserted", source=(), target=(), start=0, dead=None, injured=None
):
    return Event(
        event_id=f"e{start}", article_id="a", event_type=event_type, mode=None, context=[], cameo=None,
        quad_class=None, goldstein=None, source=list(source), target=list(target), date=None, date_end=None,
        date_precision=None, date_text=None, location=None, dead=dead, dead_qualifier=None, injured=injured,
        injured_qualifier=None, arrested=None, arrested_qualifier=None, factuality=factuality,
        attributed_to=None, confidence=confidence, trigger="t", sentence="s", sentence_index=0,
        char_start=start, char_end=start + 1, rule="r", pipeline_version="v",
    )  # fmt: skip


def gold(event_type, source=(), target=(), dead=None, injured=None, item="r1"):
    return {
        "id": item,
        "text": "t",
        "event": event_type,
        "source": [{"country": c, "sector": s} for c, s in source],
        "target": [{"country": c, "sector": s} for c, s in target],
        "dead": dead,
        "injured": injured,
    }


def test_primary_event_skips_negated_and_hypothetical():
    events = [
        event("AGREE", 0.9, "negated"),
        event("REJECT", 0.4, start=5),
        event("ASSAULT", 0.95, "hypothetical"),
    ]
    assert primary_event(events).event_type == "REJECT"


def test_primary_event_tie_goes_to_the_first_in_text():
    events = [event("AGREE", 0.7, start=30), event("CONSULT", 0.7, start=10)]
    assert primary_event(events).event_type == "CONSULT"


def test_primary_event_of_nothing():
    assert primary_event([event("AGREE", factuality="negated")]) is None


def test_type_metrics_by_hand():
    pairs = [
        (gold("AGREE"), [event("AGREE", 0.9)]),  # right
        (gold("REJECT"), [event("AGREE", 0.9), event("REJECT", 0.2, start=9)]),  # wrong primary, in any
        (gold("THREATEN"), []),  # no event: wrong
        (gold(None), [event("AGREE")]),  # null gold event: skipped
    ]
    result = score_events(pairs)
    assert result.n == 3
    assert result.metrics["type_accuracy"] == pytest.approx(1 / 3)
    assert result.metrics["type_recall_any"] == pytest.approx(2 / 3)
    assert result.metrics["no_event_rate"] == pytest.approx(1 / 3)


def test_country_sets_must_be_equal():
    pairs = [
        (
            gold("AGREE", source=[("HUN", "GOV"), ("ROU", "GOV")]),
            [event("AGREE", source=[actor("HUN"), actor("ROU")])],
        ),
        (gold("AGREE", source=[("HUN", "GOV"), ("ROU", "GOV")]), [event("AGREE", source=[actor("HUN")])]),
        (gold("AGREE", source=[("USA", None)]), [event("AGREE", source=[actor("USA"), actor("RUS")])]),
        (gold("AGREE", source=[("JAP", "GOV")]), [event("AGREE", source=[actor("JPN", "GOV")])]),  # old code
    ]
    result = score_events(pairs)
    assert result.metrics["source_accuracy"] == pytest.approx(2 / 4)
    assert result.metrics["target_accuracy"] is None  # no record has a gold target


def test_pseudo_country_gold_matches_a_null_country_actor_by_sector():
    pairs = [(gold("REQUEST", target=[("IGO", None)]), [event("REQUEST", target=[actor(None, "IGO")])])]
    assert score_events(pairs).metrics["target_accuracy"] == 1.0


def test_sector_accuracy_ignores_unknown_gold_sectors():
    pairs = [
        (
            gold("PROTEST", source=[("PSE", "***")]),
            [event("PROTEST", source=[actor("PSE", "CVL")])],
        ),  # not scored
        (gold("PROTEST", source=[("FRA", "CVLalb")]), [event("PROTEST", source=[actor("FRA", "CVL")])]),
        (gold("PROTEST", source=[("FRA", "LAB")]), [event("PROTEST", source=[actor("FRA", "CVL")])]),
    ]
    assert score_events(pairs).metrics["sector_accuracy"] == pytest.approx(1 / 2)


def test_triple_needs_type_and_both_sides():
    usa, irq = [("USA", "GOV")], [("IRQ", None)]
    pairs = [
        (gold("ASSAULT", usa, irq), [event("ASSAULT", source=[actor("USA")], target=[actor("IRQ")])]),
        (gold("ASSAULT", usa, irq), [event("COERCE", source=[actor("USA")], target=[actor("IRQ")])]),
        (gold("ASSAULT", usa, irq), [event("ASSAULT", source=[actor("USA")], target=[actor("SYR")])]),
        (
            gold("ASSAULT", usa, ()),
            [event("ASSAULT", source=[actor("USA")], target=[actor("SYR")])],
        ),  # no gold target
    ]
    assert score_events(pairs).metrics["triple_accuracy"] == pytest.approx(2 / 4)


def test_casualties_need_equal_numbers_in_some_event():
    pairs = [
        (gold("ASSAULT", dead=3), [event("ASSAULT", dead=2), event("ASSAULT", dead=3, start=4)]),
        (gold("ASSAULT", dead=2, injured=5), [event("ASSAULT", dead=2)]),  # injured missing
        (gold("ASSAULT", dead="scores"), [event("ASSAULT")]),  # not numeric: not scored
        (gold("ASSAULT"), [event("ASSAULT", dead=1)]),  # no gold casualties: not scored
    ]
    assert score_events(pairs).metrics["casualty_accuracy"] == pytest.approx(1 / 2)


def test_ece_and_reliability_come_from_primary_events():
    pairs = [(gold("AGREE", item=str(i)), [event("AGREE" if i < 5 else "REJECT", 0.8)]) for i in range(10)]
    result = score_events(pairs)
    assert result.metrics["ece"] == pytest.approx(abs(0.5 - 0.8))
    assert result.details["reliability"][0]["count"] == 10


def test_misses_name_gold_and_prediction():
    result = score_events([(gold("AGREE"), [event("REJECT")])])
    assert [(m.check, m.gold, m.predicted) for m in result.misses] == [("type", "AGREE", "REJECT")]

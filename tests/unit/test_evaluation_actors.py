"""The actors task: NGEC-style cases against resolver answers, and the named/descriptive split."""

from __future__ import annotations

import pytest

from newsevents.evaluation.actors import is_named, score_actors, selected_cases
from newsevents.types import ActorRef


def case(text, expected, item="c", expect_none=False, kind="actor", status="collected"):
    return {
        "id": item,
        "text": text,
        "kind": kind,
        "status": status,
        "expected": expected,
        "expect_none": expect_none,
    }


def ref(country, sector):
    return ActorRef(text="x", name=None, country=country, sector=sector)


def test_cases_are_collected_actor_agent_and_nationality_only():
    records = [
        case("a", {}, kind="actor"),
        case("b", {}, kind="wiki"),
        case("c", {}, kind="agent"),
        case("d", {}, kind="actor", status="shadowed"),
        case("e", {}, kind="nationality"),
    ]
    assert [c["text"] for c in selected_cases(records)] == ["a", "c", "e"]


def test_country_and_sector_accuracy_by_hand():
    pairs = [
        (case("Saudi National Guard", {"country": "SAU", "code_1": "MIL"}), ref("SAU", "MIL")),
        (
            case("Minsk police station", {"country": "BLR", "code_1": "COP"}),
            ref("BLR", "GOV"),
        ),  # sector wrong
        (case("soldier", {"code_1": "MIL", "country": ""}), ref(None, "MIL")),  # "" == null
        (case("United Nations Security Council", {"country": "UNO"}), ref(None, "IGO")),  # pseudo-country
        (case("cyber police", {"code_1": "COP"}), None),  # no answer: sector wrong
    ]
    result = score_actors(pairs)
    assert result.metrics["country_accuracy"] == pytest.approx(4 / 4)
    assert result.metrics["sector_accuracy"] == pytest.approx(2 / 4)


def test_expect_none_wants_no_country_and_no_sector():
    pairs = [
        (case("puppies", {}, expect_none=True), None),
        (case("coronavirus", {}, expect_none=True), ref("CHN", None)),
    ]
    result = score_actors(pairs)
    assert result.metrics["country_accuracy"] == pytest.approx(1 / 2)
    assert result.metrics["sector_accuracy"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Agathon Rwasa", True),
        ("Boko Haram gunmen", True),
        ("FSB", True),
        ("Syrian Democratic Forces", True),
        ("four Saudi men", False),
        ("the Mongolian President", False),
        ("Two Russians", False),
        ("Slovak Soldiers", False),
        ("United States", False),
        ("Kosovo", False),
        ("Sydney", True),
        ("A Belarusian protester", False),
        ("He", False),
        ("taxi drivers", False),
    ],
)
def test_named_or_descriptive_by_capitalised_words(text, named):
    assert is_named(text) is named


@pytest.mark.parametrize(
    ("expected", "named"), [({"wiki": "Harvard University"}, True), ({"wiki": ""}, False)]
)
def test_gold_wikipedia_title_decides_named(expected, named):
    assert is_named("Harvard", expected) is named


def test_named_and_descriptive_split_country_accuracy():
    pairs = [
        (case("Agathon Rwasa", {"country": "BDI"}), ref("BDI", "GOV")),
        (case("four Saudi men", {"country": "SAU"}), ref(None, None)),
    ]
    metrics = score_actors(pairs).metrics
    assert metrics["named_country_accuracy"] == 1.0
    assert metrics["descriptive_country_accuracy"] == 0.0

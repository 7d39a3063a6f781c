"""Issue 3 acceptance on the founding example article (model-backed, end to end)."""

from __future__ import annotations

import math

import pytest

from newsevents.types import Event

pytestmark = [pytest.mark.model, pytest.mark.e2e]


def _asserted(analysis, event_type: str) -> list[Event]:
    return [e for e in analysis.events if e.event_type == event_type and e.factuality == "asserted"]


def _countries(actors) -> set[str | None]:
    return {a.country for a in actors}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _nsa_visits(analysis) -> list[Event]:
    return [
        e
        for e in _asserted(analysis, "CONSULT")
        if e.mode == "visit" and "AFG" in _countries(e.source) and "RUS" in _countries(e.target)
    ]


def test_events_example_nsa_visit_is_one_event_with_two_mentions(example_analysis):
    [visit] = _nsa_visits(example_analysis)
    assert visit.mentions >= 2
    assert any(a.sector == "GOV" and a.country == "AFG" for a in visit.source)
    assert any(a.name == "Hamdullah Mohib" for a in visit.source)


def test_events_example_nsa_visit_place_and_date(example_analysis):
    [visit] = _nsa_visits(example_analysis)
    assert visit.location is not None and visit.location.country == "RUS"
    assert _km(visit.location.lat, visit.location.lon, 55.75, 37.62) <= 50
    assert (visit.date, visit.date_precision) == ("2021-07-01", "day")


def test_events_example_german_italian_withdrawal(example_analysis):
    retreats = [
        e
        for e in _asserted(example_analysis, "RETREAT")
        if {"DEU", "ITA"} <= _countries(e.source)
        and ("AFG" in _countries(e.target) or (e.location is not None and e.location.country == "AFG"))
    ]
    assert retreats
    assert retreats[0].date == "2021-06-30"


def test_events_example_ghani_delegation_visits_usa(example_analysis):
    visits = [
        e
        for e in _asserted(example_analysis, "CONSULT")
        if e.mode == "visit"
        and any(a.country == "AFG" and a.sector == "GOV" for a in e.source)
        and "USA" in _countries(e.target)
    ]
    assert visits
    visit = visits[0]
    assert visit.date is not None and "2021-06-20" <= visit.date <= "2021-06-28"
    assert visit.date_precision in ("day", "week")


def test_events_example_clashes_with_casualties(example_analysis):
    clashes = [e for e in _asserted(example_analysis, "ASSAULT") if e.dead == 258]
    assert clashes
    clash = clashes[0]
    sides = clash.source + clash.target
    assert any(a.country == "AFG" and a.sector == "REB" for a in sides)
    assert any(a.sector in ("GOV", "MIL") for a in sides)
    assert (clash.dead_qualifier, clash.injured) == ("as many as", 142)
    assert clash.attributed_to is not None and "Ministry of Defense" in clash.attributed_to


@pytest.mark.parametrize(
    "fragment",
    [
        "Moscow could seal borders",
        "Moscow might be interested in providing military assistance",
        "would not have any outcome",
    ],
)
def test_events_example_speculation_is_not_asserted(example_analysis, fragment):
    from_sentence = [e for e in example_analysis.events if fragment in e.sentence]
    assert all(e.factuality != "asserted" for e in from_sentence)

"""The founding example end to end: its places resolved and its events dated and located."""

from __future__ import annotations

import pytest

from newsevents.nlp.places.resolve import haversine_km

pytestmark = [pytest.mark.model, pytest.mark.e2e]


def test_example_places_are_resolved(example_analysis):
    by_text = {}
    for place in example_analysis.places:
        by_text.setdefault(place.text, place)
    moscow = by_text["Moscow"]
    assert moscow.country == "RUS" and haversine_km(moscow.lat, moscow.lon, 55.75, 37.62) < 50
    assert by_text["Kabul"].country == "AFG" and by_text["Kabul"].feature_class == "P"
    for name, country in (("Tajikistan", "TJK"), ("Uzbekistan", "UZB"), ("Afghanistan", "AFG")):
        assert by_text[name].country == country and by_text[name].feature_class == "A"


@pytest.mark.parametrize(
    ("trigger_word", "start", "end"),
    [
        ("visited", "2021-06-20", "2021-06-28"),  # "a week after an Afghan delegation ... visited"
        ("wrapped", "2021-06-30", "2021-06-30"),  # "just a day after German and Italy announced"
    ],
)
def test_example_events_dated_by_relation(example_analysis, trigger_word, start, end):
    events = [e for e in example_analysis.events if trigger_word in e.trigger]
    assert events, [e.trigger for e in example_analysis.events]
    for event in events:
        assert start <= event.date <= end and event.date_precision in ("day", "week")


def test_example_trip_is_dated_and_located(example_analysis):
    trips = [e for e in example_analysis.events if e.event_type == "CONSULT" and e.date_text == "on Thursday"]
    assert trips
    trip = trips[0]
    assert (trip.date, trip.date_precision) == ("2021-07-01", "day")
    assert trip.location is not None and trip.location.country == "RUS" and trip.location.precision == 1

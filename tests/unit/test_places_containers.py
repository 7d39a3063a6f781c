"""A place the text puts a toponym in: "Town, Area" with the town unknown there, "X in Town",
"Town's X". The toponym then lies in that place (rules "within" and "near")."""

from __future__ import annotations

import pytest

from helpers.place_stubs import reduced_gazetteer, resolve_in_text
from newsevents.nlp.places.resolve import haversine_km


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return reduced_gazetteer(tmp_path_factory)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # No such town in the gazetteer: the area that qualifies it.
        ("The race was held at Zzyzxville, Kansas, on Sunday.", ["Zzyzxville", "Kansas"]),
        # The gazetteer knows the name only elsewhere (Bangor, Maine; Bangor, Wales).
        ("The fair moved to Bangor, Texas, last year.", ["Bangor", "Texas"]),
    ],
)
def test_town_unknown_in_its_area_lies_within_the_area(gazetteer, text, names):
    town, area = resolve_in_text(gazetteer, text, names)
    assert town.rule == "within"
    assert (town.geonames_id, town.precision) == (area.geonames_id, area.precision)


@pytest.mark.parametrize(
    ("text", "names", "country", "rule"),
    [
        ("He grew up in Paris, Texas, near the border.", ["Paris", "Texas"], "USA", "hierarchy"),
        # A list, not a qualifier: a large city keeps its own sense.
        ("The tour visits Berlin, Bavaria and Saxony.", ["Berlin", "Bavaria"], "DEU", "gazetteer"),
        # Areas named in a row are a list too.
        ("Storms hit Ohio, Texas and Iowa.", ["Ohio", "Texas"], "USA", "gazetteer"),
    ],
)
def test_qualified_name_keeps_its_own_place(gazetteer, text, names, country, rule):
    place = resolve_in_text(gazetteer, text, names)[0]
    assert (place.country, place.rule) == (country, rule)


@pytest.mark.parametrize(
    ("text", "names", "near"),
    [
        # Resolved only through a place inside its name: the town the text puts it in.
        (
            "She studied at Washington University in St. Louis before moving.",
            ["Washington University", "St. Louis"],
            (38.63, -90.2),
        ),
        (
            "A professor at the University of Bavaria in Munich said.",
            ["University of Bavaria", "Munich"],
            (48.14, 11.58),
        ),
        # Unknown to the gazetteer: the town whose possession it is.
        ("Flights left London's Zzyzx Field at dawn.", ["London", "Zzyzx Field"], (51.5, -0.13)),
    ],
)
def test_name_in_a_town_lies_in_that_town(gazetteer, text, names, near):
    place = resolve_in_text(gazetteer, text, names)[0 if " in " in text else 1]
    assert place is not None
    assert haversine_km(place.lat, place.lon, *near) < 50


def test_country_in_a_country_keeps_its_own_place(gazetteer):
    russia, _syria = resolve_in_text(gazetteer, "Russia in Syria is a new story.", ["Russia", "Syria"])
    assert (russia.country, russia.rule) == ("RUS", "gazetteer")

"""Streets, buildings and sites take the place named next to them, not a faraway namesake."""

from __future__ import annotations

import pytest

from helpers.place_stubs import reduced_gazetteer, resolve_in_text
from newsevents.nlp.places.resolve import haversine_km
from newsevents.nlp.places.vocab import is_facility_name


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return reduced_gazetteer(tmp_path_factory)


@pytest.mark.parametrize(
    ("text", "following", "expected"),
    [
        ("Royal Street", "", True),
        ("Hotel Kyjev", "", True),
        ("SM Mall of Asia", "", True),
        ("Chartres", " Street in the Quarter", True),
        ("Victoria", " Road", True),
        ("Turkish", " market", False),
        ("Liverpool", " Academy", False),
        ("Colorado State University", "", False),
        ("Paris", ", Texas", False),
        # Names coordinated before a plural street word are streets too.
        ("Ardley", " and Quenby streets to Marlow Street", True),
        ("Royal", ", Ardley and Quenby streets.", True),
        ("Quenby", " avenues. Closed until Friday", True),
        ("Ardley", " and Quenby Gardens reopened", True),
        ("Texas", ", Ohio and Iowa voted", False),
        ("France", " and Germany agreed", False),
        # A singular facility word is shared only by possessive names.
        ("St Bride's", " and St Ardan's Church in Kellsford", True),
        ("Paris", " and Berlin Airport were closed", False),
        ("Chicago", " and Boston Harbor froze", False),
        ("Texas", " and Oklahoma State Park", False),
        ("Paris", " and St Louis were twinned", False),
        ("Paris", " and London Stock Exchange", False),
        ("Lincoln Township", "", True),
    ],
)
def test_facility_names_are_recognised(text, following, expected):
    assert is_facility_name(text, following) is expected


@pytest.mark.parametrize(
    ("text", "names", "near"),
    [
        # A street named after a faraway town lies in the town named next to it.
        ("They walked down Victoria Road, Glasgow, at noon.", ["Victoria Road", "Glasgow"], (55.86, -4.26)),
        (
            "The parade turned into Chartres Street in New Orleans.",
            ["Chartres", "New Orleans"],
            (29.95, -90.07),
        ),
        # A town inside a site's name counts when it is near the place the text is about.
        (
            "Crowds gathered at Glasgow Cathedral in Glasgow.",
            ["Glasgow Cathedral", "Glasgow"],
            (55.86, -4.26),
        ),
        # A civil township named after a faraway town lies where the story is.
        (
            "Officers from Lincoln Township met in Newark on Monday.",
            ["Lincoln Township", "Newark"],
            (40.74, -74.17),
        ),
    ],
)
def test_facility_takes_its_neighbour(gazetteer, text, names, near):
    place = resolve_in_text(gazetteer, text, names)[0]
    assert place is not None
    assert haversine_km(place.lat, place.lon, *near) < 50


def test_demonym_in_a_facility_name_is_not_its_place(gazetteer):
    text = "Pupils of the British International School in Cairo won."
    school, _cairo = resolve_in_text(gazetteer, text, ["British International School", "Cairo"])
    assert school.country == "EGY"


def test_demonym_alone_is_weak_context(gazetteer):
    # A Japanese man in an Irish court: the demonym must not pull "Dublin" to a namesake elsewhere.
    text = "A Japanese man appeared in court in Dublin."
    _japanese, dublin = resolve_in_text(gazetteer, text, ["Japanese", "Dublin"])
    assert dublin.country == "IRL"


@pytest.mark.parametrize("word", ["La", "No"])
def test_short_lowercase_word_is_not_a_code(gazetteer, word):
    # "La Nina" is not LA; only places actually called "La" may match.
    place = resolve_in_text(gazetteer, f"Forecasters expect {word} change.", [word])[0]
    assert place is None or place.name.casefold() == word.casefold()

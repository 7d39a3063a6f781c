"""A local story: a town in the article's main first-level area beats a famous namesake abroad."""

from __future__ import annotations

import pytest

from helpers.place_stubs import candidate, resolve_names
from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate


def us_town(place_id: int, name: str, admin_code: str, population: int) -> Candidate:
    return candidate(place_id, name, country="USA", admin_code=admin_code, population=population)


ENTRIES = (
    candidate(1, "Paris", country="FRA", admin_code="FR.11", population=2_138_551, fcode="PPLC"),
    us_town(2, "Paris", "US.TX", 24_782),
    us_town(3, "Paris", "US.TN", 10_150),
    candidate(
        4,
        "Lamar County",
        kind=sources.KIND_ADMIN2,
        fcode="ADM2",
        country="USA",
        admin_code="US.TX.277",
        population=49_000,
    ),
    us_town(5, "Roxton", "US.TX", 650),
    us_town(10, "Howland", "US.TX", 400),
    us_town(6, "Boston", "US.MA", 667_137),
    us_town(7, "Boston", "US.NY", 8_000),
    us_town(8, "Hamburg", "US.NY", 56_000),
    us_town(9, "Orchard Park", "US.NY", 29_000),
)


def resolve(names: list[str]) -> list[Candidate | None]:
    return resolve_names(ENTRIES, names)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Lamar County", "Roxton", "Howland", "Paris"], ("USA", "US.TX")),  # a Texan story
        (["Lamar County", "Roxton", "Paris"], ("FRA", "FR.11")),  # one Texan town is not enough
        (["Paris"], ("FRA", "FR.11")),  # alone, the capital
    ],
)
def test_a_local_story_takes_the_town_in_its_area(names: list[str], expected: tuple[str, str]) -> None:
    paris = resolve(names)[-1]
    assert paris is not None and (paris.country, paris.admin_code) == expected


def test_a_famous_sense_in_the_articles_country_is_kept() -> None:
    # Two towns near Buffalo do not make "Boston" the village in New York state.
    boston = resolve(["Hamburg", "Orchard Park", "Boston"])[-1]
    assert boston is not None and boston.admin_code == "US.MA"

"""Ordinary words that name places somewhere ("West", "Delta") take a town or area sense only
where the article's other names are."""

from __future__ import annotations

import pytest

from helpers.place_stubs import candidate, resolve_names
from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate
from newsevents.nlp.places.vocab import is_generic_name

ENTRIES = (
    candidate(1, "West", kind=sources.KIND_ADMIN1, country="CMR", admin_code="CM.08", population=1_900_000),
    candidate(2, "West", country="USA", admin_code="US.TX", population=2_883),
    candidate(3, "Moscow", country="RUS", admin_code="RU.48", population=10_381_222),
    candidate(4, "Waco", country="USA", admin_code="US.TX", population=124_805),
    candidate(5, "Hillsboro", country="USA", admin_code="US.TX", population=8_200),
)


def resolve(names: list[str]) -> list[Candidate | None]:
    return resolve_names(ENTRIES, names)


@pytest.mark.parametrize(
    ("text", "generic"),
    [("West", True), ("the Delta", True), ("Region 1", True), ("Falls Village", False), ("Paris", False)],
)
def test_generic_names_are_single_ordinary_words(text: str, generic: bool) -> None:
    assert is_generic_name(text) is generic


def test_the_west_of_a_story_about_russia_is_no_province_or_town() -> None:
    moscow, west = resolve(["Moscow", "Moscow", "West"])[1:]
    assert west is not None and moscow is not None
    assert west.place_id == moscow.place_id  # left to the article's focus


def test_a_generic_word_takes_the_town_of_the_articles_area() -> None:
    west = resolve(["Waco", "Hillsboro", "West"])[-1]
    assert west is not None and west.place_id == 2

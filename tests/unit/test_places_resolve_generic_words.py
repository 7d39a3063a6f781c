"""Ordinary words that name places somewhere ("West", "Delta") take a town or area sense only
where the article's other names are."""

from __future__ import annotations

import pytest

from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate
from newsevents.nlp.places.normalize import normalise_name
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput
from newsevents.nlp.places.vocab import is_generic_name


def place(place_id: int, name: str, kind: str, country: str, admin: str, population: int) -> Candidate:
    return Candidate(
        place_id, name, kind, "PPL", country, None, admin, 0.0, 0.0, population, sources.NAME_CANONICAL
    )


class StubGazetteer:
    def __init__(self) -> None:
        entries = [
            place(1, "West", sources.KIND_ADMIN1, "CMR", "CM.08", 1_900_000),
            place(2, "West", sources.KIND_CITY, "USA", "US.TX", 2_883),
            place(3, "Moscow", sources.KIND_CITY, "RUS", "RU.48", 10_381_222),
            place(4, "Waco", sources.KIND_CITY, "USA", "US.TX", 124_805),
            place(5, "Hillsboro", sources.KIND_CITY, "USA", "US.TX", 8_200),
        ]
        self.entries: dict[str, list[Candidate]] = {}
        for entry in entries:
            self.entries.setdefault(normalise_name(entry.name), []).append(entry)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return tuple(self.entries.get(normalise_name(name), ()))


def resolve(names: list[str]) -> list[Candidate | None]:
    mentions, start = [], 0
    for name in names:
        mentions.append(MentionInput(name, start, start + len(name)))
        start += len(name) + 2
    resolutions = ArticleResolver(StubGazetteer()).resolve(mentions)  # type: ignore[arg-type]
    return [r.candidate for r in resolutions]


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

"""A local story: a town in the article's main first-level area beats a famous namesake abroad."""

from __future__ import annotations

import pytest

from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate
from newsevents.nlp.places.normalize import normalise_name
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput


def place(
    place_id: int, name: str, country: str, admin: str, population: int, fcode: str = "PPL"
) -> Candidate:
    kind = sources.KIND_ADMIN2 if fcode == "ADM2" else sources.KIND_CITY
    return Candidate(
        place_id, name, kind, fcode, country, None, admin, 0.0, 0.0, population, sources.NAME_CANONICAL
    )


class StubGazetteer:
    def __init__(self) -> None:
        entries = [
            place(1, "Paris", "FRA", "FR.11", 2_138_551, "PPLC"),
            place(2, "Paris", "USA", "US.TX", 24_782),
            place(3, "Paris", "USA", "US.TN", 10_150),
            place(4, "Lamar County", "USA", "US.TX.277", 49_000, "ADM2"),
            place(5, "Roxton", "USA", "US.TX", 650),
            place(10, "Howland", "USA", "US.TX", 400),
            place(6, "Boston", "USA", "US.MA", 667_137),
            place(7, "Boston", "USA", "US.NY", 8_000),
            place(8, "Hamburg", "USA", "US.NY", 56_000),
            place(9, "Orchard Park", "USA", "US.NY", 29_000),
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

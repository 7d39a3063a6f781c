"""One sense per article for contained names: when "Zunford's Hethby" moves Hethby from a small
namesake abroad to Zunford, the article's other mentions of Hethby (with that namesake) follow."""

from __future__ import annotations

import pytest

from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Candidate
from newsevents.nlp.places.normalize import normalise_name
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput


def town(place_id: int, name: str, country: str, population: int, lat: float, lon: float) -> Candidate:
    return Candidate(
        place_id,
        name,
        sources.KIND_CITY,
        "PPL",
        country,
        None,
        None,
        lat,
        lon,
        population,
        sources.NAME_CANONICAL,
    )


class StubGazetteer:
    """A large town and a small namesake abroad of the site the text puts in it."""

    def __init__(self) -> None:
        self.entries = {
            "zunford": (town(1, "Zunford", "GBR", 300_000, 51.5, -0.1),),
            "hethby": (town(2, "Hethby", "USA", 2_000, 28.0, -81.0),),
        }

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return self.entries.get(normalise_name(name), ())


@pytest.mark.parametrize("later_first", [False, True])
def test_other_mentions_follow_the_contained_mention(later_first):
    # "Planes left Zunford's Hethby. Hethby reopened." (the plain mention before or after)
    zunford = MentionInput("Zunford", 12, 19)
    contained = MentionInput("Hethby", 22, 28, container=0)
    plain = MentionInput("Hethby", 30, 36)
    mentions = [zunford, plain, contained] if later_first else [zunford, contained, plain]
    resolved = ArticleResolver(StubGazetteer()).resolve(mentions)  # type: ignore[arg-type]
    for hethby in resolved[1:]:
        assert hethby.candidate is not None
        assert (hethby.candidate.place_id, hethby.rule) == (1, "near")


def test_without_a_container_the_namesake_stays():
    mentions = [MentionInput("Zunford", 0, 7), MentionInput("Hethby", 12, 18)]
    _zunford, hethby = ArticleResolver(StubGazetteer()).resolve(mentions)  # type: ignore[arg-type]
    assert hethby.candidate is not None and hethby.candidate.place_id == 2

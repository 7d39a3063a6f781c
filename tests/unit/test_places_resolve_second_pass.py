"""The senses chosen for an article's names are context for each other (a second pass)."""

from __future__ import annotations

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
    """Two ambiguous town names: neither alone says which country the story is in."""

    def __init__(self) -> None:
        self.entries = {
            "alpha": (
                town(1, "Alpha", "USA", 60_000, 39.3, -76.5),
                town(2, "Alpha", "IRL", 40_000, 54.0, -6.4),
            ),
            "beta": (town(3, "Beta", "IRL", 30_000, 53.3, -6.3), town(4, "Beta", "USA", 1_000, 40.0, -80.0)),
        }

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return self.entries.get(normalise_name(name), ())


def test_chosen_senses_pull_an_ambiguous_name_to_their_country():
    text = "A man from Alpha was charged in Beta."
    mentions = [MentionInput("Alpha", 11, 16), MentionInput("Beta", 32, 36)]
    alpha, beta = ArticleResolver(StubGazetteer()).resolve(mentions)  # type: ignore[arg-type]
    assert text[11:16] == "Alpha"
    assert beta.candidate is not None and beta.candidate.country == "IRL"
    # Alone, the larger American Alpha wins; next to the Irish Beta, the Irish one.
    assert alpha.candidate is not None and alpha.candidate.country == "IRL"


def test_a_lone_name_keeps_its_prior_sense():
    (alpha,) = ArticleResolver(StubGazetteer()).resolve([MentionInput("Alpha", 0, 5)])  # type: ignore[arg-type]
    assert alpha.candidate is not None and alpha.candidate.country == "USA"


def test_a_name_does_not_reinforce_its_own_first_pass_sense():
    # Alpha's American first-pass sense counts once for the others, never for Alpha itself, however
    # often Alpha is named: the Irish Beta still pulls it to Ireland.
    mentions = [MentionInput("Alpha", 0, 5), MentionInput("Alpha", 10, 15), MentionInput("Alpha", 20, 25)]
    mentions.append(MentionInput("Beta", 30, 34))
    resolved = ArticleResolver(StubGazetteer()).resolve(mentions)  # type: ignore[arg-type]
    assert all(r.candidate is not None and r.candidate.country == "IRL" for r in resolved)

"""The senses chosen for an article's names are context for each other (a second pass)."""

from __future__ import annotations

from helpers.place_stubs import StubGazetteer, candidate
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput

# Two ambiguous town names: neither alone says which country the story is in.
ENTRIES = (
    candidate(1, "Alpha", country="USA", population=60_000, lat=39.3, lon=-76.5),
    candidate(2, "Alpha", country="IRL", population=40_000, lat=54.0, lon=-6.4),
    candidate(3, "Beta", country="IRL", population=30_000, lat=53.3, lon=-6.3),
    candidate(4, "Beta", country="USA", population=1_000, lat=40.0, lon=-80.0),
)


def test_chosen_senses_pull_an_ambiguous_name_to_their_country():
    text = "A man from Alpha was charged in Beta."
    mentions = [MentionInput("Alpha", 11, 16), MentionInput("Beta", 32, 36)]
    alpha, beta = ArticleResolver(StubGazetteer(ENTRIES)).resolve(mentions)  # type: ignore[arg-type]
    assert text[11:16] == "Alpha"
    assert beta.candidate is not None and beta.candidate.country == "IRL"
    # Alone, the larger American Alpha wins; next to the Irish Beta, the Irish one.
    assert alpha.candidate is not None and alpha.candidate.country == "IRL"


def test_a_lone_name_keeps_its_prior_sense():
    (alpha,) = ArticleResolver(StubGazetteer(ENTRIES)).resolve([MentionInput("Alpha", 0, 5)])  # type: ignore[arg-type]
    assert alpha.candidate is not None and alpha.candidate.country == "USA"


def test_a_name_does_not_reinforce_its_own_first_pass_sense():
    # Alpha's American first-pass sense counts once for the others, never for Alpha itself, however
    # often Alpha is named: the Irish Beta still pulls it to Ireland.
    mentions = [MentionInput("Alpha", 0, 5), MentionInput("Alpha", 10, 15), MentionInput("Alpha", 20, 25)]
    mentions.append(MentionInput("Beta", 30, 34))
    resolved = ArticleResolver(StubGazetteer(ENTRIES)).resolve(mentions)  # type: ignore[arg-type]
    assert all(r.candidate is not None and r.candidate.country == "IRL" for r in resolved)

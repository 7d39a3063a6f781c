"""One sense per article for contained names: when "Zunford's Hethby" moves Hethby from a small
namesake abroad to Zunford, the article's other mentions of Hethby (with that namesake) follow."""

from __future__ import annotations

import pytest

from helpers.place_stubs import StubGazetteer, candidate
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput

# A large town and a small namesake abroad of the site the text puts in it.
ENTRIES = (
    candidate(1, "Zunford", country="GBR", population=300_000, lat=51.5, lon=-0.1),
    candidate(2, "Hethby", country="USA", population=2_000, lat=28.0, lon=-81.0),
)


@pytest.mark.parametrize("later_first", [False, True])
def test_other_mentions_follow_the_contained_mention(later_first):
    # "Planes left Zunford's Hethby. Hethby reopened." (the plain mention before or after)
    zunford = MentionInput("Zunford", 12, 19)
    contained = MentionInput("Hethby", 22, 28, container=0)
    plain = MentionInput("Hethby", 30, 36)
    mentions = [zunford, plain, contained] if later_first else [zunford, contained, plain]
    resolved = ArticleResolver(StubGazetteer(ENTRIES)).resolve(mentions)  # type: ignore[arg-type]
    for hethby in resolved[1:]:
        assert hethby.candidate is not None
        assert (hethby.candidate.place_id, hethby.rule) == (1, "near")


def test_without_a_container_the_namesake_stays():
    mentions = [MentionInput("Zunford", 0, 7), MentionInput("Hethby", 12, 18)]
    _zunford, hethby = ArticleResolver(StubGazetteer(ENTRIES)).resolve(mentions)  # type: ignore[arg-type]
    assert hethby.candidate is not None and hethby.candidate.place_id == 2

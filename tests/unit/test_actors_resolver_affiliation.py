"""A country word after "pro-"/"anti-" is a stance, not a nationality (no model)."""

from __future__ import annotations

import pytest

from newsevents.nlp.actors.resolver import resolve_actor


@pytest.mark.parametrize(
    "text,country,sector",
    [
        ("pro-Iran rebels", None, "REB"),
        ("anti-American protesters", None, "CVL"),
        ("Russian rebels", "RUS", "REB"),
    ],
)
def test_actors_affiliation_prefix_blocks_the_country(text, country, sector):
    ref = resolve_actor(text)
    assert ref is not None and (ref.country, ref.sector) == (country, sector)

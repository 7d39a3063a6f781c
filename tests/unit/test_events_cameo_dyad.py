"""CAMEO codes only dyads of identified actors (a country or a sector on each side)."""

from __future__ import annotations

import pytest

from newsevents.nlp.events.cameo_rules import is_cameo_dyad
from newsevents.types import ActorRef


def _ref(country: str | None, sector: str | None = None) -> ActorRef:
    return ActorRef("x", "x", country, sector)


@pytest.mark.parametrize(
    "source,target,expected",
    [
        ([_ref("USA")], [_ref("IRQ")], True),
        ([_ref(None, "REB")], [_ref("SYR")], True),  # "militants shelled Homs": ---REB > SYR
        ([_ref("RUS", "GOV")], [_ref(None, "CVL")], True),
        ([], [_ref("FRA")], False),  # "ministers may be charged": no source
        ([_ref("FRA")], [], False),  # "France condemned allegations": no target
        ([_ref(None)], [_ref("RUS")], False),  # "travel bans against ...": an unknown noun acts
        ([_ref(None, "CVL")], [_ref(None)], False),  # "a farmer blocked the road"
    ],
)
def test_events_cameo_dyad_needs_identified_source_and_target(source, target, expected):
    assert is_cameo_dyad(source, target) is expected

"""An event actor is identified when it has a country or a sector; a bare place is no user."""

from __future__ import annotations

import pytest

from newsevents.nlp.events.actor_lookup import any_identified, identified, is_user_actor
from newsevents.nlp.mentions import ActorMention
from newsevents.types import ActorRef


def _mention(country: str | None, sector: str | None, rule: str = "actors.person") -> ActorMention:
    return ActorMention(0, 1, ActorRef(text="x", name=None, country=country, sector=sector, rule=rule))


@pytest.mark.parametrize(
    ("country", "sector", "expected"),
    [("RUS", None, True), (None, "MIL", True), ("RUS", "GOV", True), (None, None, False)],
)
def test_identified_needs_a_country_or_a_sector(
    country: str | None, sector: str | None, expected: bool
) -> None:
    assert identified(_mention(country, sector).ref) is expected


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([], False),
        ([_mention(None, None)], False),
        ([_mention(None, None), _mention("UKR", None)], True),
    ],
)
def test_any_identified_over_mentions(mentions: list[ActorMention], expected: bool) -> None:
    assert any_identified(mentions) is expected


@pytest.mark.parametrize(
    ("country", "sector", "rule", "expected"),
    [
        ("AFG", None, "events.toponym", False),  # "a bomb in Kabul": where, not who
        ("PSE", None, "actors.territory+demonym", False),
        ("PSE", "REB", "actors.territory+role", True),  # a sector makes the place an actor
        ("USA", "GOV", "actors.org", True),
        (None, None, "actors.person", False),
    ],
)
def test_is_user_actor_excludes_bare_places(
    country: str | None, sector: str | None, rule: str, expected: bool
) -> None:
    assert is_user_actor(_mention(country, sector, rule)) is expected

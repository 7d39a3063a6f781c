"""A maker's name followed by a model number names a product, not the maker acting."""

from __future__ import annotations

import pytest

from newsevents.nlp.actors.resolver import resolve_actor


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Malaysia Airlines Boeing 777 flight", "MYS"),
        ("Boeing", "USA"),
        ("Boeing executives", "USA"),
    ],
)
def test_actors_model_number_is_no_maker(text: str, country: str) -> None:
    ref = resolve_actor(text, date="2014-08-01")
    assert ref is not None and ref.country == country


def test_actors_year_after_an_organisation_is_no_model_number() -> None:
    ref = resolve_actor("NATO 2024 summit")
    assert ref is not None and (ref.name, ref.sector) == ("NATO", "IGO")

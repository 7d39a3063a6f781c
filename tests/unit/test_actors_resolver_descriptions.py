"""resolve_actor on descriptive phrases: nationality, role nouns, metonyms, named groups."""

from __future__ import annotations

import pytest

from newsevents.nlp.actors.resolver import resolve_actor


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Belgian riot police", "BEL", "COP"),
        ("Iraqi refugees", "IRQ", "REF"),
        ("Pakistani farmers", "PAK", "AGR"),
        ("a Kenyan journalist", "KEN", "MED"),
        ("Chinese warships", "CHN", "MIL"),
        ("the Ugandan parliament", "UGA", "LEG"),
        ("Syrian rebels", "SYR", "REB"),
        ("Colombian paramilitaries", "COL", "PRM"),
        ("Libyan mercenaries", "LBY", "UAF"),
        ("Egyptian judges", "EGY", "JUD"),
        ("Turkish opposition lawmakers", "TUR", "OPP"),
        ("three Nigerian businessmen", "NGA", "BUS"),
        ("Venezuelan students", "VEN", "EDU"),
        ("Thai protesters", "THA", "CVL"),
        ("a Moroccan imam", "MAR", "REL"),
        ("Indian intelligence officials", "IND", "SPY"),
        ("Greek union leaders", "GRC", "LAB"),
    ],
)
def test_nationality_and_head_noun(text: str, country: str, sector: str) -> None:
    ref = resolve_actor(text)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the Kremlin", "RUS", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("the Knesset", "ISR", "LEG"),
        ("Kabul", "AFG", "GOV"),
    ],
)
def test_seats_of_government_stand_for_their_sector(text: str, country: str, sector: str) -> None:
    ref = resolve_actor(text)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Hezbollah fighters", "LBN", "REB"),
        ("the Taliban", "AFG", "REB"),
        ("al-Shabaab militants", "SOM", "REB"),
        ("NATO", None, "IGO"),
        ("the U.N. refugee agency", None, "IGO"),
        ("Amnesty International", None, "NGO"),
        ("the Islamic State group", None, "REB"),
    ],
)
def test_named_groups(text: str, country: str | None, sector: str) -> None:
    ref = resolve_actor(text)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Kenya's ambassador to France", "KEN", "GOV"),
        ("Brazil's foreign ministry", "BRA", "GOV"),
        ("the head of Peru's army", "PER", "MIL"),
        ("residents of Kharkiv", "UKR", "CVL"),
        ("a spokesman for the Nigerian police", "NGA", "COP"),
        ("a former Canadian diplomat", "CAN", "ELI"),
        ("a retired Indonesian general", "IDN", "ELI"),
    ],
)
def test_possessives_and_attached_phrases(text: str, country: str, sector: str) -> None:
    ref = resolve_actor(text)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


def test_counterpart_of_to_is_not_the_actors_country() -> None:
    ref = resolve_actor("the Japanese envoy to Myanmar")
    assert ref is not None
    assert ref.country == "JPN"


@pytest.mark.parametrize(
    ("text", "country"), [("Russia", "RUS"), ("the U.S.", "USA"), ("Ivory Coast", "CIV")]
)
def test_countries_alone_have_no_sector(text: str, country: str) -> None:
    ref = resolve_actor(text)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, None)


@pytest.mark.parametrize("text", ["puppies", "a demand", "the weather", ""])
def test_non_actors_resolve_to_none(text: str) -> None:
    assert resolve_actor(text) is None


def test_unknown_name_is_kept_without_country() -> None:
    ref = resolve_actor("Zorbak Quillfeather")
    assert ref is not None
    assert (ref.country, ref.sector, ref.name) == (None, None, "Zorbak Quillfeather")

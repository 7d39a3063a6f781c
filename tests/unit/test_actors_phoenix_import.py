"""PETRARCH/Phoenix dictionary import: code splitting, dates, entries and synonyms, agents."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.nlp.actors.phoenix import parse_actor_lines, parse_agent_lines, parse_code, split_code
from newsevents.nlp.actors.resolver import ActorResolver
from newsevents.nlp.actors.vocab import DatedCode, load_vocabulary

# A made-up dictionary in the Phoenix format (entries, synonyms, dated codes, comments).
ACTORS = """\
# comment line
WAKANDA_  [KEN]
+WAKANDAN_
+BIRNIN_ZANA_

T'CHALLA_UDAKU_  # CountryInfo.txt
+KING_T'CHALLA_
\t[KENELI 750101-160301]
\t[KENGOV >160301]
\t[KENELI]
NAKIA_OKOYE_ [KSVGOV 20050101-20101231] [ELI]
MOUNTAIN_TRIBE_FRONT_(MTF)_ [KENREB] #  kkl 21 Mar 13
+JABARI_FRONT_
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
VIBRANIUM_MINER [~LAB]
BORDER_TRIBE!PERSON! [~MIL]
WAR_DOG {WAR_DOGS} [~SPY]
AMBASSADOR_TO [~GOV]
"""


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AFGGOV", ("AFG", "GOV")),
        ("KSVGOV", ("XKX", "GOV")),
        ("IGOUNOKID", (None, "IGO")),
        ("NGOHRI", (None, "NGO")),
        ("MNCUSA", (None, "BUS")),
        ("IMGMUSALQ", (None, "REB")),
        ("COLGOVMED", ("COL", "GOV")),
        ("USAINS", ("USA", "REB")),
        ("ELI", (None, "ELI")),
        ("~GOVMIL", (None, "GOV")),
        ("MEAREB", (None, "REB")),
        ("---", None),
    ],
)
def test_split_code(code: str, expected: tuple[str | None, str | None] | None) -> None:
    assert split_code(code) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("UGAGOV >860126", DatedCode("UGA", "GOV", "1986-01-26", None)),
        ("UGAELI 620101-000101", DatedCode("UGA", "ELI", "1962-01-01", "2000-01-01")),
        ("KSVGOV > 080109", DatedCode("XKX", "GOV", "2008-01-09", None)),
        ("AFGGOV <20011222", DatedCode("AFG", "GOV", None, "2001-12-22")),
        ("AFGGOV", DatedCode("AFG", "GOV", None, None)),
        ("KORGOVBUS 2004017-20061201", DatedCode("KOR", "GOV", None, "2006-12-01")),
        ("AFGGOV 2004017-2006120", None),  # no readable date: never a default code
    ],
)
def test_parse_code_dates(body: str, expected: DatedCode | None) -> None:
    assert parse_code(body) == expected


def test_actor_entries_keep_synonyms_and_codes() -> None:
    actors = list(parse_actor_lines(ACTORS.splitlines()))
    names = [a.names for a in actors]
    assert names == [
        ["WAKANDA", "WAKANDAN", "BIRNIN ZANA"],
        ["T'CHALLA UDAKU", "KING T'CHALLA"],
        ["NAKIA OKOYE"],
        ["MOUNTAIN TRIBE FRONT", "JABARI FRONT"],
    ]
    assert actors[0].country_block
    assert [c.sector for c in actors[1].codes] == ["ELI", "GOV", "ELI"]
    assert actors[2].codes == [DatedCode("XKX", "GOV", "2005-01-01", "2010-12-31"), DatedCode(None, "ELI")]


def test_agents_expand_macros_plurals_and_drop_trailing_prepositions() -> None:
    agents = list(parse_agent_lines(AGENTS.splitlines()))
    assert ("VIBRANIUM MINER", None, "LAB") in agents
    assert {a[0] for a in agents if a[2] == "MIL"} == {
        "BORDER TRIBEMAN",
        "BORDER TRIBEMEN",
        "BORDER TRIBEWOMAN",
        "BORDER TRIBEWOMEN",
    }
    assert ("WAR DOG", "WAR DOGS", "SPY") in agents


@pytest.fixture(scope="module")
def phoenix_resolver(tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    folder = Path(tmp_path_factory.mktemp("phoenix"))
    (folder / "made_up.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "made_up.agents.txt").write_text(AGENTS * 10, encoding="utf-8")  # agents files are long
    return ActorResolver(
        load_vocabulary((), (str(folder / "made_up.actors.txt"), str(folder / "made_up.agents.txt")))
    )


@pytest.mark.parametrize(
    ("text", "date", "country", "sector"),
    [
        ("T'Challa Udaku", "2010-01-01", "KEN", "ELI"),
        ("King T'Challa", "2018-05-01", "KEN", "GOV"),
        ("T'Challa Udaku", None, "KEN", "ELI"),  # no date: the undated default code
        ("Nakia Okoye", "2007-01-01", "XKX", "GOV"),
        ("Jabari Front", None, "KEN", "REB"),
        ("vibranium miners", None, None, "LAB"),
        ("Birnin Zana", None, "KEN", "CVL"),  # a city synonym of a country block
    ],
)
def test_imported_entries_resolve(
    phoenix_resolver: ActorResolver, text: str, date: str | None, country: str | None, sector: str
) -> None:
    ref = phoenix_resolver.resolve(text, date=date)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


def test_imported_entries_rank_below_bundled_vocabulary(phoenix_resolver: ActorResolver) -> None:
    ref = phoenix_resolver.resolve("Kenyan ambassadors")  # "AMBASSADOR_TO" must not shadow ours
    assert ref is not None
    assert (ref.country, ref.sector) == ("KEN", "GOV")

"""Named people: titles, appositives, date-bounded roles (curated files) and context countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.nlp.actors.resolver import ActorResolver, resolve_actor
from newsevents.nlp.actors.vocab import load_vocabulary
from newsevents.settings import load_settings

USER_PEOPLE = """
people:
  - name: Amara Velloso
    aliases: [Velloso]
    roles:
      - [BRA, MIL, 2010-01-01, 2014-12-31, Army commander]
      - [BRA, GOV, 2015-01-01, 2018-12-31, Defence Minister]
organizations:
  - {name: Free Harbour Front, aliases: [FHF], country: CHL, sector: REB}
"""


@pytest.fixture(scope="module")
def user_resolver(tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    path = Path(tmp_path_factory.mktemp("actors")) / "mine.yaml"
    path.write_text(USER_PEOPLE, encoding="utf-8")
    return ActorResolver(load_vocabulary((str(path),), ()))


@pytest.mark.parametrize(
    ("date", "country", "sector"),
    [
        ("2012-06-01", "BRA", "MIL"),
        ("2016-06-01", "BRA", "GOV"),
        ("2020-06-01", "BRA", "ELI"),  # out of office: a former office holder
        ("2005-06-01", "BRA", None),  # before the first role
    ],
)
def test_curated_roles_apply_by_date(
    user_resolver: ActorResolver, date: str, country: str, sector: str | None
) -> None:
    ref = user_resolver.resolve("Amara Velloso", date=date)
    assert ref is not None
    assert (ref.country, ref.sector) == (country, sector)


def test_surname_alias_resolves(user_resolver: ActorResolver) -> None:
    ref = user_resolver.resolve("Velloso", date="2016-06-01")
    assert ref is not None
    assert (ref.name, ref.country) == ("Amara Velloso", "BRA")


def test_user_organization_acronym(user_resolver: ActorResolver) -> None:
    ref = user_resolver.resolve("FHF gunmen")
    assert ref is not None
    assert (ref.country, ref.sector) == ("CHL", "REB")


def test_surname_inside_a_longer_name_is_someone_else(user_resolver: ActorResolver) -> None:
    ref = user_resolver.resolve("Pedro Velloso", date="2016-06-01")
    assert ref is not None
    assert ref.country is None


def test_title_in_text_overrides_dictionary_dates(user_resolver: ActorResolver) -> None:
    ref = user_resolver.resolve("Defence Minister Amara Velloso", date="2021-01-01")
    assert ref is not None
    assert (ref.country, ref.sector) == ("BRA", "GOV")


@pytest.mark.parametrize(
    ("text", "country", "sector", "name"),
    [
        ("Nomvula Dlamini, a Zambian lawmaker", "ZMB", "LEG", "Nomvula Dlamini"),
        ("Karim Haddad, spokesman for the Tunisian interior ministry", "TUN", "GOV", "Karim Haddad"),
        ("Swedish Prime Minister Ulrika Bergqvist", "SWE", "GOV", "Ulrika Bergqvist"),
        ("Colonel Tomas Brennan of the Irish army", "IRL", "MIL", "Tomas Brennan"),
    ],
)
def test_appositives_and_titles(text: str, country: str, sector: str, name: str) -> None:
    ref = resolve_actor(text)
    assert ref is not None
    assert (ref.country, ref.sector, ref.name) == (country, sector, name)


def test_context_fills_a_persons_country() -> None:
    ref = resolve_actor("Governor Ifeoma Okafor", context="Nigeria")
    assert ref is not None
    assert (ref.country, ref.sector) == ("NGA", "GOV")
    assert "context" in ref.rule


@pytest.mark.parametrize("text", ["NATO", "foreign troops", "the Red Cross"])
def test_context_never_fills_international_or_foreign_actors(text: str) -> None:
    ref = resolve_actor(text, context="Somalia")
    assert ref is not None
    assert ref.country is None


def test_bundled_head_of_state_by_date() -> None:
    ref = resolve_actor("Angela Merkel", date="2010-03-01")
    assert ref is not None
    assert (ref.country, ref.sector) == ("DEU", "GOV")


def test_settings_user_files_reach_the_public_resolver(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_PEOPLE, encoding="utf-8")
    settings = load_settings().with_overrides(nlp={"actor_files": [str(path)]})
    ref = resolve_actor("Amara Velloso", date="2012-01-01", settings=settings)
    assert ref is not None
    assert (ref.country, ref.sector) == ("BRA", "MIL")

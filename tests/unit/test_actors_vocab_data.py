"""The bundled actor vocabularies are consistent: valid codes, no conflicting role nouns, sane dates."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Any

import pytest
import yaml

from newsevents.nlp.actors.text import key_of
from newsevents.nlp.actors.vocab import load_vocabulary

# PLOVER agent codes plus the extra sectors the gold conventions use (PRM paramilitaries, PRE
# partially recognised states, SOC social organisations, HLH health, ENV environment).
SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "PTY",
    "COP",
    "JUD",
    "LEG",
    "ELI",
    "MED",
    "EDU",
    "BUS",
    "CVL",
    "REF",
    "IGO",
    "NGO",
    "CRM",
    "LAB",
    "REL",
    "SPY",
    "AGR",
    "UAF",
    "PRM",
    "PRE",
    "SOC",
    "HLH",
    "ENV",
}


def _data(name: str) -> Any:
    return yaml.safe_load(
        resources.files("newsevents").joinpath(f"data/actors/{name}").read_text(encoding="utf-8")
    )


@cache
def _iso3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def test_country_table_codes_are_iso() -> None:
    codes = [row["code"] for row in _data("countries.yaml")]
    assert len(codes) == len(set(codes)) and set(codes) <= _iso3()
    assert set(_data("country_extras.yaml")["countries"]) <= _iso3()


def test_every_country_resolves_by_its_canonical_name() -> None:
    vocab = load_vocabulary()
    excluded = set(_data("country_extras.yaml")["not_actors"])
    assert len(vocab.country_names) >= 240
    for code, name in vocab.country_names.items():
        assert code not in excluded
        entries = vocab.lookup(key_of(name))
        assert any(e.country == code for e in entries), name


def test_no_role_noun_has_two_sectors() -> None:
    sectors: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for group in _data("roles.yaml")["groups"]:
        if group.get("kind") == "modifier":
            continue
        for term in group["terms"]:
            sectors[key_of(str(term))].add(str(group["sector"]))
    conflicts = {k: v for k, v in sectors.items() if len(v) > 1}
    assert conflicts == {}


@pytest.mark.parametrize("name", ["roles.yaml", "organizations.yaml", "territories.yaml"])
def test_sectors_are_known(name: str) -> None:
    data = _data(name)
    rows = data.get("groups") or data.get("organizations") or data.get("territories")
    for row in rows:
        assert row.get("sector") is None or row["sector"] in SECTORS, row


def test_organization_and_territory_countries_are_iso() -> None:
    for name, key in (("organizations.yaml", "organizations"), ("territories.yaml", "territories")):
        for row in _data(name)[key]:
            assert row["country"] is None or row["country"] in _iso3(), row["name"]


def test_people_roles_are_well_formed() -> None:
    for person in _data("people.yaml")["people"]:
        assert person["roles"], person["name"]
        for country, sector, start, end, title in person["roles"]:
            assert country is None or country in _iso3(), person["name"]
            assert sector in SECTORS, person["name"]
            assert start is not None and (end is None or str(start) <= str(end)), person["name"]
            assert title, person["name"]

"""Gold and predicted actor codes brought to one vocabulary before they are compared.

The table itself is data: `data/evaluation/codes.yaml` (documented there). This module only applies
it. Both sides pass through the same functions, so a normalisation can never favour predictions.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class CodeTable:
    unknown_country: frozenset[str]
    country_aliases: dict[str, str]
    pseudo_countries: dict[str, frozenset[str]]
    unknown_sector: frozenset[str]
    religion_codes: frozenset[str]
    sector_aliases: dict[str, str]
    cameo_sectors: frozenset[str]


def _upper_set(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(v).strip().upper() for v in values)


@cache
def code_table() -> CodeTable:
    text = resources.files("newsevents").joinpath("data/evaluation/codes.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return CodeTable(
        unknown_country=_upper_set(data["unknown_country"]),
        country_aliases={k.upper(): v.upper() for k, v in data["country_aliases"].items()},
        pseudo_countries={k.upper(): _upper_set(v) for k, v in data["pseudo_countries"].items()},
        unknown_sector=_upper_set(data["unknown_sector"]),
        religion_codes=_upper_set(data["religion_codes"]),
        sector_aliases={k.upper(): v.upper() for k, v in data["sector_aliases"].items()},
        cameo_sectors=_upper_set(data["cameo_sectors"]),
    )


@cache
def _alpha2_to_alpha3(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country is not None else None


def norm_country(code: str | None) -> str | None:
    """ISO-3166 alpha-3 (or a pseudo-country such as IGO); None for unknown / empty ("" == null).

    Two-letter codes (GeoNames-style gold, e.g. LGL) are read as ISO alpha-2.
    """
    if code is None:
        return None
    table = code_table()
    value = code.strip().upper()
    if value in table.unknown_country:
        return None
    if len(value) == 2 and value.isalpha():
        return _alpha2_to_alpha3(value) or value
    return table.country_aliases.get(value, value)


def norm_sector(code: str | None) -> str | None:
    """A PLOVER agent code, or None for unknown / empty."""
    if code is None:
        return None
    table = code_table()
    value = code.strip()
    if value.upper() in table.unknown_sector:
        return None
    primary = value[:3].upper()  # drops ethnicity/religion suffixes: CVLalb, REBkur, CRMMOS
    if primary in table.religion_codes:
        return "REL"
    return table.sector_aliases.get(primary, primary)


def split_cameo_code(code: str | None) -> tuple[str | None, str | None]:
    """A CAMEO/Phoenix actor code as (country, sector): `USAGOV` -> (USA, GOV), `---REB` ->
    (None, REB), `IGOUNO` -> (IGO, None), `PSEREBHMSGOV` -> (PSE, REB)."""
    if not code:
        return None, None
    value = code.strip().upper()
    country = norm_country(value[:3])
    sector = None
    cameo_sectors = code_table().cameo_sectors
    for i in range(3, len(value) - 2, 3):
        chunk = value[i : i + 3]
        if chunk in cameo_sectors:
            sector = norm_sector(chunk)
            break
    return country, sector


def is_pseudo_country(country: str | None) -> bool:
    return country is not None and country in code_table().pseudo_countries


def predicted_country(
    country: str | None, sector: str | None, gold_pseudo: Collection[str] = ()
) -> str | None:
    """The country key of a predicted actor, compared against gold that may hold pseudo-countries.

    A null-country actor takes the pseudo-country of the gold whose sector list holds its sector
    (`gold_pseudo`: pseudo-countries present in the gold being compared); otherwise it stays None,
    which equals a gold "" / null country.
    """
    if country is not None and country.strip():
        return norm_country(country)
    table = code_table()
    agent = norm_sector(sector)
    if agent is None:
        return None
    for pseudo in sorted(gold_pseudo):
        if agent in table.pseudo_countries.get(pseudo, frozenset()):
            return pseudo
    return None


def country_matches(gold: str | None, pred_country: str | None, pred_sector: str | None) -> bool:
    """One gold country code against one predicted actor ("" and null are equal)."""
    expected = norm_country(gold)
    pseudo = (expected,) if expected is not None and is_pseudo_country(expected) else ()
    return predicted_country(pred_country, pred_sector, pseudo) == expected


def sector_matches(gold: str | None, pred_sector: str | None) -> bool:
    return norm_sector(gold) == norm_sector(pred_sector)

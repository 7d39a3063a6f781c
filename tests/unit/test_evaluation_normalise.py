"""The gold code normalisation table applied to old, CAMEO and NGEC codes."""

from __future__ import annotations

import pytest

from newsevents.evaluation.normalise import (
    country_matches,
    norm_country,
    norm_sector,
    predicted_country,
    split_cameo_code,
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("JAP", "JPN"),
        ("ITL", "ITA"),
        ("VTN", "VNM"),
        ("usa", "USA"),
        ("", None),
        (None, None),
        ("---", None),
        ("UNO", "IGO"),  # NGEC codes the UN as a country
        ("EUR", "IGO"),
        ("US", "USA"),  # two-letter GeoNames-style codes are ISO alpha-2
        ("IGO", "IGO"),
    ],
)
def test_country_codes(code, expected):
    assert norm_country(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("GOV", "GOV"),
        ("CVLalb", "CVL"),  # ethnicity suffix dropped
        ("REBHUT", "REB"),
        ("CRMMOS", "CRM"),
        ("CIV", "CVL"),  # the PLOVER records' typo
        ("MOS", "REL"),  # a religion code used as a sector
        ("BUD", "REL"),
        ("***", None),
        ("UNK", None),
        ("", None),
        ("JRN", "MED"),
    ],
)
def test_sector_codes(code, expected):
    assert norm_sector(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USAGOV", ("USA", "GOV")),
        ("IGOUNO", ("IGO", None)),
        ("---REB", (None, "REB")),
        ("PSEREBHMSGOV", ("PSE", "REB")),
        ("IGOCOPITP", ("IGO", "COP")),
        ("RUS", ("RUS", None)),
        ("---", (None, None)),
    ],
)
def test_cameo_actor_codes_split(code, expected):
    assert split_cameo_code(code) == expected


@pytest.mark.parametrize(
    ("gold", "country", "sector", "expected"),
    [
        ("IGO", None, "IGO", True),  # pseudo-country gold: a null-country actor compares by sector
        ("IGO", None, "GOV", False),
        ("IGO", "USA", "IGO", False),
        ("IMG", None, "REB", True),
        ("", None, "NGO", True),  # "" == null, and no pseudo-country in the gold
        ("UNO", None, "IGO", True),
        ("JAP", "JPN", "GOV", True),
        ("RUS", None, None, False),
    ],
)
def test_country_matches_with_pseudo_countries(gold, country, sector, expected):
    assert country_matches(gold, country, sector) is expected


def test_null_country_without_gold_pseudo_country_stays_unknown():
    assert predicted_country(None, "IGO") is None
    assert predicted_country(None, "IGO", {"IGO"}) == "IGO"

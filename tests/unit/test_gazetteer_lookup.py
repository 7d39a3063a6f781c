"""The gazetteer index answers names with the places they name (reduced build: cities of 15,000+)."""

from __future__ import annotations

import pytest

from newsevents.nlp.places import sources
from newsevents.nlp.places.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory) -> Gazetteer:
    # One build per test session: the same directory for every module, and load_gazetteer is cached.
    return load_gazetteer(
        str(tmp_path_factory.getbasetemp() / "gazetteer"), reduced=True, show_progress=False
    )


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Moscow", sources.KIND_CITY, "RUS"),
        ("Kabul", sources.KIND_CITY, "AFG"),
        ("Tajikistan", sources.KIND_COUNTRY, "TJK"),
        ("U.S.", sources.KIND_COUNTRY, "USA"),
        ("UK", sources.KIND_COUNTRY, "GBR"),
        ("Britain", sources.KIND_COUNTRY, "GBR"),
        ("Ivory Coast", sources.KIND_COUNTRY, "CIV"),
        ("Texas", sources.KIND_ADMIN1, "USA"),
        ("Calif.", sources.KIND_ADMIN1, "USA"),
        ("British Columbia", sources.KIND_ADMIN1, "CAN"),
    ],
)
def test_name_has_a_candidate_of_kind_and_country(gazetteer, name, kind, country):
    assert any(c.kind == kind and c.country == country for c in gazetteer.candidates(name))


@pytest.mark.parametrize(
    ("name", "country"),
    [("Russian", "RUS"), ("Afghan", "AFG"), ("Chinese", "CHN"), ("Americans", "USA"), ("Saudis", "SAU")],
)
def test_demonym_names_its_country(gazetteer, name, country):
    found = [c for c in gazetteer.candidates(name) if c.name_type == sources.NAME_DEMONYM]
    assert [c.country for c in found] == [country]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Europe", sources.KIND_CONTINENT),
        ("EU", sources.KIND_CONTINENT),
        ("Middle East", sources.KIND_REGION),
    ],
)
def test_regions_and_continents_are_indexed(gazetteer, name, kind):
    assert any(c.kind == kind for c in gazetteer.candidates(name))


@pytest.mark.parametrize("name", ["Atlantic", "Red Sea", "South Pacific", "Alps", "Hudson Bay"])
def test_seas_and_ranges_carry_their_geonames_feature(gazetteer, name):
    # Geoparsing gold scores against GeoNames' own point and id for these features.
    found = [c for c in gazetteer.candidates(name) if c.kind == sources.KIND_REGION]
    assert len(found) == 1 and found[0].geonames_id is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Atlantic", "Atlantic Ocean"),
        ("North Atlantic", "North Atlantic Ocean"),
        ("South Atlantic", "South Atlantic Ocean"),
    ],
)
def test_ocean_parts_are_their_own_features(gazetteer, name, expected):
    # "North Atlantic" is not the whole ocean: its own row, thousands of km from the ocean's point.
    found = [c for c in gazetteer.candidates(name) if c.kind == sources.KIND_REGION]
    assert [c.name for c in found] == [expected]


def test_region_rows_have_distinct_geonames_ids():
    ids = [row[4] for row in sources.data_rows("regions.tsv") if row[4]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("variant", ["MOSCOW", "moscow", "the Moscow"])
def test_lookup_ignores_case_and_leading_article(gazetteer, variant):
    assert {c.place_id for c in gazetteer.candidates(variant)} == {
        c.place_id for c in gazetteer.candidates("Moscow")
    }


def test_country_point_follows_geonames_not_capital(gazetteer):
    china = gazetteer.country("CHN")
    assert china is not None and (china.lat, china.lon) == (35.0, 105.0)


def test_unknown_name_has_no_candidates(gazetteer):
    assert gazetteer.candidates("Qwxzzy Nowhere") == ()

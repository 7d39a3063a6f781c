"""Users add place aliases through settings.place.alias_files."""

from __future__ import annotations

import pytest

from newsevents.errors import NewsEventsError
from newsevents.nlp.places.component import ToponymComponent
from newsevents.nlp.places.gazetteer import load_gazetteer
from newsevents.nlp.places.vocab import read_alias_files


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return load_gazetteer(
        str(tmp_path_factory.getbasetemp() / "gazetteer"), reduced=True, show_progress=False
    )


@pytest.mark.parametrize(("alias", "target", "country"), [("Blighty", "GBR", "GBR"), ("Oz", "aus", "AUS")])
def test_country_alias_adds_a_candidate(gazetteer, tmp_path, alias, target, country):
    path = tmp_path / "aliases.tsv"
    path.write_text(f"# my names\n{alias}\t{target}\n", encoding="utf-8")
    assert not any(c.country == country for c in gazetteer.candidates(alias))
    extended = gazetteer.with_aliases(tuple(read_alias_files([str(path)])))
    assert any(c.country == country and c.kind == "country" for c in extended.candidates(alias))
    assert not any(c.country == country for c in gazetteer.candidates(alias))  # shared index unchanged


def test_geonames_id_alias(gazetteer):
    moscow = next(c for c in gazetteer.candidates("Moscow") if c.country == "RUS" and c.kind == "city")
    extended = gazetteer.with_aliases((("Third Rome", str(moscow.place_id)),))
    assert [c.place_id for c in extended.candidates("third rome")] == [moscow.place_id]


@pytest.mark.parametrize("line", ["Blighty", "Blighty\t", "\tGBR"])
def test_malformed_alias_line_is_a_config_error(tmp_path, line):
    path = tmp_path / "aliases.tsv"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(NewsEventsError) as caught:
        read_alias_files([str(path)])
    assert caught.value.code == "E_CONFIG"


def test_unknown_target_is_a_config_error(gazetteer):
    with pytest.raises(NewsEventsError) as caught:
        gazetteer.with_aliases((("Atlantis", "XXX"),))
    assert caught.value.code == "E_CONFIG"


def test_component_reads_alias_files_from_settings(settings, tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("Blighty\tGBR\n", encoding="utf-8")
    component = ToponymComponent()
    component.configure(settings.with_overrides(place={"alias_files": [str(path)]}))
    assert component._aliases == (("Blighty", "GBR"),)

"""Resolution ranks candidates by population, kind, the article's context and the admin hierarchy."""

from __future__ import annotations

import pytest

from newsevents.nlp.places.api import mentions_for_spans, resolve_text_spans
from newsevents.nlp.places.gazetteer import load_gazetteer
from newsevents.nlp.places.resolve import ArticleContext, ArticleResolver, haversine_km


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return load_gazetteer(
        str(tmp_path_factory.getbasetemp() / "gazetteer"), reduced=True, show_progress=False
    )


def resolve(gazetteer, text, names, context=None):
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return resolve_text_spans(gazetteer, text, spans, context)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Officials met in Paris on Monday.", "Paris", "FRA"),
        ("The delegation arrived in Moscow.", "Moscow", "RUS"),
        ("Officials in Washington said so.", "Washington", "USA"),
        ("The talks in Jordan ended.", "Jordan", "JOR"),
        ("Flooding hit Georgia and Armenia.", "Georgia", "GEO"),
    ],
)
def test_prominent_sense_wins_without_context(gazetteer, text, name, country):
    assert resolve(gazetteer, text, [name])[0].country == country


def test_capital_beats_the_larger_area_of_the_same_name(gazetteer):
    place = resolve(gazetteer, "Talks in Washington.", ["Washington"])[0]
    assert haversine_km(place.lat, place.lon, 38.895, -77.037) < 50


def test_qualifier_selects_the_place_inside_it(gazetteer):
    place = resolve(gazetteer, "He grew up in Paris, Texas, near the border.", ["Paris", "Texas"])[0]
    assert place.country == "USA" and place.admin1 == "Texas"
    assert place.rule == "hierarchy"


def test_country_context_changes_the_sense(gazetteer):
    text = "Atlanta police said the storm crossed Georgia overnight."
    atlanta, georgia = resolve(gazetteer, text, ["Atlanta", "Georgia"])
    assert atlanta.country == "USA" and georgia.country == "USA"


def test_publisher_country_is_context(gazetteer):
    places = resolve(
        gazetteer, "Rain fell on Cambridge.", ["Cambridge"], ArticleContext(publisher_country="USA")
    )
    assert places[0].country == "USA"


def test_one_sense_per_article(gazetteer):
    text = "Paris, Texas, was quiet. Later Paris residents met."
    first, _texas, second = resolve(gazetteer, text, ["Paris", "Texas", "Paris"])
    assert first.country == "USA"
    assert second.country in ("USA", "FRA")  # a new mention without qualifier keeps its own best sense
    assert (
        resolve(gazetteer, "Paris is calm. Paris is busy.", ["Paris", "Paris"])[0].geonames_id
        == resolve(gazetteer, "Paris is calm. Paris is busy.", ["Paris", "Paris"])[1].geonames_id
    )


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Students at Colorado State University protested.", "Colorado State University", "Colorado"),
        ("A fire at the British Embassy Tokyo was put out.", "British Embassy Tokyo", "Tokyo"),
    ],
)
def test_unknown_name_falls_back_to_a_place_inside_it(gazetteer, text, name, expected):
    place = resolve(gazetteer, text, [name])[0]
    assert place.name == expected and place.rule == "inner"


def test_unknown_name_falls_back_to_the_article_focus(gazetteer):
    # No place named within a clause of the street: it lies in the article's focus.
    text = (
        "New Orleans police said the parade would start late this year because of the weather and "
        "the crowds expected for the weekend. Later, Frenchmen Street was busy."
    )
    places = resolve(gazetteer, text, ["New Orleans", "Frenchmen Street"])
    assert places[1].name == "New Orleans" and places[1].rule == "focus"


def test_demonym_resolves_to_its_country(gazetteer):
    place = resolve(gazetteer, "Russian officials met.", ["Russian"])[0]
    assert place.country == "RUS" and place.feature_class == "A" and place.precision == 3


def test_list_of_countries_is_not_a_hierarchy(gazetteer):
    text = "borders between Afghanistan, Tajikistan and Uzbekistan"
    mentions = mentions_for_spans(text, [(16, 27), (29, 39), (44, 54)])
    results = ArticleResolver(gazetteer).resolve(mentions)
    assert [r.candidate.country for r in results] == ["AFG", "TJK", "UZB"]
    assert results[0].rule == "gazetteer"


def test_qualified_mention_sets_the_sense_of_later_ones(gazetteer):
    text = "CHARLESTON, W.Va. -- A Charleston man admitted the charge on Monday."
    first, _state, second = resolve(gazetteer, text, ["CHARLESTON", "W.Va.", "Charleston"])
    assert first.admin1 == "West Virginia" and second.admin1 == "West Virginia"

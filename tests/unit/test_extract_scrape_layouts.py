"""Five more raw-scrape layouts (tests/fixtures/scrapes): different orders of byline and date,
captions in the middle, "Share this", "Related articles", cookie notices, "By X" bylines, ISO dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.extract.text_scrape import parse_text_scrape

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "scrapes"

LAYOUTS = {
    "by-line-first.txt": {
        "title": "Taliban Seize Key Border Crossing With Tajikistan",
        "authors": ["Jane Doe", "John Roe"],
        "date": "2021-06-22",
        "publisher": "Reuters",
        "captions": [
            "Afghan soldiers at a checkpoint in Kunduz province. (Photo by Ahmad Shah/AFP via Getty Images)"
        ],
        "first": "Taliban fighters on Tuesday took control",
        "last": "Tajikistan's border service said it had let 134 Afghan soldiers cross to save their lives.",
        "paragraphs": 4,
        "not_in_body": ["Share this", "Facebook", "Related articles", "Afghan forces retake", "cookie", "©"],
    },
    "date-first.txt": {
        "title": "Pakistan and India Agree to Ceasefire Along Kashmir Line",
        "authors": ["Sarah Khan"],
        "date": "2021-07-01",
        "publisher": "Kabul Times",
        "captions": ["File photo: Indian soldiers patrol near the Line of Control in Poonch district."],
        "first": "Both militaries said they would observe",
        "last": "Hundreds of soldiers and civilians have been killed in shelling across the line since 2019.",
        "paragraphs": 4,
        "not_in_body": ["Home", "World\n", "July 1, 2021", "Follow", "newsletter", "Copyright"],
    },
    "combined-header.txt": {
        "title": "Protesters Rally in Minsk Against Election Result",
        "authors": ["Ahmad Wali"],
        "date": "2021-07-01",
        "publisher": "Minsk Herald",
        "captions": [],
        "first": "Thousands of people marched through the centre of Minsk",
        "last": "Opposition leaders called for a general strike starting on Monday and urged workers to stay at home.",
        "paragraphs": 3,
        "not_in_body": [
            "Menu",
            "By Ahmad Wali",
            "Share this",
            "Tweet",
            "Read more",
            "EU prepares",
            "Tags:",
            "WebCo",
        ],
    },
    "hard-wrapped.txt": {
        "title": "UN Agency Warns of Food Shortages in Yemen",
        "authors": ["Maria Lopez"],
        "date": "2021-03-15",
        "publisher": None,
        "captions": ["Image: Reuters/John Smith"],
        "first": "The World Food Programme warned on Monday that millions of people in Yemen could face famine",
        "last": "Aid groups said fuel shortages had pushed up the price of basic goods across the country.",
        "paragraphs": 3,
        "not_in_body": ["Advertisement", "Related Stories", "Saudi-led coalition", "cookies", "\n\nYemen"],
    },
    "dateline-wire.txt": {
        "title": "Russia Expels Two Bulgarian Diplomats",
        "authors": [],
        "date": "2022-03-02",
        "publisher": "Reuters",
        "captions": ["PHOTO: The Russian foreign ministry building in Moscow."],
        "first": "MOSCOW (Reuters) - Russia said on Wednesday",
        "last": "Bulgaria has expelled several Russian diplomats in recent years over allegations of spying.",
        "paragraphs": 3,
        "not_in_body": ["cookies", "Updated", "Reuters Staff", "min read", "Editing by", "WhatsApp"],
    },
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def layout(request):
    result = parse_text_scrape((FIXTURES / request.param).read_text(encoding="utf-8"))
    return result, LAYOUTS[request.param]


@pytest.mark.parametrize("field", ["title", "authors", "date", "publisher", "captions"])
def test_extract_layout_metadata(layout, field):
    result, expected = layout
    assert getattr(result, field) == expected[field]


def test_extract_layout_body_edges(layout):
    result, expected = layout
    assert len(result.paragraphs) == expected["paragraphs"]
    assert result.paragraphs[0].startswith(expected["first"])
    assert result.paragraphs[-1] == expected["last"]


def test_extract_layout_boilerplate_not_in_body(layout):
    result, expected = layout
    body = "\n\n".join(result.paragraphs)
    for text in expected["not_in_body"]:
        assert text not in body
    assert result.title not in body

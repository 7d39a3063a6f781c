"""HTML pages through trafilatura: metadata, body paragraphs with offsets, captions."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_article, extract_html
from newsevents.types import Article, RawDocument

PARAGRAPHS = [
    "The foreign minister said on Thursday that the talks in Moscow had ended without an agreement.",
    "Both delegations would meet again next month in Geneva, a spokesman for the ministry told reporters.",
    "Analysts said the failure of the talks made a new round of sanctions more likely this year.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Talks in Moscow end without deal | Example Times</title>
<meta property="og:title" content="Talks in Moscow end without deal">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-07-01T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Talks in Moscow end without deal</h1>
<p>{PARAGRAPHS[0]}</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive in Moscow on Thursday.</figcaption></figure>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
</article>
<footer><p>Copyright 2021 Example Times. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def fields():
    return extract_html(PAGE.encode(), url="https://example.org/a")


@pytest.mark.parametrize(
    ("attribute", "expected"),
    [
        ("title", "Talks in Moscow end without deal"),
        ("authors", ["Jane Doe"]),
        ("date", "2021-07-01"),
        ("publisher", "Example Times"),
        ("url", "https://example.org/a"),
        ("captions", ["Delegates arrive in Moscow on Thursday."]),
        ("extractor", "trafilatura"),
    ],
)
def test_html_metadata(fields, attribute, expected):
    assert getattr(fields, attribute) == expected


def test_html_body_paragraphs_and_offsets(fields):
    assert [fields.body[s:e] for s, e in fields.paragraphs] == PARAGRAPHS
    assert fields.body == "\n\n".join(PARAGRAPHS)


def test_html_article_through_extract_article(settings):
    raw = RawDocument("sha:x", "a.html", "html", data=PAGE.encode(), size=len(PAGE))
    article = extract_article(raw, settings)
    assert isinstance(article, Article)
    assert article.body.startswith(PARAGRAPHS[0])
    assert "Copyright" not in article.body


def test_html_accepts_str_and_no_url(fields):
    again = extract_html(PAGE)
    assert again.body == fields.body
    assert again.url is None


def test_html_saved_as_txt_goes_through_html_extractor(settings):
    raw = RawDocument("sha:x", "page.txt", "text", data=PAGE.encode(), size=len(PAGE))
    article = extract_article(raw, settings)
    assert article.extractor == "trafilatura"
    assert article.title == "Talks in Moscow end without deal"

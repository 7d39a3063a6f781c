"""Acceptance: the founding example scrape parses into the right article fields."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_article
from newsevents.ingest import iter_documents
from newsevents.types import Article

CAPTION = "Hamdullah Mohib, Afghan National Security Advisor. PHOTO: Social Media"
FOOTER_LINES = [
    "Follow TKG on Twitter & Facebook",
    "Design & Developed by Techsharks - Copyright © 2022",
    "Copyright 2022 © TKG: A public media project of DHSA",
]


@pytest.fixture(scope="module")
def article(example_path, settings) -> Article:
    [raw] = list(iter_documents([example_path], settings))
    result = extract_article(raw, settings)
    assert isinstance(result, Article)
    return result


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Afghan NSA Travels to Moscow"),
        ("authors", ["Moqadas Hashimi"]),
        ("date", "2021-07-01"),
        ("publisher", "TKG"),
        ("language", "en"),
        ("extractor", "text_scrape"),
    ],
)
def test_extract_example_fields(article, field, expected):
    assert getattr(article, field) == expected


def test_extract_example_caption_apart_from_body(article):
    assert article.captions == [CAPTION]
    assert "PHOTO" not in article.body


@pytest.mark.parametrize("line", FOOTER_LINES + ["Moqadas Hashimi", "1 Jul 2021"])
def test_extract_example_no_header_or_footer_line_in_body(article, line):
    assert line not in article.body


def test_extract_example_title_not_repeated_in_body(article):
    assert "Afghan NSA Travels to Moscow" not in article.body


def test_extract_example_body_paragraphs_intact(article, example_path):
    paragraphs = [article.body[start:end] for start, end in article.paragraphs]
    assert paragraphs[0].startswith("President Ashraf Ghani’s National Security Adviser on Thursday departed")
    assert paragraphs[-1] == "The armed has yet to comment."
    source_lines = example_path.read_text(encoding="utf-8").splitlines()
    # Every body paragraph is one source line, unchanged.
    assert all(p in source_lines for p in paragraphs)
    assert len(paragraphs) == 13


def test_extract_example_paragraph_offsets_index_body(article):
    assert article.body == "\n\n".join(article.body[s:e] for s, e in article.paragraphs)

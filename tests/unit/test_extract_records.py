"""JSON/CSV records: the `text` field is the body verbatim; offsets index the input text."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_article, record_paragraphs
from newsevents.types import Article, RawDocument, Rejection

TEXT = (
    "  KABUL - The Afghan government said on Thursday that talks would resume.\n\n"
    "Officials gave no date.\r\n \nThe Taliban did not comment.  \n"
)


def _record(**fields) -> RawDocument:
    return RawDocument("rec-1", "a.jsonl:1", "record", fields=fields, size=0)


def test_records_body_is_text_verbatim(settings):
    article = extract_article(_record(text=TEXT), settings)
    assert isinstance(article, Article)
    assert article.body == TEXT
    assert article.extractor == "record"
    assert article.article_id == "rec-1"


def test_records_paragraph_offsets_index_original_text():
    spans = record_paragraphs(TEXT)
    assert [TEXT[s:e] for s, e in spans] == [
        "KABUL - The Afghan government said on Thursday that talks would resume.",
        "Officials gave no date.",
        "The Taliban did not comment.",
    ]


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({"date": "July 1, 2021"}, "date", "2021-07-01"),
        ({"date": "sometime"}, "date", None),
        ({"title": "  A   title \n"}, "title", "A title"),
        ({"publisher": "Reuters"}, "publisher", "Reuters"),
        ({"url": "https://x.org/a"}, "url", "https://x.org/a"),
        ({"authors": "Jane Doe; John Roe"}, "authors", ["Jane Doe", "John Roe"]),
        ({}, "captions", []),
    ],
)
def test_records_metadata_fields(settings, fields, attribute, expected):
    article = extract_article(_record(text=TEXT, **fields), settings)
    assert getattr(article, attribute) == expected


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_records_empty_text_rejected(settings, text):
    result = extract_article(_record(text=text), settings)
    assert isinstance(result, Rejection) and result.reason == "E_EMPTY"

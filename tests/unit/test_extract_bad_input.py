"""Bad documents end as Rejections with a reason code, never as exceptions."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_article
from newsevents.types import Article, RawDocument, Rejection

ENGLISH = (
    "The foreign minister said on Thursday that the talks in Moscow had ended without an agreement, "
    "and that both delegations would meet again next month."
)
GERMAN = (
    "Der Außenminister sagte am Donnerstag, die Gespräche in Moskau seien ohne Einigung zu Ende gegangen, "
    "und beide Delegationen würden sich im nächsten Monat erneut treffen."
)


def _raw(data: bytes, content_type: str = "text") -> RawDocument:
    return RawDocument("sha:test", "test.txt", content_type, data=data, size=len(data))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "content_type", "reason"),
    [
        (b"", "text", "E_EMPTY"),
        (b"  \n\t\n ", "text", "E_EMPTY"),
        (b"", "html", "E_EMPTY"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text", "E_BINARY"),
        (b"abc\x00def" * 20, "html", "E_BINARY"),
        (bytes(range(1, 32)) * 20, "text", "E_BINARY"),
        (bytes(range(128, 256)) * 4, "text", "E_DECODE"),
        (GERMAN.encode(), "text", "E_LANGUAGE"),
        (b"Share this\nFollow us on Twitter\n", "text", "E_NO_BODY"),
        (b"<html><head><script>var x = 1;</script></head><body></body></html>", "html", "E_NO_BODY"),
    ],
)
def test_extract_bad_documents_rejected(settings, data, content_type, reason):
    result = extract_article(_raw(data, content_type), settings)
    assert isinstance(result, Rejection)
    assert result.reason == reason
    assert result.document_id == "sha:test"


def test_extract_language_rejection_names_language_and_probability(settings):
    result = extract_article(_raw(GERMAN.encode()), settings)
    assert "de" in result.message
    assert "probability" in result.message


def test_extract_language_check_can_be_skipped(settings):
    result = extract_article(_raw(GERMAN.encode()), settings, check_language=False)
    assert isinstance(result, Article)
    assert result.language == "de"


def test_extract_short_text_skips_language_detection(settings):
    result = extract_article(_raw(b"Das ist gut."), settings)
    assert isinstance(result, Article)
    assert result.language == "und"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_extract_non_utf8_text_decoded(settings, encoding):
    text = "Café owners said the minister’s visit – his first – was welcome. " + ENGLISH
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("–", "-")
    result = extract_article(_raw(text.encode(encoding)), settings)
    assert isinstance(result, Article)
    assert "Café owners" in result.body


@pytest.mark.parametrize(
    "html",
    [
        b"<html><body><p>" + ENGLISH.encode() + b"</p><div><p>unclosed <b>bold",
        b"<p>" + ENGLISH.encode() + b"</p></div></div></span>",
        b"<<<>>>" + ENGLISH.encode() + b"<p",
        ENGLISH.encode(),
    ],
)
def test_extract_broken_html_never_raises(settings, html):
    result = extract_article(_raw(html, "html"), settings)
    assert isinstance(result, Article | Rejection)
    if isinstance(result, Article):
        assert "foreign minister" in result.body


def test_extract_utf16_with_bom_is_text_not_binary(settings):
    result = extract_article(_raw(ENGLISH.encode("utf-16")), settings)
    assert isinstance(result, Article)
    assert result.body == ENGLISH


def test_extract_html_record_url_kept(settings):
    page = f"<html><body><article><p>{ENGLISH}</p></article></body></html>".encode()
    raw = RawDocument("p1", "p.html", "html", data=page, fields={"url": "https://x.org/a"}, size=len(page))
    assert extract_article(raw, settings).url == "https://x.org/a"

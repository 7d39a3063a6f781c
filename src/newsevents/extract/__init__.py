"""Stage 2: RawDocument -> Article | Rejection.

- `.txt` scrapes: our own line classifier (text_scrape.py);
- HTML: trafilatura + htmldate (html.py), the page text through the scrape parser as a fallback;
- JSON/CSV records: the `text` field is the body verbatim, so NLP offsets index the input itself.
Bytes are checked (empty, binary) and decoded (UTF-8, else charset-normalizer) first; the body's
language is identified with py3langid. Bad input never raises: it ends as a Rejection with a code.
"""

from __future__ import annotations

import re

from newsevents.errors import E_EMPTY, E_LANGUAGE, E_NO_BODY, NewsEventsError
from newsevents.extract.dates import normalise_date
from newsevents.extract.decode import check_text_bytes, decode_document
from newsevents.extract.html import ExtractedFields, extract_html, split_authors
from newsevents.extract.language import detect_language
from newsevents.extract.text_scrape import parse_text_scrape
from newsevents.settings import Settings
from newsevents.types import Article, RawDocument, Rejection

__all__ = ["ExtractedFields", "extract_article", "extract_html", "record_paragraphs"]

UNDETERMINED_LANGUAGE = "und"  # ISO 639-2 code for texts too short to judge
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def record_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated paragraph of `text`, trimmed of surrounding
    whitespace; offsets index `text` itself."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [m.start() for m in _BLANK_LINE.finditer(text)] + [len(text)]:
        segment = text[start:end]
        stripped = segment.strip()
        if stripped:
            left = start + (len(segment) - len(segment.lstrip()))
            spans.append((left, left + len(stripped)))
        start = end
    return spans


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _from_record(raw: RawDocument) -> ExtractedFields:
    fields = raw.fields or {}
    body = fields.get("text") or ""
    if not body.strip():
        raise NewsEventsError(E_EMPTY, "the record's `text`/`body` field is empty")
    extracted = ExtractedFields(
        url=_clean(fields.get("url")),
        title=_clean(fields.get("title")),
        authors=split_authors(fields.get("authors")),
        date=normalise_date(fields.get("date")),
        publisher=_clean(fields.get("publisher")),
        captions=[],
        paragraph_texts=[],
        extractor="record",
    )
    # The body is the input verbatim: offsets of events and quotes index the user's own text.
    extracted.body = body
    extracted.paragraphs = record_paragraphs(body)
    return extracted


_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def _from_text(raw: RawDocument) -> ExtractedFields:
    text = decode_document(raw.data or b"")
    if _HTML_START.match(text[:2000]):
        return extract_html(text)  # a page saved with a .txt name
    return ExtractedFields.from_scrape(parse_text_scrape(text), "text_scrape")


def _from_html(raw: RawDocument) -> ExtractedFields:
    data = raw.data or b""
    check_text_bytes(data)  # trafilatura decodes the page itself (meta charset, detection)
    return extract_html(data, url=_clean((raw.fields or {}).get("url")))


def _language(body: str, settings: Settings, check: bool) -> str:
    if len(body.strip()) < settings.extract.min_chars_for_language:
        return UNDETERMINED_LANGUAGE
    language, probability = detect_language(body)
    accepted = settings.extract.languages
    if check and language not in accepted:
        raise NewsEventsError(
            E_LANGUAGE,
            f"language {language} (probability {probability:.2f}); accepted: {', '.join(accepted)}",
        )
    return language


def extract_article(raw: RawDocument, settings: Settings, check_language: bool = True) -> Article | Rejection:
    """The article in one document, or the reason there is none."""
    try:
        if raw.content_type == "record":
            fields = _from_record(raw)
        elif raw.content_type == "html":
            fields = _from_html(raw)
        else:
            fields = _from_text(raw)
        if not fields.body.strip():
            raise NewsEventsError(E_NO_BODY, f"no article body found ({fields.extractor})")
        language = _language(fields.body, settings, check_language)
    except NewsEventsError as exc:
        return Rejection(raw.document_id, raw.origin, exc.code, exc.message)
    return Article(
        article_id=raw.document_id,
        document_id=raw.document_id,
        origin=raw.origin,
        url=fields.url,
        title=fields.title,
        authors=fields.authors,
        date=fields.date,
        publisher=fields.publisher,
        captions=fields.captions,
        body=fields.body,
        language=language,
        paragraphs=fields.paragraphs,
        extractor=fields.extractor,
    )

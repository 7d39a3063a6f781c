"""What one line of a plain-text scrape is, on its own: a date, a byline, a caption, site
boilerplate, or a candidate for title/body. Context (neighbours, position) is text_scrape's job."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from newsevents.extract.dates import date_line, find_date
from newsevents.extract.patterns import ScrapePatterns, any_match

LineKind = Literal["date", "byline", "caption", "boilerplate", "candidate"]

# Longer lines are article text even when a pattern matches ("... the newsletter reported").
_MAX_BOILERPLATE_WORDS = 30
_MAX_CAPTION_WORDS = 80
_MAX_NOTICE_WORDS = 80
_MAX_BYLINE_WORDS = 16

_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_HEADER_SEPARATORS = re.compile(r"\s+[|•·—–]\s+|\s+-\s+|\s*\|\s*|\t+|\s{3,}")
_BYLINE_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\||/|•|·|\s-\s|–|—)\s*", re.IGNORECASE)
_NAME_PUNCT = "'’-."


@dataclass(frozen=True, slots=True)
class LineInfo:
    kind: LineKind
    date: str | None = None
    date_kind: Literal["published", "updated", "plain"] = "plain"
    authors: tuple[str, ...] = ()
    list_header: bool = False
    publishers: tuple[str, ...] = field(default_factory=tuple)


def word_count(text: str) -> int:
    return len(text.split())


def is_sentence_like(text: str) -> bool:
    """Article prose: ends like a sentence, or is too long to be a heading or a label."""
    words = word_count(text)
    return words >= 14 or (words >= 4 and _TERMINAL.search(text) is not None)


def _name_token(token: str, patterns: ScrapePatterns) -> bool | None:
    """True: a capitalised name part; None: a particle ("bin", "van"); False: not a name part."""
    if token.lower() in patterns.name_particles:
        return None
    if not token[0].isupper() or token.lower().strip(".") in patterns.not_name_words:
        return False
    return all(ch.isalpha() or ch in _NAME_PUNCT for ch in token) and any(ch.isalpha() for ch in token)


def is_name_like(text: str, patterns: ScrapePatterns) -> bool:
    """2-5 capitalised words and nothing else: "Moqadas Hashimi", "Mary-Jane O'Neil", "J. R. Smith"."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or text.rstrip().endswith((",", ":")):
        return False
    capitals = 0
    for token in tokens:
        verdict = _name_token(token, patterns)
        if verdict is False:
            return False
        capitals += verdict is True
    return capitals >= 2


def display_name(name: str) -> str:
    """An all-capitals name in title case ("MARIA LOPEZ" -> "Maria Lopez"); others as written."""
    return name.title() if name.isupper() else name


def parse_date_line(
    text: str, patterns: ScrapePatterns
) -> tuple[str, Literal["published", "updated", "plain"]] | None:
    kind: Literal["published", "updated", "plain"] = "plain"
    body = text
    for label, pattern in (("updated", patterns.updated_label), ("published", patterns.published_label)):
        match = pattern.match(body)
        if match and match.end() > 0:
            kind = label  # type: ignore[assignment]
            body = body[match.end() :]
            break
    iso = date_line(body)
    return (iso, kind) if iso is not None else None


def parse_byline(text: str, patterns: ScrapePatterns) -> tuple[tuple[str, ...], str | None] | None:
    """("By Jane Doe and John Roe, Reuters | 1 Jul 2021") -> (authors, ISO date or None), or None
    when the line is not a byline ("By the end of the year, ...")."""
    match = patterns.byline_prefix.match(text)
    if match is None or match.end() == 0 or word_count(text) > _MAX_BYLINE_WORDS:
        return None
    rest = text[match.end() :].strip()
    found_date = find_date(rest)
    iso = None
    if found_date is not None:
        iso, date_match = found_date
        rest = (rest[: date_match.start()] + " " + rest[date_match.end() :]).strip()
    authors: list[str] = []
    for index, part in enumerate(_BYLINE_SEPARATORS.split(rest)):
        part = part.strip(" .:")
        if not part:
            continue
        if part.lower() in patterns.agencies:
            continue
        if is_name_like(part, patterns):
            authors.append(display_name(part))
        elif index == 0:
            return None  # the first thing after "By" must be a name or a wire
    return tuple(authors), iso


def _header_parts(text: str, patterns: ScrapePatterns) -> LineInfo | None:
    """A line that strings byline and dates together: "Jane Doe | 1 Jul 2021 | Updated 2 Jul 2021"."""
    parts = [p.strip() for p in _HEADER_SEPARATORS.split(text) if p and p.strip()]
    if len(parts) < 2:
        return None
    dates: list[tuple[str, Literal["published", "updated", "plain"]]] = []
    authors: list[str] = []
    has_anchor = False  # a date or a "By" byline: bare names alone prove nothing
    for part in parts:
        dated = parse_date_line(part, patterns)
        if dated is not None:
            dates.append(dated)
            has_anchor = True
            continue
        byline = parse_byline(part, patterns)
        if byline is not None:
            authors.extend(byline[0])
            if byline[1] is not None:
                dates.append((byline[1], "plain"))
            has_anchor = True
            continue
        if is_name_like(part, patterns):
            authors.append(display_name(part))
            continue
        if part.lower().strip(":") in patterns.agencies:
            continue
        return None
    if not has_anchor:
        return None
    best = _preferred_date(dates)
    if authors:
        return LineInfo(
            "byline",
            date=best[0] if best else None,
            date_kind=best[1] if best else "plain",
            authors=tuple(authors),
        )
    return LineInfo("date", date=best[0], date_kind=best[1]) if best else None


_DATE_RANK = {"published": 0, "plain": 1, "updated": 2}


def _preferred_date(
    dates: Iterable[tuple[str, Literal["published", "updated", "plain"]]],
) -> tuple[str, Literal["published", "updated", "plain"]] | None:
    ordered = sorted(enumerate(dates), key=lambda item: (_DATE_RANK[item[1][1]], item[0]))
    return ordered[0][1] if ordered else None


def publisher_candidates(text: str, patterns: ScrapePatterns) -> tuple[str, ...]:
    if any_match(patterns.not_publisher, text):
        return ()
    for pattern in patterns.publisher:
        match = pattern.search(text)
        if match is None:
            continue
        name = re.sub(r"\s+", " ", match.group("publisher")).strip(" .,:;-–—|")
        lowered = name.lower()
        if (
            name
            and any(ch.isalpha() for ch in name)
            and word_count(name) <= 8
            and lowered not in {"us", "me", "all rights reserved", "copyright"}
            and (name[0].isupper() or name[0].isdigit())
        ):
            return (name,)
    return ()


def classify_line(text: str, patterns: ScrapePatterns) -> LineInfo:
    """The kind of one stripped, non-empty line, judged on the line alone."""
    words = word_count(text)
    dated = parse_date_line(text, patterns)
    if dated is not None:
        return LineInfo("date", date=dated[0], date_kind=dated[1])
    byline = parse_byline(text, patterns)
    if byline is not None:
        return LineInfo("byline", date=byline[1], authors=byline[0])
    if words <= _MAX_BYLINE_WORDS:
        header = _header_parts(text, patterns)
        if header is not None:
            return header
    publishers = publisher_candidates(text, patterns) if words <= _MAX_BOILERPLATE_WORDS else ()
    if words <= _MAX_CAPTION_WORDS and any_match(patterns.captions, text):
        return LineInfo("caption", publishers=publishers)
    if words <= _MAX_BOILERPLATE_WORDS and any_match(patterns.boilerplate, text):
        return LineInfo(
            "boilerplate", list_header=any_match(patterns.list_headers, text), publishers=publishers
        )
    if words <= _MAX_NOTICE_WORDS and any_match(patterns.notices, text):
        return LineInfo("boilerplate", publishers=publishers)
    return LineInfo("candidate", publishers=publishers)

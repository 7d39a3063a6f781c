"""Publication dates: recognising a date line in a scrape, and normalising dates to ISO YYYY-MM-DD.

The common shapes ("1 Jul 2021", "July 1, 2021", "2021-07-01", "Thursday, 1 July 2021 10:32 GMT")
are parsed by our own patterns: fast and deterministic. Other strings given as a record's `date`
field fall back to dateparser, restricted to absolute dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

_DATE_PATTERNS = (
    re.compile(rf"\b{_DAY}(?:\s+of)?[\s-]+{_MONTH}\.?,?[\s-]+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}[-/.](?P<m>[01]?\d)[-/.]{_DAY}(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?!\w)"),
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)\b"),
)

# What may surround a date on a date line: weekdays, times, time zones, separators.
_DATE_LINE_NOISE = re.compile(
    r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b\.?"
    r"|\b\d{1,2}(:\d\d){1,2}\s*(am|pm|a\.m\.|p\.m\.)?"
    r"|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)"
    r"|\b(gmt|utc|ist|pkt|aft|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|bst|eet|eest|msk|jst|ast)\b"
    r"|[+-]\d\d:?\d\d\b|\b(at|on|am|pm)\b|[\s,.|/()\-–—:•·]+",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        # Numeric dates are ambiguous: a part over 12 decides; otherwise "/" reads month-first
        # (US usage) and "." day-first (European usage).
        if a > 12 or (b <= 12 and groups["sep"] == "."):
            return _valid(year, b, a)
        return _valid(year, a, b)
    month_text = groups["m"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
    return _valid(year, month, int(groups["d"]))


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first absolute date in `text` as (ISO date, match), or None."""
    best: tuple[str, re.Match[str]] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _from_match(match)
            if iso is not None and (best is None or match.start() < best[1].start()):
                best = (iso, match)
                break
    return best


def date_line(text: str) -> str | None:
    """The ISO date when the line is nothing but a date (with weekday, time, zone), else None."""
    if len(text) > 80:
        return None
    found = find_date(text)
    if found is None:
        return None
    iso, match = found
    rest = text[: match.start()] + " " + text[match.end() :]
    return iso if not _DATE_LINE_NOISE.sub("", rest) else None


@cache
def _dateparser_settings() -> dict[str, object]:
    # Absolute dates only: "yesterday" has no meaning without the time it was written.
    return {
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": True,
    }


def normalise_date(value: str | None) -> str | None:
    """A record's `date` as ISO YYYY-MM-DD when it is parseable as an absolute date, else None."""
    if value is None or not value.strip():
        return None
    text = value.strip()[:200]
    found = find_date(text)
    if found is not None:
        return found[0]
    import dateparser  # lazy: its import costs about a second

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_dateparser_settings())  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date().isoformat() if parsed is not None else None

"""Temporal expressions found by pattern and resolved against the publication date.

Our own rules first (dateparser misses "last 24 hours" and "early May", and reads "Thursday" in a
Thursday article as the week before); dateparser then resolves the explicit dates the model tags
that no rule covers. Every resolution is an interval [date, date_end] with a precision.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml

WEEK_HALF_WIDTH = 3  # "a week after": the week centred on the computed day


_Day = date  # the field below is named `date`


@dataclass(frozen=True, slots=True)
class Resolved:
    date: _Day
    date_end: _Day
    precision: str  # day, week, month, year
    rule: str


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # character offsets into the searched text
    end: int
    resolved: Resolved


@functools.cache
def vocabulary() -> dict[str, Any]:
    text = resources.files("newsevents").joinpath("data/timex/vocabulary.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _alternatives(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def number_value(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    value = vocabulary()["numbers"].get(word)
    return int(value) if value is not None else None


def unit_of(word: str) -> str | None:
    """ "weeks" -> "week" (the vocabulary's unit key), or None."""
    word = word.lower()
    units = vocabulary()["units"]
    for candidate in (word, word[:-1] if word.endswith("s") else word):
        if candidate in units:
            return str(candidate)
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(anchor: date, amount: int, unit: str, rule: str) -> Resolved:
    """The interval `amount` units from `anchor` (negative: before), at the unit's precision."""
    precision = vocabulary()["units"][unit]
    if unit == "hour":  # "the last 24 hours": the day before to the day itself
        day = anchor + timedelta(days=round(amount / 24))
        return Resolved(day, day, "day", rule)
    if unit in ("day", "night"):
        day = anchor + timedelta(days=amount)
        return Resolved(day, day, "day", rule)
    if unit in ("week", "fortnight"):
        day = anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))
        width = timedelta(days=WEEK_HALF_WIDTH)
        return Resolved(day - width, day + width, precision, rule)
    if unit == "month":
        day = _add_months(anchor, amount)
        return Resolved(day.replace(day=1), _month_end(day.year, day.month), precision, rule)
    year = anchor.year + amount
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", rule)


def _last_period(anchor: date, unit: str, offset: int, rule: str) -> Resolved:
    """Calendar week/month/year `offset` periods from the one containing anchor ("last week": -1)."""
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return Resolved(monday, monday + timedelta(days=6), "week", rule)
    if unit == "month":
        first = _add_months(anchor.replace(day=1), offset)
        return Resolved(first, _month_end(first.year, first.month), "month", rule)
    year = anchor.year + offset
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", rule)


def weekday_date(pub: date, weekday: int, qualifier: str, future: bool) -> date:
    """A weekday named in an article: that day when it is the publication day (unless "last"),
    else the most recent one before it ("next", or a future-tense clause: the coming one)."""
    if qualifier == "next" or future and qualifier != "last":
        ahead = (weekday - pub.weekday()) % 7
        return pub + timedelta(days=ahead or 7)
    back = (pub.weekday() - weekday) % 7
    if back == 0 and qualifier == "last":
        back = 7
    return pub - timedelta(days=back)


def _month_year(pub: date, month: int, future: bool) -> int:
    """The year of a month named without one: the most recent on or before publication."""
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _closest_year(pub: date, month: int, day: int) -> int:
    """The year putting month/day closest to publication (a date named without its year)."""
    best_year, best_gap = pub.year, None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            gap = abs((date(year, month, day) - pub).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


Resolver = Callable[[re.Match[str], date, bool], Resolved | None]


@functools.cache
def patterns() -> tuple[tuple[str, re.Pattern[str], Resolver], ...]:
    vocab = vocabulary()
    numbers = _alternatives(vocab["numbers"]) + r"|\d+"
    units = _alternatives(vocab["units"])
    months = _alternatives(vocab["months"])
    weekdays = _alternatives(vocab["weekdays"])
    parts = _alternatives(vocab["month_parts"])
    days = _alternatives(vocab["day_offsets"])
    preps = _alternatives(vocab["date_prepositions"])
    plural = r"s?"
    return (
        (
            "past_period",
            re.compile(
                rf"\b(?:(?:in|over|during|within|for)\s+)?(?:the\s+)?(?:last|past|previous)\s+(?P<n>{numbers})\s+(?P<unit>{units}){plural}\b",
                re.I,
            ),
            _past_period,
        ),
        ("ago", re.compile(rf"\b(?P<n>{numbers})\s+(?P<unit>{units}){plural}\s+ago\b", re.I), _ago),
        ("relative_day", re.compile(rf"\b(?P<word>{days})\b", re.I), _relative_day),
        (
            "month_part",
            re.compile(
                rf"\b(?P<part>{parts})[\s-]*(?P<month>{months})\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I
            ),
            _month_part,
        ),
        (
            "period",
            re.compile(
                r"\b(?P<which>last|this|next|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)\b", re.I
            ),
            _period,
        ),
        (
            "weekday",
            re.compile(
                rf"\b(?:(?P<qual>last|this|next|past|on)\s+)?(?P<weekday>{weekdays})(?:\s+(?:morning|afternoon|evening|night))?\b",
                re.I,
            ),
            _weekday,
        ),
        (
            "iso_date",
            re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
            _iso_date,
        ),
        (
            "day_month",
            re.compile(
                rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{months})\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
                re.I,
            ),
            _month_day,
        ),
        (
            "month_day",
            re.compile(
                rf"\b(?P<month>{months})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
                re.I,
            ),
            _month_day,
        ),
        (
            "month",
            re.compile(
                rf"\b(?:(?P<prep>{preps})\s+)?(?P<month>{months})\.?(?!\s+[0-3]?\d\b(?!\d))(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
                re.I,
            ),
            _month,
        ),
        ("year", re.compile(rf"\b(?P<prep>{preps})\s+(?P<year>(?:19|20)\d\d)\b", re.I), _year),
    )


def _past_period(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    amount, unit = number_value(match["n"]), unit_of(match["unit"])
    if amount is None or unit is None:
        return None
    start = shift(pub, -amount, unit, "past_period")
    return Resolved(start.date, pub, start.precision, "past_period")


def _ago(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    amount, unit = number_value(match["n"]), unit_of(match["unit"])
    if amount is None or unit is None:
        return None
    return shift(pub, -amount, unit, "ago")


def _relative_day(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    offset = vocabulary()["day_offsets"].get(" ".join(match["word"].lower().split()))
    if offset is None:
        return None
    day = pub + timedelta(days=int(offset))
    return Resolved(day, day, "day", "relative_day")


def _month_part(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    month = vocabulary()["months"][match["month"].lower()]
    first, last = vocabulary()["month_parts"][match["part"].lower()]
    year = int(match["year"]) if match["year"] else _month_year(pub, month, future)
    end = min(int(last), calendar.monthrange(year, month)[1])
    return Resolved(date(year, month, int(first)), date(year, month, end), "month", "month_part")


def _period(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    which = " ".join(match["which"].lower().split())
    unit = match["unit"].lower()
    offset = {"last": -1, "next": 1}.get(which, 0)
    resolved = _last_period(pub, unit, offset, "period")
    if which == "earlier this":
        return Resolved(resolved.date, pub, resolved.precision, "period")
    if which == "later this":
        return Resolved(pub, resolved.date_end, resolved.precision, "period")
    return resolved


def _weekday(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    if not match["weekday"][0].isupper():
        return None
    weekday = vocabulary()["weekdays"][match["weekday"].lower()]
    day = weekday_date(pub, weekday, (match["qual"] or "").lower(), future)
    return Resolved(day, day, "day", "weekday")


def _iso_date(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return Resolved(day, day, "day", "iso_date")


def _month_day(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    month = vocabulary()["months"][match["month"].lower()]
    day_number = int(match["day"])
    year = int(match["year"]) if match["year"] else _closest_year(pub, month, day_number)
    try:
        day = date(year, month, day_number)
    except ValueError:
        return None
    return Resolved(day, day, "day", "month_day")


def _month(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    if not match["prep"] and not match["year"]:
        return None  # a bare "May" is usually the verb
    month = vocabulary()["months"][match["month"].lower()]
    prep = (match["prep"] or "").lower()
    if match["year"]:
        year = int(match["year"])
    elif prep == "last":
        year = pub.year - 1 if month >= pub.month else pub.year
    elif prep == "next":
        year = pub.year + 1 if month <= pub.month else pub.year
    else:
        year = _month_year(pub, month, future)
    return Resolved(date(year, month, 1), _month_end(year, month), "month", "month")


def _year(match: re.Match[str], pub: date, future: bool) -> Resolved | None:
    year = int(match["year"])
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", "year")


def find(text: str, pub: date, future_at: Callable[[int], bool] | None = None) -> list[Found]:
    """Non-overlapping expressions in text, earliest first (the longest where several start together).

    `future_at(char_offset)` tells whether the clause at that offset speaks of the future.
    """
    matches: list[tuple[int, int, str, re.Match[str], Resolver]] = []
    for name, pattern, resolver in patterns():
        for match in pattern.finditer(text):
            if match.end() > match.start():
                matches.append((match.start(), match.end(), name, match, resolver))
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[Found] = []
    covered_until = -1
    for start, end, _name, match, resolver in matches:
        if start < covered_until:
            continue
        future = bool(future_at(start)) if future_at else False
        resolved = resolver(match, pub, future)
        if resolved is None:
            continue
        out.append(Found(start, end, resolved))
        covered_until = end
    return out


def parse_explicit(text: str, pub: date) -> Resolved | None:
    """dateparser for explicit dates no rule covers ("1 Jul 2021", "07/01/2021")."""
    if not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # slow to import: only when a model-tagged date needs it

    parsed = dateparser.date.DateDataParser(
        languages=["en"],
        settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": _as_datetime(pub), "STRICT_PARSING": False},
    ).get_date_data(text)
    if parsed is None or parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    period = parsed.period or "day"
    if period == "year":
        return Resolved(date(day.year, 1, 1), date(day.year, 12, 31), "year", "dateparser")
    if period == "month":
        return Resolved(day.replace(day=1), _month_end(day.year, day.month), "month", "dateparser")
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return Resolved(monday, monday + timedelta(days=6), "week", "dateparser")
    return Resolved(day, day, "day", "dateparser")


def _as_datetime(day: date) -> Any:
    from datetime import datetime

    return datetime(day.year, day.month, day.day, 12, 0)

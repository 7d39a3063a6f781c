"""Calendar arithmetic of the time rules: every resolution is an interval [date, date_end] with a
precision (day, week, month, year), computed from the publication date."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

WEEK_HALF_WIDTH = 3  # "a week after": the week centred on the computed day
SATURDAY = 5

_Day = date  # the field below is named `date`


@dataclass(frozen=True, slots=True)
class Resolved:
    date: _Day
    date_end: _Day
    precision: str  # day, week, month, year
    rule: str


def reported_precision(resolved: Resolved) -> str:
    """The precision stored on a record: "day" only when the interval is one day, since the event
    schema (DESIGN.md) says date_end equals date for day precision. A multi-day interval built from
    exact days ("June 3-5", "over the weekend", "in the last 24 hours") reports the smallest unit
    that covers it."""
    if resolved.precision != "day" or resolved.date_end <= resolved.date:
        return resolved.precision
    days = (resolved.date_end - resolved.date).days + 1
    if days <= 7:
        return "week"
    return "month" if days <= 31 else "year"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(anchor: date, amount: int, unit: str, rule: str) -> Resolved:
    """The interval `amount` base units (hour, day, week, month, year) from `anchor` (negative: before)."""
    if unit == "hour":  # "the last 24 hours": the day before to the day itself
        day = anchor + timedelta(days=round(amount / 24))
        return Resolved(day, day, "day", rule)
    if unit == "day":
        day = anchor + timedelta(days=amount)
        return Resolved(day, day, "day", rule)
    if unit == "week":
        day = anchor + timedelta(weeks=amount)
        width = timedelta(days=WEEK_HALF_WIDTH)
        return Resolved(day - width, day + width, "week", rule)
    if unit == "month":
        day = add_months(anchor, amount)
        return Resolved(day.replace(day=1), month_end(day.year, day.month), "month", rule)
    year = anchor.year + amount
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", rule)


def since(anchor: date, amount: int, unit: str) -> date:
    """The day `amount` base units before anchor ("the past two weeks": 14 days before)."""
    if unit == "hour":
        return anchor - timedelta(days=round(amount / 24))
    if unit in ("day", "week"):
        return anchor - timedelta(days=amount * (7 if unit == "week" else 1))
    if unit == "month":
        return add_months(anchor, -amount)
    try:
        return anchor.replace(year=anchor.year - amount)
    except ValueError:  # February 29
        return anchor.replace(year=anchor.year - amount, day=28)


def calendar_period(anchor: date, unit: str, offset: int, rule: str) -> Resolved:
    """Calendar week/month/year `offset` periods from the one containing anchor ("last week": -1)."""
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return Resolved(monday, monday + timedelta(days=6), "week", rule)
    if unit == "month":
        first = add_months(anchor.replace(day=1), offset)
        return Resolved(first, month_end(first.year, first.month), "month", rule)
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


def weekend(pub: date, qualifier: str, future: bool) -> tuple[date, date]:
    """Saturday and Sunday of the weekend meant: "this" is the one of the publication week, "last"
    the one before it, "next" the one after; plain ("over the weekend") the most recent one, or
    the coming one in a future-tense clause."""
    this_saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=SATURDAY)
    if qualifier == "this":
        saturday = this_saturday
    elif qualifier == "last":
        saturday = this_saturday - timedelta(weeks=1)
    elif qualifier == "next":
        saturday = this_saturday + timedelta(weeks=1)
    elif future:
        saturday = this_saturday
    else:
        saturday = this_saturday if pub.weekday() >= SATURDAY else this_saturday - timedelta(weeks=1)
    return saturday, saturday + timedelta(days=1)


def month_year(pub: date, month: int, qualifier: str, future: bool) -> int:
    """The year of a month named without one: "this" is the publication year, "last"/"next" the
    one before/after publication; plain, the most recent on or before publication (the coming
    one in a future-tense clause)."""
    if qualifier == "this":
        return pub.year
    if qualifier == "last":
        return pub.year - 1 if month >= pub.month else pub.year
    if qualifier == "next" or future:
        return pub.year if month > pub.month or (month == pub.month and qualifier != "next") else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def closest_year(pub: date, month: int, day: int) -> int:
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


def precision_of_span(days: int) -> str:
    """The precision of a vocabulary span of `days` days ("overnight": 1, "in recent days": 7)."""
    if days <= 2:
        return "day"
    if days <= 14:
        return "week"
    if days <= 62:
        return "month"
    return "year"

"""Calendar arithmetic of the time rules: every resolution is an interval [date, date_end] with a
precision (day, week, month, year), computed from the publication date.

The arithmetic is total where counts come from the text: a day outside the calendar (before year
1 or after 9999: "3000 years ago" or "200000 weeks ago" from 2024) gives None, not an error."""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

WEEK_HALF_WIDTH = 3  # "a week after": the week centred on the computed day
SATURDAY = 5

_Day = date  # the field below is named `date`


@dataclass(frozen=True, slots=True)
class Resolved:
    date: _Day
    date_end: _Day
    precision: str  # day, week, month, year
    rule: str


# What a resolver returns for a date expression naming no real day ("29 February 2021"): the text
# is claimed (no shorter rule reads "February 2021" inside it) and no timex is made.
IMPOSSIBLE: Final = Resolved(date.min, date.min, "impossible", "impossible")


def precision_of_span(first: date, last: date) -> str:
    """The precision of an interval of whole days: "day" for one day (DESIGN.md: date_end equals
    date for day precision), else the smallest unit covering it (up to 7 days a week; up to 62 a
    month, so that "the past two months" is not reported as a year; longer a year). One rule for every day-built interval, so "in the last seven days" and
    "in the past week" (the same seven days) agree."""
    days = (last - first).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    return "month" if days <= 62 else "year"


def reported_precision(resolved: Resolved) -> str:
    """The precision stored on a record: a multi-day interval built from exact days ("June 3-5",
    "over the weekend") reports precision_of_span; week, month and year resolutions keep theirs."""
    if resolved.precision != "day":
        return resolved.precision
    return precision_of_span(resolved.date, resolved.date_end)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(anchor: date, amount: int, unit: str, rule: str) -> Resolved | None:
    """The interval `amount` base units (hour, day, week, month, year) from `anchor` (negative:
    before); None when it leaves the calendar."""
    try:
        return _shift(anchor, amount, unit, rule)
    except (ValueError, OverflowError):  # before year 1 or after 9999
        return None


def _shift(anchor: date, amount: int, unit: str, rule: str) -> Resolved:
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


def since(anchor: date, amount: int, unit: str) -> date | None:
    """The first day of "the last `amount` units" up to anchor, anchor included: the last 7 days
    and the past week are the 7 days ending on anchor, the past month starts the day after the same
    day a month before. Hours do not start at midnight: the last 24 hours reach into the day before
    (ceil(hours / 24) days back). None when the start leaves the calendar."""
    try:
        if unit == "hour":
            return anchor - timedelta(days=math.ceil(amount / 24))
        if unit in ("day", "week"):
            days = amount * (7 if unit == "week" else 1)
            return anchor - timedelta(days=max(days - 1, 0))
        if unit == "month":
            return add_months(anchor, -amount) + timedelta(days=1)
        year = anchor.year - amount
        same_day = min(anchor.day, calendar.monthrange(year, anchor.month)[1])  # February 29
        return date(year, anchor.month, same_day) + timedelta(days=1)
    except (ValueError, OverflowError):  # before year 1 or after 9999
        return None


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


def weekend(pub: date, choice: str, future: bool) -> tuple[date, date]:
    """Saturday and Sunday of the weekend meant: "this" is the one of the publication week, "last"
    the one before it, "next" the one after; "recent" ("over the weekend") the most recent one, or
    the coming one in a future-tense clause."""
    this_saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=SATURDAY)
    if choice == "this":
        saturday = this_saturday
    elif choice == "last":
        saturday = this_saturday - timedelta(weeks=1)
    elif choice == "next":
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

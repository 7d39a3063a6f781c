"""What each time pattern means: a resolver turns a match into an interval, computed from the
publication date (`pub`) and whether the clause speaks of the future. None: the match is no date
here ("May" the verb); IMPOSSIBLE: a date naming no real day (the text is claimed, no timex).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from newsevents.nlp.timex.intervals import (
    IMPOSSIBLE,
    Resolved,
    calendar_period,
    closest_year,
    month_end,
    month_year,
    precision_of_span,
    shift,
    since,
    weekday_date,
    weekend,
)
from newsevents.nlp.timex.vocabulary import (
    TimexVocabulary,
    is_abbreviation,
    normalise,
    number_value,
    unit_of,
)

Resolver = Callable[[re.Match[str], date, bool, TimexVocabulary], Resolved | None]

_POSSESSIVE_WINDOW = 16  # characters before "late 30s" searched for "his", "their", ...
# A day number after a month word, as the month_day rule reads it ("Jan. 5", "June 3rd").
_DAY_AFTER = re.compile(r"(?P<dot>\.)?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b")
_LONGEST_MONTHS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February 29 in leap years


def day_follows(match: re.Match[str], vocab: TimexVocabulary) -> bool:
    """Whether the month matched is followed by a day of it, which the month_day rule reads ("on
    Jan. 5"); not a dot ending a sentence ("in October.\n\n12 people") nor a count no month
    has as a day ("in June 31 people")."""
    after = _DAY_AFTER.match(match.string, match.end("month"))
    if after is None or (after["dot"] and not is_abbreviation(match["month"], vocab)):
        return False
    return 1 <= int(after["day"]) <= _LONGEST_MONTHS[vocab.months[normalise(match["month"])] - 1]


def dot_ends_sentence(match: re.Match[str], vocab: TimexVocabulary, day_group: str) -> bool:
    """Whether a dot between a full month name and a day number ends a sentence ("October. 12")."""
    between = match.string[match.end("month") : match.start(day_group)]
    return "." in between and not is_abbreviation(match["month"], vocab)


def shift_units(anchor: date, amount: int, unit: str, rule: str, vocab: TimexVocabulary) -> Resolved | None:
    """`amount` vocabulary units ("fortnight", "decade") from anchor, through their base unit;
    None when the result leaves the calendar ("10000 years after")."""
    base, multiplier = vocab.units[unit]
    return shift(anchor, amount * multiplier, base, rule)


def past_period(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    amount = number_value(match["n"], vocab) if match.groupdict().get("n") else 1
    unit = unit_of(match["unit"], vocab)
    if amount is None or unit is None:
        return None
    base, multiplier = vocab.units[unit]
    start = since(pub, amount * multiplier, base)
    if start is None:
        return None
    return Resolved(start, pub, precision_of_span(start, pub), "past_period")


def ago(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    amount, unit = number_value(match["n"], vocab), unit_of(match["unit"], vocab)
    if amount is None or unit is None:
        return None
    return shift_units(pub, -amount, unit, "ago", vocab)


def relative_day(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    offsets = vocab.day_offsets.get(normalise(match["word"]))
    if offsets is None:
        return None
    first, last = pub + timedelta(days=offsets[0]), pub + timedelta(days=offsets[1])
    return Resolved(first, last, precision_of_span(first, last), "relative_day")


def month_part(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    month = vocab.months[normalise(match["month"])]
    first, last = vocab.month_parts[normalise(match["part"])]
    year = int(match["year"]) if match["year"] else month_year(pub, month, "", future)
    end_day = min(last, calendar.monthrange(year, month)[1])
    start, end = date(year, month, min(first, end_day)), date(year, month, end_day)
    return Resolved(start, end, precision_of_span(start, end), "month_part")


def year_part(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    first, last = vocab.year_parts[normalise(match["part"])]
    if match["year"]:
        year = int(match["year"])
    else:
        rel = normalise(match["rel"])
        year = pub.year + (vocab.period_qualifiers[rel][0] if rel in vocab.period_qualifiers else 0)
    # Known to within the year; the interval narrows it to the part.
    return Resolved(date(year, first, 1), month_end(year, last), "year", "year_part")


def period(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    offset, part = vocab.period_qualifiers[normalise(match["which"])]
    resolved = calendar_period(pub, match["unit"].lower(), offset, "period")
    if part == "to_publication":
        return Resolved(resolved.date, pub, resolved.precision, "period")
    if part == "from_publication":
        return Resolved(pub, resolved.date_end, resolved.precision, "period")
    return resolved


def weekend_days(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["qual"] and not match["prep"]:
        return None  # "the weekend edition": no particular weekend
    choice = vocab.weekend_qualifiers.get(normalise(match["qual"] or ""), "recent")
    saturday, sunday = weekend(pub, choice, future)
    return Resolved(saturday, sunday, "day", "weekend")


def weekday_name(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["weekday"][0].isupper():
        return None
    number = vocab.weekdays[normalise(match["weekday"])]
    day = weekday_date(pub, number, (match["qual"] or "").lower(), future)
    return Resolved(day, day, "day", "weekday")


def holiday(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["name"][0].isupper():
        return None  # a holiday is a proper name
    qualifier = normalise(match["qual"] or "")
    if not qualifier and not match["year"]:
        return None
    month, day_number = vocab.holidays[normalise(match["name"])]
    if match["year"]:
        year = int(match["year"])
    elif qualifier in ("last", "next"):
        step = -1 if qualifier == "last" else 1
        year = pub.year
        while not _valid(year, month, day_number) or (date(year, month, day_number) - pub).days * step <= 0:
            year += step
    elif qualifier == "this":
        year = pub.year
    else:
        year = closest_year(pub, month, day_number)
    if not _valid(year, month, day_number):
        return None
    day = date(year, month, day_number)
    return Resolved(day, day, "day", "holiday")


def _valid(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def decade(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    """ "the 1990s", "the late '80s", "the early 2000s"; "the 1800s" is the century. A two-digit
    decade needs "the" or a part ("early 90s"), and none after a possessive: "in his late 30s" is
    an age."""
    first, last = vocab.decade_parts.get(normalise(match["part"] or ""), (0, 9))
    if match["decade"]:
        start = int(match["decade"])
        # "the 1800s", "the 1900s": the century once it has ended; "the 2000s" in a 2021 article
        # is the decade 2000-2009, as news uses it
        if start % 100 == 0 and start + 99 < pub.year:
            first_year, last_year = start + first * 10, start + last * 10 + 9
            return Resolved(date(first_year, 1, 1), date(last_year, 12, 31), "year", "century")
    elif match["the"] or (match["part"] and not _after_possessive(match, vocab)):
        short = int(match["short"])
        start = (pub.year // 100) * 100 + short
        if start > pub.year:
            start -= 100
    else:
        return None
    return Resolved(date(start + first, 1, 1), date(start + last, 12, 31), "year", "decade")


def _after_possessive(match: re.Match[str], vocab: TimexVocabulary) -> bool:
    before = match.string[max(0, match.start() - _POSSESSIVE_WINDOW) : match.start()].split()
    return bool(before) and normalise(before[-1]) in vocab.possessives


def iso_date(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return IMPOSSIBLE  # "2021-02-30"
    return Resolved(day, day, "day", "iso_date")


def month_day(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    """ "June 3", "3 June 2021". A date naming no real day is IMPOSSIBLE when it can only be a date
    (the day first, or a year given: "29 February 2021"); "in June 31 people died" is a count after
    a month, which the month rule then reads."""
    if not match["month"][0].isupper() or dot_ends_sentence(match, vocab, "day"):
        return None
    month = vocab.months[normalise(match["month"])]
    day_number = int(match["day"])
    year = int(match["year"]) if match["year"] else closest_year(pub, month, day_number)
    try:
        day = date(year, month, day_number)
    except ValueError:
        day_first = match.start("day") < match.start("month")
        return IMPOSSIBLE if day_first or match["year"] else None
    return Resolved(day, day, "day", "month_day")


def bare_month(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    if not match["prep"] and not match["year"]:
        return None  # a bare "May" is usually the verb
    if not match["year"] and day_follows(match, vocab):
        return None  # "on Jan. 5": the month_day rule reads the day
    number = vocab.months[normalise(match["month"])]
    prep = (match["prep"] or "").lower()
    year = int(match["year"]) if match["year"] else month_year(pub, number, prep, future)
    return Resolved(date(year, number, 1), month_end(year, number), "month", "month")


def bare_year(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    number = int(match["year"])
    return Resolved(date(number, 1, 1), date(number, 12, 31), "year", "year")

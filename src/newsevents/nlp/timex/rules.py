"""Temporal expressions found by pattern and resolved against the publication date.

Our own rules first (dateparser misses "last 24 hours" and "early May", and reads "Thursday" in a
Thursday article as the week before); dateparser then resolves the explicit dates the model tags
that no rule covers. Every resolution is an interval [date, date_end] with a precision. The
patterns are built from a TimexVocabulary (the packaged words plus the user's files).
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsevents.nlp.timex import ranges
from newsevents.nlp.timex.intervals import (
    WEEK_HALF_WIDTH,
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
from newsevents.nlp.timex.vocabulary import TimexVocabulary, load_vocabulary, normalise

__all__ = [
    "WEEK_HALF_WIDTH",
    "Found",
    "Resolved",
    "find",
    "number_value",
    "parse_explicit",
    "shift",
    "shift_units",
    "unit_of",
    "weekday_date",
]

YEAR = r"(?:1[89]|20)\d\d"
_ORDINAL = r"(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# Words before a holiday name that make it a date: without one (or a year after it) the name is
# usually a modifier ("Christmas shopping", "Merry Christmas"). Seen on the PolNeAR corpus sample.
_HOLIDAY_LEADS = r"last|this|next|on|at|over|before|after|since|until|till|by|during|around|from|through"
_NOTHING = r"(?!x)x"  # the alternation of an emptied vocabulary section: matches nothing
_BASE_PRECISION = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # character offsets into the searched text
    end: int
    resolved: Resolved


def _alternatives(words: Any) -> str:
    """A regex alternation of vocabulary phrases, longest first; any whitespace between words,
    either apostrophe."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True)) or _NOTHING


def number_value(word: str, vocab: TimexVocabulary | None = None) -> int | None:
    word = normalise(word)
    if word.isdigit():
        return int(word)
    return (vocab or load_vocabulary()).numbers.get(word)


def unit_of(word: str, vocab: TimexVocabulary | None = None) -> str | None:
    """ "weeks" -> "week" (the vocabulary's unit key), or None."""
    word = normalise(word)
    units = (vocab or load_vocabulary()).units
    for candidate in (word, word[:-1] if word.endswith("s") else word):
        if candidate in units:
            return candidate
    return None


def shift_units(
    anchor: date, amount: int, unit: str, rule: str, vocab: TimexVocabulary | None = None
) -> Resolved:
    """`amount` vocabulary units ("fortnight", "decade") from anchor, through their base unit."""
    base, multiplier = (vocab or load_vocabulary()).units[unit]
    return shift(anchor, amount * multiplier, base, rule)


Resolver = Callable[[re.Match[str], date, bool, TimexVocabulary], Resolved | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern. `lower` searches the lower-cased text (2-3 times faster than IGNORECASE on the
    PolNeAR corpus sample); `cased` re-reads a hit on the original text for the resolver, which
    tells months from the verb "may" by case. A text holding none of the `needles` (lower-case
    substrings every match contains; none: always searched) is not searched at all."""

    name: str
    lower: re.Pattern[str]
    cased: re.Pattern[str]
    resolver: Resolver
    needles: tuple[str, ...]


@functools.cache
def patterns(vocab: TimexVocabulary) -> tuple[Rule, ...]:
    """The rules built from a vocabulary, in priority order (first wins among equal matches)."""
    numbers = _alternatives(vocab.numbers) + r"|\d+"
    units = _alternatives(vocab.units)
    months = _alternatives(vocab.months)
    weekdays = _alternatives(vocab.weekdays)
    parts = _alternatives(vocab.month_parts)
    year_parts = _alternatives(vocab.year_parts)
    days = _alternatives(vocab.day_offsets)
    preps = _alternatives(vocab.date_prepositions)
    holidays = _alternatives(vocab.holidays)
    period_prep = r"(?:in|over|during|within|for)\s+"
    period_lead = rf"(?:{period_prep})?"
    night_of = rf"(?:the\s+{_PART_OF_DAY}\s+of\s+)?"
    compiled = [
        (
            "past_period",
            rf"\b{period_lead}(?:the\s+)?(?:last|past|previous)\s+(?P<n>{numbers})\s+(?P<unit>{units})s?\b",
            _past_period,
        ),
        # "in the past week": one unit up to publication ("last week" alone is the calendar week;
        # "the last day" without a preposition is often "the last day I took off")
        (
            "past_period",
            rf"\b(?:{period_prep}the\s+(?:last|past|previous)|the\s+past)\s+(?P<unit>{units})\b(?!\s+of\b)",
            _past_period,
        ),
        ("ago", rf"\b(?P<n>{numbers})\s+(?P<unit>{units})s?\s+ago\b", _ago),
        ("relative_day", rf"\b(?P<word>{days})\b", _relative_day),
        (
            "month_part",
            rf"\b(?:the\s+)?(?P<part>{parts})[\s-]*(?P<month>{months})\.?(?:,?\s+(?P<year>{YEAR}))?\b",
            _month_part,
        ),
        (
            "year_part",
            rf"\b(?P<part>{year_parts})[\s-]*(?:(?P<year>{YEAR})\b(?!['\u2019]?s\b)|(?P<rel>last|this|next|the)\s+year\b)",
            _year_part,
        ),
        (
            "period",
            r"\b(?P<which>last|this|next|earlier\s+this|later\s+this|this\s+past)\s+(?P<unit>week|month|year)\b",
            _period,
        ),
        (
            "weekend",
            r"\b(?:(?P<prep>over|on|at|during|in|throughout)\s+)?(?:the\s+)?"
            r"(?:(?P<qual>last|this\s+past|this|next|past)\s+)?weekend\b",
            _weekend,
        ),
        (
            "weekday",
            rf"\b(?:(?P<qual>last|this|next|past|on)\s+)?(?P<weekday>{weekdays})(?:\s+{_PART_OF_DAY})?\b",
            _weekday,
        ),
        (
            "holiday",
            rf"\b(?:(?P<qual>{_HOLIDAY_LEADS})\s+)?(?P<name>{holidays})(?:,?\s+(?P<year>{YEAR})\b)?(?!\w)",
            _holiday,
        ),
        (
            "decade",
            r"(?<![\w'\u2019])(?P<the>the\s+)?(?:(?P<part>early|mid|late)[\s-]*)?"
            r"(?:(?P<decade>(?:1[89]|20)\d0)|['\u2019]?(?P<short>\d0))['\u2019]?s\b",
            _decade,
        ),
        ("iso_date", rf"\b(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)", _iso_date),
        (
            "day_range",
            rf"\b(?:(?P<lead>between|from)\s+)?(?P<d1>[0-3]?\d){_ORDINAL}\s*(?P<conn>{ranges.CONNECTORS})\s*"
            rf"(?P<d2>[0-3]?\d){_ORDINAL}\s+(?:of\s+)?(?P<month>{months})\.?(?:,?\s+(?P<year>{YEAR}))?\b",
            ranges.resolve_day_range,
        ),
        (
            "day_range",
            rf"\b(?:(?P<lead>between|from)\s+)?(?P<month>{months})\.?\s+(?P<d1>[0-3]?\d){_ORDINAL}\s*"
            rf"(?P<conn>{ranges.CONNECTORS})\s*(?P<d2>[0-3]?\d){_ORDINAL}\b(?!\s*(?::|\.\d|{months}))(?:,?\s+(?P<year>{YEAR})\b)?",
            ranges.resolve_day_range,
        ),
        (
            "year_range",
            rf"\b(?:(?P<lead>between|from|in|during|since)\s+)?(?P<y1>{YEAR})\s*(?P<conn>{ranges.CONNECTORS})\s*"
            rf"(?P<y2>{YEAR}|\d\d)\b(?!-\d)",
            ranges.resolve_year_range,
        ),
        (
            "day_month",
            rf"\b{night_of}(?P<day>[0-3]?\d){_ORDINAL}\s+(?:of\s+)?(?P<month>{months})\.?(?:,?\s+(?P<year>{YEAR}))?\b",
            _month_day,
        ),
        (
            "month_day",
            rf"\b{night_of}(?P<month>{months})\.?\s+(?P<day>[0-3]?\d){_ORDINAL}\b(?:,?\s+(?P<year>{YEAR})\b)?",
            _month_day,
        ),
        (
            "month",
            rf"\b(?:(?P<prep>{preps})\s+)?(?P<month>{months})\.?(?!\s+[0-3]?\d{_ORDINAL}\b)(?:,?\s+(?P<year>{YEAR}))?\b",
            _month,
        ),
        ("year", rf"\b(?P<prep>{preps})\s+(?P<year>{YEAR})\b(?!['\u2019]?s\b)", _year),
    ]
    needles = {
        "past_period": ("last", "past", "previous"),
        "ago": ("ago",),
        "relative_day": _needles(vocab.day_offsets),
        "month_part": _needles(vocab.month_parts),
        "year_part": _needles(vocab.year_parts),
        "period": ("week", "month", "year"),
        "weekend": ("weekend",),
        "weekday": _needles(vocab.weekdays),
        "holiday": _needles(vocab.holidays),
        "decade": ("0s", "0's", "0\u2019s"),
        "iso_date": ("-",),
    }
    return tuple(
        Rule(name, re.compile(regex), re.compile(regex, re.I), resolver, needles.get(name, ()))
        for name, regex, resolver in compiled
    )


def _needles(phrases: Any) -> tuple[str, ...]:
    """The longest word of each phrase: every match of the phrase contains it."""
    words = {max(phrase.replace("'", " ").split(), key=len) for phrase in phrases}
    return tuple(sorted(words)) or ("\0",)  # an emptied section: a needle no text holds


def _past_period(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    amount = number_value(match["n"], vocab) if match.groupdict().get("n") else 1
    unit = unit_of(match["unit"], vocab)
    if amount is None or unit is None:
        return None
    base, multiplier = vocab.units[unit]
    return Resolved(since(pub, amount * multiplier, base), pub, _BASE_PRECISION[base], "past_period")


def _ago(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    amount, unit = number_value(match["n"], vocab), unit_of(match["unit"], vocab)
    if amount is None or unit is None:
        return None
    return shift_units(pub, -amount, unit, "ago", vocab)


def _relative_day(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    offsets = vocab.day_offsets.get(normalise(match["word"]))
    if offsets is None:
        return None
    first, last = pub + timedelta(days=offsets[0]), pub + timedelta(days=offsets[1])
    return Resolved(first, last, precision_of_span((last - first).days), "relative_day")


def _month_part(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    month = vocab.months[normalise(match["month"])]
    first, last = vocab.month_parts[normalise(match["part"])]
    year = int(match["year"]) if match["year"] else month_year(pub, month, "", future)
    end = min(last, calendar.monthrange(year, month)[1])
    start = min(first, end)
    precision = "week" if end - start < 7 else "month"
    return Resolved(date(year, month, start), date(year, month, end), precision, "month_part")


def _year_part(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    first, last = vocab.year_parts[normalise(match["part"])]
    if match["year"]:
        year = int(match["year"])
    else:
        year = pub.year + {"last": -1, "next": 1}.get(match["rel"].lower(), 0)
    # Known to within the year; the interval narrows it to the part.
    return Resolved(date(year, first, 1), month_end(year, last), "year", "year_part")


def _period(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    which = " ".join(match["which"].lower().split())
    unit = match["unit"].lower()
    offset = {"last": -1, "this past": -1, "next": 1}.get(which, 0)
    resolved = calendar_period(pub, unit, offset, "period")
    if which == "earlier this":
        return Resolved(resolved.date, pub, resolved.precision, "period")
    if which == "later this":
        return Resolved(pub, resolved.date_end, resolved.precision, "period")
    return resolved


def _weekend(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    qualifier = " ".join((match["qual"] or "").lower().split())
    if not qualifier and not match["prep"]:
        return None  # "the weekend edition": no particular weekend
    qualifier = "" if qualifier in ("past", "this past") else qualifier
    saturday, sunday = weekend(pub, qualifier, future)
    return Resolved(saturday, sunday, "day", "weekend")


def _weekday(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["weekday"][0].isupper():
        return None
    weekday = vocab.weekdays[normalise(match["weekday"])]
    day = weekday_date(pub, weekday, (match["qual"] or "").lower(), future)
    return Resolved(day, day, "day", "weekday")


def _holiday(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["name"][0].isupper():
        return None  # a holiday is a proper name
    qualifier = (match["qual"] or "").lower()
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


def _decade(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if match["decade"]:
        start = int(match["decade"])
    elif match["the"] or match["part"]:  # "the 90s"; bare "90s" is often an age ("in his 90s")
        short = int(match["short"])
        start = (pub.year // 100) * 100 + short
        if start > pub.year:
            start -= 100
    else:
        return None
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((match["part"] or "").lower(), (0, 9))
    return Resolved(date(start + first, 1, 1), date(start + last, 12, 31), "year", "decade")


def _iso_date(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return Resolved(day, day, "day", "iso_date")


def _month_day(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    month = vocab.months[normalise(match["month"])]
    day_number = int(match["day"])
    year = int(match["year"]) if match["year"] else closest_year(pub, month, day_number)
    try:
        day = date(year, month, day_number)
    except ValueError:
        return None
    return Resolved(day, day, "day", "month_day")


def _month(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    if not match["month"][0].isupper():
        return None
    if not match["prep"] and not match["year"]:
        return None  # a bare "May" is usually the verb
    month = vocab.months[normalise(match["month"])]
    prep = (match["prep"] or "").lower()
    year = int(match["year"]) if match["year"] else month_year(pub, month, prep, future)
    return Resolved(date(year, month, 1), month_end(year, month), "month", "month")


def _year(match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary) -> Resolved | None:
    year = int(match["year"])
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", "year")


def find(
    text: str,
    pub: date,
    future_at: Callable[[int], bool] | None = None,
    vocab: TimexVocabulary | None = None,
) -> list[Found]:
    """Non-overlapping expressions in text, earliest first (the longest where several start together);
    two dates joined by "to", "until" or a dash become one range ("June 30 - July 2").

    `future_at(char_offset)` tells whether the clause at that offset speaks of the future.
    """
    vocab = vocab or load_vocabulary()
    matches: list[tuple[int, int, int, re.Match[str], Resolver]] = []
    lower = text.lower()
    same_offsets = len(lower) == len(text)  # a few characters lower-case to two ("\u0130")
    for order, rule in enumerate(patterns(vocab)):
        if rule.needles and not any(needle in lower for needle in rule.needles):
            continue  # cheap: most texts hold no weekend, holiday or decade
        hits = rule.lower.finditer(lower) if same_offsets else rule.cased.finditer(text)
        for hit in hits:
            match = rule.cased.match(text, hit.start()) if same_offsets else hit
            if match is not None and match.end() == hit.end() > hit.start():
                matches.append((match.start(), match.end(), order, match, rule.resolver))
    # Earliest first, then longest, then the pattern listed first (year_part before year).
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0]), m[2]))
    out: list[Found] = []
    covered_until = -1
    for start, end, _order, match, resolver in matches:
        if start < covered_until:
            continue
        future = bool(future_at(start)) if future_at else False
        resolved = resolver(match, pub, future, vocab)
        if resolved is None:
            continue
        out.append(Found(start, end, resolved))
        covered_until = end
    return [
        Found(start, end, resolved)
        for start, end, resolved in ranges.join_ranges(text, _spans(out), vocab.rescheduling_words)
    ]


def _spans(found: list[Found]) -> list[tuple[int, int, Resolved]]:
    return [(item.start, item.end, item.resolved) for item in found]


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
        return Resolved(day.replace(day=1), month_end(day.year, day.month), "month", "dateparser")
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return Resolved(monday, monday + timedelta(days=6), "week", "dateparser")
    return Resolved(day, day, "day", "dateparser")


def _as_datetime(day: date) -> Any:
    from datetime import datetime

    return datetime(day.year, day.month, day.day, 12, 0)

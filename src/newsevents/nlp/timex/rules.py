"""Temporal expressions found by pattern and resolved against the publication date.

Our own rules first (dateparser misses "last 24 hours" and "early May", and reads "Thursday" in a
Thursday article as the week before); dateparser then resolves the explicit dates the model tags
that no rule covers. Every resolution is an interval [date, date_end] with a precision. The
patterns are built from a TimexVocabulary (the packaged words plus the user's files).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsevents.nlp.timex import ranges, resolvers, vocabulary
from newsevents.nlp.timex.intervals import (
    IMPOSSIBLE,
    WEEK_HALF_WIDTH,
    Resolved,
    month_end,
    shift,
    weekday_date,
)
from newsevents.nlp.timex.patterns import patterns
from newsevents.nlp.timex.resolvers import Resolver
from newsevents.nlp.timex.vocabulary import TimexVocabulary, load_vocabulary

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


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # character offsets into the searched text
    end: int
    resolved: Resolved


def number_value(word: str, vocab: TimexVocabulary | None = None) -> int | None:
    """ "two" or "2" -> 2 with the packaged words (or `vocab`); None for a word that is no count."""
    return vocabulary.number_value(word, vocab or load_vocabulary())


def unit_of(word: str, vocab: TimexVocabulary | None = None) -> str | None:
    """ "weeks" -> "week" (the vocabulary's unit key), or None."""
    return vocabulary.unit_of(word, vocab or load_vocabulary())


def shift_units(
    anchor: date, amount: int, unit: str, rule: str, vocab: TimexVocabulary | None = None
) -> Resolved | None:
    """`amount` vocabulary units ("fortnight", "decade") from anchor; None off the calendar."""
    return resolvers.shift_units(anchor, amount, unit, rule, vocab or load_vocabulary())


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
        resolved = _resolve(resolver, match, pub, future, vocab)
        if resolved is None:
            continue
        covered_until = end
        if resolved is not IMPOSSIBLE:  # "29 February 2021": claimed, so "February 2021" is not read
            out.append(Found(start, end, resolved))
    return [
        Found(start, end, resolved)
        for start, end, resolved in ranges.join_ranges(text, _spans(out), vocab.rescheduling_words)
    ]


def _resolve(
    resolver: Resolver, match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary
) -> Resolved | None:
    """A resolver's answer; None when the date it computes leaves the calendar (years 1-9999: an
    article dated near either end, or a count no calendar holds), so one odd number in a text never
    stops the analysis of its document."""
    try:
        return resolver(match, pub, future, vocab)
    except (ValueError, OverflowError):
        return None


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

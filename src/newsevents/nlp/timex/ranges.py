"""Date ranges: "June 3-5", "between 2 and 4 May", "from 2019 to 2021", and two dates joined by a
connector ("June 30 - July 2", "from 30 June until 2 July") merged into one interval."""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import TYPE_CHECKING

from newsevents.nlp.timex.intervals import Resolved, closest_year, month_end
from newsevents.nlp.timex.resolvers import dot_ends_sentence

if TYPE_CHECKING:
    from newsevents.nlp.timex.vocabulary import TimexVocabulary

# What joins the two ends of a range. "and" only after "between" ("May 2 and 4" names two days).
CONNECTORS = r"-|\u2013|\u2014|to|and|until|till|through|thru"
_WORD_CONNECTORS = frozenset({"to", "and", "until", "till", "through", "thru"})
_GAP = re.compile(rf"\s*(?P<conn>{CONNECTORS})\s*", re.I)
_LEAD = re.compile(r"\b(?P<lead>between|from)\s+$", re.I)
_EXPLICIT_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MAX_JOINED_DAYS = 62  # two dates further apart are a list, not one event's span
_RESCHEDULING_WINDOW = 60  # characters before a range searched for "postponed", "moved", ...


@functools.cache
def _rescheduling_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def rescheduled(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether a rescheduling verb precedes `start` closely ("postponed from June 3 to June 10"
    names the old and the new date, not a span)."""
    pattern = _rescheduling_pattern(words)
    return (
        pattern is not None and pattern.search(text, max(0, start - _RESCHEDULING_WINDOW), start) is not None
    )


def _allowed(lead: str | None, conn: str) -> bool:
    """ "and" only after "between"; "between" only with "and"."""
    lead, conn = (lead or "").lower(), conn.lower()
    if conn == "and":
        return lead == "between"
    return lead != "between"


def resolve_day_range(
    match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary
) -> Resolved | None:
    """ "June 3-5", "3 to 5 June", "between 2 and 4 May" (one month, optional year)."""
    if not match["month"][0].isupper() or not _allowed(match["lead"], match["conn"]):
        return None
    if match.start("month") < match.start("d1") and dot_ends_sentence(match, vocab, "d1"):
        return None  # "in October. 12-14 people"
    if rescheduled(match.string, match.start(), vocab.rescheduling_words):
        return None
    month = vocab.months[" ".join(match["month"].lower().split())]
    first, last = int(match["d1"]), int(match["d2"])
    if first >= last:
        return None
    year = int(match["year"]) if match["year"] else closest_year(pub, month, first)
    try:
        return Resolved(date(year, month, first), date(year, month, last), "day", "day_range")
    except ValueError:
        return None


def resolve_year_range(
    match: re.Match[str], pub: date, future: bool, vocab: TimexVocabulary
) -> Resolved | None:
    """ "from 2019 to 2021", "between 2015 and 2018", "in 2019-20", "the 1999-00 season".

    A two-digit second end is read by one rule: the year after the first ("2019-20", "1999-00":
    seasons and fiscal years, across a century) is a range; after "from" any later year of the
    same century is; otherwise a dash and 01-12 is a year and month ("2001-09": September 2001,
    ISO style), and a later two-digit year a range ("1990-95")."""
    lead, conn = (match["lead"] or "").lower(), match["conn"].lower()
    if not _allowed(lead if lead in ("between", "from") else None, conn):
        return None
    if conn in _WORD_CONNECTORS and lead not in ("between", "from"):
        return None  # "in 2019 to ..." reads as a year then something else
    if rescheduled(match.string, match.start(), vocab.rescheduling_words):
        return None
    first = int(match["y1"])
    y2 = match["y2"]
    if len(y2) == 4:
        last = int(y2)
    elif int(y2) == (first + 1) % 100:
        last = first + 1
    elif lead in ("from", "between") or not 1 <= int(y2) <= 12:
        last = first // 100 * 100 + int(y2)
    elif conn in ("-", "\u2013", "\u2014"):
        month = int(y2)
        return Resolved(date(first, month, 1), month_end(first, month), "month", "year_month")
    else:
        return None
    if last <= first:
        return None
    return Resolved(date(first, 1, 1), date(last, 12, 31), "year", "year_range")


def join_ranges(
    text: str, found: list[tuple[int, int, Resolved]], rescheduling_words: frozenset[str] = frozenset()
) -> list[tuple[int, int, Resolved]]:
    """Merges neighbouring single-day dates joined by a connector into one day-precision range."""
    out: list[tuple[int, int, Resolved]] = []
    for start, end, resolved in found:
        if out and not rescheduled(text, out[-1][0], rescheduling_words):
            joined = _join(text, out[-1], (start, end, resolved))
            if joined is not None:
                out[-1] = joined
                continue
        out.append((start, end, resolved))
    return out


def _join(
    text: str, left: tuple[int, int, Resolved], right: tuple[int, int, Resolved]
) -> tuple[int, int, Resolved] | None:
    l_start, l_end, first = left
    r_start, r_end, second = right
    gap = _GAP.fullmatch(text, l_end, r_start)
    if gap is None or not _single_day(first) or not _single_day(second):
        return None
    lead = _LEAD.search(text, max(0, l_start - 10), l_start)
    if not _allowed(lead["lead"] if lead else None, gap["conn"]):
        return None
    start_day: date | None = first.date
    if _EXPLICIT_YEAR.search(text, r_start, r_end) and not _EXPLICIT_YEAR.search(text, l_start, l_end):
        # "June 30 - July 2, 2020", "30 December to 2 January 2020": the year given is the second
        # end's; the first end lies in it or in the year before
        start_day = _same_day_in(first.date, second.date.year)
        if start_day is not None and start_day > second.date:
            start_day = _same_day_in(first.date, second.date.year - 1)
    if start_day is None or not 0 < (second.date - start_day).days <= _MAX_JOINED_DAYS:
        return None
    begin = lead.start() if lead else l_start
    return begin, r_end, Resolved(start_day, second.date, "day", "date_range")


def _single_day(resolved: Resolved) -> bool:
    return resolved.precision == "day" and resolved.date == resolved.date_end


def _same_day_in(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:
        return None

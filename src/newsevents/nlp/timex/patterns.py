"""The regular expressions of the time rules, built from a TimexVocabulary (the packaged words plus
the user's files), each paired with the resolver that says what a match means."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from newsevents.nlp.timex import ranges, resolvers
from newsevents.nlp.timex.resolvers import Resolver
from newsevents.nlp.timex.vocabulary import TimexVocabulary

YEAR = r"(?:1[89]|20)\d\d"
_ORDINAL = r"(?:st|nd|rd|th)?"
_NOTHING = r"(?!x)x"  # the alternation of an emptied vocabulary section: matches nothing


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


def alternatives(words: Any) -> str:
    """A regex alternation of vocabulary phrases, longest first; any whitespace between words,
    either apostrophe."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True)) or _NOTHING


@functools.cache
def patterns(vocab: TimexVocabulary) -> tuple[Rule, ...]:
    """The rules built from a vocabulary, in priority order (first wins among equal matches)."""
    numbers = alternatives(vocab.numbers) + r"|\d+"
    units = alternatives(vocab.units)
    months = alternatives(vocab.months)
    weekdays = alternatives(vocab.weekdays)
    parts = alternatives(vocab.month_parts)
    year_parts = alternatives(vocab.year_parts)
    decade_parts = alternatives(vocab.decade_parts)
    days = alternatives(vocab.day_offsets)
    preps = alternatives(vocab.date_prepositions)
    holidays = alternatives(vocab.holidays)
    holiday_leads = alternatives(vocab.holiday_leads)
    parts_of_day = alternatives(vocab.parts_of_day)
    period_words = alternatives(vocab.period_qualifiers)
    # "the end of last year": the qualifiers naming a whole calendar year
    whole_year = alternatives([w for w, (_n, part) in vocab.period_qualifiers.items() if part == "whole"])
    weekend_words = alternatives(vocab.weekend_qualifiers)
    period_prep = r"(?:in|over|during|within|for)\s+"
    period_lead = rf"(?:{period_prep})?"
    night_of = rf"(?:the\s+(?:{parts_of_day})\s+of\s+)?"
    compiled = [
        (
            "past_period",
            rf"\b{period_lead}(?:the\s+)?(?:last|past|previous)\s+(?P<n>{numbers})\s+(?P<unit>{units})s?\b",
            resolvers.past_period,
        ),
        # "in the past week": one unit up to publication ("last week" alone is the calendar week;
        # "the last day" without a preposition is often "the last day I took off")
        (
            "past_period",
            rf"\b(?:{period_prep}the\s+(?:last|past|previous)|the\s+past)\s+(?P<unit>{units})\b(?!\s+of\b)",
            resolvers.past_period,
        ),
        ("ago", rf"\b(?P<n>{numbers})\s+(?P<unit>{units})s?\s+ago\b", resolvers.ago),
        ("relative_day", rf"\b(?P<word>{days})\b", resolvers.relative_day),
        (
            "month_part",
            rf"\b(?:the\s+)?(?P<part>{parts})[\s-]*(?P<month>{months})\.?(?:,?\s+(?P<year>{YEAR}))?\b",
            resolvers.month_part,
        ),
        (
            "year_part",
            rf"\b(?P<part>{year_parts})[\s-]*(?:(?P<year>{YEAR})\b(?!['\u2019]?s\b)"
            rf"|(?P<rel>{whole_year}|the)\s+year\b)",
            resolvers.year_part,
        ),
        ("period", rf"\b(?P<which>{period_words})\s+(?P<unit>week|month|year)\b", resolvers.period),
        (
            "weekend",
            r"\b(?:(?P<prep>over|on|at|during|in|throughout)\s+)?(?:the\s+)?"
            rf"(?:(?P<qual>{weekend_words})\s+)?weekend\b",
            resolvers.weekend_days,
        ),
        (
            "weekday",
            rf"\b(?:(?P<qual>last|this|next|past|on)\s+)?(?P<weekday>{weekdays})(?:\s+(?:{parts_of_day}))?\b",
            resolvers.weekday_name,
        ),
        (
            "holiday",
            rf"\b(?:(?P<qual>{holiday_leads})\s+)?(?P<name>{holidays})(?:,?\s+(?P<year>{YEAR})\b)?(?!\w)",
            resolvers.holiday,
        ),
        (
            "decade",
            rf"(?<![\w'\u2019])(?P<the>the\s+)?(?:(?P<part>{decade_parts})[\s-]*)?"
            r"(?:(?P<decade>(?:1[89]|20)\d0)|['\u2019]?(?P<short>\d0))['\u2019]?s\b",
            resolvers.decade,
        ),
        ("iso_date", rf"\b(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)", resolvers.iso_date),
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
            resolvers.month_day,
        ),
        (
            "month_day",
            rf"\b{night_of}(?P<month>{months})\.?\s+(?P<day>[0-3]?\d){_ORDINAL}\b(?:,?\s+(?P<year>{YEAR})\b)?",
            resolvers.month_day,
        ),
        (
            "month",
            rf"\b(?:(?P<prep>{preps})\s+)?(?P<month>{months})\.?(?:,?\s+(?P<year>{YEAR}))?\b",
            resolvers.bare_month,
        ),
        # not the start of a range, year-month or ISO date ("of 2001-09": the year_range rule reads it)
        ("year", rf"\b(?P<prep>{preps})\s+(?P<year>{YEAR})\b(?!['\u2019]?s\b|-\d)", resolvers.bare_year),
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

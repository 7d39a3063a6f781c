"""Counts no calendar holds ("3000 years ago" from 2024, "100000 weeks ago") give no timex instead
of raising: one odd number must not stop the analysis of its document."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.mentions import EventMention
from newsevents.nlp.timex import rules
from newsevents.nlp.timex.event_time import event_timex
from newsevents.nlp.timex.intervals import shift, since

LEAP_DAY = date(2024, 2, 29)
FIRST_YEAR = date(1, 1, 1)
LAST_YEAR = date(9999, 12, 30)


@pytest.mark.parametrize(
    ("pub", "text"),
    [
        (LEAP_DAY, "It happened 3000 years ago."),
        (LEAP_DAY, "Prices rose over the past 3000 years."),
        (LEAP_DAY, "Prices rose in the past 99999 months."),
        (LEAP_DAY, "It happened 99999999999 days ago."),
        (LEAP_DAY, "It happened 200000 weeks ago."),
        (FIRST_YEAR, "It happened 100000 weeks ago."),
        (FIRST_YEAR, "Prices rose last year."),
        (FIRST_YEAR, "The house was built in the late 30s."),
        (FIRST_YEAR, "They met the day before yesterday."),
        (LAST_YEAR, "Talks resume next year."),
        (LAST_YEAR, "Talks resume the day after tomorrow."),
    ],
)
def test_off_calendar_counts_give_no_timex(pub, text):
    assert rules.find(text, pub) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("It happened 3 years ago.", "2021-01-01"),  # the same forms within the calendar still resolve
        ("Prices rose over the past 30 years.", "1994-03-01"),
    ],
)
def test_counts_within_the_calendar_still_resolve(text, start):
    (item,) = rules.find(text, LEAP_DAY)
    assert item.resolved.date.isoformat() == start


@pytest.mark.parametrize(
    ("amount", "unit"),
    [(-3000, "year"), (-99999, "month"), (-200000, "week"), (-99999999999, "day"), (10000, "year")],
)
def test_shift_off_the_calendar_is_none(amount, unit):
    assert shift(LEAP_DAY, amount, unit, "test") is None


@pytest.mark.parametrize(("amount", "unit"), [(3000, "year"), (99999, "month"), (99999999999, "day")])
def test_since_off_the_calendar_is_none(amount, unit):
    assert since(LEAP_DAY, amount, unit) is None


def test_since_a_leap_day_years_back_is_the_day_after_february_28():
    assert since(LEAP_DAY, 1, "year") == date(2023, 3, 1)


def _relation_doc(count: str) -> Doc:
    # "It began COUNT years after troops left.": "left" measured COUNT years before "began"
    words = ["It", "began", count, "years", "after", "troops", "left", "."]
    heads = [1, 1, 3, 4, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "nummod", "npadvmod", "mark", "nsubj", "advcl", "punct"]
    pos = ["PRON", "VERB", "NUM", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(("count", "expected"), [("3", "2021-01-01"), ("10000", None), ("99999999999", None)])
def test_event_relation_off_the_calendar_gives_no_date(count, expected):
    doc = _relation_doc(count)
    event = EventMention(0, 6, 7, "RETREAT", None, [], [], [], "asserted", "test", 1.0)
    timex = event_timex(doc, event, [], date(2024, 2, 29))
    assert (timex.date if timex else None) == expected

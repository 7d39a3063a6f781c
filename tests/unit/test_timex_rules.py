"""Each form of temporal expression resolves against the publication date (2021-07-01, a Thursday)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules

PUB = date(2021, 7, 1)  # a Thursday


def resolve(text, pub=PUB, future=False):
    found = rules.find(text, pub, (lambda _offset: future))
    assert len(found) == 1, found
    item = found[0]
    return text[item.start : item.end], item.resolved


@pytest.mark.parametrize(
    ("text", "expression", "start", "end", "precision"),
    [
        # weekdays: the publication day itself, else the most recent one
        ("He left on Thursday for Moscow.", "on Thursday", "2021-07-01", "2021-07-01", "day"),
        ("He said Tuesday that talks failed.", "Tuesday", "2021-06-29", "2021-06-29", "day"),
        ("They met on Friday.", "on Friday", "2021-06-25", "2021-06-25", "day"),
        ("They met last Thursday.", "last Thursday", "2021-06-24", "2021-06-24", "day"),
        ("They will meet next Monday.", "next Monday", "2021-07-05", "2021-07-05", "day"),
        # days relative to publication
        ("He departed today morning.", "today morning", "2021-07-01", "2021-07-01", "day"),
        ("It happened yesterday.", "yesterday", "2021-06-30", "2021-06-30", "day"),
        ("Talks resume tomorrow.", "tomorrow", "2021-07-02", "2021-07-02", "day"),
        ("It happened two days ago.", "two days ago", "2021-06-29", "2021-06-29", "day"),
        ("It happened 3 weeks ago.", "3 weeks ago", "2021-06-07", "2021-06-13", "week"),
        # periods up to publication: N days ending on it; hours reach into the day before
        ("258 were killed in last 24 hours.", "in last 24 hours", "2021-06-30", "2021-07-01", "week"),
        (
            "Attacks rose over the past three days.",
            "over the past three days",
            "2021-06-29",
            "2021-07-01",
            "week",
        ),
        # calendar periods
        ("Prices rose last week.", "last week", "2021-06-21", "2021-06-27", "week"),
        ("Prices rose last month.", "last month", "2021-06-01", "2021-06-30", "month"),
        ("Prices rose last year.", "last year", "2020-01-01", "2020-12-31", "year"),
        ("Sales fell earlier this year.", "earlier this year", "2021-01-01", "2021-07-01", "year"),
        # parts of months: the most recent such month on or before publication
        ("Troops began leaving on early May.", "early May", "2021-05-01", "2021-05-10", "month"),
        ("Troops left in mid-June.", "mid-June", "2021-06-11", "2021-06-20", "month"),
        ("Troops arrived in late August.", "late August", "2020-08-21", "2020-08-31", "month"),
        # explicit dates
        ("The vote was on June 3.", "June 3", "2021-06-03", "2021-06-03", "day"),
        ("Published 1 Jul 2021 by staff.", "1 Jul 2021", "2021-07-01", "2021-07-01", "day"),
        ("Signed on March 5, 2019 in Doha.", "March 5, 2019", "2019-03-05", "2019-03-05", "day"),
        ("The law passed in May.", "in May", "2021-05-01", "2021-05-31", "month"),
        ("The war began in 2001.", "in 2001", "2001-01-01", "2001-12-31", "year"),
        ("Recorded 2021-06-15 at noon.", "2021-06-15", "2021-06-15", "2021-06-15", "day"),
    ],
)
def test_expression_resolves_to_interval(text, expression, start, end, precision):
    matched, resolved = resolve(text)
    assert matched == expression
    assert (resolved.date.isoformat(), resolved.date_end.isoformat(), resolved.precision) == (
        start,
        end,
        precision,
    )


def test_weekday_in_a_future_clause_is_the_coming_one():
    _text, resolved = resolve("They will meet on Monday.", future=True)
    assert resolved.date == date(2021, 7, 5)


@pytest.mark.parametrize(
    "text", ["You May go now.", "Officials may meet.", "A two-day trip.", "The 258 fighters."]
)
def test_words_that_are_not_dates_are_ignored(text):
    assert rules.find(text, PUB) == []


@pytest.mark.parametrize(
    ("amount", "unit", "start", "end", "precision"),
    [
        (-1, "day", "2021-06-30", "2021-06-30", "day"),
        (-1, "week", "2021-06-21", "2021-06-27", "week"),
        (-2, "month", "2021-05-01", "2021-05-31", "month"),
        (1, "year", "2022-01-01", "2022-12-31", "year"),
    ],
)
def test_shift_gives_the_unit_interval(amount, unit, start, end, precision):
    resolved = rules.shift(PUB, amount, unit, "test")
    assert (resolved.date.isoformat(), resolved.date_end.isoformat(), resolved.precision) == (
        start,
        end,
        precision,
    )


def test_dateparser_resolves_explicit_dates_no_rule_covers():
    resolved = rules.parse_explicit("07/01/2020", PUB)
    assert resolved is not None and resolved.date == date(2020, 7, 1) and resolved.rule == "dateparser"


def test_dateparser_is_not_asked_about_words_without_digits():
    assert rules.parse_explicit("a week", PUB) is None

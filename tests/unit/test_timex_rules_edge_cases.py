"""Edge cases of time resolution: year rollover, the publication weekday, decades, spans, ranges."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules

THURSDAY = date(2021, 7, 1)
MONDAY = date(2021, 7, 5)
JANUARY = date(2022, 1, 10)  # a Monday early in the year
DECEMBER = date(2021, 12, 30)  # a Thursday late in the year
SATURDAY = date(2021, 7, 3)


def resolve(text, pub, future=False):
    found = rules.find(text, pub, (lambda _offset: future))
    assert len(found) == 1, found
    item = found[0]
    return text[item.start : item.end], item.resolved


def interval(resolved):
    return resolved.date.isoformat(), resolved.date_end.isoformat(), resolved.precision


@pytest.mark.parametrize(
    ("pub", "text", "expression", "expected"),
    [
        # year rollover: a month or day named without a year in an article of another year
        (JANUARY, "Troops left in December.", "in December", ("2021-12-01", "2021-12-31", "month")),
        (JANUARY, "Troops left in late December.", "late December", ("2021-12-21", "2021-12-31", "month")),
        (JANUARY, "Troops left on 28 December.", "28 December", ("2021-12-28", "2021-12-28", "day")),
        (JANUARY, "Troops left last December.", "last December", ("2021-12-01", "2021-12-31", "month")),
        (JANUARY, "Talks resume next January.", "next January", ("2023-01-01", "2023-01-31", "month")),
        (DECEMBER, "Talks resume next January.", "next January", ("2022-01-01", "2022-01-31", "month")),
        (DECEMBER, "Talks resume on January 5.", "January 5", ("2022-01-05", "2022-01-05", "day")),
        (JANUARY, "The law passed last year.", "last year", ("2021-01-01", "2021-12-31", "year")),
        (
            THURSDAY,
            "Elections are due this December.",
            "this December",
            ("2021-12-01", "2021-12-31", "month"),
        ),
        (date(2022, 1, 3), "They met on Friday.", "on Friday", ("2021-12-31", "2021-12-31", "day")),
        (date(2022, 1, 1), "They met yesterday.", "yesterday", ("2021-12-31", "2021-12-31", "day")),
        (date(2022, 1, 3), "They met last week.", "last week", ("2021-12-27", "2022-01-02", "week")),
        # the publication weekday: "on Monday" is that day, "last Monday" the week before
        (MONDAY, "They met on Monday.", "on Monday", ("2021-07-05", "2021-07-05", "day")),
        (MONDAY, "They met last Monday.", "last Monday", ("2021-06-28", "2021-06-28", "day")),
        # ISO dates, with a time of day too
        (THURSDAY, "Posted 2021-06-15T08:30:00Z.", "2021-06-15", ("2021-06-15", "2021-06-15", "day")),
        # decades
        (THURSDAY, "It was built in the 1990s.", "the 1990s", ("1990-01-01", "1999-12-31", "year")),
        (THURSDAY, "It was built in the '80s.", "the '80s", ("1980-01-01", "1989-12-31", "year")),
        (
            THURSDAY,
            "It was built in the early 2000s.",
            "the early 2000s",
            ("2000-01-01", "2003-12-31", "year"),
        ),
        # spans back from publication
        (THURSDAY, "It happened two weeks ago.", "two weeks ago", ("2021-06-14", "2021-06-20", "week")),
        (THURSDAY, "It happened a decade ago.", "a decade ago", ("2011-01-01", "2011-12-31", "year")),
        (
            THURSDAY,
            "Attacks rose in the past week.",
            "in the past week",
            ("2021-06-25", "2021-07-01", "week"),
        ),
        (
            THURSDAY,
            "Attacks rose over the past two months.",
            "over the past two months",
            ("2021-05-02", "2021-07-01", "month"),
        ),
        (THURSDAY, "Attacks rose in recent days.", "in recent days", ("2021-06-25", "2021-07-01", "week")),
        (THURSDAY, "Shelling continued overnight.", "overnight", ("2021-06-30", "2021-07-01", "week")),
        # calendar periods containing publication
        (
            DECEMBER,
            "Prices rose earlier this month.",
            "earlier this month",
            ("2021-12-01", "2021-12-30", "month"),
        ),
        (THURSDAY, "Prices rose this week.", "this week", ("2021-06-28", "2021-07-04", "week")),
        (THURSDAY, "Prices rose this past week.", "this past week", ("2021-06-21", "2021-06-27", "week")),
        # weekends: the most recent one, or the one named
        (
            THURSDAY,
            "Clashes erupted over the weekend.",
            "over the weekend",
            ("2021-06-26", "2021-06-27", "day"),
        ),
        (
            SATURDAY,
            "Clashes erupted over the weekend.",
            "over the weekend",
            ("2021-07-03", "2021-07-04", "day"),
        ),
        (THURSDAY, "Clashes erupted last weekend.", "last weekend", ("2021-06-26", "2021-06-27", "day")),
        (THURSDAY, "Talks are set for next weekend.", "next weekend", ("2021-07-10", "2021-07-11", "day")),
        # the night (morning, ...) of a date is that date
        (
            THURSDAY,
            "Shots were fired on the night of 3 July.",
            "the night of 3 July",
            ("2021-07-03", "2021-07-03", "day"),
        ),
        (THURSDAY, "He left on July 1st.", "July 1st", ("2021-07-01", "2021-07-01", "day")),
        # parts of months and years
        (
            THURSDAY,
            "Troops left in the first week of June.",
            "the first week of June",
            ("2021-06-01", "2021-06-07", "week"),
        ),
        (THURSDAY, "Troops left in mid-2020.", "mid-2020", ("2020-05-01", "2020-08-31", "year")),
        (THURSDAY, "Troops left in early 2020.", "early 2020", ("2020-01-01", "2020-04-30", "year")),
        (
            THURSDAY,
            "Troops left at the end of last year.",
            "the end of last year",
            ("2020-09-01", "2020-12-31", "year"),
        ),
        # ranges
        (THURSDAY, "Talks were held June 3-5 in Doha.", "June 3-5", ("2021-06-03", "2021-06-05", "day")),
        (THURSDAY, "Talks were held 3-5 June in Doha.", "3-5 June", ("2021-06-03", "2021-06-05", "day")),
        (
            THURSDAY,
            "Talks were held between 2 and 4 May.",
            "between 2 and 4 May",
            ("2021-05-02", "2021-05-04", "day"),
        ),
        (
            THURSDAY,
            "Talks were held from 2 to 4 May 2019.",
            "from 2 to 4 May 2019",
            ("2019-05-02", "2019-05-04", "day"),
        ),
        (
            THURSDAY,
            "Talks were held June 30 - July 2.",
            "June 30 - July 2",
            ("2021-06-30", "2021-07-02", "day"),
        ),
        (
            THURSDAY,
            "Talks ran from Monday to Wednesday.",
            "from Monday to Wednesday",
            ("2021-06-28", "2021-06-30", "day"),
        ),
        (
            THURSDAY,
            "Talks were held from 30 December to 2 January 2020.",
            "from 30 December to 2 January 2020",
            ("2019-12-30", "2020-01-02", "day"),
        ),
        (
            THURSDAY,
            "Prices fell between 2015 and 2018.",
            "between 2015 and 2018",
            ("2015-01-01", "2018-12-31", "year"),
        ),
        (THURSDAY, "Prices fell in 2019-20.", "in 2019-20", ("2019-01-01", "2020-12-31", "year")),
        # holidays on a fixed day
        (THURSDAY, "Talks failed last Christmas.", "last Christmas", ("2020-12-25", "2020-12-25", "day")),
        (
            JANUARY,
            "Talks failed on New Year's Eve.",
            "on New Year's Eve",
            ("2021-12-31", "2021-12-31", "day"),
        ),
    ],
)
def test_edge_case_resolves(pub, text, expression, expected):
    matched, resolved = resolve(text, pub)
    assert matched == expression
    assert interval(resolved) == expected


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("They will meet in early January.", True, ("2022-01-01", "2022-01-10", "month")),
        ("They will meet this weekend.", True, ("2022-01-01", "2022-01-02", "day")),
        ("They will meet over the weekend.", True, ("2022-01-01", "2022-01-02", "day")),
    ],
)
def test_future_clause_looks_ahead_across_the_new_year(text, future, expected):
    _matched, resolved = resolve(text, DECEMBER, future)
    assert interval(resolved) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He is in his 90s.",  # an age, not a decade
        "The weekend edition sold out.",  # no particular weekend
        "Merry Christmas, and Halloween costumes sold out.",  # holiday names as greetings, modifiers
        "They said 2 to 4 may attend.",  # "may" the verb
    ],
)
def test_non_dates_stay_unresolved(text):
    assert rules.find(text, THURSDAY) == []


def test_and_joins_a_day_range_only_after_between():
    found = rules.find("They met May 2 and 4 officials.", THURSDAY)
    assert [(item.resolved.date.isoformat(), item.resolved.rule) for item in found] == [
        ("2021-05-02", "month_day")
    ]


def test_two_separate_dates_are_not_joined_without_a_connector():
    found = rules.find("Talks on June 3, again on June 9.", THURSDAY)
    assert [item.resolved.date.isoformat() for item in found] == ["2021-06-03", "2021-06-09"]


def test_listed_years_stay_apart():
    found = rules.find("He served in 2019 and 2020.", THURSDAY)
    assert [item.resolved.rule for item in found] == ["year"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The vote was postponed from June 3 to June 10.", ["2021-06-03", "2021-06-10"]),
        ("The summit was moved from Monday to Wednesday.", ["2021-06-28", "2021-06-30"]),
    ],
)
def test_rescheduled_dates_are_not_a_range(text, dates):
    found = rules.find(text, THURSDAY)
    assert [item.resolved.date.isoformat() for item in found] == dates


@pytest.mark.parametrize("text", ["Talks in İzmir ended on June 3.", "Talks in Izmir ended on June 3."])
def test_offsets_hold_when_lower_casing_changes_the_length(text):
    (item,) = rules.find(text, THURSDAY)
    assert text[item.start : item.end] == "June 3"

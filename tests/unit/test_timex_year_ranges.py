"""Year ranges with a two-digit end, by one documented rule (ranges.resolve_year_range): the year
after the first is a range (seasons, fiscal years, across a century); after "from" a later year
is; otherwise 01-12 after a dash is a month ("2001-09": September 2001)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules

PUB = date(2021, 7, 1)


@pytest.mark.parametrize(
    ("text", "expression", "start", "end", "precision"),
    [
        ("He starred in the 1999-00 season.", "1999-00", "1999-01-01", "2000-12-31", "year"),
        ("Revenue grew in 2019-20.", "in 2019-20", "2019-01-01", "2020-12-31", "year"),
        ("The 2008-09 crisis hit hard.", "2008-09", "2008-01-01", "2009-12-31", "year"),
        ("Prices fell in 1990-95.", "in 1990-95", "1990-01-01", "1995-12-31", "year"),
        ("He served from 2001-09 in Kabul.", "from 2001-09", "2001-01-01", "2009-12-31", "year"),
        ("The report of 2001-09 was leaked.", "2001-09", "2001-09-01", "2001-09-30", "month"),
        ("Prices fell in 2015-2018.", "in 2015-2018", "2015-01-01", "2018-12-31", "year"),
        ("It was recorded in 2021-06-15 at noon.", "2021-06-15", "2021-06-15", "2021-06-15", "day"),
    ],
)
def test_year_range_or_month(text, expression, start, end, precision):
    (item,) = rules.find(text, PUB)
    resolved = item.resolved
    assert (text[item.start : item.end], resolved.date.isoformat(), resolved.date_end.isoformat()) == (
        expression,
        start,
        end,
    )
    assert resolved.precision == precision


@pytest.mark.parametrize("text", ["The 2015-13 record stands.", "The 2015-03 report leaked."])
def test_earlier_two_digit_end_is_no_range(text):
    assert all(item.resolved.rule != "year_range" for item in rules.find(text, PUB))

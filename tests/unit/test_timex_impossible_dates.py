"""A date naming no real day gives nothing, not the month around it ("on 29 February 2021")."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules

PUB = date(2021, 7, 1)


@pytest.mark.parametrize(
    "text",
    [
        "They met on 29 February 2021.",
        "They met on February 29, 2021.",
        "They met on 31 June.",
        "They met on 30th of February.",
        "It was recorded in 2021-02-30 at noon.",
    ],
)
def test_impossible_date_gives_no_timex(text):
    assert rules.find(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on 29 February 2024.", ("29 February 2024", "2024-02-29", "day")),
        # a count after a month, not a day of it: the month is still read
        ("In June 31 people were hurt.", ("In June", "2021-06-01", "month")),
    ],
)
def test_possible_dates_still_resolve(text, expected):
    (item,) = rules.find(text, PUB)
    assert (text[item.start : item.end], item.resolved.date.isoformat(), item.resolved.precision) == expected

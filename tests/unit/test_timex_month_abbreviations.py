"""AP-style month abbreviations: the dot belongs to the month ("on Jan. 5" is a day), while after a
full month name a dot ends the sentence ("in October.\n\n12 people")."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules

PUB = date(2021, 7, 1)


def found(text):
    return [
        (text[f.start : f.end], f.resolved.date.isoformat(), f.resolved.precision)
        for f in rules.find(text, PUB)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Jan. 5 in Kabul.", ("Jan. 5", "2021-01-05", "day")),
        ("They met on Sept. 12, 2020 in Kabul.", ("Sept. 12, 2020", "2020-09-12", "day")),
        ("They met on Dec. 31 in Kabul.", ("Dec. 31", "2020-12-31", "day")),
        ("Polls close Nov. 3rd.", ("Nov. 3rd", "2021-11-03", "day")),
        ("They met since Feb. 2 in Kabul.", ("Feb. 2", "2021-02-02", "day")),
    ],
)
def test_abbreviated_month_with_day_is_that_day(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks stalled in Jan. 2020 in Kabul.", ("in Jan. 2020", "2020-01-01", "month")),
        ("Troops arrived in October.\n\n12 people were hurt.", ("in October", "2020-10-01", "month")),
        ("Troops arrived in June. 31 people were hurt.", ("in June", "2021-06-01", "month")),
    ],
)
def test_month_without_its_day_stays_a_month(text, expected):
    assert found(text) == [expected]

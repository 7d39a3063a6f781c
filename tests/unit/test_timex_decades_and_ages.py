"""Decades and centuries: "the 1800s" is a century, "in his late 30s" an age, not a decade."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules

PUB = date(2021, 7, 1)


@pytest.mark.parametrize(
    "text",
    [
        "A man in his late 30s was arrested.",
        "A woman in her early 20s was arrested.",
        "Two men in their mid-40s were arrested.",
        "A leader in his 90s resigned.",
    ],
)
def test_age_after_a_possessive_is_no_decade(text):
    assert rules.find(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "rule"),
    [
        ("It was built in the 1800s.", "1800-01-01", "1899-12-31", "century"),
        ("It was built in the late 1800s.", "1870-01-01", "1899-12-31", "century"),
        ("It was built in the early 1900s.", "1900-01-01", "1939-12-31", "century"),
        # the century of publication is not over: "the 2000s" is the decade news means
        ("It was built in the 2000s.", "2000-01-01", "2009-12-31", "decade"),
        ("It was built in the 1810s.", "1810-01-01", "1819-12-31", "decade"),
        ("Inflation soared in the late 70s.", "1977-01-01", "1979-12-31", "decade"),
    ],
)
def test_decades_and_centuries(text, start, end, rule):
    (item,) = rules.find(text, PUB)
    assert (item.resolved.date.isoformat(), item.resolved.date_end.isoformat(), item.resolved.rule) == (
        start,
        end,
        rule,
    )

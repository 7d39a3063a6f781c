"""One precision rule for day-built intervals (intervals.precision_of_span): the same interval gets
the same precision whichever words named it, and the precision found is the one stored."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp.timex import rules
from newsevents.nlp.timex.intervals import precision_of_span, reported_precision

PUB = date(2024, 3, 10)


def interval(text):
    (item,) = rules.find(text, PUB)
    resolved = item.resolved
    return resolved.date.isoformat(), resolved.date_end.isoformat(), reported_precision(resolved)


@pytest.mark.parametrize(
    "texts",
    [
        (
            "Attacks rose in the last seven days.",
            "Attacks rose in the past week.",
            "Attacks rose in the last 7 days.",
        ),
        (
            "Attacks rose in the past 14 days.",
            "Attacks rose in the past two weeks.",
            "Attacks rose in the past fortnight.",
        ),
        ("Attacks rose in recent days.", "Attacks rose over the past week."),
    ],
)
def test_same_span_same_interval_and_precision(texts):
    assert len({interval(text) for text in texts}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attacks rose in the last seven days.", ("2024-03-04", "2024-03-10", "week")),
        ("Attacks rose in the past three days.", ("2024-03-08", "2024-03-10", "week")),
        ("Attacks rose in the past day.", ("2024-03-10", "2024-03-10", "day")),
        ("Attacks rose in the past month.", ("2024-02-11", "2024-03-10", "month")),
        ("Attacks rose in the last 24 hours.", ("2024-03-09", "2024-03-10", "week")),
    ],
)
def test_last_n_units_end_on_publication(text, expected):
    assert interval(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shelling continued overnight.",
        "Attacks rose in recent days.",
        "Attacks rose in the past three days.",
        "Attacks rose in the past two months.",
        "Troops left in the first week of June.",
        "Troops left in early June.",
        "They met yesterday.",
    ],
)
def test_precision_found_is_the_precision_stored(text):
    (item,) = rules.find(text, PUB)
    resolved = item.resolved
    assert (
        resolved.precision
        == reported_precision(resolved)
        == precision_of_span(resolved.date, resolved.date_end)
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [(1, "day"), (2, "week"), (7, "week"), (8, "month"), (31, "month"), (62, "month"), (63, "year")],
)
def test_precision_of_span_by_number_of_days(days, expected):
    first = date(2024, 1, 1)
    assert precision_of_span(first, date.fromordinal(first.toordinal() + days - 1)) == expected

"""The stored precision follows the event schema: "day" only for a one-day interval."""

from datetime import date

import pytest

from newsevents.nlp.timex.intervals import Resolved, reported_precision


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (date(2021, 7, 1), date(2021, 7, 1), "day", "day"),
        (date(2021, 6, 30), date(2021, 7, 1), "day", "week"),
        (date(2021, 6, 3), date(2021, 6, 9), "day", "week"),
        (date(2021, 6, 3), date(2021, 6, 20), "day", "month"),
        (date(2021, 1, 1), date(2021, 3, 1), "day", "month"),
        (date(2021, 1, 1), date(2021, 6, 1), "day", "year"),
        (date(2021, 6, 21), date(2021, 6, 27), "week", "week"),
        (date(2021, 5, 1), date(2021, 5, 10), "month", "month"),
    ],
)
def test_timex_reported_precision_day_only_for_one_day(start, end, precision, expected):
    assert reported_precision(Resolved(start, end, precision, "rule")) == expected

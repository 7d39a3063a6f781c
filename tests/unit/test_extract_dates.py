"""Record dates normalised to ISO YYYY-MM-DD."""

from __future__ import annotations

import pytest

from newsevents.extract.dates import normalise_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2021-07-01", "2021-07-01"),
        ("2021-07-01T10:32:00+04:30", "2021-07-01"),
        ("1 Jul 2021", "2021-07-01"),
        ("July 1st, 2021", "2021-07-01"),
        ("01.07.2021", "2021-07-01"),
        ("07/01/2021", "2021-07-01"),
        ("25/12/2020", "2020-12-25"),
        ("Thu, 01 Jul 2021 10:32:00 GMT", "2021-07-01"),
        ("2021/7/1", "2021-07-01"),
    ],
)
def test_dates_normalised(value, iso):
    assert normalise_date(value) == iso


@pytest.mark.parametrize("value", [None, "", "   ", "not a date", "2021-13-45", "yesterday"])
def test_dates_unparseable_is_none(value):
    assert normalise_date(value) is None

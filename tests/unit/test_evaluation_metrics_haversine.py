"""Great-circle distances against known values."""

from __future__ import annotations

import pytest

from newsevents.evaluation.metrics import MAX_ERROR_KM, haversine_km


def test_distance_to_itself_is_zero():
    assert haversine_km(55.75, 37.62, 55.75, 37.62) == pytest.approx(0.0, abs=1e-9)


def test_paris_to_london():
    # Paris (48.8566, 2.3522) to London (51.5074, -0.1278): about 343.5 km.
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)


def test_one_degree_of_longitude_on_the_equator():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)


def test_antipodes_are_the_largest_error():
    assert haversine_km(0, 0, 0, 180) == pytest.approx(MAX_ERROR_KM)

"""Turns a resolution into the public Place record (feature class, ACLED-style precision)."""

from __future__ import annotations

from newsevents.nlp.places import sources
from newsevents.nlp.places.resolve import MentionInput, Resolution
from newsevents.types import Place

# GeoNames feature classes of our kinds; regions take their class from their code (seas are H).
_FEATURE_CLASS = {
    sources.KIND_CITY: "P",
    sources.KIND_COUNTRY: "A",
    sources.KIND_ADMIN1: "A",
    sources.KIND_ADMIN2: "A",
    sources.KIND_CONTINENT: "L",
    sources.KIND_LANDMARK: "S",
}
# ACLED precision: 1 a town, 2 a region or area near a town, 3 a country or larger.
_PRECISION = {
    sources.KIND_CITY: 1,
    sources.KIND_LANDMARK: 1,
    sources.KIND_ADMIN2: 2,
    sources.KIND_ADMIN1: 2,
    sources.KIND_COUNTRY: 3,
    sources.KIND_CONTINENT: 3,
    sources.KIND_REGION: 3,
}
_WATER_CODES = ("OCN", "SEA", "GULF", "BAY", "LK", "H")


def to_place(mention: MentionInput, resolution: Resolution) -> Place | None:
    candidate = resolution.candidate
    if candidate is None:
        return None
    feature_class = _FEATURE_CLASS.get(candidate.kind) or ("H" if candidate.fcode in _WATER_CODES else "L")
    precision = _PRECISION.get(candidate.kind, 3)
    if resolution.rule in ("focus", "near"):
        precision = min(3, precision + 1)  # a place inside or near that place, not the place itself
    return Place(
        text=mention.text,
        name=candidate.name,
        country=candidate.country,
        admin1=candidate.admin1,
        lat=candidate.lat,
        lon=candidate.lon,
        geonames_id=candidate.geonames_id,
        feature_class=feature_class,
        precision=precision,
        char_start=mention.char_start,
        char_end=mention.char_end,
        rule=resolution.rule,
        confidence=resolution.confidence,
    )

"""Event confidence from a data table (data/events/confidence.yaml): rule family + adjustments.

Kept as data so that calibration against gold (reliability table, ECE) changes numbers, not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsevents.nlp.events.vocab import packaged


@dataclass(frozen=True, slots=True)
class ConfidenceTable:
    floor: float
    ceiling: float
    families: dict[str, float]
    adjustments: dict[str, float]
    # (raw score, calibrated confidence) knots, increasing in both; empty = no recalibration.
    calibration: tuple[tuple[float, float], ...] = ()

    def raw(self, family: str, features: Iterable[str]) -> float:
        """The rule score before calibration: family base plus feature adjustments."""
        value = self.families.get(family, min(self.families.values(), default=0.5))
        for feature in features:
            value += self.adjustments.get(feature, 0.0)
        return value

    def score(self, family: str, features: Iterable[str]) -> float:
        value = calibrate(self.raw(family, features), self.calibration)
        return round(min(self.ceiling, max(self.floor, value)), 3)


def calibrate(raw: float, knots: tuple[tuple[float, float], ...]) -> float:
    """Piecewise-linear monotone map through the knots (flat beyond the first and last)."""
    if not knots:
        return raw
    if raw <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        if raw <= x1:
            return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1
    return knots[-1][1]


@cache
def confidence_table() -> ConfidenceTable:
    data = packaged("confidence.yaml")
    return ConfidenceTable(
        float(data.get("floor", 0.05)),
        float(data.get("ceiling", 0.97)),
        {str(k): float(v) for k, v in (data.get("families") or {}).items()},
        {str(k): float(v) for k, v in (data.get("adjustments") or {}).items()},
        tuple((float(x), float(y)) for x, y in (data.get("calibration") or ())),
    )

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

    def score(self, family: str, features: Iterable[str]) -> float:
        value = self.families.get(family, min(self.families.values(), default=0.5))
        for feature in features:
            value += self.adjustments.get(feature, 0.0)
        return round(min(self.ceiling, max(self.floor, value)), 3)


@cache
def confidence_table() -> ConfidenceTable:
    data = packaged("confidence.yaml")
    return ConfidenceTable(
        float(data.get("floor", 0.05)),
        float(data.get("ceiling", 0.97)),
        {str(k): float(v) for k, v in (data.get("families") or {}).items()},
        {str(k): float(v) for k, v in (data.get("adjustments") or {}).items()},
    )

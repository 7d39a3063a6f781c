"""Reliability table and expected calibration error (ECE) of event confidences.

Bins: ten equal-width confidence bins, then, left to right, each bin with fewer than
`min_count` events is merged with the next; a remainder still too small at the top joins the bin
below it. So every row of the table rests on at least `min_count` events (fewer only when there are
fewer events in all), and a reader never sees an accuracy computed from two or three cases. A row's
edges are those of the lowest and highest ten-percent bucket holding its events.
ECE = sum over bins of (events in bin / all events) * |accuracy - mean confidence|.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_BINS = 10
MIN_PER_BIN = 10


@dataclass(slots=True)
class ReliabilityBin:
    low: float  # lower edge of the (merged) confidence bin
    high: float  # upper edge
    count: int
    mean_confidence: float
    accuracy: float


def reliability_table(
    confidences: Sequence[float],
    correct: Sequence[bool],
    n_bins: int = DEFAULT_BINS,
    min_count: int = MIN_PER_BIN,
) -> list[ReliabilityBin]:
    if len(confidences) != len(correct):
        raise ValueError("confidences and correct differ in length")
    bucket_of = [min(int(min(1.0, max(0.0, conf)) * n_bins), n_bins - 1) for conf in confidences]
    groups: list[list[int]] = []
    members: list[int] = []
    for b in range(n_bins):
        members += [i for i, bucket in enumerate(bucket_of) if bucket == b]
        if len(members) >= min_count:
            groups.append(members)
            members = []
    if members:
        if groups:
            groups[-1] += members
        else:
            groups.append(members)

    table = []
    for idx in groups:
        table.append(
            ReliabilityBin(
                low=min(bucket_of[i] for i in idx) / n_bins,
                high=(max(bucket_of[i] for i in idx) + 1) / n_bins,
                count=len(idx),
                mean_confidence=sum(confidences[i] for i in idx) / len(idx),
                accuracy=sum(1 for i in idx if correct[i]) / len(idx),
            )
        )
    return table


def expected_calibration_error(table: Sequence[ReliabilityBin]) -> float | None:
    total = sum(b.count for b in table)
    if total == 0:
        return None
    return sum(b.count / total * abs(b.accuracy - b.mean_confidence) for b in table)

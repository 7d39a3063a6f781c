"""Pure metric functions shared by the task scorers (no I/O, no spaCy).

Conventions, so every task reads the same way:
- A span is a tuple of character fragments `((start, end), ...)`; a contiguous span has one.
- Precision over zero predictions (recall over zero gold items) is 1.0 only when the other side is
  empty too, else 0.0: predicting nothing never scores a perfect precision.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Fragments = tuple[tuple[int, int], ...]

# Mean earth radius in km as geopy's great_circle uses it (the geoparsing papers measure with geopy).
EARTH_RADIUS_KM = 6371.009
# The largest great-circle distance: the error charged for a place left unresolved.
MAX_ERROR_KM = math.pi * EARTH_RADIUS_KM
# acc@161km: within 100 miles, the threshold of the geocoding literature (Gritta et al. 2019).
ACC_KM = 161.0


# --- counts -> scores -------------------------------------------------------------------------


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None when nothing was counted."""
    return numerator / denominator if denominator else None


def safe_precision(tp: int, n_pred: int, n_gold: int) -> float:
    if n_pred == 0:
        return 1.0 if n_gold == 0 else 0.0
    return tp / n_pred


def safe_recall(tp: int, n_pred: int, n_gold: int) -> float:
    if n_gold == 0:
        return 1.0 if n_pred == 0 else 0.0
    return tp / n_gold


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


@dataclass(slots=True)
class PRCounts:
    """Micro-averaged counts: true positives, predicted items, gold items."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def scores(self, prefix: str = "") -> dict[str, float | None]:
        p = safe_precision(self.tp, self.n_pred, self.n_gold)
        r = safe_recall(self.tp, self.n_pred, self.n_gold)
        return {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f1_score(p, r)}


# --- spans ------------------------------------------------------------------------------------


def span_length(span: Fragments) -> int:
    return sum(max(0, end - start) for start, end in span)


def span_overlap(a: Fragments, b: Fragments) -> int:
    """Characters shared by two spans (fragments of one span never overlap each other)."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def spans_match(a: Fragments, b: Fragments) -> bool:
    """The matching rule of issue 4: the overlap is at least half of the LONGER span.

    Over-long predictions (a whole paragraph for a two-word quote) therefore never match, and
    nested spans match only when the inner one covers half of the outer.
    """
    longer = max(span_length(a), span_length(b))
    return longer > 0 and 2 * span_overlap(a, b) >= longer


def contiguous(start: int, end: int) -> Fragments:
    return ((start, end),)


# --- one-to-one matching ----------------------------------------------------------------------


def match_one_to_one(candidates: Iterable[tuple[int, int, tuple[float, ...]]]) -> dict[int, int]:
    """A maximum one-to-one matching of predicted items to gold items.

    `candidates` are the allowed pairs (pred index, gold index, score). Pairs are first taken
    greedily by descending score (ties: lower indices first), then augmenting paths add every pair
    the greedy pass blocked, so the number of matches is the maximum possible. Returns pred -> gold.
    """
    pairs = sorted(candidates, key=lambda c: (tuple(-s for s in c[2]), c[0], c[1]))
    adjacency: dict[int, list[int]] = {}
    pred_to_gold: dict[int, int] = {}
    gold_to_pred: dict[int, int] = {}
    for pred, gold, _score in pairs:
        adjacency.setdefault(pred, []).append(gold)
        if pred not in pred_to_gold and gold not in gold_to_pred:
            pred_to_gold[pred] = gold
            gold_to_pred[gold] = pred

    def augment(pred: int, visited: set[int]) -> bool:
        for gold in adjacency[pred]:
            if gold in visited:
                continue
            visited.add(gold)
            owner = gold_to_pred.get(gold)
            if owner is None or augment(owner, visited):
                pred_to_gold[pred] = gold
                gold_to_pred[gold] = pred
                return True
        return False

    for pred in sorted(adjacency):
        if pred not in pred_to_gold:
            augment(pred, set())
    return pred_to_gold


def match_spans(predicted: Sequence[Fragments], gold: Sequence[Fragments]) -> dict[int, int]:
    """One-to-one matching of spans under `spans_match`, preferring the larger overlap."""
    candidates = [
        (i, j, (float(span_overlap(p, g)),))
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
        if spans_match(p, g)
    ]
    return match_one_to_one(candidates)


# --- Zyte article-extraction benchmark (reimplemented from its evaluate.py) --------------------

_WORD = re.compile(r"\w+")


def zyte_tokens(text: str | None) -> list[str]:
    """Case-sensitive `\\w+` tokens, as the benchmark tokenises."""
    return _WORD.findall(text or "")


def zyte_shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-gram shingles as a multiset; a text shorter than n words is one short shingle."""
    tokens = zyte_tokens(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def zyte_page_counts(true: str | None, pred: str | None, n: int = 4) -> tuple[float, float, float]:
    """(TP, FP, FN) over shingles of one page, normalised to sum 1 so long pages weigh no more."""
    gold, predicted = zyte_shingles(true, n), zyte_shingles(pred, n)
    tp = sum((gold & predicted).values())
    fp = sum((predicted - gold).values())
    fn = sum((gold - predicted).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def zyte_scores(pages: Sequence[tuple[float, float, float]]) -> dict[str, float | None]:
    """precision = mean over pages with TP+FP > 0, recall = mean over pages with TP+FN > 0,
    f1 from the two means (not a mean of per-page F1)."""
    precisions = [_page_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in pages if c[0] + c[2] > 0]
    precision = statistics.fmean(precisions) if precisions else None
    recall = statistics.fmean(recalls) if recalls else None
    f1 = f1_score(precision, recall) if precision is not None and recall is not None else None
    return {"precision": precision, "recall": recall, "f1": f1}


def zyte_exact(true: str | None, pred: str | None) -> bool:
    """The benchmark's accuracy: the two token sequences are identical."""
    return zyte_tokens(true) == zyte_tokens(pred)


# --- geography --------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def mean_or_none(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def median_or_none(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None

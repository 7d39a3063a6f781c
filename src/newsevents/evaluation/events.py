"""Task `events`: PLOVER gold standard records (plover_gsr*.jsonl), one sentence per record.

Metrics (issue 4), over records whose gold `event` is not null:
- type_accuracy: the primary event's type equals the gold type (no primary event = wrong).
  Primary event = the non-negated, non-hypothetical event with the highest confidence; ties go
  to the first in the text.
- type_recall_any: the gold type is among the types of all predicted events.
- source_accuracy / target_accuracy: the primary event's set of source (target) countries equals
  the gold set; over records whose gold set is not empty. Countries are normalised
  (normalise.py); a predicted actor with a null country counts as a gold pseudo-country (IGO, NGO,
  IMG, ISM) when its sector fits it, and is left out of the set otherwise.
- sector_accuracy: the same for source sectors (gold sectors `***` / null are left out, and so is
  the sector of a predicted actor that stood in for a gold pseudo-country).
- triple_accuracy: type, source set and target set all right; a side whose gold set is empty is
  not checked (the coders left it uncoded, so no answer can be called wrong).
- casualty_accuracy: over records with a numeric gold `dead` or `injured`: some predicted event
  (any factuality) has equal numbers for every numeric gold field.
- no_event_rate: share of records without a primary event (lower is better).
- ece: expected calibration error of the primary events' confidences against type correctness
  (lower is better; see calibration.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsevents.evaluation.calibration import expected_calibration_error, reliability_table
from newsevents.evaluation.common import (
    EvalContext,
    Miss,
    TaskResult,
    analyse_gold_records,
)
from newsevents.evaluation.metrics import ratio
from newsevents.evaluation.normalise import is_pseudo_country, norm_country, norm_sector, predicted_country
from newsevents.types import ActorRef, Event

TASK = "events"
GOLD_PATTERN = "plover_gsr*.jsonl"
METRICS = (
    "type_accuracy",
    "type_recall_any",
    "source_accuracy",
    "target_accuracy",
    "sector_accuracy",
    "triple_accuracy",
    "casualty_accuracy",
    "no_event_rate",
    "ece",
)
LOWER_IS_BETTER = frozenset({"no_event_rate", "ece"})
NOT_ASSERTED = frozenset({"negated", "hypothetical"})


def primary_event(events: Sequence[Event]) -> Event | None:
    """The non-negated, non-hypothetical event with the highest confidence (ties: first in text)."""
    best: tuple[float, int, int] | None = None
    chosen = None
    for order, event in enumerate(events):
        if event.factuality in NOT_ASSERTED:
            continue
        key = (-event.confidence, event.char_start, order)
        if best is None or key < best:
            best, chosen = key, event
    return chosen


def gold_countries(actors: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(c for a in actors if (c := norm_country(a.get("country"))) is not None)


def predicted_countries(actors: Iterable[ActorRef], gold: frozenset[str]) -> frozenset[str]:
    pseudo = frozenset(c for c in gold if is_pseudo_country(c))
    return frozenset(c for a in actors if (c := predicted_country(a.country, a.sector, pseudo)) is not None)


def gold_sectors(actors: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(s for a in actors if (s := norm_sector(a.get("sector"))) is not None)


def predicted_sectors(actors: Iterable[ActorRef], gold_country_set: frozenset[str]) -> frozenset[str]:
    pseudo = frozenset(c for c in gold_country_set if is_pseudo_country(c))
    out = set()
    for actor in actors:
        stands_in = (actor.country is None or not actor.country.strip()) and predicted_country(
            actor.country, actor.sector, pseudo
        ) is not None
        sector = norm_sector(actor.sector)
        if sector is not None and not stands_in:
            out.add(sector)
    return frozenset(out)


def _as_count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None  # "scores", "Tens of thousands": not a number to compare


def casualties_match(record: dict[str, Any], events: Sequence[Event]) -> bool | None:
    """None when the record has no numeric gold casualty count."""
    wanted = {k: n for k in ("dead", "injured") if (n := _as_count(record.get(k))) is not None}
    if not wanted:
        return None
    return any(all(getattr(e, k) == n for k, n in wanted.items()) for e in events)


def _sorted(values: frozenset[str]) -> list[str]:
    return sorted(values)


def score_events(pairs: Iterable[tuple[dict[str, Any], Sequence[Event]]], gold_name: str = "") -> TaskResult:
    """Scores (gold record, predicted events of that record) pairs; records with a null gold event
    are skipped."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[Miss] = []
    confusion: Counter[tuple[str, str]] = Counter()
    confidences: list[float] = []
    correct: list[bool] = []
    n = 0

    def check(name: str, ok: bool) -> None:
        totals[name] += 1
        hits[name] += ok

    for record, events in pairs:
        gold_type = record.get("event")
        if not gold_type:
            continue
        n += 1
        item, text = record["id"], record.get("text")
        primary = primary_event(events)
        predicted_type = primary.event_type if primary is not None else None
        confusion[(gold_type, predicted_type or "-")] += 1
        type_ok = predicted_type == gold_type
        check("type_accuracy", type_ok)
        check("type_recall_any", gold_type in {e.event_type for e in events})
        check("no_event_rate", primary is None)
        if primary is not None:
            confidences.append(primary.confidence)
            correct.append(type_ok)
        if not type_ok:
            misses.append(Miss(item, "type", gold_type, predicted_type, text))

        triple_ok = type_ok
        for side in ("source", "target"):
            gold_set = gold_countries(record.get(side) or [])
            if not gold_set:
                continue
            actors = getattr(primary, side) if primary is not None else []
            predicted_set = predicted_countries(actors, gold_set)
            ok = predicted_set == gold_set
            check(f"{side}_accuracy", ok)
            triple_ok = triple_ok and ok
            if not ok:
                misses.append(Miss(item, side, _sorted(gold_set), _sorted(predicted_set), text))
        check("triple_accuracy", triple_ok)

        sector_gold = gold_sectors(record.get("source") or [])
        if sector_gold:
            actors = primary.source if primary is not None else []
            sector_pred = predicted_sectors(actors, gold_countries(record.get("source") or []))
            check("sector_accuracy", sector_pred == sector_gold)
            if sector_pred != sector_gold:
                misses.append(Miss(item, "sector", _sorted(sector_gold), _sorted(sector_pred), text))

        casualties = casualties_match(record, events)
        if casualties is not None:
            check("casualty_accuracy", casualties)
            if not casualties:
                gold_counts = {"dead": record.get("dead"), "injured": record.get("injured")}
                predicted_counts = [{"dead": e.dead, "injured": e.injured} for e in events]
                misses.append(Miss(item, "casualties", gold_counts, predicted_counts, text))

    metrics: dict[str, float | None] = {
        name: ratio(hits[name], totals[name]) for name in METRICS if name != "ece"
    }
    table = reliability_table(confidences, correct)
    metrics["ece"] = expected_calibration_error(table)
    details = {
        "confusion": {f"{g}\t{p}": c for (g, p), c in sorted(confusion.items())},
        "reliability": [asdict(b) for b in table],
        "support": dict(totals),
    }
    return TaskResult(TASK, gold_name, n, metrics, misses=misses, details=details)


def run(gold_path: Path, ctx: EvalContext) -> TaskResult:
    pairs = ((r, a.analysis.events if a.analysis else []) for r, a in analyse_gold_records(gold_path, ctx))
    return score_events(pairs, str(gold_path))

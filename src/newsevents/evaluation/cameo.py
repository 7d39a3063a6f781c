"""Task `cameo`: PETRARCH-2 gold sentences (petr2_gsr*.jsonl) coded with CAMEO.

Each non-negated predicted event contributes the triples (source country, target country, CAMEO
root) for every source x target pair; an event with no source (target) contributes the pair with
an unknown country, which is what the gold writes as `---`. The root is the first two digits of
the CAMEO code; an event without a CAMEO code contributes nothing. Gold actor codes are split
(`USAGOV` -> USA) and normalised (normalise.py); `---REB` is an unknown country. A predicted actor
with a null country counts as a gold pseudo-country (`IGOEUREEC` -> IGO) when its sector fits it.

Per sentence the predicted and gold triples are sets; `precision` / `recall` / `f1` are micro
averages over all sentences, and `root_precision` / `root_recall` / `root_f1` the same over the
sets of root codes alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsevents.evaluation.common import (
    EvalContext,
    Miss,
    TaskResult,
    analyse_gold_records,
)
from newsevents.evaluation.metrics import PRCounts
from newsevents.evaluation.normalise import is_pseudo_country, predicted_country, split_cameo_code
from newsevents.types import ActorRef, Event

TASK = "cameo"
GOLD_PATTERN = "petr2_gsr*.jsonl"
METRICS = ("precision", "recall", "f1", "root_precision", "root_recall", "root_f1")
LOWER_IS_BETTER: frozenset[str] = frozenset()

Triple = tuple[str | None, str | None, str]


def cameo_root(code: str | None) -> str | None:
    digits = (code or "").strip()
    return digits[:2] if len(digits) >= 2 and digits[:2].isdigit() else None


def gold_triples(record: dict[str, Any]) -> set[Triple]:
    out: set[Triple] = set()
    for event in record.get("events") or []:
        root = cameo_root(event.get("cameo"))
        if root is None:
            continue
        source, _ = split_cameo_code(event.get("source"))
        target, _ = split_cameo_code(event.get("target"))
        out.add((source, target, root))
    return out


def predicted_triples(events: Sequence[Event], gold: set[Triple]) -> set[Triple]:
    pseudo = frozenset(c for s, t, _ in gold for c in (s, t) if c is not None and is_pseudo_country(c))

    def countries(actors: list[ActorRef]) -> set[str | None]:
        return {predicted_country(a.country, a.sector, pseudo) for a in actors} or {None}

    out: set[Triple] = set()
    for event in events:
        root = cameo_root(event.cameo)
        if event.factuality == "negated" or root is None:
            continue
        for source in countries(event.source):
            for target in countries(event.target):
                out.add((source, target, root))
    return out


def _show(triples: Iterable[Triple]) -> list[str]:
    return sorted(f"{s or '---'}>{t or '---'}:{r}" for s, t, r in triples)


def score_cameo(pairs: Iterable[tuple[dict[str, Any], Sequence[Event]]], gold_name: str = "") -> TaskResult:
    triples, roots = PRCounts(), PRCounts()
    misses: list[Miss] = []
    n = 0
    for record, events in pairs:
        n += 1
        gold = gold_triples(record)
        predicted = predicted_triples(events, gold)
        triples.add(len(gold & predicted), len(predicted), len(gold))
        gold_roots, predicted_roots = {r for *_, r in gold}, {r for *_, r in predicted}
        roots.add(len(gold_roots & predicted_roots), len(predicted_roots), len(gold_roots))
        if gold != predicted:
            misses.append(Miss(record["id"], "triples", _show(gold), _show(predicted), record.get("text")))
    metrics = triples.scores() | roots.scores("root_")
    return TaskResult(TASK, gold_name, n, metrics, misses=misses)


def _iso_date(value: str | None) -> str | None:
    """PETRARCH dates are YYYYMMDD (one record has YYMMDD)."""
    digits = (value or "").strip()
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if len(digits) == 6 and digits.isdigit():
        century = "19" if int(digits[:2]) >= 50 else "20"
        return f"{century}{digits[:2]}-{digits[2:4]}-{digits[4:]}"
    return None


def run(gold_path: Path, ctx: EvalContext) -> TaskResult:
    analysed = analyse_gold_records(gold_path, ctx, date_of=lambda r: _iso_date(r.get("date")))
    pairs = ((r, a.analysis.events if a.analysis else []) for r, a in analysed)
    return score_cameo(pairs, str(gold_path))

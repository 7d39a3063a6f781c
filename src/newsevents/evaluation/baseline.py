"""eval/baseline.json: per task (geo and geo_gold_spans apart) and metric, a floor or a ceiling.

    {"tolerance": 0.005,
     "tasks": {"events": {"type_accuracy": {"better": "higher", "floor": 0.412},
                          "no_event_rate": {"better": "lower", "ceiling": 0.303}}}}

`better` names the direction explicitly; a higher-is-better metric carries a `floor`, a
lower-is-better one (error km, no_event_rate, ece) a `ceiling`. A score fails when it is worse than
its bound by more than the tolerance; the tolerance is absolute for rates (bounds <= 1) and relative
for unbounded metrics such as error km (tolerance x bound), so 0.005 means half a point of accuracy or
half a percent of a 400 km mean error, not 5 metres. A bound is loosened when a floor goes down, a ceiling goes
up, a bound disappears or the tolerance grows: the gate refuses that against the previous commit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from newsevents.errors import E_BASELINE, NewsEventsError
from newsevents.evaluation.common import TaskResult

DEFAULT_TOLERANCE = 0.005
_EPSILON = 1e-9  # float noise: 0.412 - 0.005 must not fail a score of exactly 0.407


@dataclass(frozen=True, slots=True)
class Bound:
    kind: Literal["floor", "ceiling"]
    value: float


@dataclass(frozen=True, slots=True)
class Baseline:
    tolerance: float
    bounds: dict[tuple[str, str], Bound]


@dataclass(frozen=True, slots=True)
class Check:
    task: str
    metric: str
    score: float | None
    bound: Bound
    ok: bool
    message: str


def parse_baseline(
    data: Mapping[str, Any], lower_is_better: Mapping[str, frozenset[str]] | None = None
) -> Baseline:
    """Validates and reads a baseline object; `lower_is_better` (task -> metrics) cross-checks
    the declared direction against the task registry."""
    tolerance = float(data.get("tolerance", DEFAULT_TOLERANCE))
    tasks = data.get("tasks")
    if not isinstance(tasks, Mapping):
        raise NewsEventsError(E_BASELINE, "baseline has no `tasks` object")
    bounds: dict[tuple[str, str], Bound] = {}
    for task, metrics in tasks.items():
        if not isinstance(metrics, Mapping):
            raise NewsEventsError(E_BASELINE, f"baseline task {task!r} is not an object")
        for metric, spec in metrics.items():
            where = f"{task}.{metric}"
            better = spec.get("better") if isinstance(spec, Mapping) else None
            if better == "higher" and "floor" in spec and "ceiling" not in spec:
                bound = Bound("floor", float(spec["floor"]))
            elif better == "lower" and "ceiling" in spec and "floor" not in spec:
                bound = Bound("ceiling", float(spec["ceiling"]))
            else:
                raise NewsEventsError(
                    E_BASELINE,
                    f"{where}: needs {{'better': 'higher', 'floor': x}} or {{'better': 'lower', 'ceiling': x}}",
                )
            if lower_is_better is not None and task in lower_is_better:
                expected = "ceiling" if metric in lower_is_better[task] else "floor"
                if bound.kind != expected:
                    raise NewsEventsError(E_BASELINE, f"{where}: this metric needs a {expected}")
            bounds[(task, metric)] = bound
    return Baseline(tolerance, bounds)


def load_baseline(path: Path, lower_is_better: Mapping[str, frozenset[str]] | None = None) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsEventsError(E_BASELINE, f"cannot read baseline {path}: {exc}") from exc
    return parse_baseline(data, lower_is_better)


def check_scores(results: Sequence[TaskResult], baseline: Baseline) -> list[Check]:
    by_task = {r.task: r for r in results}
    checks = []
    tol = baseline.tolerance
    for (task, metric), bound in sorted(baseline.bounds.items()):
        result = by_task.get(task)
        score = result.metrics.get(metric) if result is not None else None
        if score is None:
            checks.append(Check(task, metric, None, bound, False, f"{task}.{metric}: no score"))
            continue
        slack = tol * max(1.0, abs(bound.value))
        if bound.kind == "floor":
            ok = score >= bound.value - slack - _EPSILON
            message = f"{task}.{metric} = {score:.4f}, floor {bound.value:.4f} (tolerance {tol})"
        else:
            ok = score <= bound.value + slack + _EPSILON
            message = f"{task}.{metric} = {score:.4f}, ceiling {bound.value:.4f} (tolerance {tol})"
        checks.append(Check(task, metric, score, bound, ok, message))
    return checks


def loosened_bounds(previous: Baseline, current: Baseline) -> list[str]:
    """Every way `current` is looser than `previous` (empty when none)."""
    problems = []
    if current.tolerance > previous.tolerance + _EPSILON:
        problems.append(f"tolerance raised from {previous.tolerance} to {current.tolerance}")
    for key, old in sorted(previous.bounds.items()):
        name = ".".join(key)
        new = current.bounds.get(key)
        if new is None:
            problems.append(f"{name}: bound removed (was {old.kind} {old.value})")
        elif new.kind != old.kind:
            problems.append(f"{name}: direction changed from {old.kind} to {new.kind}")
        elif old.kind == "floor" and new.value < old.value - _EPSILON:
            problems.append(f"{name}: floor lowered from {old.value} to {new.value}")
        elif old.kind == "ceiling" and new.value > old.value + _EPSILON:
            problems.append(f"{name}: ceiling raised from {old.value} to {new.value}")
    return problems


def _floor3(value: float) -> float:
    return math.floor(value * 1000 + _EPSILON) / 1000


def _ceil3(value: float) -> float:
    return math.ceil(value * 1000 - _EPSILON) / 1000


def ratcheted(
    previous: Baseline | None,
    results: Sequence[TaskResult],
    lower_is_better: Mapping[str, frozenset[str]],
    comment: str = "",
) -> dict[str, Any]:
    """Baseline data with every bound moved to the current score (floors rounded down, ceilings
    rounded up to 3 decimals) where that is tighter; never looser. Metrics without a score keep
    their old bound (or get none)."""
    tolerance = previous.tolerance if previous is not None else DEFAULT_TOLERANCE
    old = previous.bounds if previous is not None else {}
    tasks: dict[str, dict[str, dict[str, Any]]] = {}
    for (task, metric), kept in sorted(old.items()):
        tasks.setdefault(task, {})[metric] = _bound_json(kept)
    for result in results:
        lower = lower_is_better.get(result.task, frozenset())
        for metric, score in result.metrics.items():
            if score is None:
                continue
            bound = old.get((result.task, metric))
            if metric in lower:
                value = _ceil3(score)
                if bound is None or value < bound.value:
                    tasks.setdefault(result.task, {})[metric] = _bound_json(Bound("ceiling", value))
            else:
                value = _floor3(score)
                if bound is None or value > bound.value:
                    tasks.setdefault(result.task, {})[metric] = _bound_json(Bound("floor", value))
    data: dict[str, Any] = {"comment": comment} if comment else {}
    return data | {"tolerance": tolerance, "tasks": tasks}


def _bound_json(bound: Bound) -> dict[str, Any]:
    if bound.kind == "floor":
        return {"better": "higher", "floor": bound.value}
    return {"better": "lower", "ceiling": bound.value}


def dump_baseline(data: Mapping[str, Any]) -> str:
    """Baseline JSON with one line per bound, so a diff shows exactly which bound moved."""
    lines = ["{"]
    if "comment" in data:
        lines.append(f'  "comment": {json.dumps(data["comment"])},')
    lines.append(f'  "tolerance": {json.dumps(data["tolerance"])},')
    lines.append('  "tasks": {')
    tasks = list(data["tasks"].items())
    for t, (task, metrics) in enumerate(tasks):
        lines.append(f"    {json.dumps(task)}: {{")
        items = list(metrics.items())
        for m, (metric, bound) in enumerate(items):
            comma = "," if m < len(items) - 1 else ""
            lines.append(f"      {json.dumps(metric)}: {json.dumps(bound)}{comma}")
        lines.append("    }" + ("," if t < len(tasks) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"

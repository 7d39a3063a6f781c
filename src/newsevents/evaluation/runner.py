"""Task registry, `eval` / `eval-all` drivers and the saved results file the gate reuses."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from newsevents.errors import E_USAGE, NewsEventsError
from newsevents.evaluation import actors, cameo, events, extraction, geo, quotes
from newsevents.evaluation.common import EvalContext, TaskResult
from newsevents.settings import Settings

RESULTS_VERSION = 1
DEFAULT_RESULTS = Path("out/eval-results.json")


@dataclass(frozen=True, slots=True)
class TaskSpec:
    name: str  # the TASK argument of `newsevents eval`
    run: Callable[[Path, EvalContext], TaskResult]
    pattern: str  # gold file (or folder) names it reads
    dev: str  # its DEV gold, relative to the shared folder
    metrics: tuple[str, ...]
    lower_is_better: frozenset[str]
    needs_nlp: bool = True


TASKS: dict[str, TaskSpec] = {
    spec.name: spec
    for spec in (
        TaskSpec("events", events.run, events.GOLD_PATTERN, "eval/plover_gsr.dev.jsonl", events.METRICS,
                 events.LOWER_IS_BETTER),
        TaskSpec("cameo", cameo.run, cameo.GOLD_PATTERN, "eval/petr2_gsr.dev.jsonl", cameo.METRICS,
                 cameo.LOWER_IS_BETTER),
        TaskSpec("actors", actors.run, actors.GOLD_PATTERN, "eval/actors.dev.jsonl", actors.METRICS,
                 actors.LOWER_IS_BETTER, needs_nlp=False),
        TaskSpec("extraction", extraction.run, extraction.GOLD_PATTERN, "eval/extraction", extraction.METRICS,
                 extraction.LOWER_IS_BETTER, needs_nlp=False),
        TaskSpec("geo", geo.run, geo.GOLD_PATTERN, "eval/geo_gwn.dev.jsonl", geo.METRICS, geo.LOWER_IS_BETTER),
        TaskSpec("quotes", quotes.run, quotes.GOLD_PATTERN, "eval/quotes_polnear.dev.jsonl", quotes.METRICS,
                 quotes.LOWER_IS_BETTER),
    )
}  # fmt: skip

# What `eval-all` runs, as (result name, task, gold-spans mode); geo's two modes are kept apart.
ALL_RUNS: tuple[tuple[str, str, bool], ...] = (
    ("events", "events", False),
    ("cameo", "cameo", False),
    ("actors", "actors", False),
    ("extraction", "extraction", False),
    ("geo", "geo", False),
    ("geo_gold_spans", "geo", True),
    ("quotes", "quotes", False),
)

# Results read off another result's per-split breakdown, as (result name, task, split): PolNeAR's
# `dev` split alone is the honest estimate of the quotes model, which trains on its `train` split.
SPLIT_RUNS: tuple[tuple[str, str, str], ...] = (("quotes_dev_split", "quotes", "dev"),)

# Metric names per result name, and those where lower is better (error km, no_event_rate, ece).
RESULT_METRICS: dict[str, tuple[str, ...]] = {
    **{
        name: (geo.RESOLUTION_METRICS if gold_spans else TASKS[task].metrics)
        for name, task, gold_spans in ALL_RUNS
    },
    **{name: TASKS[task].metrics for name, task, _ in SPLIT_RUNS},
}
LOWER_IS_BETTER: dict[str, frozenset[str]] = {
    name: TASKS[task].lower_is_better for name, task, _ in (*ALL_RUNS, *SPLIT_RUNS)
}


def run_task(
    task: str, gold: Path, settings: Settings, limit: int | None = None, gold_spans: bool = False,
    ctx: EvalContext | None = None, split: str | None = None,
) -> TaskResult:  # fmt: skip
    """Runs one task over one gold file (or folder); `seconds` covers loading the pipeline too."""
    if task not in TASKS:
        raise NewsEventsError(E_USAGE, f"unknown task {task!r}; tasks: {', '.join(TASKS)}")
    if gold_spans and task != "geo":
        raise NewsEventsError(E_USAGE, "--gold-spans applies to the geo task only")
    if not gold.exists():
        raise NewsEventsError(E_USAGE, f"gold file {gold} not found")
    if split is not None and gold.is_dir():
        raise NewsEventsError(E_USAGE, "--split applies to JSONL gold files with a `split` field")
    context = ctx or EvalContext(settings)
    context.limit, context.gold_spans, context.split = limit, gold_spans, split
    started = time.perf_counter()
    result = TASKS[task].run(gold, context)
    result.seconds = time.perf_counter() - started
    return result


def _run_group(
    shared: Path, runs: list[tuple[str, str, bool]], settings: Settings, limit: int | None
) -> list[TaskResult]:
    ctx = EvalContext(settings)  # one pipeline for every task of the group
    out = []
    for _name, task, gold_spans in runs:
        out.append(run_task(task, shared / TASKS[task].dev, settings, limit, gold_spans, ctx))
    return out


def eval_all(
    shared: Path, settings: Settings, limit: int | None = None, workers: int = 1
) -> list[TaskResult]:
    """Every task on its DEV gold. With workers > 1 the quotes task (by far the largest: the whole
    PolNeAR DEV file) runs in its own process next to all the others."""
    missing = [str(shared / TASKS[t].dev) for _, t, _ in ALL_RUNS if not (shared / TASKS[t].dev).exists()]
    if missing:
        raise NewsEventsError(E_USAGE, f"gold files missing: {', '.join(missing)}")
    runs = list(ALL_RUNS)
    if workers <= 1:
        results = _run_group(shared, runs, settings, limit)
    else:
        heavy = [r for r in runs if r[1] == "quotes"]
        light = [r for r in runs if r[1] != "quotes"]
        with ProcessPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(_run_group, shared, group, settings, limit) for group in (light, heavy)]
            results = [r for f in futures for r in f.result()]
    results += split_results(results)
    order = {name: i for i, (name, _, _) in enumerate((*ALL_RUNS, *SPLIT_RUNS))}
    return sorted(results, key=lambda r: order.get(r.task, len(order)))


def split_results(results: list[TaskResult]) -> list[TaskResult]:
    """The SPLIT_RUNS results, from the per-split details of their task's result (none when a
    `--limit` left that split out)."""
    by_task = {r.task: r for r in results}
    out = []
    for name, task, split in SPLIT_RUNS:
        parent = by_task.get(task)
        if parent is None or split not in parent.details.get("by_split", {}):
            continue
        n = int(parent.details.get("by_split_n", {}).get(split, 0))
        out.append(TaskResult(name, f"{parent.gold} (split {split})", n, parent.details["by_split"][split]))
    return out


# --- the results file -------------------------------------------------------------------------


def code_fingerprint(shared: Path, settings: Settings) -> str:
    """Digest of everything a score depends on: package code and data, settings, the model
    version and the gold files (names, sizes, modification times)."""
    import spacy

    import newsevents

    digest = hashlib.sha256()
    package = Path(newsevents.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yaml", ".json", ".tsv", ".toml", ".bin", ".npz"}:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    digest.update(repr(settings).encode())
    digest.update(spacy.__version__.encode())
    digest.update(settings.nlp.model.encode())
    try:
        digest.update(version(settings.nlp.model).encode())
    except PackageNotFoundError:  # a model loaded from a path: its name only
        pass
    for _, task, _ in ALL_RUNS:
        gold = shared / TASKS[task].dev
        files = sorted(p for p in gold.rglob("*") if p.is_file()) if gold.is_dir() else [gold]
        for path in files:
            stat = path.stat()
            digest.update(f"{path.relative_to(shared)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def save_results(path: Path, results: list[TaskResult], fingerprint: str, limit: int | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": RESULTS_VERSION,
        "fingerprint": fingerprint,
        "limit": limit,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "results": [r.to_json() for r in results],
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def load_fresh_results(path: Path, fingerprint: str) -> list[TaskResult] | None:
    """Saved results of a full (unlimited) run with this fingerprint, else None."""
    try:
        payload: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    if payload.get("version") != RESULTS_VERSION or payload.get("fingerprint") != fingerprint:
        return None
    if payload.get("limit") is not None:
        return None
    return [
        TaskResult(r["task"], r["gold"], r["n"], r["metrics"], seconds=r.get("seconds", 0.0))
        for r in payload.get("results", [])
    ]

"""Rich rendering of evaluation results: one task in detail, or every task in one table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table

from newsevents.evaluation.common import TaskResult

if TYPE_CHECKING:
    from newsevents.evaluation.baseline import Bound, Check


def fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.1f}" if metric.endswith("_km") else f"{value:.3f}"


def metrics_table(result: TaskResult) -> Table:
    table = Table(caption=f"n={result.n}, {result.seconds:.1f} s")
    table.add_column("metric")
    table.add_column("score", justify="right")
    for name, value in result.metrics.items():
        table.add_row(name, fmt(name, value))
    return table


def category_table(confusion: Mapping[str, int]) -> Table:
    """Per gold category: records, primary type right, and how often the category was predicted."""
    gold_n: Counter[str] = Counter()
    right: Counter[str] = Counter()
    predicted_n: Counter[str] = Counter()
    for key, count in confusion.items():
        gold, predicted = key.split("\t")
        gold_n[gold] += count
        predicted_n[predicted] += count
        if gold == predicted:
            right[gold] += count
    table = Table(title="per category (primary event type)", title_justify="left")
    for column in ("category", "gold", "right", "recall", "predicted", "precision"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category in sorted(set(gold_n) | set(predicted_n) - {"-"}):
        recall = right[category] / gold_n[category] if gold_n[category] else None
        precision = right[category] / predicted_n[category] if predicted_n[category] else None
        table.add_row(
            category,
            str(gold_n[category]),
            str(right[category]),
            fmt("", recall),
            str(predicted_n[category]),
            fmt("", precision),
        )
    return table


def confusion_table(confusion: Mapping[str, int]) -> Table:
    """Rows: gold category; columns: predicted primary type (first four letters; `-` = none)."""
    pairs = {tuple(k.split("\t")): v for k, v in confusion.items()}
    golds = sorted({g for g, _ in pairs})
    predicted = sorted({p for _, p in pairs} - {"-"}) + ["-"]
    table = Table(
        title="confusion (rows gold, columns predicted primary type; - = none)",
        title_justify="left",
        box=box.SIMPLE,
        padding=(0, 1),
    )
    table.add_column("gold", no_wrap=True)
    for p in predicted:
        table.add_column(p[:4], justify="right", no_wrap=True)
    for g in golds:
        table.add_row(g[:4], *[str(pairs.get((g, p), "")) for p in predicted])
    return table


def reliability_rendering(bins: Sequence[Mapping[str, float]], ece: float | None) -> Table:
    table = Table(title=f"reliability (bins of >= 10 events)  ECE = {fmt('', ece)}", title_justify="left")
    for column in ("confidence", "events", "mean confidence", "observed accuracy", "gap"):
        table.add_column(column, justify="right")
    for b in bins:
        gap = b["accuracy"] - b["mean_confidence"]
        table.add_row(
            f"{b['low']:.1f}-{b['high']:.1f}",
            str(int(b["count"])),
            f"{b['mean_confidence']:.3f}",
            f"{b['accuracy']:.3f}",
            f"{gap:+.3f}",
        )
    return table


def split_table(by_split: Mapping[str, Mapping[str, float | None]]) -> Table:
    """The same metrics per gold split (PolNeAR train / dev)."""
    table = Table(title="by gold split", title_justify="left")
    splits = list(by_split)
    table.add_column("metric")
    for split in splits:
        table.add_column(split, justify="right")
    for metric in next(iter(by_split.values()), {}):
        table.add_row(metric, *[fmt(metric, by_split[s].get(metric)) for s in splits])
    return table


def render_task(result: TaskResult, console: Console) -> None:
    console.print(f"[bold]{result.task}[/bold] on {result.gold}")
    console.print(metrics_table(result))
    confusion = result.details.get("confusion")
    if confusion:
        console.print(category_table(confusion))
        console.print(confusion_table(confusion))
    if "reliability" in result.details:
        console.print(reliability_rendering(result.details["reliability"], result.metrics.get("ece")))
    if result.details.get("by_split"):
        console.print(split_table(result.details["by_split"]))


def render_summary(
    results: Sequence[TaskResult],
    console: Console,
    bounds: Mapping[tuple[str, str], Bound] | None = None,
    checks: Sequence[Check] = (),
) -> None:
    """Every task and metric in one table; with bounds, the baseline and pass/fail per metric."""
    failed = {(c.task, c.metric): c for c in checks if not c.ok}
    table = Table(title="newsevents evaluation scorecard", title_justify="left")
    for column in ("task", "n", "metric", "score"):
        table.add_column(column, justify="right" if column in ("n", "score") else "left")
    if bounds is not None:
        table.add_column("bound", justify="right")
        table.add_column("", justify="left")
    for result in results:
        first = True
        for name, value in result.metrics.items():
            row = [result.task if first else "", str(result.n) if first else "", name, fmt(name, value)]
            if bounds is not None:
                bound = bounds.get((result.task, name))
                if bound is None:
                    row += ["", ""]
                else:
                    sign = ">=" if bound.kind == "floor" else "<="
                    status = "[red]FAIL[/red]" if (result.task, name) in failed else "ok"
                    row += [f"{sign} {fmt(name, bound.value)}", status]
            table.add_row(*row)
            first = False
        table.add_section()
    console.print(table)
    seconds = sum(r.seconds for r in results)
    console.print(f"{len(results)} tasks, {seconds:.0f} s of task time")

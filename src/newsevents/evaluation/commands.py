"""The `eval`, `eval-all` and `bench` commands, added to the CLI by `register(app)`.

Imports stay light here (typer, rich): the evaluation and spaCy load when a command runs. This
module must not import newsevents.cli (the CLI imports it). With `--json` a command prints exactly
one JSON object on stdout; progress and warnings go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsevents.errors import E_USAGE, NewsEventsError

EXIT_USAGE = 2

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Settings file (TOML, same keys as the defaults)", dir_okay=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables")]


@contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except NewsEventsError as exc:
        Console(stderr=True).print(
            f"[bold red]error[/] {escape(f'{exc.code}: {exc.message}')}", highlight=False
        )
        raise typer.Exit(EXIT_USAGE) from None


def eval_command(
    task: Annotated[str, typer.Argument(help="events | cameo | actors | extraction | geo | quotes")],
    gold: Annotated[Path, typer.Argument(help="Gold file (extraction: the folder)", exists=True)],
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N gold items")] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write one JSONL line per miss", dir_okay=False)
    ] = None,
    actor_dicts: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="PETRARCH/Phoenix dictionary file (repeat the option)", exists=True),
    ] = None,
    gold_spans: Annotated[
        bool, typer.Option("--gold-spans", help="geo: resolve the gold spans themselves")
    ] = False,
    split: Annotated[
        str | None,
        typer.Option("--split", help="Only records whose `split` field is this (quotes: train, dev)"),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Score the pipeline's stage code against a gold file (ids key the documents)."""
    from newsevents.evaluation.common import write_misses
    from newsevents.evaluation.runner import run_task
    from newsevents.evaluation.scorecard import render_task
    from newsevents.settings import load_settings

    with _user_errors():
        settings = load_settings(config)
        if actor_dicts:
            files = (*settings.nlp.phoenix_files, *(str(p) for p in actor_dicts))
            settings = settings.with_overrides(nlp={"phoenix_files": list(files)})
        result = run_task(task, gold, settings, limit=limit, gold_spans=gold_spans, split=split)
        if errors is not None:
            count = write_misses(errors, [result])
            Console(stderr=True).print(f"{count} misses written to {errors}")
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
    else:
        render_task(result, Console())


def eval_all_command(
    shared: Annotated[Path, typer.Option("--shared", help="Folder holding eval/ (the DEV gold sets)")] = Path(
        "../shared"
    ),
    as_json: JsonOption = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N items per task")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes (2: quotes runs apart)")] = 2,
    results: Annotated[
        Path, typer.Option("--results", help="Where the results are saved for the gate", dir_okay=False)
    ] = Path("out/eval-results.json"),
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write one JSONL line per miss", dir_okay=False)
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Every task on its DEV gold in one scorecard (geo and geo_gold_spans apart)."""
    from newsevents.evaluation.common import write_misses
    from newsevents.evaluation.runner import code_fingerprint, eval_all, save_results
    from newsevents.evaluation.scorecard import render_summary
    from newsevents.settings import load_settings

    with _user_errors():
        if not (shared / "eval").is_dir():
            raise NewsEventsError(E_USAGE, f"no gold sets at {shared / 'eval'}; pass --shared PATH")
        settings = load_settings(config)
        fingerprint = code_fingerprint(shared, settings)  # of the code as it was when the run began
        all_results = eval_all(shared, settings, limit=limit, workers=workers)
        save_results(results, all_results, fingerprint, limit)
        if errors is not None:
            write_misses(errors, all_results)
    if as_json:
        sys.stdout.write(json.dumps([r.to_json() for r in all_results]) + "\n")
    else:
        render_summary(all_results, Console())


def bench_command(
    corpus: Annotated[
        Path, typer.Argument(help="JSONL corpus (one article per line) or a folder", exists=True)
    ],
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles")] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Throughput of the full pipeline against a bare spaCy pass over the same words."""
    from newsevents.bench import render_bench, run_bench
    from newsevents.settings import load_settings

    with _user_errors():
        report = run_bench(corpus, load_settings(config), limit=limit)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
    else:
        render_bench(report, Console())


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("eval-all")(eval_all_command)
    app.command("bench")(bench_command)

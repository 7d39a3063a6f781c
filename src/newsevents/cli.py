"""The `newsevents` command line (Typer + Rich).

    newsevents run INPUT... [--db PATH]         ingest, extract, analyse, store
    newsevents articles|rejections|events|quotes [--db PATH] [--format ...]
    newsevents export --format jsonl|csv|parquet|gdelt OUT

Errors users can act on (missing database, unreadable config, bad filter) print one line and
exit 2; documents that cannot be processed are not errors: they are stored as rejections.
Heavy modules (spaCy, the pipeline) are imported only by the commands that need them, so the
query commands and `--help` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from newsevents.errors import E_USAGE, NewsEventsError
from newsevents.store import EventFilter, Store

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class RejectionFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="DuckDB file (default: store.path of the settings, ./newsevents.duckdb)", dir_okay=False
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Settings file (TOML, same keys as the defaults)", dir_okay=False),
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=0, help="At most this many rows")]


def _stdout() -> Console:
    # Piped output (make demo, CI logs) gets a wide table instead of Rich's 80-column default,
    # unless the user sets COLUMNS.
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=160)


def _stderr() -> Console:
    return Console(stderr=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turns errors a user can act on into one line on stderr and exit status 2."""
    try:
        yield
    except NewsEventsError as exc:
        message = escape(f"{exc.code}: {exc.message}")
        _stderr().print(f"[bold red]error[/] {message}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None


def _db_path(db: Path | None, config: Path | None) -> str:
    if db is not None:
        return str(db)
    from newsevents.settings import load_settings

    return load_settings(config).store.path


def _open_for_reading(db: Path | None, config: Path | None) -> Store:
    return Store.open(_db_path(db, config), read_only=True)


def _write_records(records: Iterator[dict[str, Any]], fmt: str, schema: str) -> None:
    from newsevents.export import schema_columns, write_csv, write_jsonl

    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        write_csv(records, sys.stdout, schema_columns(schema))
    sys.stdout.flush()


def _iso_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def _country_code(value: str | None) -> str | None:
    """ISO alpha-3 from what a user types: "RUS", "ru", "Russia"."""
    if value is None:
        return None
    if len(value) == 3 and value.isalpha():
        return value.upper()
    import pycountry

    try:
        return str(pycountry.countries.lookup(value).alpha_3)
    except LookupError:
        pass
    try:
        # Common short names ("Russia", "Syria") are not pycountry names; its fuzzy search knows them.
        return str(pycountry.countries.search_fuzzy(value)[0].alpha_3)
    except LookupError:
        raise typer.BadParameter(
            f"unknown country {value!r}; use an ISO-3166 code such as RUS", param_hint="--country"
        ) from None


# -- commands ---------------------------------------------------------------------------------------


def run_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories (recursive; .gz too)", exists=True, show_default=False, metavar="INPUT"
        ),
    ],
    db: DbOption = None,
    config: ConfigOption = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Documents per transaction")
    ] = None,
    timex_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--timex",
            help="Your own time words (YAML, the shape of data/timex/vocabulary.yaml; repeat the option)",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Read INPUTs, extract articles, find events, and store everything in the database."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsevents.cli_render import run_summary_table
    from newsevents.pipeline import RunSummary
    from newsevents.pipeline import run as run_pipeline
    from newsevents.settings import load_settings
    from newsevents.version import pipeline_version

    with user_errors():
        settings = load_settings(config)
        if batch_size is not None:
            settings = settings.with_overrides(store={"batch_size": batch_size})
        if timex_files:
            files = (*settings.nlp.timex_files, *(str(p) for p in timex_files))
            settings = settings.with_overrides(nlp={"timex_files": list(files)})
        if settings.nlp.timex_files:
            from newsevents.nlp.timex.vocabulary import load_vocabulary

            load_vocabulary(settings.nlp.timex_files)  # a bad file fails here, before the run starts
        db_path = str(db) if db is not None else settings.store.path
        with Store.open(db_path) as store:
            run_id = store.start_run([str(p) for p in inputs], pipeline_version())
            progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]documents"),
                BarColumn(),
                TextColumn("{task.completed} seen · {task.fields[status]}"),
                TimeElapsedColumn(),
                console=_stderr(),
            )
            # The orchestrator updates one RunSummary in place and hands it to every callback;
            # keeping it here lets an interrupted run still record how far it got.
            latest = {"summary": RunSummary()}

            def on_batch(done: int, current: RunSummary) -> None:
                latest["summary"] = current
                status = f"{current.processed} processed · {current.rejected_total} rejected · {current.events} events"
                progress.update(task, completed=done, status=status)

            try:
                with progress:
                    task = progress.add_task("run", total=None, status="starting")
                    summary = run_pipeline(inputs, settings, store, progress=on_batch)
            except KeyboardInterrupt:
                store.finish_run(run_id, status="interrupted", **_summary_counts(latest["summary"]))
                _stderr().print("interrupted: the stored batches are kept; rerun the same command to finish")
                raise typer.Exit(EXIT_INTERRUPTED) from None
            except BaseException:
                store.finish_run(run_id, status="failed", **_summary_counts(latest["summary"]))
                raise
            store.finish_run(run_id, status="done", **_summary_counts(summary))
    _stdout().print(run_summary_table(summary, db_path))


def _summary_counts(summary: Any) -> dict[str, int]:
    return {
        "seen": summary.seen,
        "skipped": summary.skipped,
        "processed": summary.processed,
        "rejected": summary.rejected_total,
        "events": summary.events,
    }


def articles_command(
    db: DbOption = None,
    config: ConfigOption = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format")] = ListFormat.table,
    limit: LimitOption = None,
) -> None:
    """List the stored articles (JSONL: article_id, url, title, authors, date, publisher, captions, body, language)."""
    with user_errors(), _open_for_reading(db, config) as store:
        if fmt == ListFormat.table:
            from newsevents.cli_render import articles_table

            _stdout().print(articles_table(store.iter_articles(limit)))
        else:
            _write_records(store.iter_articles(limit), fmt.value, "article")


def rejections_command(
    db: DbOption = None,
    config: ConfigOption = None,
    fmt: Annotated[RejectionFormat, typer.Option("--format", help="Output format")] = RejectionFormat.table,
    limit: LimitOption = None,
) -> None:
    """List the rejected documents with their reason codes (document_id, origin, reason, message)."""
    with user_errors(), _open_for_reading(db, config) as store:
        rejections = store.rejections(limit)
        if fmt == RejectionFormat.table:
            from newsevents.cli_render import rejections_table

            _stdout().print(rejections_table(rejections))
        else:
            _write_records(iter(rejections), "jsonl", "rejection")


TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER category, e.g. ASSAULT")]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="Source, target or location country (ISO code or name)")
]
SinceOption = Annotated[str | None, typer.Option("--since", help="Events dated on or after YYYY-MM-DD")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Events dated on or before YYYY-MM-DD")]


def _event_filter(
    type_: str | None, country: str | None, since: str | None, until: str | None, limit: int | None = None
) -> EventFilter:
    return EventFilter(
        type=type_.upper() if type_ else None,
        country=_country_code(country),
        since=_iso_date(since, "--since"),
        until=_iso_date(until, "--until"),
        limit=limit,
    )


def events_command(
    db: DbOption = None,
    config: ConfigOption = None,
    fmt: Annotated[EventFormat, typer.Option("--format", help="Output format")] = EventFormat.table,
    type_: TypeOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of stdout", dir_okay=False)
    ] = None,
    limit: LimitOption = None,
) -> None:
    """List the stored events, optionally filtered."""
    flt = _event_filter(type_, country, since, until, limit)
    with user_errors():
        if fmt == EventFormat.table and out is not None:
            raise NewsEventsError(E_USAGE, "--out writes jsonl, csv or parquet; add --format")
        if fmt == EventFormat.parquet and out is None:
            raise NewsEventsError(E_USAGE, "parquet is binary: give a file with --out FILE")
        with _open_for_reading(db, config) as store:
            if out is not None:
                from newsevents.export import export_events

                n = export_events(store, fmt.value, out, flt)
                _stderr().print(f"wrote {n} events to {out}")
            elif fmt == EventFormat.table:
                from newsevents.cli_render import events_table

                _stdout().print(events_table(store.iter_events(flt)))
            else:
                _write_records(store.iter_events(flt), fmt.value, "event")


def quotes_command(
    db: DbOption = None,
    config: ConfigOption = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Part of the speaker's name")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format")] = ListFormat.table,
    limit: LimitOption = None,
) -> None:
    """List the stored quotes (who said what, with cue, content spans and the events reported)."""
    with user_errors(), _open_for_reading(db, config) as store:
        if fmt == ListFormat.table:
            from newsevents.cli_render import quotes_table

            _stdout().print(quotes_table(store.iter_quotes(speaker, limit)))
        else:
            _write_records(store.iter_quotes(speaker, limit), fmt.value, "quote")


def export_command(
    out: Annotated[Path, typer.Argument(help="Output file", dir_okay=False, show_default=False)],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl, csv, parquet or gdelt (GDELT 1.0 TSV)")
    ],
    db: DbOption = None,
    config: ConfigOption = None,
    type_: TypeOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Export the events to a file."""
    from newsevents.export import export_events

    flt = _event_filter(type_, country, since, until)
    with user_errors(), _open_for_reading(db, config) as store:
        n = export_events(store, fmt.value, out, flt)
    _stderr().print(f"wrote {n} events to {out}")


def _version_callback(value: bool) -> None:
    if value:
        from newsevents.version import __version__, pipeline_version

        typer.echo(f"newsevents {__version__} (pipeline {pipeline_version()})")
        raise typer.Exit()


def _main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version")
    ] = False,
) -> None:
    """Raw news articles to a queryable event dataset (PLOVER/CAMEO), offline."""


def _register_optional_commands(app: typer.Typer) -> None:
    """Commands other packages contribute: `eval`, `eval-all` and `bench` live in
    newsevents.evaluation.commands. That module must not import newsevents.cli at import time."""
    import importlib

    try:
        commands = importlib.import_module("newsevents.evaluation.commands")
    except ModuleNotFoundError as exc:
        # Only the optional module itself may be missing; a missing import inside it is a bug.
        if exc.name not in ("newsevents.evaluation", "newsevents.evaluation.commands"):
            raise
        return
    commands.register(app)


def create_app() -> typer.Typer:
    app = typer.Typer(
        name="newsevents",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_main_callback)
    app.command("run")(run_command)
    app.command("articles")(articles_command)
    app.command("rejections")(rejections_command)
    app.command("events")(events_command)
    app.command("quotes")(quotes_command)
    app.command("export")(export_command)
    _register_optional_commands(app)
    return app


app = create_app()


def main() -> None:
    app()


if __name__ == "__main__":
    main()

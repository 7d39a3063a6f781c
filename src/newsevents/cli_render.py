"""Rich tables for the CLI: what a person reads in a terminal (scripts use --format jsonl/csv)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.table import Table

if TYPE_CHECKING:
    from newsevents.pipeline import RunSummary


def _short(text: str | None, width: int) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def actor_label(actor: dict[str, Any]) -> str:
    """ "Hamdullah Mohib (AFG/GOV)": the canonical name (else the mention) and its codes."""
    name = actor.get("name") or actor.get("text") or "?"
    codes = "/".join(c for c in (actor.get("country"), actor.get("sector")) if c)
    return f"{name} ({codes})" if codes else name


def date_label(event: dict[str, Any]) -> str:
    start, end, precision = event.get("date"), event.get("date_end"), event.get("date_precision")
    if not start:
        return ""
    span = start if not end or end == start else f"{start}..{end}"
    return f"{span} ({precision})" if precision else span


def place_label(location: dict[str, Any] | None) -> str:
    if not location:
        return ""
    name = location.get("name") or location.get("text") or ""
    return f"{name}, {location['country']}" if location.get("country") else name


def casualty_label(event: dict[str, Any]) -> str:
    parts = []
    for field in ("dead", "injured", "arrested"):
        value = event.get(field)
        if value is None:
            continue
        qualifier = event.get(f"{field}_qualifier")
        parts.append(f"{field} {qualifier + ' ' if qualifier else ''}{value}")
    return "; ".join(parts)


def events_table(events: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Events", show_lines=False)
    for column in (
        "type",
        "mode",
        "source",
        "target",
        "date",
        "place",
        "casualties",
        "factuality",
        "attributed to",
        "trigger",
    ):
        table.add_column(column, overflow="fold")
    for e in events:
        table.add_row(
            e["event_type"],
            e.get("mode") or "",
            "; ".join(actor_label(a) for a in e.get("source") or []),
            "; ".join(actor_label(a) for a in e.get("target") or []),
            date_label(e),
            place_label(e.get("location")),
            casualty_label(e),
            e.get("factuality") or "",
            e.get("attributed_to") or "",
            _short(e.get("trigger"), 30),
        )
    return table


def articles_table(articles: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Articles")
    for column in ("article_id", "date", "publisher", "title", "authors", "lang", "chars"):
        table.add_column(column, overflow="fold")
    for a in articles:
        table.add_row(
            a["article_id"][:12],
            a.get("date") or "",
            a.get("publisher") or "",
            _short(a.get("title"), 60),
            ", ".join(a.get("authors") or []),
            a.get("language") or "",
            str(len(a.get("body") or "")),
        )
    return table


def rejections_table(rejections: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Rejected documents")
    for column in ("document_id", "origin", "reason", "message"):
        table.add_column(column, overflow="fold")
    for r in rejections:
        table.add_row(r["document_id"][:12], r["origin"], r["reason"], _short(r.get("message"), 80))
    return table


def quotes_table(quotes: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Quotes")
    for column in ("speaker", "cue", "content", "direct", "events"):
        table.add_column(column, overflow="fold")
    for q in quotes:
        speaker = q.get("speaker")
        table.add_row(
            actor_label(speaker) if speaker else "",
            q.get("cue") or "",
            _short(q.get("content"), 100),
            "yes" if q.get("direct") else "no",
            str(len(q.get("event_ids") or [])),
        )
    return table


def run_summary_table(summary: RunSummary, db: str) -> Table:
    table = Table(title=f"Run summary ({db})")
    table.add_column("documents", style="bold")
    table.add_column("count", justify="right")
    table.add_row("seen", str(summary.seen))
    table.add_row("skipped (already stored)", str(summary.skipped))
    table.add_row("processed", str(summary.processed))
    table.add_row("rejected", str(summary.rejected_total))
    for reason, count in sorted(summary.rejected.items()):
        table.add_row(f"  {reason}", str(count))
    table.add_row("events", str(summary.events))
    table.add_row("quotes", str(summary.quotes))
    return table

"""The orchestrator: the one place that lists the pipeline stages, in order.

    ingest -> extract -> nlp (actors, time, places, events, quotes) -> store

Documents are processed in batches; each batch is written in one transaction, so a run killed at
any point leaves whole batches only, and the next run skips documents already stored (by id).
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.errors import E_INTERNAL
from newsevents.extract import extract_article
from newsevents.ingest import iter_documents
from newsevents.settings import Settings
from newsevents.types import Article, ArticleAnalysis, DocumentRecord, RawDocument, Rejection

if TYPE_CHECKING:
    from spacy.language import Language

    from newsevents.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunSummary:
    seen: int = 0
    skipped: int = 0  # already in the database (or repeated within this run)
    processed: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    events: int = 0
    quotes: int = 0

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


# Called after each batch with (documents done so far, summary); the CLI drives a progress bar with it.
ProgressCallback = Callable[[int, RunSummary], None]


def _batched(items: Iterable[RawDocument | Rejection], size: int) -> Iterator[list[RawDocument | Rejection]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _record(item: RawDocument | Rejection, status: str) -> DocumentRecord:
    if isinstance(item, Rejection):
        return DocumentRecord(item.document_id, item.origin, "unknown", 0, "rejected")
    return DocumentRecord(item.document_id, item.origin, item.content_type, item.size, status)  # type: ignore[arg-type]


def extract_batch(raws: list[RawDocument], settings: Settings) -> tuple[list[Article], list[Rejection]]:
    """Stage 2 over a batch: every document ends as an Article or a Rejection, never an exception."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for raw in raws:
        try:
            result = extract_article(raw, settings)
        except Exception as exc:  # noqa: BLE001  a bug in one document must not stop the batch
            log.exception("extract failed on %s", raw.origin)
            result = Rejection(raw.document_id, raw.origin, E_INTERNAL, f"extract failed: {exc!r}")
        (rejections if isinstance(result, Rejection) else articles).append(result)  # type: ignore[arg-type]
    return articles, rejections


def analyze_batch(
    nlp: Language, articles: list[Article], settings: Settings
) -> tuple[list[ArticleAnalysis], list[Rejection]]:
    """Stage 3 over a batch; if the batch fails, each article is retried alone so one bad article
    is rejected (E_INTERNAL) and the rest are kept."""
    from newsevents.analyze import analyze_articles

    try:
        return list(analyze_articles(nlp, articles, settings.nlp.batch_size)), []
    except Exception:  # noqa: BLE001  retried article by article below, to find the bad one
        log.exception("nlp failed on a batch; retrying article by article")
    analyses: list[ArticleAnalysis] = []
    rejections: list[Rejection] = []
    for article in articles:
        try:
            analyses.extend(analyze_articles(nlp, [article], 1))
        except Exception as exc:  # noqa: BLE001
            log.exception("nlp failed on %s", article.origin)
            rejections.append(
                Rejection(article.document_id, article.origin, E_INTERNAL, f"nlp failed: {exc!r}")
            )
    return analyses, rejections


def run(
    inputs: Iterable[str | Path],
    settings: Settings,
    store: Store,
    nlp: Language | None = None,
    progress: ProgressCallback | None = None,
) -> RunSummary:
    """Runs every stage over `inputs` into `store`; returns what happened to each document."""
    summary = RunSummary()
    seen_this_run: set[str] = set()
    done = 0
    for batch in _batched(iter_documents([Path(p) for p in inputs], settings), settings.store.batch_size):
        summary.seen += len(batch)
        known = store.known_document_ids([item.document_id for item in batch])
        fresh: list[RawDocument | Rejection] = []
        for item in batch:
            if item.document_id in known or item.document_id in seen_this_run:
                summary.skipped += 1
                continue
            seen_this_run.add(item.document_id)
            fresh.append(item)

        rejections = [item for item in fresh if isinstance(item, Rejection)]
        raws = [item for item in fresh if isinstance(item, RawDocument)]
        articles, extract_rejections = extract_batch(raws, settings)
        rejections += extract_rejections
        analyses: list[ArticleAnalysis] = []
        if articles:
            if nlp is None:
                from newsevents.nlp.pipeline import build_nlp

                nlp = build_nlp(settings)
            analyses, nlp_rejections = analyze_batch(nlp, articles, settings)
            rejections += nlp_rejections

        rejected_ids = {r.document_id for r in rejections}
        documents = [
            _record(item, "rejected" if item.document_id in rejected_ids else "processed") for item in fresh
        ]
        store.write_batch(documents, analyses, rejections)

        summary.processed += len(analyses)
        summary.rejected.update(r.reason for r in rejections)
        summary.events += sum(len(a.events) for a in analyses)
        summary.quotes += sum(len(a.quotes) for a in analyses)
        done += len(batch)
        if progress is not None:
            progress(done, summary)
    return summary

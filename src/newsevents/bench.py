"""`newsevents bench CORPUS`: the full pipeline's throughput next to a bare spaCy pass.

In one process and one run, after a warm-up on the first few articles:
1. bare: `nlp.pipe` over the article bodies with the same model, only the model's own pipes
   (the ones enabled in the full pipeline), the same batch size, one process;
2. full: `newsevents.pipeline.run` over the same documents into a temporary database.
Both see the same words: the bodies the extract stage produces from the corpus. Stage times come
from timers wrapped around the orchestrator's stage calls (ingest, extract, nlp, store) and
around each spaCy component, without changing stage code. Timing lives here only, never in tests.
"""

from __future__ import annotations

import contextlib
import itertools
import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.errors import E_USAGE, NewsEventsError
from newsevents.settings import Settings
from newsevents.types import Article, Rejection

if TYPE_CHECKING:
    from rich.console import Console
    from spacy.language import Language
    from spacy.tokens import Doc

WARMUP_ARTICLES = 5
OUR_PREFIX = "newsevents_"


def _limited_inputs(corpus: Path, limit: int | None, tmp: Path, extensions: Iterable[str]) -> list[Path]:
    """The corpus cut to its first `limit` documents (a JSONL file: lines; a folder: files)."""
    if limit is None:
        return [corpus]
    if corpus.is_dir():
        suffixes = tuple(extensions)
        files = sorted(
            p for p in corpus.rglob("*") if p.is_file() and p.name.removesuffix(".gz").endswith(suffixes)
        )
        return files[:limit]
    if corpus.suffix != ".jsonl":
        raise NewsEventsError(E_USAGE, f"--limit needs a JSONL file or a folder, not {corpus.name}")
    out = tmp / corpus.name
    with corpus.open("rb") as source, out.open("wb") as target:
        target.writelines(itertools.islice((line for line in source if line.strip()), limit))
    return [out]


def _articles(inputs: list[Path], settings: Settings) -> list[Article]:
    from newsevents.extract import extract_article
    from newsevents.ingest import iter_documents

    out = []
    seen: set[str] = set()  # the orchestrator processes a repeated document once
    for item in iter_documents(inputs, settings):
        if isinstance(item, Rejection) or item.document_id in seen:
            continue
        seen.add(item.document_id)
        result = extract_article(item, settings)
        if isinstance(result, Article):
            out.append(result)
    return out


class _TimedComponent:
    """Wraps a pipeline component; adds its own time (not its input stream's) to `totals`."""

    def __init__(self, name: str, proc: Callable[[Doc], Doc], totals: dict[str, float]) -> None:
        self.name, self.proc, self.totals = name, proc, totals

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.proc, attr)

    def __call__(self, doc: Doc) -> Doc:
        started = time.perf_counter()
        try:
            return self.proc(doc)
        finally:
            self.totals[self.name] += time.perf_counter() - started

    def pipe(self, stream: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        waited = 0.0  # time spent pulling documents from the upstream component

        def upstream() -> Iterator[Doc]:
            nonlocal waited
            it = iter(stream)
            while True:
                started = time.perf_counter()
                try:
                    doc = next(it)
                except StopIteration:
                    waited += time.perf_counter() - started
                    return
                waited += time.perf_counter() - started
                yield doc

        inner = getattr(self.proc, "pipe", None)
        out = iter(inner(upstream(), **kwargs) if inner is not None else map(self.proc, upstream()))
        while True:
            started, waited_before = time.perf_counter(), waited
            try:
                doc = next(out)
            except StopIteration:
                self.totals[self.name] += time.perf_counter() - started - (waited - waited_before)
                return
            self.totals[self.name] += time.perf_counter() - started - (waited - waited_before)
            yield doc


@contextlib.contextmanager
def _timed_components(nlp: Language, totals: dict[str, float]) -> Iterator[None]:
    # spaCy keeps (name, component) pairs in `_components`; swapping the objects for timing
    # wrappers (and back) leaves the pipeline, its config and its order untouched.
    original = list(nlp._components)
    nlp._components[:] = [(name, _TimedComponent(name, proc, totals)) for name, proc in original]
    try:
        yield
    finally:
        nlp._components[:] = original


class _TimedStore:
    """The store as the orchestrator sees it, with write_batch timed."""

    def __init__(self, store: Any, totals: dict[str, float]) -> None:
        self._store, self._totals = store, totals

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._store, attr)

    def write_batch(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return self._store.write_batch(*args, **kwargs)
        finally:
            self._totals["store"] += time.perf_counter() - started


@contextlib.contextmanager
def _timed_stages(totals: dict[str, float]) -> Iterator[None]:
    """Timers around the orchestrator's stage calls (module attributes swapped, then restored)."""
    from newsevents import pipeline

    iter_documents, extract_batch, analyze_batch = (
        pipeline.iter_documents,
        pipeline.extract_batch,
        pipeline.analyze_batch,
    )

    def timed_iter(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = iter_documents(*args, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                totals["ingest"] += time.perf_counter() - started
                return
            totals["ingest"] += time.perf_counter() - started
            yield item

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[stage] += time.perf_counter() - started

        return call

    pipeline.iter_documents = timed_iter  # type: ignore[assignment]
    pipeline.extract_batch = timed("extract", extract_batch)  # type: ignore[assignment]
    pipeline.analyze_batch = timed("nlp", analyze_batch)  # type: ignore[assignment]
    try:
        yield
    finally:
        pipeline.iter_documents = iter_documents  # type: ignore[assignment]
        pipeline.extract_batch = extract_batch  # type: ignore[assignment]
        pipeline.analyze_batch = analyze_batch  # type: ignore[assignment]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _gazetteer_numbers(settings: Settings) -> dict[str, float] | None:
    try:
        from newsevents.nlp.places import gazetteer
    except ImportError:
        return None
    benchmark = getattr(gazetteer, "benchmark", None)
    if benchmark is None:
        return None
    numbers: dict[str, float] = benchmark(cache_dir=settings.place.cache_dir or None)
    return numbers


def run_bench(corpus: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    from newsevents.analyze import analyze_articles
    from newsevents.nlp.pipeline import build_nlp
    from newsevents.pipeline import run
    from newsevents.store import Store

    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as folder:
        tmp = Path(folder)
        settings = settings.with_overrides(store={"path": str(tmp / "bench.duckdb")})
        inputs = _limited_inputs(corpus, limit, tmp, settings.ingest.extensions)
        articles = _articles(inputs, settings)
        if not articles:
            raise NewsEventsError(E_USAGE, f"no article could be extracted from {corpus}")
        bodies = [a.body for a in articles]
        words = sum(len(body.split()) for body in bodies)
        batch_size = settings.nlp.batch_size

        nlp = build_nlp(settings)
        list(analyze_articles(nlp, articles[:WARMUP_ARTICLES], batch_size))  # loads vocabularies, gazetteer
        own_pipes = [name for name in nlp.pipe_names if not name.startswith(OUR_PREFIX)]
        with nlp.select_pipes(enable=own_pipes):
            for _ in nlp.pipe(bodies[:WARMUP_ARTICLES], batch_size=batch_size):
                pass
            started = time.perf_counter()
            for _ in nlp.pipe(bodies, batch_size=batch_size):
                pass
            bare_seconds = time.perf_counter() - started

        stages: dict[str, float] = defaultdict(float)
        components: dict[str, float] = defaultdict(float)
        with (
            Store.open(settings.store.path) as store,
            _timed_stages(stages),
            _timed_components(nlp, components),
        ):
            started = time.perf_counter()
            summary = run(inputs, settings, _TimedStore(store, stages), nlp=nlp)  # type: ignore[arg-type]
            full_seconds = time.perf_counter() - started

    peak = _peak_rss_mb()
    stage_seconds = {s: round(stages.get(s, 0.0), 3) for s in ("ingest", "extract", "nlp", "store")}
    component_seconds = {name: round(components.get(name, 0.0), 3) for name in nlp.pipe_names}
    component_seconds["tokenizer_and_assembly"] = round(stages.get("nlp", 0.0) - sum(components.values()), 3)
    words_per_s = words / full_seconds if full_seconds else 0.0
    bare_words_per_s = words / bare_seconds if bare_seconds else 0.0
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "articles": summary.processed,
        "words": words,
        "articles_per_s": round(summary.processed / full_seconds, 3) if full_seconds else 0.0,
        "words_per_s": round(words_per_s, 1),
        "bare_words_per_s": round(bare_words_per_s, 1),
        "ratio": round(words_per_s / bare_words_per_s, 3) if bare_words_per_s else None,
        "seconds": round(full_seconds, 3),
        "bare_seconds": round(bare_seconds, 3),
        "stages": stage_seconds,
        "components": component_seconds,
        "events": summary.events,
        "quotes": summary.quotes,
        "rejected": summary.rejected_total,
        "batch_size": batch_size,
        "model": settings.nlp.model,
        "peak_rss_mb": round(peak, 1),
    }
    gazetteer = _gazetteer_numbers(settings)
    if gazetteer is not None:
        report["gazetteer"] = gazetteer
    return report


def render_bench(report: dict[str, Any], console: Console) -> None:
    from rich.table import Table

    table = Table(title=f"bench: {report['corpus']}", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in ("articles", "words", "articles_per_s", "words_per_s", "bare_words_per_s", "ratio", "seconds",
                "bare_seconds", "peak_rss_mb", "events", "quotes", "rejected"):  # fmt: skip
        table.add_row(key, str(report.get(key)))
    for key, value in report["stages"].items():
        table.add_row(f"stage {key} (s)", str(value))
    for key, value in report["components"].items():
        table.add_row(f"  component {key} (s)", str(value))
    for key, value in (report.get("gazetteer") or {}).items():
        table.add_row(f"gazetteer {key}", str(value))
    console.print(table)

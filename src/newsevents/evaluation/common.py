"""What every task shares: the result object, gold reading, and running the real stages.

The stages are the ones `newsevents run` uses, called the same way: a gold text becomes a
`RawDocument` of content type "record" (exactly what a JSONL line becomes), `extract_article`
turns it into an Article (language filter off: gold sets decide what is English), and
`prepare_doc` + `nlp.pipe` + `doc_to_analysis` analyse it. Each gold item is its own document,
keyed by its gold id (no content-hash merging of repeated sentences).
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.errors import E_USAGE, NewsEventsError
from newsevents.settings import Settings
from newsevents.types import Article, ArticleAnalysis, RawDocument, Rejection

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Metrics = dict[str, float | None]


@dataclass(slots=True)
class Miss:
    """One wrong answer, for `--errors FILE`: what the gold says and what we predicted."""

    item: str
    check: str
    gold: Any
    predicted: Any
    text: str | None = None

    def to_json(self, task: str) -> dict[str, Any]:
        out = {
            "task": task,
            "id": self.item,
            "check": self.check,
            "gold": self.gold,
            "predicted": self.predicted,
        }
        if self.text is not None:
            out["text"] = self.text
        return out


@dataclass(slots=True)
class TaskResult:
    task: str
    gold: str
    n: int
    metrics: Metrics
    seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)
    # Extra tables for the text scorecard (per-category counts, confusion, reliability bins).
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The one object `newsevents eval --json` prints."""
        return {
            "task": self.task,
            "gold": self.gold,
            "n": self.n,
            "metrics": {k: _rounded(v) for k, v in self.metrics.items()},
            "seconds": round(self.seconds, 2),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def write_misses(path: Path, results: Iterable[TaskResult]) -> int:
    """Writes one JSONL line per miss; returns how many."""
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for result in results:
            for miss in result.misses:
                out.write(json.dumps(miss.to_json(result.task), ensure_ascii=False, default=str) + "\n")
                count += 1
    return count


def read_jsonl(path: Path, limit: int | None = None, split: str | None = None) -> list[dict[str, Any]]:
    """The records of a gold JSONL file; with `split`, only those whose `split` field equals it
    (PolNeAR's DEV file holds its `train` and `dev` splits: the model trains on `train`, so `dev`
    alone is the honest estimate). `limit` counts the records kept."""
    records: list[dict[str, Any]] = []
    splits: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if split is not None:
                splits.add(str(record.get("split")))
                if record.get("split") != split:
                    continue
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    if split is not None and not records:
        present = ", ".join(sorted(splits)) or "none"
        raise NewsEventsError(E_USAGE, f"no record of {path} has split {split!r}; splits there: {present}")
    return records


# --- running the real stages over gold texts --------------------------------------------------


@dataclass(slots=True)
class EvalContext:
    """What a task run needs: settings, options, and the spaCy pipeline (built once, on first use)."""

    settings: Settings
    limit: int | None = None
    gold_spans: bool = False
    split: str | None = None
    _nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from newsevents.nlp.pipeline import build_nlp

            self._nlp = build_nlp(self.settings)
        return self._nlp


@dataclass(frozen=True, slots=True)
class GoldText:
    """A gold item to analyse: its id, text (offsets index it) and publication date."""

    item_id: str
    text: str
    date: str | None = None


@dataclass(slots=True)
class Analysed:
    item: GoldText
    analysis: ArticleAnalysis | None  # None: the extract stage rejected the text
    doc: Doc | None = None  # kept only when asked (gold-span geocoding needs it)
    shift: int = 0  # body offset + shift = gold text offset
    rejection: str | None = None


def as_raw_record(item: GoldText, origin: str) -> RawDocument:
    fields: dict[str, str | None] = {
        "text": item.text,
        "title": None,
        "url": None,
        "date": item.date,
        "publisher": None,
        "id": item.item_id,
    }
    return RawDocument(item.item_id, origin, "record", fields=fields, size=len(item.text.encode("utf-8")))


def extract_for_eval(raw: RawDocument, settings: Settings) -> Article | Rejection:
    """The extract stage with the language filter off (gold sets decide what is English)."""
    from newsevents.extract import extract_article

    return extract_article(raw, settings, check_language=False)


def body_shift(text: str, body: str) -> int | None:
    """How far the gold text's offsets lie from the body's (0 when the body is the text verbatim)."""
    if body == text:
        return 0
    found = text.find(body)
    return found if found >= 0 else None


def analyse_gold_texts(
    nlp: Language,
    settings: Settings,
    items: Iterable[GoldText],
    origin: str,
    keep_docs: bool = False,
) -> Iterator[Analysed]:
    """Extract + analyse each gold text, in order, one document per item (streams in batches)."""
    from newsevents.analyze import doc_to_analysis, prepare_doc

    batch_size = max(1, settings.nlp.batch_size)
    it = iter(items)
    while batch := list(itertools.islice(it, batch_size)):
        prepared: list[tuple[GoldText, Article, int]] = []
        rejected: dict[int, Analysed] = {}
        for index, item in enumerate(batch):
            result = extract_for_eval(as_raw_record(item, f"{origin}#{item.item_id}"), settings)
            if isinstance(result, Rejection):
                rejected[index] = Analysed(item, None, rejection=result.reason)
                continue
            shift = body_shift(item.text, result.body)
            if shift is None:
                log.warning(
                    "%s: extracted body differs from the gold text; offsets may not align", item.item_id
                )
                shift = 0
            prepared.append((item, result, shift))
        docs = nlp.pipe((prepare_doc(nlp, article) for _, article, _ in prepared), batch_size=batch_size)
        analysed = iter(
            Analysed(item, doc_to_analysis(doc, article), doc if keep_docs else None, shift)
            for (item, article, shift), doc in zip(prepared, docs, strict=True)
        )
        for index in range(len(batch)):
            yield rejected[index] if index in rejected else next(analysed)


def _record_date(record: dict[str, Any]) -> str | None:
    date: str | None = record.get("date")
    return date


def analyse_gold_records(
    gold_path: Path,
    ctx: EvalContext,
    date_of: Callable[[dict[str, Any]], str | None] = _record_date,
    keep_docs: bool = False,
) -> Iterator[tuple[dict[str, Any], Analysed]]:
    """The first `ctx.limit` records of a gold JSONL file (fields `id`, `text`, `date`), each with
    its analysis, in order. `date_of` reads a record's publication date (ISO)."""
    records = read_jsonl(gold_path, ctx.limit, ctx.split)
    items = (GoldText(r["id"], r.get("text") or "", date_of(r)) for r in records)
    analysed = analyse_gold_texts(ctx.nlp, ctx.settings, items, str(gold_path), keep_docs=keep_docs)
    return zip(records, analysed, strict=True)

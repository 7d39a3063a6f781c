"""Task `extraction`: article bodies from HTML pages (the Zyte article-extraction benchmark).

Gold: a folder with `ground-truth*.json` ({page id: {"articleBody", "url"}}) and
`html/<page id>.html.gz`. Only the extract stage runs, with the language filter off; a rejected
page predicts an empty body. Scores are the benchmark's own (metrics.py, reimplemented from its
evaluate.py): word 4-gram shingles, per-page TP/FP/FN normalised to sum 1, `precision` and
`recall` means over pages, `f1` from the two means, `accuracy` = token sequences identical.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from newsevents.evaluation.common import EvalContext, Miss, TaskResult
from newsevents.evaluation.metrics import zyte_exact, zyte_page_counts, zyte_scores
from newsevents.settings import Settings
from newsevents.types import RawDocument, Rejection

TASK = "extraction"
GOLD_PATTERN = "extraction"
METRICS = ("precision", "recall", "f1", "accuracy")
LOWER_IS_BETTER: frozenset[str] = frozenset()
_SHOWN = 300  # characters of each body quoted in an error line


def load_ground_truth(folder: Path) -> dict[str, dict[str, Any]]:
    pages: dict[str, dict[str, Any]] = {}
    files = sorted(folder.glob("ground-truth*.json"))
    if not files:
        raise FileNotFoundError(f"no ground-truth*.json in {folder}")
    for path in files:
        pages.update(json.loads(path.read_text(encoding="utf-8")))
    return pages


def score_extraction(pages: list[tuple[str, str, str]], gold_name: str = "") -> TaskResult:
    """Scores (page id, gold body, predicted body) triples."""
    counts = []
    exact = 0
    misses: list[Miss] = []
    for page_id, true, pred in pages:
        tp_fp_fn = zyte_page_counts(true, pred)
        counts.append(tp_fp_fn)
        if zyte_exact(true, pred):
            exact += 1
        else:
            tp, fp, fn = tp_fp_fn
            predicted: dict[str, object] = {"shingle_tp": round(tp, 4), "shingle_fp": round(fp, 4)}
            predicted |= {"shingle_fn": round(fn, 4), "body": pred[:_SHOWN]}
            misses.append(Miss(page_id, "body", true[:_SHOWN], predicted))
    metrics = zyte_scores(counts)
    metrics["accuracy"] = exact / len(pages) if pages else None
    return TaskResult(TASK, gold_name, len(pages), metrics, misses=misses)


def extract_page(page_id: str, path: Path, url: str | None, settings: Settings) -> str:
    from newsevents.extract import extract_article

    data = gzip.decompress(path.read_bytes())
    raw = RawDocument(
        page_id, str(path), "html", data=data, fields={"url": url} if url else None, size=len(data)
    )
    result = extract_article(raw, settings, check_language=False)
    return "" if isinstance(result, Rejection) else result.body


def run(gold_path: Path, ctx: EvalContext) -> TaskResult:
    truth = load_ground_truth(gold_path)
    ids = sorted(truth)
    if ctx.limit is not None:
        ids = ids[: ctx.limit]
    pages = []
    for page_id in ids:
        entry = truth[page_id]
        body = extract_page(
            page_id, gold_path / "html" / f"{page_id}.html.gz", entry.get("url"), ctx.settings
        )
        pages.append((page_id, entry.get("articleBody") or "", body))
    return score_extraction(pages, str(gold_path))

"""Task `quotes`: attribution relations of PolNeAR (quotes_polnear*.jsonl).

Roles: source (the surface span, not a resolved antecedent), cue and content (`content2` joins
`content` as more fragments). A predicted role matches a gold role when the spans overlap by at
least half of the LONGER one, fragments counted (metrics.spans_match).

Predicted and gold attributions are matched one to one per article: a pair is allowed when at
least one role matches; pairs with more matching roles (then more overlapping characters) are
preferred, and the matching is completed to maximum size (metrics.match_one_to_one).
- `cue_*`, `source_*`, `content_*`: a role is a true positive when it matches within a matched
  pair; precision = true positives / predicted attributions having the role, recall = true
  positives / gold attributions having it.
- `full_*`: a matched pair where cue, content and, where the gold has one, source all match;
  precision over all predicted attributions, recall over all gold attributions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.evaluation.common import (
    EvalContext,
    Miss,
    TaskResult,
    analyse_gold_records,
)
from newsevents.evaluation.metrics import Fragments, PRCounts, match_one_to_one, span_overlap, spans_match
from newsevents.types import Quote

TASK = "quotes"
GOLD_PATTERN = "quotes_polnear*.jsonl"
ROLES = ("cue", "source", "content")
METRICS = tuple(f"{kind}_{m}" for kind in (*ROLES, "full") for m in ("precision", "recall", "f1"))
LOWER_IS_BETTER: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None

    def role(self, name: str) -> Fragments | None:
        value: Fragments | None = getattr(self, name)
        return value


def _gold_role(span: dict[str, Any] | None) -> Fragments:
    if not span:
        return ()
    if span.get("fragments"):
        return tuple((int(s), int(e)) for s, e in span["fragments"])
    return ((int(span["start"]), int(span["end"])),)


def gold_attribution(entry: dict[str, Any]) -> Attribution:
    content = _gold_role(entry.get("content")) + _gold_role(entry.get("content2"))
    return Attribution(
        source=_gold_role(entry.get("source")) or None,
        cue=_gold_role(entry.get("cue")) or None,
        content=content or None,
    )


def predicted_attribution(quote: Quote, shift: int = 0) -> Attribution:
    source = None
    if quote.source_start is not None and quote.source_end is not None:
        source = ((quote.source_start + shift, quote.source_end + shift),)
    content = tuple((s + shift, e + shift) for s, e in quote.content_spans)
    return Attribution(
        source=source, cue=((quote.cue_start + shift, quote.cue_end + shift),), content=content or None
    )


def matched_roles(pred: Attribution, gold: Attribution) -> frozenset[str]:
    out = set()
    for name in ROLES:
        p, g = pred.role(name), gold.role(name)
        if p and g and spans_match(p, g):
            out.add(name)
    return frozenset(out)


def _overlap(pred: Attribution, gold: Attribution) -> int:
    return sum(span_overlap(p, g) for name in ROLES if (p := pred.role(name)) and (g := gold.role(name)))


def is_full(gold: Attribution, roles: frozenset[str]) -> bool:
    return all(name in roles for name in ROLES if gold.role(name))


@dataclass(slots=True)
class QuoteTally:
    role: dict[str, PRCounts]
    full: PRCounts

    @classmethod
    def empty(cls) -> QuoteTally:
        return cls({name: PRCounts() for name in ROLES}, PRCounts())

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for name in ROLES:
            out |= self.role[name].scores(f"{name}_")
        return out | self.full.scores("full_")


def _text_of(text: str, span: Fragments | None) -> str | None:
    return None if not span else " ".join(text[s:e] for s, e in span)


def _view(text: str, a: Attribution) -> dict[str, str | None]:
    return {name: _text_of(text, a.role(name)) for name in ROLES}


def score_article(
    tally: QuoteTally, item: str, text: str, predicted: Sequence[Attribution], gold: Sequence[Attribution]
) -> list[Miss]:
    """Adds one article's counts to `tally`; returns its misses."""
    candidates = []
    roles_of: dict[tuple[int, int], frozenset[str]] = {}
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            roles = matched_roles(p, g)
            if roles:
                roles_of[(i, j)] = roles
                candidates.append((i, j, (float(len(roles)), float(_overlap(p, g)))))
    matching = match_one_to_one(candidates)
    for name in ROLES:
        tp = sum(1 for i, j in matching.items() if name in roles_of[(i, j)])
        tally.role[name].add(
            tp, sum(1 for p in predicted if p.role(name)), sum(1 for g in gold if g.role(name))
        )
    full_pairs = {(i, j) for i, j in matching.items() if is_full(gold[j], roles_of[(i, j)])}
    tally.full.add(len(full_pairs), len(predicted), len(gold))

    misses = []
    matched_gold = {j: i for i, j in matching.items()}
    for j, g in enumerate(gold):
        partner = matched_gold.get(j)
        if partner is None:
            misses.append(Miss(item, "missed", _view(text, g), None))
        elif (partner, j) not in full_pairs:
            misses.append(Miss(item, "partial", _view(text, g), _view(text, predicted[partner])))
    for i, p in enumerate(predicted):
        if i not in matching:
            misses.append(Miss(item, "spurious", None, _view(text, p)))
    return misses


def score_quotes(
    articles: Iterable[tuple[dict[str, Any], Sequence[Quote], int]], gold_name: str = ""
) -> TaskResult:
    """Scores (gold article, predicted quotes, body-to-text offset shift) triples.

    The details break the scores down by the gold's `split` (PolNeAR train / dev): a component
    trained on `train` shows there how much of its score is memory."""
    tally = QuoteTally.empty()
    by_split: dict[str, QuoteTally] = {}
    split_counts: dict[str, int] = {}
    misses: list[Miss] = []
    n = 0
    for record, quotes, shift in articles:
        n += 1
        gold = [gold_attribution(a) for a in record.get("attributions") or []]
        predicted = [predicted_attribution(q, shift) for q in quotes]
        text = record.get("text") or ""
        misses += score_article(tally, record["id"], text, predicted, gold)
        split = str(record.get("split") or "-")
        split_counts[split] = split_counts.get(split, 0) + 1
        score_article(by_split.setdefault(split, QuoteTally.empty()), record["id"], text, predicted, gold)
    details = {
        "by_split": {name: t.metrics() for name, t in sorted(by_split.items())},
        "by_split_n": dict(sorted(split_counts.items())),
    }
    return TaskResult(TASK, gold_name, n, tally.metrics(), misses=misses, details=details)


def run(gold_path: Path, ctx: EvalContext) -> TaskResult:
    triples = (
        (r, a.analysis.quotes if a.analysis else [], a.shift) for r, a in analyse_gold_records(gold_path, ctx)
    )
    return score_quotes(triples, str(gold_path))

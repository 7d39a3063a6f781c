"""Trains the attribution model from PolNeAR's `train` split (never `dev` or `test`).

    python -m newsevents.nlp.quotes.train --gold ../shared/eval/quotes_polnear.dev.jsonl \
        [--out src/newsevents/data/quotes/attribution_model.json] [--cache /tmp/polnear_train.spacy]

Steps: parse the train articles with the pipeline's model (sentence breaks at paragraphs, as at
run time); align the gold cue/source/content character spans to tokens; learn (1) the cue-phrase
extension table, (2) a logistic regression "is this token a cue head", (3) a softmax "is this node
the source, the content, or neither". Thresholds are chosen on a held-out tenth of the train
articles (by a hash of the article id), then the weights are refitted on all of train. Validate
with `newsevents eval quotes` and read the `dev` split records apart (the honest estimate).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.tokens import Doc, DocBin

from newsevents.nlp import paragraphs  # noqa: F401  (registers newsevents_paragraphs)
from newsevents.nlp.quotes.features import (
    QUOTE_MARKS,
    ROLES,
    cue_features,
    is_cue_candidate,
    node_features,
    role_nodes,
)
from newsevents.nlp.quotes.learned import cue_tokens, extension_keys
from newsevents.nlp.quotes.lexicon import CueLexicon, load_lexicon
from newsevents.nlp.quotes.model import PACKAGE_MODEL, AttributionModel
from newsevents.nlp.quotes.quotation import find_quotations, quotation_index
from newsevents.settings import load_settings

HEAD_RANK = {"VERB": 0, "AUX": 1, "NOUN": 2, "ADJ": 3, "ADP": 4, "PROPN": 5}
MIN_FEATURE_COUNT = 3  # rarer features are noise and bloat the file
# L2 strengths chosen on the held-out tenth of train (cue-head F1 0.707 at 1e-6 -> 0.734 at 0.3;
# role-node F1 flat between 0.1 and 1): lexical conjunctions otherwise memorise single articles.
CUE_L2 = 0.3
ROLE_L2 = 0.1
EPOCHS = 10
MIN_EXTENSION_COUNT = 3
BATCH = 1024
PRUNE = 0.005  # weights smaller than this change no decision and only grow the file


@dataclass(slots=True)
class GoldAttribution:
    cue: set[int]
    source: set[int]
    content: set[int]


def _fragments(role: dict[str, Any] | None) -> list[tuple[int, int]]:
    if not role:
        return []
    if role.get("fragments"):
        return [(int(s), int(e)) for s, e in role["fragments"]]
    return [(int(role["start"]), int(role["end"]))]


def _token_at(doc: Doc) -> list[int]:
    at = [-1] * (len(doc.text) + 1)
    for tok in doc:
        if tok.is_space:
            continue
        for c in range(tok.idx, tok.idx + len(tok.text)):
            at[c] = tok.i
    return at


def _tokens(at: list[int], spans: list[tuple[int, int]]) -> set[int]:
    return {at[c] for s, e in spans for c in range(s, min(e, len(at))) if at[c] >= 0}


def gold_attributions(doc: Doc, record: dict[str, Any]) -> list[GoldAttribution]:
    at = _token_at(doc)
    out = []
    for a in record["attributions"]:
        cue = _tokens(at, _fragments(a.get("cue")))
        if not cue:
            continue
        content = _tokens(at, _fragments(a.get("content")) + _fragments(a.get("content2")))
        out.append(GoldAttribution(cue, _tokens(at, _fragments(a.get("source"))), content))
    return out


def cue_head(doc: Doc, cue: set[int]) -> int:
    """The token of a gold cue phrase whose governor lies outside it (verbs first)."""
    heads = [i for i in cue if doc[i].head.i not in cue or doc[i].head.i == i]
    heads = heads or sorted(cue)
    return min(heads, key=lambda i: (HEAD_RANK.get(doc[i].pos_, 9), i))


def parse_train(records: list[dict[str, Any]], cache: Path | None) -> list[Doc]:
    nlp = spacy.load(load_settings().nlp.model)
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=32))
    if cache is not None:
        bin_ = DocBin()
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


def in_quote_flags(doc: Doc) -> list[bool]:
    return [q >= 0 for q in quotation_index(find_quotations(doc), len(doc))]


def _sent_quote_flags(doc: Doc, in_quote: list[bool]) -> list[bool]:
    flags = [False] * len(doc)
    for sent in doc.sents:
        has = any(in_quote[i] or doc[i].text in QUOTE_MARKS for i in range(sent.start, sent.end))
        for i in range(sent.start, sent.end):
            flags[i] = has
    return flags


# ---------------------------------------------------------------- learning
def extension_table(samples: list[tuple[Doc, list[GoldAttribution]]]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, golds in samples:
        for g in golds:
            head = doc[cue_head(doc, g.cue)]
            for child in head.children:
                if child.dep_ == "punct":
                    continue
                side = "L" if child.i < head.i else "R"
                sub = {t.i for t in child.subtree if not t.is_punct}
                outcome = "subtree" if sub <= g.cue else ("token" if child.i in g.cue else "none")
                for key in extension_keys(head, child, side):
                    counts[key][outcome] += 1
    table = {}
    for key, c in counts.items():
        if sum(c.values()) >= MIN_EXTENSION_COUNT:
            table[key] = c.most_common(1)[0][0]
    return table


def _vectorise(rows: list[list[str]], index: dict[str, int]) -> np.ndarray:
    width = max((len(r) for r in rows), default=1)
    pad = len(index)
    out = np.full((len(rows), width), pad, dtype=np.int32)
    for i, row in enumerate(rows):
        ids = [index[f] for f in row if f in index]
        out[i, : len(ids)] = ids
    return out


def fit_softmax(
    x: np.ndarray, y: np.ndarray, n_features: int, n_classes: int, l2: float, epochs: int = EPOCHS, seed: int = 0
) -> np.ndarray:
    """Multinomial logistic regression by mini-batch Adagrad on padded sparse rows (pad = last row)."""
    rng = np.random.default_rng(seed)
    w = np.zeros((n_features + 1, n_classes))
    g2 = np.full_like(w, 1e-8)
    lr = 0.5
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), BATCH):
            batch = order[start : start + BATCH]
            xb = x[batch]
            logits = w[xb].sum(axis=1)
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(batch)), y[batch]] -= 1.0
            # Sparse update: only the rows this batch touches (L2 applied lazily to them).
            rows, inverse = np.unique(xb.ravel(), return_inverse=True)
            spread = np.repeat(p, xb.shape[1], axis=0)
            grad = np.stack(
                [np.bincount(inverse, weights=spread[:, k], minlength=len(rows)) for k in range(n_classes)], axis=1
            )
            grad += l2 * w[rows]
            grad[rows == n_features] = 0.0
            g2[rows] += grad * grad
            w[rows] -= lr * grad / np.sqrt(g2[rows])
    return w[:-1]


def _feature_index(rows: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for row in rows for f in set(row))
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_FEATURE_COUNT))}


def _predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    wp = np.vstack([w, np.zeros((1, w.shape[1]))])
    logits = wp[x].sum(axis=1)
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    best, best_f = 0.5, -1.0
    for t in np.arange(0.2, 0.81, 0.025):
        pred = scores >= t
        tp = float((pred & gold).sum())
        f = 2 * tp / (pred.sum() + gold.sum()) if pred.sum() + gold.sum() else 0.0
        if f > best_f:
            best, best_f = float(t), f
    return round(best, 3)


# ---------------------------------------------------------------- examples
def cue_examples(doc: Doc, golds: list[GoldAttribution], lex: CueLexicon) -> Iterator[tuple[list[str], int]]:
    heads = {cue_head(doc, g.cue) for g in golds}
    in_quote = in_quote_flags(doc)
    sent_quote = _sent_quote_flags(doc, in_quote)
    for tok in doc:
        if is_cue_candidate(tok):
            yield cue_features(tok, in_quote[tok.i], sent_quote[tok.i], lex), int(tok.i in heads)


def role_examples(doc: Doc, golds: list[GoldAttribution], model: AttributionModel) -> Iterator[tuple[list[str], int]]:
    in_quote = in_quote_flags(doc)
    for g in golds:
        head = doc[cue_head(doc, g.cue)]
        if not is_cue_candidate(head):
            continue
        for node in role_nodes(doc, head, cue_tokens(head, model)):
            words = [i for i in node.tokens if not doc[i].is_punct] or node.tokens
            src = sum(1 for i in words if i in g.source) / len(words)
            con = sum(1 for i in words if i in g.content) / len(words)
            label = 1 if src >= 0.5 else (2 if con >= 0.5 else 0)
            yield node_features(node, head, in_quote[head.i]), label


def _dataset(rows: list[tuple[list[str], int]], index: dict[str, int] | None = None):
    feats = [r[0] for r in rows]
    index = index if index is not None else _feature_index(feats)
    return _vectorise(feats, index), np.array([r[1] for r in rows], dtype=np.int64), index


def _is_heldout(record_id: str) -> bool:
    return int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 10 == 0


def train(
    samples: list[tuple[str, Doc, list[GoldAttribution]]], lex: CueLexicon, fit_only: bool = False
) -> dict[str, Any]:
    fit = [(d, g) for rid, d, g in samples if not _is_heldout(rid)]
    held = [(d, g) for rid, d, g in samples if _is_heldout(rid)]
    extend = extension_table([(d, g) for _, d, g in samples])
    shell = AttributionModel({}, 0.5, {}, 0.5, 0.5, extend, {})

    def cue_rows(part):
        return [row for d, g in part for row in cue_examples(d, g, lex)]

    def role_rows(part):
        return [row for d, g in part for row in role_examples(d, g, shell)]

    # Thresholds from the held-out tenth of train.
    x, y, index = _dataset(cue_rows(fit))
    w = fit_softmax(x, y, len(index), 2, CUE_L2)
    hx, hy, _ = _dataset(cue_rows(held), index)
    cue_threshold = _best_threshold(_predict(w, hx)[:, 1], hy == 1)
    x, y, index = _dataset(role_rows(fit))
    w = fit_softmax(x, y, len(index), 3, ROLE_L2)
    hx, hy, _ = _dataset(role_rows(held), index)
    hp = _predict(w, hx)
    source_threshold = _best_threshold(hp[:, 1], hy == 1)
    content_threshold = _best_threshold(hp[:, 2], hy == 2)
    print(f"held-out thresholds: cue {cue_threshold} source {source_threshold} content {content_threshold}")

    # Final weights on all of train.
    everything = fit if fit_only else fit + held
    x, y, index = _dataset(cue_rows(everything))
    cue_w = fit_softmax(x, y, len(index), 2, CUE_L2)
    cue_weights = {f: round(float(cue_w[i, 1] - cue_w[i, 0]), 4) for f, i in index.items()}
    x, y, index = _dataset(role_rows(everything))
    role_w = fit_softmax(x, y, len(index), 3, ROLE_L2)
    role_w -= role_w.mean(axis=1, keepdims=True)
    role_weights = {f: [round(float(v), 4) for v in role_w[i]] for f, i in index.items()}
    return {
        "meta": {
            "trained_on": "PolNeAR v1.0.0 train split",
            "articles": len(samples),
            "command": "python -m newsevents.nlp.quotes.train --gold ../shared/eval/quotes_polnear.dev.jsonl",
            "roles": list(ROLES),
        },
        "cue": {"threshold": cue_threshold, "weights": {k: v for k, v in cue_weights.items() if abs(v) >= PRUNE}},
        "role": {
            "source_threshold": source_threshold,
            "content_threshold": content_threshold,
            "weights": {k: v for k, v in role_weights.items() if max(abs(t) for t in v) >= PRUNE},
        },
        "extend": extend,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True, help="quotes_polnear JSONL (only `split: train` is read)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / PACKAGE_MODEL))
    parser.add_argument("--cache", default=None, help="DocBin file to keep the parsed train articles in")
    parser.add_argument(
        "--fit-only", action="store_true", help="leave the held-out tenth of train out of the final fit (error analysis)"
    )
    args = parser.parse_args(argv)
    with open(args.gold, encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r.get("split") == "train"]
    if not records:
        print("no `split: train` records in the gold file", file=sys.stderr)
        return 2
    docs = parse_train(records, Path(args.cache) if args.cache else None)
    samples = [(r["id"], d, gold_attributions(d, r)) for r, d in zip(records, docs, strict=True)]
    model = train(samples, load_lexicon(), fit_only=args.fit_only)
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out}: {len(model['cue']['weights'])} cue and {len(model['role']['weights'])} role features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Optimisers for train.py: sparse softmax regression and the hashed cue network (numpy only).

Rows are padded integer matrices of feature ids; the pad id is the last row of every weight
matrix and never moves. Both use mini-batch Adagrad with a fixed seed, so a rerun of the training
command on the same data gives the same weights.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsevents.nlp.quotes.model import encode_array, feature_ids

BATCH = 1024


def hashed_rows(rows: Sequence[Sequence[str]], buckets: int) -> np.ndarray:
    width = max((len(r) for r in rows), default=1)
    out = np.full((len(rows), width), buckets, dtype=np.int64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = feature_ids(row, buckets)
    return out


def indexed_rows(rows: Sequence[Sequence[str]], index: dict[str, int]) -> np.ndarray:
    width = max((len(r) for r in rows), default=1)
    out = np.full((len(rows), width), len(index), dtype=np.int64)
    for i, row in enumerate(rows):
        ids = [index[f] for f in row if f in index]
        out[i, : len(ids)] = ids
    return out


def _sparse_grad(xb: np.ndarray, per_row: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gradient rows for the ids in a batch: (unique ids, summed per-example gradients)."""
    ids, inverse = np.unique(xb.ravel(), return_inverse=True)
    spread = np.repeat(per_row, xb.shape[1], axis=0)
    grad = np.stack(
        [np.bincount(inverse, weights=spread[:, k], minlength=len(ids)) for k in range(per_row.shape[1])],
        axis=1,
    )
    return ids, grad


def fit_softmax(
    x: np.ndarray, y: np.ndarray, n_features: int, n_classes: int, l2: float, epochs: int, seed: int = 0
) -> np.ndarray:
    """Multinomial logistic regression; returns (n_features, n_classes) weights."""
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
            ids, grad = _sparse_grad(xb, p)
            grad += l2 * w[ids]  # lazy L2: only on the rows the batch touches
            grad[ids == n_features] = 0.0
            g2[ids] += grad * grad
            w[ids] -= lr * grad / np.sqrt(g2[ids])
    return w[:-1]


def predict_softmax(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    padded = np.vstack([w, np.zeros((1, w.shape[1]))])
    logits = padded[x].sum(axis=1)
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


class CueNetwork:
    """logit = out . tanh(sum(embed[ids]) + hidden_bias) + sum(linear[ids]) + out_bias."""

    def __init__(self, buckets: int, hidden: int, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.buckets = buckets
        self.embed = rng.normal(0.0, 0.05, (buckets + 1, hidden))
        self.embed[buckets] = 0.0
        self.linear = np.zeros(buckets + 1)
        self.hidden_bias = np.zeros(hidden)
        self.out = rng.normal(0.0, 0.1, hidden)
        self.out_bias = 0.0
        self.rng = rng

    def _forward(self, xb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        hidden = np.tanh(self.embed[xb].sum(axis=1) + self.hidden_bias)
        return hidden, hidden @ self.out + self.linear[xb].sum(axis=1) + self.out_bias

    def predict(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-np.clip(self._forward(x)[1], -30, 30)))

    def fit(
        self, x: np.ndarray, y: np.ndarray, l2: float, epochs: int, lr: float = 0.1, batch: int = 512
    ) -> None:
        acc = {
            name: np.full_like(getattr(self, name), 1e-8)
            for name in ("embed", "linear", "hidden_bias", "out")
        }
        acc_bias = 1e-8
        for _ in range(epochs):
            order = self.rng.permutation(len(y))
            for start in range(0, len(y), batch):
                rows = order[start : start + batch]
                xb = x[rows]
                hidden, z = self._forward(xb)
                err = (1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - y[rows]) / len(rows)
                g_out = hidden.T @ err
                d_hidden = np.outer(err, self.out) * (1.0 - hidden * hidden)
                ids, g_embed = _sparse_grad(xb, d_hidden)
                _, g_linear = _sparse_grad(xb, err[:, None])
                g_embed += l2 * self.embed[ids] / len(rows)
                g_linear = g_linear[:, 0] + l2 * self.linear[ids] / len(rows)
                pad = ids == self.buckets
                g_embed[pad] = 0.0
                g_linear[pad] = 0.0
                for name, grad in (("hidden_bias", d_hidden.sum(axis=0)), ("out", g_out)):
                    acc[name] += grad * grad
                    getattr(self, name)[:] -= lr * grad / np.sqrt(acc[name])
                acc["embed"][ids] += g_embed * g_embed
                self.embed[ids] -= lr * g_embed / np.sqrt(acc["embed"][ids])
                acc["linear"][ids] += g_linear * g_linear
                self.linear[ids] -= lr * g_linear / np.sqrt(acc["linear"][ids])
                g_bias = float(err.sum())
                acc_bias += g_bias * g_bias
                self.out_bias -= lr * g_bias / np.sqrt(acc_bias)

    def to_json(self, threshold: float) -> dict[str, object]:
        return {
            "buckets": self.buckets,
            "hidden": int(self.embed.shape[1]),
            "embed": encode_array(self.embed[:-1]),
            "linear": encode_array(self.linear[:-1]),
            "hidden_bias": [round(float(v), 5) for v in self.hidden_bias],
            "out": [round(float(v), 5) for v in self.out],
            "out_bias": round(float(self.out_bias), 5),
            "threshold": threshold,
        }

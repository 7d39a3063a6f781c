"""The learned attribution model (data/quotes/attribution_model.json); train.py makes it.

Made by `python -m newsevents.nlp.quotes.train` from PolNeAR's train split; this module only
reads and applies it. Three parts:
- `cue`: is a token the head of a cue? A small network over hashed cue_features(): the sum of
  the features' embeddings through tanh, plus a linear term per feature (one hidden layer caught
  feature interactions a plain logistic regression missed: cue-head F1 on the held-out tenth of
  train 0.735 -> 0.755). Weights are float16, base64-encoded.
- `role`: softmax weights (none, source, content) over node_features(), kept as readable strings.
- `extend`: how the cue phrase grows from its head ("has also said", "called for"): per
  dependent key, the majority of none / token / subtree in the training data.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsevents.errors import NewsEventsError

PACKAGE_MODEL = "data/quotes/attribution_model.json"


def feature_ids(feats: Iterable[str], buckets: int) -> list[int]:
    """Stable hashes of feature strings (crc32: the same in every process and Python version)."""
    return [zlib.crc32(f.encode("utf-8")) % buckets for f in feats]


def encode_array(values: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f2").tobytes()).decode("ascii")


def decode_array(text: str, shape: tuple[int, ...]) -> np.ndarray:
    raw = np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)
    return raw.reshape(shape)


@dataclass(frozen=True)
class CueScorer:
    buckets: int
    embed: np.ndarray  # (buckets + 1, hidden); the last row is padding (zeros)
    linear: np.ndarray  # (buckets + 1,)
    hidden_bias: np.ndarray  # (hidden,)
    out: np.ndarray  # (hidden,)
    out_bias: float

    def probabilities(
        self, rows: Sequence[Sequence[str]], ids_cache: dict[str, int] | None = None
    ) -> np.ndarray:
        """Cue probability of each candidate (one list of feature strings per candidate).

        `ids_cache` (owned by the caller, e.g. the component) memoises feature hashes."""
        if not rows:
            return np.zeros(0, dtype=np.float32)
        width = max(len(r) for r in rows)
        ids = np.full((len(rows), width), self.buckets, dtype=np.int64)
        buckets = self.buckets
        for i, row in enumerate(rows):
            if ids_cache is None:
                ids[i, : len(row)] = feature_ids(row, buckets)
                continue
            row_ids = []
            for f in row:
                h = ids_cache.get(f)
                if h is None:
                    h = ids_cache[f] = zlib.crc32(f.encode("utf-8")) % buckets
                row_ids.append(h)
            ids[i, : len(row)] = row_ids
        hidden = np.tanh(self.embed[ids].sum(axis=1) + self.hidden_bias)
        z = hidden @ self.out + self.linear[ids].sum(axis=1) + self.out_bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


@dataclass(frozen=True)
class AttributionModel:
    cue: CueScorer | None
    cue_threshold: float
    role_weights: dict[str, tuple[float, float, float]]
    source_threshold: float
    content_threshold: float
    extend: dict[str, str]
    meta: dict[str, Any]
    skip_lemmas: frozenset[str] = frozenset()  # never scored: (almost) never a cue in training

    def cue_probabilities(
        self, rows: Sequence[Sequence[str]], ids_cache: dict[str, int] | None = None
    ) -> np.ndarray:
        if self.cue is None:
            raise NewsEventsError("E_CONFIG", "attribution model has no cue scorer")
        return self.cue.probabilities(rows, ids_cache)

    def role_probabilities(self, feats: Iterable[str]) -> tuple[float, float, float]:
        z0 = z1 = z2 = 0.0
        weights = self.role_weights
        for f in feats:
            w = weights.get(f)
            if w is not None:
                z0 += w[0]
                z1 += w[1]
                z2 += w[2]
        top = max(z0, z1, z2)
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        total = e0 + e1 + e2
        return e0 / total, e1 / total, e2 / total

    def extension(self, keys: Iterable[str]) -> str:
        """The first key (most specific first) that the table knows decides; else none."""
        for key in keys:
            decision = self.extend.get(key)
            if decision is not None:
                return decision
        return "none"


def cue_scorer_from_json(cue: dict[str, Any]) -> CueScorer:
    buckets, hidden = int(cue["buckets"]), int(cue["hidden"])
    embed = np.vstack([decode_array(cue["embed"], (buckets, hidden)), np.zeros((1, hidden), np.float32)])
    linear = np.concatenate([decode_array(cue["linear"], (buckets,)), np.zeros(1, np.float32)])
    return CueScorer(
        buckets=buckets,
        embed=embed,
        linear=linear,
        hidden_bias=np.asarray(cue["hidden_bias"], dtype=np.float32),
        out=np.asarray(cue["out"], dtype=np.float32),
        out_bias=float(cue["out_bias"]),
    )


def model_from_json(data: dict[str, Any], origin: str = PACKAGE_MODEL) -> AttributionModel:
    try:
        cue, role = data["cue"], data["role"]
        return AttributionModel(
            cue=cue_scorer_from_json(cue),
            cue_threshold=float(cue["threshold"]),
            role_weights={
                str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in role["weights"].items()
            },
            source_threshold=float(role["source_threshold"]),
            content_threshold=float(role["content_threshold"]),
            extend={str(k): str(v) for k, v in data["extend"].items()},
            meta=dict(data.get("meta", {})),
            skip_lemmas=frozenset(str(x) for x in cue.get("skip_lemmas", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise NewsEventsError("E_CONFIG", f"attribution model {origin} is malformed: {exc}") from exc


@functools.cache
def load_model(path: str | None = None) -> AttributionModel:
    """The packaged model, or the one at `path` (same JSON shape); loaded once per process."""
    origin = path or PACKAGE_MODEL
    try:
        if path is None:
            text = resources.files("newsevents").joinpath(PACKAGE_MODEL).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsEventsError(
            "E_CONFIG",
            f"attribution model {origin} missing; rebuild it with "
            "`python -m newsevents.nlp.quotes.train --gold ../shared/eval/quotes_polnear.dev.jsonl`",
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NewsEventsError("E_CONFIG", f"attribution model {origin}: {exc}") from exc
    return model_from_json(data, origin)

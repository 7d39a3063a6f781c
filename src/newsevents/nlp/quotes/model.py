"""The learned attribution model (weights in data/quotes/attribution_model.json).

Made by `python -m newsevents.nlp.quotes.train` from PolNeAR's train split (see train.py); this
module only reads it. Three parts:
- `cue`: logistic-regression weights over cue_features(); a token is a cue head when its
  probability reaches `cue_threshold`.
- `role`: softmax weights (none, source, content) over node_features().
- `extend`: how the cue phrase grows from its head ("has also said", "said in a statement",
  "called for"): per dependent key, the majority of none / token / subtree in the training data.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsevents.errors import NewsEventsError

PACKAGE_MODEL = "data/quotes/attribution_model.json"


@dataclass(frozen=True, slots=True)
class AttributionModel:
    cue_weights: dict[str, float]
    cue_threshold: float
    role_weights: dict[str, tuple[float, float, float]]
    source_threshold: float
    content_threshold: float
    extend: dict[str, str]
    meta: dict[str, object]

    def cue_probability(self, feats: Iterable[str]) -> float:
        weights = self.cue_weights
        z = sum(weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

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


def _from_json(data: dict[str, object], origin: str) -> AttributionModel:
    try:
        cue = data["cue"]
        role = data["role"]
        assert isinstance(cue, dict) and isinstance(role, dict)
        return AttributionModel(
            cue_weights={str(k): float(v) for k, v in cue["weights"].items()},
            cue_threshold=float(cue["threshold"]),
            role_weights={str(k): (float(v[0]), float(v[1]), float(v[2])) for k, v in role["weights"].items()},
            source_threshold=float(role["source_threshold"]),
            content_threshold=float(role["content_threshold"]),
            extend={str(k): str(v) for k, v in dict(data["extend"]).items()},  # type: ignore[call-overload]
            meta=dict(data.get("meta", {})),  # type: ignore[call-overload]
        )
    except (KeyError, TypeError, ValueError, AssertionError) as exc:
        raise NewsEventsError("E_CONFIG", f"attribution model {origin} is malformed: {exc}") from exc


@functools.cache
def load_model(path: str | None = None) -> AttributionModel:
    """The packaged model, or the one at `path` (same JSON shape); loaded once per process."""
    try:
        if path is None:
            text = resources.files("newsevents").joinpath(PACKAGE_MODEL).read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsEventsError(
            "E_CONFIG",
            f"attribution model {path or PACKAGE_MODEL} missing; rebuild it with "
            "`python -m newsevents.nlp.quotes.train --gold ../shared/eval/quotes_polnear.dev.jsonl`",
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NewsEventsError("E_CONFIG", f"attribution model {path or PACKAGE_MODEL}: {exc}") from exc
    return _from_json(data, path or PACKAGE_MODEL)

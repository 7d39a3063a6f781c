"""The cue vocabulary: reporting verbs and nouns, read from data files (package + user files)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import NewsEventsError

PACKAGE_CUES = "data/quotes/cues.yaml"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: frozenset[str]
    nouns: frozenset[str]


def _read_yaml(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise NewsEventsError("E_CONFIG", f"cannot parse cue file {origin}: {exc}") from exc
    if not isinstance(data, dict):
        raise NewsEventsError("E_CONFIG", f"cue file {origin} must be a mapping of lists")
    return data


def _merge(parts: Iterable[dict[str, Any]]) -> CueLexicon:
    verbs: set[str] = set()
    nouns: set[str] = set()
    for data in parts:
        verbs.update(str(v).lower() for v in data.get("verbs") or ())
        nouns.update(str(v).lower() for v in data.get("nouns") or ())
    return CueLexicon(verbs=frozenset(verbs), nouns=frozenset(nouns))


@functools.cache
def load_lexicon(user_files: tuple[str, ...] = ()) -> CueLexicon:
    """The packaged cue list merged with user files of the same YAML shape (never mutated)."""
    text = resources.files("newsevents").joinpath(PACKAGE_CUES).read_text(encoding="utf-8")
    parts = [_read_yaml(text, PACKAGE_CUES)]
    for name in user_files:
        try:
            parts.append(_read_yaml(Path(name).read_text(encoding="utf-8"), name))
        except OSError as exc:
            raise NewsEventsError("E_CONFIG", f"cannot read cue file {name}: {exc}") from exc
    return _merge(parts)

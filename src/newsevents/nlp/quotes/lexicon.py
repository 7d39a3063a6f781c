"""The cue vocabulary: reporting verbs and nouns, read from data files (package + user files)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import NewsEventsError
from newsevents.nlp.quotes.yaml_files import read_package_yaml, read_yaml_mapping

PACKAGE_CUES = "data/quotes/cues.yaml"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: frozenset[str]
    nouns: frozenset[str]


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
    parts = [read_package_yaml(PACKAGE_CUES, f"cue file {PACKAGE_CUES}")]
    for name in user_files:
        try:
            parts.append(read_yaml_mapping(Path(name).read_text(encoding="utf-8"), f"cue file {name}"))
        except OSError as exc:
            raise NewsEventsError("E_CONFIG", f"cannot read cue file {name}: {exc}") from exc
    return _merge(parts)

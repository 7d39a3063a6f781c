"""Loaders for the event vocabularies (package data under newsevents/data/events, plus user files).

Each loader is cached and returns data that is never mutated afterwards.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import E_CONFIG, NewsEventsError

DATA_PACKAGE = "newsevents"
DATA_DIR = "data/events"


def _read_yaml_text(text: str, origin: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise NewsEventsError(E_CONFIG, f"cannot parse event vocabulary {origin}: {exc}") from exc


@cache
def packaged(name: str) -> Any:
    """A packaged YAML file of data/events by file name (e.g. "triggers.yaml")."""
    node = resources.files(DATA_PACKAGE).joinpath(DATA_DIR).joinpath(name)
    return _read_yaml_text(node.read_text(encoding="utf-8"), f"{DATA_DIR}/{name}")


@cache
def user_file(path: str) -> Any:
    """A user-supplied YAML file in the same format as a packaged one."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsEventsError(E_CONFIG, f"cannot read event vocabulary {path}: {exc}") from exc
    return _read_yaml_text(text, path)

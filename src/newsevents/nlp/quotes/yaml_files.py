"""Reading the quote vocabularies' YAML files (cues, speaking bodies, notice labels): one parser
with one E_CONFIG error shape for the packaged files and the user's."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from newsevents.errors import NewsEventsError


def read_yaml_mapping(text: str, origin: str) -> dict[str, Any]:
    """The top-level mapping of a YAML text (empty text: {}); `origin` names the file in errors."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise NewsEventsError("E_CONFIG", f"cannot parse {origin}: {exc}") from exc
    if not isinstance(data, dict):
        raise NewsEventsError("E_CONFIG", f"{origin} must be a mapping of lists")
    return data


def read_package_yaml(path: str, origin: str | None = None) -> dict[str, Any]:
    """The mapping in a packaged data file (`path` relative to the newsevents package); `origin`
    names it in errors (default: the path)."""
    text = resources.files("newsevents").joinpath(path).read_text(encoding="utf-8")
    return read_yaml_mapping(text, origin or path)

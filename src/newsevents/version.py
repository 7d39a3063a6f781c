"""The pipeline version stamped on every event: code version plus a digest of the vocabularies."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from importlib.abc import Traversable

__version__ = "0.1.0"


@cache
def pipeline_version() -> str:
    """`<package version>+<8 hex of the packaged data files>`: re-coded data can be compared."""
    digest = hashlib.sha256()
    for rel, entry in sorted(_walk(resources.files("newsevents").joinpath("data"), "")):
        digest.update(rel.encode())
        digest.update(entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


def _walk(node: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for child in node.iterdir():
        rel = f"{prefix}/{child.name}"
        if child.is_dir():
            yield from _walk(child, rel)
        elif child.name.endswith((".yaml", ".json", ".tsv", ".toml")):
            yield rel, child

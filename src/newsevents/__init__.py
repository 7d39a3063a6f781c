"""newsevents: raw news articles to a trustworthy, queryable event dataset.

From Python:

    import newsevents
    settings = newsevents.load_settings()
    with newsevents.Store.open("news.duckdb") as store:
        summary = newsevents.run(["examples/"], settings, store)
    newsevents.resolve_actor("Hamdullah Mohib, National Security Adviser")
"""

from __future__ import annotations

from typing import Any

from newsevents.settings import Settings, load_settings
from newsevents.version import __version__, pipeline_version

__all__ = ["Settings", "Store", "__version__", "load_settings", "pipeline_version", "resolve_actor", "run"]


def __getattr__(name: str) -> Any:
    # Heavy modules (spaCy, DuckDB) load on first use, so `import newsevents` stays fast.
    if name == "run":
        from newsevents.pipeline import run

        return run
    if name == "Store":
        from newsevents.store import Store

        return Store
    if name == "resolve_actor":
        from newsevents.nlp.actors.resolver import resolve_actor

        return resolve_actor
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")

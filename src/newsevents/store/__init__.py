"""The DuckDB store (see store.py); `Store.open(path)` is the entry point."""

from newsevents.store.queries import EventFilter
from newsevents.store.store import CONTENT_TABLES, EventContext, Store

__all__ = ["CONTENT_TABLES", "EventContext", "EventFilter", "Store"]

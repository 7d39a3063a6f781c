"""A batch is one transaction: a failure anywhere in it leaves none of its rows."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from helpers.store_samples import make_batch
from newsevents.store import Store


class Interrupted(BaseException):
    """Stands in for KeyboardInterrupt (not an Exception, like it)."""


def _counts_after_failed_batch(tmp_path, break_batch) -> dict[str, int]:
    with Store.open(tmp_path / "news.duckdb") as store:
        store.write_batch(*make_batch(range(4)))
        before = store.counts()
        with pytest.raises((duckdb.Error, Interrupted)):
            break_batch(store)
        assert store.counts() == before
        # The store stays usable after the rollback.
        store.write_batch(*make_batch(range(4, 8)))
        return store.counts()


def _bad_value_in_last_table(store: Store) -> None:
    documents, analyses, rejections = make_batch(range(4, 8))
    quote = analyses[-1].quotes[0]
    analyses[-1].quotes[0] = dataclasses.replace(quote, cue_start="not a number")  # type: ignore[arg-type]
    store.write_batch(documents, analyses, rejections)


def _interrupt_midway(store: Store) -> None:
    insert = store._insert

    def insert_then_interrupt(table, columns, values):
        if table == "events":
            raise Interrupted
        insert(table, columns, values)

    store._insert = insert_then_interrupt  # type: ignore[method-assign]
    try:
        store.write_batch(*make_batch(range(4, 8)))
    finally:
        store._insert = insert  # type: ignore[method-assign]


@pytest.mark.parametrize(
    "break_batch", [_bad_value_in_last_table, _interrupt_midway], ids=["sql error", "interrupt"]
)
def test_store_failed_batch_leaves_nothing(tmp_path, break_batch):
    counts = _counts_after_failed_batch(tmp_path, break_batch)
    assert counts["documents"] == 8

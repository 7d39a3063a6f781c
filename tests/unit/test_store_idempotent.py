"""Writing the same documents twice adds nothing (insert-or-ignore on every primary key)."""

from __future__ import annotations

import pytest

from helpers.store_samples import make_batch, snapshot
from newsevents.store import Store


@pytest.mark.parametrize("second", [range(8), range(4, 12)], ids=["same batch", "overlapping batch"])
def test_store_rewrite_adds_nothing_new(tmp_path, second):
    with Store.open(tmp_path / "once.duckdb") as once:
        once.write_batch(*make_batch(range(8)))
        once.write_batch(*make_batch(range(8, 12)))
        expected = snapshot(once)
    with Store.open(tmp_path / "twice.duckdb") as twice:
        twice.write_batch(*make_batch(range(8)))
        twice.write_batch(*make_batch(second))
        twice.write_batch(*make_batch(range(8, 12)))
        assert snapshot(twice) == expected


def test_store_survives_reopen(tmp_path):
    path = tmp_path / "news.duckdb"
    with Store.open(path) as store:
        store.write_batch(*make_batch(range(6)))
        expected = snapshot(store)
    with Store.open(path) as store:
        store.write_batch(*make_batch(range(6)))
        assert snapshot(store) == expected
    with Store.open(path, read_only=True) as reader:
        assert snapshot(reader) == expected

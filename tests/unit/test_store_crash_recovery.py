"""A run killed in the middle of a batch, then rerun on the whole input, leaves the same database
as one uninterrupted run: no lost documents, no duplicates, no half batch.

The kill is real: a child process runs the orchestrator and dies with os._exit (no cleanup, no
rollback, like SIGKILL) halfway through writing its third batch.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from helpers.store_samples import install_stub_stages, snapshot
from newsevents.store import Store

DOCUMENTS = 23
BATCH = 5
KILLED_IN_BATCH = 3

CHILD = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {tests!r})
    from helpers.store_samples import install_stub_stages
    import newsevents.pipeline as pipeline
    from newsevents.settings import load_settings
    from newsevents.store import Store

    install_stub_stages(lambda name, value: setattr(pipeline, name, value), {documents})
    real_write = Store.write_batch
    calls = []

    def write_then_die(self, documents, analyses, rejections):
        calls.append(1)
        if len(calls) == {killed_in}:
            insert = self._insert

            def dying_insert(table, columns, values):
                if table == "events":
                    os._exit(137)
                insert(table, columns, values)

            self._insert = dying_insert
        real_write(self, documents, analyses, rejections)

    Store.write_batch = write_then_die
    settings = load_settings().with_overrides(store={{"batch_size": {batch}}})
    store = Store.open({db!r})
    pipeline.run(["input"], settings, store, nlp=object())
    """
)


def _run_whole_input(db: Path, monkeypatch) -> None:
    import newsevents.pipeline as pipeline
    from newsevents.settings import load_settings

    with monkeypatch.context() as patch:
        install_stub_stages(lambda name, value: patch.setattr(pipeline, name, value), DOCUMENTS)
        settings = load_settings().with_overrides(store={"batch_size": BATCH})
        with Store.open(db) as store:
            pipeline.run(["input"], settings, store, nlp=object())


def test_store_rerun_after_kill_equals_uninterrupted_run(tmp_path, monkeypatch):
    uninterrupted = tmp_path / "uninterrupted.duckdb"
    _run_whole_input(uninterrupted, monkeypatch)

    killed = tmp_path / "killed.duckdb"
    script = CHILD.format(
        tests=str(Path(__file__).parents[1]),
        documents=DOCUMENTS,
        killed_in=KILLED_IN_BATCH,
        batch=BATCH,
        db=str(killed),
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert child.returncode == 137, child.stderr

    with Store.open(killed) as store:
        assert store.counts()["documents"] == (KILLED_IN_BATCH - 1) * BATCH, (
            "only whole batches survive a kill"
        )
    _run_whole_input(killed, monkeypatch)

    with Store.open(uninterrupted) as a, Store.open(killed) as b:
        assert a.counts()["documents"] == DOCUMENTS
        assert snapshot(b) == snapshot(a)

"""The pickled vocabulary cache: round trip, stale or broken files rebuild, keys follow contents."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.nlp.actors import vocab as vocab_module
from newsevents.nlp.actors.text import key_of
from newsevents.nlp.actors.vocab import ActorVocabulary, Entry, split_actor_files


def test_round_trip(tmp_path: Path) -> None:
    vocab = ActorVocabulary()
    vocab.add("Free Harbour Front", Entry("org", "Free Harbour Front", country="CHL", sector="REB"))
    path = tmp_path / "cache" / "actors.pickle"
    vocab_module._write_cache(path, vocab)
    again = vocab_module._read_cache(path)
    assert again is not None
    assert again.lookup(key_of("free harbour front")) == vocab.lookup(key_of("Free Harbour Front"))


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])  # the last one unpickles to 1
def test_unreadable_or_foreign_cache_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "actors.pickle"
    path.write_bytes(content)
    assert vocab_module._read_cache(path) is None


def test_cache_key_follows_file_contents_not_paths(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("X_ [AFG]\n", encoding="utf-8")
    b.write_text("X_ [AFG]\n", encoding="utf-8")
    c.write_text("X_ [IRQ]\n", encoding="utf-8")
    key = vocab_module._cache_path
    assert key((), (str(a),)) == key((), (str(b),))
    assert key((), (str(a),)) != key((), (str(c),))
    assert key((), (str(a),)) != key((str(a),), ())


def test_split_actor_files_by_suffix() -> None:
    assert split_actor_files(["mine.yaml", "x/Phoenix.agents.txt", "more.JSON"]) == (
        ("mine.yaml", "more.JSON"),
        ("x/Phoenix.agents.txt",),
    )

"""Document ids are stable: the input's id, else the normalised URL, else the content hash."""

from __future__ import annotations

import json

import pytest

from newsevents.ingest import iter_documents
from newsevents.ingest.ids import content_id, normalise_url, record_id, url_id


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("HTTPS://Example.COM/news/story/", "https://example.com/news/story"),
        ("https://example.com/s?utm_source=tw&utm_medium=x&id=4", "https://example.com/s?id=4"),
        ("https://example.com/s#comments", "https://example.com/s"),
    ],
)
def test_ids_url_normalisation_maps_variants_together(a, b):
    assert normalise_url(a) == normalise_url(b)
    assert url_id(a) == url_id(b)


@pytest.mark.parametrize(
    ("given", "url", "text", "prefix"),
    [
        ("abc-1", "https://x.org/a", "t", "abc-1"),
        (None, "https://x.org/a", "t", "url:"),
        (None, None, "t", "sha:"),
    ],
)
def test_ids_preference_order(given, url, text, prefix):
    assert record_id(given, url, text).startswith(prefix)


def test_ids_content_hash_kinds_cannot_collide():
    assert content_id("https://x.org/a") != url_id("https://x.org/a")


def test_ids_identical_across_runs(tmp_path, settings):
    (tmp_path / "a.txt").write_text("Some article.")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "x"}) + "\n{broken\n")
    (tmp_path / "c.csv").write_text("text\nrow one\n")
    first = [d.document_id for d in iter_documents([tmp_path], settings)]
    second = [d.document_id for d in iter_documents([tmp_path], settings)]
    assert first == second
    assert len(set(first)) == len(first)

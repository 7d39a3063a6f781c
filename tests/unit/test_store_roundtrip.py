"""What goes into the store comes back out in the public shapes of types.py."""

from __future__ import annotations

import pytest

from helpers.store_samples import make_batch
from newsevents.store import Store


@pytest.fixture
def stored(tmp_path):
    documents, analyses, rejections = make_batch(range(8))
    with Store.open(tmp_path / "news.duckdb") as store:
        store.write_batch(documents, analyses, rejections)
        yield store, analyses, rejections


def _by(key, items):
    return sorted(items, key=lambda item: item[key])


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("articles", "article_id", lambda analyses, _: [a.article.to_public() for a in analyses]),
        ("events", "event_id", lambda analyses, _: [e.to_public() for a in analyses for e in a.events]),
        ("quotes", "quote_id", lambda analyses, _: [q.to_public() for a in analyses for q in a.quotes]),
        (
            "rejections",
            "document_id",
            lambda _, rejections: [
                {"document_id": r.document_id, "origin": r.origin, "reason": r.reason, "message": r.message}
                for r in rejections
            ],
        ),
    ],
)
def test_store_returns_public_records(stored, kind, key, expected):
    store, analyses, rejections = stored
    assert _by(key, getattr(store, kind)()) == _by(key, expected(analyses, rejections))


def test_store_keeps_provenance_rows(stored):
    store, analyses, _ = stored
    counts = store.counts()
    assert counts["sentences"] == sum(len(a.sentences) for a in analyses)
    assert counts["actors"] == sum(len(a.actors) for a in analyses)
    assert counts["places"] == sum(len(a.places) for a in analyses)


@pytest.mark.parametrize(
    ("filters", "predicate"),
    [
        ({"type": "assault"}, lambda e: e["event_type"] == "ASSAULT"),
        ({"country": "RUS"}, lambda e: any(a["country"] == "RUS" for a in e["target"])),
        ({"country": "AFG"}, lambda e: any(a["country"] == "AFG" for a in e["source"])),
        ({"since": "2021-07-05"}, lambda e: e["date"] >= "2021-07-05"),
        ({"until": "2021-07-03"}, lambda e: e["date"] <= "2021-07-03"),
        (
            {"type": "CONSULT", "since": "2021-07-03"},
            lambda e: e["event_type"] == "CONSULT" and e["date"] >= "2021-07-03",
        ),
    ],
)
def test_store_filters_events(stored, filters, predicate):
    store, analyses, _ = stored
    every = [e.to_public() for a in analyses for e in a.events]
    expected = sorted(e["event_id"] for e in every if predicate(e))
    assert expected, "the sample data must contain matching events for the filter to be tested"
    assert sorted(e["event_id"] for e in store.events(**filters)) == expected


@pytest.mark.parametrize(("speaker", "matches"), [("ministry", True), ("Mohib", False)])
def test_store_filters_quotes_by_speaker(stored, speaker, matches):
    store, analyses, _ = stored
    assert len(store.quotes(speaker=speaker)) == (sum(len(a.quotes) for a in analyses) if matches else 0)


def test_store_known_document_ids(stored):
    store, _, _ = stored
    assert store.known_document_ids(["doc0000", "doc0003", "doc9999"]) == {"doc0000", "doc0003"}


def test_store_keeps_event_fields_added_after_the_schema(tmp_path, monkeypatch):
    """A field added to Event later is stored in `extra` and comes back in the public record."""
    import dataclasses

    from helpers.store_samples import make_analysis
    from newsevents.store import rows
    from newsevents.types import Event

    @dataclasses.dataclass(slots=True)
    class EventWithTone(Event):
        tone: float | None = None

    analysis = make_analysis(1)
    analysis.events = [
        EventWithTone(**{f.name: getattr(e, f.name) for f in dataclasses.fields(e)}, tone=-2.5)
        for e in analysis.events
    ]
    monkeypatch.setattr(rows, "Event", EventWithTone)
    with Store.open(tmp_path / "news.duckdb") as store:
        store.write_batch([], [analysis], [])
        assert store.connection.execute("SELECT DISTINCT extra FROM events").fetchall() == [
            ('{"tone": -2.5}',)
        ]
        assert [e["tone"] for e in store.events()] == [-2.5] * len(analysis.events)

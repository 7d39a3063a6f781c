"""Exported records validate against the packaged JSON Schemas, and the schemas do reject bad ones."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from helpers.store_samples import make_batch
from newsevents.export import export_events, load_schema
from newsevents.store import Store


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "news.duckdb") as store:
        store.write_batch(*make_batch(range(8)))
        yield store


def test_export_every_event_line_validates(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export_events(store, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines
    check = validator("event")
    for line in lines:
        check.validate(json.loads(line))


@pytest.mark.parametrize(("schema", "records"), [("article", "articles"), ("quote", "quotes")])
def test_export_articles_and_quotes_validate(store, schema, records):
    check = validator(schema)
    items = getattr(store, records)()
    assert items
    for item in items:
        check.validate(item)


@pytest.mark.parametrize(
    ("path", "bad_value"),
    [
        (("event_type",), "VISIT"),
        (("source", 0, "country"), "Russia"),
        (("date",), "2021-13-45"),
        (("date_precision",), "decade"),
        (("factuality",), "reported"),
        (("location", "lat"), 123.0),
        (("dead",), -1),
        (("confidence",), 1.5),
    ],
)
def test_export_schema_rejects_broken_event(store, path, bad_value):
    event = copy.deepcopy(next(e for e in store.events() if e["location"] and e["source"]))
    node = event
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = bad_value
    assert not validator("event").is_valid(event)


@pytest.mark.parametrize("field", ["event_id", "source", "factuality", "pipeline_version", "sentence_index"])
def test_export_schema_requires_contract_fields(store, field):
    event = store.events()[0]
    del event[field]
    assert not validator("event").is_valid(event)

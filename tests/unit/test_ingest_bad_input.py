"""Bad input never raises: each problem is a Rejection with a reason code and an origin."""

from __future__ import annotations

import gzip
import json

import pytest

from newsevents.ingest import iter_documents
from newsevents.types import RawDocument, Rejection

CAP = 1000


@pytest.fixture
def small_cap(settings):
    return settings.with_overrides(ingest={"max_document_bytes": CAP})


def _items(path, settings):
    return list(iter_documents([path], settings))


@pytest.mark.parametrize("name", ["big.txt", "big.html"])
def test_ingest_file_over_cap_is_too_large(tmp_path, small_cap, name):
    path = tmp_path / name
    path.write_bytes(b"x" * (CAP + 1))
    [item] = _items(path, small_cap)
    assert isinstance(item, Rejection) and item.reason == "E_TOO_LARGE"


def test_ingest_gzip_over_cap_is_too_large_without_reading_whole(tmp_path, small_cap):
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"x" * (CAP * 100)))  # compresses far below the cap
    [item] = _items(path, small_cap)
    assert item.reason == "E_TOO_LARGE"


def test_ingest_file_at_cap_is_accepted(tmp_path, small_cap):
    path = tmp_path / "ok.txt"
    path.write_bytes(b"x" * CAP)
    [item] = _items(path, small_cap)
    assert isinstance(item, RawDocument)


def test_ingest_jsonl_long_line_rejected_and_next_line_read(tmp_path, small_cap):
    path = tmp_path / "a.jsonl"
    long_line = json.dumps({"text": "y" * (CAP * 3)})
    path.write_text(long_line + "\n" + json.dumps({"text": "ok"}) + "\n")
    first, second = _items(path, small_cap)
    assert (first.reason, first.origin) == ("E_TOO_LARGE", f"{path}:1")
    assert isinstance(second, RawDocument) and second.fields["text"] == "ok"


@pytest.mark.parametrize(
    ("name", "content", "reasons"),
    [
        ("a.jsonl", '{"text": "ok"}\n{not json\n{"text": "ok2"}\n', [None, "E_PARSE", None]),
        ("a.jsonl", '{"text": "ok"}\n[1, 2]\n', [None, "E_PARSE"]),
        ("a.jsonl", '{"title": "no text"}\n{"text": null}\n', ["E_NO_TEXT", "E_NO_TEXT"]),
        ("a.csv", 'text,title\n"ok",t\n"a","b","c"\nfine,t\n', [None, "E_PARSE", None]),
        ("a.csv", "title\nno text here\n", ["E_NO_TEXT"]),
        ("a.json", '[{"text": "ok"}, 5]', [None, "E_PARSE"]),
        ("a.json", '[{"text": "ok"}, {"text": ', [None, "E_PARSE"]),
        ("a.json", '"just a string"', ["E_PARSE"]),
    ],
)
def test_ingest_broken_records_rejected_one_by_one(tmp_path, settings, name, content, reasons):
    path = tmp_path / name
    path.write_text(content)
    items = _items(path, settings)
    assert [i.reason if isinstance(i, Rejection) else None for i in items] == reasons


def test_ingest_malformed_line_origin_names_line(tmp_path, settings):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "ok"}\n\n{oops\n')
    [_, bad] = _items(path, settings)
    assert bad.origin == f"{path}:3"


def test_ingest_jsonl_invalid_utf8_line_is_decode_error(tmp_path, settings):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    first, second = _items(path, settings)
    assert first.reason == "E_DECODE"
    assert isinstance(second, RawDocument)


def test_ingest_truncated_gzip_is_read_error_after_good_records(tmp_path, settings):
    data = gzip.compress("".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(2000)).encode())
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = _items(path, settings)
    assert isinstance(items[0], RawDocument)
    assert items[-1].reason == "E_READ"


def test_ingest_named_gz_that_is_not_gzip_is_read_error(tmp_path, settings):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(b"plain")
    [item] = _items(path, settings)
    assert item.reason == "E_READ"


@pytest.mark.parametrize(("name", "reason"), [("notes.docx", "E_UNSUPPORTED"), ("missing.txt", "E_READ")])
def test_ingest_explicit_path_problems(tmp_path, settings, name, reason):
    path = tmp_path / name
    if name.endswith(".docx"):
        path.write_bytes(b"PK\x03\x04")
    [item] = _items(path, settings)
    assert item.reason == reason
    assert item.origin == str(path)


def test_ingest_csv_windows_1252_rows_decoded(tmp_path, settings):
    path = tmp_path / "excel.csv"
    path.write_bytes('text,title\n"Café owners – said",t\n'.encode("cp1252"))
    [doc] = _items(path, settings)
    assert doc.fields["text"] == "Café owners – said"


def test_ingest_csv_undecodable_row_rejected_and_next_row_read(tmp_path, settings):
    path = tmp_path / "a.csv"
    path.write_bytes(b'text,title\n"bad \x81\x8d",t\nok,t\n')
    first, second = _items(path, settings)
    assert (first.reason, first.origin) == ("E_DECODE", f"{path}:2")
    assert second.fields["text"] == "ok"

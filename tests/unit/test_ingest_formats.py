"""Ingest reads every supported format, gzip-compressed or not, into RawDocuments."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsevents.ingest import iter_documents
from newsevents.types import RawDocument, Rejection


def _write(path: Path, data: bytes, compress: bool) -> Path:
    if compress:
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize(("name", "content_type"), [("a.txt", "text"), ("a.html", "html"), ("a.htm", "html")])
def test_ingest_whole_file_types_keep_bytes(tmp_path, settings, name, content_type, compress):
    data = b"<p>Some text</p>\n"
    path = _write(tmp_path / name, data, compress)
    [doc] = list(iter_documents([path], settings))
    assert isinstance(doc, RawDocument)
    assert doc.content_type == content_type
    assert doc.data == data
    assert doc.size == len(data)
    assert doc.origin == str(path)


_RECORDS = [
    {
        "id": "a1",
        "text": "First.",
        "title": "T1",
        "url": "https://x.org/1",
        "date": "2021-07-01",
        "publisher": "P",
    },
    {"body": "Second.", "source": "Wire"},
]


def _jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def _csv(records: list[dict]) -> bytes:
    return b'id,text,title,source\na1,"First.",T1,P\n,"Sec\nond.",,Wire\n'


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize(
    ("name", "data", "lines"),
    [
        ("r.jsonl", _jsonl(_RECORDS), [1, 2]),
        ("r.json", json.dumps(_RECORDS, indent=1).encode(), [2, 10]),
        ("r.csv", _csv(_RECORDS), [2, 3]),
    ],
)
def test_ingest_records_one_document_each_with_line_origin(tmp_path, settings, name, data, lines, compress):
    path = _write(tmp_path / name, data, compress)
    docs = list(iter_documents([path], settings))
    assert all(isinstance(d, RawDocument) and d.content_type == "record" for d in docs)
    assert [d.origin for d in docs] == [f"{path}:{n}" for n in lines]
    first, second = docs
    assert first.fields["text"] == "First."
    assert first.fields["title"] == "T1"
    assert first.document_id == "a1"
    assert second.fields["text"] in ("Second.", "Sec\nond.")
    assert second.fields["publisher"] == "Wire"


def test_ingest_single_json_object_is_one_document(tmp_path, settings):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Only one.", "url": "https://x.org/a"}))
    [doc] = list(iter_documents([path], settings))
    assert doc.origin == str(path)
    assert doc.fields["url"] == "https://x.org/a"
    assert doc.document_id.startswith("url:")


def test_ingest_gzip_detected_by_magic_bytes(tmp_path, settings):
    path = tmp_path / "hidden-gzip.jsonl"
    path.write_bytes(gzip.compress(_jsonl(_RECORDS)))
    assert [d.fields["text"] for d in iter_documents([path], settings)] == ["First.", "Second."]


def test_ingest_directory_walk_is_recursive_sorted_and_skips_unknown(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<p>c</p>"))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("h")
    docs = list(iter_documents([tmp_path], settings))
    assert [Path(d.origin).name for d in docs] == ["a.txt", "c.html.gz", "z.txt"]
    assert not any(isinstance(d, Rejection) for d in docs)


@pytest.mark.parametrize(
    ("record", "authors"),
    [
        ({"text": "x", "author": "Jane Doe"}, "Jane Doe"),
        ({"text": "x", "authors": ["A B", "C D"]}, "A B; C D"),
    ],
)
def test_ingest_record_authors_field(tmp_path, settings, record, authors):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [doc] = list(iter_documents([path], settings))
    assert doc.fields["authors"] == authors

"""Fuzz: random bytes in a file of any supported extension, gzip-compressed or not, always end as
RawDocuments or Rejections; no exception escapes."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.ingest import iter_documents
from newsevents.settings import load_settings
from newsevents.types import RawDocument, Rejection

SETTINGS = load_settings().with_overrides(ingest={"max_document_bytes": 2000})
EXTENSIONS = [".txt", ".html", ".htm", ".json", ".jsonl", ".csv", ".bin"]

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)
_record_lines = st.lists(
    st.one_of(
        st.dictionaries(
            st.sampled_from(["text", "body", "title", "id", "url", "date", "source"]), _json_values
        ).map(json.dumps),
        st.text(max_size=60),
    ),
    max_size=6,
).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))


def _ingest(data: bytes, extension: str, compress: bool) -> list[RawDocument | Rejection]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{extension}{'.gz' if compress else ''}"
        path.write_bytes(gzip.compress(data) if compress else data)
        explicit = list(iter_documents([path], SETTINGS))
        walked = list(iter_documents([Path(tmp)], SETTINGS))
    assert explicit, "every named file yields at least one item"
    for item in explicit + walked:
        assert isinstance(item, RawDocument | Rejection)
        assert item.document_id and item.origin
    return explicit


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), extension=st.sampled_from(EXTENSIONS), compress=st.booleans())
def test_ingest_fuzz_random_bytes_never_raise(data, extension, compress):
    _ingest(data, extension, compress)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_record_lines, extension=st.sampled_from([".json", ".jsonl", ".csv"]), compress=st.booleans())
def test_ingest_fuzz_record_like_input_never_raises(data, extension, compress):
    _ingest(data, extension, compress)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(min_size=1, max_size=400))
def test_ingest_fuzz_truncated_gzip_never_raises(data):
    compressed = gzip.compress(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cut.jsonl.gz"
        path.write_bytes(compressed[: max(2, len(compressed) // 2)])
        items = list(iter_documents([path], SETTINGS))
    assert all(isinstance(i, RawDocument | Rejection) for i in items)

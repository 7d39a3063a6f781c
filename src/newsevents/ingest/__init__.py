"""Stage 1: paths -> RawDocument | Rejection, streaming, with stable ids.

Files and directories (recursive, sorted), gzip-compressed or not (by magic bytes). `.txt` and
`.html/.htm` files are one document each (bytes kept for the extractor); `.json` (an object or an
array of objects), `.jsonl` and `.csv` give one record document per element, line or row.
Nothing here raises on bad input: every problem becomes a Rejection with a reason code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsevents.errors import E_EMPTY, E_READ, E_TOO_LARGE, E_UNSUPPORTED
from newsevents.ingest.files import READ_ERRORS, InputFile, open_binary, read_capped, walk_inputs
from newsevents.ingest.ids import content_id, location_id, normalise_url
from newsevents.ingest.records import iter_csv, iter_json, iter_jsonl
from newsevents.settings import Settings
from newsevents.types import ContentType, RawDocument, Rejection

__all__ = ["iter_documents", "normalise_url"]

Item = RawDocument | Rejection

_WHOLE_FILE_TYPES: dict[str, ContentType] = {".txt": "text", ".html": "html", ".htm": "html"}
_RECORD_READERS: dict[str, Callable[[BinaryIO, Path, int], Iterator[Item]]] = {
    ".json": iter_json,
    ".jsonl": iter_jsonl,
    ".csv": iter_csv,
}


def iter_documents(paths: list[Path], settings: Settings) -> Iterator[Item]:
    """Every document under `paths`, in a deterministic order, as RawDocument or Rejection."""
    cap = settings.ingest.max_document_bytes
    for input_file in walk_inputs([Path(p) for p in paths], settings.ingest.extensions):
        yield from _read_file(input_file, cap)


def _file_rejection(path: Path, reason: str, message: str) -> Rejection:
    return Rejection(location_id(str(path.resolve())), str(path), reason, message)


def _read_file(input_file: InputFile, cap: int) -> Iterator[Item]:
    path, kind = input_file.path, input_file.kind
    if input_file.explicit and not path.exists():
        yield _file_rejection(path, E_READ, "no such file or directory")
        return
    if kind in _WHOLE_FILE_TYPES:
        try:
            data = read_capped(path, cap)
        except READ_ERRORS as exc:
            yield _file_rejection(path, E_READ, f"cannot read file: {exc}")
            return
        if data is None:
            yield _file_rejection(
                path, E_TOO_LARGE, f"over the {cap}-byte cap (settings.ingest.max_document_bytes)"
            )
            return
        yield RawDocument(content_id(data), str(path), _WHOLE_FILE_TYPES[kind], data=data, size=len(data))
        return
    reader = _RECORD_READERS.get(kind)
    if reader is None:
        yield _file_rejection(path, E_UNSUPPORTED, f"no reader for {kind or 'files without an extension'!r}")
        return
    count = 0
    try:
        with open_binary(path) as stream:
            for item in reader(stream, path, cap):
                count += 1
                yield item
        if count == 0:
            # Not an error, but a file that gave nothing must still show up in the rejections.
            yield _file_rejection(path, E_EMPTY, "the file holds no records")
    except READ_ERRORS as exc:
        yield _file_rejection(path, E_READ, f"cannot read file (the rest of it is skipped): {exc}")

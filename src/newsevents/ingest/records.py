"""Readers for record files: JSON (one object or an array of objects), JSONL and CSV.

Each JSONL line, CSV row or JSON array element is one document. Everything streams: a line,
row or element is read with a bounded size, so a 2 GB file never sits in memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from newsevents.errors import E_DECODE, E_NO_TEXT, E_PARSE, E_TOO_LARGE
from newsevents.ingest.files import iter_capped_lines
from newsevents.ingest.ids import content_id, location_id, record_id
from newsevents.types import RawDocument, Rejection

# Input field -> the names it may have in a record (first present wins).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body"),
    "title": ("title",),
    "url": ("url",),
    "date": ("date",),
    "publisher": ("publisher", "source"),
    "id": ("id",),
    "authors": ("authors", "author", "byline"),
}

Item = RawDocument | Rejection


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):  # e.g. NewsAPI's "source": {"id": ..., "name": "Reuters"}
        return _scalar(value.get("name"))
    return None


def record_to_item(record: dict[str, Any], origin: str, size: int, fallback_key: bytes | str) -> Item:
    """A decoded record -> RawDocument (content_type "record") or a Rejection E_NO_TEXT."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    fields: dict[str, str | None] = {}
    for name, aliases in FIELD_ALIASES.items():
        fields[name] = next(
            (_scalar(lowered[a]) for a in aliases if _scalar(lowered.get(a)) is not None), None
        )
    authors = next((lowered[a] for a in FIELD_ALIASES["authors"] if isinstance(lowered.get(a), list)), None)
    if fields["authors"] is None and authors is not None:
        fields["authors"] = "; ".join(n for n in (_scalar(a) for a in authors) if n) or None
    text = fields["text"]
    if text is None:
        # Hash of the record as read, not its `id`: once fixed, the record must not look already done.
        return Rejection(content_id(fallback_key), origin, E_NO_TEXT, "record has no `text` or `body` field")
    doc_id = record_id(fields["id"], fields["url"], text)
    return RawDocument(doc_id, origin, "record", fields=fields, size=size)


def iter_jsonl(stream: BinaryIO, path: Path, cap: int) -> Iterator[Item]:
    where = str(path)
    for number, line in enumerate(iter_capped_lines(stream, cap), start=1):
        origin = f"{where}:{number}"
        if line is None:
            yield Rejection(
                location_id(f"{path.resolve()}:{number}"), origin, E_TOO_LARGE, f"line over {cap} bytes"
            )
            continue
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(
                content_id(line), origin, E_DECODE, f"line is not UTF-8: {exc.reason} at byte {exc.start}"
            )
            continue
        try:
            record = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Rejection(content_id(line), origin, E_PARSE, f"malformed JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield Rejection(
                content_id(line), origin, E_PARSE, f"JSON line is a {type(record).__name__}, not an object"
            )
            continue
        yield record_to_item(record, origin, len(line), line)


_JSON_CHUNK = 1 << 20


class _JsonArrayReader:
    """Pulls the elements of a top-level JSON array one at a time from a text stream."""

    def __init__(self, stream: io.TextIOBase, path: Path, cap: int) -> None:
        self.stream = stream
        self.path = path
        self.cap = cap
        self.buf = ""
        self.pos = 0
        self.line = 1  # line number at self.line_pos (counted lazily: each newline once)
        self.line_pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(_JSON_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self._line_at_pos()
        self.buf = self.buf[self.pos :] + chunk
        self.pos = self.line_pos = 0
        return True

    def _line_at_pos(self) -> int:
        self.line += self.buf.count("\n", self.line_pos, self.pos)
        self.line_pos = self.pos
        return self.line

    def _skip_ws(self) -> str:
        """The next non-blank character (not consumed), or "" at the end of the stream."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def _origin(self) -> str:
        return f"{self.path}:{self._line_at_pos()}"

    def _reject(self, reason: str, message: str) -> Rejection:
        origin = self._origin()
        return Rejection(
            location_id(f"{self.path.resolve()}:{origin.rsplit(':', 1)[1]}"), origin, reason, message
        )

    def elements(self) -> Iterator[Item]:
        first = self._skip_ws()
        if first == "{":
            yield from self._single_object()
            return
        if first != "[":
            yield self._reject(E_PARSE, "a .json file must hold an object or an array of objects")
            return
        self.pos += 1
        if self._skip_ws() == "]":
            return
        while True:
            origin = self._origin()
            start = self.pos
            try:
                value, end = self._decode_next()
            except ValueError as exc:
                reason = E_TOO_LARGE if str(exc).startswith("over") else E_PARSE
                yield self._reject(reason, f"array element {exc}; the rest of the file is skipped")
                return
            element_text = self.buf[start:end]
            self.pos = end
            if isinstance(value, dict):
                yield record_to_item(
                    value, origin, len(element_text.encode("utf-8", "surrogatepass")), element_text
                )
            else:
                yield Rejection(content_id(element_text), origin, E_PARSE, "array element is not an object")
            sep = self._skip_ws()
            if sep == ",":
                self.pos += 1
                self._skip_ws()
                continue
            if sep != "]":
                yield self._reject(E_PARSE, "expected ',' or ']' between array elements; the rest is skipped")
            return

    def _decode_next(self) -> tuple[Any, int]:
        while True:
            try:
                return self.decoder.raw_decode(self.buf, self.pos)
            except (json.JSONDecodeError, RecursionError) as exc:
                if len(self.buf) - self.pos > self.cap:
                    raise ValueError(f"over {self.cap} bytes (or malformed)") from exc
                if not self._fill():
                    raise ValueError(f"is malformed JSON: {exc}") from exc

    def _single_object(self) -> Iterator[Item]:
        while not self.eof and len(self.buf) - self.pos <= self.cap:
            self._fill()
        text = self.buf[self.pos :]
        if len(text) > self.cap:
            yield Rejection(
                location_id(str(self.path.resolve())), str(self.path), E_TOO_LARGE, f"over {self.cap} bytes"
            )
            return
        try:
            value = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Rejection(content_id(text), str(self.path), E_PARSE, f"malformed JSON: {exc}")
            return
        if not isinstance(value, dict):
            yield Rejection(
                content_id(text), str(self.path), E_PARSE, "a .json file must hold an object or an array"
            )
            return
        yield record_to_item(value, str(self.path), len(text.encode("utf-8", "surrogatepass")), text)


def iter_json(stream: BinaryIO, path: Path, cap: int) -> Iterator[Item]:
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict")
    reader = _JsonArrayReader(text_stream, path, cap)
    try:
        yield from reader.elements()
    except UnicodeDecodeError as exc:
        yield reader._reject(E_DECODE, f"file is not UTF-8 ({exc.reason}); the rest is skipped")


class _DecodedLines:
    """Decodes binary lines for the csv module, remembering which lines could not be decoded or were
    too long, so that the row holding them is rejected rather than the whole file."""

    def __init__(self, lines: Iterable[bytes | None]) -> None:
        self.lines = iter(lines)
        self.number = 0
        self.bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.number += 1
            if line is None:
                self.bad[self.number] = E_TOO_LARGE
                yield "\n"
                continue
            try:
                yield line.decode("utf-8-sig" if self.number == 1 else "utf-8")
                continue
            except UnicodeDecodeError:
                pass
            # Spreadsheets on Windows export CSV as Windows-1252: read such lines as that.
            try:
                yield line.decode("cp1252")
            except UnicodeDecodeError:
                self.bad[self.number] = E_DECODE
                yield line.decode("utf-8", errors="replace")


def _ensure_field_limit(cap: int) -> None:
    # The csv module's field limit (128 KiB by default) is process-wide; only ever raise it, to the
    # document cap, so that a long article body in one field is not an error.
    if csv.field_size_limit() < cap:
        csv.field_size_limit(cap)


def iter_csv(stream: BinaryIO, path: Path, cap: int) -> Iterator[Item]:
    _ensure_field_limit(cap)
    lines = _DecodedLines(iter_capped_lines(stream, cap))
    reader = csv.reader(lines)
    header: list[str] | None = None
    last_line = 0
    while True:
        try:
            row = next(reader)
            error: str | None = None
        except StopIteration:
            return
        except csv.Error as exc:
            row, error = [], str(exc)
        start, last_line = last_line + 1, reader.line_num
        origin = f"{path}:{start}"
        bad = [lines.bad[n] for n in range(start, last_line + 1) if n in lines.bad]
        row_key = "\x1f".join(row) or origin
        if error is not None or bad:
            if E_TOO_LARGE in bad or (error is not None and "field larger than field limit" in error):
                reason, message = E_TOO_LARGE, f"row over {cap} bytes"
            elif bad:
                reason, message = E_DECODE, "row is not UTF-8"
            else:
                reason, message = E_PARSE, f"broken CSV row: {error}"
            doc_id = location_id(f"{path.resolve()}:{start}")
            yield Rejection(doc_id, origin, reason, message)
            if header is None and reason != E_PARSE:
                header = []  # the header itself was unreadable: every later row will say so
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = [name.strip().lower() for name in row]
            continue
        if len(row) != len(header):
            yield Rejection(
                content_id(row_key),
                origin,
                E_PARSE,
                f"broken CSV row: {len(row)} fields, header has {len(header)}",
            )
            continue
        size = sum(len(v) for v in row)
        yield record_to_item(dict(zip(header, row, strict=True)), origin, size, row_key)

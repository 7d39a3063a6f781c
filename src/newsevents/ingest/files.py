"""Finding input files and opening them, gzip-compressed or not, without reading them whole."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"

# gzip and zlib raise these on truncated or corrupt streams, OSError on unreadable files.
READ_ERRORS = (OSError, EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    kind: str  # the extension that decides the reader (".txt", ".jsonl", ...), without ".gz"
    explicit: bool  # named by the user, not found by a directory walk


def reader_suffix(path: Path) -> str:
    """`a.jsonl.gz` -> ".jsonl"; `a.TXT` -> ".txt"."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def walk_inputs(paths: list[Path], extensions: tuple[str, ...]) -> Iterator[InputFile]:
    """Files named directly, then the files under each directory, recursively and sorted so that
    every run sees documents in the same order. Hidden files and folders (".git") are skipped, and so
    are files whose extension no reader handles."""
    wanted = {e.lower() for e in extensions}
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    child = Path(root) / name
                    kind = reader_suffix(child)
                    if kind in wanted:
                        yield InputFile(child, kind, explicit=False)
        else:
            yield InputFile(path, reader_suffix(path), explicit=True)


def open_binary(path: Path) -> BinaryIO:
    """A binary stream of the file's content, decompressed when the file is gzip (by its magic
    bytes, whatever its name says). Raises one of READ_ERRORS."""
    raw = path.open("rb")
    try:
        magic = raw.read(2)
        raw.seek(0)
    except OSError:
        raw.close()
        raise
    if magic == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if path.suffix.lower() == ".gz":
        raw.close()
        raise gzip.BadGzipFile(f"{path.name} is named .gz but is not gzip-compressed")
    return raw


def is_gzip(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(2) == GZIP_MAGIC


def read_capped(path: Path, cap: int) -> bytes | None:
    """The whole (decompressed) content, or None when it is over `cap` bytes; never reads more than
    cap + 1 bytes. Raises one of READ_ERRORS."""
    if not is_gzip(path) and path.stat().st_size > cap:
        return None
    with open_binary(path) as stream:
        data = stream.read(cap + 1)
        # A gzip stream's CRC is only checked at its end: read one byte past to surface corruption.
        if len(data) <= cap:
            stream.read(1)
    return None if len(data) > cap else data


def iter_capped_lines(stream: BinaryIO, cap: int) -> Iterator[bytes | None]:
    """Lines of a binary stream (with their newline); a line over `cap` bytes comes out as None,
    skipped to its end without being kept. Raises one of READ_ERRORS."""
    # Read in bounded slices: a 2 GB line must not become one 2 GB bytes object.
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line

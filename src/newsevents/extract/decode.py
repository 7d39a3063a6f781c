"""Bytes -> text: empty and binary input rejected, the encoding detected when it is not UTF-8."""

from __future__ import annotations

import codecs

from newsevents.errors import E_BINARY, E_DECODE, E_EMPTY, NewsEventsError

# File signatures of common binary formats that end up in scrape folders by mistake.
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or docx/xlsx)",
    b"\x7fELF": "executable",
    b"\x1f\x8b": "gzip data",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_SNIFF_BYTES = 65536
# Text in any real encoding has next to no C0 control bytes; random or binary data has about 10%.
_MAX_CONTROL_SHARE = 0.05
# Mostly-ASCII text that is not UTF-8 is almost always Windows-1252 (legacy Western pages: accents,
# curly quotes, dashes). charset-normalizer misreads short samples of it ("Café – naïve" came out
# as cp1257 "Cafķ ¢ na’ve"), so it only decides for the rest.
_MIN_ASCII_SHARE_FOR_CP1252 = 0.9


def _binary_reason(sample: bytes) -> str | None:
    for magic, name in _MAGIC.items():
        if sample.startswith(magic):
            return f"looks like a {name}"
    if b"\x00" in sample:
        return "contains NUL bytes"
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        return f"{controls / len(sample):.0%} control bytes"
    return None


def check_text_bytes(data: bytes) -> None:
    """Raises NewsEventsError E_EMPTY or E_BINARY unless the bytes can be text."""
    if not data.strip():
        raise NewsEventsError(E_EMPTY, "the document is empty or whitespace only")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16 text is full of NUL bytes: its byte-order mark vouches for it
    reason = _binary_reason(data[:_SNIFF_BYTES])
    if reason is not None:
        raise NewsEventsError(E_BINARY, f"not text: {reason}")


def decode_document(data: bytes) -> str:
    """The text of a document. Raises NewsEventsError E_EMPTY, E_BINARY or E_DECODE."""
    check_text_bytes(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _non_empty(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise NewsEventsError(
                    E_DECODE, f"starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    try:
        return _non_empty(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    sample = data[:_SNIFF_BYTES]
    if sum(b < 128 for b in sample) / len(sample) >= _MIN_ASCII_SHARE_FOR_CP1252:
        try:
            return _non_empty(data.decode("cp1252"))
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NewsEventsError(E_DECODE, "not UTF-8, and no encoding detector could decode it")
    return _non_empty(str(best))


def _non_empty(text: str) -> str:
    if not text.strip():
        raise NewsEventsError(E_EMPTY, "the document is empty or whitespace only")
    return text

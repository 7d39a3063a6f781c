"""Reason codes for rejected documents and errors users can act on."""

from __future__ import annotations

# Rejection reason codes stored in the `rejections` table. Each names what to do about it.
E_EMPTY = "E_EMPTY"  # no text at all (empty file, whitespace, empty `text` field)
E_BINARY = "E_BINARY"  # bytes that are not text (images, archives, executables)
E_TOO_LARGE = "E_TOO_LARGE"  # over settings.ingest.max_document_bytes; raise the cap to accept it
E_DECODE = "E_DECODE"  # bytes that no encoding detector could decode
E_PARSE = "E_PARSE"  # malformed JSON line / CSV row / unparseable HTML
E_NO_TEXT = "E_NO_TEXT"  # a JSON/CSV record without a `text`/`body` field
E_NO_BODY = "E_NO_BODY"  # the extractor found no article body (e.g. HTML of a non-article page)
E_LANGUAGE = "E_LANGUAGE"  # not English (the message names the detected language)
E_UNSUPPORTED = "E_UNSUPPORTED"  # a file type the readers do not know
E_READ = "E_READ"  # the file could not be read (permissions, broken gzip)
E_INTERNAL = "E_INTERNAL"  # a bug in a stage: the document is kept as rejected, the batch goes on

REASON_CODES = (
    E_EMPTY,
    E_BINARY,
    E_TOO_LARGE,
    E_DECODE,
    E_PARSE,
    E_NO_TEXT,
    E_NO_BODY,
    E_LANGUAGE,
    E_UNSUPPORTED,
    E_READ,
    E_INTERNAL,
)


# Error codes of problems a user fixes by changing the command, the settings or a file (never
# stored as rejection reasons).
E_USAGE = "E_USAGE"  # a command-line option or argument that cannot work
E_CONFIG = "E_CONFIG"  # a settings file or vocabulary / dictionary file that cannot be read or used
E_MODEL = "E_MODEL"  # the spaCy model cannot be loaded
E_GAZETTEER = "E_GAZETTEER"  # the place gazetteer cannot be built or read
E_STORE = "E_STORE"  # the database cannot be opened or migrated
E_NO_DB = "E_NO_DB"  # no database at the given path
E_EXPORT = "E_EXPORT"  # an export format that does not exist, or a file that cannot be written
E_BASELINE = "E_BASELINE"  # an evaluation baseline file that cannot be read or is malformed


class NewsEventsError(Exception):
    """An error with a code and a message a user can act on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

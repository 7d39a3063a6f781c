"""Sentence boundaries at paragraph breaks, set before the parser so it never joins paragraphs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsevents_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    # A token that follows a whitespace token holding a newline starts a sentence: bylines,
    # captions and one-line paragraphs must not merge with the next line ("Moqadas Hashimi\n1").
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
        elif doc[i].is_space and "\n" in doc[i].text:
            continue
    return doc

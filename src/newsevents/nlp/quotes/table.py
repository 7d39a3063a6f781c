"""Per-token strings of a Doc read in one pass.

Every `doc[i]` or `for tok in doc` builds a Token object; the quote component needs a few
attributes of every token several times (quote marks, paragraph breaks, candidate filtering), so
it reads them once into plain lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class TokenTable:
    text: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]
    closed: list[str]  # closed-class word itself, else the fine tag (neighbour features)
    space: list[bool]  # whitespace token
    breaks: list[bool]  # a newline follows the token (or the token is one): paragraph end

    def __len__(self) -> int:
        return len(self.text)


CLOSED_POS = frozenset({"ADP", "PART", "AUX", "DET", "SCONJ", "CCONJ", "PRON", "PUNCT"})


def token_table(doc: Doc) -> TokenTable:
    """One `to_array` call and a string look-up per distinct value (no Token objects)."""
    if len(doc) == 0:
        return TokenTable([], [], [], [], [], [])
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, IS_SPACE, IS_PUNCT]).tolist()
    names: dict[int, str] = {}

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key]
        return found

    pos_names = {key: strings[key] for key in {r[3] for r in rows}}
    text = [name(r[0]) for r in rows]
    lemma = [name(r[2]).lower() for r in rows]
    pos = [pos_names[r[3]] for r in rows]
    closed = [name(r[1]) if pos_names[r[3]] in CLOSED_POS or r[6] else name(r[4]) for r in rows]
    space = [bool(r[5]) for r in rows]
    # spaCy keeps at most one plain space as trailing whitespace: newlines are space tokens.
    breaks = [sp and "\n" in t for sp, t in zip(space, text, strict=True)]
    return TokenTable(text, lemma, pos, closed, space, breaks)

"""Name normalisation shared by the gazetteer build and lookups: one key per spelling family."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-", "`": "'"})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
# "St." / "St" / "Saint" and "Mt." / "Mount" are one key, so "St. Louis" finds "Saint Louis".
_ABBREVIATIONS = (
    (re.compile(r"\bst\.?\s"), "saint "),
    (re.compile(r"\bmt\.?\s"), "mount "),
    (re.compile(r"\bft\.?\s"), "fort "),
)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_name(text: str) -> str:
    """Lower case, no accents, straight quotes, single spaces, no leading "the", St./Mt./Ft. expanded.

    Periods are kept ("U.S." and "US" are separate keys, both listed), because dropping them merges
    abbreviations with words ("La." Louisiana with the article "La").
    """
    key = strip_accents(text.translate(_QUOTES)).casefold().strip()
    key = _SPACES.sub(" ", key)
    key = _LEADING_THE.sub("", key)
    for pattern, replacement in _ABBREVIATIONS:
        key = pattern.sub(replacement, key)
    return key


def is_latin_name(text: str) -> bool:
    """True for names written in Latin letters (GeoNames alternate names include every script)."""
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True

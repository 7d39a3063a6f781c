"""Token normalisation shared by vocabulary keys, the string resolver and the spaCy component.

Vocabulary phrases and text are compared as tuples of normalised tokens, so "Al-Qaeda",
"al Qaeda" and spaCy's ("Al", "-", "Qaeda") meet at ("al", "qaeda"), and "Élysée" meets "Elysee".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "U.S.", "U.N." (initialisms keep their dots); words with inner apostrophes ("d'Ivoire") but
# with the possessive "'s" split off as spaCy does; "'s"; any other single non-space character.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’](?![sS]\b)\w+)*\.?|['’][sS]\b|[^\w\s]")
_INITIALISM = re.compile(r"^(?:[a-z]\.){2,}$")
# Tokens that carry no meaning for matching (hyphens are dropped so "Kurdish-led" = "Kurdish led").
SKIPPED = frozenset({"-", "–", "—", '"', "“", "”", "‘"})


@lru_cache(maxsize=65536)
def norm(token: str) -> str:
    """The matching form of one token: lower case, no accents, straight apostrophe, no final dot."""
    text = token.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower()
    if text.endswith(".") and len(text) > 1 and not _INITIALISM.match(text):
        text = text[:-1]
    return text


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for a short phrase, splitting as spaCy's English tokenizer does."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def key_of(phrase: str) -> tuple[str, ...]:
    """The vocabulary key of a phrase: its normalised tokens without hyphens and quotes."""
    return tuple(n for tok, _s, _e in tokenize(phrase) if (n := norm(tok)) and tok not in SKIPPED)


def plural(word: str) -> str:
    """English plural of a (last) word, good enough for role nouns and demonyms."""
    if word.endswith("man") and not word.endswith(("human", "german", "roman", "shaman")):
        return word[:-3] + "men"
    if word.endswith("person"):
        return word[:-6] + "people"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def is_capitalized(token: str) -> bool:
    return bool(token) and token[0].isupper()

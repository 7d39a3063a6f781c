"""Longest-match lookup of vocabulary phrases in a token sequence (a phrase string or a spaCy span).

Dictionary lookups of n-grams only (n <= the longest phrase), no regular expressions over lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newsevents.nlp.actors.gazetteer import place_country
from newsevents.nlp.actors.text import SKIPPED, is_capitalized, norm
from newsevents.nlp.actors.vocab import GEO_KINDS, ActorVocabulary, Entry

# Proper-noun kinds need a capital letter somewhere in the match ("turkey", "chad" and "china"
# are words too); role nouns and modifiers match in any case.
_PROPER_KINDS = GEO_KINDS | {"org", "person"}


class Tok(NamedTuple):
    text: str
    key: str  # text.norm(text)
    start: int  # character offsets (in the phrase or the Doc)
    end: int
    i: int = -1  # spaCy token index (-1 for phrase tokens)


@dataclass(slots=True)
class Match:
    start: int  # index into the token list, [start, end)
    end: int
    entry: Entry
    others: tuple[Entry, ...] = ()  # further entries of the same phrase, in priority order


def make_toks(pieces: Sequence[tuple[str, int, int]] | Sequence[tuple[str, int, int, int]]) -> list[Tok]:
    toks = []
    for piece in pieces:
        text = piece[0]
        if text in SKIPPED or text.isspace():
            continue
        index = piece[3] if len(piece) > 3 else -1  # type: ignore[misc]
        toks.append(Tok(text, norm(text), piece[1], piece[2], index))
    return toks


def _acceptable(entry: Entry, toks: Sequence[Tok]) -> bool:
    if entry.case_sensitive:
        return all(t.text.replace(".", "").isupper() or not t.text.isalpha() for t in toks) and any(
            c.isalpha() for t in toks for c in t.text
        )
    if entry.kind in _PROPER_KINDS:
        return any(is_capitalized(t.text) for t in toks)
    return True


def match_tokens(vocab: ActorVocabulary, toks: Sequence[Tok], places: bool = True) -> list[Match]:
    """Greedy longest matches left to right; unmatched capitalised names looked up as places."""
    matches: list[Match] = []
    i, n = 0, len(toks)
    keys = [t.key for t in toks]
    first_tokens = vocab.first_tokens
    while i < n:
        found = None
        longest = first_tokens.get(keys[i], 0)
        for length in range(min(longest, n - i), 0, -1):
            entries = vocab.index.get(tuple(keys[i : i + length]))
            if not entries:
                continue
            ok = [e for e in entries if _acceptable(e, toks[i : i + length])]
            if (
                ok
                and ok[0].kind in _WHOLE_NAME_KINDS
                and not _whole_name(vocab, toks, matches, i, i + length)
            ):
                ok = [e for e in ok if e.kind not in _WHOLE_NAME_KINDS]
            if ok:
                found = Match(i, i + length, ok[0], tuple(ok[1:]))
                break
        if found is None and places and _starts_name(toks, matches, i):
            found = _place_match(vocab, toks, keys, i)
        if found is None:
            i += 1
            continue
        matches.append(found)
        i = found.end
    return matches


def _whole_name(
    vocab: ActorVocabulary, toks: Sequence[Tok], matches: Sequence[Match], start: int, end: int
) -> bool:
    """A person's name must not be part of a longer name: "Ghani" in "Mohammad Ghani" is
    someone else than "Ghani" alone."""
    if start > 0 and not (matches and matches[-1].end == start):
        prev = toks[start - 1]
        if is_capitalized(prev.text) and prev.key.isalpha() and prev.key not in _NAME_PARTICLES:
            return False
    if end < len(toks):
        nxt = toks[end]
        if is_capitalized(nxt.text) and nxt.key.isalpha() and (nxt.key,) not in vocab.index:
            return False
    return True


# Names that must not be read inside a longer name ("Valencia" in "Feliciano Valencia").
_WHOLE_NAME_KINDS = frozenset({"person", "city"})
# Words that may precede a name without being part of it.
_NAME_PARTICLES = frozenset(
    {"the", "a", "an", "and", "or", "but", "as", "in", "on", "at", "by", "for", "with", "from"}
)


def _starts_name(toks: Sequence[Tok], matches: Sequence[Match], i: int) -> bool:
    """A capitalised word that starts a run of capitalised words (not "Valencia" in "Feliciano
    Valencia": the middle of a name is no place)."""
    if not (is_capitalized(toks[i].text) and toks[i].key.isalpha()):
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    prev_matched = bool(matches) and matches[-1].end == i
    return prev_matched or not is_capitalized(prev.text)


def _place_match(vocab: ActorVocabulary, toks: Sequence[Tok], keys: list[str], i: int) -> Match | None:
    # The capitalised run starting here, up to a vocabulary word ("Kyiv Police", "Kano State"):
    # a place name must cover all of it, or "Douglas Paul James" would become the Isle of Man
    # through its first word.
    j = i
    while j < len(toks) and is_capitalized(toks[j].text) and toks[j].key.isalpha():
        if j > i and (keys[j],) in vocab.index:
            break
        j += 1
    hit = place_country(tuple(keys[i:j]))
    if hit is None:
        return None
    code, kind = hit
    entry = Entry(kind, " ".join(t.text for t in toks[i:j]), country=code, source="gazetteer")  # type: ignore[arg-type]
    return Match(i, j, entry)

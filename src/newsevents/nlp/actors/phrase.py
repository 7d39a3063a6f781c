"""The structure of an actor phrase, before any vocabulary meaning: appositive parts ("Hamdullah
Mohib, National Security Adviser"), each part's head phrase and the prepositional phrases after it
("spokesman | for the Office of ..."), and the proper name next to the head."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.nlp.actors.matching import Match, Tok
from newsevents.nlp.actors.text import is_capitalized

# Prepositions that attach a phrase to the head ("spokesman for the ONSC"). The object of
# to/against/with/toward names a counterpart, never the actor's own country.
ATTACHING = frozenset({"of", "for", "in", "at", "from", "across", "near", "within", "inside", "on", "under"})
COUNTERPART = frozenset({"to", "against", "with", "toward", "towards", "versus", "vs", "over", "about", "by"})
PREPOSITIONS = ATTACHING | COUNTERPART
PART_BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]"})
# Words that never start a name even when capitalised at the start of a phrase.
FUNCTION_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "several",
        "many",
        "most",
        "all",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "one",
        "both",
        "each",
        "any",
        "other",
        "another",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "'s",
        "and",
        "or",
        "&",
        "senior",
        "top",
        "high-ranking",
        "current",
        "new",
        "acting",
        "interim",
        "prominent",
        "local",
        "national",
        "leading",
        "chief",
        "deputy",
        "sitting",
        "then",
        "incoming",
        "outgoing",
        "newly",
        "elected",
        "who",
        "said",
        "says",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "de",
        "da",
        "do",
        "of",
        "el",
    }
)


@dataclass(slots=True)
class Part:
    """One appositive part of a phrase and the vocabulary matches inside it."""

    toks: list[Tok]
    matches: list[Match]
    head_end: int  # token index where the first attaching/counterpart preposition starts


def split_parts(toks: list[Tok]) -> list[list[Tok]]:
    parts: list[list[Tok]] = [[]]
    for tok in toks:
        if tok.text in PART_BREAKS:
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(tok)
    return [p for p in parts if p]


def find_head_end(toks: Sequence[Tok], matches: Sequence[Match]) -> int:
    inside = {i for m in matches for i in range(m.start, m.end)}
    for i, tok in enumerate(toks):
        if i > 0 and tok.key in PREPOSITIONS and i not in inside:
            return i
    return len(toks)


def pp_ranges(part: Part) -> list[tuple[str, int, int]]:
    """(preposition, start, end) of each prepositional phrase after the head."""
    inside = {i for m in part.matches for i in range(m.start, m.end)}
    starts = [
        i
        for i in range(part.head_end, len(part.toks))
        if part.toks[i].key in PREPOSITIONS and i not in inside
    ]
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(part.toks)
        out.append((part.toks[s].key, s + 1, e))
    return out


def name_tokens(part: Part, start: int, end: int) -> list[Tok]:
    """The last run of capitalised tokens in [start, end) that no vocabulary phrase covers: the
    proper name next to the head ("Pulitzer-prize winning author Alice Walker" -> Alice Walker)."""
    covered = {i for m in part.matches for i in range(m.start, m.end)}
    runs: list[list[Tok]] = [[]]
    for i in range(start, end):
        tok = part.toks[i]
        if i in covered or not is_capitalized(tok.text) or tok.key in FUNCTION_WORDS:
            if runs[-1]:
                runs.append([])
            continue
        if any(c.isalpha() for c in tok.text):
            runs[-1].append(tok)
    named = [run for run in runs if run]
    return named[-1] if named else []


def phrase_text(toks: Sequence[Tok]) -> str:
    return " ".join(t.text for t in toks)


def model_number_after(toks: list[Tok], end: int) -> bool:
    """True when the token after a match is a model designation ("777", "A320", "Su-25"; a year
    such as "NATO 2024" is none)."""
    if end >= len(toks):
        return False
    text = toks[end].text
    return any(c.isdigit() for c in text) and not (text.isdigit() and len(text) == 4)

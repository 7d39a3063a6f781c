"""Casualty counts in a sentence: dead, injured, arrested, with qualifiers and victims.

"as many as 258 Taliban fighters were killed and 142 others injured" -> dead 258 ("as many as"),
injured 142 (the qualifier of the first count scopes over the elliptical coordination);
"killing at least 156 people" -> dead 156 ("at least"); "the death toll rose to more than 200".
Cue words, number words and qualifiers are data (data/events/casualties.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

FIELDS = ("dead", "injured", "arrested")
_DIGITS = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$|^\d+$")
_RANGE = re.compile(r"^(\d+)[-–](\d+)$")


@dataclass(frozen=True, slots=True)
class CasualtyCues:
    verbs: dict[str, str]  # lemma -> field
    verb_phrases: dict[tuple[str, str], str]  # (lemma, dependent word) -> field
    adjectives: dict[str, str]
    nouns: dict[str, str]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest first

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> CasualtyCues:
        verbs: dict[str, str] = {}
        phrases: dict[tuple[str, str], str] = {}
        adjectives: dict[str, str] = {}
        nouns: dict[str, str] = {}
        for name, spec in (data.get("fields") or {}).items():
            for verb in spec.get("verbs") or ():
                parts = str(verb).lower().split()
                if len(parts) == 1:
                    verbs[parts[0]] = name
                else:
                    phrases[(parts[0], parts[-1])] = name
            for adj in spec.get("adjectives") or ():
                adjectives[str(adj).lower()] = name
            for noun in spec.get("nouns") or ():
                nouns[str(noun).lower().split()[-1]] = name
        quals = sorted(
            ((tuple(str(k).lower().split()), str(v)) for k, v in (data.get("qualifiers") or {}).items()),
            key=lambda kv: -len(kv[0]),
        )
        return cls(
            verbs,
            phrases,
            adjectives,
            nouns,
            {str(k): int(v) for k, v in (data.get("numbers") or {}).items()},
            {str(k): int(v) for k, v in (data.get("multipliers") or {}).items()},
            {str(k): int(v) for k, v in (data.get("vague") or {}).items()},
            tuple(quals),
        )


@dataclass(slots=True)
class Casualty:
    field: str  # dead / injured / arrested
    count: int
    qualifier: str | None
    victims: str | None
    cue: int  # token index of the cue word
    number: int | None  # token index of the number (None: counted from a singular noun)


def parse_number(token: Token, cues: CasualtyCues) -> tuple[int, str | None] | None:
    """The value of a number token (digits, words, "dozens"), with a qualifier vague plurals imply."""
    text = token.lower_
    if _DIGITS.match(text):
        return int(re.sub(r"[,.]", "", text)), None
    ranged = _RANGE.match(text)
    if ranged:
        return int(ranged.group(1)), "at least"
    if text in cues.vague and token.tag_ in ("NNS", "JJ", "DT", "CD", ""):
        return cues.vague[text], text
    if text in cues.numbers or text in cues.multipliers:
        value = cues.numbers.get(text, 1)
        # "three hundred", "two thousand": multiply by the following words of the number.
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        while nxt is not None and nxt.lower_ in cues.multipliers:
            value *= cues.multipliers[nxt.lower_]
            nxt = nxt.nbor(1) if nxt.i + 1 < len(token.doc) else None
        if text in cues.multipliers:
            value = cues.multipliers[text]
        return value, None
    return None


def _qualifier(number: Token, cues: CasualtyCues) -> str | None:
    doc = number.doc
    words = [doc[i].lower_ for i in range(max(number.sent.start, number.i - 4), number.i)]
    for phrase, canonical in cues.qualifiers:
        if tuple(words[-len(phrase) :]) == phrase:
            return canonical
    return None


def _count_of(noun: Token, cues: CasualtyCues) -> tuple[int, str | None, Token | None] | None:
    """The number a counted noun carries ("258 fighters", "at least three civilians")."""
    if noun.pos_ == "NUM" or noun.like_num:
        parsed = parse_number(noun, cues)
        if parsed:
            return parsed[0], _qualifier(noun, cues) or parsed[1], noun
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.lower_ in cues.vague):
            parsed = parse_number(child, cues)
            if parsed:
                return parsed[0], _qualifier(child, cues) or parsed[1], child
    # "dozens of people", "scores of refugees": the vague plural heads the phrase.
    if noun.lower_ in cues.vague:
        return cues.vague[noun.lower_], noun.lower_, noun
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in cues.vague:
            return cues.vague[noun.lower_], noun.lower_, noun
    if noun.tag_ in ("NN", "NNP") and noun.pos_ in ("NOUN", "PROPN"):
        return 1, None, None  # "killed the deputy chief": one victim
    return None


def _victims_text(noun: Token, number: Token | None) -> str | None:
    if noun.pos_ == "NUM":
        return None
    tokens = [t for t in noun.subtree if t.dep_ in ("compound", "amod", "nmod") or t is noun]
    tokens = [t for t in tokens if number is None or t.i > number.i]
    tokens = [t for t in tokens if t.head is noun or t is noun]
    if not tokens:
        return None
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    return noun.doc[start:end].text


def _counted_noun(cue: Token) -> Token | None:
    """The noun a casualty cue counts: passive subject, modified noun, intransitive subject, object."""
    children = list(cue.children)
    for child in children:
        if child.dep_ == "nsubjpass":
            return child
    if cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return cue.head
    for child in children:
        if child.dep_ in ("dobj", "obj"):
            return child
    if cue.lemma_.lower() in ("die", "perish") or cue.pos_ == "ADJ":
        for child in children:
            if child.dep_ == "nsubj":
                return child
    if cue.dep_ in ("acomp", "oprd") and cue.head.pos_ in ("VERB", "AUX"):
        for child in cue.head.children:
            if child.dep_ in ("nsubj", "dobj"):
                return child
    if cue.dep_ == "conj":
        return _counted_noun(cue.head)  # "were killed or wounded": shares the subject
    return None


def casualties_in(sent: Span, cues: CasualtyCues) -> list[Casualty]:
    found: list[Casualty] = []
    for token in sent:
        lemma = token.lemma_.lower()
        field = None
        if token.pos_ == "VERB":
            field = cues.verbs.get(lemma)
            for child in token.children:
                field = cues.verb_phrases.get((lemma, child.lower_), field)
        elif token.pos_ == "ADJ" or token.tag_ == "VBN":
            field = cues.adjectives.get(token.lower_)
        if field is None:
            if token.pos_ == "NOUN" and token.lower_ in cues.nouns:
                found.extend(_toll(token, cues.nouns[token.lower_], cues))
            continue
        noun = _counted_noun(token)
        if noun is None:
            continue
        counted = _count_of(noun, cues)
        if counted is None:
            continue
        count, qualifier, number = counted
        found.append(
            Casualty(
                field, count, qualifier, _victims_text(noun, number), token.i, number.i if number else None
            )
        )
    _share_qualifiers(sent, found)
    return _best_per_field(found)


def _toll(noun: Token, field: str, cues: CasualtyCues) -> list[Casualty]:
    """ "the death toll rose to 200", "a toll of 20 dead", "20 deaths"."""
    count = _count_of(noun, cues)
    if count is not None and count[2] is not None:
        return [Casualty(field, count[0], count[1], None, noun.i, count[2].i)]
    verb = noun.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "at", "of"):
            for pobj in prep.children:
                parsed = parse_number(pobj, cues) if pobj.like_num or pobj.pos_ == "NUM" else None
                if parsed:
                    return [
                        Casualty(field, parsed[0], _qualifier(pobj, cues) or parsed[1], None, noun.i, pobj.i)
                    ]
    return []


def _share_qualifiers(sent: Span, found: list[Casualty]) -> None:
    """A qualifier before the first count scopes over an elliptical coordination of counts:
    "as many as 258 were killed and 142 others injured"."""
    doc = sent.doc
    for i, first in enumerate(found):
        if first.qualifier is None:
            continue
        for later in found[i + 1 :]:
            if later.qualifier is not None or later.number is None:
                continue
            cue = doc[later.cue]
            linked = cue.dep_ == "conj" or any(a.i == first.cue for a in cue.ancestors)
            if linked:
                later.qualifier = first.qualifier


def _best_per_field(found: list[Casualty]) -> list[Casualty]:
    """One count per field and sentence: the first explicit number, else the first count."""
    out: dict[str, Casualty] = {}
    for c in found:
        current = out.get(c.field)
        if current is None or (current.number is None and c.number is not None):
            out[c.field] = c
    return list(out.values())

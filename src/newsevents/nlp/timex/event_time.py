"""When an event happened: the timex of its clause, else its relation to the event it is measured
against ("a day after X announced": X is one day before), else the nearest timex of its sentence.

None when nothing dates it: the assembler then uses the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.mentions import EventMention, Timex
from newsevents.nlp.timex import rules
from newsevents.nlp.timex.intervals import reported_precision
from newsevents.nlp.timex.vocabulary import TimexVocabulary

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis", "pcomp", "ROOT"})
_RELATION_WORDS = {"after": -1, "before": 1}  # the measured clause lies before / after its anchor
_MAX_HOPS = 12


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token is in (the root when none is closer)."""
    current = token
    for _ in range(_MAX_HOPS):
        if current.pos_ in ("VERB", "AUX") and current.dep_ in _CLAUSE_DEPS or current.head.i == current.i:
            return current
        current = current.head
    return current


def _clause_heads_up(token: Token) -> list[Token]:
    """The trigger's clause and every clause above it, innermost first."""
    heads = []
    current = clause_head(token)
    for _ in range(_MAX_HOPS):
        heads.append(current)
        if current.head.i == current.i:
            break
        current = clause_head(current.head)
    return heads


def _in_sentence(timexes: Sequence[Timex], sentence: Span) -> list[Timex]:
    return [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]


def clause_timex(doc: Doc, head: Token, timexes: Sequence[Timex]) -> Timex | None:
    """The timex dependency-attached to a clause (the one closest to its verb)."""
    attached = [t for t in timexes if clause_head(doc[t.start : t.end].root).i == head.i]
    return min(attached, key=lambda t: abs(t.start - head.i)) if attached else None


def _measure(clause: Token, vocab: TimexVocabulary | None) -> tuple[int, str, str] | None:
    """("a day after ..." on this clause): amount, unit and direction word, when present."""
    marker = next(
        (c for c in clause.children if c.dep_ in ("mark", "prep") and c.lower_ in _RELATION_WORDS), None
    )
    if marker is None:
        return None
    for holder in (marker, clause):
        for child in holder.children:
            if child.dep_ not in ("npadvmod", "advmod", "nmod", "obl") or child.i > marker.i:
                continue
            unit = rules.unit_of(child.lower_, vocab)
            if unit is None:
                continue
            amount = 1
            for grandchild in child.children:
                if grandchild.dep_ not in ("det", "nummod", "quantmod"):
                    continue
                value = rules.number_value(grandchild.lower_, vocab)
                if value is not None:
                    amount = value
                elif grandchild.is_digit:
                    return None  # "99999999999 years after": no count a calendar holds
            return amount, unit, marker.lower_
    return None


def _relation_timex(
    doc: Doc, trigger: Token, timexes: Sequence[Timex], pub: date | None, vocab: TimexVocabulary | None
) -> Timex | None:
    for clause in _clause_heads_up(trigger):
        measure = _measure(clause, vocab)
        if measure is None or clause.head.i == clause.i:
            continue
        amount, unit, word = measure
        anchor_clause = clause_head(clause.head)
        anchor = clause_timex(doc, anchor_clause, timexes)
        anchor_day = (
            date.fromisoformat(anchor.date) if anchor and anchor.date and anchor.precision == "day" else pub
        )
        if anchor_day is None:
            return None
        resolved = rules.shift_units(
            anchor_day, _RELATION_WORDS[word] * amount, unit, f"relation.{word}", vocab
        )
        if resolved is None:
            return None  # "10000 years after": off the calendar, so no date from this relation
        marker_tokens = [
            t.i
            for t in clause.subtree
            if t.i < clause.i
            and (
                t.lower_ == word
                or rules.unit_of(t.lower_, vocab)
                or rules.unit_of(t.head.lower_, vocab)
                and t.dep_ in ("det", "nummod")
            )
        ]
        start = min(marker_tokens, default=clause.i)
        end = max(marker_tokens, default=clause.i) + 1
        return Timex(
            start=start,
            end=end,
            text=doc[start:end].text,
            date=resolved.date.isoformat(),
            date_end=resolved.date_end.isoformat(),
            precision=reported_precision(resolved),
            rule=resolved.rule,
        )
    return None


def event_timex(
    doc: Doc,
    event: EventMention,
    timexes: Sequence[Timex],
    pub: date | None,
    vocab: TimexVocabulary | None = None,
) -> Timex | None:
    if not doc.has_annotation("DEP"):
        return None
    trigger = doc[event.trigger_start]
    own = clause_timex(doc, clause_head(trigger), timexes)
    if own is not None:
        return own
    related = _relation_timex(doc, trigger, timexes, pub, vocab)
    if related is not None:
        return related
    in_sentence = _in_sentence(timexes, trigger.sent)
    if not in_sentence:
        return None
    return min(in_sentence, key=lambda t: abs(t.start - trigger.i))


def days_between(timex: Timex) -> int:
    """Width of a timex's interval in days (0 for a single day)."""
    if not timex.date or not timex.date_end:
        return 0
    return (date.fromisoformat(timex.date_end) - date.fromisoformat(timex.date)) // timedelta(days=1)

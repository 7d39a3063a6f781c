"""Factuality of an event trigger (asserted / negated / hypothetical) and its attribution.

The walk starts at the trigger's clause (for an event noun, the verb it depends on) and climbs the
dependency tree while the clause's factuality depends on its governor: infinitival and gerund
complements ("agreed to withdraw", "interested in providing"), coordinated verbs sharing an
auxiliary, participles. It stops at clauses that stand on their own (relative clauses, reported
content, temporal adverbials). Cue lists are data (data/events/factuality.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsevents.errors import E_CONFIG, NewsEventsError

ASSERTED = "asserted"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"

# Links along which factuality is inherited from the governor.
_COMPLEMENT_DEPS = frozenset({"xcomp", "pcomp"})
_PASS_DEPS = frozenset(
    {"conj", "prep", "pobj", "acomp", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "npadvmod"}
)


@dataclass(frozen=True, slots=True)
class FactualityCues:
    modal_aux: frozenset[str]
    intent_aux: frozenset[str]
    speculative_aux: frozenset[str]
    deontic_aux: frozenset[str]
    negation: frozenset[str]
    negating_governors: frozenset[str]
    implicative_governors: frozenset[str]
    intent_governors: frozenset[str]
    speculative_governors: frozenset[str]
    intent_adjectives: frozenset[str]
    speculative_adjectives: frozenset[str]
    negating_adjectives: frozenset[str]
    conditional_marks: frozenset[str]
    irrealis_governors: frozenset[str]
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    attribution_preps: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FactualityCues:
        def words(key: str) -> frozenset[str]:
            values = data.get(key) or ()
            if any(not isinstance(w, str) for w in values):
                raise NewsEventsError(E_CONFIG, f"factuality cues {key}: quote on/no/yes (YAML booleans)")
            return frozenset(w.lower() for w in values)

        return cls(**{name: words(name) for name in cls.__slots__})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Factuality:
    value: str  # asserted / negated / hypothetical
    cue: str | None = None  # the word that decided it
    kind: str | None = None  # negation, speculation, intent, condition, question, irrealis
    governor: int | None = None  # token index of the governing cue verb/adjective, if any
    conditional: bool = False  # an if/unless clause hangs on the event's clause
    negative: bool = False  # a negation next to the modal ("would not meet")


ASSERTED_PLAIN = Factuality(ASSERTED)


def clause_head(token: Token) -> Token:
    """The verb whose clause an event noun belongs to (the noun itself when it has none)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return node
        if node.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound"):
            node = node.head
        else:
            return node
    return node


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def _has_conditional(token: Token, cues: FactualityCues) -> Token | None:
    for child in token.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ in cues.conditional_marks:
                    return mark
    return None


def factuality_of(trigger: Token, cues: FactualityCues) -> Factuality:
    """Factuality of the event whose trigger is `trigger`."""
    # An event noun with a negative determiner: "no talks", "no agreement".
    for child in trigger.children:
        if child.dep_ in ("det", "neg") and child.lower_ in cues.negation and trigger.pos_ != "VERB":
            return Factuality(NEGATED, child.lower_, "negation")
    if trigger.sent.text.rstrip().endswith("?"):
        return Factuality(HYPOTHETICAL, "?", "question")
    node = clause_head(trigger)
    conditional = False
    for _ in range(12):
        found = _local(node, cues)
        if found is not None:
            return found
        if _has_conditional(node, cues) is not None:
            conditional = True
        head = node.head
        if head is node:
            break
        dep = node.dep_
        lemma = head.lemma_.lower()
        if dep in _COMPLEMENT_DEPS or (dep in ("advcl", "ccomp") and _is_infinitive(node)):
            if dep == "pcomp" and head.dep_ == "prep":
                head = head.head  # "interested in providing": the adjective governs
                lemma = head.lemma_.lower()
            if lemma in cues.negating_governors or lemma in cues.negating_adjectives:
                return Factuality(NEGATED, lemma, "negation", head.i)
            if lemma in cues.implicative_governors or (dep == "pcomp" and head.pos_ not in ("ADJ", "VERB")):
                node = head
                continue
            if dep == "advcl" and not _is_infinitive(node):
                node = head
                continue
            if lemma in cues.speculative_adjectives or lemma in cues.speculative_governors:
                kind = "speculation"
            elif lemma in cues.intent_governors or lemma in cues.intent_adjectives:
                kind = "intent"
            else:
                kind = "irrealis"
            outer = _local(head, cues)
            if outer is not None and outer.kind == "speculation":
                return Factuality(HYPOTHETICAL, outer.cue, "speculation", head.i, conditional)
            return Factuality(HYPOTHETICAL, lemma, kind, head.i, conditional)
        if dep == "acl" and _is_infinitive(node):
            return Factuality(HYPOTHETICAL, "to", "irrealis", head.i)  # "a plan to attack Kabul"
        if dep == "advcl":
            mark = next((c for c in node.children if c.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in cues.conditional_marks:
                return Factuality(HYPOTHETICAL, mark.lower_, "condition", head.i)
            if mark is None and node.tag_ == "VBG":
                node = head  # "..., killing 20 people" shares its clause's factuality
                continue
            break
        if dep == "ccomp":
            if lemma in cues.negating_governors and lemma in cues.speech_verbs:
                return Factuality(NEGATED, lemma, "denial", head.i)  # "denied (that) they attacked"
            if lemma in cues.irrealis_governors and not _finite_past(node):
                return Factuality(HYPOTHETICAL, lemma, "irrealis", head.i)
            break  # reported content: evaluated on its own (attribution is separate)
        if dep in _PASS_DEPS:
            node = head
            continue
        break
    return Factuality(ASSERTED, conditional=conditional)


def _local(node: Token, cues: FactualityCues) -> Factuality | None:
    """Cues on the clause itself: modal/future auxiliaries, negation, conditional clauses."""
    modal = next(
        (a for a in _aux(node) if a.lower_ in cues.modal_aux or a.lemma_.lower() in cues.modal_aux), None
    )
    negation = next(
        (c for c in node.children if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")), None
    )
    going = next((a for a in _aux(node) if a.lower_ == "to"), None) and node.head.lower_ == "going"
    if modal is not None:
        word = modal.lower_
        if word in cues.speculative_aux or word in ("would", "'d"):
            kind = "speculation"
        elif word in cues.deontic_aux:
            kind = "deontic"
        else:
            kind = "intent"
        conditional = _has_conditional(node, cues) is not None
        return Factuality(HYPOTHETICAL, word, kind, modal.i, conditional, negation is not None)
    if going:
        return Factuality(HYPOTHETICAL, "going to", "intent")
    if negation is not None:
        return Factuality(NEGATED, negation.lower_, "negation", negation.i)
    if node.dep_ == "advcl":
        own = next(
            (c for c in node.children if c.dep_ == "mark" and c.lower_ in cues.conditional_marks), None
        )
        if own is not None:
            return Factuality(HYPOTHETICAL, own.lower_, "condition")
    return None


def _is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _finite_past(token: Token) -> bool:
    """A finite past-tense complement reports a fact even under "warn"/"fear" ("feared X had died")."""
    return token.tag_ in ("VBD", "VBN") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def attribution_of(trigger: Token, cues: FactualityCues) -> str | None:
    """The reporter of the event's sentence: "according to X", "X said (that) ...", "..., X said"."""
    sent = trigger.sent
    for token in sent:
        if token.lower_ in cues.attribution_preps and token.dep_ in ("prep", "advmod", "ROOT"):
            objects = [
                g
                for c in token.children
                for g in ([c] if c.dep_ == "pobj" else c.children)
                if g.dep_ == "pobj"
            ]
            if objects:
                return _name_text(objects[0])
    node = clause_head(trigger)
    for _ in range(10):
        head = node.head
        if head is node:
            break
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in cues.speech_verbs:
            speaker = _subject(head)
            if speaker is not None:
                return _name_text(speaker)
        node = head
    # "..., Andar said, ...": a speech verb attached to the event's clause as parataxis or ccomp.
    root = clause_head(trigger)
    for child in root.children:
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in cues.speech_verbs:
            speaker = _subject(child)
            if speaker is not None:
                return _name_text(speaker)
    return None


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects[0]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def _name_text(token: Token) -> str:
    """The phrase of a reporter without leading determiners or trailing appositions/clauses."""
    keep = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in (
                "compound",
                "flat",
                "amod",
                "poss",
                "case",
                "nmod",
                "prep",
                "pobj",
            ) and child.i not in {k.i for k in keep}:
                if child.dep_ == "prep" and child.lower_ != "of":
                    continue
                keep.append(child)
                stack.append(child)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    span = token.doc[start:end]
    return span.text.strip(" ,")

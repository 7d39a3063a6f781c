"""Event triggers: a lemma lookup over verbs and event nouns (data/events/triggers.yaml).

A trigger spec is a lemma plus optional words that must be dependents of it ("wrap up", "open fire",
"hunger strike"). Lookup is one dict access per token, so the cost is negligible next to the parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from newsevents.errors import E_CONFIG, NewsEventsError

PLOVER_CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Dependents that may carry the extra words of a multi-word trigger.
_WORD_DEPS = frozenset(
    {
        "prt",
        "prep",
        "dobj",
        "advmod",
        "acomp",
        "attr",
        "dative",
        "compound",
        "amod",
        "pobj",
        "npadvmod",
        "nmod",
        "xcomp",
    }
)
_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    category: str
    mode: str | None
    context: tuple[str, ...]
    pos: str  # "verb" or "noun"
    lemma: str
    words: tuple[str, ...]  # required dependents, lower-case
    target_preps: frozenset[str]
    rule: str  # e.g. "CONSULT.visit.verb.travel_to"
    requires_target: bool = False  # drop the event when no target is found ("came to their aid")
    object_is_target: bool = True  # False: the direct object is the actor's own force/property
    object_sectors: frozenset[str] = frozenset()  # an actor object must have one of these sectors
    reciprocal: bool = False  # coordinated subjects with no object act on each other ("X and Y met")
    condition_subject_is_target: bool = False  # "threatened ... unless Israel rescinded": Israel
    recipient_subject: bool = False  # "X received weapons from Y": Y gives (source), X receives

    @property
    def family(self) -> str:
        """The confidence family: a multi-word spec is more specific than a bare lemma."""
        return f"{self.pos}_phrase" if self.words else self.pos


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    token: int  # the trigger's head token (doc index)
    words: tuple[int, ...]  # doc indices of the matched extra words
    spec: TriggerSpec

    @property
    def start(self) -> int:
        return min((self.token, *self.words))

    @property
    def end(self) -> int:
        return max((self.token, *self.words)) + 1


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Specs by (pos, lemma), most specific first; plus the grammar word lists of the file."""

    specs: dict[tuple[str, str], tuple[TriggerSpec, ...]]
    light_verbs: frozenset[str]
    object_control: frozenset[str]
    # Modifier words that cancel a noun trigger: "press release", "news conference" is still talks.
    exclusions: dict[str, frozenset[str]] = field(default_factory=dict)

    def match(self, token: Token) -> TriggerMatch | None:
        """The most specific spec whose lemma and extra words fit this token, if any."""
        if token.pos_ in _VERB_POS:
            pos = "verb"
        elif token.pos_ in _NOUN_POS:
            pos = "noun"
        else:
            return None
        blocked = self.exclusions.get(token.lemma_.lower())
        if blocked and any(c.lower_ in blocked for c in token.children if c.dep_ in ("compound", "amod")):
            return None
        for key in lemma_forms(token):
            for spec in self.specs.get((pos, key), ()):
                words = _match_words(token, spec.words)
                if words is not None:
                    return TriggerMatch(token.i, words, spec)
        return None

    def is_light_verb(self, token: Token) -> bool:
        return any(form in self.light_verbs for form in lemma_forms(token))

    def find(self, sent: Span) -> list[TriggerMatch]:
        """Every trigger in a sentence; a token used as an extra word of one trigger starts no other."""
        matches = [m for m in (self.match(t) for t in sent) if m is not None]
        # A word of a multi-word trigger starts no trigger of its own, unless it heads a clause
        # ("failed to reach an agreement": REJECT on "failed", and the agreement, negated).
        used = {w for m in matches for w in m.words if sent.doc[w].dep_ not in ("xcomp", "ccomp")}
        return [m for m in matches if m.token not in used]


def lemma_forms(token: Token) -> tuple[str, ...]:
    """The lemma, then the lower-cased form, then suffix-stripped guesses: the small model's
    lemmatizer misses some verbs ("staged" -> "stag"), and a missed trigger loses the event."""
    lemma, lower = token.lemma_.lower(), token.lower_
    forms = [lemma, lower]
    if token.pos_ == "VERB":
        for suffix, repl in (
            ("ied", "y"),
            ("ed", "e"),
            ("ed", ""),
            ("d", ""),
            ("ing", "e"),
            ("ing", ""),
            ("es", ""),
            ("s", ""),
        ):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                forms.append(lower[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def _match_words(token: Token, words: Sequence[str]) -> tuple[int, ...] | None:
    if not words:
        return ()
    found: list[int] = []
    near = [c for c in token.children if c.dep_ in _WORD_DEPS]
    near += [g for c in near if c.dep_ in ("prep", "dobj", "compound", "amod") for g in c.children]
    for word in words:
        hit = next(
            (t for t in near if (t.lower_ == word or t.lemma_.lower() == word) and t.i not in found),
            None,
        )
        if hit is None:
            return None
        found.append(hit.i)
    return tuple(found)


def _specs_from(data: dict[str, Any], origin: str) -> list[TriggerSpec]:
    categories = data.get("categories") or {}
    out: list[TriggerSpec] = []
    for entry in data.get("entries") or []:
        category = entry.get("category")
        if category not in PLOVER_CATEGORIES:
            raise NewsEventsError(E_CONFIG, f"{origin}: unknown PLOVER category {category!r}")
        mode = entry.get("mode")
        context = tuple(_strings(entry.get("context"), origin))
        options = categories.get(category) or {}
        preps = set(_strings(options.get("target_preps"), origin)) | set(
            _strings(entry.get("target_preps"), origin)
        )
        noun_preps = (
            preps
            | set(_strings(options.get("noun_target_preps"), origin))
            | set(_strings(entry.get("noun_target_preps"), origin))
        )
        object_is_target = bool(options.get("object_is_target", True))
        object_sectors = frozenset(_strings(entry.get("object_sectors"), origin))
        for pos in ("verb", "noun"):
            for phrase in _strings(entry.get(f"{pos}s"), origin):
                parts = str(phrase).lower().split()
                head = _head_index(parts, pos)
                lemma, words = parts[head], tuple(p for i, p in enumerate(parts) if i != head and p != "of")
                rule = ".".join(x for x in (category, mode, pos, "_".join(parts)) if x)
                out.append(
                    TriggerSpec(
                        category,
                        mode,
                        context,
                        pos,
                        lemma,
                        words,
                        frozenset(noun_preps if pos == "noun" else preps),
                        rule,
                        bool(entry.get("requires_target", False)),
                        object_is_target,
                        object_sectors,
                        bool(entry.get("reciprocal", False)),
                        bool(options.get("condition_subject_is_target", False)),
                        bool(entry.get("recipient_subject", False)),
                    )
                )
    return out


def _strings(values: Any, origin: str) -> list[str]:
    """A list of words from a vocabulary file; YAML 1.1 reads bare on/no/yes as booleans."""
    out: list[str] = []
    for value in values or ():
        if not isinstance(value, str):
            raise NewsEventsError(E_CONFIG, f"{origin}: {value!r} is not a string (quote on/no/yes in YAML)")
        out.append(value)
    return out


# Prepositions that open a noun trigger's complement: the head is the word before them.
_NOUN_COMPLEMENT_PREPS = ("of", "against", "for", "with", "on", "to", "from", "over", "between")


def _head_index(parts: list[str], pos: str) -> int:
    """The head word of a trigger phrase: a verb comes first ("wrap up"); a noun phrase ends in its
    head ("hunger strike") unless it has a complement ("state of emergency", "evidence against")."""
    if pos == "verb" or len(parts) == 1:
        return 0
    prep = next((i for i, p in enumerate(parts[1:], start=1) if p in _NOUN_COMPLEMENT_PREPS), None)
    return prep - 1 if prep is not None else len(parts) - 1


def build_lexicon(files: Iterable[tuple[str, dict[str, Any]]]) -> TriggerLexicon:
    """Merges trigger files (packaged first, then the user's) into one lexicon."""
    specs: dict[tuple[str, str], list[TriggerSpec]] = {}
    light: set[str] = set()
    control: set[str] = set()
    exclusions: dict[str, set[str]] = {}
    for origin, data in files:
        for spec in _specs_from(data, origin):
            specs.setdefault((spec.pos, spec.lemma), []).append(spec)
        light |= set(_strings(data.get("light_verbs"), origin))
        control |= set(_strings(data.get("object_control"), origin))
        for lemma, words in (data.get("exclusions") or {}).items():
            exclusions.setdefault(str(lemma), set()).update(w.lower() for w in _strings(words, origin))
    # Most specific first: more required words, then a spec with a mode before one without.
    ordered = {
        key: tuple(sorted(group, key=lambda s: (-len(s.words), s.mode is None)))
        for key, group in specs.items()
    }
    return TriggerLexicon(
        ordered, frozenset(light), frozenset(control), {k: frozenset(v) for k, v in exclusions.items()}
    )

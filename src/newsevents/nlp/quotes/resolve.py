"""Speaker resolution: the source span -> the actor it refers to.

Pronouns ("he", "they") go back to the nearest earlier fitting mention; short names ("Andar") to
the earlier full mention that ends with them ("Rahmatullah Andar"). The speaker is the actor
mention found by the actors component when one covers the resolved span; otherwise the public
actor resolver (when installed) or a bare name.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.mentions import ActorMention
from newsevents.types import ActorRef

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i", "me", "my"}
GROUP_PRONOUNS = {"they", "them", "their", "we", "us", "our", "it", "its"}
SINGULAR_PRONOUNS = {"it", "its"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
PERSON_ENTS = {"PERSON"}
GROUP_ENTS = {"ORG", "NORP", "GPE"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
QUANTITY_HEADS = {"number", "group", "majority", "some", "many", "most", "several", "dozens", "lot"}

Resolver = Callable[[str, str], ActorRef | None]


def public_resolver() -> Resolver | None:
    """`newsevents.nlp.actors.resolver.resolve_actor` when the actors package provides it."""
    try:
        from newsevents.nlp.actors.resolver import resolve_actor
    except ImportError:
        return None

    def resolve(text: str, context: str) -> ActorRef | None:
        ref = resolve_actor(text, context)
        return ref if isinstance(ref, ActorRef) else None

    return resolve


class SpeakerResolver:
    """Resolves source token ranges of one Doc; built per Doc (it indexes that Doc's mentions)."""

    def __init__(self, doc: Doc, resolver: Resolver | None) -> None:
        self.doc = doc
        self.resolver = resolver
        self.mentions: list[ActorMention] = sorted(doc._.actor_mentions or [], key=lambda m: m.start)
        self.mention_at: dict[int, ActorMention] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.mention_at.setdefault(i, m)
        self.resolved: dict[str, ActorRef | None] = {}
        self.sent_starts: list[int] = []
        self.persons = [(e.start, e.end) for e in doc.ents if e.label_ in PERSON_ENTS]
        self.groups = [(e.start, e.end) for e in doc.ents if e.label_ in GROUP_ENTS]
        self.noun_subjects: list[tuple[int, int]] | None = None

    def _head(self, start: int, end: int) -> Token:
        span = self.doc[start:end]
        return span.root

    def antecedent(self, start: int, end: int) -> tuple[int, int]:
        """The token range the source refers to (itself when it is already a full mention)."""
        head = self._head(start, end)
        lower = head.lower_
        if end - start == 1 and lower in RELATIVE_PRONOUNS and head.head is not head:
            # "Saeedi, who said ...": the relative pronoun's noun.
            noun = head.head.head if head.head.dep_ == "relcl" else head.head
            return noun.left_edge.i, noun.i + 1
        if end - start == 1 and (lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS):
            if lower in PERSON_PRONOUNS:
                pool = self.persons + self._person_mentions()
            else:
                pool = self.groups + self._group_mentions() + self._noun_subjects()
                if lower in SINGULAR_PRONOUNS:
                    pool = [r for r in pool if self._singular(*r)]
            found = self._salient(pool, start)
            if found is None:
                return start, end
            start, end = found
            head = self._head(start, end)
        if head.pos_ == "PROPN":
            full = self._longer_name(head, start)
            if full is not None:
                return full
        return start, end

    def _noun_subjects(self) -> list[tuple[int, int]]:
        """Common-noun subjects that may speak as a body ("an Afghan delegation ... visited the
        United States, where it discussed ..."): without them the only group candidates were
        named ones, and "it" went to the United States."""
        if self.noun_subjects is None:
            self.noun_subjects = [
                (tok.left_edge.i, tok.i + 1)
                for tok in self.doc
                if tok.dep_ in {"nsubj", "nsubjpass"}
                and tok.pos_ == "NOUN"
                and tok.ent_type_ not in PERSON_ENTS
            ]
        return self.noun_subjects

    def _singular(self, start: int, end: int) -> bool:
        """Number agreement for "it"/"its": a plural common noun ("officials") is no antecedent;
        names (NNP/NNPS: "United States") may be."""
        return self._head(start, end).tag_ != "NNS"

    def _person_mentions(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions if m.ref.role or m.ref.sector is None]

    def _group_mentions(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions if m.ref.sector is not None and not m.ref.role]

    def _sentence_of(self, i: int) -> int:
        if not self.sent_starts:
            self.sent_starts = [sent.start for sent in self.doc.sents]
        return bisect.bisect_right(self.sent_starts, i) - 1

    def _salient(self, ranges: list[tuple[int, int]], before: int) -> tuple[int, int] | None:
        """The antecedent of a pronoun: in the nearest sentence that has candidates before it,
        the last subject among them, else the last candidate ("An Afghan delegation visited the
        United States, where it discussed ..." -> the delegation)."""
        earlier = sorted({r for r in ranges if r[1] <= before})
        if not earlier:
            return None
        sentence = self._sentence_of(earlier[-1][0])
        same = [r for r in earlier if self._sentence_of(r[0]) == sentence]
        subjects = [r for r in same if self._head(*r).dep_ in {"nsubj", "nsubjpass"}]
        return (subjects or same)[-1]

    def _longer_name(self, head: Token, before: int) -> tuple[int, int] | None:
        """An earlier PERSON entity that ends with the same word and is longer ("Andar")."""
        best: tuple[int, int] | None = None
        for s, e in self.persons:
            if e <= before and e - s > 1 and self.doc[e - 1].text == head.text:
                if best is None or s > best[0]:
                    best = (s, e)
        return best

    def speaker(self, start: int, end: int) -> ActorRef:
        """The resolved speaker of a source range; `text` stays the resolved mention's text."""
        ant_start, ant_end = self.antecedent(start, end)
        mention = self._mention_for(ant_start, ant_end)
        if mention is not None:
            return replace(mention.ref)
        span = self.doc[ant_start:ant_end]
        name = _name_of(span)
        pronoun = len(span) == 1 and span[0].pos_ == "PRON"
        if self.resolver is not None and not pronoun:
            # One resolver call per distinct name and Doc: speakers repeat ("Trump said" x 20).
            if name not in self.resolved:
                self.resolved[name] = self.resolver(name, span.sent.text)
            ref = self.resolved[name]
            if ref is not None:
                return replace(ref, char_start=span.start_char, char_end=span.end_char)
        return ActorRef(
            text=span.text,
            name=name,
            country=None,
            sector=None,
            char_start=span.start_char,
            char_end=span.end_char,
            rule="quotes.surface",
            confidence=0.3,
        )

    def _mention_for(self, start: int, end: int) -> ActorMention | None:
        head = self._head(start, end).i
        if head in self.mention_at:
            return self.mention_at[head]
        for i in range(start, end):
            if i in self.mention_at:
                return self.mention_at[i]
        return None


def _name_of(span: Span) -> str:
    """A name without leading determiners or trailing appositions ("Ahmad Saeedi, political
    analyst" -> "Ahmad Saeedi"; "a number of experts" -> "experts"; "the Ministry of Defense"
    -> "Ministry of Defense")."""
    root = span.root
    start = span.start
    if root.lower_ in QUANTITY_HEADS:
        of = next((c for c in root.rights if c.lower_ == "of"), None)
        if of is not None and any(c.dep_ == "pobj" for c in of.children):
            start = of.i + 1
    tokens = []
    for tok in span.doc[start : span.end]:
        if tok.text in {",", "(", "—", "–"} or tok.dep_ in {"relcl", "appos", "acl"}:
            break
        tokens.append(tok)
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return " ".join(t.text for t in tokens) if tokens else span.text

"""Speaker resolution: the source span -> the actor it refers to.

Pronouns ("he", "they") go back to the nearest earlier fitting mention; short names ("Andar") to
the earlier full mention that ends with them ("Rahmatullah Andar"). The speaker is the actor
mention found by the actors component when one covers the resolved span; otherwise the public
actor resolver (when installed) or a bare name.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.mentions import ActorMention
from newsevents.nlp.quotes.lexicon import load_lexicon
from newsevents.nlp.quotes.yaml_files import read_package_yaml
from newsevents.types import ActorRef

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i", "me", "my"}
GROUP_PRONOUNS = {"they", "them", "their", "we", "us", "our", "it", "its"}
SINGULAR_PRONOUNS = {"it", "its"}
PLURAL_TAGS = {"NNS", "NNPS"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PACKAGE_SPEAKING_BODIES = "data/quotes/speaking_bodies.yaml"
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
PERSON_ENTS = {"PERSON"}
GROUP_ENTS = {"ORG", "NORP", "GPE"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
QUANTITY_HEADS = {"number", "group", "majority", "some", "many", "most", "several", "dozens", "lot"}

Resolver = Callable[[str, str], ActorRef | None]


@dataclass(frozen=True, slots=True)
class SpeakingNouns:
    bodies: frozenset[str]  # collective: "it" or "they"
    people: frozenset[str]  # "they", in the plural only


@functools.cache
def speaking_nouns() -> SpeakingNouns:
    """Common-noun lemmas that may speak as a body (data/quotes/speaking_bodies.yaml)."""
    data = read_package_yaml(PACKAGE_SPEAKING_BODIES)
    return SpeakingNouns(
        bodies=frozenset(str(w).lower() for w in data.get("bodies") or ()),
        people=frozenset(str(w).lower() for w in data.get("people") or ()),
    )


@dataclass(frozen=True, slots=True)
class _Antecedent:
    """A pool entry with what every pronoun asks of it, computed once per Doc."""

    start: int
    end: int
    sentence: int
    subject: bool
    it_ok: bool  # number agreement with "it"/"its"
    they_ok: bool  # with "they"/"we" (plural or collective)


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

    def __init__(self, doc: Doc, resolver: Resolver | None, cue_verbs: frozenset[str] | None = None) -> None:
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
        self.cue_verbs = load_lexicon().verbs if cue_verbs is None else cue_verbs
        self.pools: dict[str, list[_Antecedent]] = {}

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
                pool = self._pool("person")
            else:
                pool = self._pool("it" if lower in SINGULAR_PRONOUNS else "they")
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

    def _pool(self, kind: str) -> list[_Antecedent]:
        """Antecedent candidates in text order, built once per Doc: "person", "group", and the
        groups that agree with "it" or with "they"."""
        if kind not in self.pools and kind in {"it", "they"}:
            groups = self._pool("group")
            self.pools[kind] = [a for a in groups if (a.it_ok if kind == "it" else a.they_ok)]
        elif kind not in self.pools:
            if kind == "person":
                named = self.persons + self._person_mentions()
                bodies: list[tuple[int, int]] = []
            else:
                named = self.groups + self._group_mentions()
                bodies = self._speaking_subjects()
            entries = dict.fromkeys(named, True)
            for r in bodies:
                entries.setdefault(r, False)
            self.pools[kind] = [self._entry(r, is_named) for r, is_named in sorted(entries.items())]
        return self.pools[kind]

    def _entry(self, rng: tuple[int, int], named: bool) -> _Antecedent:
        head = self._head(*rng)
        nouns = speaking_nouns()
        words = {(head.lemma_ or head.lower_).lower(), head.lower_}
        plural = head.tag_ in PLURAL_TAGS
        if words & nouns.people:  # "officials": they; "an official": he or she, never it
            it_ok, they_ok = False, plural
        elif words & nouns.bodies:  # "the committee ... it / they said"
            it_ok, they_ok = True, True
        elif named:  # "the United States ... it", "the Taliban ... they"; "the officials" never it
            it_ok, they_ok = head.tag_ != "NNS", True
        else:
            it_ok, they_ok = not plural, plural
        return _Antecedent(
            start=rng[0],
            end=rng[1],
            sentence=self._sentence_of(rng[0]),
            subject=head.dep_ in SUBJECT_DEPS,
            it_ok=it_ok,
            they_ok=they_ok,
        )

    def _speaking_subjects(self) -> list[tuple[int, int]]:
        """Common-noun subjects that may speak as a body ("an Afghan delegation ... visited the
        United States, where it discussed ..."): an actor mention, the subject of a cue verb or
        a speaking body of the data file. Any noun subject would do worse: "The attack killed
        three. It said ..." made the attack the speaker."""
        nouns = speaking_nouns()
        speaking = nouns.bodies | nouns.people
        out = []
        for tok in self.doc:
            if tok.dep_ not in SUBJECT_DEPS or tok.pos_ != "NOUN" or tok.ent_type_ in PERSON_ENTS:
                continue
            words = {(tok.lemma_ or tok.lower_).lower(), tok.lower_}
            speaks = (
                tok.i in self.mention_at
                or (tok.head.lemma_ or tok.head.lower_).lower() in self.cue_verbs
                or bool(words & speaking)
            )
            if speaks:
                out.append((tok.left_edge.i, tok.i + 1))
        return out

    def _person_mentions(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions if m.ref.role or m.ref.sector is None]

    def _group_mentions(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions if m.ref.sector is not None and not m.ref.role]

    def _sentence_of(self, i: int) -> int:
        if not self.sent_starts:
            self.sent_starts = [sent.start for sent in self.doc.sents]
        return bisect.bisect_right(self.sent_starts, i) - 1

    def _salient(self, pool: list[_Antecedent], before: int) -> tuple[int, int] | None:
        """The antecedent of a pronoun: in the nearest sentence that has candidates before it,
        the last subject among them, else the last candidate ("An Afghan delegation visited the
        United States, where it discussed ..." -> the delegation). `pool` is in text order."""
        earlier = [a for a in pool if a.end <= before]
        if not earlier:
            return None
        sentence = max(a.sentence for a in earlier)
        same = [a for a in earlier if a.sentence == sentence]
        subjects = [a for a in same if a.subject]
        best = (subjects or same)[-1]
        return best.start, best.end

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

"""From a dependency argument token to the actors it denotes.

The actors component (doc._.actor_mentions) resolves actor phrases; this module maps a token to the
mention that contains it, or to the mentions inside its noun phrase ("Senior Hungarian and Romanian
officials" -> HUN, ROU), falls back to resolved toponyms for places ("travel to Moscow" -> RUS), and
keeps unresolved names as actors with no country rather than dropping the event.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsevents.nlp.mentions import ActorMention, Toponym
from newsevents.types import ActorRef

# Dependents that stay inside the noun phrase of an actor ("officials of X", "X's army", "Afghan
# delegation"); clauses (relcl, acl), coordination (handled separately) and other preps do not.
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "nummod", "det", "npadvmod", "quantmod"})
_MODIFIERS_ONLY: frozenset[str] = frozenset()
_WITH_OF = frozenset({"of"})
_WITH_ALL = frozenset({"of", "from", "in"})
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "its", "their", "his", "we", "us", "our"}
)
_NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Rules of actor refs that stand for a place: toponyms taken as actors, and the actors
# component's capitals, cities and territories (its rule is "actors.<kind>+...").
_PLACE_RULES = ("events.toponym", "actors.capital", "actors.city", "actors.territory")


class ActorLookup:
    """Actor mentions and toponyms of one Doc, indexed by token."""

    def __init__(self, doc: Doc, mentions: list[ActorMention] | None, toponyms: list[Toponym] | None) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {}
        for mention in mentions or []:
            for i in range(mention.start, mention.end):
                self.by_token.setdefault(i, mention)
        # Resolved places stand for their country when they are arguments ("travel to Moscow").
        self.toponym_by_token: dict[int, ActorMention] = {}
        for toponym in toponyms or []:
            if not toponym.place.country:
                continue
            as_actor = _mention_from_toponym(toponym)
            for i in range(toponym.start, toponym.end):
                self.toponym_by_token.setdefault(i, as_actor)

    def at(self, token: Token) -> ActorMention | None:
        """The actor mention containing the token, else one made from a resolved toponym there."""
        mention = self.by_token.get(token.i)
        if mention is not None:
            return mention
        return self.toponym_by_token.get(token.i)

    def in_phrase(self, token: Token, max_depth: int = 3) -> list[ActorMention]:
        """Mentions nearest the token in its noun phrase (itself first). Modifiers come before "of"
        phrases, and those before "from"/"in" phrases: "the Turkish and Greek sides of the island of
        Cyprus" -> TUR, GRC; "the withdrawal of Serbian forces from Bosnia" -> SRB; "doctors from
        two American aid groups" -> USA."""
        for links in (_MODIFIERS_ONLY, _WITH_OF, _WITH_ALL):
            found = self._search(token, links, max_depth)
            if found:
                return found
        return []

    def _search(self, token: Token, preps: frozenset[str], max_depth: int) -> list[ActorMention]:
        level = [token]
        for _ in range(max_depth + 1):
            found = _unique(m for m in (self.at(t) for t in level) if m is not None)
            if found:
                return _one_per_referent(found)
            nxt: list[Token] = []
            for t in level:
                for child in t.children:
                    if child.dep_ in _NP_DEPS:
                        nxt.append(child)
                        if child.dep_ in ("amod", "compound", "nmod", "poss"):
                            # "Turkish and Greek sides": coordinated modifiers
                            nxt.extend(c for c in child.children if c.dep_ == "conj")
                    elif child.dep_ == "prep" and child.lower_ in preps:
                        nxt.extend(g for g in child.children if g.dep_ == "pobj")
            if not nxt:
                break
            level = nxt
        return []

    def names_user(self, token: Token) -> bool:
        """The token's phrase names an identified actor that is not a bare place ("fire from
        government troops", not "fire from the hills" or "rockets from Gaza")."""
        return any(is_user_actor(m) for m in self.in_phrase(token))

    def is_actor_token(self, token: Token) -> bool:
        """The token is a name or inside an actor mention ("attacked Shell")."""
        return token.pos_ == "PROPN" or self.at(token) is not None

    def antecedent(self, pronoun: Token) -> Token | None:
        """The subject of the nearest governing clause with a non-pronoun subject, else the
        subject of the previous sentence's main clause ("X announced they ...", "X said it ...")."""
        node = pronoun.head
        seen = 0
        while node.head is not node and seen < 8:
            node = node.head
            seen += 1
            subjects = [c for c in node.children if c.dep_ in _SUBJECTS and not is_pronoun(c)]
            if subjects:
                return subjects[0]
        sent = pronoun.sent
        if sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            subjects = [c for c in previous.root.children if c.dep_ in _SUBJECTS and not is_pronoun(c)]
            if subjects:
                return subjects[0]
        return None

    def resolve(self, token: Token, role: str = "target") -> list[ActorMention]:
        """Actors denoted by an argument token and the tokens coordinated with it."""
        out: list[ActorMention] = []
        for t in conjuncts(token):
            found = self.in_phrase(t)
            if t is not token and found and all(any(m is o for o in out) for m in found):
                # One actor mention over a whole coordination ("The US, Russia, and Switzerland"):
                # the conjunct's own place, when resolved, names it.
                own = self.toponym_by_token.get(t.i)
                found = [own] if own is not None else []
            if not found:
                unresolved = self.unresolved(t, agentive=role == "source")
                found = [unresolved] if unresolved is not None else []
            out.extend(m for m in found if m not in out)
        return out

    def unresolved(self, token: Token, agentive: bool = False) -> ActorMention | None:
        """A name the actors component did not resolve (or, for a subject, any noun): an actor with
        no country, kept rather than dropping the event."""
        named = token.pos_ == "PROPN" or token.ent_type_ in _NAMED_ENTS
        if not named and not (agentive and token.pos_ == "NOUN"):
            return None
        if token.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}:
            return None
        left = token
        for child in token.lefts:
            if child.dep_ in ("compound", "flat", "amod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
                left = child
                break
        span = self.doc[left.i : token.i + 1]
        ref = ActorRef(
            text=span.text,
            name=span.text,
            country=None,
            sector=None,
            char_start=span.start_char,
            char_end=span.end_char,
            rule="events.unresolved",
            confidence=0.3,
        )
        return ActorMention(span.start, span.end, ref, token.i)


def identified(ref: ActorRef) -> bool:
    """The actor is identified: it has a country or a sector (an unresolved name has neither)."""
    return bool(ref.country or ref.sector)


def any_identified(mentions: Iterable[ActorMention]) -> bool:
    return any(identified(m.ref) for m in mentions)


def is_user_actor(mention: ActorMention) -> bool:
    """An identified actor (a country or a sector) that can act, not a bare place: a place names
    where something happened ("a bomb in Kabul"), not who did it."""
    ref = mention.ref
    bare_place = ref.sector is None and (ref.rule or "").startswith(_PLACE_RULES)
    return identified(ref) and not bare_place


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in _PRONOUNS


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("German and Italy", "X, Y and Z")."""
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for child in _name_children(t):
            # "The US, Russia, and Switzerland" is often parsed as an apposition that continues
            # with a coordination: such an apposition is a list member, not a description.
            listed = child.dep_ == "appos" and any(c.dep_ in ("cc", "conj") for c in child.children)
            if (child.dep_ == "conj" or listed) and child not in out:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _name_children(token: Token) -> list[Token]:
    """The token's children, and those of the rest of its multi-word name when the parser split
    it ("Barack/nsubj Obama/pobj and Vladimir Putin": the conjunct hangs off "Obama")."""
    children = list(token.children)
    if not token.ent_type_:
        return children
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I" and doc[i].head.i in range(token.i, i):
        children.extend(c for c in doc[i].children if c.i > i)
        i += 1
    return children


def _mention_from_toponym(toponym: Toponym) -> ActorMention:
    place = toponym.place
    ref = ActorRef(
        text=place.text,
        name=place.name,
        country=place.country,
        sector=None,
        char_start=place.char_start,
        char_end=place.char_end,
        rule="events.toponym",
        confidence=place.confidence,
    )
    return ActorMention(toponym.start, toponym.end, ref, toponym.end - 1)


def _one_per_referent(mentions: list[ActorMention]) -> list[ActorMention]:
    """Within one noun phrase, mentions with the same resolution are one referent ("the Russian
    capital of Moscow": RUS once); distinct countries stay ("Hungarian and Romanian officials")."""
    out: list[ActorMention] = []
    seen: set[tuple[str | None, str | None]] = set()
    for m in mentions:
        key = (m.ref.country, m.ref.sector)
        if key in seen and key != (None, None):
            continue
        seen.add(key)
        out.append(m)
    return out


def _unique(items: Iterable[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in items:
        if all(m is not o for o in out):
            out.append(m)
    return out

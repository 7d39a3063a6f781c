"""Weapons, causes and documents in argument position (data/events/instruments.yaml + user files).

"Blown up by a rocket said to be fired by militants": the rocket is the means (ASSAULT mode
heavy-weapons) and the militants the agent. "Victims killed by the crash": no agent at all, but
"killed by fire from government troops": the troops. "A statement issued by the ministry said":
the ministry speaks. A proper noun is never a weapon or a cause ("attacked Shell", the company).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from spacy.tokens import Token

from newsevents.nlp.mentions import ActorMention

# Prepositions of a weapon or cause phrase that name who used it ("fire from government troops").
_ORIGIN_PREPS = frozenset({"from", "by"})
# Modifiers before a weapon that may name its user ("a Hamas rocket", "Israeli drones", "the
# army's artillery"); prepositional phrases ("a bomb in Baghdad") name places, not users.
_USER_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})

# Predicate: the token itself denotes an identified actor (not a bare place).
NamesActor = Callable[[Token], bool]


@dataclass(frozen=True, slots=True)
class Instruments:
    weapon_modes: Mapping[str, str]  # lemma or "modifier lemma" -> ASSAULT mode (read-only)
    causes: frozenset[str]
    documents: frozenset[str] = frozenset()  # nouns that stand for their "by" issuer
    maker_participles: frozenset[str] = frozenset()  # "US-made": the maker, not the user

    def _keys(self, token: Token) -> list[str]:
        lemma = token.lemma_.lower()
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        # "ground-to-air missile": the modifier's whole hyphenated span, then each word.
        keys = [f"{token.doc[m.left_edge.i : m.i + 1].text.lower()} {lemma}" for m in modifiers]
        keys += [f"{m.lemma_.lower()} {lemma}" for m in modifiers]
        return [*keys, lemma, token.lower_]

    def weapon_mode(self, token: Token) -> str | None:
        if token.pos_ == "PROPN":
            return None  # "Nigerian militants attacked Shell": a company, not shells
        return next((self.weapon_modes[k] for k in self._keys(token) if k in self.weapon_modes), None)

    def is_cause(self, token: Token) -> bool:
        return self._cause_word(token) and self.weapon_mode(token) is None

    def _cause_word(self, token: Token) -> bool:
        """A cause noun, before the weapon check (a word listed as both is a weapon)."""
        return token.pos_ != "PROPN" and token.lemma_.lower() in self.causes

    def behind_means(
        self, agents: list[Token], names_actor: NamesActor
    ) -> tuple[list[Token], list[Token], str | None]:
        """Agents that are weapons or causes: "blown up by a rocket said to be fired by
        militants" -> the militants, mode heavy-weapons; "killed by the crash" -> no agent; "killed by
        fire from government troops" -> the troops. Returns (agents, weapons whose own modifiers
        may name the agent: "a Hamas rocket", mode)."""
        out: list[Token] = []
        weapons: list[Token] = []
        means = None
        for agent in agents:
            mode = self.weapon_mode(agent)  # once per agent: is_cause would look it up again
            cause = mode is None and self._cause_word(agent)
            if not cause and mode is None:
                out.append(agent)
                continue
            means = means or mode
            behind = _agents_inside(agent, names_actor)
            if behind:
                out.extend(behind)
            elif not cause:
                weapons.append(agent)
        return out, weapons, means

    def means_of(self, verb: Token, names_actor: NamesActor) -> str | None:
        """The weapon of "attacked the convoy with rockets", "fired rockets at Israel"; an object
        that is an actor ("attacked the Shell compound") names no weapon."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            objects += [g for g in prep.children if g.dep_ == "pobj"]
        for obj in objects:
            mode = self.weapon_mode(obj)
            if mode is not None and not names_actor(obj):
                return mode
        return None

    def user_modifiers(self, weapon: Token) -> list[Token]:
        """Modifiers before a weapon that may name its user ("a Hamas rocket", "Israeli drones"),
        not a maker or supplier ("a US-made missile", "Iranian-supplied drones")."""
        out: list[Token] = []
        for child in weapon.children:
            if child.dep_ not in _USER_MODIFIERS or child.i > weapon.i or self._names_maker(child):
                continue
            out.append(child)
        return out

    def _names_maker(self, modifier: Token) -> bool:
        makers = self.maker_participles
        # "made" in the modifier's phrase ("US - made"), or one token "US-made".
        for word in modifier.subtree:
            parts = word.lower_.replace("\u2010", "-").replace("\u2011", "-").split("-")
            if word.lower_ in makers or any(p in makers for p in parts[1:]):
                return True
        # The modifier's right neighbour "-made" outside its subtree ("US/compound -/punct made").
        doc = modifier.doc
        after = modifier.i + 1
        return (
            after + 1 < len(doc)
            and doc[after].text in _HYPHENS
            and doc[after + 1].lower_ in self.maker_participles
        )

    def issuer_of(self, token: Token, in_phrase: Callable[[Token], list[ActorMention]]) -> list[ActorMention]:
        """ "A statement issued by the ministry said": the document's "by" issuer; [] for other
        nouns and for documents with no "by" agent (where a report was released names no one)."""
        if token.lemma_.lower() not in self.documents:
            return []
        for verb in (c for c in token.children if c.dep_ == "acl"):
            for pobj in passive_agents(verb):
                found = in_phrase(pobj)
                if found:
                    return found
        return []


def load_instruments(files: Iterable[tuple[str, Any]]) -> Instruments:
    """Merges instrument files (packaged first, then the user's): lists extend, a later file's
    weapon mode wins for the same word."""
    modes: dict[str, str] = {}
    causes: set[str] = set()
    documents: set[str] = set()
    makers: set[str] = set()
    for _origin, data in files:
        data = data or {}
        for mode, words in (data.get("weapons") or {}).items():
            for word in words or ():
                modes[str(word).lower()] = str(mode)
        causes |= {str(w).lower() for w in data.get("causes") or ()}
        documents |= {str(w).lower() for w in data.get("documents") or ()}
        makers |= {str(w).lower() for w in data.get("maker_participles") or ()}
    return Instruments(MappingProxyType(modes), frozenset(causes), frozenset(documents), frozenset(makers))


def passive_agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by" agent."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _agents_inside(means: Token, names_actor: NamesActor) -> list[Token]:
    """Who used a weapon or caused harm, named inside its phrase: the "by" agent of a participle
    ("a rocket said to be fired by militants"), or an actor after "from"/"by" ("fire from
    government troops"); a place there ("fire from the hills", "rockets from Gaza") is no one."""
    passive = [g for v in means.subtree if v is not means and v.pos_ == "VERB" for g in passive_agents(v)]
    if passive:
        return passive
    return [
        g
        for prep in means.children
        if prep.dep_ == "prep" and prep.lower_ in _ORIGIN_PREPS
        for g in prep.children
        if g.dep_ == "pobj" and names_actor(g)
    ]

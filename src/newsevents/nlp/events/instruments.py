"""Weapons and causes in agent position (data/events/instruments.yaml).

"Blown up by a missile believed to be fired by rebels": the missile is the means (ASSAULT mode
heavy-weapons) and the rebels the agent. "Victims killed by the crash": no agent at all. "A report released in Kigali alleged": the
report's issuer acts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsevents.nlp.events.vocab import packaged
from newsevents.nlp.mentions import ActorMention


@dataclass(frozen=True, slots=True)
class Instruments:
    weapon_modes: dict[str, str]  # lemma or "modifier lemma" -> ASSAULT mode
    causes: frozenset[str]
    documents: frozenset[str] = frozenset()  # nouns that stand for their issuer

    def _keys(self, token: Token) -> list[str]:
        lemma = token.lemma_.lower()
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        # "surface-to-air missile": the modifier's whole hyphenated span, then each word.
        keys = [f"{token.doc[m.left_edge.i : m.i + 1].text.lower()} {lemma}" for m in modifiers]
        keys += [f"{m.lemma_.lower()} {lemma}" for m in modifiers]
        return [*keys, lemma, token.lower_]

    def weapon_mode(self, token: Token) -> str | None:
        return next((self.weapon_modes[k] for k in self._keys(token) if k in self.weapon_modes), None)

    def is_cause(self, token: Token) -> bool:
        return token.lemma_.lower() in self.causes and self.weapon_mode(token) is None


@cache
def instruments() -> Instruments:
    data = packaged("instruments.yaml") or {}
    modes: dict[str, str] = {}
    for mode, words in (data.get("weapons") or {}).items():
        for word in words:
            modes[str(word).lower()] = str(mode)
    return Instruments(
        modes,
        frozenset(str(w).lower() for w in data.get("causes") or ()),
        frozenset(str(w).lower() for w in data.get("documents") or ()),
    )


def passive_agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by" agent."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def agents_behind_means(agents: list[Token]) -> tuple[list[Token], list[Token], str | None]:
    """Agents that are weapons or causes: "blown up by a missile believed to be fired by rebels"
    -> the rebels, mode heavy-weapons; "killed by the crash" -> no agent. Returns (agents, weapons
    whose own modifiers may name the agent: "a Hamas rocket", mode)."""
    table = instruments()
    out: list[Token] = []
    weapons: list[Token] = []
    means = None
    for agent in agents:
        if table.is_cause(agent):
            continue
        mode = table.weapon_mode(agent)
        if mode is None:
            out.append(agent)
            continue
        means = means or mode
        behind = [g for v in agent.subtree if v is not agent and v.pos_ == "VERB" for g in passive_agents(v)]
        if behind:
            out.extend(behind)
        else:
            weapons.append(agent)
    return out, weapons, means


def means_of(verb: Token) -> str | None:
    """The weapon of "attacked the convoy with rockets", "fired rockets at Israel"."""
    table = instruments()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        objects += [g for g in prep.children if g.dep_ == "pobj"]
    for obj in objects:
        mode = table.weapon_mode(obj)
        if mode is not None:
            return mode
    return None


def issuer_of(token: Token, in_phrase: Callable[[Token], list[ActorMention]]) -> list[ActorMention]:
    """ "A report released in the Rwandan capital alleged": the document's issuer, named on its own
    participle (by X first, then in/from X); [] for other nouns."""
    if token.lemma_.lower() not in instruments().documents:
        return []
    for verb in (c for c in token.children if c.dep_ == "acl"):
        for pobj in passive_agents(verb):
            found = in_phrase(pobj)
            if found:
                return found
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "from")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = [m for m in in_phrase(pobj) if m.ref.country]
                if found:
                    return found
    return []

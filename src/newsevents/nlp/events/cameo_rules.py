"""CAMEO coding conventions that differ from PLOVER's, applied to the `cameo` field only.

The PLOVER record (type, mode, actors) is the product; the CAMEO code next to it follows the
conventions of the PETRARCH coders that CAMEO datasets come from, so that users comparing with
GDELT/Phoenix data see codes they can line up (conventions in data/events/plover_cameo.yaml):

- CAMEO events are dyadic between coded actors: an event gets a CAMEO code only when some source
  and some target actor is identified (a country or a sector). "A farmer blocked the
  road" or "a study alleged ..." stay PLOVER events without a CAMEO code. (On the PETRARCH-2
  gold sentences, petr2_gsr.dev, 1 of 41 coded events lacks a coded target while 8 of our 33 false
  positives did.)
- Verb-verb conventions, decided by the grammar and kept in the mention's `extra["cameo"]`:
  "X claimed that X attacked Y" or "X claimed responsibility for the attack" is a claim of
  responsibility (015); "X claimed that Y attacked Z"
  is X accusing Y (112) and the reported attack gets no code; "agreed to lift the sanctions" is
  coded by its complement (085), not by "agreed"; "threatened to attack" is one threat (138);
  "accused X of shelling" is the accusation only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsevents.nlp.events.actor_lookup import identified
from newsevents.nlp.events.factuality import ASSERTED, FactualityCues, clause_head
from newsevents.nlp.events.mapping import plover_cameo_table
from newsevents.nlp.events.vocab import packaged
from newsevents.nlp.mentions import ActorMention, EventMention
from newsevents.types import ActorRef, Event

# extra["cameo"] value that removes the CAMEO code of a mention.
NO_CAMEO = ""
# Dependencies climbed from a reported event up to the verb that reports it.
_REPORTED_PATH = frozenset({"xcomp", "conj", "ccomp", "dobj", "pobj", "prep", "pcomp"})
_DERIVED_FAMILIES = frozenset({"derived_request", "derived_allegation"})


@dataclass(frozen=True, slots=True)
class CameoConventions:
    claim_code: str
    claim_categories: frozenset[str]
    allegation_verbs: frozenset[str]
    complement_coded_by: frozenset[str]
    complement_coded_in: frozenset[str]
    responsibility_verbs: frozenset[str] = frozenset()
    responsibility_nouns: frozenset[str] = frozenset()
    doer_object_preps: frozenset[str] = frozenset()

    def claiming_verb(self, event_noun: Token) -> Token | None:
        """The verb of "Hamas claimed responsibility / took credit for the bombing" for the event
        noun: its subject did the event. None for other verbs ("denied responsibility for",
        "assigned responsibility for the attack to X") and for a negated claim."""
        prep = event_noun.head
        if event_noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
            return None
        # "for" hangs on the noun ("claimed [responsibility for X]") or on the verb ("took
        # [credit] [for X]").
        objects = [prep.head, *(c for c in prep.head.children if c.dep_ in ("dobj", "obj"))]
        noun = next((o for o in objects if o.lemma_.lower() in self.responsibility_nouns), None)
        if noun is None or noun.dep_ not in ("dobj", "obj"):
            return None
        verb = noun.head
        if verb.lemma_.lower() not in self.responsibility_verbs or any(
            c.dep_ == "neg" for c in verb.children
        ):
            return None
        return verb

    def doer_objects(self, prep: Token) -> list[Token]:
        """ "accused Ukraine of shelling civilians", "blamed X for attacking": the governing verb's
        object does the act of the preposition's clause; [] for other prepositions."""
        if prep.lower_ not in self.doer_object_preps or prep.head is prep:
            return []
        return [c for c in prep.head.children if c.dep_ in ("dobj", "dative", "obj")]


def _words(values: Any) -> set[str]:
    return {str(v).lower() for v in values or ()}


def load_conventions(files: Iterable[tuple[str, Any]]) -> CameoConventions:
    """The `conventions` of plover_cameo.yaml (packaged first) and of user files in that format:
    word lists extend; a later file's claim code replaces the earlier one."""
    claim_code = "015"
    lists: dict[str, set[str]] = {}
    for _origin, data in files:
        section = (data or {}).get("conventions") or {}
        claim = section.get("claim_responsibility") or {}
        claim_code = str(claim.get("cameo", claim_code))
        lists.setdefault("claim_categories", set()).update(str(c) for c in claim.get("categories") or ())
        for key in _CONVENTION_LISTS:
            lists.setdefault(key, set()).update(
                _words(section.get(key))
                if key not in _CATEGORY_LISTS
                else {str(c) for c in section.get(key) or ()}
            )
    return CameoConventions(
        claim_code=claim_code,
        claim_categories=frozenset(lists.get("claim_categories", ())),
        allegation_verbs=frozenset(lists.get("allegation_verbs", ())),
        complement_coded_by=frozenset(lists.get("complement_coded_by", ())),
        complement_coded_in=frozenset(lists.get("complement_coded_in", ())),
        responsibility_verbs=frozenset(lists.get("responsibility_verbs", ())),
        responsibility_nouns=frozenset(lists.get("responsibility_nouns", ())),
        doer_object_preps=frozenset(lists.get("doer_object_preps", ())),
    )


_CATEGORY_LISTS = frozenset({"complement_coded_by", "complement_coded_in"})
_CONVENTION_LISTS = (
    "allegation_verbs",
    "complement_coded_by",
    "complement_coded_in",
    "responsibility_verbs",
    "responsibility_nouns",
    "doer_object_preps",
)


@cache
def cameo_conventions() -> CameoConventions:
    """The packaged conventions alone."""
    return load_conventions([("plover_cameo.yaml", packaged("plover_cameo.yaml"))])


def is_cameo_dyad(source: list[ActorRef], target: list[ActorRef]) -> bool:
    return any(identified(a) for a in source) and any(identified(a) for a in target)


def cameo_override(mention: EventMention) -> str | None:
    """The grammar's CAMEO decision for the mention: a code, NO_CAMEO, or None (use the table)."""
    value = mention.extra.get("cameo")
    return value if isinstance(value, str) else None


def apply_dyad_rule(events: list[Event]) -> None:
    for event in events:
        if event.cameo is not None and not is_cameo_dyad(event.source, event.target):
            event.cameo = None


def reporting_verb(token: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The verb of saying whose complement clause holds the event ("claimed that ISIL had
    attacked", "alleged that ... the military helped to carry out killings")."""
    node = clause_head(token)
    for _ in range(8):
        if node.head is node or node.dep_ not in _REPORTED_PATH:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in speech_verbs:
            return node.head
        node = node.head
    return None


def _same_actors(inner: list[ActorMention], outer: list[ActorMention]) -> bool:
    spans = {(a.start, a.end) for a in outer}
    return bool(inner) and all((a.start, a.end) in spans for a in inner)


class ConventionCoder:
    """Sets the CAMEO decisions of one sentence's mentions; returns derived allegation events."""

    def __init__(
        self,
        subjects_of: Callable[[list[Token]], list[ActorMention]],
        cues: FactualityCues,
        conventions: CameoConventions | None = None,
    ) -> None:
        self.subjects_of = subjects_of
        self.speech_verbs = cues.speech_verbs
        self.negating_verbs = cues.negating_governors
        self.conventions = conventions or cameo_conventions()

    def apply(self, sent: Span, mentions: list[EventMention]) -> list[EventMention]:
        doc = sent.doc
        heads = {int(h): m for m in mentions if isinstance(h := m.extra.get("head"), int)}
        added: list[EventMention] = []
        for mention in mentions:
            head = mention.extra.get("head")
            if not isinstance(head, int) or mention.extra.get("family") in _DERIVED_FAMILIES:
                continue
            token = doc[head]
            self._complement(token, mention, heads)
            if self._accused_deed(token):
                mention.extra["cameo"] = NO_CAMEO  # "accused Ukraine of shelling": the accusation only
                continue
            if mention.factuality != ASSERTED:
                continue  # "Russia denied that it attacked": no claim, no allegation
            if self.conventions.claiming_verb(token) is not None and self._claimable(mention):
                mention.extra["cameo"] = self.conventions.claim_code  # "claimed responsibility for"
                continue
            verb = reporting_verb(token, self.speech_verbs)
            if verb is None or not mention.source or self._negated(verb):
                continue
            speakers = self.subjects_of([c for c in verb.children if c.dep_ == "nsubj"])
            if not speakers:
                continue
            if _same_actors(mention.source, speakers):
                if self._claimable(mention):
                    mention.extra["cameo"] = self.conventions.claim_code
                continue
            accusation = heads.get(verb.i)
            if accusation is not None and accusation.event_type == "ACCUSE":
                # "Russia alleged that Ukraine attacked Belgorod": the accused is the attacker.
                accusation.target = list(mention.source)
                mention.extra["cameo"] = NO_CAMEO
                continue
            if verb.lemma_.lower() not in self.conventions.allegation_verbs:
                continue
            mention.extra["cameo"] = NO_CAMEO
            if accusation is None and all(a.extra.get("head") != verb.i for a in added):
                added.append(_allegation(mention, verb, speakers))
        return added

    def _negated(self, verb: Token) -> bool:
        """ "denied that ...", "did not claim that ...": the speaker asserts nothing."""
        return verb.lemma_.lower() in self.negating_verbs or any(c.dep_ == "neg" for c in verb.children)

    def _claimable(self, mention: EventMention) -> bool:
        intended = mention.extra.get("intended")
        category = intended if isinstance(intended, str) else mention.event_type
        return category in self.conventions.claim_categories

    def _accused_deed(self, token: Token) -> bool:
        node = clause_head(token)
        prep = node.head
        return (
            node.dep_ == "pcomp"
            and prep.dep_ == "prep"
            and prep.lower_ in ("of", "for")
            and prep.head.lemma_.lower() in self.conventions.allegation_verbs
        )

    def _complement(self, token: Token, mention: EventMention, heads: dict[int, EventMention]) -> None:
        """ "agreed to lift the sanctions": coded by the complement (085); "threatened to attack":
        coded as the threat of that complement (138), the complement itself not coded."""
        by = mention.event_type in self.conventions.complement_coded_by
        within = mention.event_type in self.conventions.complement_coded_in
        if not (by or within) or "intended" in mention.extra:
            return
        for child in token.children:
            if child.dep_ != "xcomp":
                continue
            # "threatened to attack", or through a light verb "threatened to impose sanctions"
            candidates = [child, *(g for g in child.children if g.dep_ in ("dobj", "obj"))]
            inner = next((heads[c.i] for c in candidates if c.i in heads), None)
            if inner is None or inner is mention:
                continue
            if by:
                mention.extra["cameo"] = NO_CAMEO
                return
            code = plover_cameo_table().intent(
                inner.event_type, mention.event_type, inner.mode, inner.context
            )
            if code.cameo:
                mention.extra["cameo"] = code.cameo
                inner.extra["cameo"] = NO_CAMEO
            return


def _allegation(reported: EventMention, verb: Token, speakers: list[ActorMention]) -> EventMention:
    return EventMention(
        sent_index=reported.sent_index,
        trigger_start=verb.i,
        trigger_end=verb.i + 1,
        event_type="ACCUSE",
        mode="allege",
        context=[],
        source=list(speakers),
        target=list(reported.source),
        factuality=ASSERTED,
        rule=f"derived.allegation.{verb.lemma_.lower()}",
        confidence=0.0,
        attributed_to=None,
        extra={"family": "derived_allegation", "flags": [], "head": verb.i, "trigger_tokens": [verb.i]},
    )

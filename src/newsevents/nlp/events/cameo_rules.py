"""CAMEO coding conventions that differ from PLOVER's, applied to the `cameo` field only.

The PLOVER record (type, mode, actors) is the product; the CAMEO code next to it follows the
conventions of the PETRARCH coders that CAMEO datasets come from, so that users comparing with
GDELT/Phoenix data see codes they can line up (conventions in data/events/plover_cameo.yaml):

- CAMEO events are dyadic between coded actors: an event gets a CAMEO code only when some source
  and some target actor is identified (a country or a sector). "A protestor demolished the
  building" or "a report alleged ..." stay PLOVER events without a CAMEO code. (On the PETRARCH-2
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

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from newsevents.nlp.events.factuality import ASSERTED, clause_head
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


@cache
def cameo_conventions() -> CameoConventions:
    data = packaged("plover_cameo.yaml").get("conventions") or {}
    claim = data.get("claim_responsibility") or {}
    return CameoConventions(
        claim_code=str(claim.get("cameo", "015")),
        claim_categories=frozenset(claim.get("categories") or ()),
        allegation_verbs=frozenset(str(v).lower() for v in data.get("allegation_verbs") or ()),
        complement_coded_by=frozenset(data.get("complement_coded_by") or ()),
        complement_coded_in=frozenset(data.get("complement_coded_in") or ()),
    )


def identified(actor: ActorRef) -> bool:
    return bool(actor.country or actor.sector)


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
        self, subjects_of: Callable[[list[Token]], list[ActorMention]], speech_verbs: frozenset[str]
    ) -> None:
        self.subjects_of = subjects_of
        self.speech_verbs = speech_verbs
        self.conventions = cameo_conventions()

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
            if _responsibility_claimed(token) and self._claimable(mention):
                mention.extra["cameo"] = self.conventions.claim_code  # "claimed responsibility for"
                continue
            if self._accused_deed(token):
                mention.extra["cameo"] = NO_CAMEO  # "accused Ukraine of shelling": the accusation only
                continue
            verb = reporting_verb(token, self.speech_verbs)
            if verb is None or not mention.source:
                continue
            speakers = self.subjects_of([c for c in verb.children if c.dep_ == "nsubj"])
            if not speakers:
                continue
            intended = mention.extra.get("intended")
            category = intended if isinstance(intended, str) else mention.event_type
            if _same_actors(mention.source, speakers):
                if category in self.conventions.claim_categories:
                    mention.extra["cameo"] = self.conventions.claim_code
                continue
            if verb.lemma_.lower() not in self.conventions.allegation_verbs:
                continue
            mention.extra["cameo"] = NO_CAMEO
            if verb.i not in heads and all(a.extra.get("head") != verb.i for a in added):
                added.append(_allegation(mention, verb, speakers))
        return added

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


# Verbs of "X claimed responsibility for the bombing".
_RESPONSIBILITY_VERBS = frozenset({"claim", "acknowledge", "admit", "accept", "assume", "take"})


def _responsibility_claimed(noun: Token) -> bool:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return False
    verb = prep.head.head
    return prep.head.dep_ in ("dobj", "obj") and verb.lemma_.lower() in _RESPONSIBILITY_VERBS


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

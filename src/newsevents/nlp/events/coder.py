"""Codes the events of one sentence: triggers -> EventMentions with arguments, factuality,
attribution, derived commitments/requests, casualties and confidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsevents.nlp.events.actor_lookup import ActorLookup, any_identified, is_pronoun
from newsevents.nlp.events.arguments import ArgumentFinder, Arguments
from newsevents.nlp.events.cameo_rules import CameoConventions, ConventionCoder, cameo_conventions
from newsevents.nlp.events.casualties import CasualtyCues, casualties_in
from newsevents.nlp.events.confidence import ConfidenceTable
from newsevents.nlp.events.factuality import (
    ASSERTED,
    HYPOTHETICAL,
    Factuality,
    FactualityCues,
    attribution_of,
    clause_head,
    factuality_of,
)
from newsevents.nlp.events.instruments import Instruments
from newsevents.nlp.events.triggers import TriggerLexicon, TriggerMatch, lemma_forms
from newsevents.nlp.mentions import ActorMention, EventMention

# A planned or promised event of these categories is a commitment to cooperate (AGREE) ...
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# ... and of these a threat (THREATEN), as in PLOVER's coding of intentions.
CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"})
CASUALTY_EVENTS = ("ASSAULT", "COERCE", "PROTEST")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    lexicon: TriggerLexicon
    factuality: FactualityCues
    casualties: CasualtyCues
    confidence: ConfidenceTable
    instruments: Instruments
    conventions: CameoConventions = field(default_factory=cameo_conventions)


class SentenceCoder:
    def __init__(self, vocab: Vocabulary, lookup: ActorLookup) -> None:
        self.vocab = vocab
        self.lookup = lookup
        self.finder = ArgumentFinder(lookup, vocab.lexicon, vocab.instruments, vocab.conventions)
        self.conventions = ConventionCoder(self.finder.subjects_of, vocab.factuality, vocab.conventions)

    def code(self, sent: Span, sent_index: int) -> list[EventMention]:
        matches = self.vocab.lexicon.find(sent)
        trigger_tokens = {m.token for m in matches}
        mentions: list[EventMention] = []
        coded: list[tuple[TriggerMatch, Arguments, EventMention]] = []
        for match in matches:
            token = sent.doc[match.token]
            if match.spec.pos == "noun" and _dated_before(token, sent.doc._.pub_date):
                continue  # "the 1982 massacre": a past event named as background, not reported
            args = self.finder.find(match)
            fact = factuality_of(token, self.vocab.factuality)
            if match.spec.requires_target and not args.target:
                continue
            if not self.finder.object_sectors_ok(token, match):
                continue
            mention = self._mention(sent_index, match, args, fact, token)
            coded.append((match, args, mention))
            mentions.append(mention)
        self._inherit_targets(coded)
        # "will meet in Zurich to discuss ...": a linked trigger of the same category is the same
        # event; merge before a plan is turned into a commitment, so it is coded once.
        mentions = _merge_linked(sent, mentions)
        coded = [c for c in coded if any(c[2] is m for m in mentions)]
        for match, args, mention in coded:
            if "embedded" in args.flags:
                # "rejected a U.S. request", "ratified an agreement": the noun describes the outer
                # event's object, it is not an event of its own.
                mentions.remove(mention)
                continue
            derived = self._commitment(sent, sent_index, match, args, mention, trigger_tokens)
            if derived is not None:
                # PLOVER codes a promised/planned event as the commitment (AGREE/THREATEN/REJECT);
                # the intended event stays recorded in the derived event's rule and extra.
                mentions[mentions.index(mention)] = derived
        mentions.extend(self._requests(sent, sent_index, trigger_tokens))
        mentions = _merge_linked(sent, mentions)
        self._attach_casualties(sent, mentions)
        kept = [m for m in mentions if self._worth_keeping(sent, m)]
        kept.extend(self.conventions.apply(sent, kept))
        for m in kept:
            m.confidence = self._confidence(sent, m)
        return kept

    def _worth_keeping(self, sent: Span, mention: EventMention) -> bool:
        """An event needs an actor; without a source it must carry casualties or be the main
        assertion of its sentence (a subordinate "the civilians imprisoned for ..." is background)."""
        if mention.dead or mention.injured or mention.arrested:
            return True
        if mention.source:
            return True
        if not mention.target:
            return False
        head = mention.extra.get("head")
        token = sent.doc[head] if isinstance(head, int) else None
        return (
            token is not None
            and token.pos_ == "VERB"
            and "main_clause" in _clause_features(token, frozenset())
        )

    # ------------------------------------------------------------------ one trigger
    def _mention(
        self, sent_index: int, match: TriggerMatch, args: Arguments, fact: Factuality, token: Token
    ) -> EventMention:
        spec = match.spec
        attribution = attribution_of(token, self.vocab.factuality)
        return EventMention(
            sent_index=sent_index,
            trigger_start=match.start,
            trigger_end=match.end,
            event_type=spec.category,
            mode=args.means if args.means and spec.category == "ASSAULT" else spec.mode,
            context=list(spec.context),
            source=list(args.source),
            target=list(args.target),
            factuality=fact.value,
            rule=f"{spec.rule}.{args.path}",
            confidence=0.0,
            attributed_to=attribution,
            extra={
                "family": spec.family,
                "flags": sorted(args.flags),
                "factuality_cue": fact.cue,
                "factuality_kind": fact.kind,
                "conditional": fact.conditional,
                "negative": fact.negative,
                "head": match.token,
                "trigger_tokens": sorted({match.token, *match.words}),
            },
        )

    def _inherit_targets(self, coded: list[tuple[TriggerMatch, Arguments, EventMention]]) -> None:
        """ "threatened to break relations with Russia": the outer event's target is the inner one's."""
        by_head = {m.token: mention for m, _a, mention in coded}
        doc = self.lookup.doc
        for match, _args, mention in coded:
            if mention.target:
                continue
            if match.spec.pos == "noun":
                # "started a hunger strike to protest President Assad's failure": the light verb's
                # purpose clause names the target.
                noun = doc[match.token]
                if noun.dep_ in ("dobj", "obj") and self.vocab.lexicon.is_light_verb(noun.head):
                    found = self.finder.complement_targets(noun.head, match)
                    mention.target = [a for a in found if all(a is not s for s in mention.source)]
                continue
            for child in doc[match.token].children:
                if child.dep_ in ("xcomp", "ccomp", "dobj") and child.i in by_head:
                    inner = by_head[child.i]
                    mention.target = [a for a in inner.target if all(a is not s for s in mention.source)]
                    if not mention.target and child.dep_ == "ccomp":
                        mention.target = [a for a in inner.source if all(a is not s for s in mention.source)]
                    break
                if child.dep_ == "ccomp":
                    # "demanded that the US cancel plans": the subject of the demanded clause.
                    subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                    found = [a for s in subjects for a in self.finder._actors([s])]
                    mention.target = [a for a in found if all(a is not s for s in mention.source)]
                    if mention.target:
                        break
            if not mention.target:
                found = self.finder.complement_targets(doc[match.token], match)
                mention.target = [a for a in found if all(a is not s for s in mention.source)]

    # ------------------------------------------------------------------ derived events
    def _commitment(
        self,
        sent: Span,
        sent_index: int,
        match: TriggerMatch,
        args: Arguments,
        mention: EventMention,
        trigger_tokens: set[int],
    ) -> EventMention | None:
        """A planned/promised event ("will release", "plans to impose") is a commitment: AGREE for
        cooperation, THREATEN for conflict, unless the plan is already coded by its own trigger
        ("agreed to withdraw", "threatened to impose") or is mere speculation ("could seal")."""
        if mention.factuality != HYPOTHETICAL or match.spec.category not in COOPERATIVE | CONFLICTUAL:
            return None
        kind = mention.extra.get("factuality_kind")
        cue = mention.extra.get("factuality_cue")
        token = sent.doc[match.token]
        conditional = bool(mention.extra.get("conditional"))
        if kind == "speculation" and not conditional:
            # "could seal borders" is speculation; "said they would meet" reports a commitment.
            if not (cue in ("would", "'d") and _reported_or_conditional(token, self.vocab.factuality)):
                return None
        if kind not in ("intent", "speculation"):
            return None
        if _governed_by_trigger(token, trigger_tokens):
            return None
        if match.spec.pos == "noun" and not _object_of_light_verb(token, self.vocab.lexicon.light_verbs):
            return None  # "Mohib's visit would not ...": a noun's modal belongs to another clause
        if mention.extra.get("negative"):
            if match.spec.category not in COOPERATIVE:
                return None
            category = "REJECT"  # "said it would not meet the demands": a refusal
        else:
            category = "AGREE" if match.spec.category in COOPERATIVE else "THREATEN"
        derived = EventMention(
            sent_index=sent_index,
            trigger_start=mention.trigger_start,
            trigger_end=mention.trigger_end,
            event_type=category,
            mode=None,
            context=list(mention.context),
            source=list(mention.source),
            target=list(mention.target),
            factuality=ASSERTED,
            rule=f"derived.{category.lower()}.{match.spec.rule}",
            confidence=0.0,
            attributed_to=mention.attributed_to,
            extra={
                **mention.extra,
                "family": "derived_commitment",
                "intended": match.spec.category,
                "intended_mode": match.spec.mode,
            },
        )
        return derived

    def _requests(self, sent: Span, sent_index: int, trigger_tokens: set[int]) -> list[EventMention]:
        """ "Russia said Sudan must return the helicopter": a request by the speaker to the subject
        of the reported clause (a deontic modal under a reporting verb)."""
        cues = self.vocab.factuality
        out: list[EventMention] = []
        for verb in sent:
            if verb.lemma_.lower() not in cues.speech_verbs or verb.i in trigger_tokens:
                continue
            speakers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                deontic = any(a.lower_ in cues.deontic_aux for a in clause.children if a.dep_ == "aux")
                deontic = deontic or any(
                    c.lemma_ == "have" and any(g.dep_ == "xcomp" for g in c.children) for c in clause.children
                )
                if not deontic:
                    continue
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                source = self.finder.subjects_of(speakers)
                target = [a for a in self.finder._actors(subjects) if all(a is not s for s in source)]
                if not source or not target or any(is_pronoun(s) for s in subjects):
                    continue
                out.append(
                    EventMention(
                        sent_index=sent_index,
                        trigger_start=clause.i,
                        trigger_end=clause.i + 1,
                        event_type="REQUEST",
                        mode=None,
                        context=[],
                        source=source,
                        target=target,
                        factuality=ASSERTED,
                        rule="derived.request.said_must",
                        confidence=0.0,
                        attributed_to=None,
                        extra={
                            "family": "derived_request",
                            "flags": [],
                            "head": clause.i,
                            "trigger_tokens": [clause.i],
                        },
                    )
                )
        return out

    # ------------------------------------------------------------------ casualties
    def _attach_casualties(self, sent: Span, mentions: list[EventMention]) -> None:
        found = casualties_in(sent, self.vocab.casualties)
        if not found:
            return
        candidates = [m for m in mentions if m.event_type in CASUALTY_EVENTS and m.factuality != "negated"]
        for casualty in found:
            target = _nearest(
                candidates, casualty.cue, prefer="COERCE" if casualty.field == "arrested" else "ASSAULT"
            )
            if target is None:
                continue
            setattr(target, casualty.field, casualty.count)
            setattr(target, f"{casualty.field}_qualifier", casualty.qualifier)
            if casualty.victims and target.victims is None and casualty.field != "arrested":
                target.victims = casualty.victims

    # ------------------------------------------------------------------ confidence
    def _confidence(self, sent: Span, mention: EventMention) -> float:
        flags = mention.extra.get("flags")
        features: list[str] = [str(f) for f in flags] if isinstance(flags, list) else []
        features.append("source_resolved" if any_identified(mention.source) else "")
        features.append("target_resolved" if any_identified(mention.target) else "")
        if not mention.source:
            features.append("no_source")
        if not mention.target:
            features.append("no_target")
        if (mention.source or mention.target) and not any_identified(mention.source + mention.target):
            features.append("unresolved_only")
        head = mention.extra.get("head")
        if isinstance(head, int):
            features.extend(_clause_features(sent.doc[head], self.vocab.lexicon.light_verbs))
        family = str(mention.extra.get("family", "verb"))
        return self.vocab.confidence.score(family, [f for f in features if f])


# Dependencies that put a clause below the sentence's main assertion.
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj", "pcomp", "pobj", "prep", "amod", "appos"})


def _clause_features(trigger: Token, light_verbs: frozenset[str]) -> list[str]:
    """main_clause / subordinate for the trigger's clause; light_verb / adjunct for event nouns."""
    features: list[str] = []
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ in ("dobj", "obj", "nsubjpass", "attr") and any(
            f in light_verbs for f in lemma_forms(trigger.head)
        ):
            features.append("light_verb")
        elif (
            trigger.dep_ == "pobj"
            and trigger.head.dep_ == "prep"
            and trigger.head.head.pos_ in ("VERB", "AUX")
        ):
            features.append("adjunct")
    node = clause_head(trigger)
    for _ in range(12):
        if node.dep_ in _SUBORDINATE or (node.dep_ == "conj" and node.head.dep_ in _SUBORDINATE):
            features.append("subordinate")
            return features
        if node.head is node:
            break
        node = node.head
    features.append("main_clause")
    return features


# Dependencies of a year on the event noun it dates ("the 1982 massacre").
_YEAR_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})
# The earliest year read as a date; smaller 4-digit numbers are counts.
_FIRST_YEAR = 1800


def _dated_before(noun: Token, pub_date: object) -> bool:
    """An event noun dated by a past year after a determiner or possessor ("the 1982 massacre",
    "Iraq's 2003 invasion"): a background event. A bare number is a count ("launched 1900 drone
    attacks"), and a year in or after the publication year is the news itself; with no
    publication date every year before it counts."""
    year_now = int(pub_date[:4]) if isinstance(pub_date, str) and pub_date[:4].isdigit() else None
    for child in noun.children:
        text = child.text
        if child.dep_ not in _YEAR_DEPS or len(text) != 4 or not text.isdigit():
            continue
        determined = any(c.dep_ in ("det", "poss") and c.i < child.i for c in noun.children)
        year = int(text)
        if determined and _FIRST_YEAR <= year and (year_now is None or year < year_now):
            return True
    return False


def _reported_or_conditional(token: Token, cues: FactualityCues) -> bool:
    node = clause_head(token)
    for child in node.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in cues.conditional_marks for m in child.children
        ):
            return True
    governor = node.head.lemma_.lower()
    return node.dep_ == "ccomp" and governor in cues.speech_verbs and governor not in cues.belief_verbs


def _object_of_light_verb(token: Token, light_verbs: frozenset[str]) -> bool:
    return token.dep_ in ("dobj", "obj") and any(f in light_verbs for f in lemma_forms(token.head))


def _governed_by_trigger(token: Token, trigger_tokens: set[int]) -> bool:
    """True when an event trigger governs this one's clause through a complement chain (or, for an
    event noun, is the verb of its clause: "ready to host a meeting")."""
    node = clause_head(token)
    if node.i != token.i and node.i in trigger_tokens:
        return True
    for _ in range(6):
        if node.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acomp", "dobj", "advcl", "conj"):
            return False
        node = node.head
        if node.i in trigger_tokens:
            return True
    return False


def _nearest(candidates: list[EventMention], index: int, prefer: str) -> EventMention | None:
    if not candidates:
        return None
    preferred = [m for m in candidates if m.event_type == prefer] or candidates

    def distance(m: EventMention) -> int:
        if m.trigger_start <= index < m.trigger_end:
            return 0
        return min(abs(m.trigger_start - index), abs(m.trigger_end - 1 - index))

    return min(preferred, key=distance)


def _merge_linked(sent: Span, mentions: list[EventMention]) -> list[EventMention]:
    """Two triggers of one category in one clause are one event ("killed in clashes with"):
    keep the richer mention and add the other's actors."""
    doc = sent.doc
    out: list[EventMention] = []
    for mention in mentions:
        partner = next(
            (
                o
                for o in out
                if o.event_type == mention.event_type
                and o.factuality == mention.factuality
                and o.extra.get("family") not in ("derived_commitment", "derived_request")
                and mention.extra.get("family") not in ("derived_commitment", "derived_request")
                and _linked(doc[int(o.extra["head"])], doc[int(mention.extra["head"])])  # type: ignore[call-overload]
            ),
            None,
        )
        if partner is None:
            out.append(mention)
            continue
        keep, other = (partner, mention) if _richness(partner) >= _richness(mention) else (mention, partner)
        for role in ("source", "target"):
            mine: list[ActorMention] = getattr(keep, role)
            for actor in getattr(other, role):
                if all(actor is not a for a in keep.source + keep.target):
                    mine.append(actor)
        if keep.mode is None:
            keep.mode = other.mode
        if keep is mention:
            out[out.index(partner)] = mention
    return out


def _richness(m: EventMention) -> tuple[int, int, int]:
    return (int(bool(m.source)) + int(bool(m.target)), int(m.mode is not None), -m.trigger_start)


def _linked(a: Token, b: Token) -> bool:
    """One trigger depends on the other through prepositions or coordination (same clause)."""
    for x, y in ((a, b), (b, a)):
        node = y
        for _ in range(4):
            if node.dep_ not in ("prep", "pobj", "conj", "acl", "advcl", "dobj"):
                break
            node = node.head
            if node == x:
                return True
    return False

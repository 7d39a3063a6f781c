"""EventMentions of a Doc -> Event records, with repeated mentions of one event merged.

Two mentions are one event when they have the same type, mode and factuality, their actors do not
conflict and share a country (or actor), and their dates are compatible ("Mohib departed for
Moscow" in the lead and again in the body -> one event, mentions=2). The merged event keeps the
provenance (sentence, offsets, trigger, rule) of its most confident mention, earliest on ties.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span

from newsevents.nlp.events.cameo_rules import NO_CAMEO, apply_dyad_rule, cameo_override
from newsevents.nlp.events.mapping import CameoCode, plover_cameo_table
from newsevents.nlp.mentions import EventMention
from newsevents.types import ActorRef, Article, Event


def event_id(article_id: str, event_type: str, sent_index: int, char_start: int, char_end: int) -> str:
    """Deterministic id: the same article coded by the same rules gives the same ids."""
    key = f"{article_id}|{event_type}|{sent_index}|{char_start}|{char_end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def events_from_doc(doc: Doc, article: Article, pipeline_version: str) -> list[Event]:
    mentions: list[EventMention] = list(doc._.event_mentions or [])
    sentences = list(doc.sents)
    events: list[Event] = []
    for mention in mentions:
        event = _event(doc, sentences, mention, article, pipeline_version)
        partner = next((e for e in events if _same_event(e, event)), None)
        if partner is None:
            events.append(event)
        else:
            events[events.index(partner)] = _merge(partner, event)
    apply_dyad_rule(events)
    return events


def _code(mention: EventMention) -> CameoCode:
    code = _table_code(mention)
    override = cameo_override(mention)
    if override is None:
        return code
    if override == NO_CAMEO:
        return CameoCode(None, code.quad_class, code.goldstein)  # the PLOVER event's own scores
    scored = plover_cameo_table().for_code(override)  # a 015 claim is no ASSAULT (-10, quad 4)
    return CameoCode(
        override,
        code.quad_class if scored.quad_class is None else scored.quad_class,
        code.goldstein if scored.goldstein is None else scored.goldstein,
    )


def _table_code(mention: EventMention) -> CameoCode:
    table = plover_cameo_table()
    intended = mention.extra.get("intended")
    if isinstance(intended, str):
        mode = mention.extra.get("intended_mode")
        return table.intent(
            intended, mention.event_type, mode if isinstance(mode, str) else None, mention.context
        )
    return table.lookup(mention.event_type, mention.mode, mention.context)


def _event(doc: Doc, sentences: list[Span], mention: EventMention, article: Article, version: str) -> Event:
    sent = sentences[mention.sent_index]
    stored = mention.extra.get("trigger_tokens")
    tokens = (
        list(stored)
        if isinstance(stored, list) and stored
        else list(range(mention.trigger_start, mention.trigger_end))
    )
    trigger_tokens = [doc[int(i)] for i in tokens]
    char_start = min(t.idx for t in trigger_tokens)
    char_end = max(t.idx + len(t.text) for t in trigger_tokens)
    code = _code(mention)
    timex = mention.timex
    date: str | None
    date_end: str | None
    precision: str | None
    date_text: str | None
    if timex is not None and timex.date:
        date, date_end, precision, date_text = (
            timex.date,
            timex.date_end or timex.date,
            timex.precision,
            timex.text,
        )
    else:
        date, date_end, precision, date_text = (
            article.date,
            article.date,
            "day" if article.date else None,
            None,
        )
    return Event(
        event_id=event_id(article.article_id, mention.event_type, mention.sent_index, char_start, char_end),
        article_id=article.article_id,
        event_type=mention.event_type,
        mode=mention.mode,
        context=list(mention.context),
        cameo=code.cameo,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        source=[m.ref for m in mention.source],
        target=[m.ref for m in mention.target],
        date=date,
        date_end=date_end,
        date_precision=precision,
        date_text=date_text,
        location=mention.place,
        dead=mention.dead,
        dead_qualifier=mention.dead_qualifier,
        injured=mention.injured,
        injured_qualifier=mention.injured_qualifier,
        arrested=mention.arrested,
        arrested_qualifier=mention.arrested_qualifier,
        factuality=mention.factuality,
        attributed_to=mention.attributed_to,
        confidence=mention.confidence,
        trigger=" ".join(t.text for t in trigger_tokens),
        sentence=sent.text,
        sentence_index=mention.sent_index,
        char_start=char_start,
        char_end=char_end,
        rule=mention.rule,
        pipeline_version=version,
    )


def _countries(actors: list[ActorRef]) -> set[str]:
    return {a.country or f"~{a.sector or a.name}" for a in actors if a.country or a.sector or a.name}


def _same_event(a: Event, b: Event) -> bool:
    if (a.event_type, a.mode, a.factuality) != (b.event_type, b.mode, b.factuality):
        return False
    if a.sentence_index == b.sentence_index and a.char_start == b.char_start:
        return False  # two codings of one trigger are kept apart (e.g. derived events)
    src_a, src_b = _countries(a.source), _countries(b.source)
    tgt_a, tgt_b = _countries(a.target), _countries(b.target)
    if src_a and src_b and not src_a & src_b:
        return False
    if tgt_a and tgt_b and not tgt_a & tgt_b:
        return False
    if not ((src_a & src_b) or (tgt_a & tgt_b)):
        return False
    return _dates_compatible(a, b)


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date_text is None or b.date_text is None:
        return True  # one of them only carries the publication date
    if not (a.date and b.date and a.date_end and b.date_end):
        return True
    return a.date <= b.date_end and b.date <= a.date_end


def _specificity(actor: ActorRef) -> int:
    """2: a named person or body with a role; 1: a name only (often the role itself); 0: nothing."""
    if actor.name and actor.role and actor.name.casefold() != actor.role.casefold():
        return 2
    return 1 if actor.name else 0


def _merge(kept: Event, other: Event) -> Event:
    """Keeps the more confident mention's provenance (earliest on ties) and fills in missing facts."""
    if (other.confidence, -other.sentence_index) > (kept.confidence, -kept.sentence_index):
        kept, other = other, kept
    kept.mentions += other.mentions
    for role in ("source", "target"):
        mine: list[ActorRef] = getattr(kept, role)
        have = _countries(mine)
        for actor in getattr(other, role):
            key = actor.country or f"~{actor.sector or actor.name}"
            if key not in have:
                mine.append(actor)
                have.add(key)
                continue
            # One actor seen twice: keep the more specific reading ("Hamdullah Mohib" over the
            # bare title "National Security Adviser" the teaser used for him).
            for i, current in enumerate(mine):
                same = (current.country or f"~{current.sector or current.name}") == key
                if (
                    same
                    and current.sector in (None, actor.sector)
                    and _specificity(actor) > _specificity(current)
                ):
                    mine[i] = actor
    for name in ("dead", "injured", "arrested"):
        if getattr(kept, name) is None and getattr(other, name) is not None:
            setattr(kept, name, getattr(other, name))
            setattr(kept, f"{name}_qualifier", getattr(other, f"{name}_qualifier"))
    if kept.attributed_to is None:
        kept.attributed_to = other.attributed_to
    if kept.location is None:
        kept.location = other.location
    if kept.date_text is None and other.date_text is not None:
        kept.date, kept.date_end = other.date, other.date_end
        kept.date_precision, kept.date_text = other.date_precision, other.date_text
    return kept

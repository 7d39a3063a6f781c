"""Finding actor mentions in a parsed Doc (the work of the `newsevents_actors` component).

One pass of vocabulary matching over the Doc's tokens (dictionary lookups), then per noun chunk:
is its head an actor word? If so, widen it over an appositive and an attached of/for phrase and
resolve it. Entities and proper vocabulary phrases left over become mentions of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.actors.matching import Match, Tok, match_tokens
from newsevents.nlp.actors.resolver import ActorResolver
from newsevents.nlp.actors.text import SKIPPED, norm
from newsevents.nlp.mentions import ActorMention
from newsevents.types import ActorRef

ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A capital or city stands for its government / people only when it acts ("Moscow could seal
# borders"), not where it is a place ("travel to Moscow").
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj", "conj", "appos", "compound"})
_PLACE_KINDS = frozenset({"capital", "city"})
# Phrases attached to a head that name whose actor it is ("spokesman for the ONSC").
_ATTACHING_PREPS = frozenset({"of", "for", "from", "at", "in"})
# Dependents that end a noun phrase: clauses and coordinated phrases are not part of the actor.
_NP_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "parataxis", "dep"})
_PROPER_KINDS = frozenset({"org", "person", "country", "demonym", "capital", "seat", "territory", "city"})
_NO_CONTEXT_SECTORS = frozenset({"IGO", "NGO"})
# Resolutions of a bare name that a fuller earlier mention of the same person overrides.
_PLACE_RULES = ("actors.city", "actors.territory")
_WEAK_RULES = (*_PLACE_RULES, "actors.name")


def _doc_toks(doc: Doc) -> list[Tok]:
    out = []
    for t in doc:
        text = t.text
        if text in SKIPPED or text.isspace():
            continue
        idx = t.idx
        out.append(Tok(text, norm(text), idx, idx + len(text), t.i))
    return out


def _np_end(token: Token) -> int:
    """One past the last token of the noun phrase headed by `token` (no clauses, no conjuncts)."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in _NP_STOP_DEPS:
            break
        end = max(end, _np_end(child))
    return end


class _Finder:
    def __init__(self, doc: Doc, resolver: ActorResolver, pub_date: str | None) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: build it once
        self.resolver = resolver
        self.date = pub_date
        self.toks = _doc_toks(doc)
        self.pos = {t.i: k for k, t in enumerate(self.toks)}  # doc token index -> toks index
        self.matches = match_tokens(resolver.vocab, self.toks)
        self.match_at: dict[int, Match] = {}
        for m in self.matches:
            for k in range(m.start, m.end):
                self.match_at[self.toks[k].i] = m
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_ENTS:
                for i in range(ent.start, ent.end):
                    self.ent_at[i] = ent
        self.taken: set[int] = set()

    # -- helpers -----------------------------------------------------------------------------------
    def toks_in(self, start: int, end: int) -> list[Tok]:
        return [self.toks[k] for i in range(start, end) if (k := self.pos.get(i)) is not None]

    def resolve(self, start: int, end: int, context: str | None = None) -> ActorRef | None:
        toks = self.toks_in(start, end)
        if not toks:
            return None
        # A person's name is no place ("Walker" is also a town in Michigan).
        places = not any(self.ent_at[i].label_ == "PERSON" for i in range(start, end) if i in self.ent_at)
        ref = self.resolver.resolve_toks(toks, context_country=context, date=self.date, places=places)
        if ref is not None:
            ref.text = self.text[toks[0].start : toks[-1].end]
        return ref

    def is_actor_head(self, token: Token) -> bool:
        if token.pos_ == "PRON":
            return False
        match = self.match_at.get(token.i)
        if match is not None and match.entry.kind != "modifier":
            return True
        return token.i in self.ent_at

    def is_actor_chunk(self, chunk: Span) -> bool:
        """An actor word heads the chunk, or a proper name heads it with a title before it or an
        actor appositive after it ("President Solih", "Andar, spokesman for ...")."""
        root = chunk.root
        if self.is_actor_head(root):
            return True
        if root.pos_ != "PROPN":
            return False
        titled = any(
            (m := self.match_at.get(i)) is not None
            and m.entry.kind == "role"
            and m.entry.role_kind == "title"
            for i in range(chunk.start, root.i)
        )
        return titled or any(c.dep_ == "appos" and self.is_actor_head(c) for c in root.children)

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))

    # -- candidates ----------------------------------------------------------------------------------
    def chunk_span(self, chunk: Span) -> tuple[int, int, int]:
        """(start, end, resolve_from) of the mention for a chunk whose head is an actor word."""
        root = chunk.root
        start, end = chunk.start, chunk.end
        resolve_from = start
        for child in root.children:
            if child.dep_ == "poss" and child.i < root.i:
                # "Russia's ambassador": the ambassador is the mention; Russia still tells its
                # country (resolve from the chunk start), and becomes a mention of its own.
                possessive_end = max(t.i for t in child.subtree) + 1
                if possessive_end < len(self.doc) and self.doc[possessive_end].tag_ == "POS":
                    possessive_end += 1
                start = max(start, possessive_end)
        for child in root.rights:
            if child.dep_ == "appos":
                end = max(end, _np_end(child))
            elif child.dep_ == "prep" and child.lower_ in _ATTACHING_PREPS and child.i >= end - 1:
                pp_end = _np_end(child)
                if self._attaches(child.i, pp_end):
                    end = max(end, pp_end)
        # A name the parser split ("Barack/nsubj Obama/pobj") is still one mention: widen the
        # chunk to the whole person / organisation entity around its head.
        ent = self.ent_at.get(root.i)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            start, end = min(start, ent.start), max(end, ent.end)
            resolve_from = min(resolve_from, start)
        # "(ONSC" -> "(ONSC)": the closing bracket hangs off another token in the parse.
        if (
            end < len(self.doc)
            and self.doc[end].text == ")"
            and "(" in self.text[self.doc[start].idx : self.doc[end].idx]
        ):
            end += 1
        return start, end, resolve_from

    def _attaches(self, start: int, end: int) -> bool:
        # The attached phrase names a body, a group or a place the head belongs to.
        return any(
            m.entry.kind in _PROPER_KINDS or m.entry.kind == "role" and m.entry.role_kind == "strong"
            for i in range(start, end)
            if (m := self.match_at.get(i)) is not None
        ) or any(i in self.ent_at for i in range(start, end))

    def from_chunks(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        if not self.doc.has_annotation("DEP"):
            return out  # no parse (a blank pipeline): entities and vocabulary phrases only
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if not self.is_actor_chunk(chunk) or not self.free(chunk.start, chunk.end):
                continue
            start, end, resolve_from = self.chunk_span(chunk)
            if not self.free(start, end):
                end = min(i for i in range(start, end) if i in self.taken)
                if end <= root.i:
                    continue
            ref = self.resolve(resolve_from, end)
            if ref is None:
                continue
            if resolve_from < start:
                ref.text = self.text[
                    self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1].text)
                ]
                ref.char_start = self.doc[start].idx
                out.extend(self._owner_mention(resolve_from, start))
            out.append(self.mention(start, end, root.i, ref))
        return out

    def _owner_mention(self, start: int, end: int) -> Iterable[ActorMention]:
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        if end <= start or not self.free(start, end):
            return []
        if not any(i in self.ent_at or i in self.match_at for i in range(start, end)):
            return []
        ref = self.resolve(start, end)
        if ref is None:
            return []
        return [self.mention(start, end, end - 1, ref)]

    def from_entities(self) -> list[ActorMention]:
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_ENTS or not self.free(ent.start, ent.end):
                continue
            ref = self.resolve(ent.start, ent.end)
            if ref is None:
                continue
            if ref.country is None and ref.sector is None and ent.label_ in ("NORP", "GPE"):
                continue  # an unknown nationality or place is no actor
            out.append(self.mention(ent.start, ent.end, ent.root.i, ref))
        return out

    def from_matches(self) -> list[ActorMention]:
        out = []
        for m in self.matches:
            if m.entry.kind not in _PROPER_KINDS:
                continue
            start, end = self.toks[m.start].i, self.toks[m.end - 1].i + 1
            if not self.free(start, end):
                continue
            ref = self.resolve(start, end)
            if ref is not None:
                out.append(self.mention(start, end, end - 1, ref))
        return out

    def mention(self, start: int, end: int, head: int, ref: ActorRef) -> ActorMention:
        self.taken.update(range(start, end))
        if ref.rule.startswith(tuple(f"actors.{k}" for k in _PLACE_KINDS)) and ref.sector in ("GOV", "CVL"):
            if self.doc[head].dep_ not in _ACTING_DEPS:
                ref.sector = None  # a place here, not its government or people acting
                ref.confidence = round(ref.confidence * 0.8, 2)
        return ActorMention(start=start, end=end, ref=ref, head=head)

    # -- second pass ---------------------------------------------------------------------------------
    def fill_from_earlier(self, mentions: list[ActorMention]) -> None:
        """Coreference-lite: "Mohib" or "President Ghani" reuse the fullest earlier resolution."""
        by_name_token: dict[str, ActorMention] = {}
        for mention in mentions:
            ref = mention.ref
            name_tokens = _name_tokens(ref.name)
            if ref.rule.startswith(_PLACE_RULES):
                name_tokens = _name_tokens(ref.text)  # "Walker": the words, not the town's country
            earlier = _earlier_same_person(by_name_token, name_tokens)
            if earlier is not None and earlier is not mention:
                old = earlier.ref
                if ref.rule.startswith(_WEAK_RULES):
                    # The earlier, fuller mention of the person knows better than a guess from
                    # the bare name ("Walker" after "Alice Walker" is no town).
                    ref.country, ref.sector, ref.rule = None, None, "actors.name"
                if ref.country is None and old.country is not None:
                    ref.country = old.country
                    ref.rule += "+coref"
                if ref.sector is None and old.sector is not None:
                    ref.sector = old.sector
                ref.role = ref.role or old.role
                ref.name = old.name
            if name_tokens and ref.rule.split("+")[0] in ("actors.name", "actors.person", "actors.role"):
                for token in name_tokens:
                    current = by_name_token.get(token)
                    if current is None or _richness(mention.ref) > _richness(current.ref):
                        by_name_token[token] = mention

    def fill_from_roles(self, mentions: list[ActorMention]) -> None:
        """ "the Security Adviser" after "Hamdullah Mohib, National Security Adviser": a bare
        singular title refers to the last named person who held it."""
        holders: dict[str, ActorMention] = {}
        for mention in mentions:
            ref = mention.ref
            role_word = _role_word(ref.role)
            kind = ref.rule.split("+")[0]
            if role_word is None:
                continue
            if kind in ("actors.person", "actors.name"):
                holders[role_word] = mention
            elif kind == "actors.role" and not self.doc[mention.head].tag_.endswith("S"):
                holder = holders.get(role_word)
                if holder is not None and holder.ref.name:
                    ref.name = holder.ref.name
                    ref.country = ref.country or holder.ref.country
                    ref.sector = ref.sector or holder.ref.sector
                    ref.rule += "+coref_role"

    def fill_dominant_country(self, mentions: list[ActorMention]) -> None:
        counts = Counter(
            m.ref.country
            for m in mentions
            if m.ref.country and "context" not in m.ref.rule and "coref" not in m.ref.rule
        )
        if not counts:
            return
        dominant = counts.most_common(1)[0][0]
        for mention in mentions:
            ref = mention.ref
            if ref.country is not None or ref.sector in _NO_CONTEXT_SECTORS:
                continue
            if "coref" in ref.rule or ref.rule == "actors.name":
                # Resolved through an earlier mention: only the country is missing.
                ref.country, ref.rule = dominant, ref.rule + "+article_country"
                ref.confidence = round(max(0.1, ref.confidence - 0.2), 2)
                continue
            again = self.resolve(mention.start, mention.end, context=dominant)
            if again is not None and again.country is not None:
                ref.country = again.country
                ref.rule = again.rule.replace("+context", "+article_country")
                ref.confidence = again.confidence


def _role_word(role: str | None) -> str | None:
    """The head word of a role, spelling-normalised ("Advisor" = "adviser")."""
    if not role:
        return None
    word = role.split()[-1].lower()
    return {"advisor": "adviser", "spokeswoman": "spokesman", "spokesperson": "spokesman"}.get(word, word)


def _name_tokens(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    words = (w.strip(",.;:()'\"") for w in name.replace("’", "'").split())
    return frozenset(w.lower() for w in words if w[:1].isupper() and len(w) > 2)


def _earlier_same_person(by_token: dict[str, ActorMention], tokens: frozenset[str]) -> ActorMention | None:
    if not tokens:
        return None
    candidates = {id(m): m for t in tokens if (m := by_token.get(t)) is not None}
    for mention in candidates.values():
        if tokens <= _name_tokens(mention.ref.name):
            return mention
    return None


def _richness(ref: ActorRef) -> int:
    return (
        (ref.country is not None)
        + (ref.sector is not None)
        + (ref.role is not None)
        + len(ref.name or "") // 20
    )


def find_mentions(doc: Doc, resolver: ActorResolver, pub_date: str | None = None) -> list[ActorMention]:
    finder = _Finder(doc, resolver, pub_date)
    mentions = finder.from_chunks()
    mentions += finder.from_entities()
    mentions += finder.from_matches()
    mentions.sort(key=lambda m: m.start)
    finder.fill_from_earlier(mentions)
    finder.fill_from_roles(mentions)
    finder.fill_dominant_country(mentions)
    return mentions

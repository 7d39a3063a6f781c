"""Attribution rules over the dependency parse: cue, source and content as token ranges.

One pass over the tokens of each sentence; every rule reads only the parse that spaCy already
made (no second parse). The shapes follow PolNeAR's annotation (Newell et al., LREC 2018): the cue
keeps its auxiliaries, negation and adverbs ("has also called for"), the source is the whole
subject phrase (or a pronoun, resolved later), the content starts at the complementiser ("that
...") and direct quotes keep their quote marks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.quotes.lexicon import CueLexicon

TokenRange = tuple[int, int]  # [start, end) token indices

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Dependents of a cue verb that belong to the cue phrase when they stand right before it.
CUE_LEFT_DEPS = {"aux", "auxpass", "neg", "advmod"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
OBJECT_DEPS = {"dobj", "oprd", "attr"}
# Verbs whose object is the addressee, not the content ("told reporters that ...").
ADDRESSEE_VERBS = {"tell", "ask", "inform", "assure", "notify", "remind", "warn", "urge", "promise"}
EDGE_PUNCT = {",", ".", ";", ":", "-", "—", "–", "(", ")", "!", "?"}
QUOTE_CHARS = {'"', "“", "”", "``", "''", "‘", "’", "'"}


@dataclass(slots=True)
class Candidate:
    """One attribution in token coordinates (character spans are made by the component)."""

    cue: TokenRange
    cue_head: int
    source: TokenRange | None
    content: list[TokenRange]
    direct: bool
    rule: str
    confidence: float
    features: dict[str, str] = field(default_factory=dict)


def _runs(indices: Iterable[int]) -> list[TokenRange]:
    """Sorted token indices -> contiguous [start, end) runs."""
    runs: list[TokenRange] = []
    for i in sorted(set(indices)):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def trim(doc: Doc, start: int, end: int, keep_quotes: bool = True) -> TokenRange | None:
    """Drops punctuation and spaces at both edges (quote marks stay when keep_quotes)."""

    def droppable(tok: Token) -> bool:
        if tok.is_space:
            return True
        if tok.text in QUOTE_CHARS:
            return not keep_quotes
        return tok.text in EDGE_PUNCT or (tok.is_punct and tok.text not in QUOTE_CHARS)

    while start < end and droppable(doc[start]):
        start += 1
    while end > start and droppable(doc[end - 1]):
        end -= 1
    # A closing bracket stays when its opener is inside ("Council (ONSC)").
    if end < len(doc) and doc[end].text == ")" and any(doc[i].text == "(" for i in range(start, end)):
        end += 1
    return (start, end) if start < end else None


def content_runs(doc: Doc, indices: Iterable[int]) -> list[TokenRange]:
    out = []
    for s, e in _runs(indices):
        trimmed = trim(doc, s, e)
        if trimmed:
            out.append(trimmed)
    return out


def subtree_range(tok: Token) -> TokenRange:
    return tok.left_edge.i, tok.right_edge.i + 1


def cue_range(verb: Token, extra_right: Token | None = None) -> TokenRange:
    """The cue verb with the auxiliaries, negation and adverbs right before it."""
    start = verb.i
    left = sorted((c for c in verb.lefts if c.dep_ in CUE_LEFT_DEPS), key=lambda t: -t.i)
    for child in left:
        # Only a contiguous chain: "has also said", not "Yesterday, he said".
        if child.i == start - 1 and child.right_edge.i == child.i:
            start = child.i
    end = verb.i + 1
    if extra_right is not None and extra_right.i >= end:
        end = extra_right.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end


def source_range(doc: Doc, verb: Token) -> tuple[TokenRange | None, str]:
    """The subject phrase of a cue verb, borrowed from the governing verb for participles and
    conjuncts ("..., saying", "said and added")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.dep_ == "nsubjpass":
                agent = _agent(verb)
                if agent is not None:
                    return trim(doc, *subtree_range(agent), keep_quotes=False), "agent"
            return trim(doc, *subtree_range(child), keep_quotes=False), child.dep_
    head = verb.head
    if verb.dep_ in {"conj", "advcl", "xcomp"} and head is not verb and head.pos_ in {"VERB", "AUX"}:
        for child in head.children:
            if child.dep_ == "nsubj":
                return trim(doc, *subtree_range(child), keep_quotes=False), "borrowed"
    if verb.dep_ == "relcl" and head is not verb:
        return (head.i, head.i + 1), "relcl"
    return None, ""


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _complement(verb: Token, lex: CueLexicon) -> tuple[list[Token], Token | None, str]:
    """The content dependents of a cue verb, the preposition joined to the cue, and the rule."""
    lemma = verb.lemma_.lower()
    clauses = [c for c in verb.rights if c.dep_ in CLAUSE_DEPS]
    objects = [c for c in verb.rights if c.dep_ in OBJECT_DEPS or c.dep_ == "dative"]
    if clauses:
        parts = [c for c in objects if c.dep_ != "dative" and lemma not in ADDRESSEE_VERBS]
        if any(c.dep_ == "xcomp" for c in clauses) and lemma in ADDRESSEE_VERBS:
            # "urged Congress to act": the addressee is part of what is urged.
            parts = [c for c in objects if c.dep_ != "dative"]
        return parts + clauses, None, "clause"
    preps = lex.prepositions(lemma)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
            if pobj:
                return [*objects, *pobj] if lemma == "call" and objects else pobj, child, "prep"
    if lemma in lex.np_content and objects:
        content = [c for c in objects if c.dep_ != "dative"] or objects
        oprd = [c for c in verb.rights if c.dep_ in {"oprd", "xcomp", "acomp"}]
        return content + oprd, None, "object"
    return [], None, ""


def verb_candidate(doc: Doc, verb: Token, lex: CueLexicon) -> Candidate | None:
    parts, prep, rule = _complement(verb, lex)
    indices: set[int] = set()
    if parts:
        for part in parts:
            indices.update(range(*subtree_range(part)))
    elif verb.head is not verb and (
        verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i < verb.i)
    ):
        # "The plan, Andar said, is ..." / "“We will win,” he said": the governing clause minus
        # the cue's own clause is the content.
        own = set(range(*subtree_range(verb)))
        indices = set(range(*subtree_range(verb.head))) - own
        rule = "inverted"
    elif verb.dep_ == "ROOT" and any(c.dep_ in {"parataxis", "ccomp"} and c.i < verb.i for c in verb.children):
        clause = next(c for c in verb.children if c.dep_ in {"parataxis", "ccomp"} and c.i < verb.i)
        indices = set(range(*subtree_range(clause)))
        rule = "fronted"
    if not indices:
        return None
    content = content_runs(doc, indices)
    if not content:
        return None
    source, source_rule = source_range(doc, verb)
    cue = cue_range(verb, prep)
    return Candidate(
        cue=cue,
        cue_head=verb.i,
        source=source,
        content=content,
        direct=False,
        rule=f"verb.{rule}",
        confidence=0.7,
        features={"lemma": verb.lemma_.lower(), "rule": rule, "source": source_rule},
    )


def according_candidate(doc: Doc, sent: Span, tok: Token) -> Candidate | None:
    """"According to X, Y" / "Y, according to X": cue "according to", source X, content Y."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        to = nxt
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    source = trim(doc, *subtree_range(pobj), keep_quotes=False) if pobj is not None else None
    own = set(range(tok.left_edge.i, max(tok.right_edge.i, to.right_edge.i) + 1))
    clause = tok.head if tok.head is not tok else sent.root
    if clause.dep_ in {"prep", "agent"} or clause.pos_ in {"ADP"}:
        clause = sent.root
    indices = set(range(*subtree_range(clause))) - own if clause is not tok else set()
    if not indices:
        indices = set(range(sent.start, sent.end)) - own
    content = content_runs(doc, indices)
    if not content:
        return None
    return Candidate(
        cue=(tok.i, to.i + 1),
        cue_head=tok.i,
        source=source,
        content=content,
        direct=False,
        rule="according_to",
        confidence=0.9,
        features={"lemma": "according to", "rule": "according", "source": "pobj"},
    )


def noun_candidate(doc: Doc, noun: Token) -> Candidate | None:
    """"the claim that ...", "his statement that ..." (noun cues with a clausal complement)."""
    clause = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp", "relcl"} and _has_that(c)), None)
    if clause is None:
        return None
    content = content_runs(doc, range(*subtree_range(clause)))
    if not content:
        return None
    source = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = trim(doc, *subtree_range(child), keep_quotes=False)
    return Candidate(
        cue=(noun.i, noun.i + 1),
        cue_head=noun.i,
        source=source,
        content=content,
        direct=False,
        rule="noun.that",
        confidence=0.6,
        features={"lemma": noun.lemma_.lower(), "rule": "noun", "source": "poss" if source else ""},
    )


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) or (
        clause.left_edge.lower_ == "that"
    )


def sentence_candidates(doc: Doc, sent: Span, lex: CueLexicon) -> list[Candidate]:
    found: list[Candidate] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            cand = according_candidate(doc, sent, tok)
        elif tok.pos_ in {"VERB", "AUX"} and lemma in lex.verbs:
            cand = verb_candidate(doc, tok, lex)
        elif tok.pos_ == "NOUN" and lemma in lex.nouns:
            cand = noun_candidate(doc, tok)
        else:
            continue
        if cand is not None:
            found.append(cand)
    return found

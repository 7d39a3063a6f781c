"""Features of the learned attribution model, shared by training (train.py) and inference.

Two decisions are learned from PolNeAR's train split:
- cue: is this token the head of an attribution cue? (binary, one example per candidate token)
- role: for a cue, is this syntactic node (a dependent's subtree, the governing clause, the
  governor's subject) the source, the content, or neither? (three classes)
Features are plain strings read off the existing parse (never a second parse): role features
index a weight table, cue features are hashed into the cue network (model.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.table import TokenTable

# Parts of speech that head PolNeAR cues (verbs, nouns "statement", adjectives "critical of",
# prepositions "according to", "in a poll"); other tokens are never scored.
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"})
CUE_PUNCT = frozenset({":", "—", "―", "--", "–"})
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
ROLES = ("none", "source", "content")


def is_cue_candidate(tok: Token) -> bool:
    return tok.pos_ in CUE_POS or tok.text in CUE_PUNCT


def is_candidate_at(table: TokenTable, i: int) -> bool:
    return table.pos[i] in CUE_POS or table.text[i] in CUE_PUNCT


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else "8+")


FRAME_LEMMA_DEPS = frozenset({"acomp", "attr", "xcomp", "dobj", "oprd"})
NEAR = 3  # tokens either side that count as "next to a quote mark"


@dataclass(frozen=True, slots=True)
class DocContext:
    """Per-token facts computed once per Doc, so candidate features never re-scan the Doc."""

    table: TokenTable
    in_quote: list[bool]  # inside a quotation
    sent_quote: list[bool]  # the token's sentence holds a quote mark
    near_quote: list[bool]  # a quote mark within NEAR tokens
    sent_start: list[int]  # first token of the token's sentence
    sent_end: list[int]  # the token after its sentence


def doc_context(doc: Doc, table: TokenTable, in_quote: list[bool]) -> DocContext:
    n = len(table)
    marks = [t in QUOTE_MARKS for t in table.text]
    sent_quote = [False] * n
    sent_start = [0] * n
    sent_end = [0] * n
    for sent in doc.sents:
        size = sent.end - sent.start
        sent_start[sent.start : sent.end] = [sent.start] * size
        sent_end[sent.start : sent.end] = [sent.end] * size
        if any(marks[i] or in_quote[i] for i in range(sent.start, sent.end)):
            sent_quote[sent.start : sent.end] = [True] * size
    near = [False] * n
    for i, mark in enumerate(marks):
        if mark:
            for j in range(max(0, i - NEAR), min(n, i + NEAR + 1)):
                near[j] = j != i or near[j]
    return DocContext(table, in_quote, sent_quote, near, sent_start, sent_end)


def cue_features(tok: Token, ctx: DocContext, lex: CueLexicon) -> list[str]:
    """Features of one candidate token (lexical, syntactic frame, quotation context)."""
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    dep = tok.dep_
    head = tok.head
    i = tok.i
    in_quote = ctx.in_quote[i]
    children = [c for c in tok.children if c.dep_ != "punct"]
    child_deps = sorted({c.dep_ for c in children})
    feats = [
        "b",
        f"l={lemma}",
        f"w={tok.lower_}",
        f"p={pos}",
        f"t={tok.tag_}",
        f"d={dep}",
        f"l|p={lemma}|{pos}",
        f"l|d={lemma}|{dep}",
        f"l|t={lemma}|{tok.tag_}",
        f"p|d={pos}|{dep}",
        f"hl={head.lemma_.lower() if head is not tok else '<root>'}",
        f"hp={head.pos_}|{dep}",
        f"d|hl={dep}|{head.lemma_.lower() if head is not tok else '<root>'}",
        f"suf={tok.lower_[-3:]}|{pos}",
        f"q={int(in_quote)}|{int(ctx.sent_quote[i])}",
        f"l|q={lemma}|{int(in_quote)}",
        f"nc={_bucket(len(child_deps))}",
    ]
    if lemma in lex.verbs and pos in {"VERB", "AUX"}:
        feats.append("lex=verb")
    elif lemma in lex.nouns and pos == "NOUN":
        feats.append("lex=noun")
    for cdep in child_deps:
        feats.append(f"c={cdep}")
        feats.append(f"l|c={lemma}|{cdep}")
        feats.append(f"p|c={pos}|{cdep}")
    frame = "+".join(
        d for d in child_deps if d in {"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "agent"}
    )
    feats.append(f"fr={frame}")
    feats.append(f"l|fr={lemma}|{frame}")
    for child in children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            feats.append(f"subj={child.lower_ if child.pos_ == 'PRON' else child.pos_}")
            feats.append(
                f"l|subj={lemma}|{child.lower_ if child.pos_ == 'PRON' else child.ent_type_ or child.pos_}"
            )
        elif child.dep_ == "prep":
            feats.append(f"l|prep={lemma}|{child.lower_}")
        if child.dep_ in FRAME_LEMMA_DEPS:
            # The complement's word decides copulas and light verbs ("is [aware]", "made [clear]").
            feats.append(f"cl={child.dep_}={child.lemma_.lower()}")
            feats.append(f"l|cl={lemma}|{child.dep_}={child.lemma_.lower()}")
        elif child.dep_ == "mark" or (
            child.dep_ == "ccomp" and child.left_edge.lower_ in {"that", "whether", "if"}
        ):
            feats.append(f"l|that={lemma}|{child.left_edge.lower_}")
    feats += frame_features(tok, children, lex)
    where = "first" if i - ctx.sent_start[i] < 3 else ("last" if ctx.sent_end[i] - i < 4 else "mid")
    feats.append(f"at={where}|{pos}")
    closed = ctx.table.closed
    prev_w = closed[i - 1] if i > 0 else "<s>"
    next_w = closed[i + 1] if i + 1 < len(closed) else "</s>"
    # Neighbouring words only as closed-class words or tags: open-class neighbours memorise.
    feats.append(f"pw={prev_w}")
    feats.append(f"nw={next_w}")
    feats.append(f"l|nw={lemma}|{next_w}")
    feats.append(f"l|pw={lemma}|{prev_w}")
    if prev_w in QUOTE_MARKS or prev_w == ",":
        feats.append(f"after={prev_w in QUOTE_MARKS}|{pos}")
    # A quote mark within three tokens: "...,” he [said]" / "[said]: “...".
    if ctx.near_quote[i]:
        feats.append(f"qnear={pos}")
        feats.append(f"l|qnear={lemma}")
    if tok.text in CUE_PUNCT and i > 0:
        # "NAME: text" headlines and transcripts: what stands before the mark.
        prev = tok.doc[i - 1]
        feats.append(f"punct={tok.text}|{_bucket(i - tok.sent.start)}|{prev.pos_}")
        feats.append(f"punct_ent={prev.ent_type_}")
    return feats


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl"})
OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "xcomp", "prep", "oprd"})
OPENER_POS = frozenset({"SCONJ", "ADP", "PART", "PRON", "DET"})


def frame_features(tok: Token, children: list[Token], lex: CueLexicon) -> list[str]:
    """Lemma-free frame features, so that a rare cue lemma is judged by its company: who the
    subject is (a PERSON/ORG, "officials"), what clause it governs ("that ...", "to ..."), where
    it hangs (chain of dependencies), whether a known cue word is its object, governor or
    complement ("made a statement", "began to say"). (cue_features adds where it stands in the
    sentence.)
    On the PolNeAR dev split the network's cue-head F1 went 0.781 -> 0.787 with them (end to end
    cue F1 0.744 -> 0.747, source 0.783 -> 0.788), within the spread of training seeds (+-0.003)
    but never worse in the ablations (each group alone +0.000 to +0.005)."""
    pos = tok.pos_
    dep = tok.dep_
    lemma = tok.lemma_.lower()
    feats = []
    for child in children:
        cdep = child.dep_
        if cdep in SUBJECT_DEPS:
            ent = child.ent_type_ or ("PRON" if child.pos_ == "PRON" else child.pos_)
            feats.append(f"subjent={ent}|{pos}")
            feats.append(f"subjent|d={ent}|{dep}")
            if child.pos_ == "NOUN":
                feats.append(f"subjn={child.lemma_.lower()}")
        if cdep in CLAUSE_DEPS:
            first = child.left_edge
            opener = first.lower_ if first.pos_ in OPENER_POS else first.pos_
            feats.append(f"clause={cdep}|{opener}|{pos}")
            feats.append(f"clause|subj={cdep}|{any(g.dep_ in SUBJECT_DEPS for g in child.children)}|{pos}")
        if cdep in OBJECT_DEPS:
            clemma = child.lemma_.lower()
            if clemma in lex.nouns:
                feats.append(f"objlex={cdep}")
            for grand in child.children:
                if grand.dep_ == "pobj":
                    feats.append(f"prep_pobj={lemma}|{clemma}|{grand.ent_type_ or grand.pos_}")
        if cdep in {"xcomp", "ccomp", "conj"} and child.lemma_.lower() in lex.verbs:
            feats.append(f"kidlex={cdep}")
    head = tok.head
    feats.append(f"chain={dep}|{head.dep_}|{head.pos_}")
    if head is not tok and head.head is not head:
        feats.append(f"chain2={dep}|{head.dep_}|{head.head.lemma_.lower()}")
    head_lemma = head.lemma_.lower()
    if head is not tok and (head_lemma in lex.verbs or head_lemma in lex.nouns):
        feats.append(f"headlex={dep}|{pos}")
    return feats


@dataclass(slots=True)
class Node:
    """A candidate role filler for a cue: a set of tokens and how it hangs off the cue."""

    kind: str  # child / cuechild / gov / gsubj
    dep: str
    anchor: Token  # the node's syntactic head
    tokens: list[int]


def role_nodes(doc: Doc, head: Token, cue: set[int]) -> list[Node]:
    """Subtrees that may fill the source or content of the cue headed by `head`."""
    nodes: list[Node] = []
    for x in sorted(cue):
        for child in doc[x].children:
            if child.i in cue or child.dep_ == "punct":
                continue
            kind = "child" if x == head.i else "cuechild"
            toks = [t.i for t in child.subtree if t.i not in cue]
            nodes.append(Node(kind, child.dep_, child, toks))
    gov = head.head
    if gov is not head and gov.i not in cue:
        own = {t.i for t in head.subtree}
        toks = [t.i for t in gov.subtree if t.i not in own and t.i not in cue]
        if toks:
            nodes.append(Node("gov", head.dep_, gov, toks))
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            for child in gov.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.i not in own:
                    nodes.append(Node("gsubj", head.dep_, child, [t.i for t in child.subtree]))
    return nodes


def node_features(node: Node, head: Token, in_quote: bool) -> list[str]:
    lemma = head.lemma_.lower()
    anchor = node.anchor
    side = "L" if anchor.i < head.i else "R"
    first = head.doc[node.tokens[0]] if node.tokens else anchor
    kd = f"{node.kind}:{node.dep}"
    return [
        "b",
        f"k={kd}",
        f"k|s={kd}|{side}",
        f"k|l={kd}|{lemma}",
        f"k|hp={kd}|{head.pos_}",
        f"k|hd={kd}|{head.dep_}",
        f"k|ap={kd}|{anchor.pos_}",
        f"k|aw={kd}|{anchor.lower_ if anchor.pos_ in {'PRON', 'ADP', 'SCONJ', 'DET'} else anchor.pos_}",
        f"k|f={kd}|{first.lower_ if first.pos_ in {'PRON', 'ADP', 'SCONJ', 'DET', 'PUNCT'} else first.pos_}",
        f"k|n={kd}|{_bucket(len(node.tokens))}",
        f"k|q={kd}|{int(in_quote)}",
        f"k|l|s={kd}|{lemma}|{side}",
        f"k|ae={kd}|{anchor.ent_type_}",
    ]

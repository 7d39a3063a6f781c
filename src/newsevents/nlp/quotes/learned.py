"""Attributions from the learned model: cue heads, cue phrases, and source/content nodes.

Used the same way by inference (extract.py) and by training (train.py), so what the model learns
is exactly what it is asked at run time.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.nlp.quotes.features import (
    CUE_PUNCT,
    DocContext,
    Node,
    cue_features,
    is_candidate_at,
    node_features,
    role_nodes,
)
from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.model import AttributionModel
from newsevents.nlp.quotes.spans import Candidate, content_runs, trim

FUNCTION_POS = frozenset({"ADP", "PART", "ADV", "AUX", "DET", "SCONJ", "CCONJ", "PRON"})


def extension_keys(head: Token, child: Token, side: str) -> list[str]:
    """Table keys for "does this dependent join the cue phrase", most specific first. Sides: L
    (left of the head), R (right of it), M (right of it and before the content: PolNeAR's cues
    take the adjuncts between verb and content, "said Sunday that", "said in a statement that")."""
    word = child.lower_ if child.pos_ in FUNCTION_POS else child.pos_
    lemma = head.lemma_.lower()
    return [
        f"{lemma}|{child.dep_}|{side}|{word}",
        f"{head.pos_}|{child.dep_}|{side}|{word}",
        f"{child.dep_}|{side}|{word}",
        f"{child.dep_}|{side}",
    ]


def cue_tokens(head: Token, model: AttributionModel) -> set[int]:
    """The cue phrase around its head: adjacent dependents the table says belong to it."""
    cue = {head.i}
    lo = hi = head.i
    for child in sorted((c for c in head.lefts), key=lambda t: -t.i):
        if child.dep_ == "punct" or child.right_edge.i != lo - 1:
            break
        decision = model.extension(extension_keys(head, child, "L"))
        if decision == "subtree":
            lo = child.left_edge.i
            cue.update(range(lo, head.i))
        elif decision == "token" and child.left_edge.i == child.i:
            lo = child.i
            cue.add(child.i)
        else:
            break
    for child in sorted(head.rights, key=lambda t: t.i):
        if child.dep_ == "punct" or child.left_edge.i != hi + 1:
            break
        decision = model.extension(extension_keys(head, child, "R"))
        if decision == "subtree":
            hi = child.right_edge.i
            cue.update(range(head.i, hi + 1))
        elif decision == "token":
            hi = child.i
            cue.add(child.i)
        else:
            break
    return cue


def _range(tokens: set[int]) -> tuple[int, int]:
    return min(tokens), max(tokens) + 1


def extend_to_content(head: Token, cue: set[int], taken: set[int], model: AttributionModel) -> None:
    """Grows the cue rightwards over adjuncts that stand between it and a following content."""
    if not taken:
        return
    content_start = min(taken)
    hi = max(cue)
    if content_start <= hi:
        return
    for child in sorted(head.rights, key=lambda t: t.i):
        if child.i <= hi:
            continue
        if child.dep_ == "punct" or child.left_edge.i != hi + 1 or child.right_edge.i >= content_start:
            break
        sub = range(child.left_edge.i, child.right_edge.i + 1)
        if any(i in taken for i in sub):
            break
        decision = model.extension(extension_keys(head, child, "M"))
        if decision == "subtree":
            hi = child.right_edge.i
            cue.update(sub)
        elif decision == "token" and child.left_edge.i == child.i:
            hi = child.i
            cue.add(child.i)
        else:
            break


def label_attribution(doc: Doc, mark: Token, prob: float) -> Candidate:
    """ "Bill Clinton: Hillary ‘Better Qualified’" / "TAPPER: Do you think ...": in headlines and
    transcripts a short name before a colon or dash is the source and the rest of the sentence
    the content. Anything longer before the mark is not a speaker label: no attribution."""
    sent = mark.sent
    label = [t for t in doc[sent.start : mark.i] if not t.is_space]
    is_name = 0 < len(label) <= MAX_LABEL_TOKENS and all(t.pos_ in LABEL_POS for t in label)
    source = trim(doc, sent.start, mark.i, keep_quotes=False) if is_name else None
    content = trim(doc, mark.i + 1, sent.end) if source else None
    return Candidate(
        cue=(mark.i, mark.i + 1),
        cue_head=mark.i,
        source=source,
        content=[content] if content else [],
        direct=False,
        rule="learned.label",
        confidence=round(prob, 3),
    )


MAX_LABEL_TOKENS = 5
LABEL_POS = frozenset({"PROPN", "NOUN", "PUNCT", "DET", "ADP"})


def attribution_for(
    doc: Doc, head: Token, prob: float, model: AttributionModel, in_quote: list[bool]
) -> Candidate:
    """Cue, source and content for one cue head. The content may come back empty: a direct quote in
    a sentence of its own ("“...,” Trump said.") is joined by extract.py."""
    if head.text in CUE_PUNCT:
        return label_attribution(doc, head, prob)
    cue = cue_tokens(head, model)
    nodes = role_nodes(doc, head, cue)
    scored: list[tuple[Node, tuple[float, float, float]]] = [
        (node, model.role_probabilities(node_features(node, head, in_quote[head.i]))) for node in nodes
    ]
    content_idx: set[int] = set()
    for node, probs in scored:
        if probs[2] >= model.content_threshold and probs[2] >= probs[1]:
            content_idx.update(node.tokens)
    source = None
    best = model.source_threshold
    for node, probs in scored:
        if probs[1] >= best and probs[1] > probs[2] and not (set(node.tokens) & content_idx):
            best = probs[1]
            source = trim(doc, min(node.tokens), max(node.tokens) + 1, keep_quotes=False)
    content = content_runs(doc, content_idx)
    if content:
        source_idx = set(range(*source)) if source else set()
        extend_to_content(head, cue, {i for s, e in content for i in range(s, e)} | source_idx, model)
    return Candidate(
        cue=_range(cue),
        cue_head=head.i,
        source=source,
        content=content,
        direct=False,
        rule=f"learned.{head.lemma_.lower()}",
        confidence=round(prob, 3),
    )


def cue_heads(
    doc: Doc,
    lex: CueLexicon,
    model: AttributionModel,
    ctx: DocContext,
    ids_cache: dict[str, int] | None = None,
) -> list[tuple[int, float]]:
    """(token index, probability) of every token the model takes for a cue head, in text order.

    Lemmas that were (almost) never cues in training are skipped unless the lexicon lists them;
    the other candidates of the Doc are scored in one vectorised call."""
    candidates: list[int] = []
    rows: list[list[str]] = []
    skip = model.skip_lemmas
    table = ctx.table
    for i, lemma in enumerate(table.lemma):
        if not is_candidate_at(table, i):
            continue
        if lemma in skip and lemma not in lex.verbs and lemma not in lex.nouns:
            continue
        candidates.append(i)
        rows.append(cue_features(doc[i], ctx, lex))
    probs = model.cue_probabilities(rows, ids_cache)
    return [(i, float(p)) for i, p in zip(candidates, probs, strict=True) if p >= model.cue_threshold]


def attributions(
    doc: Doc,
    lex: CueLexicon,
    model: AttributionModel,
    ctx: DocContext,
    ids_cache: dict[str, int] | None = None,
) -> list[Candidate]:
    """One candidate per cue head; a token already inside an earlier cue phrase heads none."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for i, prob in cue_heads(doc, lex, model, ctx, ids_cache):
        if i in taken:
            continue
        cand = attribution_for(doc, doc[i], prob, model, ctx.in_quote)
        taken.update(range(*cand.cue))
        found.append(cand)
    return found

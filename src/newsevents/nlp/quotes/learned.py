"""Attributions from the learned model: cue heads, cue phrases, and source/content nodes.

Used the same way by inference (extract.py) and by training (train.py), so what the model learns
is exactly what it is asked at run time.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.quotes.features import (
    QUOTE_MARKS,
    Node,
    cue_features,
    is_cue_candidate,
    node_features,
    role_nodes,
)
from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.model import AttributionModel
from newsevents.nlp.quotes.rules import Candidate, content_runs, trim

FUNCTION_POS = frozenset({"ADP", "PART", "ADV", "AUX", "DET", "SCONJ", "CCONJ", "PRON"})


def extension_keys(head: Token, child: Token, side: str) -> list[str]:
    """Table keys for "does this dependent join the cue phrase", most specific first."""
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


def attribution_for(
    doc: Doc, head: Token, prob: float, model: AttributionModel, in_quote: list[bool]
) -> Candidate:
    """Cue, source and content for one cue head. The content may come back empty: a direct quote in
    a sentence of its own ("“...,” Trump said.") is joined by extract.py; None when nothing fits."""
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
    return Candidate(
        cue=_range(cue),
        cue_head=head.i,
        source=source,
        content=content,
        direct=False,
        rule=f"learned.{head.lemma_.lower()}",
        confidence=round(prob, 3),
    )


def sentence_attributions(
    doc: Doc, sent: Span, lex: CueLexicon, model: AttributionModel, in_quote: list[bool]
) -> list[Candidate]:
    sent_has_quote = any(in_quote[i] or doc[i].text in QUOTE_MARKS for i in range(sent.start, sent.end))
    found: list[Candidate] = []
    taken: set[int] = set()
    for tok in sent:
        if not is_cue_candidate(tok) or tok.i in taken:
            continue
        prob = model.cue_probability(cue_features(tok, in_quote[tok.i], sent_has_quote, lex))
        if prob < model.cue_threshold:
            continue
        cand = attribution_for(doc, tok, prob, model, in_quote)
        taken.update(range(*cand.cue))
        found.append(cand)
    return found

"""Doc-level attribution extraction: rule candidates per sentence, joined with quotations.

A direct quote's marks hang off the cue in the parse, and a quote may run over sentences
("“A. B,” she said."), so after the per-sentence rules each candidate whose content touches a
quotation takes the whole quotation as its content. A cue followed by a colon takes the quotation
that follows it ("Clinton said: “...”"), and consecutive quotations in the same paragraph with no
cue of their own join it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.nlp.quotes.learned import sentence_attributions
from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.model import AttributionModel
from newsevents.nlp.quotes.quotation import Quotation, find_quotations, quotation_index
from newsevents.nlp.quotes.rules import Candidate, TokenRange


def _merge_ranges(ranges: list[TokenRange]) -> list[TokenRange]:
    out: list[TokenRange] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _attach_quotations(doc: Doc, cand: Candidate, quotes: list[Quotation], q_index: list[int]) -> set[int]:
    """Widens a candidate's content to the quotations it touches; returns their indices."""
    touched: set[int] = set()
    cue_quote = q_index[cand.cue_head]
    for s, e in cand.content:
        for i in range(s, e):
            q = q_index[i]
            if q >= 0 and q != cue_quote:
                touched.add(q)
    if not touched and cue_quote < 0:
        # "Clinton said: “...”" / "..., he said. “...”": the quotation right after the cue phrase.
        nxt = cand.cue[1]
        while nxt < len(doc) and (doc[nxt].is_space or doc[nxt].text in {":", ","}):
            nxt += 1
        if nxt < len(doc) and q_index[nxt] >= 0 and doc[cand.cue[1]].text == ":":
            touched.add(q_index[nxt])
    if not touched:
        return touched
    ranges = list(cand.content)
    for q in touched:
        ranges.append((quotes[q].start, quotes[q].end))
    merged = _merge_ranges(ranges)
    # The cue and source never lie inside their own content.
    cut = [cand.cue] + ([cand.source] if cand.source else [])
    cand.content = _subtract(merged, cut)
    cand.direct = True
    return touched


def _subtract(ranges: list[TokenRange], cuts: list[TokenRange]) -> list[TokenRange]:
    out = ranges
    for cs, ce in cuts:
        nxt: list[TokenRange] = []
        for s, e in out:
            if ce <= s or cs >= e:
                nxt.append((s, e))
                continue
            if s < cs:
                nxt.append((s, cs))
            if ce < e:
                nxt.append((ce, e))
        out = nxt
    return out


def extract_candidates(doc: Doc, lex: CueLexicon, model: AttributionModel) -> list[tuple[int, Candidate]]:
    """(sentence index, candidate) for every attribution found in the Doc, in text order."""
    quotes = find_quotations(doc)
    q_index = quotation_index(quotes, len(doc))
    in_quote = [q >= 0 for q in q_index]
    found: list[tuple[int, Candidate]] = []
    for sent_index, sent in enumerate(doc.sents):
        for cand in sentence_attributions(doc, sent, lex, model, in_quote):
            _attach_quotations(doc, cand, quotes, q_index)
            found.append((sent_index, cand))
    return found

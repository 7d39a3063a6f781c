"""Doc-level attribution extraction: learned candidates per sentence, joined with quotations.

A direct quote's marks hang off the cue in the parse, and a quote may run over sentences or be cut
by the sentence splitter ("“A. B,” she said." / "“...,”" + "Trump said."), so after the
per-sentence model:
1. a candidate whose content touches a quotation takes the whole quotation;
2. a candidate with no content takes the quotation right before it ("“...,” Trump said.") or
   right after it ("Clinton said: “...”"), or, after a paragraph-final colon, the next paragraph;
3. a direct quote continues into the following quotations of the same paragraph that no other
   cue claims ("“A,” she said. “B.”" is one attribution with two content fragments).
Candidates left without content are dropped (PolNeAR has no content-less attributions to speak of).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.nlp.quotes.learned import sentence_attributions
from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.model import AttributionModel
from newsevents.nlp.quotes.quotation import Quotation, find_quotations, quotation_index
from newsevents.nlp.quotes.rules import Candidate, TokenRange, trim

# Tokens that may stand between a quotation and its cue phrase ("“...,” said", "said: “...”").
GLUE = frozenset({",", ":", "—", "–", "-", "--", ".", ";"})


def _merge_ranges(ranges: list[TokenRange]) -> list[TokenRange]:
    out: list[TokenRange] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


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


def paragraph_ids(doc: Doc) -> list[int]:
    """Paragraph number of every token (a newline in whitespace starts the next paragraph)."""
    ids = [0] * len(doc)
    current = 0
    for tok in doc:
        ids[tok.i] = current
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            current += 1
    return ids


class _Joiner:
    """Assigns quotations to candidates; each quotation goes to one candidate (text order)."""

    def __init__(self, doc: Doc, quotes: list[Quotation]) -> None:
        self.doc = doc
        self.quotes = quotes
        self.q_index = quotation_index(quotes, len(doc))
        self.para = paragraph_ids(doc)
        self.claimed: dict[int, int] = {}

    def _only_glue(self, start: int, end: int) -> bool:
        return all(self.doc[i].is_space or self.doc[i].text in GLUE for i in range(start, end))

    def _claim(self, cand_id: int, cand: Candidate, q: int) -> bool:
        if self.claimed.get(q, cand_id) != cand_id:
            return False
        self.claimed[q] = cand_id
        quote = self.quotes[q]
        cuts = [cand.cue] + ([cand.source] if cand.source else [])
        cand.content = _subtract(_merge_ranges([*cand.content, (quote.start, quote.end)]), cuts)
        cand.direct = True
        return True

    def touched(self, cand_id: int, cand: Candidate) -> None:
        own = self.q_index[cand.cue_head]
        hit = {self.q_index[i] for s, e in cand.content for i in range(s, e)} - {-1, own}
        for q in sorted(hit):
            self._claim(cand_id, cand, q)

    def adjacent(self, cand_id: int, cand: Candidate) -> None:
        """Content for a cue whose parse offered none: a quotation right before or after it."""
        phrase_start = min(cand.cue[0], cand.source[0]) if cand.source else cand.cue[0]
        phrase_end = max(cand.cue[1], cand.source[1]) if cand.source else cand.cue[1]
        for q, quote in enumerate(self.quotes):
            before = quote.end <= phrase_start and self._only_glue(quote.end, phrase_start)
            after = quote.start >= phrase_end and self._only_glue(phrase_end, quote.start)
            same_para = self.para[quote.start] == self.para[cand.cue_head] or (
                after and self.doc[phrase_end].text == ":"
            )
            if (before or after) and same_para and self._claim(cand_id, cand, q):
                return
        self._colon_paragraph(cand)

    def _colon_paragraph(self, cand: Candidate) -> None:
        """"Hewitt writes:" closing a paragraph: the next paragraph is what was written."""
        doc = self.doc
        end = cand.cue[1] if not cand.source else max(cand.cue[1], cand.source[1])
        i = end
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i >= len(doc) or doc[i].text != ":":
            return
        start = i + 1
        while start < len(doc) and doc[start].is_space:
            start += 1
        if start >= len(doc) or self.para[start] == self.para[i]:
            return
        stop = start
        while stop < len(doc) and self.para[stop] == self.para[start]:
            stop += 1
        span = trim(doc, start, stop)
        if span is not None:
            cand.content = [span]

    def continuation(self, cand_id: int, cand: Candidate, cue_heads: set[int]) -> None:
        """Following quotations of the same paragraph that no other cue claims."""
        last = max(e for _, e in cand.content)
        para = self.para[cand.cue_head]
        for q, quote in enumerate(self.quotes):
            if quote.start < last or q in self.claimed:
                continue
            if self.para[quote.start] != para:
                break
            between = range(last, quote.start)
            gap_ok = all(i in range(*cand.cue) or self._gap_token(i, cand) for i in between)
            inside_cue = any(quote.start <= h < quote.end for h in cue_heads)
            sent = self.doc[quote.start].sent
            other_cue = any(h not in range(*cand.cue) and sent.start <= h < sent.end for h in cue_heads)
            if not gap_ok or inside_cue or other_cue:
                break
            self._claim(cand_id, cand, q)
            last = quote.end

    def _gap_token(self, i: int, cand: Candidate) -> bool:
        tok = self.doc[i]
        in_source = cand.source is not None and cand.source[0] <= i < cand.source[1]
        return tok.is_space or tok.is_punct or in_source


def extract_candidates(doc: Doc, lex: CueLexicon, model: AttributionModel) -> list[tuple[int, Candidate]]:
    """(sentence index, candidate) for every attribution found in the Doc, in text order."""
    quotes = find_quotations(doc)
    joiner = _Joiner(doc, quotes)
    in_quote = [q >= 0 for q in joiner.q_index]
    found: list[tuple[int, Candidate]] = []
    for sent_index, sent in enumerate(doc.sents):
        for cand in sentence_attributions(doc, sent, lex, model, in_quote):
            found.append((sent_index, cand))
    for cand_id, (_, cand) in enumerate(found):
        if cand.content:
            joiner.touched(cand_id, cand)
    for cand_id, (_, cand) in enumerate(found):
        if not cand.content:
            joiner.adjacent(cand_id, cand)
    heads = {cand.cue_head for _, cand in found if cand.content}
    for cand_id, (_, cand) in enumerate(found):
        if cand.direct and cand.content:
            joiner.continuation(cand_id, cand, heads)
    return [(i, cand) for i, cand in found if cand.content]

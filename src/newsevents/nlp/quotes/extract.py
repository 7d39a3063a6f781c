"""Doc-level attribution extraction: learned candidates per sentence, joined with quotations.

A direct quote's marks hang off the cue in the parse, and a quote may run over sentences or be cut
by the sentence splitter ("“A. B,” she said." / "“...,”" + "Trump said."), so after the
per-sentence model:
1. a candidate whose content touches a quotation takes the whole quotation;
2. a candidate with no content takes the quotation right before it ("“...,” Trump said.") or
   right after it ("Clinton said: “...”", also past the cue's addressee: "told CNN: “...”"), or,
   after a paragraph-final colon, the next paragraph;
3. a direct quote continues into the following quotations of the same paragraph (or a next
   paragraph that opens with a quote) that no other cue claims ("“A,” she said. “B.”" is one
   attribution with two content fragments).
Candidates left without content are dropped (PolNeAR has no content-less attributions to speak
of), and so are cues inside another attribution's content unless the model is very sure or,
fairly sure, they close that content (which then ends before them).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.nlp.quotes.features import doc_context
from newsevents.nlp.quotes.layout import layout_attributions
from newsevents.nlp.quotes.learned import attributions
from newsevents.nlp.quotes.lexicon import CueLexicon
from newsevents.nlp.quotes.model import AttributionModel
from newsevents.nlp.quotes.quotation import Quotation, find_quotations, quotation_index
from newsevents.nlp.quotes.spans import Candidate, TokenRange, merge_ranges, subtract, trim
from newsevents.nlp.quotes.table import TokenTable, token_table

NESTED_MIN_CONFIDENCE = 0.95
# Chosen on the held-out tenth of train (fit-only model): 0.7 gave cue F1 0.716 -> 0.718 and
# content F1 0.683 -> 0.686 at equal full F1; 0.5 cost full F1 (0.588).
NESTED_TAIL_CONFIDENCE = 0.7
# Tokens that may stand between a quotation and its cue phrase ("“...,” said", "said: “...”").
GLUE = frozenset({",", ":", "—", "–", "-", "--", ".", ";"})
# Dependents of the cue that may stand between it and its quotation (_Joiner._addressee_gap):
# PolNeAR train's "telling reporters, “...”" contents, which the parse hangs elsewhere. Cue F1 on
# all of train 0.784 -> 0.785 (content 0.752 -> 0.753), held-out tenth +1 cue, dev split unchanged.
ADDRESSEE_DEPS = frozenset({"dative", "dobj", "npadvmod", "prep"})


def paragraph_ids(table: TokenTable) -> list[int]:
    """Paragraph number of every token (a newline in whitespace starts the next paragraph)."""
    ids = [0] * len(table)
    current = 0
    for i, brk in enumerate(table.breaks):
        ids[i] = current
        if brk:
            current += 1
    return ids


class _Joiner:
    """Assigns quotations to candidates; each quotation goes to one candidate (text order)."""

    def __init__(self, doc: Doc, table: TokenTable, quotes: list[Quotation]) -> None:
        self.doc = doc
        self.table = table
        self.quotes = quotes
        self.q_index = quotation_index(quotes, len(doc))
        self.para = paragraph_ids(table)
        self.claimed: dict[int, int] = {}

    def reserve(self, layout: list[Candidate]) -> None:
        """A quotation that makes up a layout attribution's whole content (a turn quoted as a
        whole) is the turn's: no cue claims it. Quotations nested in a turn ("HOST: She said
        “...”") stay open to their own cues, as PolNeAR annotates nested attributions."""
        for cand in layout:
            tokens = [self.doc[i] for s, e in cand.content for i in range(s, e)]
            words = [tok.i for tok in tokens if not (tok.is_punct or tok.is_space)]
            whole = {self.q_index[i] for i in words}
            if len(whole) == 1 and -1 not in whole:
                self.claimed[whole.pop()] = -1

    def _only_glue(self, start: int, end: int) -> bool:
        return all(self.table.space[i] or self.table.text[i] in GLUE for i in range(start, end))

    def _claim(self, cand_id: int, cand: Candidate, q: int) -> bool:
        if self.claimed.get(q, cand_id) != cand_id:
            return False
        self.claimed[q] = cand_id
        quote = self.quotes[q]
        cuts = [cand.cue] + ([cand.source] if cand.source else [])
        cand.content = subtract(merge_ranges([*cand.content, (quote.start, quote.end)]), cuts)
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
            after = quote.start >= phrase_end and (
                self._only_glue(phrase_end, quote.start) or self._addressee_gap(cand, phrase_end, quote.start)
            )
            same_para = self.para[quote.start] == self.para[cand.cue_head] or (
                after and self.doc[phrase_end].text == ":"
            )
            if (before or after) and same_para and self._claim(cand_id, cand, q):
                return
        self._colon_paragraph(cand)

    def _addressee_gap(self, cand: Candidate, start: int, end: int) -> bool:
        """Between cue and quotation only the cue's addressee or setting and a comma or colon:
        "telling reporters, “...”", "told CNN in an interview: “...”"."""
        last = end - 1
        while last >= start and self.table.space[last]:
            last -= 1
        if last < start or self.table.text[last] not in {",", ":"}:
            return False
        allowed = {
            t.i
            for child in self.doc[cand.cue_head].rights
            if child.dep_ in ADDRESSEE_DEPS
            for t in child.subtree
        }
        return all(
            self.table.space[i] or self.table.text[i] in GLUE or i in allowed for i in range(start, end)
        )

    def _colon_paragraph(self, cand: Candidate) -> None:
        """ "Hewitt writes:" closing a paragraph: the next paragraph is what was written."""
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
        """Following quotations of the same paragraph that no other cue claims. Between them may
        stand only the cue's own sentence ("..., Trump said of Romney.") and punctuation."""
        last = max(e for _, e in cand.content)
        para = self.para[cand.cue_head]
        cue_sent = self.doc[cand.cue_head].sent
        own = range(cue_sent.start, cue_sent.end)
        for q, quote in enumerate(self.quotes):
            if quote.start < last or q in self.claimed:
                continue
            if self.para[quote.start] != para:
                if not self._opens_next_paragraph(quote.start, para, cue_heads):
                    break
                para = self.para[quote.start]
            between = range(last, quote.start)
            gap_ok = all(i in own or self._gap_token(i) for i in between)
            inside_cue = any(quote.start <= h < quote.end for h in cue_heads)
            sent = self.doc[quote.start].sent
            other_cue = any(h not in range(*cand.cue) and sent.start <= h < sent.end for h in cue_heads)
            if not gap_ok or inside_cue or other_cue:
                break
            self._claim(cand_id, cand, q)
            last = quote.end

    def _opens_next_paragraph(self, start: int, para: int, cue_heads: set[int]) -> bool:
        """A quotation that opens the next paragraph, which has no cue of its own: the speaker
        goes on ("“A,” she said.\n\n“B.”")."""
        if self.para[start] != para + 1 or (
            start > 0 and self.para[start - 1] == para + 1 and not self.table.space[start - 1]
        ):
            return False
        return not any(self.para[h] == para + 1 for h in cue_heads)

    def _gap_token(self, i: int) -> bool:
        return self.table.space[i] or self.table.pos[i] == "PUNCT"


def extract_candidates(
    doc: Doc, lex: CueLexicon, model: AttributionModel, ids_cache: dict[str, int] | None = None
) -> list[tuple[int, Candidate]]:
    """(sentence index, candidate) for every attribution found in the Doc, in text order.
    `ids_cache` memoises feature hashes across Docs (the caller owns and bounds it)."""
    table = token_table(doc)
    joiner = _Joiner(doc, table, find_quotations(table))
    ctx = doc_context(doc, table, [q >= 0 for q in joiner.q_index])
    sent_of = [0] * len(doc)
    for sent_index, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [sent_index] * (sent.end - sent.start)
    layout = layout_attributions(doc, table)
    found = [
        (sent_of[cand.cue_head], cand)
        for cand in attributions(doc, lex, model, ctx, ids_cache)
        if not _overruled(cand, layout)
    ]
    joiner.reserve(layout)
    for cand_id, (_, cand) in enumerate(found):
        if cand.content:
            joiner.touched(cand_id, cand)
    for cand_id, (_, cand) in enumerate(found):
        if not cand.content:
            joiner.adjacent(cand_id, cand)
    heads = {cand.cue_head for _, cand in found if cand.content} | {cand.cue_head for cand in layout}
    for cand_id, (_, cand) in enumerate(found):
        if cand.direct and cand.content:
            joiner.continuation(cand_id, cand, heads)
    kept = [(i, cand) for i, cand in found if cand.content]
    kept += [(sent_of[cand.cue_head], cand) for cand in layout]
    kept.sort(key=lambda item: item[1].cue_head)
    return _drop_nested(doc, kept)


def _overruled(cand: Candidate, layout: list[Candidate]) -> bool:
    """A model candidate whose cue is a layout attribution's cue or source (the layout rule
    knows the content's extent, the model's label rule only the sentence)."""
    for other in layout:
        spans = [other.cue] + ([other.source] if other.source else [])
        if any(s <= cand.cue_head < e for s, e in spans):
            return True
    return False


def _extent(cand: Candidate) -> TokenRange:
    ranges = [cand.cue, *cand.content] + ([cand.source] if cand.source else [])
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def _drop_nested(doc: Doc, found: list[tuple[int, Candidate]]) -> list[tuple[int, Candidate]]:
    """PolNeAR marks each token in one role of one attribution only, so a cue inside another
    attribution's content ("He said she thinks ...") is rarely annotated: on the held-out tenth of
    train, 51 of 160 such cues were right, against 1132 of 1396 elsewhere; above 0.95 all were.
    The exception is an attribution that closes the outer content ("X said A, insisting that B",
    the parser hanging "insisting" under A): PolNeAR ends the outer content before it, so from
    NESTED_TAIL_CONFIDENCE on it is kept and cut off the outer content."""
    owner: dict[int, int] = {}
    for k, (_, cand) in enumerate(found):
        for s, e in cand.content:
            for i in range(s, e):
                owner.setdefault(i, k)
    kept: list[tuple[int, Candidate]] = []
    for k, (i, cand) in enumerate(found):
        outer_id = owner.get(cand.cue_head)
        if outer_id is None or outer_id == k or cand.confidence >= NESTED_MIN_CONFIDENCE:
            kept.append((i, cand))
            continue
        outer = found[outer_id][1]
        lo, hi = _extent(cand)
        outer_end = max(e for _, e in outer.content)
        if outer.direct or cand.confidence < NESTED_TAIL_CONFIDENCE:
            continue
        if lo <= outer.content[0][0] or hi < outer_end:
            continue
        rest = [t for s, e in subtract(outer.content, [(lo, hi)]) if (t := trim(doc, s, e))]
        if rest:
            outer.content = rest
            kept.append((i, cand))
    return kept

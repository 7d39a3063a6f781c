"""Attributions marked by layout rather than grammar: the parse offers the model no cue to score.

- Signature lines: "“...” ― Sonya Herridge" (readers' comments, epigraphs) and embedded posts
  "... — Paul Ryan (@SpeakerRyan) July 5, 2016": a dash after the text, then the author's name
  closing the paragraph. PolNeAR's cue is the dash, the source the name, the content the
  paragraph's text before the dash.
- Transcript turns: "WALLACE: Let's start ..." / "\"PENCE: Well, look, ...": a paragraph opening
  with an upper-case name and a colon. The content runs to the paragraph's end (a turn has many
  sentences), where the model's label rule stops at the sentence's end.
Motivated by the PolNeAR files: 4 signature attributions in `train` (tweets) and 24 in `dev` (a
page of readers' answers); 9 transcript turns of `dev` missed by the learned cue scorer, which
rarely sees a colon head more than one sentence of content. Both rules are kept narrow (a name
and at most a handle and date after the dash; upper-case speaker labels of two letters or more,
each taking the floor twice) because `train` punishes looser ones: a first version fired 103
times there with 24 hits (asides "— Trump said ...", datelines, "Q:"/"A:" interviews that
PolNeAR leaves unannotated); this one fires 7 times with 4 hits in `train`, 35 with 34 in `dev`.
"""

from __future__ import annotations

import calendar
from collections import Counter

from spacy.tokens import Doc, Token

from newsevents.nlp.quotes.spans import QUOTE_CHARS, Candidate, TokenRange, trim
from newsevents.nlp.quotes.table import TokenTable

DASHES = frozenset({"―", "—", "–", "--"})
MAX_SIGNATURE_TOKENS = 14  # name, "(@handle)" and a date fit; a longer tail is a sentence
MAX_NAME_TOKENS = 5
MIN_CONTENT_TOKENS = 3
MAX_TURN_LABEL_TOKENS = 3
NAME_POS = frozenset({"PROPN", "NOUN"})
LAYOUT_CONFIDENCE = 0.9
MIN_TURNS_PER_SPEAKER = 2
MIN_LABEL_LETTERS = 2
SENTENCE_END = frozenset({".", "?", "!"})


def _paragraphs(table: TokenTable) -> list[TokenRange]:
    """[start, end) of every paragraph's tokens, whitespace at its edges left out."""
    out: list[TokenRange] = []
    start = 0
    n = len(table)
    for i in range(n + 1):
        if i == n or table.breaks[i]:
            s, e = start, i if i < n and table.space[i] else min(i + 1, n)
            while s < e and table.space[s]:
                s += 1
            while e > s and table.space[e - 1]:
                e -= 1
            if s < e:
                out.append((s, e))
            start = i + 1
    return out


def _is_dash(text: str) -> bool:
    """A dash token, or a closing quote glued to it ("”―" is one token)."""
    if text in DASHES:
        return True
    return len(text) == 2 and text[0] in QUOTE_CHARS and text[1] in DASHES


def _name_after(doc: Doc, start: int, end: int) -> TokenRange | None:
    """A capitalised name opening [start, end): "Sonya Herridge", "Julie A. Diaz Martinez"."""
    i = start
    while i < end and i - start < MAX_NAME_TOKENS:
        tok = doc[i]
        if tok.is_space or not (tok.pos_ in NAME_POS and tok.text[:1].isupper()):
            break
        if tok.text.lower().rstrip(".") in MONTHS:  # "— Dec. 5, 2016": a date line
            break
        i += 1
    return (start, i) if i > start else None


MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]))


def _signature_rest(tok: Token) -> bool:
    """What may follow the name in a signature: "(@SpeakerRyan) July 5, 2016</tweet>"."""
    text = tok.text
    return (
        tok.is_punct
        or tok.like_num
        or text[:1] in {"@", "<", "/"}
        or text.lower().rstrip(".") in MONTHS
        or tok.ent_type_ == "DATE"
    )


def signature(doc: Doc, table: TokenTable, para: TokenRange) -> Candidate | None:
    p_start, p_end = para
    for i in range(p_end - 1, p_start, -1):
        if not _is_dash(table.text[i]):
            continue
        tail = [j for j in range(i + 1, p_end) if not table.space[j]]
        if not tail or len(tail) > MAX_SIGNATURE_TOKENS:
            return None
        name = _name_after(doc, tail[0], p_end)
        content = trim(doc, p_start, i + 1 if len(table.text[i]) == 2 else i)
        if name is None or content is None or content[1] - content[0] < MIN_CONTENT_TOKENS:
            return None
        if not all(_signature_rest(doc[j]) for j in tail if j >= name[1]):
            return None  # "— Trump is ..." goes on as a sentence: an aside, not a signature
        if len(table.text[i]) == 2:  # keep the closing quote in the content, the dash as cue
            content = (content[0], i + 1)
        return Candidate(
            cue=(i, i + 1),
            cue_head=i,
            source=name,
            content=[content],
            direct=table.text[content[0]] in QUOTE_CHARS,
            rule="layout.signature",
            confidence=LAYOUT_CONFIDENCE,
        )
    return None


def transcript_turn(doc: Doc, table: TokenTable, para: TokenRange) -> Candidate | None:
    p_start, p_end = para
    i = p_start
    while i < p_end and table.text[i] in QUOTE_CHARS:
        i += 1
    label_start = i
    while i < p_end and i - label_start <= MAX_TURN_LABEL_TOKENS and table.text[i] != ":":
        word = table.text[i]
        if not (word.isupper() and any(c.isalpha() for c in word)) and word != ".":
            return None
        i += 1
    if i == label_start or i >= p_end or table.text[i] != ":":
        return None
    if sum(c.isalpha() for t in table.text[label_start:i] for c in t) < MIN_LABEL_LETTERS:
        return None  # "Q:" / "A:" interviews: PolNeAR's train split leaves them unannotated
    content = trim(doc, i + 1, p_end)
    if content is None:
        return None
    # PolNeAR keeps a turn's closing "." / "?" (it spans sentences; `trim` drops it).
    end = content[1]
    while end < p_end and table.text[end] in SENTENCE_END:
        end += 1
    content = (content[0], end)
    return Candidate(
        cue=(i, i + 1),
        cue_head=i,
        source=(label_start, i),
        content=[content],
        direct=False,
        rule="layout.transcript",
        confidence=LAYOUT_CONFIDENCE,
    )


def layout_attributions(doc: Doc, table: TokenTable) -> list[Candidate]:
    """Signature and transcript attributions of the Doc, in text order."""
    paragraphs = _paragraphs(table)
    turns = {k: turn for k, para in enumerate(paragraphs) if (turn := transcript_turn(doc, table, para))}
    # A transcript has each speaker take the floor more than once; a single upper-case label
    # is a notice ("CLARIFICATION: ...", "UPDATE: ...").
    labels = Counter(_label(table, turn) for turn in turns.values())
    found = [turn for turn in turns.values() if labels[_label(table, turn)] >= MIN_TURNS_PER_SPEAKER]
    for k, para in enumerate(paragraphs):
        if k not in turns and (cand := signature(doc, table, para)) is not None:
            found.append(cand)
    return sorted(found, key=lambda cand: cand.cue_head)


def _label(table: TokenTable, turn: Candidate) -> str:
    start, end = turn.source or (0, 0)
    return " ".join(table.text[start:end])

"""Attributions marked by layout rather than grammar: transcript turns.

"HOST: Let's start ..." / "\"GUEST: Well, ...": in an interview transcript a paragraph opens with
the speaker's upper-case name and a colon. PolNeAR's cue is the colon, the source the label, the
content the rest of the paragraph (a turn has many sentences, where the model's label rule stops
at the sentence's end).

Upper-case labels with a colon are far more often something else: notices ("UPDATE:", "EDITOR'S
NOTE:"), explainer sections ("WHAT HAPPENED:" / "WHY IT MATTERS:"), datelines ("NEW DELHI:"),
briefs columns ("POLICE:"), score lines ("NFL:"), interviews' "Q:"/"A:" (which PolNeAR leaves
unannotated). So a paragraph is a turn only when
- its label has 1-3 tokens, no function word and is not a notice label (data/quotes/notice_labels.yaml);
- the label is not the name of a place, organisation or group of the Doc ("NEW DELHI", "NFL");
- the Doc is a transcript: at least two speakers take two turns each, a speaker takes the floor
  again after another one spoke, and one of these speakers is a person named in the text: the
  label's last word ends a PERSON entity outside the labels ("GUEST" for "Jane Guest").
  Requiring that of every label leaves the rule dead: transcripts name their guest in the
  introduction but rarely the host, who only appears as a label; in PolNeAR no transcript names
  every speaker outside the labels. Once a Doc is a transcript, every turn whose
  label passes the first two checks counts, also a speaker's single turn.
Judged on PolNeAR `train` only (the dev split is the estimate): 6 turns fire there (one
interview), all PolNeAR attributions; the looser rule before fired 6 times with 4 hits in `train`
and on notices, datelines and score lines in news. Nothing fires on the GWN and LGL texts
(eval/geo_gwn.dev 97, corpus GWN 200 and LGL 588 articles).
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc

from newsevents.errors import NewsEventsError
from newsevents.nlp.quotes.spans import QUOTE_CHARS, Candidate, TokenRange, trim
from newsevents.nlp.quotes.table import TokenTable
from newsevents.nlp.quotes.yaml_files import read_package_yaml

PACKAGE_NOTICE_LABELS = "data/quotes/notice_labels.yaml"
MAX_TURN_LABEL_TOKENS = 3  # "JAKE TAPPER", "GOV. JANE ROE"; a longer upper-case run is a heading
LAYOUT_CONFIDENCE = 0.9
MIN_SPEAKERS = 2
MIN_TURNS_PER_SPEAKER = 2
MIN_SPEAKER_CHANGES = 2  # A, B, A: someone takes the floor again after another speaker
SENTENCE_END = frozenset({".", "?", "!"})
NON_PERSON_ENTS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})


@functools.cache
def notice_labels() -> frozenset[str]:
    """Upper-case labels that head notices and sections, never a speaker's turn (upper-cased)."""
    labels = read_package_yaml(PACKAGE_NOTICE_LABELS).get("labels")
    if not isinstance(labels, list):
        raise NewsEventsError("E_CONFIG", f"{PACKAGE_NOTICE_LABELS} must hold a list `labels`")
    return frozenset(_normal(str(label)) for label in labels)


def _normal(label: str) -> str:
    """ "EDITOR’S NOTE" and "Editor's note" -> "EDITOR'S NOTE"."""
    return " ".join(label.replace("’", "'").upper().split())


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


def _label_word(word: str) -> bool:
    return word == "." or (word.isupper() and any(c.isalpha() for c in word))


def transcript_turn(doc: Doc, table: TokenTable, para: TokenRange) -> Candidate | None:
    """The paragraph as a turn "LABEL: content" (the label not yet checked against the Doc)."""
    p_start, p_end = para
    i = p_start
    while i < p_end and table.text[i] in QUOTE_CHARS:
        i += 1
    label_start = i
    while i < p_end and table.text[i] != ":":
        if i - label_start >= MAX_TURN_LABEL_TOKENS or not _label_word(table.text[i]):
            return None
        i += 1
    if i == label_start or i >= p_end:
        return None
    content = trim(doc, i + 1, p_end)
    if content is None:
        return None
    # PolNeAR keeps a turn's closing "." / "?" (it spans sentences; `trim` drops it).
    end = content[1]
    while end < p_end and table.text[end] in SENTENCE_END:
        end += 1
    return Candidate(
        cue=(i, i + 1),
        cue_head=i,
        source=(label_start, i),
        content=[(content[0], end)],
        direct=True,  # a turn is the speaker's words verbatim
        rule="layout.transcript",
        confidence=LAYOUT_CONFIDENCE,
    )


def _speaker_key(doc: Doc, turn: Candidate, names: set[str]) -> str | None:
    """The label's last word, lower-cased, when the label can name a speaker at all."""
    start, end = turn.source or (0, 0)
    words = [doc[i].text for i in range(start, end) if doc[i].text != "."]
    label = _normal(" ".join(words))
    if not words or label in notice_labels() or label in names:
        return None
    if any(doc.vocab[w.lower()].is_stop for w in words):
        return None  # "WHAT'S NEXT", "WHY IT MATTERS": a section heading
    return words[-1].lower()


def _entity_names(doc: Doc, labels: list[TokenRange]) -> tuple[set[str], set[str]]:
    """Outside the turn labels: last words of PERSON entities ("Roe’s" -> "roe") and the
    upper-cased names of places, organisations and groups."""
    in_label = {i for s, e in labels for i in range(s, e)}
    surnames: set[str] = set()
    others: set[str] = set()
    for ent in doc.ents:
        if any(t.i in in_label for t in ent):
            continue  # the model's entity types are unreliable on upper-case labels
        if ent.label_ in NON_PERSON_ENTS:
            others.add(_normal(ent.text))
        if ent.label_ != "PERSON":
            continue
        words = [t.text for t in ent if t.is_alpha]
        if words:
            surnames.add(words[-1].lower())
    return surnames, others


def _is_transcript(keys: list[str], surnames: set[str]) -> bool:
    counts = Counter(keys)
    speakers = {key for key, n in counts.items() if n >= MIN_TURNS_PER_SPEAKER}
    changes = sum(1 for a, b in zip(keys, keys[1:], strict=False) if a != b)
    return len(speakers) >= MIN_SPEAKERS and changes >= MIN_SPEAKER_CHANGES and bool(speakers & surnames)


def layout_attributions(doc: Doc, table: TokenTable) -> list[Candidate]:
    """Transcript turns of the Doc, in text order (none unless the Doc is a transcript)."""
    turns = [turn for para in _paragraphs(table) if (turn := transcript_turn(doc, table, para))]
    if len(turns) < MIN_SPEAKERS * MIN_TURNS_PER_SPEAKER:
        return []
    surnames, others = _entity_names(doc, [turn.source for turn in turns if turn.source])
    keyed = [(key, turn) for turn in turns if (key := _speaker_key(doc, turn, others)) is not None]
    if not _is_transcript([key for key, _ in keyed], surnames):
        return []
    return [turn for _, turn in keyed]

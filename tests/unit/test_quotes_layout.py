"""Layout attributions on tokenised Docs (no spaCy model): transcript turns, and nothing else."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import filter_spans

from newsevents.nlp.quotes.layout import layout_attributions, notice_labels
from newsevents.nlp.quotes.table import token_table

NLP = spacy.blank("en")

# Invented interview: the guest is named in the introduction, the host only in the labels.
INTRO = "Senator Ottilie Brandvold joined the program on Sunday.\n\n"
TURNS = (
    "KESTREL: Why this week? And why her?\n\n"
    '"BRANDVOLD: Because the budget matters.\n\n'
    "KESTREL: And then?\n\n"
    "BRANDVOLD: We adjourn."
)


def _doc(text: str, ents: dict[str, str] | None = None) -> Doc:
    """Blank tokens with coarse POS, and the given entities (surface text -> label, every match)."""
    doc = NLP(text)
    for tok in doc:
        if tok.is_space:
            tok.pos_ = "SPACE"
        elif tok.is_punct:
            tok.pos_ = "PUNCT"
        else:
            tok.pos_ = "PROPN" if tok.text[:1].isupper() else "NOUN"
    spans = []
    for surface, label in (ents or {}).items():
        start = text.find(surface)
        while start >= 0:
            span = doc.char_span(start, start + len(surface), label=label)
            assert span is not None, surface
            spans.append(span)
            start = text.find(surface, start + 1)
    doc.ents = filter_spans(spans)  # "Ada Mumbai" over "Mumbai"
    return doc


def _roles(doc: Doc) -> list[tuple[str, str | None, list[str], bool]]:
    out = []
    for cand in layout_attributions(doc, token_table(doc)):
        source = doc[cand.source[0] : cand.source[1]].text if cand.source else None
        content = [doc[s:e].text for s, e in cand.content]
        out.append((doc[cand.cue[0] : cand.cue[1]].text, source, content, cand.direct))
    return out


def test_transcript_turns_run_to_the_paragraph_end_as_direct_speech() -> None:
    doc = _doc(INTRO + TURNS, {"Ottilie Brandvold": "PERSON"})
    assert _roles(doc) == [
        (":", "KESTREL", ["Why this week? And why her?"], True),
        (":", "BRANDVOLD", ["Because the budget matters."], True),
        (":", "KESTREL", ["And then?"], True),
        (":", "BRANDVOLD", ["We adjourn."], True),
    ]


def test_single_turn_of_a_named_speaker_counts_once_the_doc_is_a_transcript() -> None:
    text = INTRO + "ALDERTON: A word first.\n\n" + TURNS
    doc = _doc(text, {"Ottilie Brandvold": "PERSON", "Pim Alderton": "PERSON"})
    assert [source for _, source, _, _ in _roles(doc)][:2] == ["ALDERTON", "KESTREL"]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # no speaker of the labels is a person named in the text
        (TURNS, {}),
        # the guest is named, but only inside the labels
        (TURNS, {"BRANDVOLD": "PERSON"}),
        # one speaker only: a notice repeated, not a dialogue
        (
            "UPDATE: The road has reopened.\n\nThe crash happened at noon.\n\nUPDATE: The driver was named.",
            {},
        ),
        ("BRANDVOLD: First.\n\nBRANDVOLD: Second.\n\nBRANDVOLD: Third.", {"Ottilie Brandvold": "PERSON"}),
        # two speakers who do not take turns (A, A, B, B)
        (
            INTRO + "KESTREL: One.\n\nKESTREL: Two.\n\nBRANDVOLD: Three.\n\nBRANDVOLD: Four.",
            {"Ottilie Brandvold": "PERSON"},
        ),
    ],
)
def test_labels_that_are_not_a_dialogue_of_named_speakers_give_nothing(
    text: str, ents: dict[str, str]
) -> None:
    assert _roles(_doc(text, ents)) == []


# Upper-case labels of news layout: each alternates like a dialogue, and a person named Update,
# Police, Delhi or Answer is in the text, so only the label checks reject them.
@pytest.mark.parametrize(
    ("labels", "ents"),
    [
        (("UPDATE", "EDITOR'S NOTE"), {}),  # notices
        (("WHAT HAPPENED", "WHY IT MATTERS"), {}),  # explainer sections: function words
        (("QUESTION", "ANSWER"), {}),  # interview Q and A, which PolNeAR leaves unannotated
        (("Q", "A"), {}),
        (("POLICE", "FIRE"), {}),  # a briefs column
        (("NEW DELHI", "MUMBAI"), {"New Delhi": "GPE", "Mumbai": "GPE"}),  # datelines
        (("NFL", "NBA"), {"NFL": "ORG", "NBA": "ORG"}),  # score lines
        (("US", "UK"), {"US": "GPE", "UK": "GPE"}),
    ],
)
def test_notice_section_and_place_labels_are_no_speakers(
    labels: tuple[str, str], ents: dict[str, str]
) -> None:
    first, second = labels
    names = " ".join(f"Ada {label.split()[-1].title()}" for label in labels)
    body = "".join(f"{first}: Line one.\n\n{second}: Line two.\n\n" for _ in range(2))
    text = f"{names} were there.\n\n" + " ".join(f"In {name} ." for name in ents) + "\n\n" + body
    person_ents = {f"Ada {label.split()[-1].title()}": "PERSON" for label in labels}
    assert _roles(_doc(text, {**person_ents, **ents})) == []


def test_label_of_four_tokens_is_a_heading() -> None:
    turns = TURNS.replace("KESTREL:", "DANA LEE KESTREL JR:")
    doc = _doc(INTRO + turns, {"Ottilie Brandvold": "PERSON", "Dana Kestrel": "PERSON"})
    assert [source for _, source, _, _ in _roles(doc)] == []


# Signature dashes are no attribution rule: wire credits, bylines and datelines follow the dash.
@pytest.mark.parametrize(
    "text",
    [
        "The central bank held rates steady for a third meeting. — Reuters",
        "Shares fell sharply in early trading on the news. -- AP",
        "“We will not move,” Governor Ines Varga said on Thursday. — Associated Press",
        "Officials reported dozens of new cases this week — Ohio",
        "The talks ended without agreement late on Friday. — LONDON",
        "“The harvest was late this year.” -- Odile Ferrant",
    ],
)
def test_dash_signatures_give_nothing(text: str) -> None:
    assert _roles(_doc(text, {"Reuters": "ORG", "Ohio": "GPE", "Ines Varga": "PERSON"})) == []


def test_notice_labels_are_upper_case_and_straight_apostrophes() -> None:
    labels = notice_labels()
    assert "EDITOR'S NOTE" in labels and "UPDATE" in labels
    assert all(label == label.upper() and "’" not in label for label in labels)

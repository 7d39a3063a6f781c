"""Layout attributions on tokenised Docs (no spaCy model): signature lines and transcript turns."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.quotes.layout import layout_attributions
from newsevents.nlp.quotes.table import token_table

NLP = spacy.blank("en")


def _doc(text: str) -> Doc:
    doc = NLP(text)
    for tok in doc:
        if tok.is_space:
            tok.pos_ = "SPACE"
        elif tok.is_punct:
            tok.pos_ = "PUNCT"
        elif tok.text[:1].isupper():
            tok.pos_ = "PROPN"
        else:
            tok.pos_ = "VERB" if tok.text in {"is", "agreed"} else "NOUN"
    return doc


def _roles(text: str) -> list[tuple[str, str | None, list[str]]]:
    doc = _doc(text)
    out = []
    for cand in layout_attributions(doc, token_table(doc)):
        source = doc[cand.source[0] : cand.source[1]].text if cand.source else None
        out.append((doc[cand.cue[0] : cand.cue[1]].text, source, [doc[s:e].text for s, e in cand.content]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“He is unfit to lead.” ― Sonya Herridge\n“He is clueless about it.” ― Carla Sanchez",
            [
                ("―", "Sonya Herridge", ["“He is unfit to lead.”"]),
                ("―", "Carla Sanchez", ["“He is clueless about it.”"]),
            ],
        ),
        (
            "No one should be above the law. — Paul Ryan (@SpeakerRyan) July 5, 2016",
            [("—", "Paul Ryan", ["No one should be above the law"])],
        ),
    ],
)
def test_signature_line_gives_dash_cue_name_source_and_preceding_text(text, expected) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The senator agreed — and then everyone in the room agreed with him about it all day long.",
        "Short. — Paul Ryan",  # too little before the dash to be a statement
        "He is unfit to lead. — and agreed",  # no name after the dash
        "Ryan was diplomatic, but firm — Trump agreed with him",  # an aside, not a signature
        "The poll of voters was released today — Dec. 5, 2016",  # a date line
    ],
)
def test_dash_without_signature_gives_nothing(text) -> None:
    assert _roles(text) == []


def test_transcript_turns_run_to_the_paragraph_end() -> None:
    text = 'WALLACE: Why now? And why him?\n\n"PENCE: Well, look.\n\nWALLACE: And then?\n\nPENCE: Fine.'
    assert _roles(text) == [
        (":", "WALLACE", ["Why now? And why him?"]),
        (":", "PENCE", ["Well, look."]),
        (":", "WALLACE", ["And then?"]),
        (":", "PENCE", ["Fine."]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "CLARIFICATION: The first sentence has been clarified.",  # one label: a notice, not a turn
        "The Senate: a history. The Senate: a history.",  # not an upper-case label
        "Q: Why now?\n\nA: Because.\n\nQ: And then?\n\nA: Fine.",  # an interview's Q and A
    ],
)
def test_colon_without_transcript_turns_gives_nothing(text) -> None:
    assert _roles(text) == []

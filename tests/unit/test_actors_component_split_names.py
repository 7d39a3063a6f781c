"""A person's name the parser splits ("Barack/nsubj Obama/pobj") is still one mention (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.nlp.actors.component import ActorsComponent
from newsevents.nlp.extensions import register_extensions

# (word, pos, tag, dep, head index): the small model's parse of a two-name subject.
SPLIT: list[tuple[str, str, str, str, int]] = [
    ("Barack", "PROPN", "NNP", "nsubj", 6),
    ("Obama", "PROPN", "NNP", "pobj", 0),
    ("and", "CCONJ", "CC", "cc", 1),
    ("Vladimir", "PROPN", "NNP", "compound", 4),
    ("Putin", "PROPN", "NNP", "conj", 1),
    ("will", "AUX", "MD", "aux", 6),
    ("meet", "VERB", "VB", "ROOT", 6),
]
SPLIT_ENTS = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"]


def _doc() -> Doc:
    register_extensions()
    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in SPLIT],
        pos=[r[1] for r in SPLIT],
        tags=[r[2] for r in SPLIT],
        deps=[r[3] for r in SPLIT],
        heads=[r[4] for r in SPLIT],
        ents=SPLIT_ENTS,
    )
    doc._.pub_date = "2014-08-01"
    return doc


def test_actors_mention_covers_the_whole_person_entity() -> None:
    doc = ActorsComponent()(_doc())
    found = {doc[m.start : m.end].text: m.ref.country for m in doc._.actor_mentions}
    assert found == {"Barack Obama": "USA", "Vladimir Putin": "RUS"}

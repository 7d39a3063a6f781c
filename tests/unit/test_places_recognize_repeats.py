"""A natural feature the model tagged LOC is a toponym again inside longer names in the same article
("the Zumbravery" ... "the Zumbravery Management Board"); other labels and standalone repeats are not."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc


def spans(recognizer, doc):
    return [(s.start, doc[s.start : s.end].text, s.source) for s in recognizer.recognize(doc)]


# "Water from the Zumbravery flows . The Zumbravery Management Board met . Zumbravery rose ."
_WORDS = ["Water", "from", "the", "Zumbravery", "flows", ".", "The", "Zumbravery", "Management", "Board"]
_WORDS += ["met", ".", "Zumbravery", "rose", "."]
_POS = ["NOUN", "ADP", "DET", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "PROPN", "PROPN"]
_POS += ["VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]


def make(vocab, first_label, second_label="ORG"):
    ents = ["O"] * len(_WORDS)
    ents[3] = f"B-{first_label}"
    ents[6], ents[7], ents[8], ents[9] = f"B-{second_label}", *[f"I-{second_label}"] * 3
    return Doc(vocab, words=_WORDS, ents=ents, pos=_POS)


def test_loc_name_is_a_toponym_inside_a_longer_name(toponym_recognizer, blank_vocab):
    found = spans(toponym_recognizer, make(blank_vocab, "LOC"))
    assert (7, "Zumbravery", "repeat") in found
    # the untagged standalone repeat stays unrecognised
    assert all(start != 12 for start, _text, _source in found)


@pytest.mark.parametrize(("first_label", "second_label"), [("GPE", "ORG"), ("FAC", "ORG"), ("LOC", "PERSON")])
def test_other_labels_or_person_names_do_not_spread(
    toponym_recognizer, blank_vocab, first_label, second_label
):
    found = spans(toponym_recognizer, make(blank_vocab, first_label, second_label))
    assert all(source != "repeat" for _start, _text, source in found)


def test_a_name_of_ordinary_words_does_not_spread(toponym_recognizer, blank_vocab):
    # "Snow fell in the North . The North Zumbra Rail stopped ."
    words = ["Snow", "fell", "in", "the", "North", ".", "The", "North", "Zumbra", "Rail", "stopped", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "PROPN", "PUNCT", "DET", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    found = spans(toponym_recognizer, Doc(blank_vocab, words=words, ents=ents, pos=pos))
    assert all(source != "repeat" for _start, _text, source in found)

"""Which token spans are toponyms: model entities, demonyms, places inside names, untagged names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc


def make(vocab, words, ents, pos=None):
    doc = Doc(vocab, words=words, ents=ents, pos=pos or ["PROPN"] * len(words))
    return doc


def texts(recognizer, doc):
    return [(doc[s.start : s.end].text, s.source, s.demonym) for s in recognizer.recognize(doc)]


def test_model_place_entities_are_toponyms(toponym_recognizer, blank_vocab):
    doc = make(blank_vocab, ["Talks", "in", "Moscow", "ended"], ["O", "O", "B-GPE", "O"])
    assert texts(toponym_recognizer, doc) == [("Moscow", "ner", False)]


def test_leading_article_is_trimmed(toponym_recognizer, blank_vocab):
    doc = make(blank_vocab, ["in", "the", "United", "States"], ["O", "B-GPE", "I-GPE", "I-GPE"])
    assert texts(toponym_recognizer, doc) == [("United States", "ner", False)]


@pytest.mark.parametrize(("word", "label"), [("Russian", "NORP"), ("Tajikistan", "NORP")])
def test_norp_entities_known_to_the_gazetteer_are_toponyms(toponym_recognizer, blank_vocab, word, label):
    doc = make(blank_vocab, [word, "officials", "met"], [f"B-{label}", "O", "O"])
    spans = texts(toponym_recognizer, doc)
    assert [s[0] for s in spans] == [word]


def test_demonym_is_flagged(toponym_recognizer, blank_vocab):
    doc = make(blank_vocab, ["Russian", "officials"], ["B-NORP", "O"])
    assert texts(toponym_recognizer, doc)[0][2] is True


def test_religious_or_party_norp_is_not_a_toponym(toponym_recognizer, blank_vocab):
    doc = make(blank_vocab, ["Republican", "senators"], ["B-NORP", "O"])
    assert texts(toponym_recognizer, doc) == []


def test_place_inside_an_organisation_name(toponym_recognizer, blank_vocab):
    doc = make(blank_vocab, ["the", "Jamaica", "Cancer", "Society"], ["O", "B-ORG", "I-ORG", "I-ORG"])
    assert [t[0] for t in texts(toponym_recognizer, doc)] == ["Jamaica"]


def test_person_name_that_is_a_country_is_not_a_toponym(toponym_recognizer, blank_vocab):
    words = ["Michael", "Jordan", "scored", ".", "Jordan", "smiled"]
    doc = make(blank_vocab, words, ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"])
    assert texts(toponym_recognizer, doc) == []


def test_titled_person_is_not_a_toponym(toponym_recognizer, blank_vocab):
    doc = make(blank_vocab, ["Mr.", "Chad", "spoke"], ["O", "B-PERSON", "O"])
    assert texts(toponym_recognizer, doc) == []


def test_untagged_capital_city_is_found(toponym_recognizer, blank_vocab):
    words = ["future", "Kabul", "-", "Washington", "partnerships"]
    doc = make(blank_vocab, words, ["O"] * 5, pos=["ADJ", "PROPN", "PUNCT", "PROPN", "NOUN"])
    assert [t[0] for t in texts(toponym_recognizer, doc)] == ["Kabul", "Washington"]


@pytest.mark.parametrize("word", ["May", "Reading", "Nice"])
def test_stop_listed_words_are_not_untagged_toponyms(toponym_recognizer, blank_vocab, word):
    doc = make(blank_vocab, ["In", "fact", word, "said"], ["O"] * 4, pos=["ADP", "NOUN", "PROPN", "VERB"])
    assert texts(toponym_recognizer, doc) == []

"""resolve_spans: the evaluator's --gold-spans entry point resolves given character spans in context."""

from __future__ import annotations

import pytest
import spacy

from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.places.api import resolve_spans
from newsevents.nlp.places.gazetteer import load_gazetteer

register_extensions()


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    return load_gazetteer(
        str(tmp_path_factory.getbasetemp() / "gazetteer"), reduced=True, show_progress=False
    )


def spans_of(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_one_place_per_span_with_offsets(gazetteer):
    doc = spacy.blank("en")("Talks in Kabul and Moscow ended.")
    places = resolve_spans(doc, spans_of(doc.text, "Kabul", "Moscow"), gazetteer=gazetteer)
    assert [(p.country, p.char_start, p.char_end) for p in places] == [("AFG", 9, 14), ("RUS", 19, 25)]


def test_publisher_country_of_the_doc_is_used(gazetteer):
    doc = spacy.blank("en")("Rain fell on Cambridge.")
    doc._.publisher_country = "USA"
    assert resolve_spans(doc, spans_of(doc.text, "Cambridge"), gazetteer=gazetteer)[0].country == "USA"


def test_unresolvable_span_without_context_is_none(gazetteer):
    doc = spacy.blank("en")("The Qwxzzy Building burned.")
    assert resolve_spans(doc, spans_of(doc.text, "Qwxzzy Building"), gazetteer=gazetteer) == [None]

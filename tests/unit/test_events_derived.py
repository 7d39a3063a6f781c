"""Events PLOVER derives from statements: refusals, requests and reciprocal meetings (model-backed)."""

from __future__ import annotations

import pytest

from newsevents.analyze import prepare_doc
from newsevents.types import Article

pytestmark = pytest.mark.model


def _mentions(nlp, text: str):
    article = Article("t", "t", "test", None, None, [], "2021-07-01", None, [], text, "en")
    return nlp(prepare_doc(nlp, article))._.event_mentions


def _countries(actors):
    return {a.ref.country for a in actors}


def test_events_derived_refusal_from_negated_commitment(nlp):
    found = [
        m
        for m in _mentions(nlp, "Washington said it would not release the Iranian prisoners.")
        if m.event_type == "REJECT"
    ]
    assert found and found[0].factuality == "asserted"
    assert "USA" in _countries(found[0].source)


def test_events_derived_request_from_reported_obligation(nlp):
    found = [
        m
        for m in _mentions(nlp, "Russia said on Tuesday that Sudan must return the helicopter.")
        if m.event_type == "REQUEST"
    ]
    assert found
    assert (_countries(found[0].source), _countries(found[0].target)) == ({"RUS"}, {"SDN"})


def test_events_derived_reciprocal_meeting(nlp):
    found = [
        m
        for m in _mentions(nlp, "Germany, France and Italy met in Brussels on Monday.")
        if m.event_type == "CONSULT"
    ]
    assert found
    assert _countries(found[0].source) == _countries(found[0].target) == {"DEU", "FRA", "ITA"}

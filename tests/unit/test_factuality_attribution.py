"""Attribution ("according to X", "X said") is recorded apart from factuality (model-backed)."""

from __future__ import annotations

import pytest

from newsevents.analyze import prepare_doc
from newsevents.types import Article

pytestmark = pytest.mark.model


def _events(nlp, text: str):
    article = Article("t", "t", "test", None, None, [], "2021-07-01", None, [], text, "en")
    doc = nlp(prepare_doc(nlp, article))
    return [m for m in doc._.event_mentions if m.event_type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("According to the Ministry of Defense, Taliban fighters attacked Kabul.", "Ministry of Defense"),
        ("Rahmatullah Andar said that Taliban fighters attacked Kabul.", "Rahmatullah Andar"),
        ("Taliban fighters attacked Kabul, Afghan officials said on Thursday.", "Afghan officials"),
        ("Taliban fighters attacked Kabul, according to local police.", "local police"),
    ],
)
def test_factuality_attribution_names_the_reporter(nlp, text, reporter):
    [event] = _events(nlp, text)
    assert event.attributed_to is not None and reporter in event.attributed_to
    assert event.factuality == "asserted"


def test_factuality_attribution_absent_without_reporter(nlp):
    [event] = _events(nlp, "Taliban fighters attacked Kabul on Thursday.")
    assert event.attributed_to is None

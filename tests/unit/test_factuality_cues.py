"""Factuality on real parses: ten sentences per value (model-backed).

Asserted, negated and speculative-hypothetical events keep their own category; an event that is
planned or promised ("plan to attack") is coded by PLOVER as the commitment (THREATEN/AGREE), so
for those the contract is that the intended category is never asserted.
"""

from __future__ import annotations

import pytest

from newsevents.analyze import prepare_doc
from newsevents.nlp.mentions import EventMention
from newsevents.types import Article

pytestmark = pytest.mark.model


def _mentions(nlp, text: str) -> list[tuple[str, EventMention]]:
    """(head word of the trigger, mention) for every event mention of the text."""
    article = Article("t", "t", "test", None, None, [], "2021-07-01", None, [], text, "en")
    doc = nlp(prepare_doc(nlp, article))
    return [(doc[int(m.extra["head"])].text, m) for m in doc._.event_mentions]


def _on_trigger(nlp, text: str, word: str) -> list[EventMention]:
    found = [m for head, m in _mentions(nlp, text) if head == word]
    assert found, f"no event on {word!r} in {text!r}: {[t for t, _ in _mentions(nlp, text)]}"
    return found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russia attacked Ukraine on Monday.", "attacked"),
        ("The Taliban refused to negotiate with the Afghan government.", "refused"),
        ("Germany withdrew its troops from Afghanistan.", "withdrew"),
        ("According to the Ministry of Defense, Taliban fighters attacked Kabul.", "attacked"),
        ("Pakistan said that India had shelled its border posts in Kashmir.", "shelled"),
        ("The United States imposed sanctions on Iran.", "sanctions"),
        ("Egyptian police arrested twelve protesters in Cairo.", "arrested"),
        ("The Afghan president visited Moscow last week.", "visited"),
        ("North Korea tried to hack into the computers of South Korean officials.", "hack"),
        ("Japan decided to lift the ban on Chinese imports.", "lift"),
    ],
)
def test_factuality_asserted(nlp, text, word):
    assert {m.factuality for m in _on_trigger(nlp, text, word)} == {"asserted"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russia did not attack Ukraine.", "attack"),
        ("Iran never withdrew its forces from Syria.", "withdrew"),
        ("The Taliban refused to withdraw from Kunduz.", "withdraw"),
        ("Israel denied attacking the convoy in Gaza.", "attacking"),
        ("China failed to reach an agreement with India.", "reach"),
        ("The Turkish government has not arrested the Kurdish opposition leader.", "arrested"),
        ("Turkey declined to send troops to Libya.", "send"),
        ("Washington didn't impose sanctions on Cuba.", "sanctions"),
        ("Russian forces did not shell Kharkiv.", "shell"),
        ("The Taliban never released the Afghan soldiers.", "released"),
    ],
)
def test_factuality_negated(nlp, text, word):
    assert {m.factuality for m in _on_trigger(nlp, text, word)} == {"negated"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Moscow could seal its borders with Afghanistan.", "seal"),
        ("Russia might attack Ukraine next year.", "attack"),
        ("If Iran attacks Israel, the United States will respond.", "attacks"),
        ("Will China invade Taiwan?", "invade"),
        ("Moscow might be interested in providing military assistance to Afghanistan.", "providing"),
        ("Pakistan is expected to release the Indian prisoners.", "release"),
        ("Egypt would never attack Sudan.", "attack"),
        ("Germany may impose sanctions on Russia.", "sanctions"),
        ("Analysts believe that France could withdraw its troops from Mali.", "withdraw"),
        ("Should NATO deploy troops to Estonia?", "deploy"),
    ],
)
def test_factuality_hypothetical(nlp, text, word):
    assert {m.factuality for m in _on_trigger(nlp, text, word)} == {"hypothetical"}


@pytest.mark.parametrize(
    ("text", "word", "intended", "commitment"),
    [
        ("The Taliban are planning to attack Kabul.", "attack", "ASSAULT", "THREATEN"),
        ("India wants to sign a trade agreement with Japan.", "sign", "SUPPORT", "AGREE"),
        ("The Afghan security adviser is set to visit Moscow next week.", "visit", "CONSULT", "AGREE"),
        ("Greece plans to impose restrictions on Albanian workers.", "impose", "COERCE", "THREATEN"),
        ("The German foreign minister will visit Albania in June.", "visit", "CONSULT", "AGREE"),
    ],
)
def test_factuality_planned_event_is_a_commitment_not_a_fact(nlp, text, word, intended, commitment):
    found = _on_trigger(nlp, text, word)
    assert all(not (m.event_type == intended and m.factuality == "asserted") for m in found)
    assert any(m.event_type == commitment and m.factuality == "asserted" for m in found)

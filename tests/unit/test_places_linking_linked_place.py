"""The place of the mention that qualifies or contains another ("Paris, [Texas]", "X in [Lyon]"):
only a place found by its own name, of the kinds the caller accepts, and never for a facility or
a demonym (they have their own rules)."""

from __future__ import annotations

import pytest

from helpers.place_stubs import candidate
from newsevents.nlp.places import sources
from newsevents.nlp.places.linking import linked_place
from newsevents.nlp.places.mention import MentionInput, Resolution

_TEXAS = candidate(1, "Texas", country="USA", population=29_000_000, kind=sources.KIND_ADMIN1)
_AREAS = frozenset({sources.KIND_ADMIN1})


@pytest.mark.parametrize(
    ("mention", "resolution", "expected"),
    [
        (MentionInput("Paris", 0, 5, qualifier=1), Resolution(_TEXAS, "gazetteer", 0.9), _TEXAS),
        (MentionInput("Paris", 0, 5, qualifier=1), Resolution(_TEXAS, "hierarchy", 0.9), _TEXAS),
        # borrowed from the focus or a neighbour: not the text's own word for the place
        (MentionInput("Paris", 0, 5, qualifier=1), Resolution(_TEXAS, "focus", 0.2), None),
        (MentionInput("Paris", 0, 5, qualifier=1), Resolution(None, "gazetteer", 0.0), None),
        (MentionInput("Paris", 0, 5, qualifier=1, facility=True), Resolution(_TEXAS, "gazetteer", 0.9), None),
        (MentionInput("French", 0, 6, qualifier=1, demonym=True), Resolution(_TEXAS, "gazetteer", 0.9), None),
        (MentionInput("Paris", 0, 5), Resolution(_TEXAS, "gazetteer", 0.9), None),
    ],
)
def test_linked_place_is_the_named_place_of_the_link(mention, resolution, expected):
    assert linked_place(mention, mention.qualifier, {1: resolution}, _AREAS) == expected


def test_linked_place_of_another_kind_is_none():
    mention = MentionInput("Paris", 0, 5, qualifier=1)
    towns = frozenset({sources.KIND_CITY})
    assert linked_place(mention, 1, {1: Resolution(_TEXAS, "gazetteer", 0.9)}, towns) is None


def test_linked_place_of_an_unresolved_link_is_none():
    assert linked_place(MentionInput("Paris", 0, 5, qualifier=1), 1, {}, _AREAS) is None

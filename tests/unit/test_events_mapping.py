"""PLOVER -> CAMEO mapping table: coverage of every trigger mode, quad classes, scores."""

from __future__ import annotations

import pytest

from newsevents.nlp.events.mapping import plover_cameo_table
from newsevents.nlp.events.triggers import PLOVER_CATEGORIES
from newsevents.nlp.events.vocab import packaged

TABLE = plover_cameo_table()
# The PLOVER manual's quad classes.
QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


@pytest.mark.parametrize("category", PLOVER_CATEGORIES)
def test_events_mapping_every_category_has_code_quad_and_score(category):
    code = TABLE.lookup(category)
    assert code.cameo is not None and code.cameo.isdigit()
    assert code.quad_class == QUADS[category]
    assert code.goldstein is not None and (code.goldstein >= 0) == (QUADS[category] <= 2)


def test_events_mapping_every_trigger_mode_has_its_own_row():
    modes = packaged("plover_cameo.yaml")["categories"]
    for entry in packaged("triggers.yaml")["entries"]:
        if entry.get("mode"):
            assert entry["mode"] in (modes[entry["category"]].get("modes") or {}), entry


@pytest.mark.parametrize(
    ("category", "mode", "context", "cameo"),
    [
        ("CONSULT", "visit", (), "042"),
        ("CONSULT", "host", (), "043"),
        ("ASSAULT", None, (), "190"),
        ("ASSAULT", "aerial", (), "195"),
        ("COERCE", "arrest", (), "173"),
        ("SUPPORT", None, ("agreement",), "057"),
        ("UNKNOWN", None, (), None),
    ],
)
def test_events_mapping_lookup(category, mode, context, cameo):
    assert TABLE.lookup(category, mode, context).cameo == cameo


@pytest.mark.parametrize(
    ("intended", "category", "cameo"),
    [("AID", "AGREE", "033"), ("ASSAULT", "THREATEN", "138"), ("CONSULT", "REJECT", "125")],
)
def test_events_mapping_commitments_and_refusals(intended, category, cameo):
    code = TABLE.intent(intended, category)
    assert (code.cameo, code.quad_class) == (cameo, QUADS[category])


@pytest.mark.parametrize(("mode", "cameo"), [(None, "040"), ("meet", "040"), ("visit", "042")])
def test_events_mapping_planned_meeting_keeps_the_meetings_code(mode, cameo):
    # PETRARCH's convention: "is scheduled to attend a summit" is coded as the meeting (04x).
    code = TABLE.intent("CONSULT", "AGREE", mode)
    assert (code.cameo, code.quad_class) == (cameo, QUADS["AGREE"])

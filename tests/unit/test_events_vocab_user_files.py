"""User files extend the packaged weapon/cause lists (instruments.yaml format) and the CAMEO
conventions (plover_cameo.yaml `conventions` format); the weapon table is read-only."""

from __future__ import annotations

import pytest

from newsevents.nlp.events.component import load_vocabulary


def test_events_user_instrument_file_adds_weapons_and_causes(tmp_path):
    path = tmp_path / "weapons.yaml"
    path.write_text("weapons:\n  firearms: [musket]\ncauses: [sandstorm]\n", encoding="utf-8")
    instruments = load_vocabulary(instrument_files=(str(path),)).instruments
    assert (instruments.weapon_modes["musket"], instruments.weapon_modes["rocket"]) == (
        "firearms",
        "heavy-weapons",
    )
    assert {"sandstorm", "crash"} <= instruments.causes


def test_events_user_convention_file_adds_responsibility_verbs(tmp_path):
    path = tmp_path / "conventions.yaml"
    path.write_text("conventions:\n  responsibility_verbs: [bear]\n", encoding="utf-8")
    conventions = load_vocabulary(convention_files=(str(path),)).conventions
    assert {"bear", "claim"} <= conventions.responsibility_verbs
    assert "deny" not in conventions.responsibility_verbs


def test_events_weapon_table_is_read_only():
    with pytest.raises(TypeError):
        load_vocabulary().instruments.weapon_modes["stone"] = "primitive"  # type: ignore[index]

"""The index is cached under a fingerprint of its inputs, rebuilt when they change, and picklable."""

from __future__ import annotations

import pickle

from newsevents.nlp.places import gazetteer as gazetteer_module
from newsevents.nlp.places.gazetteer import Gazetteer, index_path, input_fingerprint, load_gazetteer


def _built(tmp_path_factory) -> Gazetteer:
    return load_gazetteer(
        str(tmp_path_factory.getbasetemp() / "gazetteer"), reduced=True, show_progress=False
    )


def test_index_file_is_named_by_input_fingerprint(tmp_path):
    path = index_path(str(tmp_path), reduced=True)
    assert path.parent == tmp_path
    assert input_fingerprint(reduced=True) in path.name


def test_reduced_and_full_builds_have_different_fingerprints():
    assert input_fingerprint(reduced=True) != input_fingerprint(reduced=False)


def test_changed_input_changes_the_fingerprint(monkeypatch):
    before = input_fingerprint(reduced=True)
    monkeypatch.setattr(gazetteer_module, "SCHEMA_VERSION", "test-changed")
    assert input_fingerprint(reduced=True) != before


def test_load_builds_the_index_where_missing(tmp_path_factory):
    gazetteer = _built(tmp_path_factory)
    assert gazetteer.path.exists()
    places, names = gazetteer.size()
    assert places > 1000 and names > places


def test_stale_indexes_are_removed_after_a_build(tmp_path):
    current = tmp_path / "gazetteer-reduced-aaaa.sqlite"
    stale = tmp_path / "gazetteer-reduced-bbbb.sqlite"
    other_variant = tmp_path / "gazetteer-full-cccc.sqlite"
    for path in (current, stale, other_variant):
        path.write_bytes(b"")
    gazetteer_module._remove_stale(current)
    assert current.exists() and not stale.exists() and other_variant.exists()


def test_gazetteer_survives_pickling(tmp_path_factory):
    gazetteer = _built(tmp_path_factory)
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert [c.place_id for c in copy.candidates("Kabul")] == [
        c.place_id for c in gazetteer.candidates("Kabul")
    ]

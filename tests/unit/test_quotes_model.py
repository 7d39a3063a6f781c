"""The packaged attribution model: it loads, is small, and says where it came from."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.nlp.quotes.model import PACKAGE_MODEL, load_model


def test_packaged_model_is_trained_on_polnear_train_only() -> None:
    model = load_model()
    assert "train split" in str(model.meta["trained_on"])
    assert "newsevents.nlp.quotes.train" in str(model.meta["command"])
    assert 0.0 < model.cue_threshold < 1.0


def test_packaged_model_stays_small() -> None:
    size = len(resources.files("newsevents").joinpath(PACKAGE_MODEL).read_bytes())
    assert size < 5_000_000


def test_role_probabilities_are_a_distribution() -> None:
    for feats in (["b", "k=child:nsubj", "k|s=child:nsubj|L"], [], ["unseen feature"]):
        probs = load_model().role_probabilities(feats)
        assert sum(probs) == pytest.approx(1.0)
        assert all(0.0 < p < 1.0 for p in probs)


def test_extension_uses_the_most_specific_known_key() -> None:
    model = load_model()
    assert model.extension(["no|such|key"]) == "none"
    known = next(iter(model.extend))
    assert model.extension(["no|such|key", known]) == model.extend[known]


def test_malformed_model_file_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"cue": {}}), encoding="utf-8")
    with pytest.raises(NewsEventsError) as err:
        load_model(str(bad))
    assert err.value.code == "E_CONFIG"

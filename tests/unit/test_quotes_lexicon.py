"""The cue vocabulary: packaged lists, user files, and errors a user can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.nlp.quotes.lexicon import load_lexicon


@pytest.mark.parametrize(("kind", "lemma"), [("verbs", "say"), ("verbs", "believe"), ("nouns", "statement")])
def test_packaged_lexicon_has_core_cues(kind: str, lemma: str) -> None:
    assert lemma in getattr(load_lexicon(), kind)


def test_user_file_adds_cues(tmp_path: Path) -> None:
    extra = tmp_path / "cues.yaml"
    extra.write_text("verbs: [Opine]\nnouns: [communique]\n", encoding="utf-8")
    lexicon = load_lexicon((str(extra),))
    assert {"opine", "say"} <= lexicon.verbs
    assert "communique" in lexicon.nouns


@pytest.mark.parametrize("content", ["verbs: [unclosed", "- just\n- a list\n"])
def test_malformed_user_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(NewsEventsError) as err:
        load_lexicon((str(bad),))
    assert err.value.code == "E_CONFIG"


def test_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(NewsEventsError) as err:
        load_lexicon((str(tmp_path / "absent.yaml"),))
    assert err.value.code == "E_CONFIG"

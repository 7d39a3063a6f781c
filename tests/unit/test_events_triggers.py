"""Trigger lexicon: multi-word verbs and nouns, exclusions, lemma fallbacks, coverage (no model)."""

from __future__ import annotations

import dataclasses

import pytest

from helpers.parsed_docs import parsed
from newsevents.errors import NewsEventsError
from newsevents.nlp.events.component import EventsComponent, load_vocabulary
from newsevents.nlp.events.triggers import PLOVER_CATEGORIES, build_lexicon, lemma_forms
from newsevents.nlp.events.vocab import packaged
from newsevents.settings import load_settings

LEXICON = load_vocabulary().lexicon


def test_events_trigger_verb_with_particle():
    doc = parsed(
        [
            ("They", "they", "PRON", "PRP", "nsubj", 1),
            ("wrapped", "wrap", "VERB", "VBD", "ROOT", 1),
            ("up", "up", "ADP", "RP", "prt", 1),
            ("presence", "presence", "NOUN", "NN", "dobj", 1),
        ]
    )
    [match] = LEXICON.find(doc[:])
    assert (match.spec.category, match.spec.mode, match.words) == ("RETREAT", "withdraw", (2,))


def test_events_trigger_verb_without_its_particle_is_no_trigger():
    doc = parsed(
        [
            ("They", "they", "PRON", "PRP", "nsubj", 1),
            ("wrapped", "wrap", "VERB", "VBD", "ROOT", 1),
            ("gifts", "gift", "NOUN", "NNS", "dobj", 1),
        ]
    )
    assert LEXICON.find(doc[:]) == []


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [("hunger", ("PROTEST", "hunger")), ("general", ("PROTEST", "boycott")), ("press", None)],
)
def test_events_trigger_noun_phrases(modifier, expected):
    head = "release" if modifier == "press" else "strike"
    doc = parsed(
        [
            ("a", "a", "DET", "DT", "det", 2),
            (modifier, modifier, "NOUN" if modifier != "general" else "ADJ", "NN", "compound", 2),
            (head, head, "NOUN", "NN", "ROOT", 2),
        ]
    )
    match = LEXICON.match(doc[2])
    assert (None if match is None else (match.spec.category, match.spec.mode)) == expected


def test_events_trigger_noun_with_of_complement_has_its_head_first():
    doc = parsed(
        [
            ("state", "state", "NOUN", "NN", "ROOT", 0),
            ("of", "of", "ADP", "IN", "prep", 0),
            ("emergency", "emergency", "NOUN", "NN", "pobj", 1),
        ]
    )
    match = LEXICON.match(doc[0])
    assert match is not None and (match.spec.category, match.spec.mode) == ("COERCE", "martial-law")


def test_events_trigger_lemma_fallback_for_lemmatizer_misses():
    doc = parsed([("staged", "stag", "VERB", "VBD", "ROOT", 0)])
    assert "stage" in lemma_forms(doc[0])


def test_events_trigger_file_covers_every_plover_category_with_verbs_and_nouns():
    data = packaged("triggers.yaml")
    for category in PLOVER_CATEGORIES:
        entries = [e for e in data["entries"] if e["category"] == category]
        assert any(e.get("verbs") for e in entries), category
        assert any(e.get("nouns") for e in entries), category


def test_events_trigger_file_rejects_yaml_booleans():
    data = {
        "categories": {"ASSAULT": {"target_preps": [True]}},
        "entries": [{"category": "ASSAULT", "verbs": ["raid"]}],
    }
    with pytest.raises(NewsEventsError) as err:
        build_lexicon([("user.yaml", data)])
    assert err.value.code == "E_CONFIG"


def test_events_trigger_file_rejects_unknown_category():
    with pytest.raises(NewsEventsError):
        build_lexicon([("user.yaml", {"entries": [{"category": "PARTY", "verbs": ["celebrate"]}]})])


def test_events_user_trigger_file_adds_triggers(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "entries:\n  - category: PROTEST\n    mode: demo\n    verbs: [flashmob]\n", encoding="utf-8"
    )
    settings = dataclasses.replace(load_settings(), extra={"event_trigger_files": [str(path)]})
    component = EventsComponent()
    component.configure(settings)
    doc = parsed(
        [
            ("Students", "student", "NOUN", "NNS", "nsubj", 1),
            ("flashmobbed", "flashmob", "VERB", "VBD", "ROOT", 1),
        ]
    )
    match = component.vocab.lexicon.match(doc[1])
    assert match is not None and match.spec.category == "PROTEST"

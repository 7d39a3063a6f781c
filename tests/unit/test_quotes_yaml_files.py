"""The quote vocabularies' YAML reader: one mapping per file, E_CONFIG naming the file otherwise."""

from __future__ import annotations

import pytest

from newsevents.errors import NewsEventsError
from newsevents.nlp.quotes.yaml_files import read_package_yaml, read_yaml_mapping


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", {}), ("verbs: [say]\n", {"verbs": ["say"]}), ("# only a comment\n", {})],
)
def test_mapping_or_empty_text_is_read(text: str, expected: dict[str, list[str]]) -> None:
    assert read_yaml_mapping(text, "x.yaml") == expected


@pytest.mark.parametrize("text", ["verbs: [unclosed", "- just\n- a list\n", "just a string\n"])
def test_malformed_or_non_mapping_text_is_a_config_error_naming_the_file(text: str) -> None:
    with pytest.raises(NewsEventsError) as err:
        read_yaml_mapping(text, "cue file mine.yaml")
    assert err.value.code == "E_CONFIG"
    assert "cue file mine.yaml" in str(err.value)


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("data/quotes/cues.yaml", "verbs"),
        ("data/quotes/speaking_bodies.yaml", "bodies"),
        ("data/quotes/notice_labels.yaml", "labels"),
    ],
)
def test_packaged_vocabularies_are_mappings(path: str, key: str) -> None:
    assert read_package_yaml(path)[key]

"""A time vocabulary named in a settings file reaches the timex component through
configure_components (as build_nlp hands settings over) and changes what a text resolves to."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.pipeline import configure_components
from newsevents.nlp.timex import component as _timex_component  # noqa: F401  (registers the factory)
from newsevents.settings import load_settings

PUB = date(2021, 7, 1)


def timexes(settings, text):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("newsevents_timex")
    configure_components(nlp, settings)
    doc = nlp.make_doc(text)
    doc._.pub_date = PUB.isoformat()
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return [(t.text, t.date, t.date_end) for t in doc._.timexes]


@pytest.fixture
def settings_with_time_words(tmp_path):
    words = tmp_path / "my_time.yaml"
    words.write_text("numbers:\n  several: 5\nholidays:\n  bastille day: [7, 14]\n", encoding="utf-8")
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text(f"[nlp]\ntimex_files = [{str(words)!r}]\n", encoding="utf-8")
    return load_settings(settings_file)


@pytest.mark.parametrize(
    ("text", "packaged", "with_file"),
    [
        (
            "It happened several days ago.",
            [("several days ago", "2021-06-28", "2021-06-28")],
            [("several days ago", "2021-06-26", "2021-06-26")],
        ),
        ("Crowds gathered on Bastille Day.", [], [("on Bastille Day", "2021-07-14", "2021-07-14")]),
    ],
)
def test_timex_file_in_settings_changes_the_resolution(settings_with_time_words, text, packaged, with_file):
    assert timexes(load_settings(), text) == packaged
    assert timexes(settings_with_time_words, text) == with_file

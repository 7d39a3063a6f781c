"""Users' own time words (settings.nlp.timex_files, `run --timex FILE`) merge over the packaged ones."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from typer.testing import CliRunner

import newsevents.pipeline as pipeline
from newsevents.cli import app
from newsevents.errors import E_CONFIG, NewsEventsError
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.timex import rules
from newsevents.nlp.timex.component import TimexComponent
from newsevents.nlp.timex.vocabulary import load_vocabulary
from newsevents.settings import load_settings

PUB = date(2021, 7, 1)  # a Thursday

USER_WORDS = """\
holidays:
  bastille day: [7, 14]
  nowruz: [3, 21]
day_offsets:
  the other day: [-7, -1]
  anteayer: -2
units:
  lustrum: [year, 5]
numbers:
  several: null
"""


@pytest.fixture
def user_file(tmp_path):
    path = tmp_path / "my_time.yaml"
    path.write_text(USER_WORDS, encoding="utf-8")
    return str(path)


def resolve(text, vocab):
    found = rules.find(text, PUB, vocab=vocab)
    assert len(found) == 1, found
    item = found[0]
    return text[item.start : item.end], item.resolved


@pytest.mark.parametrize(
    ("text", "expression", "start", "end", "precision"),
    [
        # custom holidays: the occurrence closest to publication, or the year given
        ("Crowds gathered on Bastille Day.", "on Bastille Day", "2021-07-14", "2021-07-14", "day"),
        ("Crowds gathered last Nowruz.", "last Nowruz", "2021-03-21", "2021-03-21", "day"),
        ("Crowds gathered on Nowruz 2019.", "on Nowruz 2019", "2019-03-21", "2019-03-21", "day"),
        # custom relative words: a day or a span of days from publication
        ("We met him anteayer in Kabul.", "anteayer", "2021-06-29", "2021-06-29", "day"),
        ("We met him the other day.", "the other day", "2021-06-24", "2021-06-30", "week"),
        # a custom unit through its base unit
        ("It began a lustrum ago.", "a lustrum ago", "2016-01-01", "2016-12-31", "year"),
    ],
)
def test_user_words_resolve(user_file, text, expression, start, end, precision):
    matched, resolved = resolve(text, load_vocabulary((user_file,)))
    assert matched == expression
    assert (resolved.date.isoformat(), resolved.date_end.isoformat(), resolved.precision) == (
        start,
        end,
        precision,
    )


@pytest.mark.parametrize("text", ["Crowds gathered on Bastille Day.", "We met him anteayer."])
def test_user_words_are_unknown_without_the_file(text):
    assert rules.find(text, PUB) == []


def test_user_files_keep_the_packaged_words(user_file):
    vocab = load_vocabulary((user_file,))
    assert vocab.months["may"] == 5 and vocab.holidays["christmas day"] == (12, 25)


def test_null_removes_a_packaged_word(user_file):
    assert "several" in load_vocabulary().numbers
    assert "several" not in load_vocabulary((user_file,)).numbers


def test_later_files_win(tmp_path, user_file):
    later = tmp_path / "later.yaml"
    later.write_text("holidays:\n  Bastille Day: [7, 15]\n", encoding="utf-8")
    assert load_vocabulary((user_file, str(later))).holidays["bastille day"] == (7, 15)


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("holidays: [bastille day]\n", "holidays"),  # a section that is not a mapping
        ("festivals:\n  bastille day: [7, 14]\n", "festivals"),  # an unknown section
        ("holidays:\n  bastille day: [13, 14]\n", "bastille day"),  # no 13th month
        ("holidays:\n  bastille day: [2, 30]\n", "bastille day"),  # no February 30
        ("months:\n  brumaire: 0\n", "brumaire"),
        ("units:\n  lustrum: [aeon, 5]\n", "lustrum"),
        ("month_parts:\n  tail end of: [25, 20]\n", "tail end of"),
        ("day_offsets:\n  anteayer: two\n", "anteayer"),
        ("day_offsets:\n  '!!': -2\n", "!!"),  # not a word
        ("date_prepositions: circa\n", "date_prepositions"),
        ("- just\n- a list\n", "mapping"),
        ("holidays: {bastille day: [7, 14\n", "YAML"),
    ],
)
def test_bad_file_raises_config_error_naming_the_problem(tmp_path, content, named):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewsEventsError) as caught:
        load_vocabulary((str(path),))
    assert caught.value.code == E_CONFIG
    assert named in caught.value.message and str(path) in caught.value.message


def test_missing_file_raises_config_error(tmp_path):
    with pytest.raises(NewsEventsError) as caught:
        load_vocabulary((str(tmp_path / "absent.yaml"),))
    assert caught.value.code == E_CONFIG


def test_component_reads_timex_files_from_settings(user_file):
    register_extensions()
    nlp = spacy.blank("en")
    component = TimexComponent()
    component.configure(load_settings().with_overrides(nlp={"timex_files": [user_file]}))
    doc = nlp("Crowds gathered on Bastille Day in Paris.")
    doc._.pub_date = PUB.isoformat()
    (timex,) = component(doc)._.timexes
    assert (doc[timex.start : timex.end].text, timex.date, timex.rule) == (
        "on Bastille Day",
        "2021-07-14",
        "holiday",
    )


@pytest.fixture
def captured_settings(monkeypatch):
    seen = []

    def fake_run(inputs, settings, store, nlp=None, progress=None):
        seen.append(settings)
        return pipeline.RunSummary()

    monkeypatch.setattr(pipeline, "run", fake_run)
    return seen


def test_run_option_adds_timex_files(tmp_path, user_file, captured_settings):
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--db", str(db), "--timex", user_file])
    assert result.exit_code == 0, result.output
    assert captured_settings[0].nlp.timex_files == (user_file,)


def test_run_option_rejects_bad_file_before_running(tmp_path, captured_settings):
    bad = tmp_path / "bad.yaml"
    bad.write_text("holidays:\n  bastille day: [13, 14]\n", encoding="utf-8")
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--db", str(db), "--timex", str(bad)])
    assert result.exit_code == 2
    assert E_CONFIG in result.output
    assert captured_settings == [] and not db.exists()

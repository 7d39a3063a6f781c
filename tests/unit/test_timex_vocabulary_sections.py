"""The words that were once Python literals (decade parts, period and weekend qualifiers, holiday
leads, parts of the day, possessives) are vocabulary sections users extend or trim; list sections
lose a word with an item `word: null`."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.errors import E_CONFIG, NewsEventsError
from newsevents.nlp.timex import rules
from newsevents.nlp.timex.vocabulary import load_vocabulary

PUB = date(2021, 7, 1)  # a Thursday


def vocabulary(tmp_path, content):
    path = tmp_path / "words.yaml"
    path.write_text(content, encoding="utf-8")
    return load_vocabulary((str(path),))


def found(text, vocab=None):
    return [
        (text[f.start : f.end], f.resolved.date.isoformat(), f.resolved.date_end.isoformat())
        for f in rules.find(text, PUB, vocab=vocab)
    ]


@pytest.mark.parametrize(
    ("content", "text", "without", "with_file"),
    [
        (
            "decade_parts:\n  turn of the: [0, 1]\n",
            "It began at the turn of the 1990s.",
            [("the 1990s", "1990-01-01", "1999-12-31")],
            [("the turn of the 1990s", "1990-01-01", "1991-12-31")],
        ),
        (
            "period_qualifiers:\n  the previous: -1\n",
            "Prices rose the previous month.",
            [],
            [("the previous month", "2021-06-01", "2021-06-30")],
        ),
        (
            "period_qualifiers:\n  so far this: [0, to_publication]\n",
            "Prices rose so far this year.",
            [("this year", "2021-01-01", "2021-12-31")],
            [("so far this year", "2021-01-01", "2021-07-01")],
        ),
        (
            "weekend_qualifiers:\n  coming: next\n",
            "Talks are set for the coming weekend.",
            [],
            [("the coming weekend", "2021-07-10", "2021-07-11")],
        ),
        (
            "holiday_leads: [ahead of]\n",
            "Prices rose ahead of Christmas.",
            [],
            [("ahead of Christmas", "2021-12-25", "2021-12-25")],
        ),
        (
            "parts_of_day: [dawn]\n",
            "Shots were fired on the dawn of 3 July.",
            [("3 July", "2021-07-03", "2021-07-03")],
            [("the dawn of 3 July", "2021-07-03", "2021-07-03")],
        ),
        (
            "possessives:\n  - his: null\n",
            "A man in his late 30s was arrested.",
            [],
            [("late 30s", "1937-01-01", "1939-12-31")],
        ),
    ],
)
def test_section_from_a_user_file_changes_the_reading(tmp_path, content, text, without, with_file):
    assert found(text) == without
    assert found(text, vocabulary(tmp_path, content)) == with_file


def test_list_item_with_null_removes_a_word(tmp_path):
    text = "The vote was postponed from June 3 to June 10."
    assert [item[0] for item in found(text)] == ["June 3", "June 10"]
    vocab = vocabulary(tmp_path, "rescheduling_words:\n  - postponed: null\n  - adjourned\n")
    assert "postponed" not in vocab.rescheduling_words and "adjourned" in vocab.rescheduling_words
    assert found(text, vocab) == [("from June 3 to June 10", "2021-06-03", "2021-06-10")]


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("decade_parts:\n  dawn of: [0, 12]\n", "dawn of"),
        ("period_qualifiers:\n  so far this: [0, halfway]\n", "so far this"),
        ("weekend_qualifiers:\n  coming: soon\n", "coming"),
        ("holiday_leads:\n  - ahead of: yes\n", "ahead of"),
        ("parts_of_day: dawn\n", "parts_of_day"),
    ],
)
def test_bad_entry_in_a_new_section_raises_config_error(tmp_path, content, named):
    with pytest.raises(NewsEventsError) as caught:
        vocabulary(tmp_path, content)
    assert caught.value.code == E_CONFIG and named in caught.value.message

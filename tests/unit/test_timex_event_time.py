"""Event dates: the clause's own timex, a relation to an anchor event ("a day after"), the sentence."""

from __future__ import annotations

import pytest

from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import EventMention
from newsevents.nlp.timex.component import EventTimeComponent, TimexComponent

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def model(settings):
    import spacy

    register_extensions()
    return spacy.load(settings.nlp.model)


def dated(model, text, trigger, pub="2021-07-01"):
    doc = model.make_doc(text)
    doc._.pub_date = pub
    doc = TimexComponent()(model(doc))
    index = next(t.i for t in doc if t.text == trigger)
    event = EventMention(0, index, index + 1, "CONSULT", None, [], [], [], "asserted", "test", 1.0)
    doc._.event_mentions = [event]
    EventTimeComponent()(doc)
    return event.timex


@pytest.mark.parametrize(
    ("text", "trigger", "start", "end", "precision"),
    [
        # the timex attached to the trigger's clause
        ("The adviser on Thursday departed for Moscow.", "departed", "2021-07-01", "2021-07-01", "day"),
        (
            "Mohib departed for Moscow today morning to meet officials.",
            "departed",
            "2021-07-01",
            "2021-07-01",
            "day",
        ),
        # "a day after X announced": X is a day before its anchor (here the departure, Thursday)
        (
            "The adviser on Thursday departed for Moscow just a day after Germany announced its withdrawal.",
            "announced",
            "2021-06-30",
            "2021-06-30",
            "day",
        ),
        # "a week after X visited": anchored on the publication date when the main clause has no date
        (
            "The visit comes a week after an Afghan delegation visited the United States.",
            "visited",
            "2021-06-21",
            "2021-06-27",
            "week",
        ),
        # the sentence's timex when none is attached to the trigger's clause
        (
            "As many as 258 fighters were killed and 142 others injured in clashes in last 24 hours.",
            "killed",
            "2021-06-30",
            "2021-07-01",
            "week",
        ),
    ],
)
def test_event_date(model, text, trigger, start, end, precision):
    timex = dated(model, text, trigger)
    assert timex is not None
    assert (timex.date, timex.date_end, timex.precision) == (start, end, precision)


def test_undated_event_has_no_timex(model):
    assert dated(model, "Officials called the visit a success.", "called") is None


def test_no_publication_date_means_no_timexes(model):
    doc = model("He left on Thursday.")
    assert TimexComponent()(doc)._.timexes == []

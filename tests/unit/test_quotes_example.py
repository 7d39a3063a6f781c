"""The founding example article: every attribution an analyst would list, with its speaker."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

# (surface source, cue, a piece of the content, resolved speaker name)
EXPECTED = [
    (
        "Rahmatullah Andar, spokesman",
        "said",
        "Hamdullah Mohib, National Security Adviser, departed",
        "Rahmatullah Andar",
    ),
    ("Andar", "said", "the Security Adviser is set to discuss", "Rahmatullah Andar"),
    ("Government officials", "called", "full of achievements", None),
    ("political affairs experts", "believe", "would not have any outcome", None),
    ("Ahmad Saeedi", "said", "Moscow might be interested", "Ahmad Saeedi"),
    ("Mohammad Rahimi", "said", "Afghan conflicting parties are trying", "Mohammad Rahimi"),
    ("the Ministry of Defense", "According to", "258 Taliban fighters were killed", "Ministry of Defense"),
]


@pytest.mark.parametrize(("source", "cue", "content", "speaker"), EXPECTED)
def test_example_attribution_found_with_speaker(example_analysis, source, cue, content, speaker) -> None:
    matches = [
        q
        for q in example_analysis.quotes
        if q.cue == cue and q.source_text and source in q.source_text and content in q.content
    ]
    assert len(matches) == 1, [(q.source_text, q.cue, q.content) for q in example_analysis.quotes]
    found = matches[0].speaker
    assert found is not None and found.name
    if speaker is not None:
        assert found.name == speaker


@pytest.mark.parametrize("source", ["Rahmatullah Andar, spokesman", "Andar"])
def test_andar_resolves_to_the_afghan_government_spokesman(example_analysis, source) -> None:
    quotes = [q for q in example_analysis.quotes if q.source_text and q.source_text.startswith(source)]
    assert quotes
    speaker = quotes[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.country, speaker.sector) == ("Rahmatullah Andar", "AFG", "GOV")


def test_events_in_andar_quote_are_attributed_to_him(example_analysis) -> None:
    quote = next(
        q for q in example_analysis.quotes if q.source_text and q.source_text.startswith("Rahmatullah")
    )
    inside = [e for e in example_analysis.events if e.event_id in quote.event_ids]
    assert inside, "the trip announced by the spokesman is an event inside his quote"
    assert all(e.attributed_to == "Rahmatullah Andar" for e in inside)

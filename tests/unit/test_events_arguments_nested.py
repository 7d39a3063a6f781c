"""Behind a non-actor prepositional object only identified actors are targets (hand-built parse)."""

from __future__ import annotations

from helpers.parsed_docs import actor, code, parsed


def test_events_unknown_name_behind_an_occasion_is_no_target():
    # "Merkel left for the start of the Cup": the Cup is an occasion, not a target
    doc = parsed(
        [
            ("Merkel", "Merkel", "PROPN", "NNP", "nsubj", 1),
            ("left", "leave", "VERB", "VBD", "ROOT", 1),
            ("for", "for", "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("start", "start", "NOUN", "NN", "pobj", 2),
            ("of", "of", "ADP", "IN", "prep", 4),
            ("the", "the", "DET", "DT", "det", 7),
            ("Cup", "Cup", "PROPN", "NNP", "pobj", 5),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, "DEU", "GOV")])
    assert not [a.ref.text for m in mentions for a in m.target]

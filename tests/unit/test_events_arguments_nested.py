"""Behind a non-actor prepositional object only identified actors are targets (hand-built parse)."""

from __future__ import annotations

from helpers.parsed_docs import actor, code, parsed


def test_events_unknown_name_behind_an_occasion_is_no_target():
    # "Sarkozy departed for the opening of the Games": the Games are an occasion, not a target
    doc = parsed(
        [
            ("Sarkozy", "Sarkozy", "PROPN", "NNP", "nsubj", 1),
            ("departed", "depart", "VERB", "VBD", "ROOT", 1),
            ("for", "for", "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("opening", "opening", "NOUN", "NN", "pobj", 2),
            ("of", "of", "ADP", "IN", "prep", 4),
            ("the", "the", "DET", "DT", "det", 7),
            ("Games", "Games", "PROPN", "NNPS", "pobj", 5),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, "FRA", "GOV")])
    assert not [a.ref.text for m in mentions for a in m.target]

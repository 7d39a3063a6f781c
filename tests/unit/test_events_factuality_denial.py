"""Content under a verb of denial is negated ("denied (that) they attacked"), hand-built parse."""

from __future__ import annotations

from helpers.parsed_docs import actor, code, parsed


def test_events_denied_event_is_negated():
    # "Rebels denied they attacked Homs"
    doc = parsed(
        [
            ("Rebels", "rebel", "NOUN", "NNS", "nsubj", 1),
            ("denied", "deny", "VERB", "VBD", "ROOT", 1),
            ("they", "they", "PRON", "PRP", "nsubj", 3),
            ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
            ("Homs", "Homs", "PROPN", "NNP", "dobj", 3),
        ]
    )
    mentions = code(doc, [actor(doc, 0, 1, None, "REB"), actor(doc, 4, 5, "SYR", "CVL")])
    [attack] = [m for m in mentions if m.event_type == "ASSAULT"]
    assert attack.factuality == "negated"

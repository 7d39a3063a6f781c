"""An event noun dated by a past year after a determiner ("the 1982 massacre") is background, not a
reported event; a bare 4-digit count ("launched 1900 drone attacks") is no year (hand-built
parses, no model)."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import actor, code, parsed


@pytest.mark.parametrize("pub_date,expected", [("2008-08-06", []), ("1982-02-20", ["ASSAULT"])])
def test_events_noun_dated_before_publication_is_not_coded(pub_date, expected):
    # "Army units carried out the 1982 massacre"
    doc = parsed(
        [
            ("Army", "army", "NOUN", "NN", "compound", 1),
            ("units", "unit", "NOUN", "NNS", "nsubj", 2),
            ("carried", "carry", "VERB", "VBD", "ROOT", 2),
            ("out", "out", "ADP", "RP", "prt", 2),
            ("the", "the", "DET", "DT", "det", 6),
            ("1982", "1982", "NUM", "CD", "nummod", 6),
            ("massacre", "massacre", "NOUN", "NN", "dobj", 2),
        ]
    )
    doc._.pub_date = pub_date
    mentions = code(doc, [actor(doc, 0, 2, "SYR", "MIL")])
    assert [m.event_type for m in mentions] == expected


def test_events_four_digit_count_before_event_noun_is_no_year():
    # "Russia launched 1900 drone attacks on Ukraine"
    doc = parsed(
        [
            ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
            ("launched", "launch", "VERB", "VBD", "ROOT", 1),
            ("1900", "1900", "NUM", "CD", "nummod", 4),
            ("drone", "drone", "NOUN", "NN", "compound", 4),
            ("attacks", "attack", "NOUN", "NNS", "dobj", 1),
            ("on", "on", "ADP", "IN", "prep", 4),
            ("Ukraine", "Ukraine", "PROPN", "NNP", "pobj", 5),
        ]
    )
    doc._.pub_date = "2025-06-01"
    mentions = code(doc, [actor(doc, 0, 1, "RUS"), actor(doc, 6, 7, "UKR")])
    assert [(m.event_type, [a.ref.country for a in m.target]) for m in mentions] == [("ASSAULT", ["UKR"])]

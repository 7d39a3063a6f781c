"""An event noun dated by a year before the publication ("the 1995 massacre") is background, not a
reported event (hand-built parse, no model)."""

from __future__ import annotations

import pytest

from helpers.parsed_docs import actor, code, parsed


@pytest.mark.parametrize("pub_date,expected", [("2008-08-06", []), ("1995-07-20", ["ASSAULT"])])
def test_events_noun_dated_before_publication_is_not_coded(pub_date, expected):
    # "Serb forces carried out the 1995 massacre"
    doc = parsed(
        [
            ("Serb", "Serb", "ADJ", "JJ", "amod", 1),
            ("forces", "force", "NOUN", "NNS", "nsubj", 2),
            ("carried", "carry", "VERB", "VBD", "ROOT", 2),
            ("out", "out", "ADP", "RP", "prt", 2),
            ("the", "the", "DET", "DT", "det", 6),
            ("1995", "1995", "NUM", "CD", "nummod", 6),
            ("massacre", "massacre", "NOUN", "NN", "dobj", 2),
        ]
    )
    doc._.pub_date = pub_date
    mentions = code(doc, [actor(doc, 0, 2, "SRB", "MIL")])
    assert [m.event_type for m in mentions] == expected

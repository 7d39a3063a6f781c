"""Attribution extraction on hand-parsed Docs (no spaCy model): cue, source, content, direct quotes."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from helpers.parsed_docs import doc_from_rows
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.quotes.component import QuoteComponent

register_extensions()

# token: (text, head offset, dep, pos, tag, lemma); head offset is relative to the token.
Row = tuple[str, int, str, str, str, str]

INDIRECT: list[Row] = [
    ("Andar", 1, "nsubj", "PROPN", "NNP", "Andar"),
    ("said", 0, "ROOT", "VERB", "VBD", "say"),
    ("that", 3, "mark", "SCONJ", "IN", "that"),
    ("the", 1, "det", "DET", "DT", "the"),
    ("adviser", 1, "nsubj", "NOUN", "NN", "adviser"),
    ("left", -4, "ccomp", "VERB", "VBD", "leave"),
    (".", -5, "punct", "PUNCT", ".", "."),
]

ACCORDING: list[Row] = [
    ("According", 8, "prep", "VERB", "VBG", "accord"),
    ("to", -1, "prep", "ADP", "IN", "to"),
    ("the", 1, "det", "DET", "DT", "the"),
    ("ministry", -2, "pobj", "NOUN", "NN", "ministry"),
    (",", 4, "punct", "PUNCT", ",", ","),
    ("20", 1, "nummod", "NUM", "CD", "20"),
    ("fighters", 2, "nsubjpass", "NOUN", "NNS", "fighter"),
    ("were", 1, "auxpass", "AUX", "VBD", "be"),
    ("killed", 0, "ROOT", "VERB", "VBN", "kill"),
    (".", -1, "punct", "PUNCT", ".", "."),
]

QUOTE_THEN_CUE: list[Row] = [
    ("“", 7, "punct", "PUNCT", "``", '"'),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("will", 1, "aux", "AUX", "MD", "will"),
    ("win", 4, "ccomp", "VERB", "VB", "win"),
    (",", 3, "punct", "PUNCT", ",", ","),
    ("”", 2, "punct", "PUNCT", "''", '"'),
    ("he", 1, "nsubj", "PRON", "PRP", "he"),
    ("said", 0, "ROOT", "VERB", "VBD", "say"),
    (".", -1, "punct", "PUNCT", ".", "."),
]

SECOND_QUOTE: list[Row] = [
    ("“", 2, "punct", "PUNCT", "``", '"'),
    ("It", 1, "nsubj", "PRON", "PRP", "it"),
    ("is", 0, "ROOT", "AUX", "VBZ", "be"),
    ("big", -1, "acomp", "ADJ", "JJ", "big"),
    (".", -2, "punct", "PUNCT", ".", "."),
    ("”", -3, "punct", "PUNCT", "''", '"'),
]

NO_CUE: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("adviser", 1, "nsubj", "NOUN", "NN", "adviser"),
    ("left", 0, "ROOT", "VERB", "VBD", "leave"),
    ("Kabul", -1, "dobj", "PROPN", "NNP", "Kabul"),
    (".", -2, "punct", "PUNCT", ".", "."),
]


def _spaces(words: list[str]) -> list[bool]:
    """Newspaper spacing: no space before , . ” or after “."""
    return [
        i + 1 < len(words) and words[i + 1] not in {",", ".", "”", ":"} and words[i] != "“"
        for i in range(len(words))
    ]


def parsed(*sentences: list[Row]) -> Doc:
    rows = [row for sent in sentences for row in sent]
    doc = doc_from_rows(
        rows, ("text", "head", "dep", "pos", "tag", "lemma"), spaces=_spaces([r[0] for r in rows])
    )
    doc._.actor_mentions = []
    return doc


def text_of(doc: Doc, start: int, end: int) -> str:
    return doc.text[start:end]


@pytest.fixture(scope="module")
def component() -> QuoteComponent:
    comp = QuoteComponent()
    comp.resolver = None  # speaker resolution is tested on its own; keep these tests local
    return comp


def test_indirect_speech_gives_source_cue_and_that_clause(component: QuoteComponent) -> None:
    doc = component(parsed(INDIRECT))
    [quote] = doc._.quote_mentions
    assert text_of(doc, quote.cue.start, quote.cue.end) == "said"
    assert quote.source is not None and text_of(doc, quote.source.start, quote.source.end) == "Andar"
    assert [text_of(doc, s.start, s.end) for s in quote.content] == ["that the adviser left"]
    assert quote.direct is False


def test_according_to_takes_the_rest_of_the_clause(component: QuoteComponent) -> None:
    doc = component(parsed(ACCORDING))
    [quote] = doc._.quote_mentions
    assert text_of(doc, quote.cue.start, quote.cue.end) == "According to"
    assert quote.source is not None and text_of(doc, quote.source.start, quote.source.end) == "the ministry"
    assert [text_of(doc, s.start, s.end) for s in quote.content] == ["20 fighters were killed"]


def test_direct_quote_keeps_its_quote_marks(component: QuoteComponent) -> None:
    doc = component(parsed(QUOTE_THEN_CUE))
    [quote] = doc._.quote_mentions
    assert quote.direct is True
    assert [text_of(doc, s.start, s.end) for s in quote.content] == ["“We will win,”"]
    assert quote.source is not None and text_of(doc, quote.source.start, quote.source.end) == "he"


def test_direct_quote_continues_into_the_next_quotation(component: QuoteComponent) -> None:
    doc = component(parsed(QUOTE_THEN_CUE, SECOND_QUOTE))
    [quote] = doc._.quote_mentions
    fragments = [text_of(doc, s.start, s.end) for s in quote.content]
    assert fragments == ["“We will win,”", "“It is big.”"]


def test_cue_without_a_complement_takes_the_quote_before_it(component: QuoteComponent) -> None:
    quote_sentence: list[Row] = [
        ("“", 2, "punct", "PUNCT", "``", '"'),
        ("We", 1, "nsubj", "PRON", "PRP", "we"),
        ("win", 0, "ROOT", "VERB", "VBP", "win"),
        (",", -1, "punct", "PUNCT", ",", ","),
        ("”", -2, "punct", "PUNCT", "''", '"'),
    ]
    cue_sentence: list[Row] = [
        ("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"),
        ("said", 0, "ROOT", "VERB", "VBD", "say"),
        (".", -1, "punct", "PUNCT", ".", "."),
    ]
    doc = component(parsed(quote_sentence, cue_sentence))
    [quote] = doc._.quote_mentions
    assert quote.direct is True
    assert [text_of(doc, s.start, s.end) for s in quote.content] == ["“We win,”"]
    assert quote.sent_index == 1


@pytest.mark.parametrize("sentences", [[NO_CUE], []])
def test_no_cue_no_attribution(component: QuoteComponent, sentences: list[list[Row]]) -> None:
    doc = component(parsed(*sentences)) if sentences else component(Doc(spacy.blank("en").vocab, words=[]))
    assert doc._.quote_mentions == []

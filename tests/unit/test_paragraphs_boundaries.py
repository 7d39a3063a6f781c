import pytest
import spacy

from newsevents.nlp import paragraphs  # noqa: F401  (registers the component)


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsevents_paragraphs")
    return nlp


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Moqadas Hashimi\n1 Jul 2021", ["Moqadas", "1"]),
        ("First paragraph here.\n\nSecond one.", ["First", "Second"]),
        ("One line only with words", ["One"]),
    ],
)
def test_paragraphs_newline_starts_sentence(blank_nlp, text, starts):
    doc = blank_nlp(text)
    found = [t.text for t in doc if t.is_sent_start and not t.is_space]
    assert found == starts


def test_paragraphs_inline_text_left_to_parser(blank_nlp):
    doc = blank_nlp("He said so. Then he left.")
    # Only the first token is fixed; the rest stays undecided (None) for the parser.
    assert [t.is_sent_start for t in doc][1:] == [None] * (len(doc) - 1)

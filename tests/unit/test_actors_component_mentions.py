"""Actor mentions on hand-parsed Docs (no model): appositives, titles, metonymy, coreference-lite,
the article's dominant country, and the factory registration."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.nlp.actors.component import ActorsComponent
from newsevents.nlp.extensions import register_extensions
from newsevents.nlp.mentions import ActorMention

# (word, pos, tag, dep, head index)
Row = tuple[str, str, str, str, int]

ARTICLE: list[Row] = [
    ("Karim", "PROPN", "NNP", "compound", 1),
    ("Zand", "PROPN", "NNP", "nsubj", 7),
    (",", "PUNCT", ",", "punct", 1),
    ("National", "PROPN", "NNP", "compound", 5),
    ("Security", "PROPN", "NNP", "compound", 5),
    ("Adviser", "PROPN", "NNP", "appos", 1),
    (",", "PUNCT", ",", "punct", 1),
    ("left", "VERB", "VBD", "ROOT", 7),
    ("for", "ADP", "IN", "prep", 7),
    ("Moscow", "PROPN", "NNP", "pobj", 8),
    (".", "PUNCT", ".", "punct", 7),
    ("Afghan", "ADJ", "JJ", "amod", 12),
    ("officials", "NOUN", "NNS", "nsubj", 13),
    ("said", "VERB", "VBD", "ROOT", 13),
    ("Kabul", "PROPN", "NNP", "nsubj", 15),
    ("agreed", "VERB", "VBD", "ccomp", 13),
    (".", "PUNCT", ".", "punct", 13),
    ("Zand", "PROPN", "NNP", "nsubj", 18),
    ("spoke", "VERB", "VBD", "ROOT", 18),
    (".", "PUNCT", ".", "punct", 18),
]
ARTICLE_ENTS = ["B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-GPE", "O", "B-NORP", "O", "O", "B-GPE"] + ["O"] * 2
ARTICLE_ENTS += ["B-PERSON", "O", "O"]

TITLED: list[Row] = [
    ("U.S.", "PROPN", "NNP", "compound", 3),
    ("President", "PROPN", "NNP", "compound", 3),
    ("Dana", "PROPN", "NNP", "compound", 3),
    ("Whitlock", "PROPN", "NNP", "nsubj", 4),
    ("met", "VERB", "VBD", "ROOT", 4),
    ("Taliban", "PROPN", "NNP", "compound", 6),
    ("fighters", "NOUN", "NNS", "dobj", 4),
    (".", "PUNCT", ".", "punct", 4),
]
TITLED_ENTS = ["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O"]


def _doc(rows: list[Row], ents: list[str], pub_date: str | None = None) -> Doc:
    register_extensions()
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][1] != "PUNCT" for i in range(len(rows))]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        ents=ents,
    )
    doc._.pub_date = pub_date
    return doc


@pytest.fixture(scope="module")
def component() -> ActorsComponent:
    return ActorsComponent()


def _by_text(doc: Doc) -> dict[str, ActorMention]:
    return {doc[m.start : m.end].text: m for m in doc._.actor_mentions}


def test_appositive_merges_name_and_role(component: ActorsComponent) -> None:
    doc = component(_doc(ARTICLE, ARTICLE_ENTS))
    mention = _by_text(doc)["Karim Zand, National Security Adviser"]
    assert (mention.ref.name, mention.ref.sector, mention.ref.role) == (
        "Karim Zand",
        "GOV",
        "National Security Adviser",
    )
    assert mention.head == 1
    assert (mention.ref.char_start, mention.ref.char_end) == (0, len("Karim Zand, National Security Adviser"))


def test_person_without_country_cue_takes_the_articles_dominant_country(component: ActorsComponent) -> None:
    doc = component(_doc(ARTICLE, ARTICLE_ENTS))
    mention = _by_text(doc)["Karim Zand, National Security Adviser"]
    assert mention.ref.country == "AFG"
    assert "article_country" in mention.ref.rule


def test_capital_is_the_government_only_when_it_acts(component: ActorsComponent) -> None:
    mentions = _by_text(component(_doc(ARTICLE, ARTICLE_ENTS)))
    assert (mentions["Moscow"].ref.country, mentions["Moscow"].ref.sector) == ("RUS", None)
    assert (mentions["Kabul"].ref.country, mentions["Kabul"].ref.sector) == ("AFG", "GOV")


def test_short_mention_reuses_the_full_earlier_resolution(component: ActorsComponent) -> None:
    doc = component(_doc(ARTICLE, ARTICLE_ENTS))
    later = [m for m in doc._.actor_mentions if m.start == 17]
    assert len(later) == 1
    ref = later[0].ref
    assert (ref.name, ref.country, ref.sector, ref.role) == (
        "Karim Zand",
        "AFG",
        "GOV",
        "National Security Adviser",
    )


def test_nationality_and_role_noun_phrase(component: ActorsComponent) -> None:
    ref = _by_text(component(_doc(ARTICLE, ARTICLE_ENTS)))["Afghan officials"].ref
    assert (ref.country, ref.sector) == ("AFG", "GOV")


def test_title_before_name_and_group_members(component: ActorsComponent) -> None:
    mentions = _by_text(component(_doc(TITLED, TITLED_ENTS)))
    president = mentions["U.S. President Dana Whitlock"].ref
    assert (president.country, president.sector, president.name, president.role) == (
        "USA",
        "GOV",
        "Dana Whitlock",
        "President",
    )
    fighters = mentions["Taliban fighters"].ref
    assert (fighters.country, fighters.sector) == ("AFG", "REB")


def test_every_mention_has_offsets_rule_and_confidence(component: ActorsComponent) -> None:
    doc = component(_doc(ARTICLE, ARTICLE_ENTS))
    assert doc._.actor_mentions
    for mention in doc._.actor_mentions:
        span = doc[mention.start : mention.end]
        assert doc.text[mention.ref.char_start : mention.ref.char_end] == span.text
        assert mention.start <= mention.head < mention.end
        assert mention.ref.rule.startswith("actors.") and 0 < mention.ref.confidence <= 1


def test_factory_is_registered_and_sets_a_list() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("newsevents_actors")
    doc = nlp("nothing here")  # no parse: no noun chunks, no entities
    assert doc._.actor_mentions == []

"""Foundation II acceptance for actors on the example article (model-backed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.mentions import ActorMention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def actors_nlp(settings) -> Language:  # type: ignore[no-untyped-def]
    """The model with paragraph boundaries and the actors component only (not the other stages)."""
    from newsevents.nlp import paragraphs  # noqa: F401  (registers newsevents_paragraphs)
    from newsevents.nlp.actors import component  # noqa: F401  (registers newsevents_actors)
    from newsevents.nlp.extensions import register_extensions
    from newsevents.nlp.pipeline import configure_components, load_model

    register_extensions()
    nlp = load_model(settings)
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    nlp.add_pipe("newsevents_actors")
    configure_components(nlp, settings)
    return nlp


@pytest.fixture(scope="module")
def example_doc(actors_nlp: Language, example_path: Path) -> Doc:
    text = example_path.read_text(encoding="utf-8")
    doc = actors_nlp.make_doc(text)
    doc._.pub_date = "2021-07-01"
    for _name, proc in actors_nlp.pipeline:
        doc = proc(doc)
    return doc


def _find(doc: Doc, needle: str) -> list[ActorMention]:
    return [m for m in doc._.actor_mentions if needle in doc[m.start : m.end].text]


def test_mohib_is_the_afghan_national_security_adviser(example_doc: Doc) -> None:
    mentions = _find(example_doc, "Mohib")
    assert len(mentions) >= 3
    for mention in mentions:
        assert (mention.ref.country, mention.ref.sector, mention.ref.name) == (
            "AFG",
            "GOV",
            "Hamdullah Mohib",
        )
    assert any(m.ref.role == "National Security Adviser" for m in mentions)


def test_andar_is_the_councils_spokesman(example_doc: Doc) -> None:
    mentions = _find(example_doc, "Andar")
    assert mentions
    for mention in mentions:
        assert (mention.ref.country, mention.ref.sector, mention.ref.role) == ("AFG", "GOV", "spokesman")


@pytest.mark.parametrize(
    ("needle", "country", "sectors"),
    [
        ("Taliban", "AFG", {"REB"}),
        ("NATO", None, {"IGO"}),
        ("Government officials", "AFG", {"GOV"}),
        ("the Afghan government", "AFG", {"GOV"}),
        ("government forces", "AFG", {"MIL", "GOV"}),
        ("Ministry of Defense", "AFG", {"GOV", "MIL"}),
        ("Russian officials", "RUS", {"GOV"}),
        ("Ahmad Saeedi", "AFG", {"EDU"}),
        ("President Ghani", "AFG", {"GOV"}),
        ("U.S. President Joe Biden", "USA", {"GOV"}),
    ],
)
def test_actor_resolutions(example_doc: Doc, needle: str, country: str | None, sectors: set[str]) -> None:
    mentions = _find(example_doc, needle)
    assert mentions, needle
    for mention in mentions:
        assert mention.ref.country == country and mention.ref.sector in sectors, (needle, mention.ref)


@pytest.mark.parametrize(
    ("needle", "country"), [("German", "DEU"), ("Italy", "ITA"), ("Russia", "RUS"), ("U.S.", "USA")]
)
def test_countries(example_doc: Doc, needle: str, country: str) -> None:
    assert any(m.ref.country == country for m in _find(example_doc, needle))


def test_foreign_troops_are_not_afghan(example_doc: Doc) -> None:
    (mention,) = _find(example_doc, "foreign troops")
    assert mention.ref.country is None and mention.ref.sector == "MIL"


def test_moscow_acting_is_the_russian_government(example_doc: Doc) -> None:
    moscow = _find(example_doc, "Moscow")
    acting = [m for m in moscow if example_doc[m.head].dep_ == "nsubj"]
    assert acting and all((m.ref.country, m.ref.sector) == ("RUS", "GOV") for m in acting)
    assert any(m.ref.sector is None for m in moscow)  # "travel to Moscow": a place

"""Shared fixtures. ../shared (gold sets, corpus) is read in place and skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
EXAMPLE = REPO / "examples" / "afghan-nsa-travels-to-moscow.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: gold sets and corpus are read from there")
    return SHARED


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def settings():
    from newsevents.settings import load_settings

    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings):
    """The full pipeline (model + our components), built once per test session."""
    from newsevents.nlp.pipeline import build_nlp

    return build_nlp(settings)


@pytest.fixture(scope="session")
def example_analysis(nlp, settings):
    """The founding example, extracted and analysed end to end (once per session)."""
    from newsevents.analyze import analyze_articles
    from newsevents.extract import extract_article
    from newsevents.ingest import iter_documents

    raws = list(iter_documents([EXAMPLE], settings))
    article = extract_article(raws[0], settings)
    return next(analyze_articles(nlp, [article]))


@pytest.fixture(scope="module")
def blank_vocab():
    """A blank English vocab for docs built by hand (no model), one per test module."""
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def toponym_recognizer(tmp_path_factory):
    """The toponym recognizer over the reduced gazetteer (built once per session, under basetemp)."""
    from helpers.place_stubs import reduced_gazetteer
    from newsevents.nlp.places.recognize import ToponymRecognizer

    return ToponymRecognizer(reduced_gazetteer(tmp_path_factory))

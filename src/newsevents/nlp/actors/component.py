"""spaCy component `newsevents_actors`: actor mentions (doc._.actor_mentions) in a parsed Doc.

Candidates are noun chunks headed by an actor word (a vocabulary phrase or a named entity),
widened over appositives ("Hamdullah Mohib, National Security Adviser") and over of/for phrases
that carry the actor's organisation ("spokesman for the Office of ..."), then named entities
and proper vocabulary phrases that no chunk took. Each candidate is resolved by the same
resolver as `resolve_actor`; a second pass fills open countries from earlier mentions of the
same person ("Mohib" after "Hamdullah Mohib, ...") and from the article's dominant country.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.actors.mentions import find_mentions
from newsevents.nlp.actors.resolver import ActorResolver
from newsevents.nlp.actors.vocab import load_vocabulary
from newsevents.nlp.extensions import register_extensions


class ActorsComponent:
    def __init__(self) -> None:
        register_extensions()
        self.resolver = ActorResolver(load_vocabulary())

    def configure(self, settings: Any) -> None:
        """Adds the user's actor files and Phoenix dictionaries named in settings.nlp."""
        nlp_settings = settings.nlp
        self.resolver = ActorResolver(
            load_vocabulary(tuple(nlp_settings.actor_files or ()), tuple(nlp_settings.phoenix_files or ()))
        )

    def __call__(self, doc: Doc) -> Doc:
        doc._.actor_mentions = find_mentions(doc, self.resolver, pub_date=doc._.pub_date)
        return doc


@Language.factory("newsevents_actors", assigns=["doc._.actor_mentions"], requires=["doc.ents", "token.dep"])
def make_actors_component(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent()

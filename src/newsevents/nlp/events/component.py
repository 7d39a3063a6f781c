"""The `newsevents_events` spaCy component: PLOVER event mentions on `doc._.event_mentions`."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.events.actor_lookup import ActorLookup
from newsevents.nlp.events.cameo_rules import load_conventions
from newsevents.nlp.events.casualties import CasualtyCues
from newsevents.nlp.events.coder import SentenceCoder, Vocabulary
from newsevents.nlp.events.confidence import confidence_table
from newsevents.nlp.events.factuality import FactualityCues
from newsevents.nlp.events.instruments import load_instruments
from newsevents.nlp.events.triggers import build_lexicon
from newsevents.nlp.events.vocab import packaged, user_file
from newsevents.nlp.extensions import register_extensions
from newsevents.settings import Settings

# Settings keys (settings.extra) naming user files in the format of a packaged vocabulary:
# triggers.yaml, instruments.yaml, and the `conventions` section of plover_cameo.yaml.
USER_TRIGGER_FILES = "event_trigger_files"
USER_INSTRUMENT_FILES = "event_instrument_files"
USER_CONVENTION_FILES = "event_convention_files"


def load_vocabulary(
    trigger_files: tuple[str, ...] = (),
    instrument_files: tuple[str, ...] = (),
    convention_files: tuple[str, ...] = (),
) -> Vocabulary:
    """The packaged event vocabularies plus user files (theirs extend ours)."""
    return Vocabulary(
        lexicon=build_lexicon(_packaged_then_user("triggers.yaml", trigger_files)),
        factuality=FactualityCues.from_data(packaged("factuality.yaml")),
        casualties=CasualtyCues.from_data(packaged("casualties.yaml")),
        confidence=confidence_table(),
        instruments=load_instruments(_packaged_then_user("instruments.yaml", instrument_files)),
        conventions=load_conventions(_packaged_then_user("plover_cameo.yaml", convention_files)),
    )


def _packaged_then_user(name: str, user_paths: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(origin, data) of a packaged vocabulary file, then of the user's files in its format."""
    return [(name, packaged(name)), *((path, user_file(path)) for path in user_paths)]


class EventsComponent:
    """Codes every sentence of a Doc; reads doc._.actor_mentions and doc._.toponyms."""

    def __init__(self) -> None:
        register_extensions()
        self.vocab = load_vocabulary()

    def configure(self, settings: Settings) -> None:
        keys = (USER_TRIGGER_FILES, USER_INSTRUMENT_FILES, USER_CONVENTION_FILES)
        files = [tuple(str(p) for p in (settings.extra.get(key) or ())) for key in keys]
        if any(files):
            self.vocab = load_vocabulary(*files)

    def __call__(self, doc: Doc) -> Doc:
        lookup = ActorLookup(doc, doc._.actor_mentions, doc._.toponyms)
        coder = SentenceCoder(self.vocab, lookup)
        mentions = []
        for index, sent in enumerate(doc.sents):
            mentions.extend(coder.code(sent, index))
        doc._.event_mentions = mentions
        return doc


@Language.factory(
    "newsevents_events",
    assigns=["doc._.event_mentions"],
    requires=["doc._.actor_mentions", "token.dep"],
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()

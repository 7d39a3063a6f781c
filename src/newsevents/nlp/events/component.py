"""The `newsevents_events` spaCy component: PLOVER event mentions on `doc._.event_mentions`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.events.actor_lookup import ActorLookup
from newsevents.nlp.events.casualties import CasualtyCues
from newsevents.nlp.events.coder import SentenceCoder, Vocabulary
from newsevents.nlp.events.confidence import confidence_table
from newsevents.nlp.events.factuality import FactualityCues
from newsevents.nlp.events.triggers import build_lexicon
from newsevents.nlp.events.vocab import packaged, user_file
from newsevents.nlp.extensions import register_extensions
from newsevents.settings import Settings

# Settings key (settings.extra) naming user trigger files in the triggers.yaml format.
USER_TRIGGER_FILES = "event_trigger_files"


def load_vocabulary(trigger_files: tuple[str, ...] = ()) -> Vocabulary:
    """The packaged event vocabularies plus user trigger files."""
    files = [("triggers.yaml", packaged("triggers.yaml"))]
    files += [(path, user_file(path)) for path in trigger_files]
    return Vocabulary(
        lexicon=build_lexicon(files),
        factuality=FactualityCues.from_data(packaged("factuality.yaml")),
        casualties=CasualtyCues.from_data(packaged("casualties.yaml")),
        confidence=confidence_table(),
    )


class EventsComponent:
    """Codes every sentence of a Doc; reads doc._.actor_mentions and doc._.toponyms."""

    def __init__(self) -> None:
        register_extensions()
        self.vocab = load_vocabulary()

    def configure(self, settings: Settings) -> None:
        files = tuple(str(p) for p in (settings.extra.get(USER_TRIGGER_FILES) or ()))
        if files:
            self.vocab = load_vocabulary(files)

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

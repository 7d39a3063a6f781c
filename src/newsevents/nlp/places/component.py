"""spaCy components: toponyms (doc._.toponyms) and event locations (ev.place on doc._.event_mentions).

Settings: `place.cache_dir` (where the gazetteer index lives) and `place.alias_files`: the user's own
place names, TSV lines "alias<TAB>target" (target: an ISO alpha-3 country code, or the GeoNames id of
a gazetteer entry; # starts a comment). They add to the packaged aliases and need no index rebuild.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.mentions import Toponym
from newsevents.nlp.places.api import article_context, link_qualifiers
from newsevents.nlp.places.event_place import event_location
from newsevents.nlp.places.gazetteer import Gazetteer, load_gazetteer
from newsevents.nlp.places.places import to_place
from newsevents.nlp.places.recognize import ToponymRecognizer
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput
from newsevents.nlp.places.vocab import read_alias_files
from newsevents.settings import Settings


class ToponymComponent:
    """Finds toponyms and resolves them against the gazetteer, the whole article at once."""

    def __init__(self) -> None:
        self._cache_dir = ""
        self._aliases: tuple[tuple[str, str], ...] = ()
        self._gazetteer: Gazetteer | None = None

    def configure(self, settings: Settings) -> None:
        """Cache directory and the user's alias files (settings.place.alias_files, read now)."""
        self._cache_dir = settings.place.cache_dir
        self._aliases = tuple(read_alias_files(settings.place.alias_files))
        self._gazetteer = None

    @property
    def gazetteer(self) -> Gazetteer:
        """Loaded on first use (built first when this machine has no index for the current inputs)."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self._cache_dir).with_aliases(self._aliases)
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        recognized = ToponymRecognizer(self.gazetteer).recognize(doc)
        mentions = []
        for span in recognized:
            chars = doc[span.start : span.end]
            mentions.append(
                MentionInput(
                    chars.text,
                    chars.start_char,
                    chars.end_char,
                    demonym=span.demonym,
                    weak=span.weak,
                    facility=span.facility,
                )
            )
        link_qualifiers(doc.text, mentions)
        resolver = ArticleResolver(self.gazetteer, article_context(doc))
        resolutions = resolver.resolve(mentions)
        toponyms = []
        for span, mention, resolution in zip(recognized, mentions, resolutions, strict=True):
            if span.weak and not resolver.supports(resolution):
                continue
            place = to_place(mention, resolution)
            if place is not None:
                place.rule = f"{span.source}.{resolution.rule}"
                toponyms.append(
                    Toponym(span.start, span.end, place, demonym=span.demonym, metonymic=span.metonymic)
                )
        doc._.toponyms = toponyms
        return doc


class EventPlaceComponent:
    """Sets each event mention's location from its clause, its sentence, else the article."""

    def __call__(self, doc: Doc) -> Doc:
        toponyms = doc._.toponyms or []
        sentences = (
            [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc))]
        )
        for event in doc._.event_mentions or []:
            if event.place is None:
                event.place = event_location(doc, event, toponyms, sentences)
        return doc


@Language.factory("newsevents_toponyms", assigns=["doc._.toponyms"], requires=["token.dep", "doc.ents"])
def make_toponyms(nlp: Language, name: str) -> ToponymComponent:
    return ToponymComponent()


@Language.factory("newsevents_event_place", requires=["doc._.event_mentions", "doc._.toponyms"])
def make_event_place(nlp: Language, name: str) -> EventPlaceComponent:
    return EventPlaceComponent()

"""The `newsevents_quotes` spaCy component: attributions (source, cue, content) on doc._.quote_mentions.

Reads the parse and doc._.actor_mentions (set by newsevents_actors); never parses again.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.mentions import QuoteMention, Span
from newsevents.nlp.quotes.extract import extract_candidates
from newsevents.nlp.quotes.lexicon import CueLexicon, load_lexicon
from newsevents.nlp.quotes.model import AttributionModel, load_model
from newsevents.nlp.quotes.resolve import Resolver, SpeakerResolver, public_resolver
from newsevents.nlp.quotes.spans import TokenRange
from newsevents.settings import Settings

MAX_CACHED_FEATURES = 500_000  # about 60 MB of feature strings at most


def _char_span(doc: Doc, rng: TokenRange) -> Span:
    start, end = rng
    return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


class QuoteComponent:
    def __init__(self) -> None:
        self.lexicon: CueLexicon = load_lexicon()
        self.resolver: Resolver | None = public_resolver()
        self.model: AttributionModel = load_model()
        # Feature string -> hash id, shared by the Docs this component sees; bounded below.
        self.ids_cache: dict[str, int] = {}

    def configure(self, settings: Settings) -> None:
        # `nlp.quote_files`: extra cue files of the same YAML shape as data/quotes/cues.yaml.
        user_files = tuple(getattr(settings.nlp, "quote_files", ()) or ())
        self.lexicon = load_lexicon(user_files)
        self.resolver = public_resolver()

    def __call__(self, doc: Doc) -> Doc:
        if len(self.ids_cache) > MAX_CACHED_FEATURES:
            self.ids_cache.clear()
        speakers = SpeakerResolver(doc, self.resolver, self.lexicon.verbs)
        mentions: list[QuoteMention] = []
        for sent_index, cand in extract_candidates(doc, self.lexicon, self.model, self.ids_cache):
            speaker = speakers.speaker(*cand.source) if cand.source else None
            mentions.append(
                QuoteMention(
                    source=_char_span(doc, cand.source) if cand.source else None,
                    cue=_char_span(doc, cand.cue),
                    content=[_char_span(doc, r) for r in cand.content],
                    direct=cand.direct,
                    sent_index=sent_index,
                    rule=cand.rule,
                    confidence=cand.confidence,
                    speaker=speaker,
                )
            )
        doc._.quote_mentions = mentions
        return doc


@Language.factory(
    "newsevents_quotes",
    assigns=["doc._.quote_mentions"],
    requires=["token.dep", "doc._.actor_mentions"],
)
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()

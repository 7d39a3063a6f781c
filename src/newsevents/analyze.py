"""The NLP stage: clean articles in, ArticleAnalysis out (one spaCy pass per article)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.nlp.events.assemble import events_from_doc
from newsevents.nlp.quotes.assemble import quotes_from_doc
from newsevents.types import Article, ArticleAnalysis, Sentence
from newsevents.version import pipeline_version


def prepare_doc(nlp: Language, article: Article, publisher_country: str | None = None) -> Doc:
    """The body as a Doc carrying the context our components need (publication date, paragraphs)."""
    doc = nlp.make_doc(article.body)
    doc._.article_id = article.article_id
    doc._.pub_date = article.date
    doc._.paragraphs = article.paragraphs
    doc._.publisher_country = publisher_country
    return doc


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 64
) -> Iterator[ArticleAnalysis]:
    """Runs the pipeline over articles in order; yields one analysis per article."""
    articles = list(articles)
    docs = (prepare_doc(nlp, a) for a in articles)
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size), strict=True):
        yield doc_to_analysis(doc, article)


def doc_to_analysis(doc: Doc, article: Article) -> ArticleAnalysis:
    sentences = [
        Sentence(article.article_id, i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ]
    events = events_from_doc(doc, article, pipeline_version())
    quotes = quotes_from_doc(doc, article.article_id, events)
    return ArticleAnalysis(
        article=article,
        sentences=sentences,
        actors=[m.ref for m in (doc._.actor_mentions or [])],
        events=events,
        quotes=quotes,
        places=[t.place for t in (doc._.toponyms or [])],
    )

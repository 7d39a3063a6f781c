"""Synthetic pipeline output for the store and export tests (no model needed).

The store, export and orchestrator tests import these builders. Values vary with the
document number so that rows differ in every column the tests compare.
"""

from __future__ import annotations

from newsevents.types import (
    ActorRef,
    Article,
    ArticleAnalysis,
    DocumentRecord,
    Event,
    Place,
    Quote,
    Rejection,
    Sentence,
)


def snapshot(store) -> dict[str, list[tuple]]:
    """Every content table's rows, in a canonical order (for comparing two databases)."""
    from newsevents.store import CONTENT_TABLES

    return {t: store.connection.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in CONTENT_TABLES}


PLOVER = ("CONSULT", "ASSAULT", "RETREAT", "ACCUSE")
BODY = (
    "Hamdullah Mohib, National Security Adviser, departed for Moscow on Thursday.\n\n"
    "As many as 258 Taliban fighters were killed, the Ministry of Defense said."
)


def make_article(n: int) -> Article:
    first_end = BODY.index("\n\n")
    return Article(
        article_id=f"art{n:04d}",
        document_id=f"doc{n:04d}",
        origin=f"input/news.jsonl:{n}",
        url=f"https://example.org/news/{n}" if n % 2 else None,
        title=f"Afghan NSA Travels to Moscow ({n})",
        authors=["Moqadas Hashimi"] if n % 3 else [],
        date=f"2021-07-{(n % 28) + 1:02d}",
        publisher="TKG" if n % 2 else None,
        captions=[f"Photo {n}: Hamdullah Mohib"],
        body=BODY,
        language="en",
        paragraphs=[(0, first_end), (first_end + 2, len(BODY))],
        extractor="record",
    )


def make_actor(text: str, name: str, country: str | None, sector: str, start: int) -> ActorRef:
    return ActorRef(
        text=text,
        name=name,
        country=country,
        sector=sector,
        role="National Security Adviser" if sector == "GOV" else None,
        actor_id=f"actor:{name}",
        char_start=start,
        char_end=start + len(text),
        rule="appositive",
        confidence=0.9,
    )


def make_place(n: int) -> Place:
    start = BODY.index("Moscow")
    return Place(
        text="Moscow",
        name="Moscow",
        country="RUS",
        admin1="Moscow",
        lat=55.75222,
        lon=37.61556,
        geonames_id=524901,
        feature_class="P",
        precision=1 + n % 3,
        char_start=start,
        char_end=start + 6,
        rule="gazetteer.city",
        confidence=0.8,
    )


def make_event(n: int, k: int) -> Event:
    event_type = PLOVER[(n + k) % len(PLOVER)]
    sentence_end = BODY.index("\n\n")
    violent = event_type == "ASSAULT"
    return Event(
        event_id=f"ev{n:04d}-{k}",
        article_id=f"art{n:04d}",
        event_type=event_type,
        mode="visit" if event_type == "CONSULT" else None,
        context=["diplomatic"] if k % 2 == 0 else [],
        cameo="042" if event_type == "CONSULT" else "190",
        quad_class=1 if event_type == "CONSULT" else 4,
        goldstein=1.9 if event_type == "CONSULT" else -10.0,
        source=[make_actor("Hamdullah Mohib, National Security Adviser", "Hamdullah Mohib", "AFG", "GOV", 0)],
        target=[make_actor("Moscow", "Russia", "RUS", "GOV", BODY.index("Moscow"))] if k % 2 == 0 else [],
        date=f"2021-07-{(n % 28) + 1:02d}",
        date_end=f"2021-07-{(n % 28) + 1:02d}",
        date_precision="day",
        date_text="on Thursday",
        location=make_place(n) if k % 2 == 0 else None,
        dead=258 if violent else None,
        dead_qualifier="as many as" if violent else None,
        injured=142 if violent else None,
        injured_qualifier=None,
        arrested=None,
        arrested_qualifier=None,
        factuality=("asserted", "negated", "hypothetical")[(n + k) % 3],
        attributed_to="Ministry of Defense" if violent else None,
        confidence=0.5 + 0.1 * k,
        trigger="departed",
        sentence=BODY[:sentence_end],
        sentence_index=0,
        char_start=k,
        char_end=sentence_end,
        rule="visit.travel_to",
        pipeline_version="0.1.0+test",
        mentions=1 + k,
        sources=1,
        quote_id=f"q{n:04d}-0" if violent else None,
    )


def make_quote(n: int, event_ids: list[str]) -> Quote:
    cue_start = BODY.index("said")
    speaker_start = BODY.index("the Ministry")
    return Quote(
        quote_id=f"q{n:04d}-0",
        article_id=f"art{n:04d}",
        speaker=make_actor("the Ministry of Defense", "Ministry of Defense", "AFG", "MIL", speaker_start),
        source_text="the Ministry of Defense",
        source_start=speaker_start,
        source_end=speaker_start + len("the Ministry of Defense"),
        cue="said",
        cue_start=cue_start,
        cue_end=cue_start + 4,
        content="As many as 258 Taliban fighters were killed",
        content_spans=[(BODY.index("As many"), BODY.index(", the Ministry"))],
        direct=False,
        sentence_index=1,
        rule="said.subject",
        confidence=0.7,
        event_ids=event_ids,
    )


def make_analysis(n: int, n_events: int = 2) -> ArticleAnalysis:
    article = make_article(n)
    cut = BODY.index("\n\n")
    sentences = [
        Sentence(article.article_id, 0, 0, cut, BODY[:cut]),
        Sentence(article.article_id, 1, cut + 2, len(BODY), BODY[cut + 2 :]),
    ]
    events = [make_event(n, k) for k in range(n_events)]
    actors = [a for e in events for a in (*e.source, *e.target)]
    places = [e.location for e in events if e.location]
    return ArticleAnalysis(
        article=article,
        sentences=sentences,
        actors=actors,
        events=events,
        quotes=[make_quote(n, [e.event_id for e in events])],
        places=places,
    )


def make_rejection(n: int) -> Rejection:
    return Rejection(f"doc{n:04d}", f"input/news.jsonl:{n}", "E_LANGUAGE", "detected language: de")


def make_batch(numbers: range) -> tuple[list[DocumentRecord], list[ArticleAnalysis], list[Rejection]]:
    """Documents numbered `numbers`; every fourth is rejected, the others processed."""
    documents: list[DocumentRecord] = []
    analyses: list[ArticleAnalysis] = []
    rejections: list[Rejection] = []
    for n in numbers:
        rejected = n % 4 == 3
        documents.append(
            DocumentRecord(
                f"doc{n:04d}",
                f"input/news.jsonl:{n}",
                "record",
                100 + n,
                "rejected" if rejected else "processed",
            )
        )
        if rejected:
            rejections.append(make_rejection(n))
        else:
            analyses.append(make_analysis(n))
    return documents, analyses, rejections


# -- stand-ins for the pipeline's stages, to drive the real orchestrator without a model ---------


def stub_documents(count: int):
    """iter_documents replacement: `count` documents; every fourth is rejected at ingest."""
    from newsevents.types import RawDocument

    def iter_documents(paths, settings):
        for n in range(count):
            if n % 4 == 3:
                yield Rejection(f"doc{n:04d}", f"input/news.jsonl:{n}", "E_PARSE", "malformed JSON line")
            else:
                yield RawDocument(
                    f"doc{n:04d}", f"input/news.jsonl:{n}", "record", fields={"n": str(n)}, size=100 + n
                )

    return iter_documents


def stub_extract(raw, settings):
    """extract_article replacement: documents numbered 2 mod 4 are not English."""
    n = int(raw.fields["n"])
    if n % 4 == 2:
        return Rejection(raw.document_id, raw.origin, "E_LANGUAGE", "detected language: de")
    return make_article(n)


def stub_analyze(nlp, articles, settings):
    """analyze_batch replacement."""
    return [make_analysis(int(a.article_id.removeprefix("art"))) for a in articles], []


def install_stub_stages(set_attr, count: int) -> None:
    """Replaces the stages `newsevents.pipeline` calls, through `set_attr(name, value)`."""
    set_attr("iter_documents", stub_documents(count))
    set_attr("extract_article", stub_extract)
    set_attr("analyze_batch", stub_analyze)

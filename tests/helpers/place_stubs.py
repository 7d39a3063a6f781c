"""Shared scaffolding for the places tests: gazetteer candidates built by hand, a stub gazetteer
over them, the reduced real gazetteer, and resolution of names laid out in a text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest

from newsevents.nlp.places import sources
from newsevents.nlp.places.api import resolve_text_spans
from newsevents.nlp.places.gazetteer import Candidate, Gazetteer, load_gazetteer
from newsevents.nlp.places.normalize import normalise_name
from newsevents.nlp.places.resolve import ArticleResolver, MentionInput
from newsevents.types import Place


def candidate(
    place_id: int,
    name: str,
    *,
    country: str,
    population: int,
    kind: str = sources.KIND_CITY,
    fcode: str = "PPL",
    admin1: str | None = None,
    admin_code: str | None = None,
    lat: float = 0.0,
    lon: float = 0.0,
) -> Candidate:
    """A gazetteer entry found under its canonical name."""
    return Candidate(
        place_id, name, kind, fcode, country, admin1, admin_code, lat, lon, population, sources.NAME_CANONICAL
    )


class StubGazetteer:
    """The given entries looked up by normalised name, in the order given."""

    def __init__(self, entries: Iterable[Candidate]) -> None:
        self.entries: dict[str, tuple[Candidate, ...]] = {}
        for entry in entries:
            key = normalise_name(entry.name)
            self.entries[key] = (*self.entries.get(key, ()), entry)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return self.entries.get(normalise_name(name), ())


def resolve_names(entries: Iterable[Candidate], names: Sequence[str]) -> list[Candidate | None]:
    """The candidates an article naming `names` (two characters apart) resolves to over `entries`."""
    mentions, start = [], 0
    for name in names:
        mentions.append(MentionInput(name, start, start + len(name)))
        start += len(name) + 2
    resolutions = ArticleResolver(StubGazetteer(entries)).resolve(mentions)  # type: ignore[arg-type]
    return [r.candidate for r in resolutions]


def reduced_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """The reduced real gazetteer, built once per test session under its base temp dir."""
    return load_gazetteer(
        str(tmp_path_factory.getbasetemp() / "gazetteer"), reduced=True, show_progress=False
    )


def resolve_in_text(gazetteer: Gazetteer, text: str, names: Sequence[str]) -> list[Place | None]:
    """Resolve `names`, each found in `text` after the one before it."""
    spans: list[tuple[int, int]] = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return resolve_text_spans(gazetteer, text, spans)

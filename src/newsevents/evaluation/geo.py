"""Task `geo`: toponyms of GeoWebNews (geo_*.jsonl; LGL and TR-News share the schema).

Gold spans:
- counted: `is_toponym` true and `type` not Demonym, Language or Homonym (LGL / TR-News have no
  type: every span counts);
- ignored: Demonym, Language and Homonym spans: a prediction overlapping only ignored spans (and
  no counted one) is neither right nor wrong;
- skipped: `in_title` (offsets index the title) and `mismatch` (unusable offsets) spans;
- other spans (`is_toponym` false: context clues, non-toponyms) are negatives: a prediction there
  is a false positive.

End to end (`geo`): predicted toponyms (every toponym the pipeline found, resolved or not) are
matched one to one with counted gold spans whose overlap is at least half of the longer span; `precision`,
`recall`, `f1` are micro averages. Resolution over matched spans with gold coordinates:
`acc_161km` (great-circle error <= 161 km), `mean_error_km`, `median_error_km` (an unresolved
prediction costs the largest possible error, half the earth's circumference), `geonames_exact`
(where the gold has an id) and `country_accuracy` (where the gold has a country).
With `--gold-spans` (`geo_gold_spans`) the counted gold spans themselves are resolved by
`newsevents.nlp.places.api.resolve_spans`, the setting geoparsing papers report; same resolution
metrics, over every counted span with gold coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.evaluation.common import (
    EvalContext,
    Miss,
    TaskResult,
    analyse_gold_records,
)
from newsevents.evaluation.metrics import (
    ACC_KM,
    MAX_ERROR_KM,
    PRCounts,
    contiguous,
    haversine_km,
    match_spans,
    mean_or_none,
    median_or_none,
    ratio,
    span_overlap,
)
from newsevents.evaluation.normalise import norm_country
from newsevents.types import Place

TASK = "geo"
GOLD_SPANS_TASK = "geo_gold_spans"
GOLD_PATTERN = "geo_*.jsonl"
RESOLUTION_METRICS = ("acc_161km", "geonames_exact", "country_accuracy", "mean_error_km", "median_error_km")
METRICS = ("precision", "recall", "f1", *RESOLUTION_METRICS)
LOWER_IS_BETTER = frozenset({"mean_error_km", "median_error_km"})
IGNORED_TYPES = frozenset({"Demonym", "Language", "Homonym"})
SKIPPED_STATUS = frozenset({"in_title", "mismatch"})


def counted_and_ignored(record: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    counted, ignored = [], []
    for span in record.get("toponyms") or []:
        if span.get("offset_status") in SKIPPED_STATUS:
            continue
        if span.get("type") in IGNORED_TYPES:
            ignored.append(span)
        elif span.get("is_toponym", True):
            counted.append(span)
    return counted, ignored


@dataclass(slots=True)
class Resolution:
    """Resolution tallies over gold spans paired with a predicted place (or None)."""

    errors: list[float] = field(default_factory=list)
    ids: list[bool] = field(default_factory=list)
    countries: list[bool] = field(default_factory=list)

    def add(self, gold: dict[str, Any], place: Place | None) -> float | None:
        """Returns the error in km (None when the gold has no coordinates)."""
        error = None
        if gold.get("lat") is not None and gold.get("lon") is not None:
            if place is not None and place.lat is not None and place.lon is not None:
                error = haversine_km(float(gold["lat"]), float(gold["lon"]), place.lat, place.lon)
            else:
                error = MAX_ERROR_KM
            self.errors.append(error)
            if gold.get("geonames_id") not in (None, ""):
                self.ids.append(
                    place is not None and str(place.geonames_id) == str(gold["geonames_id"]).strip()
                )
            if gold.get("country"):
                self.countries.append(
                    place is not None and norm_country(place.country) == norm_country(str(gold["country"]))
                )
        return error

    def metrics(self) -> dict[str, float | None]:
        return {
            "acc_161km": ratio(sum(e <= ACC_KM for e in self.errors), len(self.errors)),
            "geonames_exact": ratio(sum(self.ids), len(self.ids)),
            "country_accuracy": ratio(sum(self.countries), len(self.countries)),
            "mean_error_km": mean_or_none(self.errors),
            "median_error_km": median_or_none(self.errors),
        }


def _gold_span(span: dict[str, Any]) -> tuple[tuple[int, int], ...]:
    return contiguous(int(span["start"]), int(span["end"]))


def _place_span(place: Place, shift: int) -> tuple[tuple[int, int], ...]:
    return contiguous(place.char_start + shift, place.char_end + shift)


def _describe(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "lat": place.lat, "lon": place.lon, "geonames_id": place.geonames_id}


def _gold_view(span: dict[str, Any]) -> dict[str, Any]:
    keys = ("start", "end", "text", "type", "geonames_id", "lat", "lon", "country")
    return {k: span[k] for k in keys if k in span}


def score_geo(
    articles: Iterable[tuple[dict[str, Any], Sequence[Place], int]], gold_name: str = ""
) -> TaskResult:
    """End-to-end scores over (gold article, predicted places, body-to-text offset shift)."""
    counts = PRCounts()
    resolution = Resolution()
    misses: list[Miss] = []
    n = 0
    for record, places, shift in articles:
        n += 1
        counted, ignored = counted_and_ignored(record)
        gold_spans = [_gold_span(s) for s in counted]
        ignored_spans = [_gold_span(s) for s in ignored]
        predicted_spans = [_place_span(p, shift) for p in places]
        matching = match_spans(predicted_spans, gold_spans)
        neutral = 0
        for i, span in enumerate(predicted_spans):
            if i in matching:
                continue
            touches_counted = any(span_overlap(span, g) for g in gold_spans)
            if not touches_counted and any(span_overlap(span, g) for g in ignored_spans):
                neutral += 1
                continue
            start, end = span[0]
            misses.append(
                Miss(record["id"], "spurious", None, {"span": [start, end], **(_describe(places[i]) or {})})
            )
        counts.add(len(matching), len(predicted_spans) - neutral, len(gold_spans))
        matched_gold = {g: p for p, g in matching.items()}
        for j, gold in enumerate(counted):
            if j not in matched_gold:
                misses.append(Miss(record["id"], "missed", _gold_view(gold), None))
                continue
            place = places[matched_gold[j]]
            error = resolution.add(gold, place)
            if error is not None and error > ACC_KM:
                misses.append(Miss(record["id"], "resolution", _gold_view(gold), _describe(place)))
    metrics = counts.scores() | resolution.metrics()
    return TaskResult(TASK, gold_name, n, metrics, misses=misses)


def score_gold_spans(
    articles: Iterable[tuple[dict[str, Any], Sequence[Place | None]]], gold_name: str = ""
) -> TaskResult:
    """Resolution scores over (gold article, one place or None per counted gold span)."""
    resolution = Resolution()
    misses: list[Miss] = []
    n = 0
    for record, places in articles:
        n += 1
        counted, _ = counted_and_ignored(record)
        if len(places) != len(counted):
            raise ValueError(f"{record['id']}: {len(places)} resolutions for {len(counted)} gold spans")
        for span, place in zip(counted, places, strict=True):
            error = resolution.add(span, place)
            if error is not None and error > ACC_KM:
                misses.append(Miss(record["id"], "resolution", _gold_view(span), _describe(place)))
    return TaskResult(GOLD_SPANS_TASK, gold_name, n, resolution.metrics(), misses=misses)


def run(gold_path: Path, ctx: EvalContext) -> TaskResult:
    analysed = analyse_gold_records(gold_path, ctx, keep_docs=ctx.gold_spans)
    if not ctx.gold_spans:
        triples = ((r, a.analysis.places if a.analysis else [], a.shift) for r, a in analysed)
        return score_geo(triples, str(gold_path))

    from newsevents.nlp.places.api import resolve_spans

    def resolved() -> Iterable[tuple[dict[str, Any], list[Place | None]]]:
        for record, item in analysed:
            counted, _ = counted_and_ignored(record)
            if item.doc is None:
                yield record, [None] * len(counted)
                continue
            spans = [(int(s["start"]) - item.shift, int(s["end"]) - item.shift) for s in counted]
            yield record, list(resolve_spans(item.doc, spans))

    return score_gold_spans(resolved(), str(gold_path))

"""Task `actors`: NGEC actor-resolution cases (actors*.jsonl) through `newsevents.resolve_actor`.

Cases: `status` collected and kind actor, agent or nationality (`wiki` needs Wikipedia: skipped).
Each case calls the public resolver `resolve_actor(text, context=..., date=...)` with the case's
`context` and `query_date` ("today" = no date). `""` and null are equal; codes are normalised
(normalise.py; NGEC's `UNO`/`EUR` are the pseudo-country IGO, its `UNK` sector is unknown).
A case asserting that the resolver returns None expects a null country and a null sector.

- country_accuracy: over cases that assert `country` (or None).
- sector_accuracy: predicted sector against `code_1`, over cases that assert it (or None).
- named_country_accuracy / descriptive_country_accuracy: country_accuracy over the cases whose
  text is a name vs a description; the rule is `is_named` below (data: actor_words.yaml).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.evaluation.common import EvalContext, Miss, TaskResult, read_jsonl
from newsevents.evaluation.metrics import ratio
from newsevents.evaluation.normalise import country_matches, sector_matches
from newsevents.types import ActorRef

TASK = "actors"
GOLD_PATTERN = "actors*.jsonl"
METRICS = ("country_accuracy", "sector_accuracy", "named_country_accuracy", "descriptive_country_accuracy")
LOWER_IS_BETTER: frozenset[str] = frozenset()
KINDS = frozenset({"actor", "agent", "nationality"})

Resolver = Callable[[str, str, str | None], ActorRef | None]


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    text = (
        resources.files("newsevents").joinpath("data/evaluation/actor_words.yaml").read_text(encoding="utf-8")
    )
    return {key: frozenset(str(w) for w in words) for key, words in yaml.safe_load(text).items()}


@cache
def _plain_words() -> frozenset[str]:
    lists = _word_lists()
    return lists["function_words"] | lists["role_words"] | lists["generic_words"]


@cache
def _country_phrases() -> re.Pattern[str]:
    """Country names, official and alternate names, codes and demonyms (with plurals), longest
    first, as one pattern over whole words. Case-sensitive: only capitalised words matter here,
    and codes must not eat words ("IN", "IT" are codes; "in", "it" are not)."""
    import countryinfo
    import pycountry

    phrases: set[str] = set()
    for info in countryinfo.all_countries():
        phrases.add(info.name())
        phrases.update(info.alt_spellings() or [])
        demonym = info.demonym()
        if demonym:
            # "Saudi Arabian" -> also "Saudi" / "Saudis": a multi-word demonym's words stand alone
            for form in {demonym, *demonym.split()}:
                phrases.update({form, form + "s"})
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_2", "alpha_3"):
            value = getattr(country, attr, None)
            if value:
                phrases.add(value)
    phrases.update(_word_lists()["country_words"])
    ordered = sorted((p for p in phrases if len(p) >= 2), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")


_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*")


def is_named(text: str, expected: dict[str, Any] | None = None) -> bool:
    """Whether a case's text names a person or organisation (vs a description).

    The gold decides when it asserts a Wikipedia title (a title: named; "": description).
    Otherwise: named when, after removing country names, codes and demonyms, a capitalised word
    remains that is not a function, role or generic word (actor_words.yaml).
    """
    if expected is not None and "wiki" in expected:
        return bool(expected["wiki"])
    remaining = _country_phrases().sub(" ", text)
    plain = _plain_words()
    return any(w[0].isupper() and w.rstrip(".") not in plain for w in _WORD.findall(remaining))


def _query_date(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip() or value.strip().lower() == "today":
        return None
    return value.strip()


def selected_cases(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r.get("status") == "collected" and r.get("kind") in KINDS]


def score_actors(cases: Iterable[tuple[dict[str, Any], ActorRef | None]], gold_name: str = "") -> TaskResult:
    """Scores (case, resolver result) pairs."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[Miss] = []
    n = 0
    for case, ref in cases:
        n += 1
        expected = case.get("expected") or {}
        none_expected = bool(case.get("expect_none"))
        country = ref.country if ref is not None else None
        sector = ref.sector if ref is not None else None
        if "country" in expected or none_expected:
            gold = None if none_expected else expected.get("country")
            ok = country_matches(gold, country, sector)
            split = (
                "named_country_accuracy"
                if is_named(case["text"], expected)
                else "descriptive_country_accuracy"
            )
            for name in ("country_accuracy", split):
                totals[name] += 1
                hits[name] += ok
            if not ok:
                misses.append(
                    Miss(case["id"], "country", gold, {"country": country, "sector": sector}, case["text"])
                )
        if "code_1" in expected or none_expected:
            gold = None if none_expected else expected.get("code_1")
            ok = sector_matches(gold, sector)
            totals["sector_accuracy"] += 1
            hits["sector_accuracy"] += ok
            if not ok:
                misses.append(
                    Miss(case["id"], "sector", gold, {"country": country, "sector": sector}, case["text"])
                )
    metrics = {name: ratio(hits[name], totals[name]) for name in METRICS}
    return TaskResult(TASK, gold_name, n, metrics, misses=misses, details={"support": dict(totals)})


def _public_resolver(ctx: EvalContext) -> Resolver:
    import newsevents

    resolve = newsevents.resolve_actor

    def call(text: str, context: str, date: str | None) -> ActorRef | None:
        return resolve(text, context=context, date=date, settings=ctx.settings)

    return call


def run(gold_path: Path, ctx: EvalContext, resolver: Resolver | None = None) -> TaskResult:
    cases = selected_cases(read_jsonl(gold_path, split=ctx.split))
    if ctx.limit is not None:
        cases = cases[: ctx.limit]
    resolve = resolver or _public_resolver(ctx)
    pairs = (
        (
            case,
            resolve(
                case["text"],
                str((case.get("args") or {}).get("context") or ""),
                _query_date((case.get("args") or {}).get("query_date")),
            ),
        )
        for case in cases
    )
    return score_actors(pairs, str(gold_path))

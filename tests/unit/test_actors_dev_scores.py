"""The `actors` task on the DEV gold through the project's scorer: issue 5's targets hold.

Bundled vocabularies: descriptive_country_accuracy >= 0.95 and sector_accuracy >= 0.85; with the
four Phoenix dictionaries: country_accuracy >= 0.90.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.actors import _query_date, score_actors, selected_cases
from newsevents.evaluation.common import read_jsonl
from newsevents.nlp.actors.resolver import resolve_actor
from newsevents.settings import load_settings

pytestmark = [pytest.mark.shared, pytest.mark.slow]

DICTS = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
)


def _metrics(gold: Path, settings: object | None) -> dict[str, float | None]:
    pairs = []
    for case in selected_cases(read_jsonl(gold)):
        args = case.get("args") or {}
        ref = resolve_actor(
            case["text"],
            context=str(args.get("context") or ""),
            date=_query_date(args.get("query_date")),
            settings=settings,
        )
        pairs.append((case, ref))
    return score_actors(pairs, str(gold)).metrics


def test_bundled_vocabularies_meet_targets(shared_dir: Path) -> None:
    metrics = _metrics(shared_dir / "eval" / "actors.dev.jsonl", None)
    assert (
        metrics["descriptive_country_accuracy"] is not None
        and metrics["descriptive_country_accuracy"] >= 0.95
    )
    assert metrics["sector_accuracy"] is not None and metrics["sector_accuracy"] >= 0.85


def test_phoenix_dictionaries_meet_country_target(shared_dir: Path) -> None:
    files = [str(shared_dir / "dicts" / name) for name in DICTS]
    settings = load_settings().with_overrides(nlp={"phoenix_files": files})
    metrics = _metrics(shared_dir / "eval" / "actors.dev.jsonl", settings)
    assert metrics["country_accuracy"] is not None and metrics["country_accuracy"] >= 0.90

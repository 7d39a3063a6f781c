"""The line patterns of the plain-text scrape parser, loaded once from package data (YAML)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_DATA_FILE = "data/extract/text_scrape.yaml"


@dataclass(frozen=True, slots=True)
class ScrapePatterns:
    boilerplate: re.Pattern[str]
    notices: re.Pattern[str]
    list_headers: re.Pattern[str]
    captions: re.Pattern[str]
    publisher: tuple[re.Pattern[str], ...]
    not_publisher: re.Pattern[str]
    dateline_publisher: tuple[re.Pattern[str], ...]
    byline_prefix: re.Pattern[str]
    published_label: re.Pattern[str]
    updated_label: re.Pattern[str]
    not_name_words: frozenset[str]
    name_particles: frozenset[str]
    agencies: frozenset[str]


def _compile(items: list[str], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in items)


def _alternation(items: list[str]) -> re.Pattern[str]:
    # One regex for a whole list: one scan of the line instead of one per pattern.
    return re.compile("|".join(f"(?:{p})" for p in items), re.IGNORECASE)


@cache
def load_patterns() -> ScrapePatterns:
    text = resources.files("newsevents").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    labels = data["date_labels"]
    return ScrapePatterns(
        boilerplate=_alternation(data["boilerplate"]),
        notices=_alternation(data["notices"]),
        list_headers=_alternation(data["list_headers"]),
        captions=_alternation(data["captions"]),
        publisher=_compile(data["publisher"]),
        not_publisher=_alternation(data["not_publisher"]),
        # Datelines are recognised by their capitals ("KABUL (Reuters) -"): case matters.
        dateline_publisher=_compile(data["dateline_publisher"], flags=0),
        byline_prefix=_alternation(data["byline_prefixes"]),
        published_label=re.compile(labels["published"], re.IGNORECASE),
        updated_label=re.compile(labels["updated"], re.IGNORECASE),
        not_name_words=frozenset(w.lower() for w in data["not_name_words"]),
        name_particles=frozenset(w.lower() for w in data["name_particles"]),
        agencies=frozenset(w.lower() for w in data["agencies"]),
    )


def any_match(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None

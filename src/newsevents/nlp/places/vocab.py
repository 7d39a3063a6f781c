"""Word lists of the places stage (package data files, read once per process)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from newsevents.errors import E_CONFIG, NewsEventsError

_NAME_WORDS = re.compile(r"[\w.']+")


def _data_lines(filename: str) -> list[str]:
    text = resources.files("newsevents").joinpath(f"data/places/{filename}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def stoplist() -> frozenset[str]:
    """Capitalised words that, untagged by the model, are almost never places."""
    return frozenset(line.strip().casefold() for line in _data_lines("recognition_stoplist.tsv"))


@functools.cache
def facility_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words that end a facility name, words that start one, street words), lower case."""
    ending, starting, streets = set(), set(), set()
    for line in _data_lines("facility_words.tsv"):
        word, position = (line.split("\t") + ["end"])[:2]
        word, position = word.strip().casefold(), position.strip()
        if position in ("end", "both", "street"):
            ending.add(word)
        if position in ("start", "both"):
            starting.add(word)
        if position == "street":
            streets.add(word)
    return frozenset(ending), frozenset(starting), frozenset(streets)


def is_facility_name(text: str, following: str = "") -> bool:
    """Whether a name (with the text right after it) names a street, building or site.

    "Royal Street", "Hotel Kyjev", "SM Mall of Asia"; "Chartres" followed by " Street" too (gold spans
    and model entities often stop before the street word). Only street words count after the name:
    "the Turkish market" and "Liverpool Academy" do not make "Turkish" or "Liverpool" facilities.
    """
    ending, starting, streets = facility_words()
    words = [w.casefold() for w in _NAME_WORDS.findall(text)]
    if not words:
        return False
    if words[-1] in ending or words[0] in starting:
        return True
    if "of" in words[1:] and words[words.index("of", 1) - 1] in ending:  # "Mall of Asia"
        return True
    after = _NAME_WORDS.match(following.lstrip())
    return bool(following[:1].isspace() and after and after.group(0).casefold() in streets)


def read_alias_files(paths: Sequence[str]) -> list[tuple[str, str]]:
    """(alias, target) rows of user alias files: "alias<TAB>alpha-3 or GeoNames id", # comments.

    Raises NewsEventsError E_CONFIG for an unreadable file or a line without a target.
    """
    rows: list[tuple[str, str]] = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise NewsEventsError(E_CONFIG, f"cannot read place alias file {path}: {exc}") from exc
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            alias, _tab, target = line.partition("\t")
            if not alias.strip() or not target.strip():
                raise NewsEventsError(E_CONFIG, f"{path}:{number}: expected alias<TAB>target")
            rows.append((alias.strip(), target.strip()))
    return rows

"""The words of temporal expressions: the packaged data/timex/vocabulary.yaml, merged with the
user's own files (settings.nlp.timex_files, `newsevents run --timex FILE`).

A user file has the packaged file's shape: a YAML mapping of sections, each adding words (or,
with a null value, removing a packaged one). Every entry is validated; a file that cannot be used
raises E_CONFIG naming the file, the section, the entry and the expected shape.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from newsevents.errors import E_CONFIG, NewsEventsError

# Units that shift() knows; a vocabulary unit is one of these times a multiplier ("fortnight": 2 weeks).
BASE_UNITS = ("hour", "day", "week", "month", "year")
_FORMAT_HINT = "see the README section 'Your own time words'"


def normalise(phrase: str) -> str:
    """The lookup key of a phrase: lower case, single spaces, straight apostrophes."""
    return " ".join(phrase.replace("\u2019", "'").lower().split())


@dataclass(frozen=True, slots=True, eq=False)  # identity hash: patterns are cached per vocabulary
class TimexVocabulary:
    numbers: Mapping[str, int]  # "two" -> 2
    units: Mapping[str, tuple[str, int]]  # "fortnight" -> ("week", 2)
    day_offsets: Mapping[str, tuple[int, int]]  # "overnight" -> (-1, 0): days from publication
    month_parts: Mapping[str, tuple[int, int]]  # "early" -> (1, 10): first and last day (31: month end)
    year_parts: Mapping[str, tuple[int, int]]  # "mid" -> (5, 8): first and last month
    months: Mapping[str, int]  # "sept" -> 9
    weekdays: Mapping[str, int]  # "monday" -> 0
    holidays: Mapping[str, tuple[int, int]]  # "christmas day" -> (12, 25): month and day
    date_prepositions: frozenset[str]
    rescheduling_words: frozenset[str] = frozenset()  # "postponed from June 3 to June 10": no range
    files: tuple[str, ...] = ()  # the user files merged in, in order


# -- entry validators: each returns the entry's typed value or raises ValueError with the shape --------


def _integer(value: Any, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("an integer")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"an integer from {low} to {high}")
    return value


def _pair(value: Any, low: int, high: int, what: str) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"a list [first, last] of {what} ({low} to {high})")
    first, last = (_integer(v, low, high) for v in value)
    if first > last:
        raise ValueError(f"[first, last] with first <= last ({what})")
    return first, last


def _unit(value: Any) -> tuple[str, int]:
    if isinstance(value, str) and value in BASE_UNITS:
        return value, 1
    if isinstance(value, list) and len(value) == 2 and value[0] in BASE_UNITS:
        return str(value[0]), _integer(value[1], 1, 1000)
    raise ValueError(f"a base unit ({', '.join(BASE_UNITS)}) or [base unit, multiplier], e.g. [year, 10]")


def _day_offset(value: Any) -> tuple[int, int]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, value
    try:
        return _pair(value, -3660, 3660, "days from publication")
    except ValueError:
        raise ValueError("days from publication: an integer (-1 = the day before) or [first, last]") from None


def _holiday(value: Any) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("[month, day], e.g. [12, 25]")
    month, day = _integer(value[0], 1, 12), _integer(value[1], 1, 31)
    if day > _DAYS_IN_MONTH[month - 1]:
        raise ValueError("[month, day] naming a real day")
    return month, day


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February 29 allowed

_MAPPING_SECTIONS: dict[str, Callable[[Any], Any]] = {
    "numbers": lambda v: _integer(v, 0, 100_000),
    "units": _unit,
    "day_offsets": _day_offset,
    "month_parts": lambda v: _pair(v, 1, 31, "days of the month"),
    "year_parts": lambda v: _pair(v, 1, 12, "months"),
    "months": lambda v: _integer(v, 1, 12),
    "weekdays": lambda v: _integer(v, 0, 6),
    "holidays": _holiday,
}
_LIST_SECTIONS = ("date_prepositions", "rescheduling_words")
SECTIONS = (*_MAPPING_SECTIONS, *_LIST_SECTIONS)
_PHRASE = re.compile(r"^[\w'.-]+(?: [\w'.-]+)*-?$")


def _phrase(raw: Any, origin: str, section: str) -> str:
    key = normalise(raw) if isinstance(raw, str) else ""
    if not key or not _PHRASE.match(key):
        raise NewsEventsError(
            E_CONFIG,
            f"timex vocabulary {origin}: section {section!r} has the entry {raw!r}; entries are words "
            f"or phrases (letters, digits, apostrophes, dots, hyphens); {_FORMAT_HINT}",
        )
    return key


def _merge_file(merged: dict[str, Any], data: Any, origin: str) -> None:
    """Adds one file's sections to `merged` (validated entries; null removes an entry)."""
    if data is None:
        return  # an empty file adds nothing
    if not isinstance(data, dict):
        raise NewsEventsError(
            E_CONFIG, f"timex vocabulary {origin} must hold a mapping of sections ({', '.join(SECTIONS)})"
        )
    for section, entries in data.items():
        if section not in SECTIONS:
            raise NewsEventsError(
                E_CONFIG,
                f"timex vocabulary {origin}: unknown section {section!r}; known: {', '.join(SECTIONS)}",
            )
        if section in _LIST_SECTIONS:
            if not isinstance(entries, list):
                raise NewsEventsError(
                    E_CONFIG, f"timex vocabulary {origin}: section {section!r} must be a list of words"
                )
            merged[section].update(_phrase(word, origin, section) for word in entries)
            continue
        if not isinstance(entries, dict):
            raise NewsEventsError(
                E_CONFIG,
                f"timex vocabulary {origin}: section {section!r} must be a mapping of phrase: value; {_FORMAT_HINT}",
            )
        for raw, value in entries.items():
            key = _phrase(raw, origin, section)
            if value is None:
                merged[section].pop(key, None)
                continue
            try:
                merged[section][key] = _MAPPING_SECTIONS[section](value)
            except ValueError as exc:
                raise NewsEventsError(
                    E_CONFIG,
                    f"timex vocabulary {origin}: {section}.{raw} = {value!r}; expected {exc}; {_FORMAT_HINT}",
                ) from None


def _read_yaml(text: str, origin: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise NewsEventsError(E_CONFIG, f"timex vocabulary {origin} is not valid YAML: {exc}") from exc


@functools.cache
def load_vocabulary(user_files: tuple[str, ...] = ()) -> TimexVocabulary:
    """The packaged vocabulary with `user_files` merged over it, in order (later files win)."""
    merged: dict[str, Any] = {section: {} for section in _MAPPING_SECTIONS}
    merged.update({section: set() for section in _LIST_SECTIONS})
    packaged = resources.files("newsevents").joinpath("data/timex/vocabulary.yaml")
    _merge_file(
        merged, _read_yaml(packaged.read_text(encoding="utf-8"), "data/timex/vocabulary.yaml"), "packaged"
    )
    for path in user_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise NewsEventsError(E_CONFIG, f"cannot read timex vocabulary {path}: {exc}") from exc
        _merge_file(merged, _read_yaml(text, str(path)), str(path))
    return TimexVocabulary(
        **{section: MappingProxyType(merged[section]) for section in _MAPPING_SECTIONS},
        date_prepositions=frozenset(merged["date_prepositions"]),
        rescheduling_words=frozenset(merged["rescheduling_words"]),
        files=tuple(str(p) for p in user_files),
    )

"""The words of temporal expressions: the packaged data/timex/vocabulary.yaml, merged with the
user's own files (settings.nlp.timex_files, `newsevents run --timex FILE`).

A user file has the packaged file's shape: a YAML mapping of sections, each adding words. In a
mapping section a null value removes a packaged word (`several: null`); in a list section an item
`- word: null` does. Every entry is validated; a file that cannot be used raises E_CONFIG naming
the file, the section, the entry and the expected shape.
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
# What a period qualifier keeps of the calendar period: all of it, or the part before / after publication.
PERIOD_PARTS = ("whole", "to_publication", "from_publication")
# Which weekend a qualifier names (intervals.weekend): the most recent (the coming one in a future
# clause), the one of the publication week, the one before or after it.
WEEKEND_CHOICES = ("recent", "this", "last", "next")
# More digits than this is no count of days, weeks or years anyone writes ("99999999999 days ago").
_MAX_COUNT_DIGITS = 6
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
    decade_parts: Mapping[str, tuple[int, int]]  # "early" -> (0, 3): first and last year of the decade
    period_qualifiers: Mapping[str, tuple[int, str]]  # "earlier this" -> (0, "to_publication")
    weekend_qualifiers: Mapping[str, str]  # "this past" -> "recent"
    date_prepositions: frozenset[str]
    rescheduling_words: frozenset[str] = frozenset()  # "postponed from June 3 to June 10": no range
    holiday_leads: frozenset[str] = frozenset()  # "on Christmas": words making a holiday name a date
    parts_of_day: frozenset[str] = frozenset()  # "Monday night", "the night of 3 July"
    possessives: frozenset[str] = frozenset()  # "in his late 30s": an age, not a decade
    files: tuple[str, ...] = ()  # the user files merged in, in order


def number_value(word: str, vocab: TimexVocabulary) -> int | None:
    """ "two" or "2" -> 2; None for a word that is no count."""
    word = normalise(word)
    if word.isdigit():
        return int(word) if len(word) <= _MAX_COUNT_DIGITS else None
    return vocab.numbers.get(word)


def is_abbreviation(month: str, vocab: TimexVocabulary) -> bool:
    """Whether a month word is an abbreviation ("Jan", "Sept": the start of a longer word for the
    same month), the only month words a dot may follow within a date ("Jan. 5", not "October. 12")."""
    key = normalise(month)
    number = vocab.months.get(key)
    return any(
        other != key and other.startswith(key) and vocab.months[other] == number for other in vocab.months
    )


def unit_of(word: str, vocab: TimexVocabulary) -> str | None:
    """ "weeks" -> "week" (the vocabulary's unit key), or None."""
    word = normalise(word)
    for candidate in (word, word[:-1] if word.endswith("s") else word):
        if candidate in vocab.units:
            return candidate
    return None


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


def _period_qualifier(value: Any) -> tuple[int, str]:
    if isinstance(value, int) and not isinstance(value, bool):
        return _integer(value, -10, 10), "whole"
    if isinstance(value, list) and len(value) == 2 and value[1] in PERIOD_PARTS:
        return _integer(value[0], -10, 10), str(value[1])
    raise ValueError(
        f"periods from the publication one (-1 = the one before), or [periods, part] with part one of "
        f"{', '.join(PERIOD_PARTS)}"
    )


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"one of {', '.join(choices)}")
        return str(value)

    return check


_MAPPING_SECTIONS: dict[str, Callable[[Any], Any]] = {
    "numbers": lambda v: _integer(v, 0, 100_000),
    "units": _unit,
    "day_offsets": _day_offset,
    "month_parts": lambda v: _pair(v, 1, 31, "days of the month"),
    "year_parts": lambda v: _pair(v, 1, 12, "months"),
    "months": lambda v: _integer(v, 1, 12),
    "weekdays": lambda v: _integer(v, 0, 6),
    "holidays": _holiday,
    "decade_parts": lambda v: _pair(v, 0, 9, "years of the decade"),
    "period_qualifiers": _period_qualifier,
    "weekend_qualifiers": _choice(WEEKEND_CHOICES),
}
_LIST_SECTIONS = (
    "date_prepositions",
    "rescheduling_words",
    "holiday_leads",
    "parts_of_day",
    "possessives",
)
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


def _merge_list(words: set[str], entries: Any, origin: str, section: str) -> None:
    """Adds a list section's words; an item `word: null` removes the word."""
    if not isinstance(entries, list):
        raise NewsEventsError(
            E_CONFIG,
            f"timex vocabulary {origin}: section {section!r} must be a list of words "
            f"(`- word: null` removes one); {_FORMAT_HINT}",
        )
    for entry in entries:
        if isinstance(entry, dict) and len(entry) == 1 and None in entry.values():
            words.discard(_phrase(next(iter(entry)), origin, section))
        elif isinstance(entry, dict):
            raise NewsEventsError(
                E_CONFIG,
                f"timex vocabulary {origin}: section {section!r} has the item {entry!r}; "
                f"an item is a word, or `word: null` to remove one; {_FORMAT_HINT}",
            )
        else:
            words.add(_phrase(entry, origin, section))


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
            _merge_list(merged[section], entries, origin, section)
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
    sections: dict[str, Any] = {section: MappingProxyType(merged[section]) for section in _MAPPING_SECTIONS}
    sections.update({section: frozenset(merged[section]) for section in _LIST_SECTIONS})
    return TimexVocabulary(**sections, files=tuple(str(p) for p in user_files))

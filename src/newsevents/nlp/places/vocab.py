"""Word lists of the places stage (package data files, read once per process)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from newsevents.errors import E_CONFIG, NewsEventsError

_NAME_WORDS = re.compile(r"[\w.']+")
FOLLOWING_CHARS = 60  # text after a name that is_facility_name needs to see
_FOLLOWING_TOKENS = re.compile(r"[\w.'\u2019-]+|[,&]")
_CONJUNCTIONS = frozenset({",", "&", "and", "or"})


def _data_lines(filename: str) -> list[str]:
    text = resources.files("newsevents").joinpath(f"data/places/{filename}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def stoplist() -> frozenset[str]:
    """Capitalised words that, untagged by the model, are almost never places."""
    return frozenset(line.strip().casefold() for line in _data_lines("recognition_stoplist.tsv"))


@functools.cache
def generic_place_words() -> frozenset[str]:
    """Ordinary words that also name towns or areas somewhere ("West", "Delta", "Pool")."""
    return frozenset(line.strip().casefold() for line in _data_lines("generic_place_words.tsv"))


def is_generic_name(text: str) -> bool:
    """Whether a name is one ordinary word ("West", "the Delta", "Region 1"). Names of two such
    words are proper names ("Falls Village", "Grand Rapids" is not even one)."""
    words = [w.casefold().strip(".") for w in _NAME_WORDS.findall(text) if not w.isdigit()]
    words = [w for w in words if w != "the"]
    return len(words) == 1 and words[0] in generic_place_words()


@functools.cache
def _facility_rows() -> tuple[tuple[str, str, bool], ...]:
    """(word, position, site) rows of facility_words.tsv, the one list of facility words."""
    rows = []
    for line in _data_lines("facility_words.tsv"):
        word, position, site = (line.split("\t") + ["end", ""])[:3]
        rows.append((word.strip().casefold(), position.strip(), site.strip() == "site"))
    return tuple(rows)


@functools.cache
def facility_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words that end a facility name, words that start one, street words), lower case."""
    ending, starting, streets = set(), set(), set()
    for word, position, _site in _facility_rows():
        if position in ("end", "both", "street"):
            ending.add(word)
        if position in ("start", "both"):
            starting.add(word)
        if position == "street":
            streets.add(word)
    return frozenset(ending), frozenset(starting), frozenset(streets)


@functools.cache
def site_words() -> frozenset[str]:
    """Facility words that make an organisation or facility entity ending with them a place itself
    ("Royal Street" tagged ORG); the others name institutions, whose town is the toponym."""
    return frozenset(word for word, _position, site in _facility_rows() if site)


@functools.cache
def name_part_words() -> frozenset[str]:
    """Words never the place a longer name is about on their own: facility words and name_words.tsv."""
    own = {line.strip().casefold() for line in _data_lines("name_words.tsv")}
    return frozenset(own | {word.rstrip(".") for word, _position, _site in _facility_rows()})


def is_facility_name(text: str, following: str = "") -> bool:
    """Whether a name (with the text right after it) names a street, building or site.

    "Royal Street", "Hotel Kyjev", "SM Mall of Asia"; "Ardley" followed by " Street" too (gold spans
    and model entities often stop before the street word), and "Ardley" in "Ardley and Quenby
    streets" (`following` should then reach past the coordinated names: about 60 characters). Only street words count after the name:
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
    # "Ave." is a street word; "avenues." is one at a sentence's end
    if (
        following[:1].isspace()
        and after
        and {after.group(0).casefold(), after.group(0).casefold().rstrip(".")} & streets
    ):
        return True
    return _coordinated_facility(text, following, ending, streets)


def _coordinated_facility(text: str, following: str, ending: frozenset[str], streets: frozenset[str]) -> bool:
    """A name coordinated with others before their shared facility word: "Ardley [and Quenby
    streets]", "Royal[, Ardley and Quenby streets]", "St Bride's [and St Ardan's Church]".
    The run after the name: a conjunction, then capitalised names and conjunctions only; it must end
    with a plural facility word ("Gardens", "Streets") or be followed by a plural street word
    ("streets"). A singular one is shared only by possessive names ("St Bride's and St Ardan's
    Church"): "Paris and Berlin Airport" names a city and an airport. "Paris and St Louis" ends with
    "Louis": no facility."""
    tokens = _FOLLOWING_TOKENS.findall(following)
    if not tokens or tokens[0].casefold() not in _CONJUNCTIONS:
        return False
    run: list[str] = []
    rest = ""
    for token in tokens[1:]:
        if token.casefold() in _CONJUNCTIONS or token[:1].isupper():
            run.append(token)
            continue
        rest = token.casefold().rstrip(".")
        break
    names = [t for t in run if t.casefold() not in _CONJUNCTIONS]
    if not names or names[-1] != run[-1]:
        return False
    if rest.endswith("s") and rest in streets:
        return True
    last = names[-1].casefold().rstrip(".")
    if len(names) < 2 or last not in ending:
        return False
    if _plural(last):
        return True
    return _possessive(text) and _possessive(names[-2])


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss") and not _possessive(word)


def _possessive(word: str) -> bool:
    return word.casefold().endswith(("'s", "\u2019s"))


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

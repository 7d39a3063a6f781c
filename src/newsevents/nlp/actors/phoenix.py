"""Import of PETRARCH / Phoenix dictionaries (the users' files; never bundled).

Actor files: an entry line holds a name with words joined by `_` (a trailing `_` marks a whole
word), synonyms follow on `+` lines, codes follow on the entry line or on indented lines:
`[CODE]`, `[CODE START-END]`, `[CODE >START]`, `[CODE <END]`, dates YYMMDD or YYYYMMDD; `#`
starts a comment. The Countries file opens each country with a block whose synonyms are its
other names, cities and provinces (`AFGHANISTAN_ [AFG]`, `+KABUL_`).
Agents file: `NOUN_ [~CODE]` (a role noun; `{PLURAL}` gives an irregular plural), macros
`!PERSON! = MAN, MEN, ...` expanded inside nouns, and `[CODE~]` forms.

CAMEO codes become (country, sector) through data/actors/cameo_codes.yaml; the undated code of an
entry is its default, dated codes apply by the article's date (dates.pick_code).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import E_CONFIG, NewsEventsError
from newsevents.nlp.actors.text import key_of
from newsevents.nlp.actors.vocab import ActorVocabulary, DatedCode, Entry, Kind, hispanic_short_name

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_PLURAL = re.compile(r"\{([^}]*)\}")
_PAREN = re.compile(r"\([^)]*\)")
# Two-digit years: PETRARCH's dictionaries date from 1945 to 2014, so 00-30 are 20xx.
_CENTURY_PIVOT = 30


@dataclass(frozen=True, slots=True)
class CameoTable:
    iso: frozenset[str]
    country_aliases: dict[str, str]
    regions: frozenset[str]
    pseudo: dict[str, str | None]
    religions: frozenset[str]
    sectors: dict[str, str | None]


@cache
def cameo_table() -> CameoTable:
    import pycountry

    text = resources.files("newsevents").joinpath("data/actors/cameo_codes.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return CameoTable(
        iso=frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"},
        country_aliases=dict(data["country_aliases"]),
        regions=frozenset(data["regions"]),
        pseudo=dict(data["pseudo_countries"]),
        religions=frozenset(data["religions"]),
        sectors=dict(data["sectors"]),
    )


def split_code(code: str) -> tuple[str | None, str | None] | None:
    """A CAMEO code as (country, sector); None when it says nothing ("---")."""
    table = cameo_table()
    value = code.strip().upper().lstrip("~").rstrip("~")
    if not value or set(value) <= {"-", "*"}:
        return None
    groups = [value[i : i + 3] for i in range(0, len(value), 3)]
    country: str | None = None
    sector: str | None = None
    first = groups[0]
    rest = groups[1:]
    if first in table.pseudo:
        sector = table.pseudo[first]
        if sector in ("IGO", "NGO"):
            return None, sector  # "IGOUNOKID": the UN's children's agency is still an IGO
    elif first in table.religions:
        sector = "REL"
    elif first in table.iso or first in table.country_aliases:
        country = table.country_aliases.get(first, first)
    elif first in table.regions:
        country = None
    elif first in table.sectors:
        rest = groups  # no country: "[ELI]", "[~GOV]"
    else:
        return None
    for group in rest:
        if group in table.sectors and table.sectors[group] is not None:
            sector = sector or table.sectors[group]
            break
    if country is None and sector is None:
        return None
    return country, sector


def _date(text: str) -> str | None:
    digits = text.strip()
    if not digits.isdigit():
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year <= _CENTURY_PIVOT else 1900
        month, day = digits[2:4], digits[4:6]
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), digits[4:6], digits[6:8]
    else:
        return None  # malformed ("2004017")
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year:04d}-{month}-{day}"


def parse_code(body: str) -> DatedCode | None:
    """`AFGGOV 620101-000101`, `UGAGOV >860126`, `KSVGOV > 080109`, `IGOUNO` -> DatedCode."""
    parts = body.split(None, 1)
    if not parts:
        return None
    split = split_code(parts[0])
    if split is None:
        return None
    start = end = None
    if len(parts) > 1:
        span = parts[1].replace(" ", "")
        if span.startswith(">"):
            start = _date(span[1:])
        elif span.startswith("<"):
            end = _date(span[1:])
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = _date(a), _date(b)
        if start is None and end is None:
            return None  # a date we cannot read must not become a default code
    return DatedCode(split[0], split[1], start, end)


def _name_of(raw: str) -> str:
    """`ANIMAL_LIBERATION_FRONT_(ALF)_` -> `ANIMAL LIBERATION FRONT`."""
    text = _PAREN.sub(" ", raw.replace("_", " "))
    return " ".join(text.split()).strip()


@dataclass(slots=True)
class _Actor:
    names: list[str]
    codes: list[DatedCode] = field(default_factory=list)
    country_block: bool = False


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_actor_lines(lines: Iterable[str]) -> Iterator[_Actor]:
    """Entries of an actor file, each with its names and codes."""
    current: _Actor | None = None
    for raw in lines:
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is not None:
                name = _name_of(_CODE.sub(" ", stripped[1:]))
                if name:
                    current.names.append(name)
                current.codes.extend(c for c in (parse_code(b) for b in _CODE.findall(stripped)) if c)
            continue
        if (
            stripped.startswith("[")
            and current is not None
            and (line[0].isspace() or not _CODE.sub("", stripped).strip())
        ):
            current.codes.extend(c for c in (parse_code(b) for b in _CODE.findall(stripped)) if c)
            continue
        if current is not None:
            yield current
        bodies = _CODE.findall(stripped)
        name = _name_of(_CODE.sub(" ", stripped))
        current = _Actor([name] if name else [])
        current.codes.extend(c for c in (parse_code(b) for b in bodies) if c)
        # A country block: a bare three-letter country code, no sector ("AFGHANISTAN_ [AFG]").
        current.country_block = len(bodies) == 1 and len(bodies[0].strip()) == 3 and current.codes[:1] != []
    if current is not None:
        yield current


def parse_agent_lines(lines: Iterable[str]) -> Iterator[tuple[str, str | None, str]]:
    """(noun phrase, plural or None, sector) of an agents file."""
    macros: dict[str, list[str]] = {}
    for raw in lines:
        line = _strip_comment(raw)
        if not line.strip():
            continue
        macro = _MACRO.match(line.strip())
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        split = split_code(codes[0])
        if split is None or split[1] is None:
            continue
        plural_match = _PLURAL.search(line)
        plural = plural_match.group(1).strip() if plural_match else ""
        noun = _PLURAL.sub(" ", _CODE.sub(" ", line)).strip()
        for expanded in _expand(noun, macros):
            yield _name_of(expanded), _name_of(plural) or None, split[1]


def _expand(noun: str, macros: dict[str, list[str]]) -> list[str]:
    for name, words in macros.items():
        if name in noun:
            return [e for w in words for e in _expand(noun.replace(name, w, 1), macros)]
    return [noun]


def _read_lines(path: str | Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise NewsEventsError(E_CONFIG, f"cannot read Phoenix dictionary {path}: {exc}") from exc


def _is_agents_file(lines: list[str]) -> bool:
    return sum("[~" in line for line in lines[:400]) > 20


def add_phoenix_files(vocab: ActorVocabulary, paths: Iterable[str]) -> None:
    """Imports each dictionary into the vocabulary, below the bundled entries of the same phrase."""
    for path in paths:
        lines = _read_lines(path)
        source = f"phoenix:{Path(path).name}"
        if _is_agents_file(lines):
            _add_agents(vocab, lines, source)
        else:
            _add_actors(vocab, lines, source)


# PETRARCH agent patterns may end in a preposition ("AMBASSADOR_TO", "OBSERVERS_IN") that its
# grammar fills with a country; our resolver reads those phrases itself.
_TRAILING_FUNCTION_WORDS = frozenset({"to", "in", "of", "for", "from", "at", "on", "with", "the", "and"})


def _add_agents(vocab: ActorVocabulary, lines: list[str], source: str) -> None:
    for noun, plural_form, sector in parse_agent_lines(lines):
        key = key_of(noun)
        while key and key[-1] in _TRAILING_FUNCTION_WORDS:
            key = key[:-1]
        if not key or key in vocab.index:
            continue  # bundled role words keep their conventions
        entry = Entry("role", noun.lower(), sector=sector, role_kind="strong", source=source)
        vocab.add(key, entry)
        if plural_form:
            vocab.add(
                key_of(plural_form), Entry("role", noun.lower(), sector=sector, plural=True, source=source)
            )
        else:
            from newsevents.nlp.actors.text import plural

            vocab.add(
                (*key[:-1], plural(key[-1])),
                Entry("role", noun.lower(), sector=sector, plural=True, source=source),
            )


def _add_actors(vocab: ActorVocabulary, lines: list[str], source: str) -> None:
    for actor in parse_actor_lines(lines):
        if not actor.names or not actor.codes:
            continue
        canonical = actor.names[0].title()
        if actor.country_block:
            code = actor.codes[0]
            for name in actor.names:
                key = key_of(name)
                if not key or key in vocab.index:  # our country names, capitals and seats first
                    continue
                # The block's first name is the country; its synonyms are mostly cities and
                # provinces ("+KABUL_", "+HELMAND"), which stand for their people when acting.
                kind: Kind = "country" if name == actor.names[0] else "city"
                vocab.add(key, Entry(kind, canonical, country=code.country, source=source))
            continue
        codes = tuple(actor.codes)
        default = next((c for c in codes if c.start is None and c.end is None), codes[-1])
        entry = Entry(
            "person", canonical, country=default.country, sector=default.sector, codes=codes, source=source
        )
        for name in actor.names:
            for key in _name_keys(name, default.country):
                vocab.add(key, entry)


def _name_keys(name: str, country: str | None) -> list[tuple[str, ...]]:
    key = key_of(name)
    if not key or len(key) == 1 and len(key[0]) <= 3:
        return []
    keys = [key]
    short = hispanic_short_name(key, country)
    if short is not None:
        keys.append(short)
    return keys


def parse_summary(path: str | Path) -> dict[str, Any]:
    """Counts of what a dictionary file holds (for `newsevents actors --check`-style reports)."""
    lines = _read_lines(path)
    if _is_agents_file(lines):
        return {"kind": "agents", "entries": sum(1 for _ in parse_agent_lines(lines))}
    actors = list(parse_actor_lines(lines))
    return {
        "kind": "actors",
        "entries": len(actors),
        "with_codes": sum(1 for a in actors if a.codes),
        "dated_codes": sum(1 for a in actors for c in a.codes if c.start or c.end),
    }

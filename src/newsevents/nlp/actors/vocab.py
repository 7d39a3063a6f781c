"""Actor vocabularies: package data files (and users' own files) loaded into one phrase index.

Every phrase becomes a key of normalised tokens (text.key_of) mapped to the entries that claim
it. An entry says what the phrase is (a country name, a demonym, a seat of government, a named
organisation, a role noun, ...) and what it resolves to (country, sector, canonical name).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from newsevents.errors import E_CONFIG, NewsEventsError
from newsevents.nlp.actors.text import key_of, plural

Kind = Literal[
    "country",  # "Afghanistan", "U.S."
    "demonym",  # "Afghan", "Russians"
    "capital",  # "Kabul": the government when it acts
    "seat",  # "the Kremlin", "the Pentagon", "Knesset": a body with its own sector
    "territory",  # "South Ossetia", "Rakhine", "Kano": a region of a country
    "city",  # "Mariupol", "Minsk" (gazetteer, lazily)
    "org",  # "Taliban", "NATO", "CIA"
    "role",  # "army", "officials", "President"
    "modifier",  # "former", "Jewish": adjectives that change a noun's sector
    "person",  # a named person from an imported dictionary (Phoenix)
]
RoleKind = Literal["strong", "member", "title", "person", "modifier"]

# When one key has several entries of different kinds, the resolver prefers them in this order:
# a named organisation over a role noun ("Congress"), a seat over a capital ("Washington").
KIND_PRIORITY: dict[str, int] = {
    "person": 0,
    "org": 1,
    "seat": 2,
    "country": 3,
    "demonym": 4,
    "territory": 5,
    "capital": 6,
    "role": 7,
    "modifier": 8,
    "city": 9,
}

GEO_KINDS = frozenset({"country", "demonym", "capital", "seat", "territory", "city"})


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One (country, sector) code valid from `start` to `end` (ISO dates, None = open)."""

    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    title: str | None = None  # "President", "Defence Minister"


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    name: str
    country: str | None = None
    sector: str | None = None
    role_kind: RoleKind = "strong"
    plural: bool = False  # matched through a derived plural ("officials")
    case_sensitive: bool = False  # acronyms ("UN", "IS", "WHO") match only as written
    surface: tuple[str, ...] = ()  # the alias as written, for case-sensitive entries
    igo: bool = False  # an international body with its own sector (ICJ: JUD)
    foreign: bool = False  # a modifier that says the actor is not of the article's country
    codes: tuple[DatedCode, ...] = ()  # date-bounded codes of imported dictionaries
    source: str = "bundled"


@dataclass(slots=True)
class ActorVocabulary:
    """The phrase index. Built once (load_vocabulary) and never mutated after building."""

    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    max_len: int = 1
    # first token of a phrase -> the longest phrase starting with it (skips most tokens at once)
    first_tokens: dict[str, int] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> canonical name

    def add(self, phrase: str | tuple[str, ...], entry: Entry) -> None:
        key = phrase if isinstance(phrase, tuple) else key_of(phrase)
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        if any(_same(e, entry) for e in bucket):
            return
        bucket.append(entry)
        bucket.sort(key=lambda e: (_source_rank(e.source), KIND_PRIORITY[e.kind], e.plural))
        self.max_len = max(self.max_len, len(key))
        if self.first_tokens.get(key[0], 0) < len(key):
            self.first_tokens[key[0]] = len(key)

    def lookup(self, key: tuple[str, ...]) -> list[Entry]:
        return self.index.get(key, [])


def _source_rank(source: str) -> int:
    # The user's own files override the bundled vocabularies, which override imported
    # dictionaries and the gazetteer for the same phrase.
    if source.startswith("user:"):
        return 0
    return 1 if source == "bundled" else 2


def _same(a: Entry, b: Entry) -> bool:
    return (a.kind, a.country, a.sector, a.role_kind, a.name) == (
        b.kind,
        b.country,
        b.sector,
        b.role_kind,
        b.name,
    )


def _read_yaml(path: Path | Any) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise NewsEventsError(E_CONFIG, f"cannot read actor vocabulary {path}: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict | list):
        raise NewsEventsError(E_CONFIG, f"actor vocabulary {path} must hold a mapping")
    return data if isinstance(data, dict) else {"countries_table": data}


def _package_file(name: str) -> Any:
    return resources.files("newsevents").joinpath(f"data/actors/{name}")


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(alias) <= 8


def _add_alias(vocab: ActorVocabulary, alias: str, entry: Entry, plurals: bool = False) -> None:
    key = key_of(alias)
    if not key:
        return
    if _is_acronym(alias):
        surface = tuple(t for t in key_of(alias))
        vocab.add(key, Entry(**{**_fields(entry), "case_sensitive": True, "surface": surface}))
        # "U.S." and "US" both written in capitals; keep the dotted form searchable without dots
        return
    vocab.add(key, entry)
    if plurals:
        pkey = (*key[:-1], plural(key[-1]))
        if pkey != key:
            vocab.add(pkey, Entry(**{**_fields(entry), "plural": True}))


def _fields(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in Entry.__slots__}  # type: ignore[attr-defined]


def add_countries(vocab: ActorVocabulary, table: list[dict[str, Any]], extras: dict[str, Any]) -> None:
    """countries.yaml rows merged with country_extras.yaml."""
    prefer: dict[str, str] = extras.get("prefer") or {}
    excluded = {key_of(a) for a in extras.get("exclude_aliases") or []}
    not_actors = set(extras.get("not_actors") or [])
    more: dict[str, dict[str, Any]] = {
        code: dict(add) for code, add in (extras.get("countries") or {}).items()
    }
    for code, names in (extras.get("legislatures") or {}).items():
        seats = list(more.setdefault(code, {}).get("seats") or [])
        more[code]["seats"] = seats + [{"text": name, "sector": "LEG"} for name in names]
    rows = {row["code"]: dict(row) for row in table}
    for code, add in more.items():
        known_name = vocab.country_names.get(code, code)
        row = rows.setdefault(
            code, {"code": code, "name": add.get("name", known_name), "aliases": [], "demonyms": []}
        )
        for field_name in ("aliases", "demonyms"):
            row[field_name] = list(row.get(field_name) or []) + list(add.get(field_name) or [])
        row["seats"] = list(add.get("seats") or [])
        if add.get("capital"):
            row["capital"] = add["capital"]
        if add.get("name"):
            row["name"] = add["name"]

    def claim(name: str, code: str, alias: bool = True) -> bool:
        if alias and key_of(name) in excluded:
            return False
        owner = prefer.get(name)
        return owner is None or owner == code

    for code, row in sorted(rows.items()):
        if code in not_actors:
            continue
        name = row["name"]
        vocab.country_names[code] = name
        for alias in [name, *row.get("aliases", [])]:
            if claim(alias, code):
                _add_alias(vocab, alias, Entry("country", name, country=code))
        for demonym in row.get("demonyms", []):
            for part in str(demonym).split(","):
                if part.strip() and claim(part.strip(), code, alias=False):
                    _add_alias(vocab, part.strip(), Entry("demonym", name, country=code), plurals=True)
        capital = row.get("capital")
        if capital and claim(capital, code):
            _add_alias(vocab, capital, Entry("capital", capital, country=code, sector="GOV"))
            if capital.endswith(" D.C."):  # "Washington D.C." is written "Washington" too
                _add_alias(vocab, capital[:-5], Entry("capital", capital, country=code, sector="GOV"))
        for seat in row.get("seats", []):
            _add_alias(vocab, seat["text"], Entry("seat", seat["text"], country=code, sector=seat["sector"]))


def add_roles(vocab: ActorVocabulary, groups: Iterable[dict[str, Any]], source: str = "bundled") -> None:
    for group in groups:
        sector = group["sector"]
        kind: RoleKind = group.get("kind", "strong")
        for term in group["terms"]:
            term = str(term)
            if kind == "modifier":
                foreign = bool(group.get("foreign", False))
                modifier = Entry(
                    "modifier", term, sector=sector, role_kind=kind, foreign=foreign, source=source
                )
                vocab.add(key_of(term), modifier)
            else:
                entry = Entry("role", term, sector=sector, role_kind=kind, source=source)
                _add_alias(vocab, term, entry, plurals=kind != "modifier")


def add_organizations(
    vocab: ActorVocabulary, orgs: Iterable[dict[str, Any]], source: str = "bundled"
) -> None:
    for org in orgs:
        entry = Entry(
            "org",
            org["name"],
            country=org.get("country"),
            sector=org.get("sector"),
            igo=bool(org.get("igo", False)),
            source=source,
        )
        for alias in [org["name"], *(org.get("aliases") or [])]:
            _add_alias(vocab, str(alias), entry, plurals=False)


def add_territories(vocab: ActorVocabulary, rows: Iterable[dict[str, Any]], source: str = "bundled") -> None:
    for row in rows:
        entry = Entry(
            "territory", row["name"], country=row["country"], sector=row.get("sector"), source=source
        )
        for alias in [row["name"], *(row.get("aliases") or [])]:
            _add_alias(vocab, str(alias), entry)


def add_people(vocab: ActorVocabulary, rows: Iterable[dict[str, Any]], source: str = "bundled") -> None:
    """people.yaml rows: a name, aliases and [country, sector, start, end, title] roles."""
    for row in rows:
        codes = []
        for role in row.get("roles") or []:
            country, sector, start, end, title = (list(role) + [None] * 5)[:5]
            codes.append(DatedCode(country, sector, _iso(start), _iso(end), title))
        if not codes:
            continue
        last = max(codes, key=lambda c: c.start or "")
        entry = Entry(
            "person", row["name"], country=last.country, sector=last.sector, codes=tuple(codes), source=source
        )
        for alias in [row["name"], *(row.get("aliases") or [])]:
            _add_alias(vocab, str(alias), entry)


# Spanish and Portuguese naming: "Diego Molano Vega" is written "Diego Molano" (given name and
# paternal surname), so three-word names from these countries also match without the last word.
_TWO_SURNAME_COUNTRIES = frozenset(
    {
        "ESP",
        "MEX",
        "COL",
        "ARG",
        "CHL",
        "PER",
        "VEN",
        "ECU",
        "BOL",
        "PRY",
        "URY",
        "CUB",
        "DOM",
        "GTM",
        "HND",
        "SLV",
        "NIC",
        "CRI",
        "PAN",
        "PRI",
    }
)


def hispanic_short_name(key: tuple[str, ...], country: str | None) -> tuple[str, ...] | None:
    if country in _TWO_SURNAME_COUNTRIES and len(key) == 3 and all(w.isalpha() for w in key):
        return key[:2]
    return None


def _iso(value: Any) -> str | None:
    # YAML reads 2021-03-11 as a date; keep ISO strings.
    return None if value is None else str(value)


def _iter_sections(data: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    known = {
        "organizations",
        "groups",
        "territories",
        "people",
        "countries",
        "legislatures",
        "prefer",
        "exclude_aliases",
        "not_actors",
    }
    for section, value in data.items():
        if section not in known and section != "countries_table":
            raise NewsEventsError(
                E_CONFIG, f"unknown actor vocabulary section {section!r}; known: {sorted(known)}"
            )
        yield section, value


def add_user_file(vocab: ActorVocabulary, path: str | Path) -> None:
    """A user's YAML file in our format: any of organizations / groups / territories / countries."""
    data = _read_yaml(Path(path))
    source = f"user:{path}"
    for section, value in _iter_sections(data):
        if section == "organizations":
            add_organizations(vocab, value or [], source)
        elif section == "groups":
            add_roles(vocab, value or [], source)
        elif section == "territories":
            add_territories(vocab, value or [], source)
        elif section == "people":
            add_people(vocab, value or [], source)
        elif section in ("countries", "legislatures"):
            add_countries(vocab, [], {section: value or {}})


def _bundled(vocab: ActorVocabulary) -> None:
    table = _read_yaml(_package_file("countries.yaml")).get("countries_table", [])
    add_countries(vocab, table, _read_yaml(_package_file("country_extras.yaml")))
    add_roles(vocab, _read_yaml(_package_file("roles.yaml")).get("groups", []))
    add_organizations(vocab, _read_yaml(_package_file("organizations.yaml")).get("organizations", []))
    add_territories(vocab, _read_yaml(_package_file("territories.yaml")).get("territories", []))
    add_people(vocab, _read_yaml(_package_file("people.yaml")).get("people", []))


_OUR_FORMAT_SUFFIXES = (".yaml", ".yml", ".json")


def split_actor_files(paths: Iterable[str | Path]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(our YAML/JSON files, PETRARCH/Phoenix dictionaries) of the files a user names with
    `--actors`: ours by their suffix, every other file is read as a Phoenix dictionary."""
    ours = tuple(str(p) for p in paths if str(p).lower().endswith(_OUR_FORMAT_SUFFIXES))
    phoenix = tuple(str(p) for p in paths if not str(p).lower().endswith(_OUR_FORMAT_SUFFIXES))
    return ours, phoenix


@cache
def load_vocabulary(
    actor_files: tuple[str, ...] = (), phoenix_files: tuple[str, ...] = ()
) -> ActorVocabulary:
    """The bundled vocabularies plus the user's files, built once per distinct file list.

    With imported dictionaries the built index is pickled in the user cache directory, keyed by
    a hash of every input (data files, dictionaries, and the code that parses them), so later
    processes load it in a fraction of the parse time.
    """
    if not phoenix_files:
        return _build(actor_files, phoenix_files)
    path = _cache_path(actor_files, phoenix_files)
    cached = _read_cache(path)
    if cached is not None:
        return cached
    vocab = _build(actor_files, phoenix_files)
    _write_cache(path, vocab)
    return vocab


def _build(actor_files: tuple[str, ...], phoenix_files: tuple[str, ...]) -> ActorVocabulary:
    vocab = ActorVocabulary()
    _bundled(vocab)
    for path in actor_files:
        add_user_file(vocab, path)
    if phoenix_files:
        from newsevents.nlp.actors.phoenix import add_phoenix_files

        add_phoenix_files(vocab, phoenix_files)
    return vocab


# Bump when ActorVocabulary / Entry change shape (the code hash below catches most changes).
_CACHE_FORMAT = "1"
_CODE_FILES = ("vocab.py", "phoenix.py", "text.py")
_DATA_FILES = (
    "countries.yaml",
    "country_extras.yaml",
    "roles.yaml",
    "organizations.yaml",
    "territories.yaml",
    "people.yaml",
    "cameo_codes.yaml",
)


def _cache_path(actor_files: tuple[str, ...], phoenix_files: tuple[str, ...]) -> Path:
    import hashlib

    import platformdirs

    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        digest.update((here / name).read_bytes())
    for name in _DATA_FILES:
        digest.update(_package_file(name).read_bytes())
    # File contents, not paths: the same dictionaries anywhere share one cache entry.
    for group in (actor_files, phoenix_files):
        digest.update(b"\x00group")
        for path in group:
            try:
                digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
            except OSError as exc:
                raise NewsEventsError(E_CONFIG, f"cannot read actor dictionary {path}: {exc}") from exc
    return Path(platformdirs.user_cache_dir("newsevents")) / f"actors-{digest.hexdigest()[:24]}.pickle"


def _read_cache(path: Path) -> ActorVocabulary | None:
    import pickle

    try:
        with path.open("rb") as handle:
            vocab = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, ImportError):
        return None  # absent or stale: rebuild
    return vocab if isinstance(vocab, ActorVocabulary) else None


def _write_cache(path: Path, vocab: ActorVocabulary) -> None:
    import os
    import pickle
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(vocab, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: parallel workers never read a half-written file
    except OSError:
        return  # a read-only cache directory only costs the parse next time


@cache
def stance_prefixes() -> frozenset[str]:
    """Prefixes that make a country or demonym a stance ("pro-Russia"): stance_prefixes.yaml."""
    data = _read_yaml(_package_file("stance_prefixes.yaml"))
    return frozenset(str(p).lower() for p in data.get("prefixes") or ())

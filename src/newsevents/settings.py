"""One typed settings object that travels through every stage.

Defaults live in `config/defaults.toml` (packaged); a user file with the same keys overrides them,
and CLI flags override both.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.errors import E_CONFIG, NewsEventsError


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_document_bytes: int
    extensions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    languages: tuple[str, ...]
    min_chars_for_language: int


@dataclass(frozen=True, slots=True)
class NlpSettings:
    model: str
    batch_size: int
    actor_files: tuple[str, ...] = ()
    phoenix_files: tuple[str, ...] = ()
    quote_files: tuple[str, ...] = ()  # extra attribution cue lists (data/quotes/cues.yaml shape)
    timex_files: tuple[str, ...] = ()  # extra time words (data/timex/vocabulary.yaml shape)


@dataclass(frozen=True, slots=True)
class StoreSettings:
    path: str
    batch_size: int


@dataclass(frozen=True, slots=True)
class PlaceSettings:
    cache_dir: str
    alias_files: tuple[str, ...] = ()  # user place aliases (TSV: alias<TAB>alpha-3 or GeoNames id)


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings
    extract: ExtractSettings
    nlp: NlpSettings
    store: StoreSettings
    place: PlaceSettings
    extra: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **sections: dict[str, Any]) -> Settings:
        """A copy with some keys replaced: `settings.with_overrides(store={"path": "x.duckdb"})`."""
        changed = {}
        for name, values in sections.items():
            current = getattr(self, name)
            changed[name] = replace(current, **{k: _coerce(v) for k, v in values.items()})
        return replace(self, **changed)


def _coerce(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


_SECTIONS = {
    "ingest": IngestSettings,
    "extract": ExtractSettings,
    "nlp": NlpSettings,
    "store": StoreSettings,
    "place": PlaceSettings,
}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = {k: dict(v) for k, v in base.items()}
    for section, values in override.items():
        if section not in _SECTIONS:
            raise NewsEventsError(E_CONFIG, f"unknown settings section [{section}]")
        known = {f.name for f in fields(_SECTIONS[section])}
        for key, value in values.items():
            if key not in known:
                raise NewsEventsError(E_CONFIG, f"unknown setting {section}.{key}; known: {sorted(known)}")
            out.setdefault(section, {})[key] = value
    return out


def load_settings(user_file: str | Path | None = None) -> Settings:
    """Packaged defaults, overridden by `user_file` (TOML, same keys) when given."""
    text = resources.files("newsevents").joinpath("config/defaults.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if user_file is not None:
        try:
            data = _merge(data, tomllib.loads(Path(user_file).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise NewsEventsError(E_CONFIG, f"cannot read settings file {user_file}: {exc}") from exc
    built = {
        name: cls(**{k: _coerce(v) for k, v in data.get(name, {}).items()}) for name, cls in _SECTIONS.items()
    }
    return Settings(**built)  # type: ignore[arg-type]

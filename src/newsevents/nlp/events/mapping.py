"""PLOVER -> CAMEO code, quad class and Goldstein-style score (data/events/plover_cameo.yaml)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any

from newsevents.nlp.events.vocab import packaged


@dataclass(frozen=True, slots=True)
class CameoCode:
    cameo: str | None
    quad_class: int | None
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class PloverCameoTable:
    data: dict[str, Any]
    # Derived from `data` once: for_code runs per coded event and the rows never change.
    listed_goldstein: Mapping[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "listed_goldstein", MappingProxyType(_listed_goldstein(self.data)))

    def lookup(self, category: str, mode: str | None = None, context: Sequence[str] = ()) -> CameoCode:
        entry = self.data.get("categories", {}).get(category)
        if entry is None:
            return CameoCode(None, None, None)
        quad = entry.get("quad")
        row = entry.get("default") or {}
        modes = entry.get("modes") or {}
        contexts = entry.get("contexts") or {}
        if mode and mode in modes:
            row = modes[mode]
        for ctx in context:
            if ctx in contexts:
                row = contexts[ctx]
                break
        return CameoCode(row.get("cameo"), quad, row.get("goldstein"))

    def intent(
        self,
        intended_category: str,
        category: str,
        intended_mode: str | None = None,
        context: Sequence[str] = (),
    ) -> CameoCode:
        """The code of a commitment to (AGREE/THREATEN) or refusal of (REJECT) a future event of
        `intended_category`. Categories listed under `planned_as_event` take the planned event's
        own code (a scheduled meeting is coded as the meeting)."""
        if category != "REJECT" and intended_category in (self.data.get("planned_as_event") or ()):
            planned = self.lookup(intended_category, intended_mode, context)
            if planned.cameo is not None:
                return CameoCode(planned.cameo, self.quad(category), planned.goldstein)
        section = "refusal" if category == "REJECT" else "intent"
        row = (self.data.get(section) or {}).get(intended_category)
        quad = (self.data.get("categories", {}).get(category) or {}).get("quad")
        if row is None:
            return self.lookup(category)
        return CameoCode(row.get("cameo"), quad, row.get("goldstein"))

    def quad(self, category: str) -> int | None:
        return (self.data.get("categories", {}).get(category) or {}).get("quad")

    def for_code(self, cameo: str) -> CameoCode:
        """Quad class and Goldstein score of a CAMEO code set directly by the grammar (a claim of
        responsibility, 015): the quad class of its root; the Goldstein score of the code where a
        row above lists it, else of its root (`cameo_roots`)."""
        root = (self.data.get("cameo_roots") or {}).get(cameo[:2]) or {}
        goldstein = self.listed_goldstein.get(cameo, root.get("goldstein"))
        return CameoCode(cameo, root.get("quad"), goldstein)


def _listed_goldstein(data: dict[str, Any]) -> dict[str, float]:
    """CAMEO code -> Goldstein score of every row of the category, intent and refusal tables."""
    rows: list[dict[str, Any]] = []
    for entry in (data.get("categories") or {}).values():
        rows.append(entry.get("default") or {})
        rows.extend((entry.get("modes") or {}).values())
        rows.extend((entry.get("contexts") or {}).values())
    rows.extend((data.get("intent") or {}).values())
    rows.extend((data.get("refusal") or {}).values())
    out: dict[str, float] = {}
    for row in rows:
        if row.get("cameo") and row.get("goldstein") is not None:
            out.setdefault(str(row["cameo"]), float(row["goldstein"]))
    return out


@cache
def plover_cameo_table() -> PloverCameoTable:
    return PloverCameoTable(packaged("plover_cameo.yaml"))

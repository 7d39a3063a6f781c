"""How a toponym relates to the places around it: containment, nearness, the place named next to
a facility, and the area qualifying a town ("Knockhill, Fife")."""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.nlp.places import sources
from newsevents.nlp.places.candidates import PROMINENT_CITY, admin1_code, haversine_km
from newsevents.nlp.places.gazetteer import Candidate
from newsevents.nlp.places.mention import MentionInput, Resolution

# A facility's neighbour: a place named within this many characters of it ("X Street, New Orleans",
# "the Rogers Centre in Toronto"), about one clause; and a place sharing or inside a facility's name
# counts as that facility's place when it lies this close to the neighbour (Windsor Castle - London
# 35 km; Heathrow - London 23 km). Set by hand, not tuned: with the facility rules as a whole,
# GeoWebNews DEV gold-spans acc_161km went from 0.897 to 0.907 and end-to-end acc_161km from 0.919
# to 0.937.
_NEIGHBOUR_CHARS = 120
_NEAR_KM = 100.0
NEIGHBOUR_KINDS = frozenset({sources.KIND_CITY, sources.KIND_ADMIN2, sources.KIND_LANDMARK})
# "Town, Area" where the gazetteer has no such town in that area: the town lies within the area.
_QUALIFYING_AREAS = frozenset({sources.KIND_ADMIN1, sources.KIND_ADMIN2, sources.KIND_COUNTRY})
TOWN_KINDS = frozenset({sources.KIND_CITY, sources.KIND_ADMIN2, sources.KIND_LANDMARK})
_WITHIN_CONFIDENCE = 0.3


def within_qualifiers(
    mentions: Sequence[MentionInput],
    found: Sequence[tuple[list[Candidate], str]],
    by_index: dict[int, Resolution],
) -> None:
    """ "Knockhill, Fife", "Smallville, Ga.": a town the gazetteer lacks, or knows only elsewhere,
    lies within the area that qualifies it (rule "within", the area's precision): the area is
    nearer the truth than a namesake abroad or the article's focus. Not for a large city or a
    capital ("Berlin, Bavaria and Saxony" is a list) nor for names of areas themselves ("Ohio,
    Texas")."""
    for index, mention in enumerate(mentions):
        area = linked_place(mention, mention.qualifier, by_index, _QUALIFYING_AREAS)
        if area is None:
            continue
        own = by_index.get(index)
        candidates = found[index][0]
        if own is not None and (
            own.rule != "gazetteer"
            or own.candidate is None
            or contains(area, own.candidate)
            or any(c.kind not in TOWN_KINDS for c in candidates)
            or any(prominent_town(c) for c in candidates)
        ):
            continue
        by_index[index] = Resolution(area, "within", _WITHIN_CONFIDENCE, "")


def linked_place(
    mention: MentionInput, link: int | None, by_index: dict[int, Resolution], kinds: frozenset[str]
) -> Candidate | None:
    """The place of the mention that qualifies or contains this one (`link`, its index), when that
    mention was resolved by its own name (rule "gazetteer" or "hierarchy") to one of `kinds`; None
    for a facility or a demonym, which have their own rules."""
    if link is None or mention.facility or mention.demonym:
        return None
    linked = by_index.get(link)
    if linked is None or linked.candidate is None or linked.rule not in ("gazetteer", "hierarchy"):
        return None
    return linked.candidate if linked.candidate.kind in kinds else None


def prominent_town(candidate: Candidate) -> bool:
    return candidate.population >= PROMINENT_CITY or candidate.fcode == "PPLC"


def neighbour_of(
    mentions: Sequence[MentionInput], index: int, anchors: dict[int, Resolution]
) -> Resolution | None:
    """The closest place named within a clause of a facility ("Royal Street, New Orleans")."""
    mention = mentions[index]
    best: tuple[int, Resolution] | None = None
    for other, resolution in anchors.items():
        candidate = resolution.candidate
        # Towns and sites only: a state or country named nearby is too coarse to place a building,
        # unless it qualifies the facility ("Royal Street, Louisiana").
        if other == index or candidate is None:
            continue
        if candidate.kind not in NEIGHBOUR_KINDS and not (
            other == mention.qualifier and candidate.kind == sources.KIND_ADMIN1
        ):
            continue
        gap = max(
            mentions[other].char_start - mention.char_end, mention.char_start - mentions[other].char_end
        )
        if 0 <= gap <= _NEIGHBOUR_CHARS and (best is None or gap < best[0]):
            best = (gap, resolution)
    return best[1] if best else None


def is_near(anchor: Candidate, place: Candidate) -> bool:
    """Whether a place lies at or near an anchor place (in it, for an area)."""
    if anchor.kind in (sources.KIND_COUNTRY, sources.KIND_ADMIN1, sources.KIND_ADMIN2):
        if contains(anchor, place) or anchor.place_id == place.place_id:
            return True
    return haversine_km(anchor.lat, anchor.lon, place.lat, place.lon) <= _NEAR_KM


def contains(area: Candidate, place: Candidate) -> bool:
    if area.kind == sources.KIND_COUNTRY:
        return place.country == area.country and place.place_id != area.place_id
    if area.kind in (sources.KIND_ADMIN1, sources.KIND_ADMIN2):
        return (
            place.country == area.country
            and admin1_code(place) == admin1_code(area)
            and place.place_id != area.place_id
        )
    return False

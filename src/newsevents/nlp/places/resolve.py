"""Toponym resolution: pick one gazetteer entry per mention using priors and the article's context.

Score of a candidate = prior (population, kind, how the name names it, capital) + context (countries
and first-level areas the article is about) + hierarchy ("Paris, Texas": the qualifier's area).
One sense per article: mentions with the same name get the same entry. Names with no entry fall
back to a place named inside them ("Colorado State University" -> Colorado), else to the article's
focus (a street in a New Orleans story lies in New Orleans).

Facilities (streets, buildings, sites: "Royal Street", "Windsor Castle", "Ardley" before "Street")
are resolved last: a place their name contains, or that shares their name, counts only when it lies
near the place named next to them ("Kamenne Square in Bratislava") or near the article's focus; else
they take that neighbouring place or the focus. Streets are named after faraway towns.
A town the text puts in a place resolves there: "Knockhill, Fife" with no Knockhill in Fife lies
within Fife (rule "within"); "X University in St. Louis" and "London's Heathrow" take a sense near
that town, else the town (rule "near"). A second pass lets the senses chosen for small towns follow
the countries of the article's other chosen places ("Dundrum" then "Dundalk": Ireland).
In a local story (two names in one first-level area), a town there beats a famous namesake from a
country the article does not mention ("Paris" next to Lamar County, Texas). A toponym that is one
ordinary word ("West", "Delta") takes a town or area sense only in an area the article names.
Demonyms ("Japanese") are weak evidence of where a story happens (a Japanese man charged in Dublin):
they vote for their country with half the weight of a place name and are never the focus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsevents.nlp.places import sources
from newsevents.nlp.places.candidates import (
    PROMINENT_CITY,
    admin1_code,
    haversine_km,
    inner_candidates,
    lookup,
)
from newsevents.nlp.places.gazetteer import Candidate, Gazetteer
from newsevents.nlp.places.linking import (
    NEIGHBOUR_KINDS,
    TOWN_KINDS,
    contains,
    is_near,
    linked_place,
    neighbour_of,
    prominent_town,
    within_qualifiers,
)
from newsevents.nlp.places.mention import ArticleContext, MentionInput, Resolution
from newsevents.nlp.places.normalize import normalise_name
from newsevents.nlp.places.scoring import (
    CONFIDENT_SEED,
    DEMONYM_SEED,
    Own,
    best_candidate,
    focus_place,
    seed_context,
)
from newsevents.nlp.places.vocab import is_generic_name

__all__ = ["ArticleContext", "ArticleResolver", "MentionInput", "Resolution", "haversine_km"]

# Names revisited by the second pass, least confident first: bounds its work on texts that list
# hundreds of towns. News names fewer: GeoWebNews DEV articles name at most 88 distinct toponyms.
_SECOND_PASS_NAMES = 64


class ArticleResolver:
    """Resolves all toponyms of one article together (shared context, one sense per name)."""

    def __init__(self, gazetteer: Gazetteer, context: ArticleContext | None = None) -> None:
        self.gazetteer = gazetteer
        self.context = context or ArticleContext()
        self.countries: Counter[str] = Counter()  # the article's country evidence (after resolve)
        self.admins: Counter[str] = Counter()  # its first-level area evidence
        self.toponym_countries: Counter[str] = Counter()  # the country evidence of toponyms alone

    def supports(self, resolution: Resolution) -> bool:
        """Whether a weakly recognised mention's place is prominent or in an area the article is about."""
        candidate = resolution.candidate
        if candidate is None or resolution.rule not in ("gazetteer", "hierarchy"):
            return False
        if resolution.rule == "hierarchy":
            return True
        share = self.countries.get(candidate.country or "", 0) / max(self.countries.values(), default=1)
        if candidate.name_type == sources.NAME_ALTERNATE:
            # English spellings are often GeoNames alternates ("Douma" for Dūmā): a large city of
            # the article's main country is still credible.
            return (
                candidate.kind == sources.KIND_CITY
                and candidate.population >= PROMINENT_CITY
                and share >= 0.5
            )
        if candidate.kind in (sources.KIND_CITY, sources.KIND_ADMIN2):
            code = admin1_code(candidate)
            if code and self.admins.get(code):
                return True
            return (
                candidate.population >= PROMINENT_CITY and self.countries.get(candidate.country or "", 0) > 0
            )
        if candidate.kind == sources.KIND_ADMIN1:
            return self.countries.get(candidate.country or "", 0) > 0
        return True

    def resolve(self, mentions: Sequence[MentionInput]) -> list[Resolution]:
        found = [lookup(self.gazetteer, m.text, m.demonym) for m in mentions]
        inner = [False] * len(mentions)
        for index, (candidates, _variant) in enumerate(found):
            if not candidates:
                inner_found = inner_candidates(self.gazetteer, mentions[index].text)
                if inner_found[0]:
                    found[index] = inner_found
                    inner[index] = True
        demonyms = [m.demonym or _is_demonym(c) for m, (c, _v) in zip(mentions, found, strict=True)]
        generic = [is_generic_name(v) for _c, v in found]
        entries = [
            (normalise_name(v), c, DEMONYM_SEED if demonym else CONFIDENT_SEED)
            for (c, v), m, demonym, plain in zip(found, mentions, demonyms, generic, strict=True)
            if not m.weak and not m.facility and not plain
        ]
        countries, admins, own, self.toponym_countries = seed_context(entries, self.context)
        self.countries, self.admins = countries, admins
        for index, (candidates, variant) in enumerate(found):
            if generic[index]:  # "West", "Delta": no Cameroonian province in a story about Europe
                found[index] = (self._generic_senses(candidates, own.get(normalise_name(variant))), variant)
        chosen: dict[str, tuple[Candidate, float]] = {}
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].qualifier is not None)
        by_index: dict[int, Resolution] = {}
        for index in order:
            mention = mentions[index]
            candidates, variant = found[index]
            if not candidates or mention.facility:
                continue
            key = normalise_name(variant)
            qualifier = by_index.get(mention.qualifier) if mention.qualifier is not None else None
            if key in chosen and qualifier is None:
                candidate, confidence = chosen[key]
            else:
                candidate, confidence = self._best_for(key, candidates, own, qualifier)
                if qualifier is None:
                    chosen[key] = (candidate, confidence)
            contained = (
                qualifier is not None
                and qualifier.candidate is not None
                and contains(qualifier.candidate, candidate)
            )
            rule = "inner" if inner[index] else ("hierarchy" if contained else "gazetteer")
            by_index[index] = Resolution(candidate, rule, confidence, variant)
        voters = {
            normalise_name(found[i][1])
            for i, m in enumerate(mentions)
            if i in by_index and not (m.weak or m.facility or demonyms[i] or inner[i])
        }
        # Whole names only: a name found inside a longer one has only its prominent senses.
        whole_names = {
            normalise_name(v): c
            for (c, v), was_inner in zip(found, inner, strict=True)
            if c and not was_inner
        }
        self._second_pass(chosen, voters, whole_names, own, by_index)
        # One sense per article, led by the qualified mention: "CHARLESTON, W.Va. -- A Charleston
        # man" means the West Virginia one both times.
        qualified = {
            normalise_name(r.matched_text): r.candidate for r in by_index.values() if r.rule == "hierarchy"
        }
        for index, resolution in by_index.items():
            sense = qualified.get(normalise_name(resolution.matched_text))
            if sense is not None and resolution.rule == "gazetteer" and mentions[index].qualifier is None:
                by_index[index] = replace(resolution, candidate=sense)
        within_qualifiers(mentions, found, by_index)
        self._in_containers(mentions, found, by_index, own)
        # The focus and a facility's neighbours come from places the article names as places:
        # not demonyms, not facilities, not weak mentions the article does not support.
        anchors = {
            i: r
            for i, r in by_index.items()
            if not demonyms[i] and (not mentions[i].weak or self.supports(r))
        }
        # Places found elsewhere in the article (given spans are often not all of its toponyms: the
        # New Orleans of a story about its streets) count towards the focus as much as the mentions.
        context_places = [Resolution(c, "gazetteer", 1.0) for c in self.context.places]
        focus = focus_place([*anchors.values(), *context_places], self.toponym_countries or countries)
        for index, mention in enumerate(mentions):
            if mention.facility:
                placed = self._facility(index, mentions, found[index], inner[index], anchors, focus, own)
                if placed is not None:
                    by_index[index] = placed
        return [
            by_index.get(index)
            or (Resolution(focus, "focus", 0.2, "") if focus else Resolution(None, "unresolved", 0.0))
            for index in range(len(mentions))
        ]

    def _second_pass(
        self,
        chosen: dict[str, tuple[Candidate, float]],
        voters: set[str],
        candidates_by_key: dict[str, list[Candidate]],
        own: Own,
        by_index: dict[int, Resolution],
    ) -> None:
        """The senses chosen in the first pass are context for each other: "Dundrum" resolved to
        Dublin's makes "Dundalk" the Irish one, though neither name alone seeded a country. The least
        confident names are revisited first, each against the current senses of the others, so two
        names cannot swap their countries. Only small towns are revisited: a city such as Verona or
        London named in a local story is still that city.

        Work: the other names' countries are one running count (the revisited name's own sense
        taken out), so each revisit costs its candidates only; at most _SECOND_PASS_NAMES names are
        revisited. Limit: senses vote as chosen, so two small towns that the first pass both put in
        the same wrong country keep each other there; a single wrong sense is not reinforced (it
        does not count for itself), and the first pass's country context still outweighs one vote."""
        current = {key: chosen[key][0] for key in voters if key in chosen}
        votes = Counter(c.country for c in current.values() if c.country)
        base = self.countries
        changed: dict[str, tuple[Candidate, float]] = {}
        revisit = [
            key
            for key in sorted(chosen, key=lambda k: chosen[k][1])
            if key in candidates_by_key
            and chosen[key][0].kind in TOWN_KINDS
            and not prominent_town(chosen[key][0])
        ]
        for key in revisit[:_SECOND_PASS_NAMES]:
            sense = current.get(key)
            others = votes - Counter([sense.country]) if sense is not None and sense.country else votes
            self.countries = base + others
            best, confidence = self._best_for(key, candidates_by_key[key], own, None)
            if best.place_id != chosen[key][0].place_id:
                changed[key] = (best, confidence)
                if sense is not None:
                    current[key] = best
                    if sense.country:
                        votes[sense.country] -= 1
                    if best.country:
                        votes[best.country] += 1
        self.countries = base
        for index, resolution in list(by_index.items()):
            key = normalise_name(resolution.matched_text)
            if key in changed and resolution.rule == "gazetteer":
                best, confidence = changed[key]
                by_index[index] = replace(resolution, candidate=best, confidence=confidence)

    def _in_containers(
        self,
        mentions: Sequence[MentionInput],
        found: Sequence[tuple[list[Candidate], str]],
        by_index: dict[int, Resolution],
        own: Own,
    ) -> None:
        """ "Washington University in St. Louis", "London's Heathrow": a name the text puts in a town
        takes a sense near that town; without one, the town itself (rule "near") when the name was
        resolved only through a place inside it ("Washington" of the university), not at all, or to
        a small namesake in another country (Heathrow, Florida). Facilities have their own neighbour rule. One sense per
        article: the name's other mentions that had the namesake follow."""
        moved: dict[tuple[str, int], Resolution] = {}
        for index, mention in enumerate(mentions):
            if mention.container is None or mentions[mention.container].weak:
                continue  # a town only guessed at (a shop's or person's name) contains nothing
            town = linked_place(mention, mention.container, by_index, NEIGHBOUR_KINDS)
            if town is None:
                continue
            resolved = by_index.get(index)
            if resolved is not None and resolved.candidate is not None:
                if resolved.rule == "inner" and contains(resolved.candidate, town):
                    # "University of Bavaria in Munich": the town is the more precise place.
                    by_index[index] = Resolution(town, "near", 0.4, "")
                    continue
                if is_near(town, resolved.candidate):
                    continue
            candidates, variant = found[index]
            near = [c for c in candidates if is_near(town, c) and c.name_type != sources.NAME_DEMONYM]
            if near:
                candidate, confidence = self._best_for(normalise_name(variant), near, own, None)
                rule = resolved.rule if resolved is not None else "gazetteer"
                by_index[index] = Resolution(candidate, rule, confidence, variant)
            elif (
                resolved is None
                or resolved.rule == "inner"
                or (
                    resolved.rule == "gazetteer"
                    and resolved.candidate is not None
                    and resolved.candidate.kind in TOWN_KINDS
                    and resolved.candidate.population < PROMINENT_CITY
                    # only a namesake abroad is plainly wrong; a small town in the container's
                    # own country stays ("in Ardley near the Vermont border": a town near Vermont,
                    # not in it)
                    and resolved.candidate.country != town.country
                )
            ):
                by_index[index] = Resolution(town, "near", 0.4, "")
            else:
                continue
            if resolved is not None and resolved.candidate is not None and resolved.rule == "gazetteer":
                moved[(normalise_name(resolved.matched_text), resolved.candidate.place_id)] = by_index[index]
        for index, resolved in list(by_index.items()):
            if (
                resolved.rule == "gazetteer"
                and resolved.candidate is not None
                and mentions[index].container is None
            ):
                sense = moved.get((normalise_name(resolved.matched_text), resolved.candidate.place_id))
                if sense is not None:
                    by_index[index] = sense

    def _best_for(
        self,
        key: str,
        candidates: Sequence[Candidate],
        own: Own,
        qualifier: Resolution | None,
    ) -> tuple[Candidate, float]:
        # A name is not its own context: "Georgia" alone must not vote for the country Georgia.
        own_countries, own_admins = own.get(key, (Counter(), Counter()))
        return best_candidate(candidates, self.countries - own_countries, self.admins - own_admins, qualifier)

    def _facility(
        self,
        index: int,
        mentions: Sequence[MentionInput],
        found: tuple[list[Candidate], str],
        inner: bool,
        anchors: dict[int, Resolution],
        focus: Candidate | None,
        own: Own,
    ) -> Resolution | None:
        """A street, building or site: a place in or of its name near its neighbour, else the
        neighbour (the place named next to it), else the focus. None: let the focus fallback apply."""
        candidates, variant = found
        key = normalise_name(variant)
        if candidates and not inner and any(c.kind == sources.KIND_LANDMARK for c in candidates):
            candidate, confidence = self._best_for(key, candidates, own, None)  # "White House"
            return Resolution(candidate, "gazetteer", confidence, variant)
        neighbour = neighbour_of(mentions, index, anchors)
        anchor = neighbour.candidate if neighbour is not None else focus
        if anchor is None:
            if not candidates:
                return None
            candidate, confidence = self._best_for(key, candidates, own, None)
            return Resolution(candidate, "inner" if inner else "gazetteer", confidence, variant)
        # A demonym in a facility's name is its owner's nationality ("British International School").
        near = [c for c in candidates if is_near(anchor, c) and c.name_type != sources.NAME_DEMONYM]
        if near:
            candidate, confidence = self._best_for(key, near, own, None)
            return Resolution(candidate, "inner" if inner else "gazetteer", confidence, variant)
        if neighbour is not None:
            return Resolution(anchor, "near", 0.4, "")
        return Resolution(anchor, "focus", 0.2, "")

    def _generic_senses(
        self, candidates: Sequence[Candidate], own: tuple[Counter[str], Counter[str]] | None
    ) -> list[Candidate]:
        """The senses an ordinary word ("West", "Delta") may have: areas larger than a country's
        parts, or a town or area (under its own name) in a first-level area the article's other
        names are in: "West" in a story about Russia is no Texan town either."""
        admins = self.admins - own[1] if own else self.admins
        return [
            c
            for c in candidates
            if c.kind not in (sources.KIND_CITY, sources.KIND_ADMIN1, sources.KIND_ADMIN2)
            or (c.name_type != sources.NAME_ALTERNATE and admins.get(admin1_code(c) or "", 0) > 0)
        ]


def _is_demonym(candidates: Sequence[Candidate]) -> bool:
    return bool(candidates) and all(c.name_type == sources.NAME_DEMONYM for c in candidates)

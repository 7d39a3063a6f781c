"""Actor phrase -> ActorRef (country, sector, name, role).

A phrase is split into appositive parts ("Hamdullah Mohib, National Security Adviser") and each
part into a head phrase and prepositional phrases ("spokesman | for the Office of ..."). The head
phrase decides first: a named organisation or person, a country word (name, demonym, possessive,
capital), the head role noun ("officials", "army") and modifiers ("former", "Jewish"). Phrases
attached with of/for/in/at/from fill what the head leaves open; then the other appositive parts;
then the context (the article's or the caller's country).

Confidences are per rule; they order competing analyses and are not calibrated probabilities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsevents.nlp.actors.dates import iso_date, pick_code
from newsevents.nlp.actors.matching import Match, Tok, make_toks, match_tokens
from newsevents.nlp.actors.phrase import (
    COUNTERPART,
    Part,
    find_head_end,
    model_number_after,
    name_tokens,
    phrase_text,
    pp_ranges,
    split_parts,
)
from newsevents.nlp.actors.text import tokenize
from newsevents.nlp.actors.vocab import (
    GEO_KINDS,
    ActorVocabulary,
    DatedCode,
    load_vocabulary,
    stance_prefixes,
)
from newsevents.types import ActorRef

# Bodies above or outside states: an article's country is never theirs.
_NATIONAL_SECTORS_NO_CONTEXT = frozenset({"IGO", "NGO"})
# Organs of an international body with a function of their own ("the EU legislature").
_ORGAN_SECTORS = frozenset({"LEG", "JUD"})


@dataclass(slots=True)
class _Reading:
    """What one appositive part says; the parts are merged into one ActorRef."""

    country: str | None = None
    country_rule: str = ""
    country_blocked: bool = False  # a named transnational body: never take a context country
    sector: str | None = None
    sector_rule: str = ""
    name: str | None = None
    role: str | None = None
    kind: str = ""  # what decided: org, person, country, role, name
    codes: tuple[DatedCode, ...] = ()
    evidence: list[str] = field(default_factory=list)
    first_person_start: int = -1  # token index of the part's first person name (-1: none)


class ActorResolver:
    """Resolves phrases with one vocabulary; the spaCy component owns one of these."""

    def __init__(self, vocab: ActorVocabulary) -> None:
        self.vocab = vocab

    # -- entry points -------------------------------------------------------------------------
    def resolve(self, text: str, context: str = "", date: str | None = None) -> ActorRef | None:
        toks = make_toks(tokenize(text))
        context_country = self.country_of(context) if context else None
        ref = self.resolve_toks(toks, context_country=context_country, date=date)
        if ref is not None:
            ref.text = text.strip()
        return ref

    def country_of(self, text: str) -> str | None:
        """The first country a text names (for a `context` argument)."""
        for match in match_tokens(self.vocab, make_toks(tokenize(text))):
            if match.entry.kind in GEO_KINDS and match.entry.country:
                return match.entry.country
            if match.entry.kind in ("org", "person") and match.entry.country:
                return match.entry.country
        return None

    def resolve_toks(
        self,
        toks: list[Tok],
        context_country: str | None = None,
        date: str | None = None,
        places: bool = True,
    ) -> ActorRef | None:
        """`places=False` for a known person's name: no gazetteer lookups ("Walker" is a town)."""
        if not toks:
            return None
        readings = []
        for part_toks in split_parts(toks):
            matches = match_tokens(self.vocab, part_toks, places=places)
            part = Part(part_toks, matches, find_head_end(part_toks, matches))
            readings.append(self._read_part(part, date))
        useful = [r for r in readings if r.kind]
        if not useful:
            return None
        return self._merge(useful, toks, context_country)

    # -- one appositive part -----------------------------------------------------------------------
    def _read_part(self, part: Part, date: str | None) -> _Reading:
        reading = _Reading()
        head = [m for m in part.matches if m.end <= part.head_end]
        covered = {i for m in part.matches for i in range(m.start, m.end)}
        possessive = next(
            (i for i, t in enumerate(part.toks[: part.head_end]) if t.key == "'s" and i not in covered), -1
        )
        if possessive >= 0 and possessive == part.head_end - 1:
            possessive = -1  # "President Reagan's" alone: the owner is the actor
        owned = [m for m in head if m.start > possessive]  # "Russia's ambassador": the ambassador
        owner = [m for m in head if m.end <= possessive] if possessive >= 0 else []

        persons = [m for m in owned if m.entry.kind == "person"]
        # "Boeing 777", "Airbus A320": a maker followed by a model number names a product, not
        # the maker acting.
        orgs = [m for m in owned if m.entry.kind == "org" and not model_number_after(part.toks, m.end)]
        geos = [m for m in owned if m.entry.kind in GEO_KINDS]
        affiliated = [m for m in geos if _affiliation_before(part.toks, m.start)]
        if affiliated:
            # "pro-Russia rebels", "anti-American protesters": a stance, not a nationality; nor
            # is the article's country a safe guess (the group often fights that country).
            geos = [m for m in geos if m not in affiliated]
            reading.country_blocked = True
        roles = [m for m in owned if m.entry.kind == "role"]
        modifiers = [m for m in owned if m.entry.kind == "modifier" or self._as_modifier(m, owned)]
        names = name_tokens(part, possessive + 1, part.head_end)

        # Roles that are really modifiers ("Buddhist" before "leader"): only the last role heads.
        head_role = roles[-1] if roles else None
        if head_role is not None and self._as_modifier(head_role, owned):
            head_role = None

        reading.first_person_start = persons[0].start if persons else -1
        if persons:
            self._read_person(reading, persons[0], date)
        if orgs:
            org = orgs[0].entry
            reading.kind = reading.kind or "org"
            reading.name = reading.name or org.name
            if org.country:
                reading.country, reading.country_rule = org.country, "org"
            elif not persons:
                reading.country_blocked = True
            reading.sector, reading.sector_rule = org.sector, "org"
        if geos and reading.country is None:
            geo = geos[0].entry
            reading.country, reading.country_rule = geo.country, geo.kind
            if not reading.kind:
                reading.kind = geo.kind
                reading.name = self.vocab.country_names.get(geo.country or "", geo.name)
        if owner and reading.country is None:
            for m in owner:
                if m.entry.country:
                    reading.country, reading.country_rule = m.entry.country, "possessive"
                    break

        # Sector: the head role noun, refined by an organisation, a sector-bearing modifier or
        # the object of of/for.
        if head_role is not None:
            self._read_role(reading, part, head_role, roles, orgs, modifiers)
        elif not orgs and not persons and geos:
            geo = geos[0].entry
            if geo.kind in ("seat", "capital", "territory") and geo.sector:
                reading.sector, reading.sector_rule = geo.sector, geo.kind
            elif geo.kind == "city":
                # A city acting stands for its people (the NGEC convention: "Mariupol" -> CVL).
                reading.sector, reading.sector_rule = "CVL", "city"
        if names and not persons and not orgs:
            reading.name = phrase_text(names)
            reading.kind = (
                "name" if not reading.kind or reading.kind in GEO_KINDS and head_role else reading.kind
            )
            if reading.kind in GEO_KINDS:
                reading.kind = "name"
        if modifiers:
            self._apply_modifiers(reading, modifiers, head_role)
            if reading.country is None and any(
                e.foreign for m in modifiers for e in (m.entry, *m.others) if e.kind == "modifier"
            ):
                reading.country_blocked = True  # "foreign troops": not the article's country

        # Attached phrases fill what the head left open.
        for prep, start, end in pp_ranges(part):
            self._read_attached(reading, part, prep, start, end, head_role)
        return reading

    def _as_modifier(self, match: Match, owned: Sequence[Match]) -> bool:
        # A word that is both a noun and a modifier ("Buddhist", "Christian") modifies when a
        # role noun follows it in the same head phrase.
        if match.entry.kind != "role":
            return False
        if not any(e.kind == "modifier" for e in match.others):
            return False
        return any(m.start >= match.end and m.entry.kind == "role" for m in owned)

    def _read_person(self, reading: _Reading, match: Match, date: str | None) -> None:
        entry = match.entry
        reading.kind = "person"
        reading.name = entry.name
        code = (
            pick_code(entry.codes, date, curated=not entry.source.startswith("phoenix"))
            if entry.codes
            else None
        )
        if code is not None:
            if code.country:
                reading.country, reading.country_rule = code.country, "person"
            else:
                reading.country_blocked = True  # an international official
            if code.sector:
                reading.sector, reading.sector_rule = code.sector, "person"
            if code.title:
                reading.role = code.title
        reading.codes = entry.codes

    def _read_role(
        self,
        reading: _Reading,
        part: Part,
        head_role: Match,
        roles: Sequence[Match],
        orgs: Sequence[Match],
        modifiers: Sequence[Match],
    ) -> None:
        entry = head_role.entry
        reading.role = phrase_text(part.toks[head_role.start : head_role.end])
        if not reading.kind:
            reading.kind = "role"
        if (
            reading.sector_rule == "person"
            and entry.role_kind in ("title", "strong")
            and head_role.end <= reading.first_person_start
        ):
            # "Defence Secretary Ben Wallace", "Pope Francis": the title the text gives holds at
            # the time of writing, whatever the dictionary's dates say.
            reading.sector, reading.sector_rule = entry.sector, f"role.{entry.role_kind}"
            return
        if reading.sector_rule in ("org", "person"):
            # "Taliban fighters", "Boko Haram gunmen", "UN peacekeepers": the organisation's
            # sector stands, except for the organs of international bodies with a function of
            # their own ("the EU legislature", "the UN court").
            if not (
                reading.country is None and entry.sector in _ORGAN_SECTORS and entry.role_kind == "strong"
            ):
                return
        if entry.role_kind in ("member", "person"):
            earlier = [m for m in roles if m.end <= head_role.start and m.entry.role_kind == "strong"]
            if earlier:
                reading.sector, reading.sector_rule = earlier[-1].entry.sector, "role.modified"
                return
        reading.sector, reading.sector_rule = entry.sector, f"role.{entry.role_kind}"

    def _apply_modifiers(
        self, reading: _Reading, modifiers: Sequence[Match], head_role: Match | None
    ) -> None:
        for m in modifiers:
            sector = next((e.sector for e in (m.entry, *m.others) if e.kind == "modifier"), None)
            if sector == "ELI" and (head_role is not None or reading.kind in ("person", "name")):
                # "former CIA official", "retired vice president": out of office, still elite.
                reading.sector, reading.sector_rule = "ELI", "modifier.former"
            elif sector == "REL" and (
                reading.sector in (None, "CVL", "UNK")
                or head_role is not None
                and head_role.entry.role_kind == "member"
            ):
                reading.sector, reading.sector_rule = "REL", "modifier.religion"

    def _read_attached(
        self, reading: _Reading, part: Part, prep: str, start: int, end: int, head_role: Match | None
    ) -> None:
        if prep in COUNTERPART:
            return
        inner = [m for m in part.matches if m.start >= start and m.end <= end]
        for m in inner:
            entry = m.entry
            if reading.country is None and not reading.country_blocked and entry.country:
                if entry.kind in GEO_KINDS or entry.kind in ("org", "person"):
                    reading.country, reading.country_rule = entry.country, f"attached.{prep}"
            inherits = head_role is not None and head_role.entry.role_kind in ("member", "title", "person")
            has_sector = entry.kind in ("org", "role", "seat") and entry.sector
            if has_sector and (
                reading.sector is None or inherits and reading.sector_rule.startswith("role.")
            ):
                if entry.kind == "org" and entry.sector in _NATIONAL_SECTORS_NO_CONTEXT and reading.sector:
                    continue  # "president of the European Council": keep the office's sector
                reading.sector, reading.sector_rule = entry.sector, f"attached.{prep}"
                if not reading.kind:
                    reading.kind = "role"
                inherits = False

    # -- merging appositive parts ----------------------------------------------------------------
    def _merge(self, readings: list[_Reading], toks: list[Tok], context_country: str | None) -> ActorRef:
        first = readings[0]
        country, country_rule = first.country, first.country_rule
        sector, sector_rule = first.sector, first.sector_rule
        name, role = first.name, first.role
        blocked = first.country_blocked
        for other in readings[1:]:
            if country is None and not blocked and other.country:
                country, country_rule = other.country, "appositive"
            explicit = other.kind == "role" and other.sector and first.sector_rule in ("person", "")
            if other.sector and (
                sector is None or explicit or other.kind in ("role", "org") and first.kind == "name"
            ):
                # "Hamdullah Mohib, National Security Adviser": the role the text states holds at
                # the time of writing, over a dictionary's dates.
                sector, sector_rule = other.sector, "appositive"
                role = other.role or role
            role = role or other.role
            if name is None or first.kind in GEO_KINDS and other.kind in ("name", "person", "org"):
                name = other.name or name
        kinds = {r.kind for r in readings}
        national = sector not in _NATIONAL_SECTORS_NO_CONTEXT and not blocked
        if country is None and context_country and national and kinds & {"name", "role", "person", "org"}:
            country, country_rule = context_country, "context"
        rule = "actors." + "+".join(filter(None, [first.kind, country_rule, sector_rule]))
        return ActorRef(
            text=phrase_text(toks),
            name=name or (role if role else None),
            country=country,
            sector=sector,
            role=role,
            char_start=toks[0].start,
            char_end=toks[-1].end,
            rule=rule,
            confidence=_confidence(first.kind, country_rule, sector_rule),
        )


def _affiliation_before(toks: Sequence[Tok], start: int) -> bool:
    """A stance prefix ("pro-Russia", "anti-US"; data/actors/stance_prefixes.yaml) before the
    token at `start`, with or without a hyphen."""
    before = [t.key for t in toks[max(0, start - 2) : start] if t.text not in ("-", "\u2010", "\u2011")]
    return bool(before) and before[-1] in stance_prefixes()


# Base confidence per deciding kind, hand-set when the resolver was written: it only orders
# competing analyses (see the module docstring) and is not a calibrated probability.
_KIND_CONFIDENCE = {"person": 0.85, "org": 0.9, "country": 0.9, "demonym": 0.8, "seat": 0.85, "capital": 0.6}


def _confidence(kind: str, country_rule: str, sector_rule: str) -> float:
    base = _KIND_CONFIDENCE.get(kind, 0.6 if kind == "role" else 0.4)
    if country_rule == "context":
        base -= 0.2
    elif country_rule in ("city", "territory"):
        base -= 0.1
    if sector_rule.startswith("role.") and kind == "name":
        base += 0.1
    return round(max(0.1, min(base, 0.95)), 2)


def resolve_actor(
    text: str, context: str = "", date: str | None = None, settings: object | None = None
) -> ActorRef | None:
    """Public resolver: an actor phrase -> ActorRef, or None when the text names no actor.

    `context` is text around the phrase (or just a country); its first country fills the
    country of a person or body the phrase itself leaves open. `date` (ISO) selects date-bounded
    roles of imported dictionaries. `settings` (newsevents Settings) adds the user's actor files
    and PETRARCH/Phoenix dictionaries.
    """
    actor_files: tuple[str, ...] = ()
    phoenix_files: tuple[str, ...] = ()
    if settings is not None:
        nlp = getattr(settings, "nlp", None)
        actor_files = tuple(getattr(nlp, "actor_files", ()) or ())
        phoenix_files = tuple(getattr(nlp, "phoenix_files", ()) or ())
    resolver = _resolver_for(actor_files, phoenix_files)
    return resolver.resolve(text, context=context, date=iso_date(date))


def _resolver_for(actor_files: tuple[str, ...], phoenix_files: tuple[str, ...]) -> ActorResolver:
    return ActorResolver(load_vocabulary(actor_files, phoenix_files))

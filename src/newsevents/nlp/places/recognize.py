"""Toponym recognition: which token spans of a parsed Doc name places.

Sources, in order of trust:
1. the model's GPE / LOC / FAC entities (leading "the" and trailing possessives trimmed);
2. NORP entities the gazetteer knows as demonyms or places ("Russian", "Tajikistan" tagged NORP);
3. places named inside organisation names ("Jamaica Cancer Society" -> Jamaica), as geotagging gold
   annotates them;
4. capitalised word runs outside any entity that the gazetteer knows strongly (countries, areas,
   regions, demonyms, large cities), minus a stop list of words that are usually something else.
PERSON entities are never toponyms ("Jordan" the player, "Paris Hilton"), nor is anything inside them.
The small model also tags people and things as GPE/LOC ("said Noma", "his daughter Yulia", "a piece by
Haydn"): a place entity the gazetteer does not know is dropped when the parse says it is a person's
role (subject of an action verb, apposition to a common noun, agent after "by", a possessor), and a
small town's name is dropped as the subject of a reporting verb (towns do not speak; capitals and
countries do: "Moscow said").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.places import sources
from newsevents.nlp.places.candidates import lookup
from newsevents.nlp.places.gazetteer import Candidate, Gazetteer
from newsevents.nlp.places.vocab import (
    FOLLOWING_CHARS,
    is_facility_name,
    name_part_words,
    site_words,
    stoplist,
)

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MAX_NGRAM = 4
# A city found only by the gazetteer (the model did not tag it) must be this large to count:
# small towns share their names with people and common words.
_UNTAGGED_CITY_POPULATION = 100_000
_STRONG_KINDS = frozenset(
    {
        sources.KIND_COUNTRY,
        sources.KIND_ADMIN1,
        sources.KIND_CONTINENT,
        sources.KIND_REGION,
        sources.KIND_LANDMARK,
    }
)
_CONNECTORS = frozenset({"of", "de", "du", "la", "le", "del", "and", "-", "upon", "on"})
_METONYMY_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
_SKIPPED_LABELS = frozenset({"DATE", "TIME", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"})
_NON_NAME_POS = frozenset({"VERB", "AUX", "ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "INTJ", "NUM"})
_TITLES = frozenset("mr mrs ms miss dr sir lady lord president senator governor mayor judge coach".split())
_REPORTING_VERBS = frozenset(
    "say tell add explain write tweet ask claim insist note recall admit argue reply".split()
)
_SPEAKING_TOWN = 1_000_000  # a city smaller than this, not a capital, does not "say" things


@dataclass(slots=True)
class RecognizedSpan:
    start: int  # token indexes [start, end)
    end: int
    source: str  # "ner", "norp", "inner", "entity_text", "gazetteer", "facility", "repeat"
    demonym: bool = False
    metonymic: bool = False
    # Found without the model's word for it (an ORG or PERSON entity that is a place name, or
    # untagged words): kept only when the resolved place is prominent or the article supports it.
    weak: bool = False
    facility: bool = False  # a street, building or site ("Royal Street"; "Ardley" before "Street")


def _strong(candidates: Sequence[Candidate]) -> bool:
    """Whether the gazetteer's answer is strong enough to call the words a place without the model."""
    for candidate in candidates:
        if candidate.name_type == sources.NAME_ALTERNATE:
            continue
        if candidate.kind in _STRONG_KINDS or candidate.name_type == sources.NAME_DEMONYM:
            return True
        if candidate.kind == sources.KIND_CITY and candidate.population >= _UNTAGGED_CITY_POPULATION:
            return True
    return False


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in ("the", "'s", "’s") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _is_demonym(candidates: Sequence[Candidate]) -> bool:
    return bool(candidates) and all(c.name_type == sources.NAME_DEMONYM for c in candidates)


def _metonymic(span: Span) -> bool:
    """A place acting as an agent ("Moscow said", "Kabul rejected"): its government, for actors."""
    root = span.root
    return root.dep_ in _METONYMY_DEPS and root.head.pos_ in ("VERB", "AUX")


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


class ToponymRecognizer:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def recognize(self, doc: Doc) -> list[RecognizedSpan]:
        found: list[RecognizedSpan] = []
        taken = [False] * len(doc)
        # Words of multi-word person names: "Jordan" alone is the player when "Michael Jordan" occurs.
        person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        for ent in doc.ents:
            found.extend(self._from_entity(doc, ent, person_words))
            for i in range(ent.start, ent.end):
                taken[i] = True
        found.extend(self._untagged(doc, taken))
        found.extend(_repeated(doc, found))
        found.sort(key=lambda s: s.start)
        text = doc.text  # built once: Doc.text joins every token on each access
        for span in found:
            end_char = doc[span.end - 1].idx + len(doc[span.end - 1].text)
            span.facility = span.source == "facility" or is_facility_name(
                doc[span.start : span.end].text, text[end_char : end_char + FOLLOWING_CHARS]
            )
        return found

    def _candidates(self, text: str, demonym: bool = False) -> list[Candidate]:
        return lookup(self.gazetteer, text, demonym=demonym)[0]

    def _span(
        self, doc: Doc, start: int, end: int, source: str, candidates: Sequence[Candidate], weak: bool
    ) -> RecognizedSpan:
        return RecognizedSpan(start, end, source, _is_demonym(candidates), _metonymic(doc[start:end]), weak)

    def _from_entity(self, doc: Doc, ent: Span, person_words: set[str]) -> list[RecognizedSpan]:
        if ent.label_ in _SKIPPED_LABELS:
            return []
        start, end = _trim(doc, ent.start, ent.end)
        if ent.label_ == "MONEY":  # "59.2 billion US dollars": the currency's country is a toponym
            return self._inside(doc, start, end)
        if start >= end or not _capitalised(doc[start]):
            return []
        text = doc[start:end].text
        candidates = self._candidates(text, demonym=ent.label_ == "NORP")
        if ent.label_ in _PLACE_LABELS:
            if candidates:
                if _speaking_town(doc[start:end], candidates):
                    return []
                return [self._span(doc, start, end, "ner", candidates, weak=False)]
            inner = self._inside(doc, start, end)
            keep_whole = ent.label_ == "FAC" and doc[end - 1].lower_ in site_words()
            if inner and not keep_whole:
                return inner
            if not _name_like(doc[start:end]) or end - start == 1 and doc[start].lower_ in person_words:
                return []  # "Easter Vigil Mass on Holy Saturday, March 31"; "Yulia" of "Yulia Skripal"
            if not keep_whole and _person_role(doc[start:end]):
                return []
            return [RecognizedSpan(start, end, "ner", metonymic=_metonymic(doc[start:end]))]
        if ent.label_ == "PERSON" and (
            end - start == 1 and doc[start].lower_ in person_words or _titled(doc, start)
        ):
            return []
        if text.casefold() in stoplist():
            return []
        if candidates and ent.label_ == "NORP":
            return [self._span(doc, start, end, "norp", candidates, weak=not _strong(candidates))]
        if candidates and (ent.label_ != "PERSON" or end - start <= 2):
            # The model called it something else: a place only if the article supports it.
            return [self._span(doc, start, end, "entity_text", candidates, weak=True)]
        if ent.label_ == "PERSON":
            return []
        if (
            ent.label_ in ("ORG", "FAC")
            and doc[end - 1].lower_ in site_words()
            and _name_like(doc[start:end])
        ):
            return [RecognizedSpan(start, end, "facility")]
        return self._inside(doc, start, end)

    def _inside(self, doc: Doc, start: int, end: int) -> list[RecognizedSpan]:
        """The longest place names inside a longer name ("Jamaica Cancer Society", "Russian-European")."""

        def try_piece(i: int, size: int) -> RecognizedSpan | None:
            piece = doc[i : i + size]
            if i == start and size == end - start:
                return None
            if (
                not _capitalised(piece[0])
                or not _capitalised(piece[-1])
                or piece.text.casefold() in stoplist()
            ):
                return None
            candidates = self._candidates(piece.text)
            if not candidates:
                return None
            return self._span(doc, i, i + size, "inner", candidates, weak=not _strong(candidates))

        return _longest_matches(start, end, try_piece)

    def _untagged(self, doc: Doc, taken: list[bool]) -> list[RecognizedSpan]:
        """Capitalised runs outside entities that the gazetteer knows."""
        stop = stoplist()

        def try_piece(i: int, size: int) -> RecognizedSpan | None:
            if any(taken[i : i + size]):
                return None
            piece = doc[i : i + size]
            if not _capitalised(piece[-1]) or any(
                not (_capitalised(t) and t.pos_ not in _NON_NAME_POS) and t.lower_ not in _CONNECTORS
                for t in piece
            ):
                return None
            if piece.text.casefold() in stop:
                return None
            candidates = self._candidates(piece.text)
            if size == 1 and (piece[0].is_stop or piece[0].is_upper and len(piece[0]) <= 3):
                # "No", "Still", "BA": words and codes before place names; "US", "UK" are countries
                country = any(c.kind == sources.KIND_COUNTRY for c in candidates)
                if not (country and piece[0].is_upper and len(piece[0]) > 1):
                    return None
            if not candidates:
                return None
            strong = _strong(candidates) and not (doc[i].is_sent_start and not doc[i].is_upper)
            return self._span(doc, i, i + size, "gazetteer", candidates, weak=not strong)

        return _longest_matches(
            0, len(doc), try_piece, can_start=lambda i: not taken[i] and _capitalised(doc[i])
        )


def _repeated(doc: Doc, found: Sequence[RecognizedSpan]) -> list[RecognizedSpan]:
    """Other occurrences of a natural feature's name inside longer names: one sense per article.
    "the Zumbra" (LOC) makes "Zumbra" a place in "the Zumbra Water Board" too, as inner names the
    gazetteer knows already are ("Jamaica Cancer Society"): geoparsing annotation counts toponyms
    inside organisation names, and rivers, lakes and mountains are what the gazetteer lacks and
    organisations are named after. A repeat is accepted only when it is the same string as a model
    LOC entity of the same article (not a resolved sense: these names have none).

    Only names the model tagged LOC: its GPE and FAC guesses on one-word company names ("Zarko
    opened a store") would spread to every mention of the company; only inside a longer entity that
    is not a person's name: a standalone repeat the model did not tag is as often the thing it got
    wrong once ("ICON", "the Centre": GeoWebNews DEV precision fell from 0.90 to 0.88 with those);
    and not names made only of ordinary words ("the North", "Central"), which are descriptions, not
    names, inside other names ("North Zumbra Rail").
    Measured cost (GeoWebNews DEV end to end): recall 0.849 -> 0.859, but geonames_exact 0.898 ->
    0.887, since such features have no gazetteer id and resolve to a neighbouring place.
    Cost: one pass over the tokens to index them by text, then one check per occurrence."""
    located = {_trim(doc, e.start, e.end) for e in doc.ents if e.label_ == "LOC"}
    covered = [True] * len(doc)
    whole: set[tuple[int, int]] = set()  # entities without "the" and punctuation
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", *_SKIPPED_LABELS) and len(ent) > 1:
            whole.add(_trim(doc, ent.start, ent.end))
            for i in range(ent.start, ent.end):
                covered[i] = False
    for span in found:
        for i in range(span.start, span.end):
            covered[i] = True
    ordinary = name_part_words()
    names = {
        tuple(t.text for t in doc[s.start : s.end]): s
        for s in found
        if s.source == "ner"
        and (s.start, s.end) in located
        and not s.weak
        and not s.demonym
        and _name_like(doc[s.start : s.end])
        and not all(t.lower_ in ordinary for t in doc[s.start : s.end])
    }
    if not names:
        return []
    first_words = {words[0] for words in names}
    positions: dict[str, list[int]] = {}
    for token in doc:
        if token.text in first_words and not covered[token.i]:
            positions.setdefault(token.text, []).append(token.i)
    out: list[RecognizedSpan] = []
    for words, model in names.items():
        size = len(words)
        for i in positions.get(words[0], ()):
            if i + size > len(doc) or any(covered[i : i + size]):
                continue
            if tuple(t.text for t in doc[i : i + size]) != words or (i, i + size) in whole:
                continue
            out.append(RecognizedSpan(i, i + size, "repeat", model.demonym, _metonymic(doc[i : i + size])))
            for j in range(i, i + size):
                covered[j] = True
    return out


def _longest_matches(
    start: int,
    end: int,
    try_piece: Callable[[int, int], RecognizedSpan | None],
    can_start: Callable[[int], bool] = lambda _i: True,
) -> list[RecognizedSpan]:
    """Greedy left-to-right scan: at each token the longest piece (up to _MAX_NGRAM tokens) that
    `try_piece(i, size)` accepts wins, and the scan resumes after it."""
    out: list[RecognizedSpan] = []
    i = start
    while i < end:
        match = None
        if can_start(i):
            for size in range(min(_MAX_NGRAM, end - i), 0, -1):
                match = try_piece(i, size)
                if match is not None:
                    break
        if match is not None:
            out.append(match)
            i = match.end
        else:
            i += 1
    return out


def _name_like(span: Span) -> bool:
    """Capitalised words (and connectors) without digits: the shape of a place name."""
    return len(span) <= _MAX_NGRAM + 2 and all(
        (_capitalised(t) or t.lower_ in _CONNECTORS or t.is_punct) and not any(ch.isdigit() for ch in t.text)
        for t in span
    )


def _person_role(span: Span) -> bool:
    """The parse gives an unknown name a person's (or a thing's) role, not a place's."""
    root = span.root
    if root.pos_ not in ("PROPN", "NOUN") or root.dep_ == "poss":
        return True  # "Transforming the African Public Service"; "Tchaikovsky's concerto"
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        return True  # "Finiels designed", "Beltre singled"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return True  # "his daughter Yulia", "street artist Banksy"
    return root.dep_ == "pobj" and root.head.lower_ == "by"  # "a piece by Haydn"


def _speaking_town(span: Span, candidates: Sequence[Candidate]) -> bool:
    """A small town's name as the subject of a reporting verb is a person ("said Noma")."""
    root = span.root
    if len(span) != 1 or root.dep_ != "nsubj" or root.head.lemma_ not in _REPORTING_VERBS:
        return False
    return all(
        c.kind in (sources.KIND_CITY, sources.KIND_ADMIN2)
        and c.fcode != "PPLC"
        and c.population < _SPEAKING_TOWN
        for c in candidates
    )


def _titled(doc: Doc, start: int) -> bool:
    """Preceded by a personal title ("Mr. Jordan", "President Jordan")."""
    return start > 0 and doc[start - 1].lower_.rstrip(".") in _TITLES

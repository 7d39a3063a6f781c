"""Source and target of a trigger from the dependency parse.

Verbs: subject (nsubj), passive agent (agent -> pobj) and patient (nsubjpass), direct and dative
objects, prepositional objects (the category's target prepositions), "between X and Y", subjects
inherited through control ("agreed to withdraw"), coordination of verbs ("met and signed"),
participles ("..., killing 20") and relative clauses. Nouns: possessor ("X's visit"), "by"/"of"
agents, actor modifiers ("Israeli air raids"), the subject of a light verb ("X held talks with Y")
and the noun's own prepositional objects ("the visit of X to Y", "clashes with government forces").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsevents.nlp.events.actor_lookup import (
    ActorLookup,
    any_identified,
    conjuncts,
    identified,
    is_pronoun,
    is_user_actor,
)
from newsevents.nlp.events.cameo_rules import CameoConventions, cameo_conventions
from newsevents.nlp.events.instruments import Instruments, passive_agents
from newsevents.nlp.events.triggers import TriggerLexicon, TriggerMatch
from newsevents.nlp.mentions import ActorMention

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_OBJ = ("dobj", "dative", "obj")
# Prepositions whose object is the agent of an event noun ("the visit of X", "attacks by X").
_NOUN_AGENT_PREPS = ("by", "of", "from")
# Categories whose event nouns take their patient, not their agent, in "of" ("the release of X").
_OF_IS_PATIENT = frozenset({"COERCE", "ASSAULT", "REQUEST"})
_RECIPROCAL_PREPS = ("between", "among", "amongst")
# Prepositions that name a topic ("a summit on the unrest"): an event noun there is talked about.
_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# Prepositions of place: their objects are targets only when no other target is found.
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "along"})
# Prepositions followed inside an object that is not itself an actor ("aid program for Bosnia").
_NESTED_PREPS = frozenset({"of", "by", "for", "to", "against", "with"})
# An event noun after these prepositions is a separate event, not one the clause's subject did.
_SEPARATE_EVENT_PREPS = frozenset(
    {
        "after",
        "before",
        "since",
        "following",
        "despite",
        "amid",
        "amidst",
        "until",
        "ahead",
        "prior",
        "because",
    }
)


@dataclass(slots=True)
class Arguments:
    source: list[ActorMention] = field(default_factory=list)
    target: list[ActorMention] = field(default_factory=list)
    path: str = "active"  # how the arguments were found: active, passive, nominal, between, ...
    flags: set[str] = field(default_factory=set)  # inherited, pronoun, embedded, reciprocal, ...
    means: str | None = None  # ASSAULT mode named by a weapon ("blown up by a missile")


class ArgumentFinder:
    def __init__(
        self,
        lookup: ActorLookup,
        lexicon: TriggerLexicon,
        instruments: Instruments,
        conventions: CameoConventions | None = None,
    ) -> None:
        self.lookup = lookup
        self.lexicon = lexicon
        self.instruments = instruments
        self.conventions = conventions or cameo_conventions()

    # ------------------------------------------------------------------ entry point
    def find(self, match: TriggerMatch) -> Arguments:
        token = self.lookup.doc[match.token]
        args = self._verbal(token, match) if match.spec.pos == "verb" else self._nominal(token, match)
        # An actor is never its own target, and a phrase containing the trigger is no actor (the
        # actors component may take "a state of siege in Haiti" for one).
        trigger_tokens = {token.i, *match.words}

        def names_the_event(m: ActorMention) -> bool:
            head = m.head if m.head >= 0 else m.end - 1
            return head in trigger_tokens

        if match.spec.recipient_subject and args.path == "active":
            # "Georgian demonstrators received weapons from the government": the giver acts.
            args.source, args.target = args.target, args.source
            args.flags.add("recipient")
        args.source = [m for m in args.source if not names_the_event(m)]
        args.target = [m for m in args.target if not names_the_event(m)]
        args.target = [m for m in args.target if all(m is not s for s in args.source)]
        args.source = _dedupe(args.source)
        args.target = _dedupe(args.target)
        if match.spec.reciprocal and not args.target and len({_key(m) for m in args.source}) >= 2:
            # "The US, Russia and Switzerland met": each participant meets the others.
            args.target = list(args.source)
            args.flags.add("reciprocal")
        return args

    # ------------------------------------------------------------------ verbs
    def _verbal(self, verb: Token, match: TriggerMatch) -> Arguments:
        args = Arguments()
        own = set(match.words)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = passive_agents(verb)
        passive = bool(patients) or any(c.dep_ == "auxpass" for c in verb.children)
        if verb.dep_ == "acl" and self._passive_participle(verb):
            # "the camp attacked by militiamen": the modified noun is the patient.
            passive = True
            patients = patients or [verb.head]
        if passive:
            args.path = "passive"
            args.target = self._actors(patients)
            agents, weapons, args.means = self.instruments.behind_means(agents, self.lookup.names_user)
            args.source = self._actors(agents, role="source") + self._wielders(weapons)
            if not args.source and not agents:
                args.flags.add("no_agent")
        else:
            if not subjects:
                inherited = self._inherited_subject(verb)
                if inherited:
                    args.flags.add("inherited")
                subjects = inherited
            subjects, weapons, args.means = self.instruments.behind_means(subjects, self.lookup.names_user)
            args.source = self._actors(subjects, role="source") + self._wielders(weapons)
            args.target = self._objects(verb, match, own)
            args.means = args.means or self.instruments.means_of(verb, self.lookup.is_actor_token)
        sides = self._between(verb)
        if sides:
            args.flags.add("reciprocal")
            if not args.source:
                args.source, args.target = sides[:1], sides[1:]
            else:
                args.target.extend(m for m in sides if m not in args.target)
        if any(is_pronoun(t) for t in subjects + patients):
            args.flags.add("pronoun")
        return args

    def _objects(self, verb: Token, match: TriggerMatch, own: set[int]) -> list[ActorMention]:
        preps = match.spec.target_preps
        out: list[ActorMention] = []
        located: list[ActorMention] = []
        for child in verb.children:
            if child.i in own and child.dep_ not in ("prep",):
                # "open fire on X": the trigger's own object word still carries target preps.
                out.extend(self._prep_objects(child, preps))
                continue
            if child.dep_ in _OBJ and self._weapon_not_actor(child):
                continue  # "fired rockets at Israel": the weapon is the means, not a target
            if child.dep_ in _OBJ:
                # "withdraw its troops", "wrapped up their presence": the subject's own, not a target.
                own_thing = not match.spec.object_is_target or any(
                    c.dep_ == "poss" and is_pronoun(c) for c in child.children
                )
                found = [] if own_thing else self._actors([child], role="target")
                out.extend(found if found else self._prep_objects(child, preps | set(_RECIPROCAL_PREPS)))
            elif child.dep_ == "prep" and (child.lower_ in preps or child.i in own):
                found = self._pobj_actors(child, preps)
                (located if child.lower_ in _LOCATIVE_PREPS and child.i not in own else out).extend(found)
        # A place ("blocked streets in Hong Kong") is the target only when nothing else is, and
        # only a place in a known country ("met in Brussels" names no target country).
        return out or [m for m in located if m.ref.country]

    def _prep_objects(self, token: Token, preps: frozenset[str] | set[str]) -> list[ActorMention]:
        out: list[ActorMention] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                out.extend(self._pobj_actors(child, preps))
        return out

    def _pobj_actors(
        self, prep: Token, preps: frozenset[str] | set[str], depth: int = 0
    ) -> list[ActorMention]:
        out: list[ActorMention] = []
        for pobj in (g for g in prep.children if g.dep_ in ("pobj", "pcomp")):
            # "restrictions on its labour market for new EU members": the actor's own thing is no target.
            own_thing = any(c.dep_ == "poss" and is_pronoun(c) for c in pobj.children)
            found = [] if own_thing else self._actors([pobj])
            if not found and depth < 2:
                # "departed for travel to Moscow", "violations by the Israeli military": follow the
                # object's own prepositions.
                nested = set(preps) | _NESTED_PREPS
                for child in pobj.children:
                    if child.dep_ == "prep" and child.lower_ in nested:
                        found.extend(self._pobj_actors(child, preps, depth + 1))
                # Behind a non-actor object only identified actors count: an unresolved name two
                # phrases down ("left for the start of the Asian Cup") names an occasion, a
                # title or a product far more often than a target.
                found = [m for m in found if identified(m.ref)]
            out.extend(found)
        return out

    def _between(self, token: Token) -> list[ActorMention]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _RECIPROCAL_PREPS:
                return [m for pobj in child.children if pobj.dep_ == "pobj" for m in self._actors([pobj])]
        return []

    def _passive_participle(self, verb: Token) -> bool:
        """A participle modifying a noun is passive ("others injured", "a delegation led by X")
        when it has a "by" agent or is an event verb (transitive actions); the tagger's VBN alone
        also covers misparsed past tenses ("youths resorted to ...")."""
        if verb.tag_ != "VBN":
            return False
        if any(c.dep_ == "agent" for c in verb.children):
            return True
        # A direct object, or a coordinated finite verb, shows a misparsed finite clause ("Doctors
        # from aid groups donated and delivered goods").
        for v in conjuncts(verb):
            if v.tag_ == "VBD" or any(c.dep_ in _OBJ for c in v.children):
                return False
        return self.lexicon.match(verb) is not None

    def _inherited_subject(self, verb: Token) -> list[Token]:
        """The subject of a verb that has none of its own, from the clause that governs it."""
        head = verb.head
        if head is verb:
            return []
        dep = verb.dep_
        if (
            dep == "xcomp"
            and head.pos_ == "ADJ"
            and head.dep_ in ("acomp", "amod", "oprd")
            and head.head is not head
        ):
            head = head.head  # "Syria is willing to withdraw": the subject of the copula
        if dep == "xcomp" or (
            dep in ("advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            objects = [c for c in head.children if c.dep_ in _OBJ]
            if head.lemma_.lower() in self.lexicon.object_control and objects:
                return objects  # "urged X to withdraw": X withdraws
            return _clause_actor(head, self._inherited_subject)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            return _clause_actor(head, self._inherited_subject)
        if dep == "advcl" and verb.tag_ == "VBG":
            return _clause_actor(head, self._inherited_subject)  # "..., killing 20 people"
        if dep == "acomp" and head.head is not head:
            return _clause_actor(
                head, self._inherited_subject
            )  # "interested in providing": the copula's subject
        if dep == "pcomp" and head.head is not head:
            objects = self.conventions.doer_objects(head)
            if objects:
                return objects  # "accused Ukraine of shelling civilians": Ukraine shelled
            return _clause_actor(head.head, self._inherited_subject)  # "by promoting biofuels"
        if dep == "acl" and self._passive_participle(verb):
            return []  # "others injured": the modified noun is the patient, not the agent
        if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [head]  # "forces advancing on", "rebels who attacked"
        return []

    def complement_targets(self, verb: Token, match: TriggerMatch) -> list[ActorMention]:
        """Targets of an outer trigger found in its complement ("threatened to resume attacks in
        Israel", "agreed to postpone the demonstration in Baku", "called for sanctions against X")."""
        preps = match.spec.target_preps | {"against", "to", "with", "on", "in", "from", "for"}
        own = set(match.words)
        if match.spec.condition_subject_is_target:
            clauses = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
            for child in (g for clause in clauses for g in clause.children):
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                if child.dep_ == "advcl" and marks & {"if", "unless"}:
                    subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                    conditioned = self._actors(subjects)
                    if conditioned:
                        return conditioned
        for child in verb.children:
            clause = None
            if child.dep_ in ("xcomp", "ccomp") or (
                child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                clause = child  # a complement, or a purpose clause ("blocked roads to press demands")
            elif child.i in own and child.dep_ == "prep":
                clause = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            elif child.dep_ == "prep":
                # "insisted on its demands that Burundi's government grant ...": the demanded
                # clause hangs on the prepositional object.
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    for sub in pobj.children:
                        if sub.dep_ in ("acl", "ccomp", "relcl") and any(
                            c.dep_ == "mark" for c in sub.children
                        ):
                            subjects = [c for c in sub.children if c.dep_ in ("nsubj", "nsubjpass")]
                            found_subjects = self._actors(subjects)
                            if found_subjects:
                                return found_subjects
            if clause is None:
                continue
            found: list[ActorMention] = []
            for grand in clause.children:
                if grand.dep_ in _OBJ:
                    direct = self._actors([grand])
                    found.extend(direct if direct else self._prep_objects(grand, preps))
                elif grand.dep_ == "prep" and grand.lower_ in preps:
                    found.extend(self._pobj_actors(grand, preps))
            if found:
                return found
        return []

    def object_sectors_ok(self, verb: Token, match: TriggerMatch) -> bool:
        """False when the object is an actor outside the spec's object sectors ("mobilized
        pressure groups" is no military mobilization)."""
        if not match.spec.object_sectors:
            return True
        for child in verb.children:
            if child.dep_ in _OBJ:
                actors = self.lookup.in_phrase(child)
                if actors and not any(a.ref.sector in match.spec.object_sectors for a in actors):
                    return False
        return True

    # ------------------------------------------------------------------ nouns
    def _nominal(self, noun: Token, match: TriggerMatch) -> Arguments:
        args = Arguments(path="nominal")
        located: list[ActorMention] = []
        own = set(match.words)
        category = match.spec.category
        preps = match.spec.target_preps
        for child in noun.children:
            if child.i in own:
                if child.dep_ == "prep":
                    # "evidence against the cartel": the trigger's own preposition names the target.
                    args.target.extend(self._pobj_actors(child, preps))
                continue
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and self.lookup.at(child)):
                args.source.extend(self._actors([child], role="source"))
            elif child.dep_ == "prep" and child.lower_ in _RECIPROCAL_PREPS:
                sides = self._between(noun)
                args.flags.add("reciprocal")
                if args.source:
                    args.target.extend(sides)
                else:
                    args.source.extend(sides[:1])
                    args.target.extend(sides[1:])
            elif (
                child.dep_ == "prep"
                and child.lower_ in _NOUN_AGENT_PREPS
                and not (child.lower_ == "of" and category in _OF_IS_PATIENT)
            ):
                if child.lower_ == "from" and "from" in preps:
                    args.target.extend(self._pobj_actors(child, preps))
                    continue
                # "the visit of X": X is the agent; "a suspension of air links with Serbia": the
                # object is no actor, and its own prepositions name the target.
                direct = [m for g in child.children if g.dep_ == "pobj" for m in self._actors([g])]
                if direct:
                    args.source.extend(direct)
                else:
                    args.target.extend(self._pobj_actors(child, preps))
            elif child.dep_ == "prep" and child.lower_ in preps and child.lower_ in _LOCATIVE_PREPS:
                located.extend(self._pobj_actors(child, preps))
            elif child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "of"):
                args.target.extend(self._pobj_actors(child, preps))
        if not args.target:
            # As for verbs: the noun's own place ("a summit in Switzerland") is the target only
            # when none of its own phrases names one.
            args.target = [m for m in located if m.ref.country and all(m is not s for s in args.source)]
        self._from_governor(noun, match, args)
        return args

    def _from_governor(self, noun: Token, match: TriggerMatch, args: Arguments) -> None:
        """Arguments a noun gets from the verb it depends on ("X held talks with Y")."""
        head = noun.head
        via_prep = None
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in _SEPARATE_EVENT_PREPS:
                return  # "warned against trips after the hotel bombing": another event
            via_prep, head = head, head.head
            if via_prep.lower_ == "of" and head.pos_ in ("NOUN", "NUM") and head.dep_ in _OBJ + ("nsubj",):
                # "launched 10 days of war games": the measure noun passes on its verb.
                noun, via_prep, head = head, None, head.head
        claimant_verb = self.conventions.claiming_verb(noun) if via_prep is not None else None
        if claimant_verb is not None:
            head = claimant_verb  # "Hamas claimed responsibility for the bombing": the claimant did it
        if head is noun or head.pos_ not in ("VERB", "AUX"):
            return
        if (
            via_prep is not None
            and via_prep.lower_ in _TOPIC_PREPS
            and self.lexicon.is_light_verb(head)
            and any(c.dep_ in _OBJ for c in head.children)
        ):
            return  # "attend a summit on the unrest": the topic of the object, not an act of the subject
        if noun.dep_ == "nsubjpass" and via_prep is None and self.lexicon.is_light_verb(head):
            # "An offensive was launched by the army", "sanctions were imposed by the EU": the
            # passive light verb's agent acts.
            if not args.source:
                args.source = self._actors(passive_agents(head), role="source")
            return
        if noun.dep_ in _SUBJ:
            return  # "the visit comes ...": the noun is the clause's subject, nothing to inherit
        trigger = self.lexicon.match(head)
        light = self.lexicon.is_light_verb(head)
        if trigger is not None and not light and via_prep is None:
            args.flags.add("embedded")  # "rejected a U.S. request": the noun is another event's object
        elif trigger is not None and not light and via_prep is not None and via_prep.i in trigger.words:
            args.flags.add(
                "embedded"
            )  # "pushing for a ceasefire": the object of the trigger's own preposition
        if noun.dep_ in _OBJ and not light and trigger is None and via_prep is None:
            args.flags.add("object_of_other")
        patients = [c for c in head.children if c.dep_ == "nsubjpass"]
        if not patients and head.dep_ == "acl" and self._passive_participle(head):
            patients = [head.head]  # "142 others injured in clashes": the modified noun suffered it
        if patients and light:
            # "Serb forces were engaged in ethnic cleansing": a light verb's passive subject acts.
            if not args.source:
                args.source = self._actors(patients, role="source")
            if not args.target:
                args.target = self._prep_objects(head, match.spec.target_preps - _LOCATIVE_PREPS)
            return
        if patients and via_prep is not None:
            # "fighters were killed in clashes with government forces": the patient is one side.
            if not args.target:
                args.target = self._actors(patients)
            elif not args.source:
                args.source, args.target = args.target, self._actors(patients)
            return
        if not args.source:
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
            if not subjects:
                subjects = self._inherited_subject(head)
                if subjects:
                    args.flags.add("inherited")
            args.source = self._actors(subjects, role="source")
            if any(is_pronoun(t) for t in subjects):
                args.flags.add("pronoun")
        if not args.target and light:
            args.target = self._prep_objects(head, match.spec.target_preps - _LOCATIVE_PREPS)

    # ------------------------------------------------------------------ helpers
    def _actors(self, tokens: list[Token], role: str = "target") -> list[ActorMention]:
        """Actors of argument tokens; a subject that resolves to nothing is kept as an unknown actor
        ("Islamic fundamentalists continued their hunger strike"), an object only when it is a name."""
        out: list[ActorMention] = []
        for token in tokens:
            if is_pronoun(token):
                antecedent = self.lookup.antecedent(token)
                out.extend(self.lookup.resolve(antecedent, role) if antecedent is not None else [])
            else:
                found = self.lookup.resolve(token, role)
                if role == "source" and not any_identified(found):
                    found = self.instruments.issuer_of(token, self.lookup.in_phrase) or found
                out.extend(found)
        return out

    def _wielders(self, weapons: list[Token]) -> list[ActorMention]:
        """The actors named by a weapon's modifiers ("a Hamas rocket", "Israeli drones"); none for
        "a car bomb", "a bomb in Baghdad" (a place) or "a US-made missile" (the maker)."""
        modifiers = [m for w in weapons for m in self.instruments.user_modifiers(w)]
        return [a for m in modifiers for a in self.lookup.in_phrase(m) if is_user_actor(a)]

    def _weapon_not_actor(self, token: Token) -> bool:
        """A weapon word that is no actor ("fired rockets"; not "attacked Shell")."""
        return self.instruments.weapon_mode(token) is not None and not self.lookup.is_actor_token(token)

    def subjects_of(self, tokens: list[Token]) -> list[ActorMention]:
        return self._actors(tokens, role="source")


def _clause_actor(head: Token, inherit: object) -> list[Token]:
    """The subject of a governing verb (or its passive agent / inherited subject)."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        return subjects
    agents = passive_agents(head)
    if agents:
        return agents
    patients = [c for c in head.children if c.dep_ == "nsubjpass"]
    if patients:
        return patients  # raising: "Obama is scheduled to attend"
    if callable(inherit):
        result = inherit(head)
        return list(result) if result else []
    return []


def _key(mention: ActorMention) -> tuple[str | None, str | None, str | None]:
    return (mention.ref.country, mention.ref.sector, mention.ref.name)


def _dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in mentions:
        if all(m is not o for o in out):
            out.append(m)
    return out


__all__ = ["Arguments", "ArgumentFinder", "conjuncts"]

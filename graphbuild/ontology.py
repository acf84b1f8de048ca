"""Domain knowledge loaded from the data files in ``ontology/``.

All actor names, aliases, relation cues and their CAMEO/PLOVER alignment live in
CSV and Turtle files so analysts can extend them without touching Python. This
module reads them into small immutable lookups, once per process.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import tempfile
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

import pycountry
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import OWL, DefinedNamespace

from graphbuild.types import Actor, Triple

BASE = "https://w3id.org/graphbuild/"
CACHE_FORMAT = "2"  # bump when the Ontology record changes shape
ACTOR = Namespace(BASE + "actor/")
DOC = Namespace(BASE + "doc/")
STATEMENT = Namespace(BASE + "statement/")
WD = Namespace("http://www.wikidata.org/entity/")


class GB(DefinedNamespace):
    """The graphbuild ontology namespace; a typo in a term name is an error."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Actor: URIRef
    State: URIRef
    Organization: URIRef
    Region: URIRef
    Group: URIRef
    Person: URIRef
    GovernmentBody: URIRef
    Document: URIRef
    Statement: URIRef
    QuadClass: URIRef
    VerbalCooperation: URIRef
    MaterialCooperation: URIRef
    VerbalConflict: URIRef
    MaterialConflict: URIRef
    # actor and document properties
    country: URIRef
    actorType: URIRef
    linked: URIRef
    role: URIRef
    affiliatedWith: URIRef
    sha256: URIRef
    sourceName: URIRef
    # statement provenance
    document: URIRef
    sentence: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    negated: URIRef
    hypothetical: URIRef
    location: URIRef
    confidence: URIRef
    rule: URIRef
    relationText: URIRef
    lemma: URIRef
    modality: URIRef
    sector: URIRef
    # alignment annotations
    ploverType: URIRef
    cameoCode: URIRef
    quadClass: URIRef
    # relation tops and non-event relations
    relation: URIRef
    ploverEvent: URIRef
    relatedTo: URIRef
    leads: URIRef
    establishes: URIRef
    memberOf: URIRef


ACTOR_TYPES = ("State", "Organization", "Region", "Group", "Person", "GovernmentBody")

# spaCy entity label given to ruler matches, by actor type; demonyms are NORP.
RULER_LABELS = {
    "State": "GPE",
    "Organization": "ORG",
    "Region": "LOC",
    "Group": "NORP",
    "Person": "PERSON",
    "GovernmentBody": "ORG",
}


class OntologyError(ValueError):
    """A data file in ``ontology/`` is missing or malformed."""


def default_ontology_dir() -> Path:
    """Where the data files live: ``$GRAPHBUILD_ONTOLOGY``, else the copy an installed package
    ships (``graphbuild/data/ontology``), else the repository's ``ontology/`` (a checkout or an
    editable install)."""
    env = os.environ.get("GRAPHBUILD_ONTOLOGY")
    if env:
        return Path(env)
    return packaged_or_repository("ontology")


def packaged_or_repository(name: str) -> Path:
    """``graphbuild/data/NAME`` in an installed package, else the repository's top-level ``NAME/``."""
    here = Path(__file__).resolve().parent
    shipped = here / "data" / name
    return shipped if shipped.is_dir() else here.parent / name


class Alias(NamedTuple):
    """One surface form the entity ruler matches, with the actor it names (a named tuple: the
    dictionaries make tens of thousands, and tuples are built and pickled fastest)."""

    text: str
    key: str
    label: str  # spaCy entity label
    kind: str  # name | demonym | capital | city | linked (a dictionary name the NER's spans are linked to)


class Role(NamedTuple):
    """A dated affiliation of a person: the state and sector it serves, from start to end (ISO dates)."""

    country: str
    sector: str
    start: str  # "" when open
    end: str  # "" when still in force

    def in_force(self, date: str) -> bool:
        """Whether the role was held on ``date`` (ISO dates compare as strings)."""
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(frozen=True, slots=True)
class RelationInfo:
    """An ontology relation property and its event-data alignment."""

    id: str  # local name
    label: str
    plover: str | None
    cameo: str | None
    quad: str | None
    symmetric: bool


@dataclass(frozen=True, eq=False)
class Ontology:
    """Everything the pipeline knows about the domain, read from ``ontology/``."""

    directory: Path
    actors: dict[str, Actor]
    aliases: tuple[Alias, ...]
    relations: dict[str, RelationInfo]
    lexicon: dict[tuple[str, str, str], str]  # (verb lemma, light noun, prep) -> relation
    nominals: dict[str, tuple[str, frozenset[str], frozenset[str]]]  # noun -> (relation, agent, target)
    proxies: dict[str, tuple[str, str]]  # noun -> (role | aspect | with, sector code or "")
    sectors: dict[str, tuple[str, str]]  # sector code -> (label, actor type)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> words
    cameo_plover: dict[str, str] = field(default_factory=dict)  # CAMEO code -> PLOVER type
    verbs: dict[tuple[str, str, str], str] = field(default_factory=dict)  # CAMEO dictionary: key -> code
    agents: dict[str, str] = field(default_factory=dict)  # agent noun -> sector code
    roles: dict[str, tuple[Role, ...]] = field(default_factory=dict)  # actor key -> dated roles
    verb_nouns: frozenset[tuple[str, str]] = frozenset()  # (verb, noun) of the dictionary's noun patterns
    homonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # shared person alias -> keys
    intents: dict[str, str] = field(default_factory=dict)  # PLOVER type intended -> CAMEO code of the intent
    dated_names: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)  # name -> (key, start, end)

    @cached_property
    def role_nouns(self) -> frozenset[str]:
        """Nouns that stand for an actor's role or agent ('spokesperson', 'ministry', 'minister'):
        an office's title (see ``ActorResolver``); with 'the' and no owner they may refer back to one
        named earlier."""
        return frozenset(self.agents) | frozenset(k for k, (kind, _s) in self.proxies.items() if kind == "role")

    @cached_property
    def surnames(self) -> dict[str, tuple[str, ...]]:
        """Surname -> keys of the persons with dated roles who bear it ('Clinton', 'Kohl')."""
        found: dict[str, set[str]] = {}
        for key in self.roles:
            actor = self.actors.get(key)
            if actor is not None and actor.type == "Person" and " " in actor.label:
                found.setdefault(actor.label.split()[-1], set()).add(key)
        return {k: tuple(sorted(v)) for k, v in found.items()}

    def named_on(self, name: str, date: str | None) -> Actor | None:
        """The actor a name stood for on ``date`` when that differs from today's reading
        ('Congo' was the Republic of the Congo while the DRC was Zaire), else None."""
        if not date:
            return None
        for key, start, end in self.dated_names.get(name, ()):
            if start <= date <= end and key in self.actors:
                return self.actors[key]
        return None

    def person_by_surname(self, surname: str, date: str | None) -> tuple[Actor | None, str | None]:
        """(person, state) for a surname alone: the one bearer in office on ``date`` (or the only
        bearer at all); when it stays open, no person but the state all bearers share, if any."""
        keys = self.surnames.get(surname, ())
        if len(keys) == 1:
            return self.actor_on(self.actors[keys[0]], date), None
        if date and keys:
            current = [k for k in keys if any(r.sector in ("GOV", "MIL") and r.in_force(date) for r in self.roles[k])]
            if len(current) == 1:
                return self.actor_on(self.actors[current[0]], date), None
        countries = {self.actors[k].country for k in keys}
        return None, (countries.pop() if len(countries) == 1 else None)

    def homonym(self, name: str, date: str | None) -> Actor | None:
        """The person a shared alias names on ``date``: the one whose government role is in force
        then ('President Bush' in 1990 or in 2005); without a date, the latest to take office.
        None when the date leaves it open."""
        keys = [k for k in self.homonyms.get(name, ()) if k in self.actors]

        def offices(key: str) -> list[Role]:
            return [r for r in self.roles.get(key, ()) if r.sector in ("GOV", "MIL", "IGO")]

        if date:
            current = [k for k in keys if any(r.in_force(date) for r in offices(k))]
            return self.actors[current[0]] if len(current) == 1 else None  # its dated state: ActorResolver
        latest = max(keys, key=lambda k: (max((r.start for r in offices(k)), default=""), k), default=None)
        return self.actors[latest] if latest is not None else None

    def actor_on(self, actor: Actor, date: str | None) -> Actor:
        """The actor as its roles stand on ``date``: a person's state is the one it served then.

        Without a date, or when no role is in force on it, the latest role counts (the
        dictionaries' state as the actor was loaded)."""
        roles = self.roles.get(actor.key)
        if not roles or not date:
            return actor
        current = [r for r in roles if r.in_force(date)]
        if not current:
            return actor
        best = max(current, key=lambda r: (r.sector in ("GOV", "MIL"), r.start))
        return actor if best.country == actor.country else replace(actor, country=best.country)

    def sector_actor(self, state: Actor, code: str) -> Actor:
        """The actor for a state's sector: 'Hungarian officials' -> Hungary (government), key HUN-GOV."""
        label, kind = self.sectors[code]
        return Actor(key=f"{state.key}-{code}", label=f"{state.label} ({label})", type=kind,
                     country=state.country, sector=code)

    def relation_iri(self, relation: str) -> URIRef:
        return URIRef(str(GB._NS) + relation)

    def plover_of(self, t: Triple) -> str | None:
        """PLOVER type of a statement: its CAMEO code's, else its relation's."""
        return self.plover_type(t.relation, t.cameo)

    def plover_type(self, relation: str, cameo: str | None) -> str | None:
        """PLOVER type of an event with this relation and (finer) CAMEO code, as its statement
        will carry it: the code's, else the relation's. Rules that ask what an event is ask this."""
        if cameo:
            plover = self.plover_of_code(cameo)
            if plover:
                return plover
        return self.relations[relation].plover

    def cameo_of(self, t: Triple) -> str | None:
        """CAMEO code of a statement: the matched pattern's, else its relation's."""
        return t.cameo or self.relations[t.relation].cameo

    def lookup_relation(self, lemma: str, noun: str, prep: str) -> str | None:
        """Relation for a verb lemma with an optional light noun and preposition (see ``lookup_event``)."""
        found = self.lookup_event(lemma, noun, prep)
        return found[0] if found is not None else None

    @cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb lemma our lexicon or the CAMEO dictionary names, phrasal ones included."""
        return frozenset(k[0] for k in self.lexicon) | frozenset(k[0] for k in self.verbs)

    @cached_property
    def aid_goods(self) -> dict[str, str]:
        """Goods whose giving is aid, with the CAMEO code the dictionary gives them when a state
        provides, supplies, sends or gives them: food, vaccines, relief supplies, medical
        equipment (073 humanitarian aid), money, loans and grants (071 economic aid), aid
        itself (070). Weapons and fuel are not among them: supplying them is trade or arms
        transfers, which our lexicon keeps as material cooperation."""
        givers = self.cues.get("giving", frozenset())
        return {noun: code for (lemma, noun, prep), code in sorted(self.verbs.items())
                if lemma in givers and noun and not prep and code in ("070", "071", "073")}

    def carried(self, lemma: str, noun: str) -> bool:
        """Whether a carrier verb only carries its object noun, an event noun or a verb's noun
        ('launched an attack', 'gave a welcome', 'made an appeal'): the noun says what happened."""
        return lemma in self.cues.get("carrier", ()) and (noun in self.nominals or noun in self.verb_lemmas)

    def reduces(self, lemma: str, noun: str) -> bool:
        """Whether the verb ends or cuts a cooperative tie its object names: 'suspended aid',
        'ended military cooperation', 'froze talks', 'cut ties'. CAMEO files all of these under
        16, reducing relations, whichever tie is cut; the dictionary lists only some pairs."""
        return lemma in self.cues.get("terminative", ()) and self.cooperative(noun)

    def cooperative(self, noun: str) -> bool:
        """Whether a noun names a cooperative tie that can be cut: a bond ('ties', 'relations')
        or an event noun of cooperation ('aid', 'talks', 'agreement')."""
        if not noun:
            return False
        if noun in self.cues.get("bond", ()):
            return True
        nominal = self.nominals.get(noun)
        return nominal is not None and self.relations[nominal[0]].quad in ("VerbalCooperation", "MaterialCooperation")

    def reduction(self) -> tuple[str, str] | None:
        """(relation, CAMEO code) of cutting a cooperative tie: CAMEO 160, reduce relations, which
        PLOVER codes SANCTION."""
        relation = self.plover_relations.get("SANCTION")
        return (relation, "160") if relation is not None else None

    def dictionary_event(self, key: tuple[str, str, str]) -> tuple[str, str] | None:
        """(PLOVER event relation, CAMEO code) of one CAMEO dictionary pattern, without our lexicon."""
        code = self.verbs.get(key)
        relation = self.plover_relations.get(self.plover_of_code(code or "") or "")
        return (relation, code) if relation is not None and code is not None else None

    def lookup_event(self, lemma: str, noun: str, prep: str, *,
                     generic: bool = True) -> tuple[str, str | None] | None:
        """(relation, CAMEO code or None) for a verb lemma with an optional light noun and
        preposition (see ``_lookup_event``).

        A phrasal verb no table names as such ('beat up', 'fire off') is read as the CAMEO
        dictionary writes phrasal verbs, with the particle in the preposition's slot ('back' +
        'down' is 080), and without that, as its base verb, as the dictionary's coders match
        a verb whatever particle follows it ('beat up detainees' is 'beat', 190).
        """
        lemma = self.envoy_verb(lemma, noun)
        if " " not in lemma or lemma in self.verb_lemmas or self.reduces(lemma, noun):
            return self._lookup_event(lemma, noun, prep, generic=generic)
        base, particle = lemma.rsplit(" ", 1)
        if not prep or prep in self.cues.get("target_prep", ()):
            for key in ((base, noun, particle), (base, "", particle)) if noun else ((base, "", particle),):
                if key in self.lexicon:
                    return self.lexicon[key], None
                event = self.dictionary_event(key)
                if event is not None:
                    return event
        return self._lookup_event(base, noun, prep, generic=generic)

    def envoy_verb(self, lemma: str, noun: str) -> str:
        """'recall' for a recalling verb ('withdrew', 'pulled', 'brought home') over an envoy that
        no pattern names with it: the dictionary writes only 'recall ambassador' (161)."""
        if noun in self.cues.get("envoy", ()) and lemma in self.cues.get("recall", ()) and \
                (lemma, noun) not in self.verb_nouns and (lemma, noun, "") not in self.lexicon:
            return "recall"
        return lemma

    def _lookup_event(self, lemma: str, noun: str, prep: str, *,
                      generic: bool = True) -> tuple[str, str | None] | None:
        """(relation, CAMEO code or None) for a verb lemma with an optional light noun and preposition.

        The most specific entry wins, and at one level our curated lexicon before the CAMEO verb
        dictionary: (lemma, noun, prep), (lemma, noun, ""), (lemma, "", prep), (lemma, "", ""); the verb's
        own code reaches only a direct object or a directed preposition ('protested against X',
        not 'arrived aboard a plane'), and a too general verb only its noun patterns. A light-noun
        row never hides the verb's other prepositions: a miss with the noun falls back to the
        verb alone. A dictionary code maps to its PLOVER event relation. Without either, a
        direct object falls back to ``relatedTo`` (keeping the lemma) and a prepositional object
        to the generic entry for the preposition ("*"), unless the verb is too general
        ('generic_stop' cues) or ``generic`` is False.
        """
        ours = self.lexicon.get((lemma, "", ""))
        general = lemma in self.cues.get("generic_stop", ())
        directed = prep == "" or prep in self.cues.get("target_prep", ())
        keys = [(lemma, noun, prep), (lemma, noun, "")] if noun else []
        keys += [(lemma, "", prep)] if prep else []
        keys += [(lemma, "", "")]
        # what the noun alone says, once its own patterns have missed (each decided once, not per key)
        reduced = self.reduction() if self.reduces(lemma, noun) else None
        carried = bool(noun) and self.carried(lemma, noun)
        for key in keys:  # the most specific first; at one level our lexicon before the dictionary
            bare = not key[1] and not key[2]
            if not key[1] and reduced:
                return reduced  # no pattern of this pair: 'end cooperation'
            if not key[1] and carried and noun not in self.nominals:
                # a carried noun that is a verb reads as that verb: 'gave a warm welcome to X' is
                # 'welcomed X', 'made an appeal to X' 'appealed to X'
                return self.lookup_event(noun, "", prep, generic=False)
            if not key[1] and carried:
                # a verb that only carries its event noun means what the noun means ('issued a
                # complaint to X'), with the noun's own prepositions
                # prepositions: a noun that is also a verb reads as that verb ('a protest to X' is the
                # diplomatic 'protested to X', not a street protest)
                relation, _agent, targets = self.nominals[noun]
                if prep and (noun, "", prep) in self.lexicon:
                    return self.lexicon[(noun, "", prep)], None
                return (relation, None) if not prep or prep in targets else None
            if key in self.lexicon and (not bare or directed):
                return self.lexicon[key], None
            if (general and not key[1]) or (bare and not directed):
                continue  # 'give', 'make' say something only with their noun ('give aid')
            if bare and lemma in self.cues.get("speech", ()):
                continue  # a verb of saying alone is a statement (CAMEO 010), whatever else the dictionary files it under ('add')
            code = self.verbs.get(key)
            plover = self.plover_of_code(code or "")
            relation = self.plover_relations.get(plover or "")
            if relation is not None:
                if ours is not None and self.relations[ours].plover == plover:
                    return ours, code  # our named relation, with the pattern's finer code
                return relation, code
        if not generic or lemma in self.cues.get("generic_stop", ()):
            return None  # 'have', 'give', 'make'... say too little for even a generic relation
        if prep == "":
            return ("relatedTo", None) if not noun else None
        generic = self.lexicon.get(("*", "", prep))
        return (generic, None) if generic is not None else None

    def takes_prep(self, lemma: str, prep: str, noun: str = "") -> bool:
        """Whether the lexicon or the dictionary names this verb (with this noun) with this
        preposition ('arrive in', 'launch missiles at')."""
        return bool(prep) and any(key in self.lexicon or key in self.verbs
                                  for key in {(lemma, "", prep), (lemma, noun, prep)})

    def plover_of_code(self, code: str) -> str | None:
        """PLOVER type of a CAMEO code: our curated relations' alignment where one of them claims
        the code or its three-digit parent (057 signing an agreement is AGREE, 163 sanctions are
        SANCTION, as PLOVER's gold records code them), else the CAMEO -> PLOVER table's."""
        for prefix in (code, code[:3]):
            if prefix in self.curated_codes:
                return self.curated_codes[prefix]
        return self.cameo_plover.get(code)

    def intent(self, relation: str, cameo: str | None = None) -> tuple[str, str] | None:
        """(relation, CAMEO code) of the intent to do what ``relation`` (or its finer ``cameo``
        code) names: CAMEO's 03 'express intent to cooperate' or 13 'threaten', by the PLOVER
        type intended (``intents.csv``); None for an act no intent code covers."""
        code = self.intents.get(self.plover_type(relation, cameo) or "")
        return (self.relation_of_code(code), code) if code else None

    def relation_of_code(self, code: str) -> str:
        """The relation that carries a CAMEO code: ours when one claims the code or a prefix of
        it (13 'threatens' for 138), else the PLOVER event relation of its type."""
        for n in range(len(code), 1, -1):
            for r in self.relations.values():
                if r.cameo == code[:n] and r.plover:
                    return r.id
        return self.plover_relations[self.plover_of_code(code) or ""]

    @cached_property
    def curated_codes(self) -> dict[str, str]:
        """CAMEO code (three digits or more) -> PLOVER type, as our relations align them."""
        return {r.cameo: r.plover for r in self.relations.values() if r.cameo and len(r.cameo) >= 3 and r.plover}

    @cached_property
    def plover_relations(self) -> dict[str, str]:
        """PLOVER type -> the generic event relation that carries it (gb:ploverAgree ...)."""
        return {r.plover: r.id for r in self.relations.values() if r.id.startswith("plover") and r.plover}


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise OntologyError(f"{path}: ontology data file not found (set GRAPHBUILD_ONTOLOGY or pass --ontology)")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for n, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise OntologyError(f"{path}:{n}: wrong number of columns")
    return rows


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[list[str]]:
    """Rows of a large generated table as lists (a plain csv.reader: several times faster than
    DictReader over the dictionaries' hundred thousand rows), header and widths checked."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = tuple(next(reader, ()))
        if header != columns:
            raise OntologyError(f"{path}:1: expected columns {','.join(columns)}; run `make dictionaries`")
        rows = list(reader)
    width = len(columns)
    for n, row in enumerate(rows, start=2):
        if len(row) != width:
            raise OntologyError(f"{path}:{n}: wrong number of columns")
    return rows


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _variants(text: str) -> list[str]:
    """Surface variants of an alias: 'the West' also as 'The West'."""
    out = [text]
    if text.startswith("the "):
        out.append("The " + text[4:])
    return out


def _plural_demonym(word: str) -> str | None:
    """'Russian' -> 'Russians', 'Pakistani' -> 'Pakistanis'; 'Chinese' has no -s plural."""
    if word.endswith(("an", "i")) and " " not in word:
        return word + "s"
    return None


def _load_states(path: Path) -> tuple[dict[str, Actor], list[Alias]]:
    actors: dict[str, Actor] = {}
    aliases: list[Alias] = []
    standard: list[Alias] = []  # ISO 3166's names, after every curated one: 'Congo' is the DRC in news
    for n, row in enumerate(_read_csv(path), start=2):
        iso3 = row["iso3"].strip()
        if iso3 != "XKX" and pycountry.countries.get(alpha_3=iso3) is None:
            raise OntologyError(f"{path}:{n}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
        actors[iso3] = Actor(iso3, row["label"], "State", iso3, row["wikidata"] or None)
        names = [row["label"], *_split(row["aliases"])]
        for name in dict.fromkeys(names):
            aliases += [Alias(v, iso3, "GPE", "name") for v in _variants(name)]
        country = pycountry.countries.get(alpha_3=iso3)
        if country is not None:
            for name in dict.fromkeys([country.name, getattr(country, "common_name", country.name)]):
                standard += [Alias(v, iso3, "GPE", "name") for v in _variants(name)]
        for cap in _split(row["capitals"]):
            aliases += [Alias(v, iso3, "GPE", "capital") for v in _variants(cap)]
        for dem in _split(row["demonyms"]):
            aliases.append(Alias(dem, iso3, "NORP", "demonym"))
            plural = _plural_demonym(dem)
            if plural:
                aliases.append(Alias(plural, iso3, "NORP", "demonym"))
    curated = {a.text for a in aliases}
    return actors, aliases + [a for a in standard if a.text not in curated]


def _load_actors(path: Path, states: dict[str, Actor]) -> tuple[dict[str, Actor], list[Alias]]:
    actors: dict[str, Actor] = {}
    aliases: list[Alias] = []
    for n, row in enumerate(_read_csv(path), start=2):
        key, kind = row["key"].strip(), row["type"].strip()
        if kind not in ACTOR_TYPES:
            raise OntologyError(f"{path}:{n}: type {kind!r} is not one of {', '.join(ACTOR_TYPES)}")
        country = row["country"].strip() or None
        if country is not None and country not in states:
            raise OntologyError(f"{path}:{n}: country {country!r} is not in states.csv")
        if key in states or key in actors:
            raise OntologyError(f"{path}:{n}: duplicate actor key {key!r}")
        actors[key] = Actor(key, row["label"], kind, country, row["wikidata"] or None, row["role"] or None)
        for name in dict.fromkeys([row["label"], *_split(row["aliases"])]):
            aliases += [Alias(v, key, RULER_LABELS[kind], "name") for v in _variants(name)]
    return actors, aliases


def _load_relations(path: Path) -> dict[str, RelationInfo]:
    if not path.is_file():
        raise OntologyError(f"{path}: ontology Turtle file not found")
    g = Graph().parse(path, format="turtle")
    ns = str(GB._NS)
    out: dict[str, RelationInfo] = {}
    # Actor-to-actor relations are exactly the sub-properties of gb:relation.
    for prop in g.transitive_subjects(RDFS.subPropertyOf, GB.relation):
        if not str(prop).startswith(ns) or (prop, RDF.type, OWL.ObjectProperty) not in g:
            continue
        local = str(prop)[len(ns):]
        plover = g.value(prop, GB.ploverType)
        cameo = g.value(prop, GB.cameoCode)
        quad = g.value(prop, GB.quadClass)
        out[local] = RelationInfo(
            id=local,
            label=str(g.value(prop, RDFS.label) or local),
            plover=str(plover) if plover is not None else None,
            cameo=str(cameo) if cameo is not None else None,
            quad=str(quad)[len(ns):] if quad is not None else None,
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in g,
        )
    return out


def ontology_fingerprint(directory: Path) -> str:
    """sha256 of every data file under the folder (names and bytes), dictionaries included."""
    h = hashlib.sha256()
    for path in sorted(p for p in Path(directory).rglob("*") if p.is_file()):
        h.update(path.relative_to(directory).as_posix().encode() + b"\x1f")
        h.update(path.read_bytes())
    return h.hexdigest()


def cache_dir() -> Path | None:
    """Where built lookups are cached: ``$GRAPHBUILD_CACHE`` ("off" disables caching), else the
    user's cache folder (``$XDG_CACHE_HOME/graphbuild`` or ``~/.cache/graphbuild``)."""
    env = os.environ.get("GRAPHBUILD_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphbuild"


def load_ontology(directory: Path | None = None) -> Ontology:
    """Read and validate every data file; cached per folder, so the pipeline reads them once.

    Reading the tens of thousands of dictionary rows takes about a second, so the built
    lookups are also kept on disk (see ``cache_dir``) under the fingerprint of the folder's
    files: a changed file is a new fingerprint and a fresh read; a cache that cannot be read
    or written is ignored."""
    return _load_ontology((Path(directory) if directory is not None else default_ontology_dir()).resolve())


@lru_cache(maxsize=4)
def _load_ontology(d: Path) -> Ontology:
    where = cache_dir()
    if where is None or not d.is_dir():
        return _read_ontology(d)
    # keyed by the data and by this loader's code: a new release reading the same files anew
    loader = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    path = where / f"ontology-{CACHE_FORMAT}-{ontology_fingerprint(d)[:40]}-{loader}.pickle"
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, Ontology) and cached.directory == d:
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass  # no cache yet, or one written by another version: read the files
    onto = _read_ontology(d)
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=where, delete=False, suffix=".tmp") as fh:
            pickle.dump(onto, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass  # a read-only home: run without the cache
    return onto


def _read_ontology(d: Path) -> Ontology:
    states, state_aliases = _load_states(d / "states.csv")
    others, other_aliases = _load_actors(d / "actors.csv", states)
    found, found_aliases, roles, homonyms = _load_dictionary_actors(d / "dictionaries", states, others,
                                                         {a.text for a in (*state_aliases, *other_aliases)})
    others.update(found)
    other_aliases += found_aliases
    relations = _load_relations(d / "graphbuild.ttl")

    lexicon: dict[tuple[str, str, str], str] = {}
    for n, row in enumerate(_read_csv(d / "lexicon.csv"), start=2):
        rel = row["relation"].strip()
        if rel not in relations:
            raise OntologyError(f"{d / 'lexicon.csv'}:{n}: relation {rel!r} is not declared in graphbuild.ttl")
        lexicon[(row["lemma"].strip(), row["noun"].strip(), row["prep"].strip())] = rel

    sectors = {row["code"].strip(): (row["label"].strip(), row["type"].strip())
               for row in _read_csv(d / "sectors.csv")}
    proxies: dict[str, tuple[str, str]] = {}
    for n, row in enumerate(_read_csv(d / "proxies.csv"), start=2):
        sector = row["sector"].strip()
        if sector and sector not in sectors:
            raise OntologyError(f"{d / 'proxies.csv'}:{n}: sector {sector!r} is not in sectors.csv")
        proxies[row["noun"].strip()] = (row["kind"].strip(), sector)
    cameo_plover, verbs, agents = _load_dictionaries(d / "dictionaries", sectors)
    for noun, (kind, sector) in proxies.items():
        if kind == "role" and sector:
            agents[noun] = sector  # our curated role nouns win over the dictionary's
    dated_names: dict[str, list[tuple[str, str, str]]] = {}
    for n, row in enumerate(_read_csv(d / "dated_names.csv"), start=2):
        key = row["key"].strip()
        if key not in states and key not in others:
            raise OntologyError(f"{d / 'dated_names.csv'}:{n}: actor {key!r} is not in states.csv or actors.csv")
        dated_names.setdefault(row["name"].strip(), []).append((key, row["start"].strip(), row["end"].strip()))
    intents: dict[str, str] = {}
    for n, row in enumerate(_read_csv(d / "intents.csv"), start=2):
        if not cameo_plover.get(row["cameo"].strip()):
            raise OntologyError(f"{d / 'intents.csv'}:{n}: CAMEO code {row['cameo']!r} has no PLOVER type")
        intents[row["plover"].strip()] = row["cameo"].strip()
    cues: dict[str, set[str]] = {}
    for row in _read_csv(d / "cues.csv"):
        cues.setdefault(row["kind"].strip(), set()).add(row["word"].strip())

    nominals: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {}
    for n, row in enumerate(_read_csv(d / "nominals.csv"), start=2):
        rel = row["relation"].strip()
        if rel not in relations:
            raise OntologyError(f"{d / 'nominals.csv'}:{n}: relation {rel!r} is not declared in graphbuild.ttl")
        targets = set(_split(row["target"]))
        if relations[rel].quad in ("VerbalConflict", "MaterialConflict"):
            # a hostile act's opponent is named with 'against' whatever the noun: 'shelling
            # against Armenian positions', 'criticism against Beijing'
            targets |= cues.get("opposition_prep", set())
        nominals[row["noun"].strip()] = (rel, frozenset(_split(row["agent"])), frozenset(targets))

    return Ontology(
        directory=d,
        actors={**states, **others},
        aliases=tuple(state_aliases + other_aliases),
        relations=relations,
        lexicon=lexicon,
        nominals=nominals,
        proxies=proxies,
        sectors=sectors,
        cues={k: frozenset(v) for k, v in cues.items()},
        cameo_plover=cameo_plover,
        verbs=verbs,
        verb_nouns=frozenset((lemma, noun) for (lemma, noun, _prep) in verbs if noun),
        agents=agents,
        roles=roles,
        homonyms=homonyms,
        intents=intents,
        dated_names={k: tuple(v) for k, v in dated_names.items()},
    )


def _load_dictionary_actors(
    d: Path, states: dict[str, Actor], curated: dict[str, Actor], claimed: set[str]
) -> tuple[dict[str, Actor], list[Alias], dict[str, tuple[Role, ...]], dict[str, tuple[str, ...]]]:
    """Actors of the Phoenix dictionaries (``dictionaries/actors.csv``, ``roles.csv``); optional.

    Our curated tables win: a surface form they claim stays theirs, and a dictionary actor
    with a curated key only lends its extra aliases. A dictionary state's aliases are mostly
    its cities and regions, so they are places of that state (a metonym as an agent, a
    location after 'in'). A surface form several dictionary persons share ('President Bush')
    becomes a homonym that the document's date resolves; one that other actors share names none.
    """
    actors: dict[str, Actor] = {}
    aliases: list[Alias] = []
    roles: dict[str, list[Role]] = {}
    homonyms: dict[str, tuple[str, ...]] = {}
    if not (d / "actors.csv").is_file():
        return actors, aliases, {}, {}
    rows = _read_rows(d / "actors.csv", ("key", "label", "type", "country", "code", "aliases"))
    owners: dict[str, set[str]] = {}
    persons = {key for key, _l, kind, country, _c, _a in rows if kind == "Person" and country in states}
    for key, label, kind, country, _code, names in rows:
        for name in (label, *_split(names)):
            owners.setdefault(name, set()).add(country if kind == "State" else key)
    if (d / "roles.csv").is_file():
        for key, _code, country, sector, start, end in _read_rows(
                d / "roles.csv", ("key", "code", "country", "sector", "start", "end")):
            if country in states:
                roles.setdefault(key, []).append(Role(country, sector, start, end))
    for row_key, row_label, kind, row_country, _code, names in rows:
        country = row_country or None
        if kind not in ACTOR_TYPES or (country is not None and country not in states):
            continue
        if kind == "State":
            key, alias_kind = row_country, "city"
        else:
            key, alias_kind = row_key, "linked"
            if key not in curated and key not in states:
                actors[key] = Actor(key, row_label, kind, country, None, None)
        label = RULER_LABELS["State" if kind == "State" else kind]
        for name in dict.fromkeys((row_label, *_split(names))):
            bare = name[4:] if name[:4].lower() == "the " else name
            if name in claimed or bare in claimed or "the " + bare in claimed or len(name) < 3:
                continue  # ours: 'The White House' is the curated 'White House'
            if len(owners.get(name, ())) > 1:
                if owners[name] <= persons and kind == "Person":
                    # 'President Bush': the document's date decides who it is (see Ontology.homonym)
                    homonyms[name] = tuple(sorted(owners[name]))
                    claimed.add(name)
                    aliases += [Alias(v, "?" + name, label, "linked") for v in _variants(name)]
                continue
            if kind == "State" and name == row_label:
                continue  # the state's own name is the curated table's
            claimed.add(name)
            kind_of = "name" if kind == "State" and _names_state(name, row_label) else alias_kind
            aliases += [Alias(v, key, label, kind_of) for v in _variants(name)]
    return (actors, aliases, {k: tuple(sorted(v, key=lambda r: (r.start, r.end))) for k, v in roles.items()},
            homonyms)


# words a state's other names share with its label that do not make them names of the state
GENERIC_NAME_WORDS = frozenset({"the", "of", "and", "republic", "democratic", "state", "states", "kingdom",
                                "federal", "islamic", "people's", "united", "union", "south", "north",
                                "east", "west", "new", "saint", "st", "rep", "dem"})


def _names_state(alias: str, label: str) -> bool:
    """Whether a Phoenix alias of a state row is another name of the state ('Democratic Republic
    of Congo', 'DR Congo') rather than one of the places the row also lists ('Goma', 'Kasai'):
    the names share a distinctive word of the state's label. A place acts for no state as a
    subject; a name of the state does."""
    def words(text: str) -> set[str]:
        return {w for w in re.split(r"[\s().,-]+", text.lower()) if w and w not in GENERIC_NAME_WORDS}
    return bool(words(alias) & words(label))


def _load_dictionaries(d: Path, sectors: dict[str, tuple[str, str]]
                       ) -> tuple[dict[str, str], dict[tuple[str, str, str], str], dict[str, str]]:
    """The tables converted from PETRARCH/Phoenix and PLOVER (``make dictionaries``); optional.

    Returns CAMEO -> PLOVER, the CAMEO verb patterns, and agent nouns -> sector (only
    sectors that ``sectors.csv`` declares, so every sector actor has a class)."""
    cameo_plover: dict[str, str] = {}
    verbs: dict[tuple[str, str, str], str] = {}
    agents: dict[str, str] = {}
    if (d / "cameo_plover.csv").is_file():
        for cameo, plover, _mode, _context in _read_rows(d / "cameo_plover.csv", ("cameo", "plover", "mode", "context")):
            if plover:
                cameo_plover[cameo] = plover
    if (d / "verbs.csv").is_file():
        for lemma, noun, prep, cameo in _read_rows(d / "verbs.csv", ("lemma", "noun", "prep", "cameo")):
            verbs.setdefault((lemma, noun, prep), cameo)
    if (d / "agents.csv").is_file():
        for noun, sector in _read_rows(d / "agents.csv", ("noun", "sector")):
            if sector in sectors:
                agents.setdefault(noun, sector)
    return cameo_plover, verbs, agents

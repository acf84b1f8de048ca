"""Actors: named-entity spans resolved to ontology actors, or minted when unknown.

The entity ruler has already put the actor key on every span it knows, so
linking is a dictionary look-up. Spans only the statistical NER found are
fuzzy-matched against the known names (rapidfuzz) and otherwise become
"unlinked" actors with a deterministic key, so the same name always gets the
same IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

import numpy
import pycountry
from anyascii import anyascii
from rapidfuzz import fuzz, process
from spacy.attrs import ENT_TYPE, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from graphbuild.gazetteer import load_places
from graphbuild.ontology import Ontology
from graphbuild.types import Actor

# NER labels that can name an actor, and the ontology class an unknown one gets.
NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Region", "NORP": "Group", "LOC": "Region"}
FUZZY_CUTOFF = 92.0


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mentioned by a span of the parse."""

    actor: Actor
    start: int  # token index
    end: int
    demonym: bool  # 'Chinese', 'Russians': names the state only through an adjective
    linked_by: str  # how: a key of extract.records.LINK_FACTOR (ruler, name, fuzzy, country, title, ...)
    place: str = ""  # "capital" (a metonym for its state as an agent) or "city"; a location after 'in'


def bare_name(text: str) -> str:
    """A name without its leading article: 'the Kremlin' -> 'Kremlin'."""
    return re.sub(r"^(?:the|The)\s+", "", text.strip())


def _put(index: dict[int, Mention], mention: Mention) -> None:
    """Let ``mention`` cover every token of its span in the index."""
    for i in range(mention.start, mention.end):
        index[i] = mention


def slugify(text: str) -> str:
    """ASCII slug for IRIs: 'Côte d'Ivoire' -> 'cote-d-ivoire', 'Владимир Путин' -> 'vladimir-putin'.

    anyascii transliterates every script, so names in Cyrillic, Arabic or Chinese stay
    apart instead of all becoming one actor; a name it cannot spell in ASCII at all gets
    a short hash of its NFC form, as stable as the name itself.
    """
    name = unicodedata.normalize("NFC", text)
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    return slug or hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]


class ActorResolver:
    """Turns the entities of a parsed document into actor mentions."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self.demonyms = frozenset(a.text for a in onto.aliases if a.kind == "demonym")
        self.places = {a.text: a.kind for a in onto.aliases if a.kind in ("capital", "city")}
        self._linked: dict[tuple[str, str], tuple[Actor, str, str]] = {}
        self._surname_vocab = None  # see _surname_ids
        self._surname_ids_set: frozenset[int] = frozenset()

    @cached_property
    def _names(self) -> dict[str, tuple[str, str]]:
        """Lower-cased name -> (actor key, alias kind), for fuzzy linking (demonyms and
        shared names excluded)."""
        out: dict[str, tuple[str, str]] = {}
        for alias in self.onto.aliases:
            if alias.kind != "demonym" and len(alias.text) > 3 and not alias.key.startswith("?"):
                out.setdefault(alias.text.lower(), (alias.key, alias.kind))
        return out

    @cached_property
    def _homonyms(self) -> dict[str, str]:
        """Surface form of a shared person alias -> the alias ('President Bush')."""
        return {a.text: a.key[1:] for a in self.onto.aliases if a.key.startswith("?")}

    @cached_property
    def _by_initial(self) -> dict[str, list[str]]:
        """Known names by first letter: a name within the fuzzy cutoff of another shares its first
        letter in practice, and comparing against one bucket is some 20x faster than against all."""
        out: dict[str, list[str]] = {}
        for name in self._names:
            out.setdefault(name[:1], []).append(name)
        return out

    def link(self, text: str, label: str) -> tuple[Actor, str, str]:
        """Actor for a span text the ruler did not know: fuzzy, then ISO lookup, then minted.

        Cached per (text, label): news repeats the same unknown names over and over."""
        key = (text, label)
        if key not in self._linked:
            self._linked[key] = self._link(text, label)
        return self._linked[key]

    def _link(self, text: str, label: str) -> tuple[Actor, str, str]:
        """(actor, how it was linked, place kind: "capital", "city" or "")."""
        name = re.sub(r"\s*['\u2019]s?$", "", bare_name(text))
        lowered = name.lower()
        if lowered in self._names:  # a dictionary name, as the NER found it
            key, kind = self._names[lowered]
            return self.onto.actors[key], "name", kind if kind in ("capital", "city") else ""
        hit = process.extractOne(lowered, self._by_initial.get(lowered[:1], ()), scorer=fuzz.ratio,
                                 score_cutoff=FUZZY_CUTOFF) if lowered else None
        if hit is not None:
            key, kind = self._names[hit[0]]
            return self.onto.actors[key], "fuzzy", kind if kind in ("capital", "city") else ""
        if label == "GPE":
            try:
                country = pycountry.countries.lookup(name)
            except LookupError:
                country = None
            if country is not None and country.alpha_3 in self.onto.actors:
                return self.onto.actors[country.alpha_3], "country", ""
        kind = NER_TYPES[label]
        key = f"x-{kind.lower()}-{slugify(name)}"
        return Actor(key=key, label=name, type=kind, linked=False), "unlinked", ""

    def mentions(self, doc: Doc, *, date: str | None = None) -> dict[int, Mention]:
        """Token index -> the actor mention covering it; persons take the role in force on ``date``."""
        index: dict[int, Mention] = {}
        for ent in doc.ents:
            mention = self.resolve_span(ent, date=date)
            if mention is None:
                continue
            if date and mention.actor.key in self.onto.roles:
                mention = replace(mention, actor=self.onto.actor_on(mention.actor, date))
            then = self.onto.named_on(bare_name(ent.text), date)
            if then is not None:
                mention = replace(mention, actor=then)  # 'Congo' in 1990 was the Republic of the Congo
            _put(index, mention)
        self._other_given_names(doc, index)
        self._state_forms(doc, index)
        # An unknown person or body takes the country of a state named in its title:
        # 'Iranian President Hassan Rouhani', "Germany's foreign minister Heiko Maas".
        for ent in doc.ents:
            m = index.get(ent.start)
            if m is not None and m.actor.linked and m.actor.type == "Person" and m.end - m.start == 1 and \
                    not (ent.start > 0 and doc[ent.start - 1].text in m.actor.label.split()):  # 'Friedrich Merz'
                # a single name the dictionary links, under another state's title, is someone else:
                # 'King Hassan of Morocco' is not Jordan's Prince Hassan
                country = self._title_country(ent, index)
                if country is not None and country != m.actor.country:
                    person = Actor(key=f"x-person-{slugify(bare_name(ent.text))}", label=bare_name(ent.text),
                                   type="Person", linked=False, country=country)
                    _put(index, Mention(person, m.start, m.end, False, "unlinked"))
                continue
            if m is None or m.actor.linked or m.actor.country:
                continue
            if m.actor.type == "Region" and not m.place:
                # a name the small model took for a place, in apposition with an office: "Hideo
                # Tarumi, Japan's ambassador to China" is a person of that state
                country = self._appositive_role(ent, index)
                if country is not None:
                    person = Actor(key=f"x-person-{slugify(bare_name(ent.text))}", label=m.actor.label,
                                   type="Person", linked=False, country=country)
                    _put(index, Mention(person, m.start, m.end, False, m.linked_by))
                continue
            if m.actor.type not in ("Person", "Organization"):
                continue
            country = self._title_country(ent, index)
            if country is not None:
                _put(index, Mention(replace(m.actor, country=country), m.start, m.end, m.demonym, m.linked_by))
        self._untagged_surnames(doc, index, date)
        self._corefer_surnames(doc, index)
        self._link_surnames(doc, index, date)
        self._link_cities(doc, index)
        return index

    def _state_forms(self, doc: Doc, index: dict[int, Mention]) -> None:
        """A state's form of government cut from its name is the state: the model may end 'the
        Kingdom of' or 'the Republic of' on its 'of' and tag the state alone ('the Kingdom of
        Morocco', 'the Federative Republic of Brazil'); the whole phrase, head included, is Morocco."""
        forms = self.onto.cues.get("state_form", frozenset())
        for ent in doc.ents:
            if not _dangling_of(ent) or ent[-2].lemma_.lower() not in forms or ent.end >= len(doc):
                continue
            state = index.get(ent.end)
            if state is not None and state.actor.type == "State" and not state.demonym:
                _put(index, Mention(state.actor, ent.start, state.end, False, state.linked_by))

    def _other_given_names(self, doc: Doc, index: dict[int, Mention]) -> None:
        """A known surname right after a given name the NER found is that whole name's person:
        in 'Swiss President Hans-Rudolf Merz' the ruler's 'Merz' is not Friedrich Merz (the
        ruler knows the surname, NER the given name, and each took its own part)."""
        for ent in doc.ents:
            m = index.get(ent.start)
            if m is None or m.linked_by != "ruler" or m.actor.type != "Person" or ent.start == 0:
                continue
            given = index.get(ent.start - 1)
            if given is None or given.actor.linked or given.actor.type != "Person":
                continue
            name = doc[given.start:ent.end].text
            actor, how, _place = self.link(name, "PERSON")
            if actor.key != m.actor.key:
                _put(index, Mention(actor, given.start, ent.end, False, how))

    def _surname_ids(self, doc: Doc) -> frozenset[int]:
        """The string ids of the dictionary's surnames in ``doc``'s vocabulary, made once."""
        if self._surname_vocab is not doc.vocab:
            self._surname_vocab = doc.vocab
            self._surname_ids_set = frozenset(doc.vocab.strings.add(name) for name in self.onto.surnames)
        return self._surname_ids_set

    def _untagged_surnames(self, doc: Doc, index: dict[int, Mention], date: str | None) -> None:
        """A lone proper noun the NER left untagged that is a dictionary person's surname, as a
        participant: the small model misses bare leaders' names ('Merkel welcomed Obama', 'Modi
        received Abe'). Only a surname one person bears (or one in office on the date) counts."""
        # only the words that are surnames at all are looked at: a Token per word costs
        wanted = self._surname_ids(doc)
        rows = doc.to_array([ORTH, POS, ENT_TYPE])
        for i in numpy.flatnonzero((rows[:, 1] == PROPN) & (rows[:, 2] == 0)):
            if int(rows[i, 0]) not in wanted:
                continue
            t = doc[int(i)]
            if t.i in index or not t.is_title or len(t) < 3 or \
                    t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss", "appos") or \
                    any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children):
                continue
            person, _country = self.onto.person_by_surname(t.text, date)
            if person is not None:
                # (the document's own full name with that surname still wins: see _corefer_surnames)
                _put(index, Mention(person, t.i, t.i + 1, False, "surname"))

    def _name_words(self, span: Span, *, alpha: bool = True) -> list[str]:
        """A person mention's words without the titles before them ('Ms', 'President', 'Foreign
        Minister'): what is left of 'Mr Lavrov' is a surname. With ``alpha``, only capitalised
        words count ('Michael R. Pompeo' is Michael Pompeo)."""
        titles = self.onto.cues.get("title", frozenset())
        words = [t.text for t in span if not alpha or (t.is_alpha and t.text[:1].isupper())]
        while len(words) > 1 and (words[0].lower().rstrip(".") in titles or words[0].lower() in self.onto.agents):
            words = words[1:]
        return words

    def _link_surnames(self, doc: Doc, index: dict[int, Mention], date: str | None) -> None:
        """'President Clinton', 'Chancellor Kohl', 'Mr Lavrov': a surname after a title (or alone)
        that no earlier full name explains is the one person with that surname in office on
        the document's date; otherwise it stays unlinked, with the state its bearers share."""
        done: set[int] = set()
        for i, m in sorted(index.items()):
            if m.start in done or m.actor.linked or m.actor.type != "Person" or m.linked_by == "coref":
                continue
            done.add(m.start)
            words = self._name_words(doc[m.start:m.end], alpha=False)
            if len(words) != 1:
                continue
            last = doc[m.end - 1]
            if m.end - m.start == 1 and last.dep_ in ("compound", "amod", "nmod") and last.head.pos_ == "NOUN" \
                    and last.head.lemma_.lower() not in self.onto.agents:
                # a bare name modifying a common noun is no person ('the Sahel states'), unless the
                # noun is someone's body or staff ('the Bush administration')
                continue
            person, country = self.onto.person_by_surname(words[0], date)
            if person is not None and m.actor.country and person.country != m.actor.country:
                continue  # another state's title: someone else ('French President Putin' is no Russian)
            if person is not None:
                found = Mention(person, m.start, m.end, False, "title", m.place)
            elif country and not m.actor.country:
                found = Mention(replace(m.actor, country=country), m.start, m.end, False, m.linked_by, m.place)
            else:
                continue
            _put(index, found)

    def _link_cities(self, doc: Doc, index: dict[int, Mention]) -> None:
        """An unknown place the NER found ('Kharkiv', 'Belgorod') is a city of the state the
        gazetteer names; a name cities of several states share is the one of them the
        document mentions, and otherwise stays unlinked."""
        places = [m for m in {m.start: m for m in index.values()}.values()
                  if m.place or (not m.actor.linked and m.actor.type == "Region")]
        if not places:
            return
        by_start = {m.start: m.actor.country for m in index.values() if m.actor.country}
        for m in places:
            name = m.actor.label if not m.actor.linked else doc[m.start:m.end].text
            states = load_places().get(name, frozenset())
            if len(states) > 1:
                # a name several states' cities share ('Tripoli'): the one the rest of the document names
                states = states & {c for start, c in by_start.items() if start != m.start}
            elif m.actor.linked:
                continue  # a known place keeps its state ('White House' is no Casablanca)
            if len(states) == 1 and m.actor.country not in states:
                (code,) = states
                state = self.onto.actors.get(code)
                if state is not None:
                    _put(index, Mention(state, m.start, m.end, False, "place", "city"))

    def _corefer_surnames(self, doc: Doc, index: dict[int, Mention]) -> None:
        """A person named by surname alone ('Pompeo', 'Mr Lavrov', 'Hua'), or after a title ('Ms
        Roberts', 'President Clinton'), is the one person of the document named earlier with that
        surname ('Michael R. Pompeo', 'Hua Chunying', 'High Commissioner Sarah Roberts'); with two
        candidates ('George Bush', 'Jeb Bush') it stays as it is."""
        by_surname: dict[str, dict[str, Actor]] = {}
        seen: set[int] = set()
        for i in sorted(index):
            m = index[i]
            if m.start in seen or m.actor.type != "Person":
                continue
            seen.add(m.start)
            words = self._name_words(doc[m.start:m.end])
            if not words:
                continue
            surname = words[-1]
            earlier = by_surname.get(surname, {})
            if len(words) == 1 and (not m.actor.linked or m.linked_by in ("ruler", "surname")) and len(earlier) == 1:
                # the ruler's reading of a bare surname ('Merz', 'Bush') yields to the document's own
                # full name: 'Swiss President Hans-Rudolf Merz ... Merz told reporters'
                _put(index, Mention(next(iter(earlier.values())), m.start, m.end, m.demonym, "coref", m.place))
                continue
            if len(words) > 1 or m.actor.linked:
                # the family name comes first in Chinese, Korean, Vietnamese and Hungarian names
                # ('Hua Chunying' ... 'Hua said'): either end of the full name may come back alone
                for name in {surname, words[0]}:
                    by_surname.setdefault(name, {})[m.actor.key] = m.actor

    def _title_country(self, ent: Span, index: dict[int, Mention]) -> str | None:
        """ISO-3 of a state (or demonym) modifying the entity's head inside its noun phrase, or
        owning the role noun in apposition to it: "Syria's foreign minister Abdul Halim",
        "Hideo Tarumi, Japan's ambassador to China"."""
        country = self._appositive_role(ent, index)
        if country is None and _dangling_of(ent):
            # the model may end a body's name on the 'of' before its state: 'The Ministry of Foreign
            # Affairs of' Tajikistan
            states = [index[g.i].actor.country for g in ent[-1].children
                      if g.dep_ == "pobj" and g.i in index and index[g.i].actor.type == "State"]
            country = states[0] if states else None
        return country if country is not None else self._owning_state(ent.root, ent.start, ent.end, index)

    @staticmethod
    def _owning_state(head: Token, start: int, end: int, index: dict[int, Mention]) -> str | None:
        """ISO-3 of a state modifying ``head`` (tokens ``start:end``) before it ("Iranian President
        Rouhani", "Japan's ambassador", 'Foreign Secretary of Mexico Luis Videgaray') or in its
        of-phrase after it ('King Hassan of Morocco')."""
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < start:
                # 'Iranian President Rouhani', a title's own of-phrase: 'Foreign Secretary of Mexico
                # Luis Videgaray', and a title's own modifiers: 'French Foreign Ministry spokeswoman
                # Agnes von der Muhll'
                candidates = tuple(_modifier_chain(child))
            elif child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
                candidates = tuple(t for t in child.children if t.dep_ == "pobj")
            else:
                continue
            for tok in candidates:
                m = index.get(tok.i)
                if m is not None and m.actor.type == "State":
                    return m.actor.country
        return None

    def _appositive_role(self, ent: Span, index: dict[int, Mention]) -> str | None:
        """ISO-3 of the state owning a role noun in apposition to the entity, either way round."""
        root = ent.root
        if root.dep_ == "appos" and root.head.i < ent.start:
            country = self._role_owner(root.head, index)
            if country is not None:
                return country
        for child in root.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                country = self._role_owner(child, index)
                if country is not None:
                    return country
        return None

    def _role_owner(self, noun: Token, index: dict[int, Mention]) -> str | None:
        """ISO-3 of the state owning a role noun ('minister', 'ambassador'): a modifier before it
        ("Japan's", 'Syrian'), its of-phrase ('the foreign minister of Syria'), or else the state
        body it serves in, named in its phrases ('a senior official from the Japanese Embassy',
        "director general for Asian affairs at Seoul's foreign ministry")."""
        roles = self.onto.role_nouns
        # (or a compound whose first part is one: 'director general')
        if noun.lemma_.lower() not in roles and not any(c.dep_ == "compound" and c.lemma_.lower() in roles
                                                        for c in noun.children):
            return None
        country = self._owning_state(noun, noun.i, noun.i + 1, index)
        if country is not None:
            return country
        for body in noun.subtree:
            if body.i != noun.i and body.pos_ in ("NOUN", "PROPN") and \
                    self.onto.proxies.get(body.lemma_.lower(), ("", "")) == ("role", "GOV") and \
                    body.head.dep_ == "prep" and body.head.lower_ in ("at", "from", "of", "in"):
                m = index.get(body.i)
                start, end = (m.start, m.end) if m is not None else (body.i, body.i + 1)
                country = self._owning_state(body, start, end, index)
                if country is not None:
                    return country
        return None

    def resolve_span(self, ent: Span, *, date: str | None = None) -> Mention | None:
        """The actor an entity span names, or None for labels that name no actor (DATE, MONEY...)."""
        ent_id = ent.ent_id_
        if ent_id and ent_id in self.onto.actors:  # the ruler's match, the common case first
            text = ent.text
            return Mention(self.onto.actors[ent_id], ent.start, ent.end, text in self.demonyms, "ruler",
                           self.places.get(text, ""))
        label = ent.label_
        if ent_id.startswith("?"):
            shared = ent_id[1:]
        elif not ent_id and label == "PERSON":
            shared = self._homonyms.get(bare_name(ent.text))
        else:
            shared = None
        if shared:
            # a shared title and surname ('President Bush'): whoever held the office on the date
            actor = self.onto.homonym(shared, date)
            if actor is not None:
                return Mention(actor, ent.start, ent.end, False, "ruler")
            actor, how, _place = self.link(ent.text.strip(), "PERSON")
            countries = {self.onto.actors[k].country for k in self.onto.homonyms.get(shared, ())
                         if k in self.onto.actors}
            if not actor.linked and len(countries) == 1:
                actor = replace(actor, country=countries.pop())  # who is open, the state is not
            return Mention(actor, ent.start, ent.end, False, how)
        if label not in NER_TYPES:
            return None
        # a body's name cut on its 'of' ('The Foreign Ministry of' Tajikistan) is named without it;
        # a place's is left as it is ('the Republic of' Azerbaijan is no town called Republic)
        text = (ent[:-1] if label == "ORG" and _dangling_of(ent) else ent).text.strip()
        if not text or not any(c.isalpha() for c in text):
            return None
        actor, how, place = self.link(text, label)
        if how == "unlinked" and label != "PERSON" and self._office_of(ent):
            return None  # 'the Secretary of State', 'the Minister of Defence': a portfolio, no actor
        return Mention(actor, ent.start, ent.end, label == "NORP" and how != "unlinked", how, place)

    def _office_of(self, ent: Span) -> bool:
        """Whether an entity is the portfolio of an office noun before it: 'Secretary of State'."""
        if ent.start < 2 or ent.doc[ent.start - 1].lower_ != "of":
            return False
        return ent.doc[ent.start - 2].lemma_.lower() in self.onto.role_nouns


def _modifier_chain(tok: Token, depth: int = 0) -> Iterator[Token]:
    """A title and, down its modifiers and of-phrases, every word that may name its owner ('French
    Foreign Ministry spokeswoman'); not its other phrases ('the ambassador to China' is no Chinese)."""
    yield tok
    if depth > 4:
        return
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "case"):
            yield from _modifier_chain(c, depth + 1)
        elif c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    yield from _modifier_chain(g, depth + 1)


def _dangling_of(ent: Span) -> bool:
    """Whether an entity ends on the 'of' of a phrase the model left out: 'The Ministry of
    Foreign Affairs of' Tajikistan (the state is its own entity)."""
    return len(ent) > 1 and ent[-1].lower_ == "of"

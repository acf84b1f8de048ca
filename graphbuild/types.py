"""Plain frozen records passed between pipeline stages.

Nothing after the extraction stage needs spaCy objects: every stage hands the next
one of these small immutable records, so they pickle, compare and hash cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned input article."""

    id: str  # file name, or the record id of a JSONL corpus
    text: str  # cleaned text that offsets refer to
    source: str  # path of the file it came from
    sha256: str  # of ``text``; stable key for the document's IRI
    title: str | None = None
    date: str | None = None  # ISO 8601 date when the source gives one
    line: int | None = None  # JSONL line number, for error messages
    author: str | None = None  # as the page names it
    publisher: str | None = None  # the site's or outlet's name
    url: str | None = None  # where it was fetched from, or the page's canonical URL
    language: str | None = None  # ISO 639-1 of most of its text (only English text is extracted)
    foreign: tuple[tuple[int, int], ...] = ()  # (start, end) of lines in another language: not extracted


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised actor: a state, organisation, region, group, person or body."""

    key: str  # stable key; the IRI is minted from it
    label: str  # canonical name
    type: str  # ontology class local name: State, Organization, Region, Group, Person, GovernmentBody
    country: str | None = None  # ISO 3166-1 alpha-3 of the state it is or belongs to
    wikidata: str | None = None  # QID
    role: str | None = None  # office held, for persons
    linked: bool = True  # False for actors minted from unknown named entities
    sector: str | None = None  # CAMEO-style sector code for 'Hungarian officials' (GOV, MIL, MED...)


@dataclass(frozen=True, slots=True)
class Triple:
    """One extracted actor-relation-actor fact with its provenance."""

    doc_id: str
    doc_sha256: str
    sentence: str
    sentence_index: int
    start: int  # sentence start offset in the cleaned document text
    end: int  # sentence end offset
    subject: Actor
    relation: str  # local name of the ontology property
    relation_text: str  # surface words
    lemma: str  # verb lemma (+ particle / light noun / preposition)
    object: Actor
    negated: bool
    confidence: float
    rule: str
    modality: str | None = None  # 'could', 'must', 'needs', 'tried'... when the text hedges the relation
    hypothetical: bool = False  # the content of a demand, wish or condition: not asserted as fact
    cameo: str | None = None  # CAMEO code of the matched verb pattern, when finer than the relation's
    location: Actor | None = None  # where the event took place ('met in Geneva')

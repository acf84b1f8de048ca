"""RDF: each document's triples and provenance as quads in the document's own named graph.

For every extracted fact a document's graph holds the direct edge (``actor rel
actor``) so that simple SPARQL and graph exports work, and a reified
``gb:Statement`` with the sentence, offsets, negation, modality, confidence and
rule. Negated statements get no direct edge: the graph never asserts what the text
denies. The graph also describes the document and every actor its statements
name, so a document's graph can be replaced or dropped on its own (incremental
builds) and the union of all graphs is the knowledge graph.

IRIs are minted from stable keys (actor keys, document hashes), there are no blank
nodes and no timestamps, so the same input gives the same graph. Quads are built
with pyoxigraph terms: building them costs little next to parsing.
"""

from __future__ import annotations

import hashlib
from functools import cache
from collections.abc import Iterable
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from graphbuild.ontology import ACTOR, DOC, GB, STATEMENT, WD, Ontology
from graphbuild.types import Actor, Document, Triple

BASE_ONTOLOGY_GRAPH = "https://w3id.org/graphbuild/ontology"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS_NS = "http://purl.org/dc/terms/"

PREFIXES: dict[str, str] = {
    "gb": str(GB._NS),
    "actor": str(ACTOR),
    "doc": str(DOC),
    "stmt": str(STATEMENT),
    "wd": str(WD),
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "skos": SKOS_NS,
    "dcterms": DCTERMS_NS,
    "owl": "http://www.w3.org/2002/07/owl#",
}

ONTOLOGY_GRAPH = NamedNode(BASE_ONTOLOGY_GRAPH)
_TYPE = NamedNode(RDF_NS + "type")
_LABEL = NamedNode(RDFS_NS + "label")
_SUBJECT = NamedNode(RDF_NS + "subject")
_PREDICATE = NamedNode(RDF_NS + "predicate")
_OBJECT = NamedNode(RDF_NS + "object")
_EXACT = NamedNode(SKOS_NS + "exactMatch")
_TITLE = NamedNode(DCTERMS_NS + "title")
_DATE = NamedNode(DCTERMS_NS + "date")
_CREATOR = NamedNode(DCTERMS_NS + "creator")
_PUBLISHER = NamedNode(DCTERMS_NS + "publisher")
_SOURCE = NamedNode(DCTERMS_NS + "source")
_LANGUAGE = NamedNode(DCTERMS_NS + "language")
_XSD_DATE = NamedNode(XSD_NS + "date")
_XSD_LANGUAGE = NamedNode(XSD_NS + "language")
_XSD_DECIMAL = NamedNode(XSD_NS + "decimal")


@cache
def _gb(name: str) -> NamedNode:
    """A term of graphbuild's vocabulary, made once: a build asks for the same dozen terms for
    every statement, and each new NamedNode re-validates its IRI."""
    return NamedNode(str(GB._NS) + name)


def actor_iri(actor: Actor) -> str:
    return str(ACTOR) + actor.key


def document_iri(sha256: str) -> str:
    """A document's IRI, which also names its graph: minted from the hash of its text."""
    return str(DOC) + sha256[:20]


def statement_iri(t: Triple) -> str:
    """Minted from the document hash, the sentence and the triple, so re-runs agree."""
    key = "\x1f".join([t.doc_sha256, str(t.sentence_index), t.subject.key, t.relation, t.object.key, str(t.negated)])
    return str(STATEMENT) + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def actor_quads(actor: Actor, graph: NamedNode) -> list[Quad]:
    iri = NamedNode(actor_iri(actor))
    out = [
        Quad(iri, _TYPE, _gb(actor.type), graph),
        Quad(iri, _LABEL, Literal(actor.label), graph),
        Quad(iri, _gb("actorType"), Literal(actor.type), graph),
        Quad(iri, _gb("linked"), Literal(actor.linked), graph),
    ]
    if actor.country:
        out.append(Quad(iri, _gb("country"), Literal(actor.country), graph))
        if actor.type != "State":
            out.append(Quad(iri, _gb("affiliatedWith"), NamedNode(str(ACTOR) + actor.country), graph))
    if actor.wikidata:
        out.append(Quad(iri, _EXACT, NamedNode(str(WD) + actor.wikidata), graph))
    if actor.role:
        out.append(Quad(iri, _gb("role"), Literal(actor.role), graph))
    if actor.sector:
        out.append(Quad(iri, _gb("sector"), Literal(actor.sector), graph))
    return out


def statement_quads(t: Triple, onto: Ontology, graph: NamedNode) -> list[Quad]:
    s, o = NamedNode(actor_iri(t.subject)), NamedNode(actor_iri(t.object))
    p = _gb(t.relation)  # onto.relation_iri(t.relation), as a term
    st = NamedNode(statement_iri(t))
    out = [
        Quad(st, _TYPE, _gb("Statement"), graph),
        Quad(st, _SUBJECT, s, graph),
        Quad(st, _PREDICATE, p, graph),
        Quad(st, _OBJECT, o, graph),
        Quad(st, _gb("document"), graph, graph),
        Quad(st, _gb("sentence"), Literal(t.sentence), graph),
        Quad(st, _gb("sentenceIndex"), Literal(t.sentence_index), graph),
        Quad(st, _gb("charStart"), Literal(t.start), graph),
        Quad(st, _gb("charEnd"), Literal(t.end), graph),
        Quad(st, _gb("negated"), Literal(t.negated), graph),
        Quad(st, _gb("confidence"), Literal(str(Decimal(str(t.confidence))), datatype=_XSD_DECIMAL), graph),
        Quad(st, _gb("rule"), Literal(t.rule), graph),
        Quad(st, _gb("relationText"), Literal(t.relation_text), graph),
        Quad(st, _gb("lemma"), Literal(t.lemma), graph),
    ]
    if t.modality:
        out.append(Quad(st, _gb("modality"), Literal(t.modality), graph))
    if t.hypothetical:
        out.append(Quad(st, _gb("hypothetical"), Literal(True), graph))
    cameo = onto.cameo_of(t)
    if t.cameo:  # finer than the relation's own code: the matched dictionary pattern's
        out.append(Quad(st, _gb("cameoCode"), Literal(cameo), graph))
        plover = onto.plover_of(t)
        if plover:
            out.append(Quad(st, _gb("ploverType"), Literal(plover), graph))
    if t.location is not None:
        out.append(Quad(st, _gb("location"), NamedNode(actor_iri(t.location)), graph))
    if not t.negated and not t.hypothetical:
        out.append(Quad(s, p, o, graph))
    return out


def source_label(doc: Document) -> str:
    """Where a document came from, as its graph names it (``dcterms:source``): its URL, else
    its file's name (with the record id for a corpus). File names, not paths, so a graph does
    not depend on the folder a build was run from."""
    if doc.url:
        return doc.url
    return source_of_key(doc.source if doc.line is None else f"{doc.source}#{doc.id}")


def source_of_key(key: str) -> str:
    """``source_label`` of a build-state key (a path, path#id, or a URL)."""
    if key.startswith(("http://", "https://")):
        return key
    path, sep, rid = key.partition("#")
    return path.replace("\\", "/").rsplit("/", 1)[-1] + sep + rid


def source_quad(graph_iri: str, label: str) -> Quad:
    graph = NamedNode(graph_iri)
    return Quad(graph, _SOURCE, _iri_or_literal(label), graph)


def _iri_or_literal(url: str) -> NamedNode | Literal:
    """A URL as an IRI, a file name (or an invalid IRI: a page's odd canonical link) as a literal."""
    if not url.startswith(("http://", "https://")):
        return Literal(url)
    try:
        return NamedNode(url)
    except ValueError:
        return Literal(url)


def document_quads(doc: Document, triples: Iterable[Triple], onto: Ontology) -> list[Quad]:
    """Everything one document contributes, in its own named graph."""
    graph = NamedNode(document_iri(doc.sha256))
    out = [
        Quad(graph, _TYPE, _gb("Document"), graph),
        Quad(graph, _gb("sourceName"), Literal(doc.id), graph),
        Quad(graph, _gb("sha256"), Literal(doc.sha256), graph),
    ]
    if doc.title:
        out.append(Quad(graph, _TITLE, Literal(doc.title), graph))
    if doc.date:
        out.append(Quad(graph, _DATE, Literal(doc.date, datatype=_XSD_DATE), graph))
    if doc.author:
        out.append(Quad(graph, _CREATOR, Literal(doc.author), graph))
    if doc.publisher:
        out.append(Quad(graph, _PUBLISHER, Literal(doc.publisher), graph))
    out.append(Quad(graph, _SOURCE, _iri_or_literal(source_label(doc)), graph))
    if doc.language:
        out.append(Quad(graph, _LANGUAGE, Literal(doc.language, datatype=_XSD_LANGUAGE), graph))
    actors: dict[str, Actor] = {}
    for t in triples:
        out += statement_quads(t, onto, graph)
        actors.setdefault(t.subject.key, t.subject)
        actors.setdefault(t.object.key, t.object)
        if t.location is not None:
            actors.setdefault(t.location.key, t.location)
    for actor in actors.values():
        out += actor_quads(actor, graph)
    return out

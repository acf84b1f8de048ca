"""RDF: triples and their provenance into an rdflib graph.

For every extracted fact the graph holds the direct edge (``actor rel actor``) so
that simple SPARQL and graph exports work, and a reified ``gb:Statement`` with the
document, sentence, offsets, negation, confidence and rule. Negated statements get
no direct edge: the graph never asserts what the text denies. IRIs are minted from
stable keys (actor keys, document hashes), so the same input gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from graphbuild.ontology import ACTOR, DOC, GB, STATEMENT, WD, Ontology
from graphbuild.types import Actor, Document, Triple

PREFIXES = {
    "gb": GB._NS,
    "actor": ACTOR,
    "doc": DOC,
    "stmt": STATEMENT,
    "wd": WD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "owl": OWL,
}


def actor_iri(actor: Actor) -> URIRef:
    return ACTOR[actor.key]


def document_iri(sha256: str) -> URIRef:
    return DOC[sha256[:20]]


def statement_iri(t: Triple) -> URIRef:
    """Minted from the document hash, the sentence and the triple, so re-runs agree."""
    key = "\x1f".join([t.doc_sha256, str(t.sentence_index), t.subject.key, t.relation, t.object.key, str(t.negated)])
    return STATEMENT[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]


def new_graph(onto: Ontology | None = None) -> Graph:
    """An empty graph with graphbuild's prefixes, holding the ontology when given."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    if onto is not None:
        g.parse(onto.directory / "graphbuild.ttl", format="turtle")
    return g


def add_actor(g: Graph, actor: Actor) -> URIRef:
    iri = actor_iri(actor)
    g.add((iri, RDF.type, GB[actor.type]))
    g.add((iri, RDFS.label, Literal(actor.label)))
    g.add((iri, GB.actorType, Literal(actor.type)))
    g.add((iri, GB.linked, Literal(actor.linked)))
    if actor.country:
        g.add((iri, GB.country, Literal(actor.country)))
        if actor.type != "State":
            g.add((iri, GB.affiliatedWith, ACTOR[actor.country]))
    if actor.wikidata:
        g.add((iri, SKOS.exactMatch, WD[actor.wikidata]))
    if actor.role:
        g.add((iri, GB.role, Literal(actor.role)))
    if actor.sector:
        g.add((iri, GB.sector, Literal(actor.sector)))
    return iri


def add_document(g: Graph, doc: Document) -> URIRef:
    iri = document_iri(doc.sha256)
    g.add((iri, RDF.type, GB.Document))
    g.add((iri, GB.sourceName, Literal(doc.id)))
    g.add((iri, GB.sha256, Literal(doc.sha256)))
    if doc.title:
        g.add((iri, DCTERMS.title, Literal(doc.title)))
    if doc.date:
        g.add((iri, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
    return iri


def add_triple(g: Graph, t: Triple, onto: Ontology) -> URIRef:
    """Add one statement with provenance, and its direct edge unless it is negated."""
    s = add_actor(g, t.subject)
    o = add_actor(g, t.object)
    p = onto.relation_iri(t.relation)
    st = statement_iri(t)
    g.add((st, RDF.type, GB.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, GB.document, document_iri(t.doc_sha256)))
    g.add((st, GB.sentence, Literal(t.sentence)))
    g.add((st, GB.sentenceIndex, Literal(t.sentence_index)))
    g.add((st, GB.charStart, Literal(t.start)))
    g.add((st, GB.charEnd, Literal(t.end)))
    g.add((st, GB.negated, Literal(t.negated)))
    g.add((st, GB.confidence, Literal(Decimal(str(t.confidence)), datatype=XSD.decimal)))
    g.add((st, GB.rule, Literal(t.rule)))
    g.add((st, GB.relationText, Literal(t.relation_text)))
    g.add((st, GB.lemma, Literal(t.lemma)))
    if t.modality:
        g.add((st, GB.modality, Literal(t.modality)))
    if not t.negated:
        g.add((s, p, o))
    return st


def build_graph(documents: Iterable[Document], triples: Iterable[Triple], onto: Ontology,
                *, include_ontology: bool = True) -> Graph:
    """The whole knowledge graph of a set of documents and their triples."""
    g = new_graph(onto if include_ontology else None)
    for doc in documents:
        add_document(g, doc)
    for t in triples:
        add_triple(g, t, onto)
    return g


def to_dataset(g: Graph) -> Dataset:
    """Split a knowledge graph into one named graph per document, for provenance.

    A document's graph (named by the document IRI) holds its statements and the
    direct edges they support; the default graph holds the ontology, the actors
    and the document records. The union of all graphs is ``g`` again.
    """
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    placed: set[tuple] = set()
    for st in sorted(set(g.subjects(RDF.type, GB.Statement))):
        doc = g.value(st, GB.document)
        named = ds.graph(doc)
        for p, o in g.predicate_objects(st):
            named.add((st, p, o))
            placed.add((st, p, o))
        if g.value(st, GB.negated) == Literal(False):
            edge = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
            if edge in g:
                named.add(edge)
                placed.add(edge)
    for t in g:
        if t not in placed:
            ds.add(t)
    return ds


def from_dataset(ds: Dataset) -> Graph:
    """The union of a dataset's graphs as one knowledge graph (inverse of ``to_dataset``)."""
    g = new_graph()
    for s, p, o, _ctx in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g

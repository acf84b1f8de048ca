"""Network: the actor graph (networkx) read out of the RDF knowledge graph.

Graph exports (GraphML, GEXF, CSV) all start here, so they agree with each other
and with the RDF: nodes are actors taking part in at least one asserted
statement; edges are one per (subject, relation, object), aggregated over their
supporting statements. Negated statements count as mentions but are never edges.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import networkx as nx
from pyoxigraph import DefaultGraph, NamedNode

from graphbuild.rdf import PREFIXES
from graphbuild.store import KnowledgeGraph

# XML 1.0 forbids most C0 controls; they must never reach an XML export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

GB_NS = PREFIXES["gb"]
RDFS_LABEL, EXACT_MATCH = PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "exactMatch"
ACTOR_TYPE, COUNTRY = GB_NS + "actorType", GB_NS + "country"
PLOVER, CAMEO, QUAD = GB_NS + "ploverType", GB_NS + "cameoCode", GB_NS + "quadClass"


def xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", text)


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def present(attrs: dict) -> dict:
    """The attributes that have a value: XML writers must never see None or empty strings."""
    return {k: v for k, v in attrs.items() if v is not None and v != ""}


def reshape(G: nx.MultiDiGraph, node: Callable[[dict], dict], edge: Callable[[dict], dict]) -> nx.MultiDiGraph:
    """A copy of ``G`` with every node's and edge's attributes passed through ``node``/``edge``
    (each writer shapes the shared network for its format without touching it)."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(n, **node(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **edge(d))
    return H


def actor_network(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """The actor network of ``kg``, built once per version of the graph and shared by the
    GraphML, GEXF and CSV writers (callers must not modify it)."""
    return kg.cached(to_networkx)


# Asserted statements aggregated per (subject, relation, object) inside the store: memory
# stays with the number of edges, not of statements. The evidence is the sentence of the
# most confident supporting statement, the shortest among equals (then code-point order):
# MAX over the sentence prefixed with its confidence in thousandths (1000 + n: four digits)
# and its complemented length (shorter sorts higher). A document without a date adds "" to
# the dates (an unbound value would void the whole GROUP_CONCAT).
EDGES_QUERY = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?statements) (COUNT(DISTINCT ?doc) AS ?documents)
       (MAX(CONCAT(STR(1000 + xsd:integer(ROUND(?confidence * 1000))),
                   SUBSTR(STR(20000000 - STRLEN(?sentence)), 2), ?sentence)) AS ?evidence)
       (GROUP_CONCAT(DISTINCT COALESCE(STR(?date), ""); separator=" ") AS ?dates)
       (GROUP_CONCAT(DISTINCT COALESCE(?place, ""); separator="\u001f") AS ?locations)
WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:negated false ;
      gb:document ?doc ; gb:sentence ?sentence ; gb:confidence ?confidence .
  FILTER NOT EXISTS { ?st gb:hypothetical true }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?st gb:location ?where . ?where rdfs:label ?place }
} GROUP BY ?s ?p ?o
"""
# Statements naming each actor, negated ones included (a self-loop counts twice).
MENTIONS_QUERY = """
SELECT ?a (COUNT(?st) AS ?n) WHERE { { ?st rdf:subject ?a } UNION { ?st rdf:object ?a } } GROUP BY ?a
"""
_CONF, _PAD = 4, 11  # the evidence key: confidence digits, then those and the length's


def _values(kg: KnowledgeGraph, subject: str) -> dict[str, str]:
    """The smallest value of each property of ``subject`` (one value each, deterministic)."""
    out: dict[str, str] = {}
    for q in kg.store.quads_for_pattern(NamedNode(subject), None, None, DefaultGraph()):
        p, v = q.predicate.value, q.object.value
        if p not in out or v < out[p]:
            out[p] = v
    return out


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Actor network of a knowledge graph, sorted so exports are deterministic.

    Node ids are actor IRIs; node attributes ``label``, ``type``, ``iri`` and, when
    known, ``country`` and ``wikidata``, plus ``mentions`` (statements naming the
    actor, negated ones included) and ``degree``. Edge keys are relation local
    names; edge attributes ``eid`` (unique), ``relation``, ``label``,
    ``relation_iri``, ``weight`` (supporting statements, never 0), ``documents``,
    ``confidence`` (the highest of its statements), ``evidence`` (the sentence of the most
    confident supporting statement, the shortest among equals), ``plover``/``cameo``/``quad``
    where the relation has them, ``dates`` (sorted document dates) and ``locations`` (the
    places the events took place, '; '-separated) when any statement names one. Negated
    and hypothetical statements make no edge.

    Statements are aggregated by SPARQL inside the store and actors and relations
    looked up one by one, so memory grows with the network, not with the corpus.
    """
    rows = kg.query(EDGES_QUERY).rows
    mentions = {a: int(n) for a, n in kg.query(MENTIONS_QUERY).rows}
    relations = {p: _values(kg, p) for p in sorted({r[1] for r in rows})}

    G = nx.MultiDiGraph()
    for iri in sorted({a for r in rows for a in (r[0], r[2])}):
        p = _values(kg, iri)
        info = {"label": p.get(RDFS_LABEL, local_name(iri)), "type": p.get(ACTOR_TYPE, "Actor")}
        if p.get(COUNTRY):
            info["country"] = p[COUNTRY]
        if p.get(EXACT_MATCH):
            info["wikidata"] = local_name(p[EXACT_MATCH])
        G.add_node(iri, **{k: xml_safe(v) for k, v in info.items()}, iri=iri, mentions=mentions.get(iri, 0))
    for n, (s, rel, o, statements, documents, evidence, dates, locations) in enumerate(sorted(rows)):
        r = relations[rel]
        attrs: dict[str, object] = {
            "eid": f"e{n}",
            "relation": local_name(rel),
            "label": r.get(RDFS_LABEL) or local_name(rel),
            "relation_iri": rel,
            "weight": float(statements),
            "documents": int(documents),
            "confidence": (int(evidence[:_CONF]) - 1000) / 1000,  # the highest of its statements
            "evidence": xml_safe(evidence[_PAD:]),
            "dates": sorted(dates.split()),
        }
        places = sorted(p for p in locations.split("\u001f") if p)
        if places:
            attrs["locations"] = xml_safe("; ".join(places))  # where the events took place
        for name, prop in (("plover", PLOVER), ("cameo", CAMEO), ("quad", QUAD)):
            if r.get(prop):
                attrs[name] = local_name(r[prop]) if name == "quad" else r[prop]
        G.add_edge(s, o, key=local_name(rel), **attrs)
    for node in G.nodes:
        G.nodes[node]["degree"] = G.degree(node)
    return G

"""Network: the actor graph (networkx) read out of the RDF knowledge graph.

Graph exports (GraphML, GEXF, CSV) all start here, so they agree with each other
and with the RDF: nodes are actors taking part in at least one asserted
statement; edges are one per (subject, relation, object), aggregated over their
supporting statements. Negated statements count as mentions but are never edges.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from graphbuild.rdf import PREFIXES
from graphbuild.store import KnowledgeGraph

# XML 1.0 forbids most C0 controls; they must never reach an XML export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

GB_NS = PREFIXES["gb"]
RDF_TYPE, RDF_SUBJECT = PREFIXES["rdf"] + "type", PREFIXES["rdf"] + "subject"
RDF_PREDICATE, RDF_OBJECT = PREFIXES["rdf"] + "predicate", PREFIXES["rdf"] + "object"
RDFS_LABEL, EXACT_MATCH = PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "exactMatch"
DATE = PREFIXES["dcterms"] + "date"
STATEMENT, ACTOR_TYPE, COUNTRY = GB_NS + "Statement", GB_NS + "actorType", GB_NS + "country"
NEGATED, DOCUMENT, SENTENCE = GB_NS + "negated", GB_NS + "document", GB_NS + "sentence"
PLOVER, CAMEO, QUAD = GB_NS + "ploverType", GB_NS + "cameoCode", GB_NS + "quadClass"


def xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", text)


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


@dataclass
class _Edge:
    label: str
    plover: str
    cameo: str
    quad: str
    statements: int = 0
    docs: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)


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


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Actor network of a knowledge graph, sorted so exports are deterministic.

    Node ids are actor IRIs; node attributes ``label``, ``type``, ``iri`` and, when
    known, ``country`` and ``wikidata``, plus ``mentions`` (statements naming the
    actor, negated ones included) and ``degree``. Edge keys are relation local
    names; edge attributes ``eid`` (unique), ``relation``, ``label``,
    ``relation_iri``, ``weight`` (supporting statements, never 0), ``documents``,
    ``evidence`` (the shortest supporting sentence), ``plover``/``cameo``/``quad``
    where the relation has them, and ``dates`` (sorted document dates).
    """
    # One pass over the quads, grouped by subject: SPARQL with optional joins over the
    # union of all graphs is far slower here than reading the quads directly.
    props: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for q in kg.union_quads():
        props[q.subject.value][q.predicate.value].append(q.object.value)

    def one(subject: str, predicate: str) -> str:
        values = props.get(subject, {}).get(predicate)
        return min(values) if values else ""

    actors: dict[str, dict[str, str]] = {}
    for subject, p in props.items():
        if ACTOR_TYPE in p and RDFS_LABEL in p:
            info = {"label": min(p[RDFS_LABEL]), "type": min(p[ACTOR_TYPE])}
            if p.get(COUNTRY):
                info["country"] = min(p[COUNTRY])
            if p.get(EXACT_MATCH):
                info["wikidata"] = local_name(min(p[EXACT_MATCH]))
            actors[subject] = info

    edges: dict[tuple[str, str, str], _Edge] = {}
    mentions: dict[str, int] = defaultdict(int)
    for st, p in props.items():
        if STATEMENT not in p.get(RDF_TYPE, ()):
            continue
        s, rel, o = p[RDF_SUBJECT][0], p[RDF_PREDICATE][0], p[RDF_OBJECT][0]
        mentions[s] += 1
        mentions[o] += 1
        if p[NEGATED][0] == "true":
            continue
        e = edges.get((s, rel, o))
        if e is None:
            e = edges[(s, rel, o)] = _Edge(label=one(rel, RDFS_LABEL) or local_name(rel), plover=one(rel, PLOVER),
                                           cameo=one(rel, CAMEO), quad=local_name(one(rel, QUAD)))
        doc = p[DOCUMENT][0]
        e.statements += 1
        e.docs.add(doc)
        if one(doc, DATE):
            e.dates.add(one(doc, DATE))
        e.evidence.append(p[SENTENCE][0])

    G = nx.MultiDiGraph()
    for iri in sorted({a for (s, _p, o) in edges for a in (s, o)}):
        info = actors.get(iri, {"label": local_name(iri), "type": "Actor"})
        G.add_node(iri, **{k: xml_safe(v) for k, v in info.items()}, iri=iri, mentions=mentions[iri])
    for n, ((s, p, o), e) in enumerate(sorted(edges.items())):
        attrs: dict[str, object] = {
            "eid": f"e{n}",
            "relation": local_name(p),
            "label": e.label,
            "relation_iri": p,
            "weight": float(e.statements),
            "documents": len(e.docs),
            "evidence": xml_safe(min(e.evidence, key=lambda x: (len(x), x))),
            "dates": sorted(e.dates),
        }
        for name in ("plover", "cameo", "quad"):
            if getattr(e, name):
                attrs[name] = getattr(e, name)
        G.add_edge(s, o, key=local_name(p), **attrs)
    for node in G.nodes:
        G.nodes[node]["degree"] = G.degree(node)
    return G

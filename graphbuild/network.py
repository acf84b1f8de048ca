"""Network: the actor graph (networkx) read out of the RDF knowledge graph.

Graph exports (GraphML, GEXF, CSV) all start here, so they agree with each other
and with the RDF: nodes are actors taking part in at least one asserted
statement; edges are one per (subject, relation, object), aggregated over their
supporting statements. Negated statements count as mentions but are never edges.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph

from graphbuild.ontology import GB

# XML 1.0 forbids most C0 controls; they must never reach an XML export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

NAMESPACES = {
    "gb": GB._NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
}

_ACTORS = """
SELECT ?actor ?label ?type ?country ?wikidata WHERE {
  ?actor gb:actorType ?type ; rdfs:label ?label .
  OPTIONAL { ?actor gb:country ?country }
  OPTIONAL { ?actor skos:exactMatch ?wikidata }
}"""

_STATEMENTS = """
SELECT ?s ?p ?o ?negated ?sentence ?doc ?date ?plabel ?plover ?cameo ?quad WHERE {
  ?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      gb:negated ?negated ; gb:sentence ?sentence ; gb:document ?doc .
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?p gb:ploverType ?plover }
  OPTIONAL { ?p gb:cameoCode ?cameo }
  OPTIONAL { ?p gb:quadClass ?quad }
}"""


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


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Actor network of a knowledge graph, sorted so exports are deterministic.

    Node ids are actor IRIs; node attributes ``label``, ``type``, ``iri`` and, when
    known, ``country`` and ``wikidata``, plus ``mentions`` (statements naming the
    actor, negated ones included) and ``degree``. Edge keys are relation local
    names; edge attributes ``eid`` (unique), ``relation``, ``label``,
    ``relation_iri``, ``weight`` (supporting statements, never 0), ``documents``,
    ``evidence`` (the shortest supporting sentence), ``plover``/``cameo``/``quad``
    where the relation has them, and ``dates`` (sorted document dates).
    """
    actors: dict[str, dict[str, str]] = {}
    for row in g.query(_ACTORS, initNs=NAMESPACES):
        info = {"label": str(row.label), "type": str(row.type)}
        if row.country is not None:
            info["country"] = str(row.country)
        if row.wikidata is not None:
            info["wikidata"] = local_name(str(row.wikidata))
        actors[str(row.actor)] = info

    edges: dict[tuple[str, str, str], _Edge] = {}
    mentions: dict[str, int] = defaultdict(int)
    for row in g.query(_STATEMENTS, initNs=NAMESPACES):
        s, p, o = str(row.s), str(row.p), str(row.o)
        mentions[s] += 1
        mentions[o] += 1
        if row.negated.toPython():
            continue
        e = edges.get((s, p, o))
        if e is None:
            e = edges[(s, p, o)] = _Edge(
                label=str(row.plabel) if row.plabel is not None else local_name(p),
                plover=str(row.plover) if row.plover is not None else "",
                cameo=str(row.cameo) if row.cameo is not None else "",
                quad=local_name(str(row.quad)) if row.quad is not None else "",
            )
        e.statements += 1
        e.docs.add(str(row.doc))
        if row.date is not None:
            e.dates.add(str(row.date))
        e.evidence.append(str(row.sentence))

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

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

from graphbuild.store import KnowledgeGraph

# XML 1.0 forbids most C0 controls; they must never reach an XML export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_ACTORS = """
SELECT ?actor ?label ?type ?country ?wikidata WHERE {
  ?actor gb:actorType ?type ; rdfs:label ?label .
  OPTIONAL { ?actor gb:country ?country }
  OPTIONAL { ?actor skos:exactMatch ?wikidata }
}"""

_STATEMENTS = """
SELECT ?st ?s ?p ?o ?negated ?sentence ?doc ?date ?plabel ?plover ?cameo ?quad WHERE {
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
    actors: dict[str, dict[str, str]] = {}
    res = kg.query(_ACTORS)
    for actor, label, type_, country, wikidata in res.rows:
        info = actors.setdefault(actor, {"label": label, "type": type_})
        if country:
            info["country"] = country
        if wikidata:
            info["wikidata"] = local_name(wikidata)

    edges: dict[tuple[str, str, str], _Edge] = {}
    mentions: dict[str, int] = defaultdict(int)
    seen: set[tuple[str, ...]] = set()
    for row in kg.query(_STATEMENTS).rows:
        st, s, p, o, negated, sentence, doc, date, plabel, plover, cameo, quad = row
        if (st, doc) in seen:  # one statement may carry several optional values
            continue
        seen.add((st, doc))
        mentions[s] += 1
        mentions[o] += 1
        if negated == "true":
            continue
        e = edges.get((s, p, o))
        if e is None:
            e = edges[(s, p, o)] = _Edge(label=plabel or local_name(p), plover=plover, cameo=cameo,
                                         quad=local_name(quad) if quad else "")
        e.statements += 1
        e.docs.add(doc)
        if date:
            e.dates.add(date)
        e.evidence.append(sentence)

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

"""Exports: the RDF graph to files, each writer with a pure twin that returns bytes.

Every file is written atomically (temporary file in the same folder, then
``os.replace``), so a crash never leaves a half-written export and never loses
an earlier good one.

GraphML follows the rules of Gephi's importer (``shared/tools/GEPHI_GRAPHML.md``):
keys declared before the graph with standard types, a node ``label``, unique edge
ids, one edge per (subject, relation, object) with the relation also written as
the ``label`` XML attribute of ``<edge>`` (Gephi's edge type, so two relations
between the same pair never merge), a positive ``weight``, and no None values.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from lxml import etree
from rdflib import Graph

from graphbuild.ontology import GB

# XML 1.0 forbids most C0 controls; they must never reach a GraphML file.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


# ----------------------------------------------------------------- RDF
def generate_rdf(g: Graph, fmt: str) -> bytes:
    """Serialise with rdflib; statements sorted by rdflib's serialisers where order is free."""
    if fmt == "nt":
        # N-Triples from rdflib is unordered; sort lines so the file is deterministic.
        lines = sorted(set(g.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()))
        return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
    return g.serialize(format=fmt, encoding="utf-8")


# ----------------------------------------------------------------- GraphML
_NODES_QUERY = """
SELECT ?actor ?label ?type ?country ?wikidata WHERE {
  ?actor a ?cls ; rdfs:label ?label ; gb:actorType ?type .
  ?cls rdfs:subClassOf* gb:Actor .
  OPTIONAL { ?actor gb:country ?country }
  OPTIONAL { ?actor skos:exactMatch ?wikidata }
}"""

_STATEMENTS_QUERY = """
SELECT ?st ?s ?p ?o ?negated ?sentence ?doc ?plabel ?plover ?cameo WHERE {
  ?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      gb:negated ?negated ; gb:sentence ?sentence ; gb:document ?doc .
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?p gb:ploverType ?plover }
  OPTIONAL { ?p gb:cameoCode ?cameo }
}"""

_NAMESPACES = {
    "gb": GB._NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Actor network: nodes are actors in at least one asserted statement, edges are
    (subject, relation, object) aggregated over their supporting statements."""
    actors: dict[str, dict[str, str]] = {}
    for row in g.query(_NODES_QUERY, initNs=_NAMESPACES):
        actors[str(row.actor)] = {
            "label": str(row.label),
            "type": str(row.type),
            "country": str(row.country) if row.country is not None else "",
            "wikidata": _local(str(row.wikidata)) if row.wikidata is not None else "",
        }
    edges: dict[tuple[str, str, str], dict] = {}
    mentions: dict[str, int] = {}
    for row in g.query(_STATEMENTS_QUERY, initNs=_NAMESPACES):
        s, p, o = str(row.s), str(row.p), str(row.o)
        for a in (s, o):
            mentions[a] = mentions.get(a, 0) + 1
        if row.negated.toPython():
            continue
        e = edges.setdefault((s, p, o), {
            "statements": 0, "docs": set(), "evidence": [],
            "relation_label": str(row.plabel) if row.plabel is not None else _local(p),
            "plover": str(row.plover) if row.plover is not None else "",
            "cameo": str(row.cameo) if row.cameo is not None else "",
        })
        e["statements"] += 1
        e["docs"].add(str(row.doc))
        e["evidence"].append(str(row.sentence))

    G = nx.MultiDiGraph()
    used = sorted({a for (s, _p, o) in edges for a in (s, o)})
    for iri in used:
        info = actors.get(iri, {"label": _local(iri), "type": "Actor", "country": "", "wikidata": ""})
        attrs = {k: _xml_safe(v) for k, v in info.items() if v}
        attrs["iri"] = iri
        attrs["mentions"] = mentions.get(iri, 0)
        G.add_node(iri, **attrs)
    for n, ((s, p, o), e) in enumerate(sorted(edges.items())):
        attrs = {
            "eid": f"e{n}",
            "relation": _local(p),
            "label": e["relation_label"],  # visible edge label in Gephi
            "relation_label": e["relation_label"],
            "relation_iri": p,
            "weight": float(e["statements"]),
            "documents": len(e["docs"]),
            "evidence": _xml_safe(sorted(e["evidence"], key=lambda x: (len(x), x))[0]),
        }
        if e["plover"]:
            attrs["plover"] = e["plover"]
        if e["cameo"]:
            attrs["cameo"] = e["cameo"]
        G.add_edge(s, o, key=_local(p), **attrs)
    for node in G.nodes:
        G.nodes[node]["degree"] = G.degree(node)
    return G


def generate_graphml(g: Graph) -> bytes:
    """GraphML bytes for Gephi: networkx writes it, then each ``<edge>`` gets its type label."""
    G = to_networkx(g)
    buf = io.BytesIO()
    nx.write_graphml(G, buf, edge_id_from_attribute="eid", named_key_ids=False, infer_numeric_types=True)
    root = etree.fromstring(buf.getvalue())
    rel_key = next(
        k.get("id") for k in root.iter(f"{{{GRAPHML_NS}}}key")
        if k.get("for") == "edge" and k.get("attr.name") == "relation"
    ) if G.number_of_edges() else None
    for edge in root.iter(f"{{{GRAPHML_NS}}}edge"):
        for data in edge.iter(f"{{{GRAPHML_NS}}}data"):
            if data.get("key") == rel_key:
                # Gephi reads <edge label="..."> as the edge type: relations never merge.
                edge.set("label", data.text or "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ----------------------------------------------------------------- registry
@dataclass(frozen=True, slots=True)
class Exporter:
    suffix: str
    generate: Callable[[Graph], bytes]
    description: str


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter("ttl", lambda g: generate_rdf(g, "turtle"), "RDF Turtle"),
    "nt": Exporter("nt", lambda g: generate_rdf(g, "nt"), "RDF N-Triples (sorted lines)"),
    "jsonld": Exporter("jsonld", lambda g: generate_rdf(g, "json-ld"), "RDF JSON-LD"),
    "graphml": Exporter("graphml", generate_graphml, "GraphML for Gephi (actors and aggregated relations)"),
}
DEFAULT_FORMATS = ("turtle", "graphml")


class UnknownFormatError(ValueError):
    pass


def check_formats(formats: list[str] | tuple[str, ...]) -> None:
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise UnknownFormatError(
            f"unknown export format {', '.join(map(repr, unknown))}; known formats: {', '.join(EXPORTERS)}"
        )


def export_graph(g: Graph, out_dir: Path, formats: list[str] | tuple[str, ...] = DEFAULT_FORMATS,
                 *, stem: str = "graph") -> list[Path]:
    """Write the graph in each format to ``out_dir/stem.suffix``; return the paths written."""
    check_formats(formats)
    written = []
    for fmt in formats:
        exp = EXPORTERS[fmt]
        path = Path(out_dir) / f"{stem}.{exp.suffix}"
        write_atomic(path, exp.generate(g))
        written.append(path)
    return written

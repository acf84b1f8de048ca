"""GraphML for Gephi, following the importer rules in shared/tools/GEPHI_GRAPHML.md.

networkx writes the file (keys declared first with standard types, UTF-8
declaration, unique edge ids from ``eid``); we then add what networkx cannot
write: the relation as the ``label`` XML attribute of ``<edge>``, which Gephi
reads as the edge *type*, so two relations between the same actors are never
merged into one edge.
"""

from __future__ import annotations

import io

import networkx as nx
from lxml import etree

from graphbuild.network import actor_network, present, reshape
from graphbuild.store import KnowledgeGraph

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def _graphml_edge(d: dict) -> dict:
    attrs = present({k: v for k, v in d.items() if k != "dates"})
    if d.get("dates"):
        attrs["dates"] = "; ".join(d["dates"])  # GraphML has no list values
    return attrs


def _graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only GraphML-safe values: lists joined, no None."""
    return reshape(G, present, _graphml_edge)


def generate_graphml(g: KnowledgeGraph) -> bytes:
    """GraphML bytes of the actor network of ``g``."""
    G = _graphml_ready(actor_network(g))
    buf = io.BytesIO()
    nx.write_graphml(G, buf, edge_id_from_attribute="eid", infer_numeric_types=True)
    root = etree.fromstring(buf.getvalue())
    rel_key = next((k.get("id") for k in root.iter(f"{{{GRAPHML_NS}}}key")
                    if k.get("for") == "edge" and k.get("attr.name") == "relation"), None)
    for edge in root.iter(f"{{{GRAPHML_NS}}}edge"):
        for data in edge.iter(f"{{{GRAPHML_NS}}}data"):
            if data.get("key") == rel_key:
                # Gephi reads <edge label="..."> as the edge type: relations never merge.
                edge.set("label", data.text or "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

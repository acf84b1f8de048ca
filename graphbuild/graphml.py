"""GraphML for Gephi, following the importer rules in shared/tools/GEPHI_GRAPHML.md.

networkx writes the file (keys declared first with standard types, UTF-8
declaration, unique edge ids from ``eid``); we then add what networkx cannot
write: the relation as the ``label`` XML attribute of ``<edge>``, which Gephi
reads as the edge *type*, so two relations between the same actors are never
merged into one edge.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import quoteattr

import networkx as nx

from graphbuild.network import actor_network, present, reshape
from graphbuild.store import KnowledgeGraph


def _graphml_edge(d: dict) -> dict:
    attrs = present({k: v for k, v in d.items() if k != "dates"})
    if d.get("dates"):
        attrs["dates"] = "; ".join(d["dates"])  # GraphML has no list values
    return attrs


def _graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only GraphML-safe values: lists joined, no None."""
    return reshape(G, present, _graphml_edge)


_EDGE_TAG = re.compile(rb'(<edge [^>]*?\bid="([^"]+)")(/?>)')


def generate_graphml(g: KnowledgeGraph) -> bytes:
    """GraphML bytes of the actor network of ``g``."""
    network = actor_network(g)
    relation = {d["eid"]: quoteattr(d["relation"]).encode() for _u, _v, d in network.edges(data=True)}
    buf = io.BytesIO()
    nx.write_graphml(_graphml_ready(network), buf, edge_id_from_attribute="eid", infer_numeric_types=True)
    # Gephi reads <edge label="..."> as the edge type, so relations never merge. networkx
    # cannot write that attribute; one pass over its output adds it (lxml escaped every
    # attribute value, so no '>' occurs inside an edge tag), without re-parsing the file.
    out = _EDGE_TAG.sub(lambda m: m[1] + b" label=" + relation[m[2].decode()] + m[3], buf.getvalue())
    return out.replace(b"<?xml version='1.0' encoding='utf-8'?>", b"<?xml version='1.0' encoding='UTF-8'?>", 1)

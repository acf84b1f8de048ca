"""GEXF 1.3, Gephi's native format: node colour by actor type, size by degree,
edge ``kind`` = relation, and spells from document dates for Gephi's timeline.

networkx writes the file; we fix three things in its element tree first: it stamps
a ``lastmodifieddate`` (a timestamp would make exports differ run to run), it
misspells the XML Schema instance namespace for 1.3, and it has no edge ``kind``.
"""

from __future__ import annotations

import io
from xml.etree import ElementTree

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graphbuild.network import actor_network, present, reshape
from graphbuild.store import KnowledgeGraph

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# Colour per actor type (ColorBrewer Set2), so Gephi shows the types at once.
TYPE_COLOURS = {
    "State": (102, 194, 165),
    "Organization": (252, 141, 98),
    "Region": (141, 160, 203),
    "Group": (231, 138, 195),
    "Person": (166, 216, 84),
    "GovernmentBody": (255, 217, 47),
}
OTHER_COLOUR = (179, 179, 179)


def _gexf_node(d: dict) -> dict:
    r, g, b = TYPE_COLOURS.get(d.get("type", ""), OTHER_COLOUR)
    return {**present(d), "viz": {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": 5.0 + 3.0 * d.get("degree", 0)}}


def _gexf_edge(d: dict) -> dict:
    attrs = present({k: v for k, v in d.items() if k not in ("eid", "dates")})
    attrs["id"] = d["eid"]
    if d.get("dates"):
        # one spell per document date: Gephi's timeline shows when each relation was reported
        attrs["spells"] = [(day, day) for day in d["dates"]]
    return attrs


def _gexf_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return reshape(G, _gexf_node, _gexf_edge)


def generate_gexf(g: KnowledgeGraph) -> bytes:
    """GEXF 1.3 bytes of the actor network of ``g``.

    The fixes are made on networkx's element tree before it is written, not by parsing
    its output again (which cost as much as a third of networkx's own time)."""
    writer = GEXFWriter(version="1.3", prettyprint=False)  # (indented below, faster than networkx does)
    writer.add_graph(_gexf_ready(actor_network(g)))
    root = writer.xml
    root.set("xmlns:xsi", XSI_NS)  # networkx 3.x writes it without 'www.'
    for meta in root.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)  # a timestamp would make every export differ
        for creator in meta.iter("creator"):
            creator.text = "graphbuild"
    key_of = {}
    for attributes in root.iter("attributes"):
        for attr in list(attributes):
            key_of[attr.get("title")] = attr.get("id")
            if attr.get("title") == "networkx_key":  # networkx's multigraph key repeats the relation
                attributes.remove(attr)
    nx_key, relation = key_of.get("networkx_key"), key_of.get("relation")
    for edge in root.iter("edge"):
        for attvalues in edge.iter("attvalues"):
            for av in list(attvalues):
                key = av.get("for")
                if key == relation:
                    edge.set("kind", av.get("value"))  # Gephi's edge kind: relations never merge
                elif key == nx_key:
                    attvalues.remove(av)
    ElementTree.indent(root)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue().replace(b"<?xml version='1.0' encoding='utf-8'?>",
                                  b"<?xml version='1.0' encoding='UTF-8'?>", 1)

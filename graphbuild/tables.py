"""CSV tables of the actor network: ``nodes.csv`` and ``edges.csv``.

Column names follow Gephi's spreadsheet import (Id, Label; Source, Target,
Type, Id, Label, Weight) so the pair loads in Gephi's Data Laboratory as is,
and they read straight into pandas (give ``dtype={"cameo": str}``: CAMEO codes
such as "042" are codes, not numbers, and CSV has no way to say so).
"""

from __future__ import annotations

import csv
import io

from graphbuild.network import actor_network
from graphbuild.store import KnowledgeGraph

NODE_COLUMNS = ("Id", "Label", "type", "country", "wikidata", "iri", "mentions", "degree")
EDGE_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "Weight", "relation", "relation_iri",
                "plover", "cameo", "quad", "documents", "confidence", "dates", "evidence", "locations")


def _csv(rows: list[list[object]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def generate_nodes_csv(g: KnowledgeGraph) -> bytes:
    G = actor_network(g)
    rows: list[list[object]] = [list(NODE_COLUMNS)]
    for n, d in G.nodes(data=True):
        rows.append([n, d["label"], d.get("type", ""), d.get("country", ""), d.get("wikidata", ""),
                     d["iri"], d["mentions"], d["degree"]])
    return _csv(rows)


def generate_edges_csv(g: KnowledgeGraph) -> bytes:
    G = actor_network(g)
    rows: list[list[object]] = [list(EDGE_COLUMNS)]
    for u, v, d in G.edges(data=True):
        rows.append([u, v, "Directed", d["eid"], d["label"], d["weight"], d["relation"], d["relation_iri"],
                     d.get("plover", ""), d.get("cameo", ""), d.get("quad", ""), d["documents"], d["confidence"],
                     "; ".join(d["dates"]), d["evidence"], d.get("locations", "")])
    return _csv(rows)

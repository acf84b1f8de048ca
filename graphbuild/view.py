"""The interactive view: one self-contained HTML file of the actor network.

The page draws the same network as the GraphML and GEXF exports (``actor_network``) with
sigma.js and graphology, which ship inside the package as one built bundle
(``assets/vendor.min.js``, rebuilt from ``viewer/`` by ``make viewer``). The bundle, the
page's own script and style, and the graph as JSON are inlined, so the file opens offline
and fetches nothing. Each edge also carries up to ``EVIDENCE_PER_EDGE`` evidence sentences
with their document's title and date, read by one streaming SPARQL query over the
statements. The output is deterministic: sorted, no timestamps, no random layout (the
browser lays the graph out from positions seeded by node order).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files

from graphbuild.gexf import OTHER_COLOUR, TYPE_COLOURS
from graphbuild.network import actor_network, local_name
from graphbuild.store import KnowledgeGraph

EVIDENCE_PER_EDGE = 5

# CAMEO quad classes, in their numeric order, and the colour of their edges (cooperation
# green, conflict red; material darker than verbal)
QUAD_COLOURS = {
    "VerbalCooperation": "#7fbf7b",
    "MaterialCooperation": "#1b7837",
    "VerbalConflict": "#f4a582",
    "MaterialConflict": "#b2182b",
}
OTHER_EDGE_COLOUR = "#bbbbbb"

# Every asserted (non-negated, non-hypothetical) statement with its sentence and document:
# one query, streamed, of which each edge keeps its most confident few (``_evidence``).
EVIDENCE_QUERY = """
SELECT ?s ?p ?o ?sentence ?confidence ?doc WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:negated false ;
      gb:document ?doc ; gb:sentence ?sentence ; gb:confidence ?confidence .
  FILTER NOT EXISTS { ?st gb:hypothetical true }
}
"""
DOCUMENTS_QUERY = """
SELECT ?doc ?name ?title ?date WHERE {
  ?doc a gb:Document ; gb:sourceName ?name .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?date }
}
"""

NODE_FIELDS = ("label", "type", "country", "degree", "mentions", "iri", "wikidata")
EDGE_FIELDS = ("source", "target", "relation", "statements", "documents", "confidence", "dates", "locations",
               "evidence")
EVIDENCE_FIELDS = ("sentence", "confidence", "document")
RELATION_FIELDS = ("name", "label", "plover", "cameo", "quad")
DOCUMENT_FIELDS = ("title", "date", "source")

_PLACEHOLDER = re.compile(r"/\*@(\w+)@\*/")


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _evidence(kg: KnowledgeGraph, k: int) -> dict[tuple[str, str, str], list[tuple[float, str, str]]]:
    """Per (subject, relation IRI, object): its ``k`` most confident asserted sentences as
    ``(confidence, sentence, document IRI)``, the shortest first among equals, each sentence
    once per document. An edge's candidates are cut back to its best ``k`` whenever they reach
    ``4 * k``, so memory grows with the edges, not with the statements."""
    best: dict[tuple[str, str, str], list[tuple[float, int, str, str]]] = {}
    for sol in kg.execute(EVIDENCE_QUERY):
        sentence = sol["sentence"].value
        rows = best.setdefault((sol["s"].value, sol["p"].value, sol["o"].value), [])
        rows.append((-float(sol["confidence"].value), len(sentence), sentence, sol["doc"].value))
        if len(rows) >= 4 * k:
            rows[:] = _best(rows, k)
    return {key: [(-c, s, d) for c, _n, s, d in _best(rows, k)] for key, rows in best.items()}


def _best(rows: list[tuple[float, int, str, str]], k: int) -> list[tuple[float, int, str, str]]:
    """The first ``k`` rows in order (most confident, shortest, then code-point order), one per
    sentence and document (the same sentence may support an edge through two statements)."""
    out, seen = [], set()
    for row in sorted(rows):
        if (row[2], row[3]) not in seen:
            seen.add((row[2], row[3]))
            out.append(row)
            if len(out) == k:
                break
    return out


def view_data(kg: KnowledgeGraph, *, evidence_per_edge: int = EVIDENCE_PER_EDGE) -> dict:
    """The graph as the page reads it: nodes, edges, relations and documents as rows of
    values (field names in ``*_fields``; rows refer to each other by index), sorted."""
    G = actor_network(kg)
    index = {n: i for i, n in enumerate(G.nodes)}  # the network's nodes are sorted by IRI
    types = sorted({d["type"] for _n, d in G.nodes(data=True)})
    nodes = [[d["label"], types.index(d["type"]), d.get("country", ""), d["degree"], d["mentions"], n,
              d.get("wikidata", "")] for n, d in G.nodes(data=True)]

    rel_rows = sorted({(d["relation"], d["label"], d.get("plover", ""), d.get("cameo", ""), d.get("quad", ""))
                       for _u, _v, d in G.edges(data=True)})
    relation = {r[0]: i for i, r in enumerate(rel_rows)}

    evidence = _evidence(kg, evidence_per_edge)
    cited = sorted({doc for ev in evidence.values() for _c, _s, doc in ev})
    info = {doc: (name, title, date) for doc, name, title, date in kg.query(DOCUMENTS_QUERY).rows}
    docs = []
    for d in cited:
        name, title, date = info.get(d, ("", "", ""))
        docs.append([title or name or local_name(d), date, name])  # an untitled document shows its source name
    doc_index = {d: i for i, d in enumerate(cited)}

    edges = []
    for u, v, d in sorted(G.edges(data=True), key=lambda e: int(e[2]["eid"][1:])):
        ev = evidence.get((u, d["relation_iri"], v), [])
        edges.append([index[u], index[v], relation[d["relation"]], int(d["weight"]), d["documents"],
                      d["confidence"], d["dates"], d.get("locations", ""),
                      [[s, c, doc_index[doc]] for c, s, doc in ev]])
    return {
        "format": "graphbuild-view 1",
        "node_fields": NODE_FIELDS, "edge_fields": EDGE_FIELDS, "evidence_fields": EVIDENCE_FIELDS,
        "relation_fields": RELATION_FIELDS, "document_fields": DOCUMENT_FIELDS,
        "types": types, "type_colours": [_hex(TYPE_COLOURS.get(t, OTHER_COLOUR)) for t in types],
        "quads": list(QUAD_COLOURS), "quad_colours": list(QUAD_COLOURS.values()),
        "other_edge_colour": OTHER_EDGE_COLOUR,
        "nodes": nodes, "edges": edges, "relations": rel_rows, "documents": docs,
    }


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script type="application/json">`` element:
    every ``<``, ``>`` and ``&`` is written as a ``\\u`` escape, so no text in the graph (a
    sentence quoting ``</script>``) can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return (files("graphbuild") / "assets" / name).read_text(encoding="utf-8")


def _inline_script(code: str, name: str) -> str:
    if re.search(r"</script", code, re.IGNORECASE):
        raise ValueError(f"{name} contains '</script', which would end its script element")
    return code


def generate_html(kg: KnowledgeGraph) -> bytes:
    """The HTML view of the actor network of ``kg``: one file with everything inlined."""
    data = view_data(kg)
    parts = {
        "title": f"graphbuild: {len(data['nodes'])} actors, {len(data['edges'])} relations",  # (no markup)
        "style": _asset("view.css"),
        "vendor": _inline_script(_asset("vendor.min.js"), "vendor.min.js"),
        "view": _inline_script(_asset("view.js"), "view.js"),
        "data": script_json(data),
    }
    # one pass, so a placeholder-like text inside a part is never replaced
    page = _PLACEHOLDER.sub(lambda m: parts[m[1]], _asset("view.html"))
    return page.encode("utf-8")

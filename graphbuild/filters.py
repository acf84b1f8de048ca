"""Filtered exports: a graph cut to the statements an analyst asked for.

An export is often wanted for one actor and its neighbours, one period, one kind of event,
or only what the extractor is sure of. The cut is made on the RDF graph, statement by
statement, so every export format (RDF, GraphML, GEXF, CSV) shows the same selection, and
each document graph keeps exactly its selected statements, their direct edges, the actors
they name and the document's own description. Hypothetical statements (the content of a
demand, threat or condition) are left out unless asked for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from graphbuild.ontology import ACTOR, GB
from graphbuild.store import KnowledgeGraph

_GB = str(GB._NS)


class FilterError(ValueError):
    """A filter option that cannot be applied; the message names it and the fix."""


@dataclass(frozen=True)
class Filter:
    """What to keep. Empty fields keep everything; ``hops`` widens ``actors`` to their neighbourhood."""

    min_confidence: float | None = None
    since: str | None = None  # document date, ISO 8601, inclusive
    until: str | None = None
    actors: tuple[str, ...] = ()  # actor keys (RUS, XI-JINPING) or labels
    hops: int = 0  # 0: the actors' own statements; N: statements among actors within N hops of them
    countries: tuple[str, ...] = ()  # ISO-3: statements with a subject or object of that state
    relations: tuple[str, ...] = ()  # relation local names (joins, attacks)
    plover: tuple[str, ...] = ()  # PLOVER types (CONSULT, ASSAULT)
    include_hypothetical: bool = False

    def keeps_everything(self) -> bool:
        return self == Filter(include_hypothetical=self.include_hypothetical) and self.include_hypothetical


def _lit(value: str) -> str:
    return str(Literal(value))


def _selection_query(f: Filter, actor_iris: set[str] | None) -> str:
    where = ["?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:document ?g ;"
             " gb:confidence ?c ."]
    if not f.include_hypothetical:
        where.append("FILTER NOT EXISTS { ?st gb:hypothetical true }")
    if f.min_confidence is not None:
        where.append(f"FILTER(?c >= {float(f.min_confidence)!r})")
    if f.since or f.until:
        where.append("?g dcterms:date ?d .")
        if f.since:
            where.append(f'FILTER(STR(?d) >= {_lit(f.since)})')
        if f.until:
            where.append(f'FILTER(STR(?d) <= {_lit(f.until)})')
    if f.countries:
        codes = ", ".join(_lit(c.upper()) for c in f.countries)
        where.append("OPTIONAL { ?s gb:country ?sc } OPTIONAL { ?o gb:country ?oc }")
        where.append(f"FILTER(COALESCE(?sc, '') IN ({codes}) || COALESCE(?oc, '') IN ({codes}))")
    if f.relations:
        where.append(f"FILTER(?p IN ({', '.join(f'<{_GB}{r}>' for r in f.relations)}))")
    if f.plover:
        types = ", ".join(_lit(t.upper()) for t in f.plover)
        where.append("OPTIONAL { ?st gb:ploverType ?pt0 } OPTIONAL { ?p gb:ploverType ?pt1 }")
        where.append(f"FILTER(COALESCE(?pt0, ?pt1, '') IN ({types}))")
    if actor_iris is not None:
        iris = ", ".join(f"<{a}>" for a in sorted(actor_iris))
        join = "&&" if f.hops else "||"  # a neighbourhood: both ends inside; the actors' own: either end
        where.append(f"FILTER(?s IN ({iris}) {join} ?o IN ({iris}))")
    return "SELECT ?st ?g WHERE { " + "\n".join(where) + " }"


def _actor_iris(kg: KnowledgeGraph, f: Filter) -> set[str] | None:
    """The actors the filter names, widened by ``hops`` over the asserted network."""
    if not f.actors:
        return None
    found: set[str] = set()
    for name in f.actors:
        rows = kg.query("SELECT DISTINCT ?a WHERE { ?a gb:actorType ?t ; rdfs:label ?l . "
                        "FILTER(LCASE(STR(?l)) = LCASE(?name) || LCASE(STRAFTER(STR(?a), '/actor/')) = LCASE(?name)) }",
                        {"name": name}).rows
        if not rows:
            raise FilterError(f"--actor {name}: no such actor in the graph; give its key (RUS) or its label (Russia)")
        found.update(r[0] for r in rows)
    if f.hops:
        from graphbuild.network import to_networkx

        G = to_networkx(kg).to_undirected(as_view=True)
        frontier = set(found)
        for _ in range(f.hops):
            frontier = {n for a in frontier if a in G for n in G.neighbors(a)} - found
            found |= frontier
    return found


def filtered(kg: KnowledgeGraph, f: Filter) -> KnowledgeGraph:
    """A new in-memory graph holding the selected statements (``kg`` itself when nothing is cut)."""
    if f.keeps_everything():
        return kg
    if f == Filter() and kg.query("ASK { ?st gb:hypothetical true }").rows[0][0] != "true":
        return kg  # only hypothetical statements would go, and there are none
    selected: dict[str, set[str]] = defaultdict(set)
    for st, g in kg.query(_selection_query(f, _actor_iris(kg, f))).rows:
        selected[g].add(st)
    graphs = []
    for name in sorted(kg.graphs()):
        quads = list(kg.store.quads_for_pattern(None, None, None, NamedNode(name)))
        document = any(q.subject.value == name and q.object.value == f"{_GB}Document" for q in quads)
        if not document:
            graphs.append((name, quads))  # the ontology's graph, or a user's
        elif name in selected:
            graphs.append((name, _cut(quads, selected[name])))
    out = KnowledgeGraph()
    out.replace_graphs(graphs)
    out.ontology_dir = kg.ontology_dir
    return out


_AFFILIATED = f"{_GB}affiliatedWith"


def _cut(quads: list[Quad], keep: set[str]) -> list[Quad]:
    """The quads of one document graph that its kept statements need: the statements, their
    direct edges (asserted ones only), the actors they name, and the document's description."""
    kept: dict[str, dict[str, str]] = defaultdict(dict)
    statements: set[str] = set()
    for q in quads:
        if q.predicate.value.endswith("#type") and q.object.value == f"{_GB}Statement":
            statements.add(q.subject.value)
        if q.subject.value in keep:
            kept[q.subject.value][q.predicate.value.rsplit("#", 1)[-1]] = q.object.value
    actors: set[str] = set()
    edges: set[tuple[str, str, str]] = set()
    for st in kept.values():
        actors |= {v for k, v in st.items() if k in ("subject", "object", "location")}
        if st.get("negated") == "false" and st.get("hypothetical") != "true":
            edges.add((st["subject"], st["predicate"], st["object"]))
    actor_ns = str(ACTOR)
    out = []
    for q in quads:
        s, p, o = q.subject.value, q.predicate.value, q.object.value
        if s in statements:
            if s in keep:
                out.append(q)
        elif s.startswith(actor_ns) and o.startswith(actor_ns) and p != _AFFILIATED:
            if (s, p, o) in edges:
                out.append(q)  # a direct edge of a kept, asserted statement
        elif s.startswith(actor_ns):
            if s in actors:
                out.append(q)  # the description of an actor a kept statement names
        else:
            out.append(q)  # the document's own description
    return out

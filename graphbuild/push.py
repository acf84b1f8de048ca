"""Push: load the knowledge graph into any store that speaks the SPARQL 1.1 Graph Store Protocol.

One HTTP PUT per named graph (each document's graph, the ontology's graph), so
pushing again replaces rather than duplicates: the remote store converges to the
local graph. Works with Oxigraph (``/store``), Apache Jena Fuseki (``/ds/data``),
GraphDB, Virtuoso and others.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Triple, serialize

from graphbuild.store import KnowledgeGraph


class PushError(RuntimeError):
    """The endpoint refused a graph or cannot be reached; the message names which."""


@dataclass(frozen=True, slots=True)
class PushResult:
    graphs: int
    triples: int


def _graph_url(endpoint: str, graph: str | None) -> str:
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def push_graph(kg: KnowledgeGraph, endpoint: str, *, timeout: float = 60.0,
               on_graph: Callable[[str], None] | None = None) -> PushResult:
    """PUT every named graph of ``kg`` to ``endpoint`` (the local default graph is their union:
    not sent, so the remote store's own default graph is left alone)."""
    graphs: list[str | None] = list(kg.graphs())
    total = 0
    for g in graphs:
        name = NamedNode(g) if g is not None else DefaultGraph()
        triples = sorted({Triple(q.subject, q.predicate, q.object)
                          for q in kg.store.quads_for_pattern(None, None, None, name)}, key=str)
        body = serialize(triples, format=RdfFormat.N_TRIPLES)
        req = urllib.request.Request(_graph_url(endpoint, g), data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            raise PushError(f"{endpoint}: PUT of graph {g or '(default)'} refused: HTTP {exc.code} {exc.reason}; "
                            "is this the store's Graph Store Protocol URL (Oxigraph: /store)?") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PushError(f"{endpoint}: cannot reach the endpoint ({reason})") from None
        total += len(triples)
        if on_graph is not None:
            on_graph(g or "(default)")
    return PushResult(len(graphs), total)

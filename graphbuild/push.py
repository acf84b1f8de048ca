"""Push: make a store that speaks the SPARQL 1.1 Graph Store Protocol mirror the knowledge graph.

One HTTP PUT per named graph (each document's graph, the ontology's graph), so
pushing again replaces rather than duplicates; then one DELETE per document graph
the remote store holds and the local graph no longer does (a document removed
from the corpus), so deleted facts do not linger remotely. Only graphs in
graphbuild's document namespace are deleted: graphs the remote store holds for
other reasons are never touched. The remote document graphs are listed with one
SPARQL query, before anything is written. Works with Oxigraph (``/store``),
Apache Jena Fuseki (``/ds/data``), GraphDB, Virtuoso and others.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Triple, serialize

from graphbuild.ontology import DOC
from graphbuild.store import KnowledgeGraph

# Graph Store Protocol path -> the same store's SPARQL query path (Oxigraph, Fuseki, GraphDB, Virtuoso).
QUERY_PATHS = {"/store": "/query", "/data": "/query", "/rdf-graphs/service": "", "/sparql-graph-crud": "/sparql"}
# Graphs named in a failure message, each way; the rest are counted.
LISTED = 10


class PushError(RuntimeError):
    """The endpoint refused a graph or cannot be reached; the message names which, and which
    graphs were written before (``written``) and which were not (``not_written``)."""

    def __init__(self, message: str, *, written: tuple[str, ...] = (), not_written: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.written = written
        self.not_written = not_written


@dataclass(frozen=True, slots=True)
class PushResult:
    graphs: int
    triples: int
    deleted: int = 0  # remote document graphs the local graph no longer holds


def _graph_url(endpoint: str, graph: str | None) -> str:
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def query_endpoint_of(endpoint: str) -> str | None:
    """The SPARQL query URL of the store whose Graph Store Protocol URL is ``endpoint``, when
    its path says which store it is (``QUERY_PATHS``); else None."""
    url = urllib.parse.urlsplit(endpoint)
    path = url.path.rstrip("/")
    for gsp, query in QUERY_PATHS.items():
        if path.endswith(gsp):
            return urllib.parse.urlunsplit(url._replace(path=path[: -len(gsp)] + query, query=""))
    return None


def _names(graphs: list[str]) -> str:
    shown = ", ".join(graphs[:LISTED])
    return shown + (f" and {len(graphs) - LISTED} more" if len(graphs) > LISTED else "")


def _send(req: urllib.request.Request, timeout: float) -> bytes:
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.read()


def remote_document_graphs(query_url: str, *, timeout: float = 60.0) -> set[str]:
    """The named graphs in graphbuild's document namespace that the remote store holds."""
    sparql = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{DOC}")) }}'
    req = urllib.request.Request(query_url, data=sparql.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    fix = "pass the store's SPARQL query URL with --query-endpoint, or --no-delete"
    try:
        body = json.loads(_send(req, timeout))
        return {b["g"]["value"] for b in body["results"]["bindings"] if b["g"]["value"].startswith(str(DOC))}
    except urllib.error.HTTPError as exc:
        raise PushError(f"{query_url}: listing the remote graphs refused: HTTP {exc.code} {exc.reason}; "
                        f"{fix}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"{query_url}: cannot reach the endpoint to list the remote graphs "
                        f"({getattr(exc, 'reason', exc)}); nothing was written; {fix}") from None
    except (ValueError, KeyError, TypeError):
        raise PushError(f"{query_url}: the answer is not SPARQL JSON results; {fix}") from None


def push_graph(kg: KnowledgeGraph, endpoint: str, *, timeout: float = 60.0, delete: bool = True,
               query_endpoint: str | None = None, on_graph: Callable[[str], None] | None = None) -> PushResult:
    """PUT every named graph of ``kg`` to ``endpoint`` (the local default graph is their union:
    not sent, so the remote store's own default graph is left alone); then, with ``delete``,
    DELETE the remote document graphs ``kg`` does not hold, found through ``query_endpoint``
    (default: derived from ``endpoint``, see ``query_endpoint_of``).

    A failure midway raises ``PushError`` naming the graphs written and those not written;
    pushing again finishes the job, since every step replaces rather than adds."""
    graphs: list[str | None] = list(kg.graphs())
    stale: list[str] = []
    if delete:
        query_url = query_endpoint or query_endpoint_of(endpoint)
        if query_url is None:
            raise PushError(f"{endpoint}: cannot tell this store's SPARQL query URL, needed to find graphs to "
                            "delete; pass --query-endpoint URL, or --no-delete")
        stale = sorted(remote_document_graphs(query_url, timeout=timeout) - {g for g in graphs if g is not None})
    steps = [("PUT", g) for g in graphs] + [("DELETE", g) for g in stale]
    done: list[str] = []
    total = 0
    for n, (method, g) in enumerate(steps):
        name = g or "(default)"
        if method == "PUT":
            graph = NamedNode(g) if g is not None else DefaultGraph()
            triples = sorted({Triple(q.subject, q.predicate, q.object)
                              for q in kg.store.quads_for_pattern(None, None, None, graph)}, key=str)
            req = urllib.request.Request(_graph_url(endpoint, g), data=serialize(triples, format=RdfFormat.N_TRIPLES),
                                         method="PUT", headers={"Content-Type": "application/n-triples"})
        else:
            req = urllib.request.Request(_graph_url(endpoint, g), method="DELETE")
        try:
            _send(req, timeout)
        except urllib.error.HTTPError as exc:
            if method == "DELETE" and exc.code == 404:  # already gone
                pass
            else:
                raise _midway(f"{endpoint}: {method} of graph {name} refused: HTTP {exc.code} {exc.reason}; is this "
                              "the store's Graph Store Protocol URL (Oxigraph: /store)?", steps, n, done) from None
        except (urllib.error.URLError, OSError) as exc:
            raise _midway(f"{endpoint}: cannot reach the endpoint ({getattr(exc, 'reason', exc)})",
                          steps, n, done) from None
        done.append(f"{method} {name}")
        if method == "PUT":
            total += len(triples)
        if on_graph is not None:
            on_graph(name)
    return PushResult(len(graphs), total, len(stale))


def _midway(message: str, steps: list[tuple[str, str | None]], failed: int, done: list[str]) -> PushError:
    """The error of step ``failed``, saying which steps were done and which were not."""
    rest = [f"{method} {g or '(default)'}" for method, g in steps[failed:]]
    if done:
        message += (f"; {len(done)} of {len(steps)} graphs done ({_names(done)}), {len(rest)} not "
                    f"({_names(rest)}); push again to finish")
    else:
        message += "; nothing was written"
    return PushError(message, written=tuple(done), not_written=tuple(rest))

"""Query: SPARQL over a built graph, results as rows of plain strings."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from pyparsing import ParseException

from graphbuild.rdf import PREFIXES

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads", ".rdf": "xml"}


class QueryError(ValueError):
    """A graph file or a SPARQL query cannot be used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def load_graph(path: str | Path) -> Graph:
    """Read a built graph file, choosing the parser from its suffix."""
    p = Path(path)
    if not p.is_file():
        raise QueryError(f"{p}: graph file not found; run `graphbuild build` first or pass --graph")
    fmt = RDF_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise QueryError(f"{p}: unknown RDF file type; use one of {', '.join(RDF_SUFFIXES)}")
    g = Graph()
    try:
        g.parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{p}: cannot parse as {fmt}: {exc}") from None
    if len(g) == 0:
        raise QueryError(f"{p}: the graph is empty; build it from some documents first")
    return g


def read_query(text_or_path: str) -> str:
    """A SPARQL string, or the contents of a ``.rq`` file when given its path."""
    if text_or_path.endswith((".rq", ".sparql")):
        p = Path(text_or_path)
        if not p.is_file():
            raise QueryError(f"{p}: query file not found")
        return p.read_text(encoding="utf-8")
    return text_or_path


def run_query(g: Graph, sparql: str) -> QueryResult:
    """Run a SELECT or ASK query with graphbuild's prefixes predeclared."""
    try:
        result = g.query(sparql, initNs=PREFIXES)
    except ParseException as exc:
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}") from None
    except Exception as exc:
        raise QueryError(f"SPARQL query failed: {exc}") from None
    if result.type == "ASK":
        return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries are supported")
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple("" if v is None else str(v) for v in row) for row in result)
    return QueryResult(columns, rows)


def format_csv(res: QueryResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(res.columns)
    w.writerows(res.rows)
    return buf.getvalue()


def format_json(res: QueryResult) -> str:
    return json.dumps([dict(zip(res.columns, row)) for row in res.rows], ensure_ascii=False, indent=2) + "\n"

"""Query: SPARQL over a built graph, results as rows of plain strings."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, Variable
from pyparsing import ParseException

from graphbuild.rdf import PREFIXES, from_dataset, new_graph

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
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(p, format=fmt)
            g = from_dataset(ds)
        else:
            g = new_graph()
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


def run_query(g: Graph, sparql: str, bindings: dict[str, str] | None = None) -> QueryResult:
    """Run a SELECT or ASK query with graphbuild's prefixes predeclared.

    ``bindings`` become RDF literals bound to the query's variables by rdflib
    (``initBindings``), never pasted into the query text, so a value such as
    ``Russia" || true || "`` is just a string that matches no actor.
    """
    init = {Variable(k): Literal(v) for k, v in (bindings or {}).items()}
    try:
        result = g.query(sparql, initNs=PREFIXES, initBindings=init)
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


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A ``.rq`` file of the query library with its header metadata."""

    name: str
    description: str
    params: dict[str, str]  # name -> help
    sparql: str
    path: Path


def default_query_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "queries"


def read_named_query(path: Path) -> NamedQuery:
    """Parse the '# name:', '# description:' and '# param: x = help' header of a ``.rq`` file."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"#\s*(name|description|param):\s*(.*)$", line)
        if not m:
            continue
        if m[1] == "param":
            pname, _, phelp = m[2].partition("=")
            params[pname.strip()] = phelp.strip()
        else:
            meta[m[1]] = m[2].strip()
    return NamedQuery(meta.get("name", path.stem), meta.get("description", ""), params, text, path)


def list_named_queries(directory: Path | None = None) -> list[NamedQuery]:
    d = directory or default_query_dir()
    return sorted((read_named_query(p) for p in d.glob("*.rq")), key=lambda q: q.name)


def get_named_query(name: str, directory: Path | None = None) -> NamedQuery:
    queries = {q.name: q for q in list_named_queries(directory)}
    if name not in queries:
        raise QueryError(f"unknown named query {name!r}; known queries: {', '.join(queries) or '(none)'}")
    return queries[name]


def parse_params(pairs: list[str], query: NamedQuery) -> dict[str, str]:
    """'actor=Russia' pairs checked against the query's declared parameters."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise QueryError(f"--param {pair!r}: write NAME=VALUE")
        if key not in query.params:
            raise QueryError(f"query {query.name!r} has no parameter {key!r}; it takes: "
                             f"{', '.join(query.params) or 'no parameters'}")
        out[key] = value
    missing = [p for p in query.params if p not in out]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE ({query.params[missing[0]]})")
    return out


def format_csv(res: QueryResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(res.columns)
    w.writerows(res.rows)
    return buf.getvalue()


def format_json(res: QueryResult) -> str:
    return json.dumps([dict(zip(res.columns, row)) for row in res.rows], ensure_ascii=False, indent=2) + "\n"

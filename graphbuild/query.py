"""Query: SPARQL over a built graph, results as rows of plain strings."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from graphbuild.store import GraphError, KnowledgeGraph, QueryResult

QueryError = GraphError  # one error type for graph files, stores and queries


def load_graph(path: str | Path) -> KnowledgeGraph:
    """A built graph: a graph file (by suffix) or an on-disk store folder."""
    return KnowledgeGraph.from_file(path)


def read_query(text_or_path: str) -> str:
    """A SPARQL string, or the contents of a ``.rq`` file when given its path."""
    if text_or_path.endswith((".rq", ".sparql")):
        p = Path(text_or_path)
        if not p.is_file():
            raise QueryError(f"{p}: query file not found")
        return p.read_text(encoding="utf-8")
    return text_or_path


def run_query(g: KnowledgeGraph, sparql: str, bindings: dict[str, str] | None = None) -> QueryResult:
    """Run a SELECT or ASK query; ``bindings`` are substituted as literals by the engine."""
    return g.query(sparql, bindings)


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

"""Named queries on the seeds' graph, parameter binding, and the SPARQL endpoint."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

from graphbuild.cli import app
from graphbuild.query import list_named_queries

PARAMS = {
    "actor-relations": ["actor=Russia"],
    "between": ["a=China", "b=RUS"],
    "evidence": ["subject=RUS", "relation=joins", "object=AIIB"],
}


@pytest.mark.parametrize("name", [q.name for q in list_named_queries()])
def test_queries_named_query_runs_on_seeds(runner, seed_build, name):
    _result, out = seed_build
    args = ["query", "--name", name, "--graph", str(out / "graph.ttl"), "--format", "json"]
    for p in PARAMS.get(name, []):
        args += ["--param", p]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows, f"{name} returned nothing on the seeds"


@pytest.mark.parametrize("name", [q.name for q in list_named_queries()])
def test_queries_named_query_documented(name):
    q = {q.name: q for q in list_named_queries()}[name]
    assert q.description
    assert f"--name {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ['Russia" || true || "', "Russia' || 'x", "?actor", "} UNION { ?s ?p ?o"])
def test_queries_param_injection_matches_nothing(runner, seed_build, value):
    _result, out = seed_build
    result = runner.invoke(app, ["query", "--name", "actor-relations", "--param", f"actor={value}",
                                 "--graph", str(out / "graph.ttl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("args,needle", [
    (["--name", "between", "--param", "a=Russia"], "needs --param b=VALUE"),
    (["--name", "between", "--param", "a=Russia", "--param", "c=x"], "has no parameter 'c'"),
    (["--name", "nosuch"], "known queries: actor-relations"),
    ([], "give either a SPARQL query"),
])
def test_queries_bad_named_query_use(runner, seed_build, args, needle):
    _result, out = seed_build
    result = runner.invoke(app, ["query", *args, "--graph", str(out / "graph.ttl")])
    assert result.exit_code == 1 and needle in result.stderr


def test_queries_list_shows_every_query(runner):
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for q in list_named_queries():
        assert q.name in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _http(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status, resp.read().decode("utf-8")


@pytest.fixture()
def server(seed_build):
    _result, out = seed_build
    port = _free_port()
    exe = Path(sys.executable).parent / "graphbuild"
    proc = subprocess.Popen([str(exe), "serve", "--graph", str(out / "graph.ttl"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            _http(base + "/")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"server did not start: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
    yield base, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait(timeout=10)


QUERY = ("PREFIX gb: <https://w3id.org/graphbuild/ontology#> "
         "SELECT ?o WHERE { <https://w3id.org/graphbuild/actor/RUS> gb:joins ?o }")


def test_serve_answers_sparql_protocol_then_stops(server):
    base, proc = server
    status, body = _http(base + "/query?" + urllib.parse.urlencode({"query": QUERY}),
                         headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    values = [b["o"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert values == ["https://w3id.org/graphbuild/actor/AIIB"]
    status, body = _http(base + "/query", data=QUERY.encode("utf-8"),
                         headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body.splitlines() == ["o", "https://w3id.org/graphbuild/actor/AIIB"]
    # named graphs: one per document, plus the ontology's
    status, body = _http(base + "/query", data=b"SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                         headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    graphs = body.splitlines()[1:]
    assert len([g for g in graphs if "/doc/" in g]) == 2 and "https://w3id.org/graphbuild/ontology" in graphs
    # read-only: updates are refused
    with pytest.raises(urllib.error.HTTPError):
        _http(base + "/update", data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
              headers={"Content-Type": "application/sparql-update"})
    os.kill(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=20) == 0
    with pytest.raises(OSError):
        _http(base + "/")


@pytest.mark.parametrize("content,needle", [(None, "graph file not found"), ("", "graph is empty")])
def test_serve_refuses_missing_or_empty_graph(runner, tmp_path, content, needle):
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["serve", "--graph", str(path), "--port", str(_free_port())])
    assert result.exit_code == 1 and needle in result.stderr


def test_serve_answers_every_named_query_like_graphbuild_query(runner, seed_build, server):
    # the endpoint takes query text only: each named query, its parameters in a VALUES block (as
    # the README says), answers the same rows as `graphbuild query`, bar the parameters' own columns
    import csv
    import io

    from graphbuild.store import bind_values

    _result, out = seed_build
    base, _proc = server
    for q in list_named_queries():
        params = dict(p.split("=", 1) for p in PARAMS.get(q.name, []))
        args = ["query", "--name", q.name, "--graph", str(out / "graph.ttl"), "--format", "csv"]
        for k, v in params.items():
            args += ["--param", f"{k}={v}"]
        ours = runner.invoke(app, args)
        assert ours.exit_code == 0, ours.output
        text = bind_values(q.sparql, params) if params else q.sparql
        status, body = _http(base + "/query", data=text.encode("utf-8"),
                             headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
        assert status == 200, (q.name, body)
        rows = list(csv.reader(io.StringIO(body.replace("\r\n", "\n"))))
        keep = [i for i, c in enumerate(rows[0]) if c not in params]
        assert [[r[i] for i in keep] for r in rows] == list(csv.reader(io.StringIO(ours.stdout))), q.name
        assert len(rows) > 1, f"{q.name} answers something on the endpoint"

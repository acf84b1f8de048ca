"""Query limits and safety: the SPARQL guard, timeouts, Ctrl-C, streaming, SERVICE, bad input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import sigint_default

from graphbuild.cli import app
from graphbuild.query import MAX_QUERY_BYTES, MAX_QUERY_DEPTH, MAX_QUERY_PATTERNS, QueryError, check_sparql

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
DEAD_SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }"


def cli(*args: str | bytes, **kwargs) -> subprocess.Popen:
    """The real CLI in a subprocess (a crash or a hang must not take the test run with it)."""
    return subprocess.Popen([sys.executable, "-m", "graphbuild.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=sigint_default, **kwargs)


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def wait_for(predicate, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.fixture()
def graph(seed_build) -> str:
    return str(seed_build[1] / "graph.ttl")


# ------------------------------------------------------------ the guard, a pure function
@pytest.mark.parametrize("sparql", [
    "SELECT ?service WHERE { ?s schema:Service ?service FILTER(?s != \"SERVICE\") } # SERVICE <http://x/>",
    "SELECT * WHERE { ?s <http://example.org/service> ?o FILTER(?a < ?b && ?c > 1) }",
    "SELECT * WHERE { ?s ex:my-service ?o . ?s ex:p '''a SERVICE in a long string''' }",
    "SELECT * WHERE " + "{" * MAX_QUERY_DEPTH + "}" * MAX_QUERY_DEPTH,
    "SELECT * WHERE { ?s ?p '" + "{" * 500 + "' }",
    "SELECT * WHERE { " + " . ".join(["?s <a:b> 1.5"] * MAX_QUERY_PATTERNS) + " VALUES ?x { " + "1.5 " * 999 + "} }",
])
def test_query_check_sparql_accepts(sparql):
    check_sparql(sparql)


@pytest.mark.parametrize("sparql,needle", [
    ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, "nests brackets more than 100 deep"),
    ("SELECT * WHERE { FILTER(" + "(" * 101 + "true" + ")" * 101 + ") }", "nests brackets"),
    ("SELECT * WHERE { ?s ?p " + "[ ?p " * 101 + "1" + "]" * 101 + " }", "nests brackets"),
    ("# " + "x" * MAX_QUERY_BYTES + "\nASK {}", "limited to 100000 bytes"),
    ("SELECT * WHERE { " + " . ".join(["?s <a:b> 1"] * 300) + " }", "more than 100 triple patterns"),
    ("SELECT * WHERE { ?s <a:b> " + ", ".join(["1"] * 300) + " }", "more than 100 triple patterns"),
    ("SELECT * WHERE { ?s " + "/".join(["<a:b>"] * 300) + " ?o }", "more than 100 triple patterns"),
    ("SELECT * WHERE { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }", "uses SERVICE"),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", "uses SERVICE"),
    ("SELECT * WHERE { <a:b> <a:c> 1SERVICE <http://x/> { } }", "uses SERVICE"),  # no space needed
    ("SELECT * WHERE { ?s ?p ?o.SERVICE <http://x/> { } }", "uses SERVICE"),
    ("SELECT * WHERE { <a:b> <a:c> 'x'SERVICE <http://x/> { } }", "uses SERVICE"),
    ("PREFIX : <http://x/> SELECT * WHERE { SERVICE:y { } }", "uses SERVICE"),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { } }", "uses SERVICE"),  # SPARQL's codepoint escapes
])
def test_query_check_sparql_refuses(sparql, needle):
    with pytest.raises(QueryError, match=needle):
        check_sparql(sparql)


def test_query_check_sparql_allow_service():
    check_sparql("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", allow_service=True)


# ------------------------------------------------------------ the CLI
@pytest.mark.parametrize("sparql,needle", [
    ("SELECT * WHERE " + "{" * 3000 + "}" * 3000, "nests brackets more than 100 deep"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "pass --allow-service"),
    ("SELECT * WHERE { " + " . ".join(["?s <a:b> 1"] * 300) + " }", "more than 100 triple patterns"),
])
def test_query_cli_refuses_before_the_engine(graph, sparql, needle):
    proc = cli("query", sparql, "--graph", graph, "--timeout", "5")
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1, stderr
    assert needle in stderr.decode() and len(stderr.decode().strip().splitlines()) == 1 and not stdout


def test_query_cli_times_out(runner, graph):
    result = runner.invoke(app, ["query", CARTESIAN_COUNT, "--graph", graph, "--timeout", "1"])
    assert result.exit_code == 1
    assert "ran longer than 1 s" in result.stderr and "--timeout" in result.stderr


def test_query_cli_ctrl_c_stops_an_aggregate(graph):
    proc = cli("query", CARTESIAN_COUNT, "--graph", graph)
    try:
        wait_for(lambda: children(proc.pid), 30)  # SIGINT must come after the CLI started, not during imports
        engines = children(proc.pid)
        time.sleep(1)  # let the graph load and the aggregate start
        proc.send_signal(signal.SIGINT)
        _stdout, stderr = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 130 and "interrupted" in stderr.decode()
    assert all(wait_for(lambda: not alive(pid), 10) for pid in engines)


def test_query_cli_streams_rows(graph):
    """The first rows of an endless SELECT reach stdout while the query still runs."""
    proc = cli("query", CARTESIAN, "--graph", graph, "--format", "csv")
    watchdog = threading.Timer(60, proc.kill)  # rows that never come must not hang the test run
    watchdog.start()
    try:
        header = proc.stdout.readline()
        first = proc.stdout.readline()
        assert header == b"a,b,c,d,e,f,g,h,i\n" and first.count(b",") >= 8
        assert proc.poll() is None
        proc.send_signal(signal.SIGINT)
        proc.stdout.close()
        assert proc.wait(timeout=20) != 0
    finally:
        watchdog.cancel()
        proc.kill()
        proc.wait()


def test_query_cli_dead_service_is_one_line(graph):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = cli("query", DEAD_SERVICE.replace("{port}", str(port)), "--graph", graph, "--allow-service")
    _stdout, stderr = proc.communicate(timeout=60)
    lines = stderr.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, stderr
    assert "SPARQL query failed" in lines[0] and "SERVICE" in lines[0]


@pytest.mark.parametrize("args", [
    [b"--name", b"actor-relations", b"--param", b"actor=\xffRussia"],
    [b"SELECT ?s WHERE { ?s ?p ?o }", b"--param", b"s=\xff"],
    [b"SELECT ?s WHERE { ?s ?p '\xff' }"],
])
def test_query_cli_non_utf8_argument_is_one_line(graph, args):
    proc = cli("query", *args, "--graph", graph, env={**os.environ, "LC_ALL": "C.UTF-8"})
    _stdout, stderr = proc.communicate(timeout=60)
    lines = stderr.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, stderr
    assert "not valid UTF-8" in lines[0]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_cli_streamed_output_matches_formatters(runner, graph, fmt):
    from graphbuild.query import format_csv, format_json, load_graph, run_query

    sparql = "SELECT ?s ?o WHERE { ?s gb:joins ?o } ORDER BY ?s ?o"
    expected = run_query(load_graph(graph), sparql)
    result = runner.invoke(app, ["query", sparql, "--graph", graph, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout == (format_csv if fmt == "csv" else format_json)(expected)
    empty = runner.invoke(app, ["query", "SELECT ?s WHERE { ?s gb:nosuch ?o }", "--graph", graph, "--format", fmt])
    assert empty.stdout == ("s\n" if fmt == "csv" else "[]\n")


# ------------------------------------------------------------ the SPARQL endpoint
def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url: str, query: str | None = None, *, timeout: float = 30) -> tuple[int, str]:
    """POST a query (form-encoded, as curl --data-urlencode does) or GET a page; (status, body)."""
    import urllib.error
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode({"query": query}).encode("utf-8") if query is not None else None
    req = urllib.request.Request(url, data=data, headers={"Accept": "text/csv"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


class Server:
    """`graphbuild serve` in a subprocess on a free loopback port, stopped by PID."""

    def __init__(self, graph: str, *args: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = cli("serve", "--graph", graph, "--port", str(self.port), *args)

    def __enter__(self) -> Server:
        def up() -> bool:
            try:
                return http(self.base + "/", timeout=5)[0] == 200
            except OSError:
                return self.proc.poll() is not None

        if not wait_for(up, 60) or self.proc.poll() is not None:
            self.__exit__()
            pytest.fail(f"server did not start: {self.proc.stderr.read().decode()}")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)


def test_serve_guard_refuses_deep_and_service_queries_and_keeps_serving(graph):
    with Server(graph) as server:
        status, body = http(server.base + "/query", "SELECT * WHERE " + "{" * 3000 + "}" * 3000)
        assert status == 400 and "nests brackets more than 100 deep" in body
        status, body = http(server.base + "/query?query=" + "SELECT%20*%20WHERE%20%7B%20SERVICE%20"
                            "%3Chttp%3A%2F%2F127.0.0.1%3A1%2F%3E%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%7D")
        assert status == 400 and "--allow-service" in body
        status, body = http(server.base + "/query", "SELECT * WHERE { " + " . ".join(["?s <a:b> 1"] * 300) + " }")
        assert status == 400 and "more than 100 triple patterns" in body
        status, body = http(server.base + "/query", "ASK { ?s ?p ?o }")
        assert (status, body.strip()) == (200, "true")


def test_serve_times_out_a_query_and_keeps_serving(graph):
    with Server(graph, "--timeout", "1") as server:
        status, body = http(server.base + "/query", CARTESIAN_COUNT, timeout=20)
        assert "cancelled" in body or status == 504
        assert http(server.base + "/query", "ASK { ?s ?p ?o }")[0] == 200


def test_serve_answers_concurrent_clients(graph):
    from concurrent.futures import ThreadPoolExecutor

    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
    with Server(graph) as server:
        expected = http(server.base + "/query", query)
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _i: http(server.base + "/query", query), range(200)))
    assert expected[0] == 200 and set(answers) == {expected}


def test_serve_kill_9_takes_the_oxigraph_server_down(graph):
    with Server(graph) as server:
        engines = children(server.proc.pid)
        assert engines
        server.proc.kill()  # SIGKILL: no handler of ours runs
        server.proc.wait()
        assert all(wait_for(lambda: not alive(pid), 10) for pid in engines)


def test_serve_busy_port_is_one_line(runner, graph):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--graph", graph, "--port", str(port)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "--port" in lines[0]
    assert "serving" not in result.output


def test_serve_reports_a_dead_oxigraph_server_in_one_line(graph):
    with Server(graph) as server:
        for pid in children(server.proc.pid):
            os.kill(pid, signal.SIGKILL)
        _stdout, stderr = server.proc.communicate(timeout=20)
    errors = [line for line in stderr.decode().splitlines() if line.startswith("error:")]
    assert server.proc.returncode == 1 and b"Traceback" not in stderr, stderr
    assert len(errors) == 1 and "oxigraph server stopped unexpectedly (killed by signal 9)" in errors[0]


def test_serve_answers_expect_100_continue(graph):
    """curl sends large bodies only after '100 Continue' (else after a second's wait)."""
    import socket
    import urllib.parse

    body = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    with Server(graph) as server, socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nExpect: 100-continue\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body))
        assert s.recv(64).startswith(b"HTTP/1.1 100 Continue")
        s.sendall(body)
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    assert answer.split(b"\r\n")[0].endswith(b"200 OK") and answer.rstrip().endswith(b"true")

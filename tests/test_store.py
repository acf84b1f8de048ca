"""On-disk store, incremental and interrupted builds, Dask, long documents, and pushing to a live store."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import SEEDS, corpus, quads

import graphbuild.store as store_module
from graphbuild import pipeline
from graphbuild.cli import app
from graphbuild.export import export_graph
from graphbuild.ingest import make_document
from graphbuild.ontology import default_ontology_dir, load_ontology
from graphbuild.parsing import split_text
from graphbuild.pipeline import build, iter_extracted
from graphbuild.rdf import DOC
from graphbuild.state import BuildState
from graphbuild.store import KnowledgeGraph

EXTRA = "Japan and South Korea signed a trade agreement. The IMF approved a loan for Egypt."




@pytest.fixture(scope="module")
def fresh_store(tmp_path_factory):
    """The seeds built once into an on-disk store, for comparisons."""
    store = tmp_path_factory.mktemp("fresh") / "store"
    build([SEEDS], None, store=store)
    return store


def test_store_query_export_on_store(runner, fresh_store, tmp_path):
    result = runner.invoke(app, ["query", "--name", "evidence", "--param", "subject=RUS", "--param", "relation=joins",
                                 "--param", "object=AIIB", "--graph", str(fresh_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)
    # the whole store round-trips; a plain export leaves out its hypothetical statements
    result = runner.invoke(app, ["export", "--graph", str(fresh_store), "--format", "trig", "--out", str(tmp_path),
                                 "--include-hypothetical"])
    assert result.exit_code == 0, result.output
    back = KnowledgeGraph.from_file(tmp_path / "graph.trig")
    assert {str(q) for q in back.quads()} == quads(fresh_store)
    plain = tmp_path / "plain"
    result = runner.invoke(app, ["export", "--graph", str(fresh_store), "--format", "trig", "--out", str(plain)])
    assert result.exit_code == 0, result.output
    hypothetical = {str(q.subject) for q in back.quads() if q.predicate.value.endswith("#hypothetical")
                    and str(q.object).startswith('"true"')}
    kept = {str(q) for q in KnowledgeGraph.from_file(plain / "graph.trig").quads()}
    assert hypothetical and not any(q.startswith(s + " ") for q in kept for s in hypothetical)


def test_store_build_exports_from_sorted_runs_equal_exports_read_back(tmp_path, monkeypatch):
    """A fresh build writes its RDF exports from the sorted runs it kept while writing;
    they must be byte for byte what exporting the finished store gives."""
    formats = ["turtle", "nt", "nquads", "trig"]
    real_sort = store_module.sort_lines

    def no_sort(*_args, **_kwargs):
        raise AssertionError("the build read the store back instead of merging its runs")

    monkeypatch.setattr(store_module, "sort_lines", no_sort)
    build([SEEDS], tmp_path / "built", store=tmp_path / "store", formats=formats)
    monkeypatch.setattr(store_module, "sort_lines", real_sort)
    export_graph(KnowledgeGraph.open_store(tmp_path / "store"), tmp_path / "again", formats)
    built = {p.name: p.read_bytes() for p in (tmp_path / "built").iterdir()}
    assert built == {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()}
    assert sorted(built) == ["graph.nq", "graph.nt", "graph.trig", "graph.ttl"]
    assert b"AIIB" in built["graph.ttl"]


def test_store_rerun_skips_unchanged(tmp_path, fresh_store):
    store = tmp_path / "store"
    shutil.copytree(fresh_store, store)
    stats = build([SEEDS], None, store=store)
    assert (stats.unchanged, stats.extracted, stats.removed) == (2, 0, 0)
    assert quads(store) == quads(fresh_store)


def test_store_changed_and_deleted_documents(tmp_path, fresh_store):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    store = tmp_path / "store"
    build([inputs], None, store=store)
    first, second = sorted(inputs.glob("*.txt"))
    first.write_text(first.read_text(encoding="utf-8") + "\n\n" + EXTRA, encoding="utf-8")
    second.unlink()
    stats = build([inputs], None, store=store)
    assert (stats.unchanged, stats.extracted, stats.removed) == (0, 1, 1)
    # exactly the graph a fresh build of the same inputs gives
    clean = tmp_path / "clean"
    build([inputs], None, store=clean)
    assert quads(store) == quads(clean)
    assert list(BuildState.documents(store)) == [str(first)]


def test_store_interrupted_build_converges(tmp_path):
    src = corpus(tmp_path)
    store = tmp_path / "store"
    seen = []

    def interrupt(doc):
        seen.append(doc.id)
        if len(seen) == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([src], None, store=store, on_document=interrupt)
    stats = build([src], None, store=store)
    assert stats.extracted + stats.unchanged == 12
    clean = tmp_path / "clean"
    build([src], None, store=clean)
    assert quads(store) == quads(clean)


def test_store_interrupted_reconfigured_build_redoes_what_it_had_not_redone(tmp_path, monkeypatch):
    """A configuration change redoes every document; a build interrupted midway through
    that redo must leave the rest marked for redoing, not pass them off as current."""
    monkeypatch.setattr(pipeline, "WRITE_BATCH_DOCUMENTS", 32)
    src = corpus(tmp_path, n=40)  # two store writes
    store = tmp_path / "store"
    assert build([src], None, store=store).extracted == 40
    changed = tmp_path / "onto"
    shutil.copytree(default_ontology_dir(), changed)
    (changed / "NOTES.txt").write_text("a new file changes the configuration fingerprint\n", encoding="utf-8")
    seen = []

    def interrupt(doc):
        seen.append(doc.id)
        if len(seen) == 35:  # the first batch of 32 is committed, the second is not
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([src], None, store=store, ontology_dir=changed, on_document=interrupt)
    stats = build([src], None, store=store, ontology_dir=changed)
    assert (stats.unchanged, stats.extracted) == (32, 8)
    assert build([src], None, store=store, ontology_dir=changed).unchanged == 40


def test_store_failed_write_in_background_is_raised_and_not_recorded(tmp_path, monkeypatch):
    """Store writes run in a background thread: a write that fails stops the build with its
    error, its documents stay unrecorded, and a re-run converges to a clean build."""
    monkeypatch.setattr(pipeline, "WRITE_BATCH_DOCUMENTS", 8)
    src = corpus(tmp_path, n=24)  # three store writes
    store = tmp_path / "store"
    real = KnowledgeGraph.write_graphs
    calls = []

    def flaky(self, iris, nquads):
        calls.extend(i for i in iris if i.startswith(DOC))  # (the ontology's graph is written too)
        if len(calls) > 8:
            raise OSError("disk full")
        return real(self, iris, nquads)

    monkeypatch.setattr(KnowledgeGraph, "write_graphs", flaky)
    with pytest.raises(OSError, match="disk full"):
        build([src], None, store=store)
    assert len(BuildState.documents(store)) == 8  # the first write only
    monkeypatch.setattr(KnowledgeGraph, "write_graphs", real)
    stats = build([src], None, store=store)
    assert (stats.unchanged, stats.extracted) == (8, 16)
    clean = tmp_path / "clean"
    build([src], None, store=clean)
    assert quads(store) == quads(clean)


def test_store_killed_build_converges(tmp_path):
    n = 320  # ten store writes: the kill lands after the first commit and before the last
    src = corpus(tmp_path, n=n)
    store = tmp_path / "store"
    exe = Path(sys.executable).parent / "graphbuild"
    proc = subprocess.Popen([str(exe), "build", str(src), "--store", str(store), "--no-export"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "GRAPHBUILD_WRITE_BATCH_DOCUMENTS": "32"})
    deadline = time.monotonic() + 120
    while not BuildState.documents(store) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    done = BuildState.documents(store)
    assert 0 < len(done) < n, "the build was not interrupted midway"
    stats = build([src], None, store=store)
    clean = tmp_path / "clean"
    build([src], None, store=clean)
    assert quads(store) == quads(clean)
    assert stats.unchanged == len(done) and stats.unchanged + stats.extracted == n


def test_store_dask_local_cluster_equals_plain_build(tmp_path, fresh_store):
    pytest.importorskip("dask.distributed")
    from graphbuild.distributed import build_distributed

    store = tmp_path / "dask"
    stats = build_distributed([SEEDS], None, scheduler="local", store=store, partition_size=1)
    assert stats.extracted == 2
    assert quads(store) == quads(fresh_store)
    assert not store.with_name("dask.shards").joinpath("shards").exists()


@pytest.mark.parametrize("max_chars", [300, 2000])
def test_store_long_document_split_keeps_offsets(onto, max_chars):
    text = (SEEDS / "rbth-2015-moscow-beijing-upfront.txt").read_text(encoding="utf-8")
    doc = make_document("long.txt", text, source="long.txt")
    parts = split_text(doc.text, max_chars)
    assert len(parts) > 1 and "".join(p for _o, p in parts) == doc.text
    ((_d, triples, _sentences),) = list(iter_extracted([doc], onto=load_ontology(), max_chars=max_chars))
    assert triples
    for t in triples:
        assert " ".join(doc.text[t.start:t.end].split()) == t.sentence


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count(base: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    req = urllib.request.Request(f"{base}/query?{query}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return int(resp.read().decode().splitlines()[1])


def test_push_twice_to_live_oxigraph_is_idempotent(runner, tmp_path, fresh_store):
    from graphbuild.serve import oxigraph_binary

    port = _free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _count(base)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "oxigraph server did not start"
                time.sleep(0.2)
        args = ["push", "--endpoint", f"{base}/store", "--graph", str(fresh_store)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        once = _count(base)
        assert once == len({(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
                            for q in KnowledgeGraph(fresh_store, read_only=True).quads()})
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert _count(base) == once
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)


@pytest.mark.parametrize("endpoint,needle", [("http://127.0.0.1:9/store", "cannot reach the endpoint")])
def test_push_unreachable_endpoint_is_one_line(runner, fresh_store, endpoint, needle):
    result = runner.invoke(app, ["push", "--endpoint", endpoint, "--graph", str(fresh_store)])
    assert result.exit_code == 1 and needle in result.stderr


def test_large_graph_file_goes_into_a_temporary_disk_store(tmp_path, fresh_store, monkeypatch):
    (ttl,) = export_graph(KnowledgeGraph.open_store(fresh_store), tmp_path, ["turtle"])
    small = KnowledgeGraph.from_file(ttl)
    monkeypatch.setattr(store_module, "ON_DISK_ABOVE_BYTES", 0)
    large = KnowledgeGraph.from_file(ttl)
    assert small.path is None and large.path is not None and large.path.is_dir()
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?st a gb:Statement }"
    assert large.query(query).rows == small.query(query).rows != (("0",),)
    assert large.path.name.startswith("graphbuild-store-")  # a temporary folder, removed with the graph


# ---------------------------------------------------------------- failures, partial runs and clean-up (issue 11)

def test_store_run_reading_nothing_drops_no_graph(runner, tmp_path, fresh_store):
    store = tmp_path / "store"
    shutil.copytree(fresh_store, store)
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["build", str(tmp_path / "empty"), "--store", str(store), "--no-export"])
    assert result.exit_code == 1 and "no documents read from" in result.stderr, result.output
    assert quads(store) == quads(fresh_store)
    assert BuildState.documents(store) == BuildState.documents(fresh_store)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("owner,removed", [("dead", True), ("live", False), ("other-host", False)])
def test_store_stale_scratch_removed_only_when_its_owner_is_gone(tmp_path, owner, removed):
    from graphbuild import scratch

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        pid = live.pid if owner == "live" else _dead_pid()
        host = "someotherhost" if owner == "other-host" else scratch._HOST
        folder = tmp_path / f".graphbuild-runs-{pid}-{host}-abc123"
        (folder / "sub").mkdir(parents=True)
        (tmp_path / "graph.ttl").write_bytes(b"kept\n")
        assert scratch.remove_stale(tmp_path) == ([folder] if removed else [])
        assert folder.exists() is not removed and (tmp_path / "graph.ttl").exists()
    finally:
        live.kill()
        live.wait()


def test_store_killed_export_build_leaves_scratch_in_out_and_next_run_removes_it(runner, tmp_path):
    """A build killed while it keeps sorted runs for its exports leaves them in the output folder,
    named by its (now dead) process, never in the system's temporary folder; the next run
    removes them."""
    src = corpus(tmp_path, n=40)
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    exe = Path(sys.executable).parent / "graphbuild"
    proc = subprocess.Popen([str(exe), "build", str(src), "--out", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            env={**os.environ, "GRAPHBUILD_WRITE_BATCH_DOCUMENTS": "4", "TMPDIR": str(tmp)})

    def runs() -> list[Path]:  # run files of the build, wherever it keeps them
        return [*out.glob(".graphbuild-runs-*/*"), *tmp.glob("*graphbuild-runs-*/*")]

    deadline = time.monotonic() + 120
    while not runs() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert runs(), "the build was not killed while keeping its runs"
    assert not list(tmp.glob("*graphbuild-*")), "scratch left in the system's temporary folder"
    assert [p.name for p in out.glob(f".graphbuild-runs-{proc.pid}-*")], "no scratch of the killed run in --out"
    (tmp_path / "small.txt").write_text(EXTRA, encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "small.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["graph.gexf", "graph.graphml", "graph.ttl"]


class _Oxigraph:
    """An oxigraph server on a free loopback port, started by the test and stopped by its PID."""

    def __init__(self, location: Path) -> None:
        from graphbuild.serve import oxigraph_binary

        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                      "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                _count(self.base)
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("oxigraph server did not start") from None
                time.sleep(0.2)

    def graphs(self) -> set[str]:
        query = urllib.parse.urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"})
        req = urllib.request.Request(f"{self.base}/query?{query}", headers={"Accept": "text/csv"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return set(resp.read().decode().split()[1:])

    def put(self, graph: str, ntriples: str) -> None:
        req = urllib.request.Request(f"{self.base}/store?{urllib.parse.urlencode({'graph': graph})}",
                                     data=ntriples.encode(), method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
        urllib.request.urlopen(req, timeout=10).close()

    def stop(self) -> None:
        os.kill(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=20)


@pytest.mark.parametrize("no_delete", [False, True])
def test_push_mirrors_the_store_and_deletes_only_its_own_graphs(runner, tmp_path, no_delete):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    store = tmp_path / "store"
    build([inputs], None, store=store)
    before = set(KnowledgeGraph(store, read_only=True).graphs())
    server = _Oxigraph(tmp_path / "remote")
    try:
        foreign = "http://example.org/not-ours"
        server.put(foreign, "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
        args = ["push", "--endpoint", f"{server.base}/store", "--graph", str(store)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert server.graphs() == before | {foreign}
        sorted(inputs.glob("*.txt"))[0].unlink()  # a document removed from the corpus
        assert build([inputs], None, store=store).removed == 1
        after = set(KnowledgeGraph(store, read_only=True).graphs())
        result = runner.invoke(app, args + (["--no-delete"] if no_delete else []))
        assert result.exit_code == 0, result.output
        assert server.graphs() == (before if no_delete else after) | {foreign}
        assert f"deleted {0 if no_delete else 1} graphs" in result.stdout
    finally:
        server.stop()


def test_push_failing_midway_names_the_graphs_written_and_not(runner, fresh_store):
    """A store that accepts two PUTs and then fails: the one line says which graphs went and which did not."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    puts = []

    class Flaky(BaseHTTPRequestHandler):
        def log_message(self, *_args):
            pass

        def do_POST(self):  # the listing query: no graph of ours yet
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b'{"head":{"vars":["g"]},"results":{"bindings":[]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            puts.append(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0])
            self.send_response(204 if len(puts) <= 2 else 500)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/store"
        result = runner.invoke(app, ["push", "--endpoint", endpoint, "--graph", str(fresh_store)])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    graphs = KnowledgeGraph(fresh_store, read_only=True).graphs()
    assert len(graphs) == 3 and puts == graphs
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1, result.output
    line = " ".join(result.stderr.split())
    assert "HTTP 500" in line
    assert f"2 of 3 graphs done (PUT {graphs[0]}, PUT {graphs[1]}), 1 not (PUT {graphs[2]})" in line


def test_store_dask_cluster_without_workers_gives_up_in_one_line(tmp_path):
    """Dask waits forever for a worker; the build gives up after --dask-timeout with one line."""
    pytest.importorskip("dask.distributed")
    port = _free_port()
    scheduler = subprocess.Popen([str(Path(sys.executable).parent / "dask"), "scheduler", "--host", "127.0.0.1",
                                  "--port", str(port), "--no-dashboard"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        (tmp_path / "a.txt").write_text(EXTRA, encoding="utf-8")
        out = tmp_path / "out"
        result = subprocess.run([sys.executable, "-m", "graphbuild.cli", "build", str(tmp_path / "a.txt"), "--out",
                                 str(out), "--dask", f"tcp://127.0.0.1:{port}", "--dask-timeout", "1"],
                                capture_output=True, text=True, timeout=120)
    finally:
        os.kill(scheduler.pid, signal.SIGTERM)
        scheduler.wait(timeout=30)
    assert result.returncode == 1, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"tcp://127.0.0.1:{port} has had no worker for 1 s" in result.stderr and "--dask-timeout" in result.stderr
    assert not out.exists()

"""Serve: a read-only SPARQL 1.1 Protocol endpoint over a built graph.

We do not write an HTTP server. The ``oxigraph`` server (from PyPI) does the
work: the graph is loaded as N-Quads (one named graph per document) into an
on-disk Oxigraph store, then ``oxigraph serve-read-only`` answers queries on
127.0.0.1. As in every graphbuild store the default graph is the union of the
document graphs, so plain queries see everything and ``GRAPH`` queries see
per-document provenance. Its root page is a browser query editor.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from graphbuild.query import load_graph
from graphbuild.store import KnowledgeGraph


class ServeError(RuntimeError):
    """The endpoint cannot be started; the message says why and what to do."""


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server installed beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed; run `pip install oxigraph` (or `make run`)")
    return found


def load_store(graph_file: Path, store_dir: Path) -> int:
    """Load a built graph file into a fresh on-disk store; return its number of triples."""
    g = load_graph(graph_file)  # refuses a missing or empty graph with a clear message
    if store_dir.exists() and any(store_dir.iterdir()):
        raise ServeError(f"{store_dir}: store folder is not empty; pass a new or empty --store folder")
    disk = KnowledgeGraph(store_dir)
    disk.store.bulk_extend(g.store.quads_for_pattern(None, None, None, None))
    disk.flush()
    count = len(disk)
    del disk  # close RocksDB before the server opens it
    return count


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 7878, store_dir: Path | None = None,
          on_ready: Callable[[str, int], None] | None = None) -> int:
    """Serve a graph file or a ``build --store`` folder read-only until SIGINT/SIGTERM;
    return the server's exit code."""
    with tempfile.TemporaryDirectory(prefix="graphbuild-store-") as tmp:
        if Path(graph).is_dir():
            store = Path(graph)
            triples = len(KnowledgeGraph.open_store(store))  # refuses a missing or empty store
        else:
            store = store_dir or Path(tmp) / "store"
            triples = load_store(graph, store)
        proc = subprocess.Popen([
            oxigraph_binary(), "serve-read-only", "--location", str(store),
            "--bind", f"{host}:{port}",
        ])

        def stop(_signum: int, _frame: FrameType | None) -> None:
            proc.terminate()

        old_int = signal.signal(signal.SIGINT, stop)
        old_term = signal.signal(signal.SIGTERM, stop)
        try:
            if on_ready is not None:
                on_ready(f"http://{host}:{port}/", triples)
            code = proc.wait()
        finally:
            signal.signal(signal.SIGINT, old_int)
            signal.signal(signal.SIGTERM, old_term)
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)
    # terminated by our own signal handler: a clean stop
    return 0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code

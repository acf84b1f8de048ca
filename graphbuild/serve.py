"""Serve: a read-only SPARQL 1.1 Protocol endpoint over a built graph.

We do not write a SPARQL server. The ``oxigraph`` server (from PyPI) does the
work: the graph is loaded as N-Quads (one named graph per document) into an
on-disk Oxigraph store, then ``oxigraph serve-read-only`` answers queries on an
internal loopback port. As in every graphbuild store the default graph is the
union of the document graphs, so plain queries see everything and ``GRAPH``
queries see per-document provenance. Its root page is a browser query editor.

The public port is a small guard in front of it (standard library only): every
query passes ``check_sparql`` first, because a query nested a few thousand
brackets deep crashes the server and a ``SERVICE`` clause makes it fetch any URL.
Everything else is passed through untouched. The guard also drops the upstream
request when its client goes away, and the server's own ``--timeout-s`` stops
long queries.
"""

from __future__ import annotations

import http.client
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import IO

from graphbuild.query import QueryError, check_sparql, die_with_parent, load_graph
from graphbuild.store import KnowledgeGraph

DEFAULT_TIMEOUT_S = 30.0
MAX_BODY_BYTES = 1 << 20  # a query, form-encoded, with room to spare; the endpoint takes no uploads
STARTUP_S = 60.0
# Oxigraph evaluates recursively; its threads get a large stack (reserved address space, not memory)
# so long property paths and chains of joins within the size limit do not overflow it.
ENGINE_STACK_BYTES = 256 << 20
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade", "proxy-connection", "expect"}


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


def _free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _bind(host: str, port: int, handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                         "stop whatever uses that port or pass another --port") from None
    server.daemon_threads = True
    return server


def _last_line(log: IO[bytes], code: int | None) -> str:
    """How the server ended: its status and the last thing it said, if that was not its greeting."""
    log.seek(0)
    lines = log.read().decode("utf-8", "replace").strip().splitlines()
    status = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
    return f"{status}: {lines[-1]}" if lines and not lines[-1].startswith("Listening") else status


def _wait_listening(proc: subprocess.Popen, host: str, port: int, log: IO[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_S
    while True:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise ServeError(f"the oxigraph server exited at start ({_last_line(log, proc.returncode)})") from None
            if time.monotonic() > deadline:
                raise ServeError(f"the oxigraph server did not start within {STARTUP_S:g} s") from None
            time.sleep(0.05)


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 7878, store_dir: Path | None = None,
          timeout: float = DEFAULT_TIMEOUT_S, allow_service: bool = False,
          on_ready: Callable[[str, int], None] | None = None) -> int:
    """Serve a graph file or a ``build --store`` folder read-only until SIGINT/SIGTERM;
    return the server's exit code. ``timeout`` (seconds, 0: none) bounds each query."""
    upstream_host = "127.0.0.1"
    proxy = _bind(host, port, guard_handler(upstream_host, 0, timeout=timeout, allow_service=allow_service))
    try:
        with ExitStack() as stack:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="graphbuild-store-"))
            if Path(graph).is_dir():
                store = Path(graph)
                triples = len(KnowledgeGraph.open_store(store))  # refuses a missing or empty store
            else:
                store = store_dir or Path(tmp) / "store"
                triples = load_store(graph, store)
            upstream_port = _free_port(upstream_host)
            proxy.RequestHandlerClass.upstream = (upstream_host, upstream_port)
            args = [oxigraph_binary(), "serve-read-only", "--location", str(store),
                    "--bind", f"{upstream_host}:{upstream_port}"]
            if timeout:
                args += ["--timeout-s", str(max(1, round(timeout)))]
            env = {**os.environ, "RUST_MIN_STACK": str(ENGINE_STACK_BYTES)}
            # its "Listening" line names the internal port, not the one to use: its output goes to a log
            log = stack.enter_context(tempfile.TemporaryFile())
            proc = subprocess.Popen(args, env=env, stdout=log, stderr=log,
                                    preexec_fn=partial(die_with_parent, os.getpid()))
            stopped = False

            def stop(_signum: int, _frame: FrameType | None) -> None:
                nonlocal stopped
                stopped = True
                proc.terminate()

            old_int = signal.signal(signal.SIGINT, stop)
            old_term = signal.signal(signal.SIGTERM, stop)
            worker = threading.Thread(target=proxy.serve_forever, daemon=True)
            try:
                _wait_listening(proc, upstream_host, upstream_port, log)
                worker.start()
                if on_ready is not None:
                    on_ready(f"http://{host}:{port}/", triples)
                code = proc.wait()
            finally:
                signal.signal(signal.SIGINT, old_int)
                signal.signal(signal.SIGTERM, old_term)
                if worker.is_alive():
                    proxy.shutdown()
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=10)
            if not stopped:
                raise ServeError(f"the oxigraph server stopped unexpectedly ({_last_line(log, code)})")
    finally:
        proxy.server_close()
    # terminated by our own signal handler: a clean stop
    return 0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code


def queries_of(method: str, target: str, content_type: str, body: bytes) -> list[str]:
    """The SPARQL texts a SPARQL Protocol request carries: ``query`` (and ``update``)
    parameters of the URL or of a form body, or a ``application/sparql-query`` body."""
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query, keep_blank_values=True,
                                   encoding="utf-8", errors="strict")
    texts = params.get("query", []) + params.get("update", [])
    kind = content_type.split(";")[0].strip().lower()
    if method == "POST" and kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True, encoding="utf-8",
                                     errors="strict")
        texts += form.get("query", []) + form.get("update", [])
    elif method == "POST" and kind in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8"))
    return texts


def guard_handler(upstream_host: str, upstream_port: int, *, timeout: float,
                  allow_service: bool) -> type[BaseHTTPRequestHandler]:
    """A request handler class that checks each query and passes the request on to the server."""

    class GuardHandler(BaseHTTPRequestHandler):
        upstream = (upstream_host, upstream_port)
        server_version = "graphbuild-serve"
        protocol_version = "HTTP/1.0"  # one request per connection: the client's EOF means it left

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass  # quiet, as the oxigraph server is

        def _refuse(self, status: int, message: str) -> None:
            data = (message + "\n").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _handle(self) -> None:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                return self._refuse(411, "send the request body with a Content-Length")
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                return self._refuse(400, "bad Content-Length")
            if length > MAX_BODY_BYTES:
                return self._refuse(413, f"request bodies are limited to {MAX_BODY_BYTES} bytes")
            if length > 0 and self.headers.get("Expect", "").lower() == "100-continue":
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")  # curl waits a second for it otherwise
                self.wfile.flush()
            body = self.rfile.read(length) if length > 0 else b""
            try:
                for text in queries_of(self.command, self.path, self.headers.get("Content-Type", ""), body):
                    check_sparql(text, allow_service=allow_service)
            except UnicodeDecodeError:
                return self._refuse(400, "the query is not valid UTF-8")
            except QueryError as exc:
                return self._refuse(400, str(exc).replace("pass --allow-service", "start the server with "
                                                                                  "--allow-service"))
            self._forward(body)

        def _forward(self, body: bytes) -> None:
            conn = http.client.HTTPConnection(*self.upstream)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                conn.request(self.command, self.path, body=body or None, headers=headers)
                if not self._await_upstream(conn):
                    return
                resp = conn.getresponse()
                self.send_response_only(resp.status, resp.reason)
                for key, value in resp.getheaders():
                    if key.lower() not in HOP_BY_HOP:
                        self.send_header(key, value)
                self.send_header("Connection", "close")
                self.end_headers()
                while chunk := resp.read1(1 << 16) if self.command != "HEAD" else b"":
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client left: closing the upstream connection drops the request
            except (OSError, http.client.HTTPException):
                self._refuse(502, "the SPARQL server did not answer")
            finally:
                conn.close()

        def _await_upstream(self, conn: http.client.HTTPConnection) -> bool:
            """Wait for the server's answer; False (after answering 504, or for nobody) when the
            time is up or the client has gone, so the caller drops the upstream request."""
            deadline = time.monotonic() + timeout + 5 if timeout else None
            while True:
                wait = None if deadline is None else max(deadline - time.monotonic(), 0)
                ready, _, _ = select.select([conn.sock, self.connection], [], [], wait)
                if conn.sock in ready:
                    return True
                if self.connection in ready:
                    try:
                        if not self.connection.recv(1, socket.MSG_PEEK):
                            return False  # EOF: the client went away
                    except OSError:
                        return False
                    time.sleep(0.05)  # the client sent more bytes (not HTTP/1.0): keep waiting
                if not ready:
                    self._refuse(504, f"the query ran longer than {timeout:g} s; narrow it (LIMIT, "
                                      "more specific patterns) or restart the server with a larger --timeout")
                    return False

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _handle

    return GuardHandler

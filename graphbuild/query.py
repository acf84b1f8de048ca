"""Query: SPARQL over a built graph, results as rows of plain strings."""

from __future__ import annotations

import csv
import ctypes
import io
import itertools
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
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
        try:
            return p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise QueryError(f"{p}: the query file is not UTF-8 text; save it as UTF-8") from None
    return text_or_path


def run_query(g: KnowledgeGraph, sparql: str, bindings: dict[str, str] | None = None) -> QueryResult:
    """Run a SELECT or ASK query; ``bindings`` are checked against the query's variables and
    substituted by the engine (``KnowledgeGraph.execute``), never pasted into the text."""
    check_bindings(sparql, bindings or {})
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
    """The named queries: shipped in the package, or the repository's ``queries/``."""
    from graphbuild.ontology import packaged_or_repository

    return packaged_or_repository("queries")


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


def parse_pairs(pairs: list[str]) -> dict[str, str]:
    """``--param NAME=VALUE`` pairs as a dict; the value is everything after the first '='."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {pair!r}: write NAME=VALUE")
        if key in out:
            raise QueryError(f"--param {key} is given twice; give each parameter once")
        out[key] = value
    return out


def parse_params(pairs: list[str], query: NamedQuery) -> dict[str, str]:
    """'actor=Russia' pairs checked against the named query's declared parameters."""
    out = parse_pairs(pairs)
    for key in out:
        if key not in query.params:
            raise QueryError(f"query {query.name!r} has no parameter {key!r}; it takes: "
                             f"{', '.join(query.params) or 'no parameters'}")
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


# ------------------------------------------------------------ guarding a query before the engine sees it
MAX_QUERY_BYTES = 100_000
MAX_QUERY_DEPTH = 100
MAX_QUERY_PATTERNS = 100

# Oxigraph's parser recurses once per nested group, expression or collection: a 6 KB query
# nested 3,000 deep overflows its stack and kills the process (the CLI or the endpoint). A
# real query nests a few levels, so the guard refuses anything past MAX_QUERY_DEPTH brackets.
_NAME = "0-9A-Za-z_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d\u203f\u2040" \
        "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
_LEXEME = re.compile(rf"""
    (?P<skip> \"\"\"(?:[^"\\]|\\.|"{{1,2}}(?!"))*\"\"\"        # long strings
            | '''(?:[^'\\]|\\.|'{{1,2}}(?!'))*'''
            | "(?:[^"\\\n\r]|\\.)*"                        # short strings
            | '(?:[^'\\\n\r]|\\.)*'
            | <[^<>"{{}}|^`\\\x00-\x20]*>                   # IRIs (a '<' before a space is less-than)
            | \#[^\n\r]*                                   # comments
            | [?$][{_NAME}]+                               # variables: ?service is a name
            | :(?:[{_NAME}\-:]|%[0-9A-Fa-f]{{2}}|\\[_~.\-!$&'()*+,;=/?#@%])*  # local part of a prefixed name
    )
    | (?P<open>[{{(\[])
    | (?P<close>[}})\]])
    | (?P<code>[^"'<\#?$:{{}}()\[\]]+|.)
""", re.VERBOSE | re.DOTALL)
# Oxigraph's planner takes steeply longer with the number of triple patterns in a group (0.4 s
# for 100, 5 s for 200, minutes for 300) and its timeout does not cover planning, so the guard
# caps the separators that make patterns and path steps: . ; , / | (the library's largest uses 22).
_PATTERN_SEPARATOR = re.compile(r"(?<![0-9])\.(?![0-9])|[;,/|]")
_SERVICE = re.compile("service", re.IGNORECASE)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def check_sparql(text: str, *, max_bytes: int = MAX_QUERY_BYTES, max_depth: int = MAX_QUERY_DEPTH,
                 max_patterns: int = MAX_QUERY_PATTERNS, allow_service: bool = False) -> None:
    """Refuse a query the engine should never see: larger than ``max_bytes``, nested deeper
    than ``max_depth`` brackets, with more than ``max_patterns`` triple patterns and path
    steps, or (unless ``allow_service``) with a ``SERVICE`` clause, which would make this
    machine send HTTP requests to any URL the query names.

    The scan skips strings, IRIs and comments, as the SPARQL grammar does. It errs on the
    side of refusing: Oxigraph's parser needs no space around a keyword (``1SERVICE <x>``
    parses), so ``service`` anywhere in the code counts unless it is inside a variable name
    or the local part of a prefixed name (``?service``, ``schema:Service``). The text is
    scanned as written and with ``\\u`` escapes decoded, the form the SPARQL spec parses.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryError(f"the query is {size} bytes; queries are limited to {max_bytes} bytes "
                         "(shorten it, or load large value lists into the graph instead)")
    variants = [text]
    unescaped = _CODEPOINT.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000 else "",
                               text)
    if unescaped != text:
        variants.append(unescaped)
    for variant in variants:
        depth = patterns = 0
        for m in _LEXEME.finditer(variant):
            kind = m.lastgroup
            if kind == "open":
                depth += 1
                if depth > max_depth:
                    raise QueryError(f"the query nests brackets more than {max_depth} deep; "
                                     "flatten it (deeper nesting would crash the query engine)")
            elif kind == "close":
                depth = max(depth - 1, 0)
            elif kind == "code":
                if not allow_service and _SERVICE.search(m[0]):
                    raise QueryError("the query uses SERVICE, which makes this machine fetch from other "
                                     "servers; pass --allow-service if that is intended")
                patterns += len(_PATTERN_SEPARATOR.findall(m[0]))
                if patterns > max_patterns:
                    raise QueryError(f"the query has more than {max_patterns} triple patterns and path steps "
                                     "(. ; , / |); split it into smaller queries, or use VALUES for long lists")


def check_text(value: str, what: str) -> str:
    """``value`` unchanged if it is valid text; the command line hands undecodable bytes over
    as lone surrogates, which no UTF-8 writer (the engine, JSON, the terminal) accepts."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"{what} is not valid UTF-8 text; pass it in UTF-8 (check the terminal's locale)") from None
    return value


def query_variables(text: str) -> set[str]:
    """The names of the variables a SPARQL text uses (``?x`` and ``$x``), outside strings,
    IRIs and comments."""
    return {m[0][1:] for m in _LEXEME.finditer(text) if m.lastgroup == "skip" and m[0][0] in "?$"}


def check_bindings(sparql: str, bindings: dict[str, object]) -> None:
    """Refuse a parameter that names no variable of the query: binding it would change nothing,
    and a typo would pass unnoticed."""
    variables = query_variables(sparql)
    unknown = [k for k in bindings if k not in variables]
    if unknown:
        known = ", ".join(f"?{v}" for v in sorted(variables)) or "none"
        raise QueryError(f"parameter {unknown[0]!r} names no variable of the query (?{unknown[0]} does not "
                         f"occur in it); its variables: {known}")


# ------------------------------------------------------------ running a query in a child process
DEFAULT_TIMEOUT_S = 60.0
ENGINE_STACK_BYTES = 256 << 20  # the engine recurses over the query's tree: give it room (reserved, not used)
_BATCH_ROWS = 512


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


def die_with_parent(parent: int) -> None:
    """``preexec_fn`` for child processes (``partial(die_with_parent, os.getpid())``): the
    kernel kills the child when its parent dies, even by ``kill -9`` (Linux
    ``PR_SET_PDEATHSIG``), so no engine outlives graphbuild."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's own cleanup still applies
        return
    if os.getppid() != parent:  # the parent died before the prctl took effect
        os._exit(1)


class QueryRun:
    """A query running in a child process, its rows read as they come.

    The child loads the graph and runs the query; the parent only reads. That is what
    makes a query stoppable: Oxigraph's evaluation does not return to Python until an
    aggregate is done, so neither Ctrl-C nor a timer can interrupt it in-process, but a
    child can be killed. Rows cross a pipe in small batches, and the child blocks while
    the parent is behind, so memory stays flat however many rows a query yields. A crash
    of the engine takes down only the child. Use as a context manager: leaving it kills
    the child if it is still running.
    """

    def __init__(self, graph: str | Path, sparql: str, bindings: dict[str, str] | None = None, *,
                 timeout: float | None = DEFAULT_TIMEOUT_S, allow_service: bool = False) -> None:
        check_sparql(sparql, allow_service=allow_service)
        for key, value in (bindings or {}).items():
            check_text(value, f"--param {key}")
        check_bindings(sparql, bindings or {})
        self.timeout = timeout if timeout else None
        self.allow_service = allow_service
        self._buffer = b""
        self._deadline: float | None = None
        self._stderr = tempfile.TemporaryFile()
        # the child's temporary files (a large graph's on-disk copy) go in a folder the parent
        # removes: a killed child cleans up nothing
        self._scratch = tempfile.TemporaryDirectory(prefix="graphbuild-query-", ignore_cleanup_errors=True)
        self._proc = subprocess.Popen(
            [sys.executable, "-c", "import sys; from graphbuild.query import query_child; sys.exit(query_child())"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            preexec_fn=partial(die_with_parent, os.getpid()), env={**os.environ, "TMPDIR": self._scratch.name},
        )
        job = {"graph": str(graph), "sparql": sparql, "bindings": bindings or {}, "allow_service": allow_service}
        try:
            try:
                self._proc.stdin.write(json.dumps(job).encode("utf-8"))
                self._proc.stdin.close()
            except BrokenPipeError:
                pass  # the child died at start: reading its output reports how
            self._messages = self._read_messages()
            first = next(self._messages)
        except BaseException:
            self.close()
            raise
        self.columns: tuple[str, ...] = tuple(first["columns"])

    def __enter__(self) -> QueryRun:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        for message in self._messages:
            if "end" in message:
                return
            for row in message["rows"]:
                yield tuple(row)

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._stderr.close()
        self._scratch.cleanup()

    def _read_messages(self) -> Iterator[dict]:
        """JSON lines from the child; raise its error, a timeout, or a crash as a QueryError."""
        fd = self._proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                while b"\n" in self._buffer:
                    line, self._buffer = self._buffer.split(b"\n", 1)
                    message = json.loads(line)
                    if "error" in message:
                        raise QueryError(message["error"])
                    if "ready" in message:  # the graph is loaded; the query's clock starts
                        if self.timeout is not None:
                            self._deadline = time.monotonic() + self.timeout
                        continue
                    yield message
                wait = None if self._deadline is None else max(self._deadline - time.monotonic(), 0)
                if not sel.select(wait):
                    self._proc.kill()
                    raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped; "
                                       "narrow it (LIMIT, more specific patterns) or raise --timeout (0: none)")
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    raise QueryError(self._crash_message())
                self._buffer += chunk

    def _crash_message(self) -> str:
        code = self._proc.wait()
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        detail = lines[-1] if lines else f"exit status {code}"
        return f"the query engine failed ({detail}); simplify the query (long paths or chains can exhaust its stack)"


def query_child() -> int:
    """The child side of ``QueryRun``: read the job from stdin, write JSON lines to stdout.

    The query runs on a thread with a large stack: Oxigraph evaluates recursively and a
    long property path or chain of joins would overflow the 8 MB main stack."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    job = json.loads(sys.stdin.buffer.read())
    out = sys.stdout.buffer

    def emit(message: dict) -> None:
        out.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")

    def run() -> None:
        try:
            g = load_graph(job["graph"])
            emit({"ready": True})
            out.flush()
            columns, rows = _evaluate(g, job["sparql"], job["bindings"])
            emit({"columns": list(columns)})
            out.flush()
            batch: list[list[str]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= _BATCH_ROWS:
                    emit({"rows": batch})
                    batch = []
            emit({"rows": batch})
            emit({"end": True})
        except GraphError as exc:
            emit({"error": str(exc)})
        except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors, SERVICE failures among them
            hint = "; if it uses SERVICE, check the endpoint's URL and that it is up" if job["allow_service"] else ""
            emit({"error": f"SPARQL query failed: {exc}{hint}"})
        try:
            out.flush()
        except BrokenPipeError:
            pass

    threading.stack_size(ENGINE_STACK_BYTES)
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return 0


def _evaluate(g: KnowledgeGraph, sparql: str, bindings: dict[str, str]) -> tuple[tuple[str, ...], Iterator[list[str]]]:
    """Columns and a lazy stream of rows, as ``KnowledgeGraph.query`` but without holding them."""
    from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

    from graphbuild.store import result_columns, term_text

    result = g.execute(sparql, bindings)  # evaluation errors reach the child, which reports them
    if isinstance(result, QueryBoolean):
        return ("ask",), iter([[str(bool(result)).lower()]])
    if isinstance(result, QueryTriples):  # CONSTRUCT, DESCRIBE: one N-Triples line a row
        return (TRIPLES_COLUMN,), ([f"{t} ."] for t in result)
    if not isinstance(result, QuerySolutions):
        raise GraphError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are supported")
    columns = result_columns(result, bindings)
    return columns, ([term_text(sol[c]) for c in columns] for sol in result)


# The one column of a CONSTRUCT or DESCRIBE result: its rows are N-Triples lines.
TRIPLES_COLUMN = "__triples__"


def iter_triples(rows: Iterable[tuple[str, ...]], fmt: str) -> Iterator[str]:
    """A graph result as N-Triples, a line at a time, or as Turtle with graphbuild's prefixes
    (Turtle groups by subject, so it is written once the result is in)."""
    if fmt == "ntriples":
        for (line,) in rows:
            yield line + "\n"
        return
    from pyoxigraph import RdfFormat, parse, serialize

    from graphbuild.rdf import PREFIXES

    text = "".join(line + "\n" for (line,) in rows).encode("utf-8")
    yield serialize(parse(text, format=RdfFormat.N_TRIPLES), format=RdfFormat.TURTLE,
                    prefixes=PREFIXES).decode("utf-8")


def iter_csv(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """``format_csv``, a line at a time."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in itertools.chain([columns], rows):
        w.writerow(row)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


def iter_json(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """``format_json``, an object at a time, byte for byte the same text."""
    first = True
    for row in rows:
        item = json.dumps(dict(zip(columns, row)), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + item
        first = False
    yield "[]\n" if first else "\n]\n"

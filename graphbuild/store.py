"""Store: the knowledge graph in an Oxigraph store, in memory or on disk.

Oxigraph (pyoxigraph) holds the quads: the ontology in its own named graph and
one named graph per document, for provenance and for replacing one document's
contribution on its own. The default graph is kept equal to the union of the
named graphs (as a set), so plain SPARQL sees every fact once and ``GRAPH``
queries see per-document provenance. (Oxigraph's own union-default-graph mode
counts a triple once per graph holding it, which multiplies joins through actors
described in many documents; a materialised union keeps queries fast.) With a
path the store is on disk (``build --store``) and survives between runs; that is
what makes incremental builds possible.

Why Oxigraph rather than rdflib's memory store: loading and SPARQL are one to two
orders of magnitude faster (see the README's benchmark table), and its on-disk
RocksDB store is what the ``oxigraph`` server serves.
"""

from __future__ import annotations

import heapq
import io
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

import rdflib
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Variable,
    parse,
    serialize,
)

from graphbuild.ontology import Ontology
from graphbuild.rdf import (
    ONTOLOGY_GRAPH,
    PREFIXES,
    RDF_NS,
    RDFS_NS,
    SKOS_NS,
    document_quads,
)
from graphbuild.scratch import make_scratch
from graphbuild.types import Document
from graphbuild.types import Triple as Fact

T = TypeVar("T")

FILE_FORMATS = {
    ".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD, ".rdf": RdfFormat.RDF_XML,
}


# Graph files larger than this are loaded into a temporary on-disk store rather than in memory.
ON_DISK_ABOVE_BYTES = 20 << 20

GB_NS = PREFIXES["gb"]
# Predicates that describe an actor (copied into every document graph that names it).
ACTOR_DESCRIPTION = {RDF_NS + "type", RDFS_NS + "label", SKOS_NS + "exactMatch"} | {
    GB_NS + n for n in ("actorType", "linked", "country", "affiliatedWith", "role", "sector")}


class GraphError(ValueError):
    """A graph file, store or query cannot be used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Binding = str | NamedNode | Literal  # a parameter's value: a string is a plain literal

# The groups a VALUES block goes into (``WHERE {``, ``ASK {``), and what it must not land in:
# strings, IRIs, comments and variables (``?where {``).
_WHERE_GROUP = re.compile(r"""
      \"\"\"(?:[^"\\]|\\.|"{1,2}(?!"))*\"\"\" | '''(?:[^'\\]|\\.|'{1,2}(?!'))*'''
    | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*> | \#[^\n\r]* | [?$]\w+
    | (?P<where>\b(?:WHERE|ASK)\s*\{)
""", re.IGNORECASE | re.VERBOSE)


def binding_terms(bindings: dict[str, Binding]) -> dict[str, NamedNode | Literal]:
    """Each parameter's RDF term: a string becomes a plain (``xsd:string``) literal; an IRI or
    a typed literal is passed as a pyoxigraph ``NamedNode`` or ``Literal``."""
    terms: dict[str, NamedNode | Literal] = {}
    for name, value in bindings.items():
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise GraphError(f"parameter name {name!r} is not a SPARQL variable name (letters, digits, _)")
        if isinstance(value, str):
            terms[name] = Literal(value)
        elif isinstance(value, (NamedNode, Literal)):
            terms[name] = value
        else:
            raise GraphError(f"parameter {name!r}: give a string, a pyoxigraph NamedNode or Literal, "
                             f"not {type(value).__name__}")
    return terms


def result_columns(result: QuerySolutions, bindings: dict[str, Binding] | None) -> tuple[str, ...]:
    """The columns of a SELECT result worth showing: a bound parameter is returned only so the
    engine can substitute it (see ``KnowledgeGraph.execute``), and its value is the caller's own."""
    return tuple(v.value for v in result.variables if v.value not in (bindings or {}))


def bind_values(sparql: str, bindings: dict[str, Binding]) -> str:
    """The query text with the parameters bound by a ``VALUES`` block placed first in every
    ``WHERE`` group, sub-selects included, so FILTERs anywhere see the values.

    The text fallback, for where the query must be text (another engine, ``oxigraph query``,
    rdflib) or where pyoxigraph's substitution does not fit (``KnowledgeGraph.execute``). The
    values are written by pyoxigraph's N-Triples writer, which escapes quotes, backslashes
    and line breaks, so a value never becomes SPARQL. Strings, IRIs and comments of the
    query are skipped: a ``WHERE {`` inside them is not a group.
    """
    terms = binding_terms(bindings)
    names = " ".join(f"?{k}" for k in terms)
    values = " ".join(str(t) for t in terms.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    groups = 0

    def place(m: re.Match) -> str:
        nonlocal groups
        if m["where"] is None:
            return m[0]
        groups += 1
        return m[0] + block

    bound = _WHERE_GROUP.sub(place, sparql)
    if groups == 0:
        wanted = " ".join("?" + k for k in terms)
        raise GraphError(f"cannot bind {wanted}: Oxigraph substitutes only variables the SELECT returns, and "
                         f"the query has no 'WHERE {{' group for a VALUES block; add {wanted} to the SELECT "
                         "clause or write WHERE before the query's group")
    return bound


def term_text(term: object) -> str:
    """A term as analysts read it: IRIs and literal values without RDF syntax."""
    if term is None:
        return ""
    if isinstance(term, (NamedNode, BlankNode, Literal)):
        return term.value
    return str(term)


class KnowledgeGraph:
    """A knowledge graph in an Oxigraph store (``path=None``: in memory)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.version = 0  # bumped on every change, so derived views (the actor network) can be cached
        self.ontology_dir: Path | None = None  # the ontology built with, when known (JSON-LD context)
        self._network: tuple[int, Callable, object] | None = None
        self._runs: _SortedRuns | None = None
        self._scratch: tempfile.TemporaryDirectory | None = None  # folder of a temporary on-disk store
        try:
            if self.path is None:
                self.store = Store()
            elif read_only:
                self.store = Store.read_only(str(self.path))
            else:
                self.store = Store(str(self.path))
        except OSError as exc:
            raise GraphError(f"{self.path}: cannot open the graph store ({exc})") from None

    # ------------------------------------------------------------ loading
    @classmethod
    def from_file(cls, path: str | Path) -> KnowledgeGraph:
        """Read a graph file (by its suffix) into an in-memory store."""
        p = Path(path)
        if p.is_dir():
            return cls.open_store(p)
        if not p.is_file():
            raise GraphError(f"{p}: graph file not found; run `graphbuild build` first or pass --graph")
        fmt = FILE_FORMATS.get(p.suffix.lower())
        if fmt is None:
            raise GraphError(f"{p}: unknown RDF file type; use one of {', '.join(FILE_FORMATS)} or a store folder")
        if p.stat().st_size > ON_DISK_ABOVE_BYTES:
            # Oxigraph's in-memory store is slow on joins through hub actors at scale (the
            # README's SPARQL benchmark): a large file goes into a temporary on-disk store
            scratch = tempfile.TemporaryDirectory(prefix="graphbuild-store-", ignore_cleanup_errors=True)
            kg = cls(Path(scratch.name))
            kg._scratch = scratch
        else:
            kg = cls()
        try:
            kg.store.bulk_load(path=str(p), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphError(f"{p}: cannot parse as {p.suffix}: {exc}") from None
        if kg.is_empty():
            raise GraphError(f"{p}: the graph is empty; build it from some documents first")
        if fmt.supports_datasets:
            default = DefaultGraph()
            kg.store.extend([Quad(q.subject, q.predicate, q.object, default) for q in kg.quads()])
        else:
            kg.regroup()
        return kg

    def regroup(self) -> None:
        """Put triples read from a flat file back into named graphs: each statement, its
        direct edge, its document's record and its actors' descriptions into the
        document's graph; ontology terms into the ontology graph. The union is unchanged."""
        default = DefaultGraph()
        flat = list(self.store.quads_for_pattern(None, None, None, default))
        by_subject: dict[object, list[Quad]] = {}
        for q in flat:
            by_subject.setdefault(q.subject, []).append(q)
        placed: list[Quad] = []
        doc_pred = NamedNode(GB_NS + "document")
        for quads in by_subject.values():
            doc = next((q.object for q in quads if q.predicate == doc_pred), None)
            if not isinstance(doc, NamedNode):
                continue
            parts = {q.predicate.value.rsplit("#", 1)[-1]: q.object for q in quads}
            group = list(quads) + list(by_subject.get(doc, []))
            for actor in (parts.get("subject"), parts.get("object"), parts.get("location")):
                group += [q for q in by_subject.get(actor, []) if q.predicate.value in ACTOR_DESCRIPTION]
            if parts.get("negated") == Literal(False):
                edge = Quad(parts["subject"], parts["predicate"], parts["object"], default)
                if edge in self.store:
                    group.append(edge)
            placed += [Quad(q.subject, q.predicate, q.object, doc) for q in group]
        for q in flat:
            if isinstance(q.subject, NamedNode) and (q.subject.value.startswith(GB_NS)
                                                     or q.subject == ONTOLOGY_GRAPH):
                placed.append(Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH))
        self.store.extend(placed)  # the default graph keeps every triple: it is the union

    @classmethod
    def open_store(cls, path: str | Path, *, read_only: bool = True) -> KnowledgeGraph:
        p = Path(path)
        if not p.is_dir():
            raise GraphError(f"{p}: store folder not found; run `graphbuild build --store {p}` first")
        kg = cls(p, read_only=read_only)
        if kg.is_empty():
            raise GraphError(f"{p}: the store is empty; build it from some documents first")
        return kg

    def load_ontology(self, onto: Ontology) -> None:
        """(Re)load the ontology Turtle into its own named graph."""
        self.ontology_dir = onto.directory
        quads = [Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH)
                 for t in parse(path=str(onto.directory / "graphbuild.ttl"), format=RdfFormat.TURTLE)]
        self.replace_graph(ONTOLOGY_GRAPH.value, quads)

    def put_document(self, doc: Document, triples: Iterable[Fact], onto: Ontology) -> int:
        """Replace the document's graph with its current triples; return the number of quads."""
        quads = document_quads(doc, triples, onto)
        self.replace_graph(quads[0].graph_name.value, quads)
        return len(quads)

    def replace_graph(self, iri: str, quads: list[Quad]) -> None:
        """Make the named graph ``iri`` hold exactly ``quads``, keeping the default graph the union."""
        self.replace_graphs([(iri, quads)])

    def replace_graphs(self, graphs: list[tuple[str, list[Quad]]]) -> None:
        """``replace_graph`` for a batch of graphs, in one bulk write."""
        self.write_graphs([iri for iri, _quads in graphs],
                          serialize((q for _iri, quads in graphs for q in quads), format=RdfFormat.N_QUADS))

    def write_graphs(self, iris: list[str], nquads: bytes) -> None:
        """Make the named graphs ``iris`` hold exactly the N-Quads lines ``nquads`` (which
        name no other graph), in one bulk write, keeping the default graph the union.

        The same lines without their graph name are the triples for the default graph (a
        triple already there stays one triple). Both go in with one call of Oxigraph's bulk
        loader, which writes sorted files straight into the database: several times faster
        on disk than transactional inserts, and RocksDB's in-memory write buffers do not
        grow with the store, so memory stays flat (copying the union with a SPARQL
        ``INSERT`` cost 40 MiB more per MB of text). Each call adds files that RocksDB must
        later compact, so callers write large batches (``pipeline.WRITE_BATCH_BYTES``). A
        crash may leave part of a batch written; the build state is committed only after,
        so a re-run drops those graphs and writes them again (see ``pipeline.build_graph``).
        """
        for iri in iris:
            self.drop_graph(iri)
        self.version += 1
        ntriples, n = _GRAPH_NAME.subn(b" .\n", nquads)
        if n != nquads.count(b"\n"):  # every line must have ended with its graph's name
            raise GraphError("write_graphs takes quads of named graphs only")
        if b"_:" in nquads:
            # blank nodes (a user's ontology may have some) would be renamed by each parse, so
            # their quads go in as objects (graphbuild's own quads never have blank nodes)
            default = DefaultGraph()
            self.store.bulk_extend(x for q in parse(nquads, format=RdfFormat.N_QUADS)
                                   for x in (q, Quad(q.subject, q.predicate, q.object, default)))
        else:
            # N-Triples lines are N-Quads lines in the default graph
            self.store.bulk_load(input=nquads + ntriples, format=RdfFormat.N_QUADS, lenient=True)
        if self._runs is not None:
            self._runs.add(nquads, ntriples)

    def add_quads(self, quads: list[Quad]) -> None:
        """Add quads to existing named graphs, and their triples to the union (a syndicated
        copy's source joins the graph of the text it repeats)."""
        if not quads:
            return
        self.version += 1
        nquads = serialize(quads, format=RdfFormat.N_QUADS)
        ntriples = _GRAPH_NAME.sub(b" .\n", nquads)
        self.store.bulk_load(input=nquads + ntriples, format=RdfFormat.N_QUADS, lenient=True)
        if self._runs is not None:
            self._runs.add(nquads, ntriples)

    def remove_quads(self, quads: list[Quad]) -> None:
        """Remove quads from their named graphs, and their triples from the union when no other
        graph holds them (only for quads about the graph itself, which no other graph holds)."""
        for q in quads:
            if q in self.store:
                self.version += 1
                self.discard_runs()
                self.store.remove(q)
                self.store.remove(Quad(q.subject, q.predicate, q.object, DefaultGraph()))

    def keep_sorted_runs(self, kinds: Iterable[str], folder: Path | None = None) -> None:
        """From now on, keep each write's lines of ``kinds`` ("quads": N-Quads, "triples":
        N-Triples of the union) as sorted runs on disk, so the RDF exports merge them
        instead of reading the whole store back (decoding every term from RocksDB costs
        several microseconds a triple). Only for a graph that is empty now; any drop of a
        graph discards the runs (the union can no longer be told from them) and the
        exports read the store again. The runs go into a scratch folder inside ``folder``
        (the output folder, where a killed run's leftovers are found and removed by the next
        run; see ``graphbuild.scratch``), else into the system's temporary folder."""
        kinds = set(kinds)
        if not kinds <= _SortedRuns.KINDS:
            raise ValueError(f"unknown kinds of lines: {sorted(kinds - _SortedRuns.KINDS)}")
        if self._runs is None and kinds and self.is_empty():
            self._runs = _SortedRuns(kinds, folder)

    def discard_runs(self) -> None:
        if self._runs is not None:
            self._runs.cleanup()
            self._runs = None

    def has_graph(self, iri: str) -> bool:
        return self.store.contains_named_graph(NamedNode(iri))

    def drop_graph(self, iri: str) -> None:
        """Remove a named graph and, from the default graph, the triples no other graph holds.

        One SPARQL Update request, which Oxigraph applies as one transaction."""
        if not self.has_graph(iri):
            return
        self.version += 1
        self.discard_runs()
        g = NamedNode(iri)
        self.store.update(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ; DROP GRAPH {g}"
        )

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    # ------------------------------------------------------------ reading
    def is_empty(self) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None, None)), None) is None

    def quads(self) -> Iterator[Quad]:
        """Quads of the named graphs (the default graph is their union and is not repeated)."""
        return (q for q in self.store.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, DefaultGraph))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def cached(self, make: Callable[[KnowledgeGraph], T]) -> T:
        """``make(self)``, computed once per version of the graph (GraphML, GEXF and CSV share one network)."""
        if self._network is None or self._network[:2] != (self.version, make):
            self._network = (self.version, make, make(self))
        return self._network[2]

    def __len__(self) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, DefaultGraph()))

    def execute(self, sparql: str, bindings: dict[str, Binding] | None = None):
        """Oxigraph's own result of a query over the default graph (the union), graphbuild's
        prefixes predeclared; a syntax error is a ``GraphError``.

        ``bindings`` (variable name -> value, see ``binding_terms``) are substituted by the
        engine (pyoxigraph's ``substitutions``, SEP-0007): the value takes the variable's
        place throughout the query, sub-selects that return the variable included, and the
        query text is never touched, so ``Russia" || true || "`` is just a string that
        matches no actor. Oxigraph substitutes only variables a SELECT returns; for any
        other query (ASK, CONSTRUCT, a SELECT that uses a parameter only in a FILTER) the
        parameters are bound by the ``VALUES`` fallback, ``bind_values``.
        """
        try:
            if not bindings:
                return self.store.query(sparql, prefixes=PREFIXES)
            terms = binding_terms(bindings)
            try:
                return self.store.query(sparql, prefixes=PREFIXES,
                                        substitutions={Variable(k): t for k, t in terms.items()})
            except RuntimeError as exc:
                if "in its SELECT projection" not in str(exc):  # Oxigraph's word for "does not fit"
                    raise
            return self.store.query(bind_values(sparql, terms), prefixes=PREFIXES)
        except SyntaxError as exc:
            raise GraphError(f"SPARQL syntax error: {exc}") from None

    def query(self, sparql: str, bindings: dict[str, Binding] | None = None) -> QueryResult:
        """SELECT or ASK over the default graph, its rows held (see ``execute``)."""
        try:
            result = self.execute(sparql, bindings)
        except GraphError:
            raise
        except (OSError, ValueError) as exc:
            raise GraphError(f"SPARQL query failed: {exc}") from None
        if isinstance(result, QueryBoolean):
            return QueryResult(("ask",), ((str(bool(result)).lower(),),))
        if not isinstance(result, QuerySolutions):
            raise GraphError("only SELECT and ASK queries are supported")
        columns = result_columns(result, bindings)
        rows = tuple(tuple(term_text(sol[c]) for c in columns) for sol in result)
        return QueryResult(columns, rows)

    # ------------------------------------------------------------ writing out
    def write_rdf(self, path: Path, fmt: RdfFormat) -> None:
        """Write the graph to ``path`` in ``fmt``, in sorted order, with memory bounded
        however large the graph: triple formats get the union, quad formats the named graphs.

        The lines come sorted from the runs kept during the build (``keep_sorted_runs``),
        merged; otherwise Oxigraph dumps N-Triples/N-Quads lines to a scratch file beside
        ``path`` and they are sorted in runs on disk and merged (``sort_lines``). Turtle
        and TriG are then serialised from the sorted lines as they are parsed back. Sorting
        makes files identical whatever the store or the insertion order (Oxigraph's
        in-memory store iterates in insertion order) and diffs of two builds readable.
        """
        path = Path(path)
        kind, line_format = ("quads", RdfFormat.N_QUADS) if fmt.supports_datasets else ("triples", RdfFormat.N_TRIPLES)
        scratch = path.with_name(path.name + ".lines")
        ordered = path if fmt == line_format else path.with_name(path.name + ".sorted")
        try:
            runs = self._runs.files(kind) if self._runs is not None else None
            if runs is not None:
                merge_runs(runs, ordered)
            else:
                if kind == "quads":
                    serialize(self.quads(), str(scratch), RdfFormat.N_QUADS)
                else:
                    self.store.dump(str(scratch), RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
                sort_lines(scratch, ordered)
            if ordered != path:
                serialize(parse(path=str(ordered), format=line_format), str(path), fmt, prefixes=PREFIXES)
        finally:
            scratch.unlink(missing_ok=True)
            if ordered != path:
                ordered.unlink(missing_ok=True)

    def to_rdflib(self) -> rdflib.Graph:
        """The union graph as an rdflib Graph (for rdflib-only serialisers such as JSON-LD with a context)."""
        g = rdflib.Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        g.parse(io.BytesIO(self.store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())), format="nt")
        return g


def lacks_statements(path: str | Path) -> bool:
    """Whether a built graph (a file or a store folder) holds triples but no ``gb:Statement``,
    as one built from no documents does (the ontology only). A file is read only up to its
    first statement; a missing, empty or unreadable one is left for its loader to report."""
    p = Path(path)
    rdf_type, statement = NamedNode(RDF_NS + "type"), NamedNode(GB_NS + "Statement")
    if p.is_dir():
        store = KnowledgeGraph.open_store(p).store  # refuses a missing or empty store
        return next(iter(store.quads_for_pattern(None, rdf_type, statement, None)), None) is None
    fmt = FILE_FORMATS.get(p.suffix.lower())
    if fmt is None or not p.is_file():
        return False
    seen = False
    try:
        for t in parse(path=str(p), format=fmt):
            if t.predicate == rdf_type and t.object == statement:
                return False
            seen = True
    except (SyntaxError, ValueError, OSError):
        return False
    return seen


_GRAPH_NAME = re.compile(rb" <[^<>\n]*> \.\n")  # the graph name that closes an N-Quads line


def sort_lines(src: Path, dst: Path, run_lines: int = 200_000) -> None:
    """Sort the lines of ``src`` into ``dst``, dropping repeats, holding at most
    ``run_lines`` lines in memory: sorted runs go to scratch files that are then merged.
    Lines compare as UTF-8 bytes, which is code-point order."""
    runs: list[Path] = []
    try:
        with open(src, "rb") as fh:
            while chunk := list(islice(fh, run_lines)):
                run = dst.with_name(f"{dst.name}.run{len(runs)}")
                runs.append(run)
                run.write_bytes(b"".join(sorted(set(chunk))))
        merge_runs(runs, dst)
    finally:
        for run in runs:
            run.unlink(missing_ok=True)


def merge_runs(runs: list[Path], dst: Path) -> None:
    """Merge files of sorted lines into ``dst``, dropping repeats."""
    with ExitStack() as stack, open(dst, "wb") as out:
        files = [stack.enter_context(open(run, "rb")) for run in runs]
        previous = None
        for line in heapq.merge(*files):
            if line != previous:
                out.write(line)
                previous = line


class _SortedRuns:
    """Every write's N-Quads and/or N-Triples lines, sorted, one file per write, in a
    scratch folder made at the first write inside ``parent`` (removed by ``cleanup``)."""

    KINDS = frozenset({"quads", "triples"})

    def __init__(self, kinds: set[str], parent: Path | None = None) -> None:
        self.parent = Path(parent) if parent is not None else Path(tempfile.gettempdir())
        self.folder: Path | None = None
        self.made_parent = False  # a failed build leaves no empty output folder it made
        self.runs: dict[str, list[Path]] = {kind: [] for kind in sorted(kinds)}

    def add(self, nquads: bytes, ntriples: bytes) -> None:
        if self.folder is None:
            self.made_parent = not self.parent.exists()
            self.folder = make_scratch(self.parent, "runs")
        for kind, data in (("quads", nquads), ("triples", ntriples)):
            runs = self.runs.get(kind)
            if runs is not None:
                run = self.folder / f"{kind}{len(runs):06d}"
                lines = data.splitlines(keepends=True)
                lines.sort()  # repeats are dropped when the runs are merged
                run.write_bytes(b"".join(lines))
                runs.append(run)

    def files(self, kind: str) -> list[Path] | None:
        """The runs of ``kind``, or None when that kind is not being kept."""
        return self.runs.get(kind)

    def cleanup(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
            if self.made_parent:
                try:
                    self.parent.rmdir()  # only when empty: exports written there stay
                except OSError:
                    pass

    def __del__(self) -> None:
        self.cleanup()

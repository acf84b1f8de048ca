"""Exports: one registry of writers by format name, each a pure function from the
knowledge graph to file contents, and one atomic writer.

Every file is written atomically (temporary file in the same folder, then
``os.replace``), so a crash never leaves a half-written export and never loses
an earlier good one. ``export_graph`` writes every file of a run first and renames
them only when all are written, so a full disk halfway never leaves a new Turtle
beside an old GraphML.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat

from graphbuild.gexf import generate_gexf
from graphbuild.graphml import generate_graphml
from graphbuild.network import actor_network
from graphbuild.ontology import default_ontology_dir
from graphbuild.scratch import make_scratch, remove_stale, scratch_prefix
from graphbuild.store import KnowledgeGraph
from graphbuild.tables import generate_edges_csv, generate_nodes_csv
from graphbuild.view import generate_html


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` only when the
    block succeeds (after an fsync), removed when it fails."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the name carries this process's id, so a temporary file a kill leaves is removed by the next run
    fd, name = tempfile.mkstemp(prefix=f"{scratch_prefix('tmp')}{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; exports are ordinary files
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Writers take the graph and the (temporary) path to fill. The RDF ones stream from the
# store through sorted runs on disk, so memory stays flat however large the graph.
Writer = Callable[[KnowledgeGraph, Path], None]


def _rdf_writer(fmt: RdfFormat) -> Writer:
    return lambda g, path: g.write_rdf(path, fmt)


def _bytes_writer(generate: Callable[[KnowledgeGraph], bytes]) -> Writer:
    def write(g: KnowledgeGraph, path: Path) -> None:
        path.write_bytes(generate(g))
    return write


def write_nquads_gz(g: KnowledgeGraph, path: Path) -> None:
    plain = path.with_name(path.name + ".nq")
    try:
        g.write_rdf(plain, RdfFormat.N_QUADS)
        with open(plain, "rb") as src, open(path, "wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    finally:
        plain.unlink(missing_ok=True)


def jsonld_context(ontology_dir: Path | None = None) -> dict:
    """The JSON-LD context published with the ontology (``ontology/context.jsonld``)."""
    path = (ontology_dir or default_ontology_dir()) / "context.jsonld"
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def generate_jsonld(g: KnowledgeGraph) -> bytes:
    # rdflib compacts with our context; it is embedded, not referenced by URL, so readers
    # never need the network. (JSON-LD compaction needs the whole graph in memory; use
    # Turtle or N-Quads for very large graphs.)
    # rdflib emits nodes and multiple values in its sets' order, which changes from run to run
    # (string hashing is salted per process): they are sorted, so the same graph is the same file.
    doc = json.loads(g.to_rdflib().serialize(format="json-ld", context=jsonld_context(g.ontology_dir),
                                             auto_compact=True, encoding="utf-8"))
    if "@graph" in doc:
        doc["@graph"] = _sorted_values(doc["@graph"])
    return (json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _sorted_values(value: object, ordered: bool = False) -> object:
    """``value`` with every JSON array in canonical order (JSON-LD arrays are unordered sets),
    except the members of an ``@list``, whose order is the data."""
    if isinstance(value, dict):
        return {key: _sorted_values(item, key == "@list") for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_values(item) for item in value]
        return items if ordered else sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


@dataclass(frozen=True, slots=True)
class Exporter:
    """A format: the files it writes (name -> content function) and a one-line description."""

    files: dict[str, Writer]
    description: str
    lines: str = ""  # "triples" or "quads": sorted RDF lines the writer starts from (see KnowledgeGraph.write_rdf)
    network: bool = False  # drawn from the actor network (``actor_network``)


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter({"graph.ttl": _rdf_writer(RdfFormat.TURTLE)}, "RDF Turtle, the whole graph", "triples"),
    "nt": Exporter({"graph.nt": _rdf_writer(RdfFormat.N_TRIPLES)}, "RDF N-Triples, sorted lines", "triples"),
    "nquads": Exporter({"graph.nq": _rdf_writer(RdfFormat.N_QUADS)}, "RDF N-Quads, one named graph per document",
                       "quads"),
    "nquads-gz": Exporter({"graph.nq.gz": write_nquads_gz}, "gzipped N-Quads for bulk loaders", "quads"),
    "trig": Exporter({"graph.trig": _rdf_writer(RdfFormat.TRIG)}, "RDF TriG, one named graph per document",
                     "quads"),
    "jsonld": Exporter({"graph.jsonld": _bytes_writer(generate_jsonld)},
                       "JSON-LD with the context of ontology/context.jsonld"),
    "graphml": Exporter({"graph.graphml": _bytes_writer(generate_graphml)},
                        "GraphML for Gephi: actors and aggregated relations", network=True),
    "gexf": Exporter({"graph.gexf": _bytes_writer(generate_gexf)},
                     "GEXF 1.3 for Gephi, with colours, sizes and timeline spells", network=True),
    "csv": Exporter({"nodes.csv": _bytes_writer(generate_nodes_csv), "edges.csv": _bytes_writer(generate_edges_csv)},
                    "nodes.csv and edges.csv for Gephi's spreadsheet import and pandas", network=True),
    "html": Exporter({"graph.html": _bytes_writer(generate_html)},
                     "one self-contained HTML page: the actor network drawn by sigma.js, with search and filters", network=True),
}
DEFAULT_FORMATS = ("turtle", "graphml", "gexf")


class UnknownFormatError(ValueError):
    """An export format name that is not in ``EXPORTERS``."""


class OutputError(OSError):
    """An output (export folder or file, store) cannot be written; the message names it and the fix."""


def output_error(exc: OSError, path: Path, *, option: str, kept: str) -> OutputError:
    """One line for an ``OSError`` met while writing ``path``: what failed, the fix (in terms of
    the command-line ``option`` that chose the place) and what was ``kept`` intact."""
    reason = (exc.strerror or str(exc)).rstrip(".")
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        fix = f"free some space on that disk or point {option} at another one"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = f"point {option} at a folder you can write"
    elif exc.errno in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        fix = f"point {option} at a folder (or a path where one can be made)"
    else:
        fix = f"check {option}"
    return OutputError(f"{path}: cannot write ({reason[:1].lower() + reason[1:]}); {fix}; {kept}")


def check_out_dir(out_dir: Path, option: str = "--out") -> None:
    """Refuse, before any work, an output folder that is an existing file or lies under one."""
    p = Path(out_dir)
    for q in (p, *p.parents):
        if q.exists():
            if not q.is_dir():
                what = "is an existing file" if q == p else f"lies under {q}, which is a file"
                raise OutputError(f"{p}: {option} {what}, not a folder; pass a folder path (it is created if missing)")
            return


def check_formats(formats: list[str] | tuple[str, ...]) -> None:
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise UnknownFormatError(
            f"unknown export format {', '.join(map(repr, unknown))}; known formats: {', '.join(EXPORTERS)}"
        )


def lines_needed(formats: list[str] | tuple[str, ...]) -> set[str]:
    """Which sorted RDF lines ("triples", "quads") writing ``formats`` starts from."""
    return {EXPORTERS[f].lines for f in formats if EXPORTERS[f].lines}


def export_graph(g: KnowledgeGraph, out_dir: Path, formats: list[str] | tuple[str, ...] = DEFAULT_FORMATS) -> list[Path]:
    """Write the graph in each format into ``out_dir``; return the paths written.

    Every file is written into a scratch folder inside ``out_dir`` (same disk, so the
    renames are atomic) and the files replace the old exports only once all are written:
    a failure (a full disk, say) leaves every earlier export as it was and raises
    ``OutputError``. Scratch folders a killed run left behind are removed first.
    """
    check_formats(formats)
    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    files = [(name, write) for fmt in dict.fromkeys(formats) for name, write in EXPORTERS[fmt].files.items()]
    kept = "the earlier exports are unchanged"
    try:
        remove_stale(out_dir)
        scratch = make_scratch(out_dir, "export")
    except OSError as exc:
        raise output_error(exc, out_dir, option="--out", kept=kept) from None
    # The actor network's aggregation runs inside Oxigraph, which releases the GIL, so it is
    # made in a second thread while the RDF files are written (a 1 MB build's exports: 0.45 s of
    # queries beside 0.5 s of Turtle); the network writers then find it made.
    rdf = {name for fmt in formats if EXPORTERS[fmt].lines for name in EXPORTERS[fmt].files}
    ahead = bool(rdf) and any(EXPORTERS[fmt].network for fmt in formats)
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphbuild-network") as pool:
            network = pool.submit(actor_network, g) if ahead else None
            for name, write in sorted(files, key=lambda file: file[0] not in rdf):
                try:
                    if network is not None and name not in rdf:
                        network.result()  # (its error, if any, is the writer's own)
                    write(g, scratch / name)
                    with open(scratch / name, "rb+") as fh:
                        os.fsync(fh.fileno())
                except OSError as exc:
                    raise output_error(exc, out_dir / name, option="--out", kept=kept) from None
        for name, _write in files:
            os.replace(scratch / name, out_dir / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return [out_dir / name for name, _write in files]

"""Exports: one registry of writers by format name, each a pure function from the
knowledge graph to file contents, and one atomic writer.

Every file is written atomically (temporary file in the same folder, then
``os.replace``), so a crash never leaves a half-written export and never loses
an earlier good one.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat

from graphbuild.gexf import generate_gexf
from graphbuild.graphml import generate_graphml
from graphbuild.ontology import default_ontology_dir
from graphbuild.store import KnowledgeGraph
from graphbuild.tables import generate_edges_csv, generate_nodes_csv


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; exports are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sorted_lines(data: bytes) -> bytes:
    """Line-based RDF (N-Triples, N-Quads) in sorted order, so files are deterministic."""
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def generate_turtle(g: KnowledgeGraph) -> bytes:
    """The union of all graphs as Turtle (Turtle has no named graphs; use TriG to keep them)."""
    return g.serialize_triples(RdfFormat.TURTLE)


def generate_ntriples(g: KnowledgeGraph) -> bytes:
    return _sorted_lines(g.serialize_triples(RdfFormat.N_TRIPLES))


def generate_nquads(g: KnowledgeGraph) -> bytes:
    return _sorted_lines(g.serialize_quads(RdfFormat.N_QUADS))


def generate_trig(g: KnowledgeGraph) -> bytes:
    return g.serialize_quads(RdfFormat.TRIG)


def jsonld_context() -> dict:
    """The published JSON-LD context, ``ontology/context.jsonld``."""
    path = default_ontology_dir() / "context.jsonld"
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def generate_jsonld(g: KnowledgeGraph) -> bytes:
    # rdflib compacts with our context; it is embedded, not referenced by URL, so readers
    # never need the network.
    return g.to_rdflib().serialize(format="json-ld", context=jsonld_context(), auto_compact=True, encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Exporter:
    """A format: the files it writes (name -> content function) and a one-line description."""

    files: dict[str, Callable[[KnowledgeGraph], bytes]]
    description: str


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter({"graph.ttl": generate_turtle}, "RDF Turtle, the whole graph"),
    "nt": Exporter({"graph.nt": generate_ntriples}, "RDF N-Triples, sorted lines"),
    "nquads": Exporter({"graph.nq": generate_nquads}, "RDF N-Quads, one named graph per document"),
    "nquads-gz": Exporter({"graph.nq.gz": lambda g: gzip.compress(generate_nquads(g), mtime=0)},
                          "gzipped N-Quads for bulk loaders"),
    "trig": Exporter({"graph.trig": generate_trig}, "RDF TriG, one named graph per document"),
    "jsonld": Exporter({"graph.jsonld": generate_jsonld}, "JSON-LD with the context of ontology/context.jsonld"),
    "graphml": Exporter({"graph.graphml": generate_graphml}, "GraphML for Gephi: actors and aggregated relations"),
    "gexf": Exporter({"graph.gexf": generate_gexf}, "GEXF 1.3 for Gephi, with colours, sizes and timeline spells"),
    "csv": Exporter({"nodes.csv": generate_nodes_csv, "edges.csv": generate_edges_csv},
                    "nodes.csv and edges.csv for Gephi's spreadsheet import and pandas"),
}
DEFAULT_FORMATS = ("turtle", "graphml", "gexf")


class UnknownFormatError(ValueError):
    """An export format name that is not in ``EXPORTERS``."""


def check_formats(formats: list[str] | tuple[str, ...]) -> None:
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise UnknownFormatError(
            f"unknown export format {', '.join(map(repr, unknown))}; known formats: {', '.join(EXPORTERS)}"
        )


def export_graph(g: KnowledgeGraph, out_dir: Path, formats: list[str] | tuple[str, ...] = DEFAULT_FORMATS) -> list[Path]:
    """Write the graph in each format into ``out_dir``; return the paths written."""
    check_formats(formats)
    written = []
    for fmt in dict.fromkeys(formats):
        for name, generate in EXPORTERS[fmt].files.items():
            path = Path(out_dir) / name
            write_atomic(path, generate(g))
            written.append(path)
    return written

"""Pipeline: wires ingest -> nlp -> extract -> rdf -> export as one stream.

Documents flow through spaCy's ``nlp.pipe`` in batches and leave as plain
``Triple`` records, so nothing downstream holds spaCy objects. Bad documents are
reported through ``on_error`` and skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.export import DEFAULT_FORMATS, check_formats, export_graph
from graphbuild.extract import Extractor
from graphbuild.ingest import IngestError, read_documents
from graphbuild.nlp import load_pipeline
from graphbuild.ontology import Ontology, load_ontology
from graphbuild.rdf import build_graph
from graphbuild.types import Document, Triple


@dataclass
class RunStats:
    """Counts of one run, for the CLI summary."""

    documents: int = 0
    sentences: int = 0
    triples: int = 0
    actors: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _ignore(_doc: Document) -> None:
    return None


def iter_triples(
    documents: Iterable[Document],
    *,
    onto: Ontology | None = None,
    model: str | None = None,
    batch_size: int = 16,
    stats: RunStats | None = None,
    on_document: Callable[[Document], None] = _ignore,
) -> Iterator[Triple]:
    """Parse documents in batches and yield their triples in document order."""
    onto = onto or load_ontology()
    nlp = load_pipeline(onto, model)
    extractor = Extractor(onto)
    stats = stats if stats is not None else RunStats()

    def texts() -> Iterator[tuple[str, Document]]:
        for doc in documents:
            if len(doc.text) >= nlp.max_length:
                nlp.max_length = len(doc.text) + 1
            yield doc.text, doc

    for spacy_doc, document in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        stats.documents += 1
        stats.sentences += sum(1 for _ in spacy_doc.sents)
        for triple in extractor.extract(spacy_doc, document):
            stats.triples += 1
            stats.actors.update((triple.subject.key, triple.object.key))
            yield triple
        on_document(document)


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] | list[str] = DEFAULT_FORMATS,
    model: str | None = None,
    ontology_dir: Path | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    on_document: Callable[[Document], None] = _ignore,
) -> RunStats:
    """Build the knowledge graph of ``paths`` and write it to ``out_dir`` in ``formats``."""
    check_formats(formats)
    onto = load_ontology(ontology_dir)
    stats = RunStats()

    def report(exc: IngestError) -> None:
        stats.skipped.append(str(exc))
        if on_error is not None:
            on_error(exc)

    documents: list[Document] = []

    def keep(doc: Document) -> Document:
        documents.append(doc)
        return doc

    docs = (keep(d) for d in read_documents(paths, on_error=report))
    triples = list(iter_triples(docs, onto=onto, model=model, stats=stats, on_document=on_document))
    graph = build_graph(documents, triples, onto)
    stats.files = export_graph(graph, Path(out_dir), formats)
    return stats

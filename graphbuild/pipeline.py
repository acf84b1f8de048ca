"""Pipeline: wires ingest -> nlp -> extract -> rdf -> store -> export as one stream.

Documents flow through spaCy's ``nlp.pipe`` in batches and leave as plain
``Triple`` records, which go into the document's own named graph at once, so
memory stays flat however large the corpus. With an on-disk store the build state
(``graphbuild.state``) records, per document, the hash of its text and the extractor
version, model and ontology it was extracted under; a re-run skips unchanged
documents, re-extracts changed ones and drops the graphs of deleted ones. The state
is committed after every batch, after the batch's graphs are written, so an
interrupted build resumes where it stopped and converges to the graph of an
uninterrupted one.

With ``jobs`` > 1 the parsing and the rules run in that many worker processes
(``graphbuild.parallel``), which send back the same plain records; this process reads the
input, writes the store and the state in input order, so the graph, the exports and the
state are the same whatever the number of workers.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from graphbuild import __version__
from graphbuild.errors import NoDocumentsError
from graphbuild.filters import Filter, filtered
from graphbuild.export import (
    DEFAULT_FORMATS,
    OutputError,
    check_formats,
    check_out_dir,
    export_graph,
    lines_needed,
    output_error,
)
from graphbuild.ingest import MAX_FILE_SIZE, IngestError, IngestWarning, make_document, read_documents
from graphbuild.nlp import ModelNotFoundError, check_ner_mode, find_model
from graphbuild.ontology import Ontology, OntologyError, load_ontology, ontology_fingerprint
from graphbuild.parallel import map_in_order
from graphbuild.parsing import batches, parse_then_finish, raise_reported, reported, where
from graphbuild.rdf import document_iri, document_quads, source_label, source_of_key, source_quad
from graphbuild.scratch import remove_stale
from graphbuild.state import BuildState
from graphbuild.store import KnowledgeGraph
from graphbuild.types import Document, Triple

# Bump when the rules change what they extract, so incremental builds redo every document.
EXTRACTOR_VERSION = "19"
# Store writes: each bulk write adds files RocksDB must later compact, so writes are few and
# large; the byte bound keeps memory flat.
# GRAPHBUILD_WRITE_BATCH_DOCUMENTS lowers the document bound (smaller commits, slower builds).
WRITE_BATCH_BYTES = 8 << 20
WRITE_BATCH_DOCUMENTS = int(os.environ.get("GRAPHBUILD_WRITE_BATCH_DOCUMENTS", "1000"))

@dataclass
class RunStats:
    """Counts of one run, for the CLI summary."""

    documents: int = 0  # documents read
    sentences: int = 0  # sentences parsed in this run
    triples: int = 0  # triples extracted in this run
    actors: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)  # unreadable inputs
    unchanged: int = 0  # incremental: documents whose graph was kept
    extracted: int = 0  # documents parsed and (re)written
    removed: int = 0  # incremental: graphs of documents no longer in the input
    duplicates: int = 0  # documents whose text repeats an earlier one
    files: list[Path] = field(default_factory=list)
    export_seconds: float = 0.0  # writing the export files, after the last document (benchmarks)
    seconds: float = 0.0  # the whole run
    languages: dict[str, int] = field(default_factory=dict)  # documents read, by main language




class WorkerLostWarning(IngestWarning):
    """A worker process died with documents in flight: they are redone one at a time (so only
    one that kills its worker again is skipped); the message names them."""


def _ignore(_doc: Document) -> None:
    return None


def document_key(doc: Document) -> str:
    """Identity of an input document across runs: its file, or corpus file + record id."""
    return doc.source if doc.line is None else f"{doc.source}#{doc.id}"


def config_fingerprint(onto: Ontology, model: str, ner: str = "on") -> str:
    """Extractor version + model + NER mode + the bytes of every ontology data file (dictionaries
    included). The default NER mode adds nothing, so stores built before ``--ner`` stay current."""
    h = hashlib.sha256(f"{EXTRACTOR_VERSION}\x1f{__version__}\x1f{model}\x1f".encode())
    if ner != "on":
        h.update(f"ner={ner}\x1f".encode())
    h.update(ontology_fingerprint(onto.directory).encode())  # the dictionaries/ tables included
    return h.hexdigest()


# With --jobs: documents go to the workers in chunks of at most CHUNK_DOCUMENTS documents or
# (past the first) CHUNK_CHARS characters, a few seconds of parsing: small enough that the
# last chunks keep every core busy, large enough that shipping them costs nothing beside the parse.
CHUNK_DOCUMENTS = 8
CHUNK_CHARS = 50_000


def iter_extracted(
    documents: Iterable[Document],
    *,
    onto: Ontology,
    model: str | None = None,
    batch_size: int = 16,
    max_chars: int | None = None,
    jobs: int = 1,
    on_failure: Callable[[IngestError], None] | None = None,
    ner: str = "on",
) -> Iterator[tuple[Document, list[Triple], int]]:
    """Parse documents in batches and yield each with its triples and sentence count, in input order.

    A document longer than ``SPLIT_ABOVE`` characters is parsed in pieces of ``max_chars``
    (default ``PIECE_CHARS``) cut at paragraph, line or word boundaries; offsets and sentence
    numbers stay those of the whole document. With ``jobs`` > 1, in that many worker processes.
    A document whose extraction fails goes to ``on_failure`` (default: raised) and is skipped.
    ``ner`` says where spaCy's NER runs (``nlp.NER_MODES``).
    """
    if jobs > 1:
        yield from _in_workers(extract_triples, documents, jobs=jobs, onto=onto, model=model, max_chars=max_chars,
                               on_failure=on_failure, ner=ner)
        return
    yield from parse_then_finish(documents, onto=onto, model=model, batch_size=batch_size, max_chars=max_chars,
                                 ner=ner, finish=lambda doc, triples, sentences: (doc, triples, sentences),
                                 on_failure=on_failure)


@dataclass(frozen=True)
class Extracted:
    """One document's contribution, ready for the store: the unit local and Dask builds share."""

    doc: Document
    nquads: bytes  # the document's graph as N-Quads: compact, and what Dask workers send back
    sentences: int
    triples: int
    actors: frozenset[str]


def extract_local(documents: Iterable[Document], *, onto: Ontology, model: str | None = None,
                  max_chars: int | None = None, jobs: int = 1,
                  on_failure: Callable[[IngestError], None] | None = None, ner: str = "on"
                  ) -> Iterator[Extracted]:
    """Extraction on this machine: parse, apply the rules, build the document's quads; in this
    process, or with ``jobs`` > 1 in that many worker processes (results in input order; a document
    whose extraction fails goes to ``on_failure``, default: raised, and is skipped)."""
    if jobs > 1:
        yield from _in_workers(extract_documents, documents, jobs=jobs, onto=onto, model=model, max_chars=max_chars,
                               on_failure=on_failure, ner=ner)
        return

    def finish(doc: Document, triples: list[Triple], sentences: int) -> Extracted:
        # the document's quads are made beside the parse too, with its rules
        return Extracted(doc, serialize(document_quads(doc, triples, onto), format=RdfFormat.N_QUADS), sentences,
                         len(triples), frozenset(k for t in triples for k in (t.subject.key, t.object.key)))

    yield from parse_then_finish(documents, onto=onto, model=model, batch_size=16, max_chars=max_chars, ner=ner,
                                 finish=finish, on_failure=on_failure)


def extract_documents(docs: list[Document], *, model: str | None, ontology_dir: Path | None,
                      max_chars: int | None = None, ner: str = "on") -> list[Extracted]:
    """Worker side of a parallel or a Dask build: documents in, their ``Extracted`` records out,
    one per document in order (plain data: spaCy objects never leave the worker). The ontology
    and the pipeline are loaded once per process (both are cached)."""
    return list(extract_local(docs, onto=load_ontology(ontology_dir), model=model, max_chars=max_chars, ner=ner))


def extract_triples(docs: list[Document], *, model: str | None, ontology_dir: Path | None,
                    max_chars: int | None = None, ner: str = "on") -> list[tuple[Document, list[Triple], int]]:
    """Worker side of a parallel ``extract``: each document with its triples and sentence count."""
    return list(iter_extracted(docs, onto=load_ontology(ontology_dir), model=model, max_chars=max_chars, ner=ner))


def warm_worker(*, model: str | None, ontology_dir: Path | None, max_chars: int | None = None,
                ner: str = "on") -> None:
    """Load what every worker of ``extract_documents`` and ``extract_triples`` needs (the ontology,
    the spaCy pipeline, the city gazetteer) into this process, for workers forked from it."""
    # one short document through every stage touches what loads on first use (the gazetteer, the
    # fuzzy name index, the rules' tables)
    text = ("Russia's Foreign Minister Sergey Lavrov met Jean Dupont of the Ruritanian Trade Office in Geneva "
            "on Monday. He said Moscow would not join the talks, and China criticised the United States.")
    extract_documents([make_document("warm-up", text, source="warm-up")], model=model, ontology_dir=ontology_dir,
                      max_chars=max_chars, ner=ner)
    gc.freeze()  # (as the pipeline's: forked workers then share these pages instead of copying them)


def _lost_warning(docs: list[Document]) -> WorkerLostWarning:
    names = ", ".join(where(d) for d in docs[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
    return WorkerLostWarning(f"a worker process died (killed, out of memory, or a crash in native code) with "
                             f"{len(docs)} document(s) in flight: {names}; redoing them one at a time")


def _in_workers(work: Callable[..., list], documents: Iterable[Document], *, jobs: int, onto: Ontology,
                model: str | None, max_chars: int | None, on_failure: Callable[[IngestError], None] | None,
                ner: str = "on") -> Iterator:
    """``work``'s results over ``documents`` on ``jobs`` worker processes, in input order; the
    documents stream to the workers in chunks, never all read first."""
    check_ner_mode(ner)  # here, not once per document in the workers
    chunks = ([doc for _text, doc in group]
              for group in batches(((d.text, d) for d in documents), CHUNK_DOCUMENTS, CHUNK_CHARS))
    kwargs = {"model": model, "ontology_dir": onto.directory, "max_chars": max_chars, "ner": ner}
    # a model or an ontology that cannot load fails every document alike: it ends the run
    fatal = (ModelNotFoundError, OntologyError)
    # (closed with this generator, not when collected: closing it stops the workers)
    with closing(map_in_order(work, chunks, jobs=jobs, kwargs=kwargs, fatal=fatal, warm=warm_worker,
                              on_lost=lambda docs: (on_failure or raise_reported)(_lost_warning(docs)))) as stream:
        for results in stream:
            yield from reported(results, on_failure)


def _write_batches(items: Iterable[Extracted]) -> Iterator[list[Extracted]]:
    """Items grouped for one store write each: up to ``WRITE_BATCH_BYTES`` of N-Quads or
    ``WRITE_BATCH_DOCUMENTS`` documents, whichever comes first."""
    batch: list[Extracted] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.nquads)
        if size >= WRITE_BATCH_BYTES or len(batch) >= WRITE_BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def build_graph(
    documents: Iterable[Document],
    *,
    onto: Ontology,
    kg: KnowledgeGraph | None = None,
    model: str | None = None,
    stats: RunStats | None = None,
    max_chars: int | None = None,
    on_document: Callable[[Document], None] = _ignore,
    on_duplicate: Callable[[Document], None] = _ignore,
    extract: Callable[[Iterable[Document]], Iterator[Extracted]] | None = None,
    jobs: int = 1,
    on_failure: Callable[[IngestError], None] | None = None,
    ner: str = "on",
) -> KnowledgeGraph:
    """Extract documents into a knowledge graph (incrementally when ``kg`` is an on-disk store).

    ``extract`` turns the documents that need work into ``Extracted`` records; by
    default on this machine (``extract_local``: in this process, or in ``jobs`` worker processes,
    where a failed document goes to ``on_failure`` and is skipped), or on a Dask cluster. ``on_document``
    hears of each document as soon as it is parsed (or found unchanged); ``on_duplicate`` of
    each whose text an earlier one had: it is kept once, and its graph names every source.
    ``ner`` says where spaCy's NER runs (``nlp.NER_MODES``); it is part of the configuration an
    incremental build compares, so changing it redoes every document.
    """
    kg = kg if kg is not None else KnowledgeGraph()
    stats = stats if stats is not None else RunStats()
    extract = extract or (lambda docs: extract_local(docs, onto=onto, model=model, max_chars=max_chars, jobs=jobs,
                                                     on_failure=on_failure, ner=ner))
    state = BuildState(kg.path, config_fingerprint(onto, find_model(model), ner))
    kg.load_ontology(onto)
    read_before = stats.documents
    syndicated: list[Document] = []

    def parsed(items: Iterable[Extracted]) -> Iterator[Extracted]:
        for item in items:
            on_document(item.doc)  # the progress moves per parsed document, not per store write
            yield item

    def todo() -> Iterator[Document]:
        for doc in documents:
            stats.documents += 1
            stats.languages[doc.language or "?"] = stats.languages.get(doc.language or "?", 0) + 1
            key = document_key(doc)
            if not state.first_time_text(doc.sha256):
                stats.duplicates += 1  # same text as an earlier document: one graph serves both
                state.current(key, doc.sha256)  # (marks it seen, so its graph is kept)
                state.record(key, doc.sha256)  # tracked, so the source goes when the copy goes
                syndicated.append(doc)  # its source joins the graph's once the graph is written
                on_duplicate(doc)
                on_document(doc)
                continue
            if state.current(key, doc.sha256) and kg.has_graph(document_iri(doc.sha256)):
                stats.unchanged += 1
                on_document(doc)
                continue
            yield doc

    def settle(write: Future[None], batch: list[Extracted]) -> None:
        """Wait for a batch's write, then record its documents in the state."""
        try:
            write.result()
        finally:
            # a failed write's error refers to this frame and the future to the error: drop
            # the future so the cycle does not keep the store (and its lock) until the next gc
            del write
        for item in batch:
            state.record(document_key(item.doc), item.doc.sha256)
            stats.extracted += 1
            stats.sentences += item.sentences
            stats.triples += item.triples
            stats.actors.update(item.actors)
        state.commit()  # after the batch's graphs are written: a re-run never skips a lost one

    # One store write in flight while the next batch is parsed: Oxigraph's bulk load
    # releases the GIL, so it runs on another core beside spaCy. The state is touched by
    # this thread only, and no graph is dropped while a write is in flight.
    pending: tuple[Future[None], list[Extracted]] | None = None
    extracted = extract(todo())
    try:
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphbuild-store") as writer:
                for batch in _write_batches(parsed(extracted)):
                    if pending is not None:
                        settle(*pending)
                        pending = None
                    for item in batch:
                        old = state.sha_of(document_key(item.doc))
                        if old is not None and old != item.doc.sha256 and not state.text_in_run(old):
                            kg.drop_graph(document_iri(old))  # changed text: the old graph goes
                    # replace semantics per document graph, the whole batch in one write
                    pending = (writer.submit(kg.write_graphs, [document_iri(item.doc.sha256) for item in batch],
                                             b"".join(i.nquads for i in batch)), batch)
                if pending is not None:
                    settle(*pending)
                    pending = None
        except BaseException:
            # interrupted (Ctrl-C) or failed while parsing: the write in flight has finished (the
            # executor waits for it), so record it if it succeeded; a re-run need not redo it
            if pending is not None and pending[0].exception() is None:
                settle(*pending)
            raise
        finally:
            close = getattr(extracted, "close", None)
            if close is not None:
                close()  # a generator's clean-up runs now, not at exit: worker processes stop, shards go

        if stats.documents == read_before:
            # an empty or unreadable input is a mistake, not a corpus whose documents were all
            # deleted: dropping every graph (and then replacing good exports) would lose the work
            raise NoDocumentsError("no documents were read")
        for key, sha in state.unseen():
            state.forget(key)
            if not state.text_in_run(sha) and not state.sha_in_use(sha):
                kg.drop_graph(document_iri(sha))
            elif kg.has_graph(document_iri(sha)):
                kg.remove_quads([source_quad(document_iri(sha), source_of_key(key))])  # a copy went
            stats.removed += 1
        if syndicated:
            kg.add_quads([source_quad(document_iri(d.sha256), source_label(d)) for d in syndicated])
        state.commit()
    finally:
        pending = None  # (the same cycle as in settle)
        state.close()
    if kg.path is not None:
        kg.flush()
    return kg


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path | None,
    *,
    formats: tuple[str, ...] | list[str] = DEFAULT_FORMATS,
    model: str | None = None,
    ontology_dir: Path | None = None,
    store: Path | None = None,
    max_chars: int | None = None,
    max_file_size: int = MAX_FILE_SIZE,
    on_error: Callable[[IngestError], None] | None = None,
    on_document: Callable[[Document], None] = _ignore,
    extractor: Callable[[Ontology], Callable[[Iterable[Document]], Iterator[Extracted]]] | None = None,
    jobs: int = 1,
    keep: Filter | None = None,
    ner: str = "on",
) -> RunStats:
    """Build the knowledge graph of ``paths`` (in memory, or in the on-disk ``store``) and
    write it to ``out_dir`` in ``formats`` (no exports when ``out_dir`` is None).

    ``extractor`` makes the extraction function from the ontology (default: on this machine,
    in this process or in ``jobs`` worker processes; ``distributed`` passes one that runs on Dask).
    A document whose extraction fails in a worker is reported through ``on_error`` and skipped.
    ``keep`` cuts the exports (not the store) to the statements a ``Filter`` selects; ``ner`` says
    where spaCy's NER runs (``nlp.NER_MODES``: on, auto, off).
    """
    check_formats(formats)
    started_run = time.perf_counter()
    onto = load_ontology(ontology_dir)
    stats = RunStats()

    def report(exc: IngestError) -> None:
        if not isinstance(exc, IngestWarning):  # a warned record was repaired and kept
            stats.skipped.append(str(exc))
        if on_error is not None:
            on_error(exc)

    paths = list(paths)
    exporting = out_dir is not None and bool(formats)
    if exporting:
        check_out_dir(Path(out_dir))  # before the work, not after it
        remove_stale(Path(out_dir))  # scratch folders of killed runs
    kg = KnowledgeGraph(store) if store is not None else KnowledgeGraph()
    if exporting:
        # a fresh graph keeps its writes as sorted runs (in the output folder): the RDF
        # exports merge them instead of reading every triple back out of the store
        kg.keep_sorted_runs(lines_needed(formats), Path(out_dir))
    failure: Exception | None = None
    try:
        docs = read_documents(paths, on_error=report, max_file_size=max_file_size)
        build_graph(docs, onto=onto, kg=kg, model=model, stats=stats,
                    max_chars=max_chars, on_document=on_document,
                    on_duplicate=lambda d: report(IngestWarning(
                        f"{d.source if d.line is None else f'{d.source}:{d.line}'}: same text as an earlier "
                        "document; kept once, with every source in its graph")),
                    extract=extractor(onto) if extractor is not None else None, jobs=jobs, on_failure=report,
                    ner=ner)
        if exporting:
            started = time.perf_counter()
            stats.files = export_graph(filtered(kg, keep) if keep is not None else kg, Path(out_dir), formats)
            stats.export_seconds = time.perf_counter() - started
    except NoDocumentsError:
        skipped = f" ({len(stats.skipped)} skipped as unreadable)" if stats.skipped else ""
        kept = f"; the exports in {out_dir} were left as they were" if exporting else ""
        kept += f"; the store {store} was left as it was" if store is not None else ""
        failure = NoDocumentsError(f"no documents read from {', '.join(map(str, paths))}{skipped}{kept}; pass "
                                   "files or folders holding .txt, .md or .html documents, or .jsonl corpora")
    except OutputError as exc:  # export_graph's own, already one line
        failure = exc.with_traceback(None)
    except OSError as exc:
        in_out = exporting and str(Path(out_dir)) in str(getattr(exc, "filename", "") or "")
        if store is not None and not in_out:
            failure = output_error(exc, Path(store), option="--store",
                                   kept="the store keeps what was written; run the build again to finish")
        else:
            failure = output_error(exc, Path(out_dir) if exporting else Path("."), option="--out",
                                   kept="the earlier exports are unchanged")
    finally:
        kg.discard_runs()
    if failure is not None:
        # raised out here, so no traceback of the build keeps the store (and its RocksDB lock) open
        del kg
        raise failure
    stats.seconds = time.perf_counter() - started_run
    return stats

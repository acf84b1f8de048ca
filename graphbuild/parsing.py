"""Parsing: documents through spaCy in bounded batches, with the rules beside the parse.

``parse_then_finish`` is the one loop every in-process extraction runs (a build, ``extract``, each
worker of a parallel or Dask run): long documents cut into pieces, pieces grouped into batches
bounded in documents and characters, each batch parsed in this thread while the rules run on the
batch before in another, results handed back in input order. A document whose extraction raises
is reported and skipped, never the end of the run.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc

from graphbuild.extract import Extractor
from graphbuild.ingest import IngestError, IngestWarning
from graphbuild.language import readable
from graphbuild.nlp import load_pipeline
from graphbuild.ontology import Ontology
from graphbuild.parallel import Failed, describe
from graphbuild.types import Document, Triple

_T = TypeVar("_T")


class ExtractionError(IngestError):
    """One document's extraction failed (an exception, or its worker process died): it is
    reported and skipped like an unreadable input, and a re-run tries it again."""


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Chunks of at most ``max_chars`` cut at paragraph (else line, else space) boundaries,
    each with its offset in ``text``: documents over spaCy's max_length are split, never rejected."""
    if len(text) <= max_chars:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", " "):
                cut = window.rfind(sep)
                if cut > 0:
                    end = start + cut + len(sep)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks


# Memory: spaCy's peak grows with the characters parsed at once (about 2.9 GB per million), so a
# document longer than SPLIT_ABOVE is parsed in pieces of PIECE_CHARS, and a batch stops growing
# once it holds BATCH_CHARS: one giant document costs what a few news articles do. Shorter
# documents are parsed whole, as their pronouns, surnames and main dyad need the whole text.
SPLIT_ABOVE = 100_000
PIECE_CHARS = 20_000
BATCH_CHARS = 100_000
# The GIL switch interval while the rules run beside the parse (see parse_then_finish).
GIL_SWITCH_SECONDS = 0.0005


def batches(items: Iterable[tuple[str, object]], max_items: int, max_chars: int
            ) -> Iterator[list[tuple[str, object]]]:
    """Consecutive groups of at most ``max_items`` items and, past the first, ``max_chars`` characters."""
    group: list[tuple[str, object]] = []
    size = 0
    for item in items:
        if group and (len(group) >= max_items or size + len(item[0]) > max_chars):
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[0])
    if group:
        yield group


def parse_then_finish(documents: Iterable[Document], *, onto: Ontology, model: str | None, batch_size: int,
                      max_chars: int | None, ner: str, finish: Callable[[Document, list[Triple], int], _T],
                      on_failure: Callable[[IngestError], None] | None) -> Iterator[_T]:
    """``finish(document, triples, sentences)`` for each document, in input order: spaCy
    parses in this thread while the rules and ``finish`` run on the batch before in another. A
    document whose rules raise goes to ``on_failure`` (without one, its exception is raised) and
    the others go on.

    Why a thread: spaCy's parser and its matrix products release the GIL, so the rules, pure
    Python, run beside the parse on the second core (measured on the 1 MB bench corpus: 2.3 s
    of rules add 0.9 s to a 26 s parse instead of 2.3 s). One batch is in flight, so memory
    stays that of two batches. The rules only read finished Docs; what they share with the parse
    (the vocabulary's strings) is changed only under the GIL. ``documents`` is read in the caller's
    thread, as its progress and state callbacks expect. (A second process instead of the thread
    was tried: the parse ran 0.3-0.6 s faster on 1 MB, but packing each batch as a ``DocBin`` and
    starting the process cost more than that.)
    """
    nlp = load_pipeline(onto, model, ner=ner)
    limit = min(max_chars or PIECE_CHARS, nlp.max_length - 1)
    extractor = Extractor(onto)

    def chunks() -> Iterator[tuple[str, tuple[Document, int, int, int]]]:
        for doc in documents:
            try:
                text = readable(doc.text, doc.foreign)  # lines in other languages are blanked, offsets kept
                whole = len(text) <= min(SPLIT_ABOVE, nlp.max_length - 1) and max_chars is None
                parts = [(0, text)] if whole else split_text(text, limit)
            except Exception as exc:  # noqa: BLE001 - as a failure in the rules: reported, skipped
                yield from reported([_Raised(doc, exc)], on_failure)  # (yields nothing)
                continue
            for n, (offset, part) in enumerate(parts):
                yield part, (doc, offset, n, len(parts))

    # a document parsed in pieces may span batches: its triples so far, kept by the rules thread alone
    triples: list[Triple] = []
    sentence_base = 0
    failed = False  # a piece of the document raised: its later pieces are skipped

    def rules(parsed: list[tuple[Doc, tuple[Document, int, int, int]]]) -> list[_T | _Raised]:
        nonlocal triples, sentence_base, failed
        done: list[_T | _Raised] = []
        for spacy_doc, (doc, offset, n, total) in parsed:
            if n == 0:
                triples, sentence_base, failed = [], 0, False
            if failed:
                continue
            try:
                triples += extractor.extract(spacy_doc, doc, offset=offset, sentence_base=sentence_base)
                sentence_base += sum(1 for _ in spacy_doc.sents)
                if n == total - 1:
                    done.append(finish(doc, triples, sentence_base))
            except Exception as exc:  # noqa: BLE001 - one document's failure must not end the run
                failed = True
                done.append(_Raised(doc, exc))
        return done

    # The parse needs the GIL back after each of its native steps; while the rules hold it, it
    # waits for the switch interval (5 ms by default) to pass: a shorter one gives it back sooner
    # (measured on the 1 MB bench build: 0.2 to 0.9 s less in each of four interleaved pairs).
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, GIL_SWITCH_SECONDS))
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphbuild-rules") as pool:
            pending: Future[list[_T | _Raised]] | None = None
            for group in batches(chunks(), batch_size, BATCH_CHARS):
                parsed = list(nlp.pipe(group, as_tuples=True, batch_size=len(group)))
                submitted = pool.submit(rules, parsed)
                del parsed
                if pending is not None:
                    yield from reported(pending.result(), on_failure)
                pending = submitted
            if pending is not None:
                yield from reported(pending.result(), on_failure)
    finally:
        sys.setswitchinterval(switch)


def raise_reported(exc: IngestError) -> None:
    if isinstance(exc, IngestWarning):  # nothing is lost: the documents are redone
        warnings.warn(exc, stacklevel=2)
        return
    raise exc


def where(doc: Document) -> str:
    return doc.source if doc.line is None else f"{doc.source}:{doc.line}"


@dataclass(frozen=True)
class _Raised:
    """A document whose extraction raised in this process."""

    doc: Document
    exc: Exception


def reported(results: Iterable[_T | Failed | _Raised], on_failure: Callable[[IngestError], None] | None
             ) -> Iterator[_T]:
    """The results, each failed one reported to ``on_failure`` (as an ``ExtractionError``) instead.
    Without ``on_failure``, an exception raised here is raised again as it was (so a worker's
    own isolation sees it), a worker's ``Failed`` as an ``ExtractionError``."""
    for result in results:
        if isinstance(result, _Raised) and on_failure is None:
            raise result.exc
        if isinstance(result, Failed):
            doc, reason = result.item, result.reason
        elif isinstance(result, _Raised):
            doc, reason = result.doc, describe(result.exc)
        else:
            yield result
            continue
        (on_failure or raise_reported)(ExtractionError(f"{where(doc)}: extraction failed, {reason}; "
                                                       "not extracted (a re-run tries it again)"))

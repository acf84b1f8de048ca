"""Distributed: extraction mapped over partitions on a Dask cluster.

Each worker process loads the ontology and the spaCy pipeline once (both are
cached per process) and returns, per document, N-Quads text and counts: plain
strings, never spaCy objects. The driver writes each partition's result as a
shard into a scratch folder (``graphbuild.scratch``: beside the store, else in the
output folder) and renames the folder only when every partition has succeeded;
then the shards are loaded into the store with the same incremental bookkeeping
as a local build (``pipeline.build``), so a Dask build and a local build of the
same input give the same graph.

Requires the optional extra: ``pip install 'graphbuild[dask]'``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from pathlib import Path

from graphbuild.errors import DASK_TIMEOUT, DaskUnavailableError
from graphbuild.export import DEFAULT_FORMATS, write_atomic
from graphbuild.filters import Filter
from graphbuild.ingest import MAX_FILE_SIZE, IngestError
from graphbuild.pipeline import Extracted, RunStats, build, extract_documents
from graphbuild.scratch import make_scratch, remove_stale
from graphbuild.types import Document

PARTITION_SIZE = 8
# Seconds a build waits with no worker on the cluster before it gives up (``build --dask-timeout``).




def extract_partition(records: list[dict], model: str | None, ontology_dir: str | None,
                      ner: str = "on") -> list[dict]:
    """Worker side: documents (as dicts) in, per-document N-Quads and counts out (the same worker
    function as ``build --jobs``, its records as JSON-ready dicts for the shards)."""
    docs = [Document(**r) for r in records]
    out = []
    for item in extract_documents(docs, model=model, ontology_dir=Path(ontology_dir) if ontology_dir else None,
                                  ner=ner):
        out.append({
            "doc": asdict(item.doc),
            "nquads": item.nquads.decode("utf-8"),
            "sentences": item.sentences,
            "triples": item.triples,
            "actors": sorted(item.actors),
        })
    return out


def _partitions(docs: Iterable[Document], size: int) -> Iterator[list[dict]]:
    it = iter(docs)
    while part := list(islice(it, size)):
        yield [asdict(d) for d in part]


def _client(scheduler: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailableError(
            "--dask needs the dask extra; run `pip install 'graphbuild[dask]'`") from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address (ValueError)
        raise DaskUnavailableError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); pass --dask local or "
                                   "a running scheduler's address such as tcp://HOST:8786") from None


def _gather(client, futures: list, *, scheduler: str, timeout: float) -> list:
    """The partitions' results, in order; ``DaskUnavailableError`` once the cluster has had no
    worker for ``timeout`` seconds (Dask itself would wait for one forever) or the scheduler is lost."""
    from distributed import KilledWorker, wait

    pending = set(futures)
    alone_since: float | None = None
    poll = max(0.1, min(2.0, timeout / 4))
    try:
        while pending:
            done, pending = _wait_some(wait, pending, poll)
            if any(f.status == "error" for f in done):
                break  # gather raises the partition's error
            if not pending:
                break
            if client.nthreads():
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since >= timeout:
                raise DaskUnavailableError(
                    f"the Dask cluster at {scheduler} has had no worker for {timeout:g} s, {len(pending)} of "
                    f"{len(futures)} partitions unfinished; start workers (dask worker {scheduler}) or raise "
                    "--dask-timeout") from None
        return client.gather(futures)  # raises if any partition failed: nothing is loaded then
    except KilledWorker as exc:
        raise DaskUnavailableError(f"a partition killed every Dask worker that ran it ({exc}); nothing was loaded; "
                                   "give the workers more memory (dask worker --memory-limit)") from None
    except OSError as exc:  # the scheduler went away (CommClosedError is an OSError)
        raise DaskUnavailableError(f"lost the Dask scheduler at {scheduler} ({exc}); nothing was loaded; "
                                   "check the cluster and run the build again") from None


def _wait_some(wait, pending: set, poll: float) -> tuple[set, set]:
    """Futures done within ``poll`` seconds (none when the wait times out), and the rest."""
    try:
        done, rest = wait(pending, timeout=poll, return_when="FIRST_COMPLETED")
    except TimeoutError:
        return set(), pending
    return set(done), set(rest)


def extract_on_dask(scheduler: str, *, model: str | None, ontology_dir: Path | None, shard_root: Path,
                    partition_size: int = PARTITION_SIZE, timeout: float = DASK_TIMEOUT,
                    ner: str = "on") -> Callable[[Iterable[Document]], Iterator[Extracted]]:
    """An ``extract`` function for ``build_graph`` that runs on a Dask cluster (``timeout``:
    seconds without any worker before the build gives up; ``ner``: where spaCy's NER runs)."""

    def extract(docs: Iterable[Document]) -> Iterator[Extracted]:
        parts = list(_partitions(docs, partition_size))
        if not parts:
            return
        client, cluster = _client(scheduler)
        try:
            futures = client.map(extract_partition, parts, model=model,
                                 ontology_dir=str(ontology_dir) if ontology_dir else None, ner=ner, pure=False)
            results = _gather(client, futures, scheduler=scheduler, timeout=timeout)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        remove_stale(shard_root)  # shards of a killed build
        pending = make_scratch(shard_root, "shards")
        try:
            for n, result in enumerate(results):
                write_atomic(pending / f"shard-{n:05d}.jsonl",
                             "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result).encode("utf-8"))
            # (a name of this process too: shard_root may be an output folder other runs share)
            done = pending.with_name(pending.name.replace("-shards-", "-loaded-", 1))
            os.replace(pending, done)  # all partitions succeeded: the shards become visible at once
        except BaseException:
            shutil.rmtree(pending, ignore_errors=True)
            raise
        try:
            for shard in sorted(done.glob("shard-*.jsonl")):
                for line in shard.read_text(encoding="utf-8").splitlines():
                    r = json.loads(line)
                    yield Extracted(Document(**r["doc"]), r["nquads"].encode("utf-8"), r["sentences"], r["triples"],
                                    frozenset(r["actors"]))
        finally:
            shutil.rmtree(done, ignore_errors=True)

    return extract


def build_distributed(
    paths: Iterable[str | Path],
    out_dir: str | Path | None,
    *,
    scheduler: str,
    formats: tuple[str, ...] | list[str] = DEFAULT_FORMATS,
    model: str | None = None,
    ontology_dir: Path | None = None,
    store: Path | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    partition_size: int = PARTITION_SIZE,
    timeout: float = DASK_TIMEOUT,
    max_file_size: int = MAX_FILE_SIZE,
    keep: Filter | None = None,
    ner: str = "on",
) -> RunStats:
    """``pipeline.build`` with extraction on Dask (``scheduler``: an address, or 'local';
    ``timeout``: seconds without any worker before giving up; ``ner``: where spaCy's NER runs)."""
    # shards live beside an on-disk store (never inside RocksDB's folder), else in the output
    # folder, else in the system's temporary folder: where the next run finds a killed run's
    if store is not None:
        shard_root = Path(store).with_name(Path(store).name + ".shards")
    elif out_dir is not None and formats:
        shard_root = Path(out_dir)
    else:
        shard_root = Path(tempfile.gettempdir())
    return build(paths, out_dir, formats=formats, model=model, ontology_dir=ontology_dir, store=store,
                 on_error=on_error, max_file_size=max_file_size, keep=keep, ner=ner,
                 extractor=lambda onto: extract_on_dask(scheduler, model=model, ontology_dir=onto.directory,
                                                        shard_root=shard_root, partition_size=partition_size,
                                                        timeout=timeout, ner=ner))

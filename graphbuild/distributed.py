"""Distributed: extraction mapped over partitions on a Dask cluster.

Each worker process loads the ontology and the spaCy pipeline once (both are
cached per process) and returns, per document, N-Quads text and counts: plain
strings, never spaCy objects. The driver writes each partition's result as a
shard into a temporary folder and renames the folder only when every partition
has succeeded; then the shards are loaded into the store with the same
incremental bookkeeping as a local build (``pipeline.build``), so a Dask
build and a local build of the same input give the same graph.

Requires the optional extra: ``pip install 'graphbuild[dask]'``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from pathlib import Path

from graphbuild.export import DEFAULT_FORMATS, write_atomic
from graphbuild.ingest import MAX_FILE_SIZE, IngestError
from graphbuild.ontology import load_ontology
from graphbuild.pipeline import Extracted, RunStats, build, extract_local
from graphbuild.types import Document

PARTITION_SIZE = 8


class DaskUnavailableError(RuntimeError):
    """The dask extra is not installed or the scheduler cannot be reached."""


def extract_partition(records: list[dict], model: str | None, ontology_dir: str | None) -> list[dict]:
    """Worker side: documents (as dicts) in, per-document N-Quads and counts out."""
    onto = load_ontology(Path(ontology_dir) if ontology_dir else None)
    docs = [Document(**r) for r in records]
    out = []
    for item in extract_local(docs, onto=onto, model=model):
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
    except OSError as exc:
        raise DaskUnavailableError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def extract_on_dask(scheduler: str, *, model: str | None, ontology_dir: Path | None, shard_root: Path,
                    partition_size: int = PARTITION_SIZE) -> Callable[[Iterable[Document]], Iterator[Extracted]]:
    """An ``extract`` function for ``build_graph`` that runs on a Dask cluster."""

    def extract(docs: Iterable[Document]) -> Iterator[Extracted]:
        parts = list(_partitions(docs, partition_size))
        if not parts:
            return
        client, cluster = _client(scheduler)
        try:
            futures = client.map(extract_partition, parts, model=model,
                                 ontology_dir=str(ontology_dir) if ontology_dir else None, pure=False)
            results = client.gather(futures)  # raises if any partition failed: nothing is loaded then
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        shard_root.mkdir(parents=True, exist_ok=True)
        pending = Path(tempfile.mkdtemp(prefix=".shards-", dir=shard_root))
        try:
            for n, result in enumerate(results):
                write_atomic(pending / f"shard-{n:05d}.jsonl",
                             "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result).encode("utf-8"))
            done = shard_root / "shards"
            if done.exists():
                shutil.rmtree(done)
            os.replace(pending, done)  # all partitions succeeded: the shards become visible at once
        except BaseException:
            shutil.rmtree(pending, ignore_errors=True)
            raise
        for shard in sorted(done.glob("shard-*.jsonl")):
            for line in shard.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                yield Extracted(Document(**r["doc"]), r["nquads"].encode("utf-8"), r["sentences"], r["triples"],
                                frozenset(r["actors"]))
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
    max_file_size: int = MAX_FILE_SIZE,
) -> RunStats:
    """``pipeline.build`` with extraction on Dask (``scheduler``: an address, or 'local')."""
    with tempfile.TemporaryDirectory(prefix="graphbuild-dask-") as tmp:
        # shards live beside an on-disk store (never inside RocksDB's folder), else in a temp folder
        shard_root = Path(store).with_name(Path(store).name + ".shards") if store is not None else Path(tmp)
        return build(paths, out_dir, formats=formats, model=model, ontology_dir=ontology_dir, store=store,
                     on_error=on_error, max_file_size=max_file_size,
                     extractor=lambda onto: extract_on_dask(scheduler, model=model, ontology_dir=onto.directory,
                                                            shard_root=shard_root, partition_size=partition_size))

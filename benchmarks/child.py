"""One measured run in a fresh process, so its peak RSS is its own.

    child.py spacy CORPUS          spaCy alone (the model's own components) over the cleaned texts
    child.py nlp CORPUS            spaCy alone with graphbuild's components (line breaks, actor ruler)
    child.py build CORPUS STORE    `graphbuild build CORPUS --store STORE` (Turtle, GraphML, GEXF exports)
    child.py jobs CORPUS STORE N   the same with `--jobs N`, model loading included (workers load their own),
                                   with the peak RSS of this process, of its largest worker and of each
                                   worker (sampled; needs psutil)

Prints one JSON line with the timings.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

from graphbuild.gazetteer import load_places
from graphbuild.ingest import read_documents
from graphbuild.language import detect
from graphbuild.nlp import find_model, load_pipeline
from graphbuild.ontology import load_ontology
from graphbuild.pipeline import build


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return round(usage.ru_utime + usage.ru_stime, 2)


def _kib(path: str, field: str) -> int:
    with open(path, encoding="ascii") as fh:
        return next((int(line.split()[1]) for line in fh if line.startswith(field)), 0)


def watch_workers(peaks: dict[int, int], done: threading.Event) -> None:
    """Each descendant process's peak RSS (Linux's VmHWM, in MiB) every 0.2 s, and under the key 0
    the peak of their summed PSS (shared pages split between the processes that share them) every
    second, until ``done``. Reading PSS walks each process's page tables: this process's CPU
    seconds include it (about a second in a 1 MB build), so it is read less often."""
    try:
        import psutil
    except ImportError:
        return
    me = psutil.Process(os.getpid())
    tick = 0
    while not done.wait(0.2):
        tick += 1
        pss = 0
        for child in me.children(recursive=True):
            try:
                if any("resource_tracker" in part for part in child.cmdline()):
                    continue  # multiprocessing's helper, not a worker
                hwm = _kib(f"/proc/{child.pid}/status", "VmHWM:")
                if tick % 5 == 0:
                    pss += _kib(f"/proc/{child.pid}/smaps_rollup", "Pss:")
            except (OSError, psutil.Error):
                continue
            peaks[child.pid] = max(peaks.get(child.pid, 0), hwm // 1024)
        peaks[0] = max(peaks.get(0, 0), pss // 1024)


def main() -> None:
    mode, corpus = sys.argv[1], Path(sys.argv[2])
    if mode in ("spacy", "nlp"):
        import spacy

        nlp = spacy.load(find_model()) if mode == "spacy" else load_pipeline(load_ontology())
        nlp("warm up")
        texts = (d.text for d in read_documents([corpus]))
        t0 = time.perf_counter()
        sentences = sum(sum(1 for _ in doc.sents) for doc in nlp.pipe(texts, batch_size=16))
        print(json.dumps({"seconds": time.perf_counter() - t0, "sentences": sentences}))
        return
    store = Path(sys.argv[3])
    if mode == "jobs":
        # nothing warmed: with N > 1 the workers load the pipeline inside the run, so the
        # in-process run loads it inside the run too
        peaks: dict[int, int] = {}
        done = threading.Event()
        watcher = threading.Thread(target=watch_workers, args=(peaks, done), daemon=True)
        watcher.start()
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            stats = build([corpus], out, store=store, jobs=int(sys.argv[4]))
            seconds = time.perf_counter() - t0
        done.set()
        watcher.join()
        print(json.dumps({"seconds": seconds, "documents": stats.documents, "triples": stats.triples,
                          "rss_each_worker_mib": sorted((v for k, v in peaks.items() if k), reverse=True),
                          "pss_workers_peak_mib": peaks.get(0),
                          "export_seconds": stats.export_seconds,
                          # Linux reports ru_maxrss in KiB; RUSAGE_CHILDREN: the largest reaped child
                          "rss_parent_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                          "rss_worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
                          "cpu_parent_s": _cpu(resource.RUSAGE_SELF), "cpu_workers_s": _cpu(resource.RUSAGE_CHILDREN)}))
        return
    # model and data loading is not what we measure, as for spaCy: the pipeline, the ontology,
    # the city gazetteer and the language detector's model (read once per process on first use)
    load_pipeline(load_ontology())("warm up")
    load_places()
    detect("warm up")  # the language detector's model
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        stats = build([corpus], out, store=store)
        seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "documents": stats.documents, "sentences": stats.sentences,
                      "triples": stats.triples, "export_seconds": stats.export_seconds}))


if __name__ == "__main__":
    main()

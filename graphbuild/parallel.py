"""Parallel: a map over worker processes on one machine, results in input order.

spaCy parsing is CPU-bound and holds the GIL, so several cores need several processes.
Forking this process is unsafe (it may run threads and hold a RocksDB store open), so the
workers come from a fresh process: each worker is spawned and loads what it needs itself. With
``GRAPHBUILD_WORKER_START=forkserver`` (where the platform has one: Linux, macOS), a fork server
loads what every worker needs once (the caller's ``warm`` function) and forks the workers from
itself, so they start at once and share the loaded model's memory; it is opt-in because one
interrupted run with it hung once in a full test run, which spawned workers never did.
Workers turn chunks of plain records into plain records; the parent keeps a bounded number of
chunks in flight and hands results back in the order the chunks were read, so whatever the
number of workers the caller sees the same stream, and memory stays that of a few chunks.

Failures stay local. An exception on one item is returned as ``Failed`` for that item
(the chunk is redone one item at a time to find it) and the others go on. A worker that
dies (killed, out of memory, a crash in native code) breaks the whole pool: the chunks in
flight are redone one item at a time in a fresh pool, so the item that kills its worker
again is the one reported. Exceptions of the ``fatal`` types (a model that cannot load)
end the run instead. Ctrl-C, or any error in the caller, terminates every worker.

This module knows nothing of spaCy or RDF: ``pipeline`` gives it the worker function.
"""

from __future__ import annotations

import base64
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain
from typing import Any

# Chunks waiting or running per worker: enough that a worker never waits for the parent,
# few enough that memory is a handful of chunks whatever the corpus.
IN_FLIGHT_PER_WORKER = 3
DIED = "its worker process died (killed, out of memory, or a crash in native code)"
# Hands the fork server its warm-up (a pickled function and its keyword arguments): the server
# starts with this process's environment, and imports this module first thing.
WARM_UP_ENV = "GRAPHBUILD_WORKER_WARM_UP"
# "spawn": every worker is started afresh and loads what it needs (no fork server).
START_ENV = "GRAPHBUILD_WORKER_START"


@dataclass(frozen=True)
class Failed:
    """An item whose work raised, or whose worker process died: reported and skipped."""

    item: Any
    reason: str  # one line: the exception's type and message


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity, which containers and taskset narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return os.cpu_count() or 1


def init_worker() -> None:
    # Ctrl-C in a terminal reaches the whole process group: the parent handles it and stops
    # the workers, so they do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (kill -9) cannot stop its workers, and a worker waiting for work
    # would wait forever (it holds the queue's write end too): each one watches its parent.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True, name="graphbuild-parent").start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".replace("\n", " ")


def run_chunk(work: Callable[..., list], chunk: list, kwargs: dict[str, Any],
              fatal: tuple[type[BaseException], ...] = ()) -> list:
    """Worker side: ``work(chunk, **kwargs)``, which returns one result per item, in order; if it
    raises, the chunk is redone item by item and each item that raises becomes a ``Failed``."""
    try:
        return work(chunk, **kwargs)
    except fatal:
        raise
    except Exception:
        pass
    results: list = []
    for item in chunk:
        try:
            results += work([item], **kwargs)
        except fatal:
            raise
        except Exception as exc:  # noqa: BLE001 - one item's failure must not end the run
            results.append(Failed(item, describe(exc)))
    return results


def _succeeded(future: Future[list]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now: cancel the queued chunks, terminate the processes and reap them,
    so no worker outlives an interrupted run."""
    # (the executor has no public handle on its processes before Python 3.14's terminate_workers)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()


def _warm_up_from_environment() -> None:
    """In the fork server, as it imports this module: run the warm-up it was handed, once, before
    any worker is forked from it. Only an optimisation: a failure is left to the workers, which
    meet it again and report it."""
    blob = os.environ.pop(WARM_UP_ENV, None)
    if blob is None:
        return
    try:
        path, payload = pickle.loads(base64.b64decode(blob))
        sys.path[:] = path  # as a spawned worker gets it (the server itself is started without it)
        warm, kwargs = pickle.loads(payload)
        warm(**kwargs)
    except Exception:  # noqa: BLE001 - see above
        pass


def _context(warm: Callable[..., None] | None, kwargs: dict[str, Any]) -> multiprocessing.context.BaseContext:
    """'spawn'; with ``GRAPHBUILD_WORKER_START=forkserver``, a fork server that has run
    ``warm(**kwargs)``, where the platform has one."""
    if (warm is None or os.environ.get(START_ENV) != "forkserver"
            or "forkserver" not in multiprocessing.get_all_start_methods()):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    _stop_fork_server()  # one warmed up for another run would not be warm for this one
    context.set_forkserver_preload(["__main__", __name__])
    os.environ[WARM_UP_ENV] = base64.b64encode(pickle.dumps((sys.path, pickle.dumps((warm, kwargs))))).decode("ascii")
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        os.environ.pop(WARM_UP_ENV, None)
    return context


def _stop_fork_server() -> None:
    # (no public way before Python 3.14: the server would otherwise live, and hold its memory,
    # until this process exits)
    stop = getattr(getattr(multiprocessing.forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


def map_in_order(work: Callable[..., list], chunks: Iterable[list], *, jobs: int, kwargs: dict[str, Any],
                 fatal: tuple[type[BaseException], ...] = (),
                 on_lost: Callable[[list], None] | None = None,
                 warm: Callable[..., None] | None = None) -> Iterator[list]:
    """Results of ``work`` over ``chunks`` on ``jobs`` worker processes, one list per chunk, in
    input order; a failed item's result is a ``Failed``. ``work`` must be a module-level function
    (workers import it by name) returning one result per item of its chunk. A single chunk is done
    in this process (the same ``run_chunk``), since no second worker could help with it. When a
    worker dies, ``on_lost`` hears of the items in flight, which are then redone one at a time.

    ``warm(**kwargs)``, a module-level function, loads what every worker needs: where the platform
    has a fork server it runs there once, and the workers are forked from it, warm (otherwise each
    worker loads what it needs itself). The server is stopped with the pool."""

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker)

    def submit(pool: ProcessPoolExecutor, chunk: list) -> Future[list]:
        return pool.submit(run_chunk, work, chunk, kwargs, fatal)

    source = iter(chunks)
    first, second = next(source, None), next(source, None)
    if first is None:
        return
    if second is None:  # one chunk would keep one worker busy, after starting them all: do it here
        yield run_chunk(work, first, kwargs, fatal)
        return
    source = chain([first, second], source)
    in_flight: deque[tuple[list, Future[list]]] = deque()
    context = _context(warm, kwargs)
    pool = new_pool()
    try:
        while True:
            while len(in_flight) < jobs * IN_FLIGHT_PER_WORKER and (chunk := next(source, None)) is not None:
                in_flight.append((chunk, submit(pool, chunk)))
            if not in_flight:
                break
            chunk, future = in_flight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # the chunks in flight not yet done are lost with the pool: redo them one item at a time
                pending = [(chunk, future), *in_flight]
                in_flight.clear()
                stop_pool(pool)
                lost = [item for c, f in pending if not _succeeded(f) for item in c]
                if on_lost is not None:
                    on_lost(lost)
                pool = new_pool()
                for c, f in pending:
                    if _succeeded(f):
                        yield f.result()
                        continue
                    for item in c:
                        try:
                            yield submit(pool, [item]).result()
                        except BrokenProcessPool:  # this one kills its worker: report it, go on
                            stop_pool(pool)
                            pool = new_pool()
                            yield [Failed(item, DIED)]
                continue
            yield results
    except BaseException:
        stop_pool(pool)  # Ctrl-C, a fatal error, or the caller's own error: no worker survives
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # (at once: nothing is left to run)
        if context.get_start_method() == "forkserver":
            _stop_fork_server()


_warm_up_from_environment()

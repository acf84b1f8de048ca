"""`build --jobs N` and `extract --jobs N`: the same outputs on several cores, failures kept local,
no worker outliving its run (issue 14)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEEDS, corpus, quads, sigint_default

from graphbuild import parallel, pipeline
from graphbuild.cli import app
from graphbuild.ingest import IngestWarning, make_document, read_documents
from graphbuild.parallel import DIED, Failed, map_in_order
from graphbuild.parsing import ExtractionError
from graphbuild.pipeline import build_graph
from graphbuild.state import BuildState
from graphbuild.store import KnowledgeGraph




def children(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def alive(pids: list[int]) -> list[int]:
    psutil = pytest.importorskip("psutil")
    return [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]


# Worker functions for the pool tests: module-level, so the spawned workers import them by name.

def upper_or_fail(items: list[str]) -> list[str]:
    if "bad" in items:
        raise ValueError("cannot read bad")
    return [item.upper() for item in items]


def upper_or_die(items: list[str]) -> list[str]:
    if "die" in items:
        os.kill(os.getpid(), signal.SIGKILL)
    return [item.upper() for item in items]


def record_warm_up(*, where: str) -> None:
    Path(where, "warm-up").write_text(str(os.getpid()), encoding="ascii")


def upper_with_parent(items: list[str], *, where: str) -> list[tuple[str, int, bool]]:
    return [(item.upper(), os.getppid(), Path(where, "warm-up").exists()) for item in items]


@pytest.fixture()
def small_chunks(monkeypatch):
    """Chunks of two documents: a small corpus spreads over both workers, out of step."""
    monkeypatch.setattr(pipeline, "CHUNK_DOCUMENTS", 2)


@pytest.mark.parametrize("n", [9])
def test_jobs_build_same_store_exports_and_state(runner, tmp_path, small_chunks, n):
    src = corpus(tmp_path, n)
    runs = {}
    for jobs in (1, 2):
        out, store = tmp_path / f"out{jobs}", tmp_path / f"store{jobs}"
        result = runner.invoke(app, ["build", str(SEEDS), str(src), "--out", str(out), "--store", str(store),
                                     "--jobs", str(jobs), "--format", "turtle", "--format", "graphml",
                                     "--format", "gexf", "--format", "csv"])
        assert result.exit_code == 0, result.output
        runs[jobs] = (out, store)
    (out1, store1), (out2, store2) = runs[1], runs[2]
    files = sorted(p.name for p in out1.iterdir())
    assert files == sorted(p.name for p in out2.iterdir()) and len(files) >= 3
    for name in files:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name
    assert quads(store1) == quads(store2)
    assert BuildState.documents(store1) == BuildState.documents(store2)
    assert len(BuildState.documents(store1)) == n + 2


@pytest.mark.parametrize("n", [7])
def test_jobs_extract_same_lines_in_same_order(runner, tmp_path, small_chunks, n):
    src = corpus(tmp_path, n)
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["extract", str(src), *map(str, sorted(SEEDS.glob("*.txt"))), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > n


@pytest.mark.parametrize("jobs", ["1"])
def test_jobs_one_starts_no_process(runner, tmp_path, monkeypatch, jobs):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("--jobs 1 started worker processes")

    monkeypatch.setattr(pipeline, "map_in_order", no_pool)
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "--jobs", jobs])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("items", [["a"]])
def test_parallel_single_chunk_runs_in_this_process(monkeypatch, items):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("a single chunk started worker processes")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    assert list(map_in_order(upper_or_fail, [items], jobs=2, kwargs={})) == [["A"]]


@pytest.mark.parametrize("chunks", [[["a", "b"], ["c"], ["d", "e"]]])
def test_parallel_workers_fork_from_one_warm_server(tmp_path, monkeypatch, chunks):
    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    monkeypatch.setenv(parallel.START_ENV, "forkserver")
    results = [r for group in map_in_order(upper_with_parent, chunks, jobs=2, kwargs={"where": str(tmp_path)},
                                           warm=record_warm_up) for r in group]
    server = int((tmp_path / "warm-up").read_text(encoding="ascii"))
    assert [r[0] for r in results] == ["A", "B", "C", "D", "E"]
    assert {r[1] for r in results} == {server} != {os.getpid()}  # forked from the server that warmed up
    assert not psutil_alive(server)  # stopped with the pool


@pytest.mark.parametrize("chunks", [[["a", "b"], ["c"], ["d", "e"]]])
def test_parallel_spawn_start_skips_the_warm_up(tmp_path, monkeypatch, chunks):
    monkeypatch.delenv(parallel.START_ENV, raising=False)  # spawned workers are the default
    results = [r for group in map_in_order(upper_with_parent, chunks, jobs=2, kwargs={"where": str(tmp_path)},
                                           warm=record_warm_up) for r in group]
    assert [r[0] for r in results] == ["A", "B", "C", "D", "E"]
    assert {r[1] for r in results} == {os.getpid()} and not (tmp_path / "warm-up").exists()


def psutil_alive(pid: int) -> bool:
    return bool(alive([pid]))


@pytest.mark.parametrize("chunks", [[["a", "b"], ["bad", "c"], ["d"], ["e", "f"]]])
def test_parallel_exception_skips_only_its_item(chunks):
    results = [r for group in map_in_order(upper_or_fail, chunks, jobs=2, kwargs={}) for r in group]
    assert results == ["A", "B", Failed("bad", "ValueError: cannot read bad"), "C", "D", "E", "F"]


@pytest.mark.parametrize("chunks", [[["a", "b"], ["c", "die"], ["d"], ["e", "f"], ["g"]]])
def test_parallel_dead_worker_reports_its_item_and_goes_on(chunks):
    lost: list[list[str]] = []
    results = [r for group in map_in_order(upper_or_die, chunks, jobs=2, kwargs={}, on_lost=lost.append)
               for r in group]
    assert results == ["A", "B", "C", Failed("die", DIED), "D", "E", "F", "G"]
    flat = [item for chunk in chunks for item in chunk]
    assert len(lost) == 1 and "die" in lost[0] and lost[0] == [i for i in flat if i in lost[0]]  # in input order


@pytest.mark.parametrize("n,names", [(2, "c.jsonl:1, c.jsonl:2;"), (5, "c.jsonl:1, c.jsonl:2, c.jsonl:3 and 2 more;")])
def test_pipeline_lost_worker_warning_names_its_documents_on_one_line(n, names):
    docs = [replace(make_document(f"r{i}", f"Text {i}.", source="c.jsonl"), line=i + 1) for i in range(n)]
    message = str(pipeline._lost_warning(docs))
    assert isinstance(pipeline._lost_warning(docs), IngestWarning)  # reported, not counted as skipped
    assert f"with {n} document(s) in flight: {names}" in message and "\n" not in message


@pytest.mark.parametrize("jobs", [1, 2])
def test_pipeline_failed_document_is_reported_and_skipped(onto, tmp_path, small_chunks, jobs):
    n = 5
    docs = list(read_documents([corpus(tmp_path, n)]))
    # a document the worker cannot process: its foreign-language ranges are malformed
    poison = make_document("poison", "Russia criticised Japan.", source="poison.txt")
    poison = replace(poison, foreign=((0, None),))
    failures: list[ExtractionError] = []
    store = tmp_path / "store"
    kg = build_graph([*docs[:2], poison, *docs[2:]], onto=onto, kg=KnowledgeGraph(store), jobs=jobs,
                     on_failure=failures.append)
    del kg
    assert len(failures) == 1 and str(failures[0]).startswith("poison.txt: extraction failed, TypeError")
    assert "\n" not in str(failures[0])
    assert sorted(BuildState.documents(store)) == sorted(pipeline.document_key(d) for d in docs)


# More documents than the workers hold in flight (2 workers x IN_FLIGHT_PER_WORKER chunks of up to
# CHUNK_DOCUMENTS): on a loaded machine the workers may parse all they hold before the parent writes
# its first document, and with fewer documents than that the run could be at its very end.
@pytest.mark.parametrize("n", [120])
def test_jobs_build_interrupted_stops_every_worker(tmp_path, n):
    pytest.importorskip("psutil")
    assert n > 2 * parallel.IN_FLIGHT_PER_WORKER * pipeline.CHUNK_DOCUMENTS
    src = corpus(tmp_path, n)
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild.cli", "build", str(src), "--store", str(store),
                             "--no-export", "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=(tmp_path / "stderr").open("w"),
                            preexec_fn=sigint_default,
                            env={**os.environ, "GRAPHBUILD_WRITE_BATCH_DOCUMENTS": "1",
                                 "PYTHONPATH": os.pathsep.join([str(SEEDS.parent), os.environ.get("PYTHONPATH", "")])})
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        # mid-run: both workers started and at least one document written
        while proc.poll() is None and time.monotonic() < deadline:
            workers = children(proc.pid)
            if len(workers) >= 2 and BuildState.documents(store):
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"the build ended before it was interrupted: {(tmp_path / 'stderr').read_text()}"
        assert len(BuildState.documents(store)) < n, "the build was not interrupted midway"
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 30
        while alive(workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(workers), "worker processes outlived the interrupted build"
        assert proc.returncode != 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("args", [["--jobs", "2", "--dask", "local"]])
def test_jobs_and_dask_exclude_each_other(runner, tmp_path, args):
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), *args])
    assert result.exit_code != 0 and "--jobs" in result.output


@pytest.mark.parametrize("mask", [{0}])
def test_parallel_default_jobs_follows_affinity(monkeypatch, mask):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: mask, raising=False)
    assert parallel.default_jobs() == len(mask)


@pytest.mark.parametrize("command", ["build", "extract"])
def test_jobs_default_is_the_cores(runner, monkeypatch, tmp_path, command):
    asked = []
    monkeypatch.setattr("graphbuild.cli.default_jobs", lambda: asked.append(command) or 1)
    args = ["build", str(SEEDS), "--out", str(tmp_path)] if command == "build" else ["extract", str(SEEDS)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert asked == [command]

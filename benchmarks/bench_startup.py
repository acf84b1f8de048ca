"""Benchmark start-up: `graphbuild --version` and `--help` against Python's own floor.

Each command runs in a fresh interpreter, ``--repeat`` times (default 10), the commands
interleaved; the best wall time of each is reported (noise on a shared machine only ever adds
time) with the CPU seconds of that run (user + system, from ``wait4``). One more run of each
under ``python -X importtime`` gives the imports that cost the most (by cumulative time, which
includes what they import) and tells whether spaCy was imported at all: `--version` and `--help`
must not load it. For context, ``extract`` on a one-line file: the start-up of a command that
parses (imports, ontology, spaCy pipeline), fewer times (``--parse-repeat``, default 3).

Then the start-up of ``--jobs 2``'s workers: a build of 16 short documents (two chunks, so two
workers) with ``--jobs 1``, with ``--jobs 2`` and spawned workers (each loads the model) and with
``--jobs 2`` and workers forked from a warm fork server (the default where the platform has
one), interleaved (``--workers-repeat``, default 3): the CPU seconds of the parent and all its
children, and the wall time, best of each.

The CLI runs as ``python -m graphbuild.cli`` with this checkout first on the path.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, print_table, run_child, save

from graphbuild.parallel import START_ENV

CLI = ["-m", "graphbuild.cli"]
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "graphbuild --version": [*CLI, "--version"],
    "graphbuild --help": [*CLI, "--help"],
}
TOP = 12


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}


def run(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``python ARGS`` (its output discarded)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise RuntimeError(f"{args} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime


def import_times(args: list[str]) -> dict:
    """``python -X importtime ARGS``: the total, the costliest imports, whether spaCy came in."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, env=env(),
                          check=True)
    rows = []  # (cumulative µs, self µs, module, depth)
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "cumulative" in line:
            continue
        own, cumulative, name = line[len("import time:"):].split("|")
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((int(cumulative), int(own), name.strip(), depth))
    modules = {name for _c, _s, name, _d in rows}
    top_level = [r for r in rows if r[3] == 0]  # (indented names were imported by the line below them)
    return {
        "modules": len(modules),
        "total_import_s": round(sum(c for c, _s, _n, _d in top_level) / 1e6, 3),
        "spacy_imported": any(n == "spacy" or n.startswith("spacy.") for n in modules),
        "dask_imported": any(n == "dask" or n.startswith("dask.") for n in modules),
        "top_cumulative_s": [(name, round(c / 1e6, 3)) for c, _s, name, _d in sorted(rows, reverse=True)[:TOP]],
        "top_self_s": [(name, round(s / 1e6, 3)) for _c, s, name, _d in sorted(rows, key=lambda r: -r[1])[:TOP]],
    }


def worker_start(tmp: Path, repeat: int) -> dict:
    """CPU and wall seconds of a two-chunk build: one process, spawned workers, forked workers."""
    import json

    corpus = tmp / "short.jsonl"
    text = "Russia criticised Japan over the islands. China and India agreed to resume talks in Geneva."
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Report {i}. {text}"}) + "\n" for i in range(16)),
                      encoding="utf-8")
    settings = {"--jobs 1": ("1", None), "--jobs 2, spawned workers": ("2", "spawn"),
                "--jobs 2, fork server": ("2", "forkserver")}
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in settings}
    for n in range(repeat):
        for name, (jobs, start) in settings.items():
            if start:
                os.environ[START_ENV] = start
            try:
                run, _rss = run_child(["jobs", str(corpus), str(tmp / f"store-{n}-{jobs}-{start}"), jobs])
            finally:
                os.environ.pop(START_ENV, None)
            runs[name].append((run["seconds"], run["cpu_parent_s"] + run["cpu_workers_s"]))
    return {name: {"best_wall_s": round(min(w for w, _c in rs), 2), "best_cpu_s": round(min(c for _w, c in rs), 2),
                   "all_wall_s": [round(w, 2) for w, _c in rs], "all_cpu_s": [round(c, 2) for _w, c in rs]}
            for name, rs in runs.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10, help="runs of each command, interleaved (default 10)")
    ap.add_argument("--parse-repeat", type=int, default=3, help="runs of `extract` on one line (default 3; 0: none)")
    ap.add_argument("--workers-repeat", type=int, default=3,
                    help="runs of each two-chunk build (default 3; 0: none)")
    args = ap.parse_args()
    commands = dict(COMMANDS)
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "one-line.txt"
        one_line.write_text("Russia criticised Japan over the islands.\n", encoding="utf-8")
        if args.parse_repeat:
            commands["graphbuild extract one-line.txt"] = [*CLI, "extract", "--jobs", "1", str(one_line)]
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        loads = []
        for n in range(args.repeat):
            loads.append(round(os.getloadavg()[0], 2))
            for name, cmd in commands.items():
                if name.startswith("graphbuild extract") and n >= args.parse_repeat:
                    continue
                runs[name].append(run(cmd))
        result: dict = {"machine": machine(), "load_before": loads, "commands": {}}
        for name, cmd in commands.items():
            best = min(runs[name])
            row = {"best_wall_s": round(best[0], 3), "cpu_s_of_best": round(best[1], 3),
                   "all_wall_s": [round(w, 3) for w, _c in runs[name]], **import_times(cmd)}
            result["commands"][name] = row
            print_table(f"{name} ({machine()})", [(k, v) for k, v in row.items() if not k.startswith("top_")]
                        + [("top imports (cumulative s)",
                            ", ".join(f"{n} {s}" for n, s in row["top_cumulative_s"][:6]))])
        if args.workers_repeat:
            result["workers"] = worker_start(Path(tmp), args.workers_repeat)
            print_table("start-up of --jobs 2's workers (16 short documents)",
                        [(k, f"{v['best_wall_s']} s, {v['best_cpu_s']} CPU s") for k, v in result["workers"].items()])
    floor = result["commands"]["python -c pass"]["best_wall_s"]
    for name in ("graphbuild --version", "graphbuild --help"):
        result["commands"][name]["over_python_floor_s"] = round(result["commands"][name]["best_wall_s"] - floor, 3)
    print_table("over Python's floor (s)", [(n, result["commands"][n]["over_python_floor_s"])
                                              for n in ("graphbuild --version", "graphbuild --help")])
    save("bench_startup", result)


if __name__ == "__main__":
    main()

"""Benchmark `build --jobs N`: wall time on one machine with 1, 2 and N worker processes.

Each run is a fresh process building the same corpus into a new store with the default
exports, model loading included on both sides (the workers load their own pipeline inside
the run, so the in-process run loads it inside the run too). Runs alternate between the
values of N and repeat (``--repeat``, default 2); the best of each is compared, since noise
on a shared machine only ever adds time. Peak RSS is reported for the parent (reading,
store writes, exports) and for the largest worker (``RUSAGE_CHILDREN``), and the outputs
are checked to be the same (documents, triples). The CPU seconds of the parent and of the
workers tell what the cores could share on an idle machine (the speed-up bound printed: the
best one-process time over the N-process run's CPU seconds divided by N, and, since a busy machine
stretches the one-process run too, its CPU seconds over the same); the load average before
each run tells how idle the machine was. By default ``--jobs`` 1, 2 and N, N the machine's cores
(``os.cpu_count()``), each value once (on 2 cores: 1 and 2); with psutil installed, each
worker's peak RSS is sampled too. ``--start spawn,forkserver`` runs every N > 1 both with spawned
workers (the default) and with workers forked from a warm fork server (opt-in), run for run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from common import machine, make_corpus, print_table, run_child, save

from graphbuild.parallel import START_ENV


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1", help="corpus sizes in MB, comma-separated (default 1; 10 takes long)")
    ap.add_argument("--jobs", default=f"1,2,{os.cpu_count() or 1}",
                    help="values of --jobs to compare, comma-separated, the first the base (default 1,2,N: N cores)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each --jobs value per size (default 2)")
    ap.add_argument("--start", default="spawn",
                    help="how workers start, comma-separated: spawn (each worker loads its own; the default), "
                         "forkserver (a warm fork server, opt-in); several are compared run for run")
    args = ap.parse_args()
    jobs = list(dict.fromkeys(int(x) for x in args.jobs.split(",")))  # each value once, in order
    starts = list(dict.fromkeys(args.start.split(",")))
    # (label, --jobs, start method): one process needs no start method
    settings = [(str(n) if n == 1 or len(starts) == 1 else f"{n}_{start}", n, start)
                for n in jobs for start in (starts if n > 1 else starts[:1])]
    result: dict = {"machine": machine(), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(x) for x in args.sizes.split(",")):
            corpus = make_corpus(int(mb * 1_000_000), Path(tmp) / f"corpus-{mb:g}mb.jsonl")
            runs: dict[str, list[dict]] = {label: [] for label, _n, _start in settings}
            for rep in range(args.repeat):
                for label, n, start in settings:
                    store = Path(tmp) / f"store-{mb:g}-{label}-{rep}"
                    load = os.getloadavg()[0]  # other work on the machine: a shared one's cores are not all ours
                    if start in ("spawn", "forkserver"):
                        os.environ[START_ENV] = start
                    try:
                        run, _rss = run_child(["jobs", str(corpus), str(store), str(n)])
                    finally:
                        os.environ.pop(START_ENV, None)
                    run["load_before"] = round(load, 2)
                    runs[label].append(run)
                    shutil.rmtree(store)
                    print(f"  {mb:g} MB, --jobs {label}: {run['seconds']:.2f} s, "
                          f"{run['cpu_parent_s'] + run['cpu_workers_s']:.2f} CPU s (load average before: {load:.2f})",
                          flush=True)
            outputs = {(r["documents"], r["triples"]) for rs in runs.values() for r in rs}
            if len(outputs) != 1:
                raise RuntimeError(f"--jobs values disagree on documents and triples: {outputs}")
            best = {label: min(r["seconds"] for r in rs) for label, rs in runs.items()}
            # on N idle cores the wall time could not go below the CPU seconds over N
            cpu = {label: min(r["cpu_parent_s"] + r["cpu_workers_s"] for r in rs) for label, rs in runs.items()}
            base = settings[0][0]
            row: dict = {"documents": runs[base][0]["documents"], "triples": runs[base][0]["triples"]}
            for label, n, _start in settings:
                row[f"jobs_{label}_s"] = round(best[label], 2)
                row[f"jobs_{label}_speedup"] = round(best[base] / best[label], 3)
                row[f"jobs_{label}_peak_rss_parent_mib"] = max(r["rss_parent_mib"] for r in runs[label])
                row[f"jobs_{label}_peak_rss_worker_mib"] = (max(r["rss_worker_mib"] for r in runs[label])
                                                            if n > 1 else None)
                # each worker's peak in the run with the largest worker (a worker replaced after a crash adds one;
                # with a fork server, the server is one of them: its pages are shared with the workers)
                row[f"jobs_{label}_peak_rss_each_worker_mib"] = (
                    max((r.get("rss_each_worker_mib") or [] for r in runs[label]), key=lambda p: max(p, default=0))
                    if n > 1 else None)
                # what the workers (and a fork server) take together, shared pages counted once
                row[f"jobs_{label}_peak_pss_workers_mib"] = (
                    max(r.get("pss_workers_peak_mib") or 0 for r in runs[label]) if n > 1 else None)
                row[f"jobs_{label}_all_runs_s"] = [round(r["seconds"], 2) for r in runs[label]]
                # CPU seconds of the best run: what N cores could share, whatever else ran on the machine
                fastest = min(runs[label], key=lambda r: r["seconds"])
                row[f"jobs_{label}_cpu_parent_s"] = fastest["cpu_parent_s"]
                row[f"jobs_{label}_cpu_workers_s"] = fastest["cpu_workers_s"]
                row[f"jobs_{label}_cpu_total_best_s"] = round(cpu[label], 2)
                row[f"jobs_{label}_all_runs_cpu_s"] = [round(r["cpu_parent_s"] + r["cpu_workers_s"], 2)
                                                       for r in runs[label]]
                row[f"jobs_{label}_load_before"] = [r["load_before"] for r in runs[label]]
                if n > 1:
                    row[f"jobs_{label}_speedup_bound_on_idle_cores"] = round(best[base] / (cpu[label] / n), 3)
                    # the same from CPU seconds alone (a busy machine stretches the one-process run's wall time too)
                    row[f"jobs_{label}_cpu_speedup_bound"] = round(cpu[base] / (cpu[label] / n), 3)
            result["sizes"][f"{mb:g}MB"] = row
            print_table(f"build --jobs, {mb:g} MB ({machine()})", list(row.items()))
    save("bench_jobs", result)


if __name__ == "__main__":
    main()

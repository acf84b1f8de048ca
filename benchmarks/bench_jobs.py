"""Benchmark `build --jobs N`: wall time on one machine with 1, 2 and N worker processes.

Each run is a fresh process building the same corpus into a new store with the default
exports, model loading included on both sides (the workers load their own pipeline inside
the run, so the in-process run loads it inside the run too). Runs alternate between the
values of N and repeat (``--repeat``, default 2); the best of each is compared, since noise
on a shared machine only ever adds time. Peak RSS is reported for the parent (reading,
store writes, exports) and for the largest worker (``RUSAGE_CHILDREN``), and the outputs
are checked to be the same (documents, triples). The CPU seconds of the parent and of the
workers tell what the cores could share on an idle machine (the speed-up bound printed: the
best one-process time over the N-process run's CPU seconds divided by N); the load average before
each run tells how idle the machine was. By default ``--jobs`` 1, 2 and N, N the machine's cores
(``os.cpu_count()``), each value once (on 2 cores: 1 and 2); with psutil installed, each
worker's peak RSS is sampled too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from common import machine, make_corpus, print_table, run_child, save


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1", help="corpus sizes in MB, comma-separated (default 1; 10 takes long)")
    ap.add_argument("--jobs", default=f"1,2,{os.cpu_count() or 1}",
                    help="values of --jobs to compare, comma-separated, the first the base (default 1,2,N: N cores)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each --jobs value per size (default 2)")
    args = ap.parse_args()
    jobs = list(dict.fromkeys(int(x) for x in args.jobs.split(",")))  # each value once, in order
    result: dict = {"machine": machine(), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(x) for x in args.sizes.split(",")):
            corpus = make_corpus(int(mb * 1_000_000), Path(tmp) / f"corpus-{mb:g}mb.jsonl")
            runs: dict[int, list[dict]] = {n: [] for n in jobs}
            for rep in range(args.repeat):
                for n in jobs:
                    store = Path(tmp) / f"store-{mb:g}-{n}-{rep}"
                    load = os.getloadavg()[0]  # other work on the machine: a shared one's cores are not all ours
                    run, _rss = run_child(["jobs", str(corpus), str(store), str(n)])
                    run["load_before"] = round(load, 2)
                    runs[n].append(run)
                    shutil.rmtree(store)
                    print(f"  {mb:g} MB, --jobs {n}: {run['seconds']:.2f} s (load average before: {load:.2f})",
                          flush=True)
            outputs = {(r["documents"], r["triples"]) for rs in runs.values() for r in rs}
            if len(outputs) != 1:
                raise RuntimeError(f"--jobs values disagree on documents and triples: {outputs}")
            best = {n: min(r["seconds"] for r in rs) for n, rs in runs.items()}
            row: dict = {"documents": runs[jobs[0]][0]["documents"], "triples": runs[jobs[0]][0]["triples"]}
            for n in jobs:
                row[f"jobs_{n}_s"] = round(best[n], 2)
                row[f"jobs_{n}_speedup"] = round(best[jobs[0]] / best[n], 3)
                row[f"jobs_{n}_peak_rss_parent_mib"] = max(r["rss_parent_mib"] for r in runs[n])
                row[f"jobs_{n}_peak_rss_worker_mib"] = max(r["rss_worker_mib"] for r in runs[n]) if n > 1 else None
                # each worker's peak in the run with the largest worker (a worker replaced after a crash adds one)
                row[f"jobs_{n}_peak_rss_each_worker_mib"] = (max((r.get("rss_each_worker_mib") or [] for r in runs[n]),
                                                                 key=lambda peaks: max(peaks, default=0))
                                                             if n > 1 else None)
                row[f"jobs_{n}_all_runs_s"] = [round(r["seconds"], 2) for r in runs[n]]
                # CPU seconds of the best run: what N cores could share, whatever else ran on the machine
                fastest = min(runs[n], key=lambda r: r["seconds"])
                row[f"jobs_{n}_cpu_parent_s"] = fastest["cpu_parent_s"]
                row[f"jobs_{n}_cpu_workers_s"] = fastest["cpu_workers_s"]
                row[f"jobs_{n}_load_before"] = [r["load_before"] for r in runs[n]]
            # on N idle cores the wall time could not go below the CPU seconds over N
            cpu = {n: min(r["cpu_parent_s"] + r["cpu_workers_s"] for r in rs) for n, rs in runs.items()}
            for n in jobs[1:]:
                row[f"jobs_{n}_speedup_bound_on_idle_cores"] = round(best[jobs[0]] / (cpu[n] / n), 3)
            result["sizes"][f"{mb:g}MB"] = row
            print_table(f"build --jobs, {mb:g} MB ({machine()})", list(row.items()))
    save("bench_jobs", result)


if __name__ == "__main__":
    main()

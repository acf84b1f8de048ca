"""Shared helpers for the benchmarks: corpora, timing, child processes with peak RSS."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}"


def make_corpus(target_bytes: int, path: Path) -> Path:
    """The seeds and the evaluation sentences repeated with varied ids into one JSONL corpus."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences: list[str] = []
    for gold in sorted((ROOT / "eval").glob("*.gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            s = json.loads(line).get("sentence")
            if s and s not in sentences and len(s.split()) > 3:
                sentences.append(s)
    texts.append(" ".join(sentences))
    size, n = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target_bytes:
            # a varied first line makes every record a distinct document (distinct hash)
            text = f"Report {n}.\n\n" + texts[n % len(texts)]
            fh.write(json.dumps({"id": f"doc-{n:06d}", "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    return path


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def run_child(args: list[str]) -> tuple[dict, int]:
    """Run ``python benchmarks/child.py ARGS``; return its JSON result and its peak RSS in MiB."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "child.py"), *args],
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise RuntimeError(f"benchmark child {args} failed with status {status}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss // 1024


def save(name: str, data: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def print_table(title: str, rows: list[tuple[str, object]]) -> None:
    print(f"\n{title}")
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")

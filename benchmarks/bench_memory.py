"""Peak memory of `build` on one very long document (issue 11: at most 1.5 GiB for 2M characters).

spaCy's memory grows with the characters it parses at once, so graphbuild parses a
document longer than ``parsing.SPLIT_ABOVE`` characters in pieces and bounds each batch
(``parsing.BATCH_CHARS``). This runs `graphbuild build --store` in a fresh process on
one plain-text document of each size (the seeds repeated, paragraph by paragraph) and
prints its peak RSS beside the time it took.

    python bench_memory.py [--chars 2000000,5000000]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import ROOT, machine, print_table, run_child, save


def make_document(chars: int, path: Path) -> Path:
    """One plain-text document of about ``chars`` characters: the seeds' paragraphs over and over."""
    paragraphs = [p for f in sorted((ROOT / "seeds").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out: list[str] = []
    size, n = 0, 0
    while size < chars:
        p = paragraphs[n % len(paragraphs)]
        out.append(f"Paragraph {n}. {p}")  # distinct, or the cleaner drops repeated paragraphs
        size += len(out[-1]) + 2
        n += 1
    path.write_text("\n\n".join(out), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--chars", default="2000000", help="document sizes in characters, comma-separated")
    args = ap.parse_args()
    result: dict = {"machine": machine(), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for chars in (int(x) for x in args.chars.split(",")):
            doc = make_document(chars, Path(tmp) / f"long-{chars}.txt")
            run, rss = run_child(["build", str(doc), str(Path(tmp) / f"store-{chars}")])
            row = {"characters": chars, "sentences": run["sentences"], "triples": run["triples"],
                   "build_s": round(run["seconds"], 2), "peak_rss_build_mib": rss,
                   "under_1_5_gib": rss < 1536}
            result["sizes"][str(chars)] = row
            print_table(f"one document of {chars:,} characters ({machine()})", list(row.items()))
    save("bench_memory", result)


if __name__ == "__main__":
    main()

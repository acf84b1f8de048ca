"""Benchmark: `build` against spaCy parsing alone, on the seeds repeated to about 1 MB.

Both are measured in the same run on the same cleaned texts, so the ratio is
meaningful on a shared, noisy machine even when absolute numbers are not.
Prints a table and writes benchmarks/results/bench_build.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

import spacy

from graphbuild.ingest import read_documents
from graphbuild.nlp import find_model
from graphbuild.pipeline import build

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(target_bytes: int, folder: Path) -> Path:
    """The seeds repeated with varied ids into one JSONL corpus of about ``target_bytes``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpus = folder / "corpus.jsonl"
    size, n = 0, 0
    with corpus.open("w", encoding="utf-8") as fh:
        while size < target_bytes:
            text = texts[n % len(texts)]
            fh.write(json.dumps({"id": f"doc-{n:05d}", "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    return corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(int(args.mb * 1_000_000), Path(tmp))
        docs = list(read_documents([corpus]))
        texts = [d.text for d in docs]
        model = find_model()

        # spaCy alone: the same model and components, no ruler, no rules, no RDF.
        nlp = spacy.load(model)
        nlp("warm up")
        t0 = time.perf_counter()
        sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=16))
        spacy_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        stats = build([corpus], Path(tmp) / "out")
        build_s = time.perf_counter() - t0

    result = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "model": model,
        "corpus_bytes": sum(len(t.encode("utf-8")) for t in texts),
        "documents": stats.documents,
        "sentences": stats.sentences,
        "triples": stats.triples,
        "spacy_seconds": round(spacy_s, 2),
        "build_seconds": round(build_s, 2),
        "build_documents_per_s": round(stats.documents / build_s, 2),
        "build_sentences_per_s": round(stats.sentences / build_s, 1),
        "spacy_sentences_per_s": round(sentences / spacy_s, 1),
        "overhead_ratio": round(build_s / spacy_s, 3),
    }
    width = max(map(len, result))
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_build.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

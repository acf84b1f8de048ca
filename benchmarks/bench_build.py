"""Benchmark: `build` against spaCy parsing alone, on the seeds repeated to about 1 MB.

Everything is measured in the same run on the same cleaned texts, so ratios are
meaningful on a shared, noisy machine even when absolute numbers are not:

* spaCy alone: the installed model's own pipeline over the texts (``nlp.pipe``);
* ``build`` end to end, as ``graphbuild build`` runs it;
* the stages one by one (ingest, NLP with the actor ruler, rules, RDF, exports), to show
  where the time goes and what the extraction rules cost relative to the parse.

Prints a table and writes benchmarks/results/bench_build.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

import spacy

from graphbuild.export import DEFAULT_FORMATS, export_graph
from graphbuild.extract import Extractor
from graphbuild.ingest import read_documents
from graphbuild.nlp import find_model, load_pipeline
from graphbuild.ontology import load_ontology
from graphbuild.pipeline import build
from graphbuild.rdf import build_graph

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(target_bytes: int, folder: Path) -> Path:
    """The seeds and the evaluation sentences repeated with varied ids into one JSONL corpus."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sentences = []
    for gold in sorted((ROOT / "eval").glob("*.gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            s = json.loads(line).get("sentence")
            if s and s not in sentences and len(s.split()) > 3:
                sentences.append(s)
    texts.append(" ".join(sentences))
    corpus = folder / "corpus.jsonl"
    size, n = 0, 0
    with corpus.open("w", encoding="utf-8") as fh:
        while size < target_bytes:
            text = texts[n % len(texts)]
            fh.write(json.dumps({"id": f"doc-{n:06d}", "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    return corpus


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    args = ap.parse_args()

    onto = load_ontology()
    model = find_model()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(int(args.mb * 1_000_000), Path(tmp))

        # stages one by one
        docs, t_ingest = timed(lambda: list(read_documents([corpus])))
        texts = [d.text for d in docs]
        plain = spacy.load(model)
        plain("warm up")
        parsed_plain, t_spacy = timed(lambda: list(plain.pipe(texts, batch_size=16)))
        sentences = sum(len(list(d.sents)) for d in parsed_plain)
        del parsed_plain
        nlp = load_pipeline(onto)
        parsed, t_nlp = timed(lambda: list(nlp.pipe(texts, batch_size=16)))
        extractor = Extractor(onto)
        triples, t_extract = timed(lambda: [t for doc, d in zip(parsed, docs) for t in extractor.extract(doc, d)])
        del parsed
        graph, t_rdf = timed(lambda: build_graph(docs, triples, onto))
        _files, t_export = timed(lambda: export_graph(graph, Path(tmp) / "stages", DEFAULT_FORMATS))

        # end to end, as the CLI runs it
        stats, t_build = timed(lambda: build([corpus], Path(tmp) / "out"))

    words = sum(len(t.split()) for t in texts)
    result = {
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "model": model,
        "corpus_bytes": sum(len(t.encode("utf-8")) for t in texts),
        "documents": stats.documents,
        "sentences": stats.sentences,
        "words": words,
        "triples": stats.triples,
        "spacy_alone_s": round(t_spacy, 2),
        "build_s": round(t_build, 2),
        "build_documents_per_s": round(stats.documents / t_build, 2),
        "build_sentences_per_s": round(stats.sentences / t_build, 1),
        "build_words_per_s": round(words / t_build),
        "spacy_sentences_per_s": round(sentences / t_spacy, 1),
        "overhead_ratio": round(t_build / t_spacy, 3),
        "stage_ingest_s": round(t_ingest, 2),
        "stage_nlp_with_ruler_s": round(t_nlp, 2),
        "stage_rules_s": round(t_extract, 2),
        "stage_rdf_s": round(t_rdf, 2),
        "stage_export_s": round(t_export, 2),
        "rules_share_of_parse": round(t_extract / t_spacy, 3),
    }
    width = max(map(len, result))
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_build.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

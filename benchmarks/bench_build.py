"""Benchmark `build` against spaCy parsing alone, at 1 MB and 10 MB, in one run.

For each size, in fresh processes (so peak RSS is the run's own): spaCy alone over
the cleaned texts, once with the installed model's own components and once with the
same components as graphbuild (plus its line-break and actor-ruler stages), and
`graphbuild build --store` end to end (ingest, NLP with the actor ruler, rules, quads into the
store, Turtle + GraphML + GEXF exports). Model loading is excluded from both.
Then, in this process on the 1 MB corpus, the stages one by one, to show where the
time goes and what the rules cost relative to the parse.

Ratios are what to compare: the machines are shared and noisy, but both sides of a
ratio ran minutes apart on the same input.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import machine, make_corpus, print_table, run_child, save, timed

from graphbuild.export import DEFAULT_FORMATS, export_graph
from graphbuild.extract import Extractor
from graphbuild.ingest import read_documents
from graphbuild.nlp import find_model, load_pipeline
from graphbuild.ontology import load_ontology
from graphbuild.store import KnowledgeGraph


def stage_shares(corpus: Path) -> dict:
    onto = load_ontology()
    nlp = load_pipeline(onto)
    nlp("warm up")
    docs, t_ingest = timed(lambda: list(read_documents([corpus])))
    parsed, t_nlp = timed(lambda: list(nlp.pipe([d.text for d in docs], batch_size=16)))
    ex = Extractor(onto)
    pairs = list(zip(parsed, docs))
    del parsed
    triples, t_rules = timed(lambda: [list(ex.extract(p, d)) for p, d in pairs])
    kg = KnowledgeGraph()
    kg.load_ontology(onto)

    def load() -> None:
        for d, ts in zip(docs, triples):
            kg.put_document(d, ts, onto)

    _, t_rdf = timed(load)
    with tempfile.TemporaryDirectory() as out:
        _, t_export = timed(lambda: export_graph(kg, Path(out), DEFAULT_FORMATS))
    total = t_ingest + t_nlp + t_rules + t_rdf + t_export
    return {
        "ingest_s": round(t_ingest, 2), "nlp_with_ruler_s": round(t_nlp, 2), "rules_s": round(t_rules, 2),
        "quads_into_store_s": round(t_rdf, 2), "exports_s": round(t_export, 2),
        "share": {k: round(v / total, 3) for k, v in (("ingest", t_ingest), ("nlp", t_nlp), ("rules", t_rules),
                                                       ("rdf", t_rdf), ("exports", t_export))},
        "rules_vs_parse": round(t_rules / t_nlp, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1,10", help="corpus sizes in MB, comma-separated (default 1,10)")
    args = ap.parse_args()
    sizes = [float(x) for x in args.sizes.split(",")]

    result: dict = {"machine": machine(), "model": find_model(), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            corpus = make_corpus(int(mb * 1_000_000), Path(tmp) / f"corpus-{mb:g}mb.jsonl")
            words = sum(len(d.text.split()) for d in read_documents([corpus]))
            # the model alone (its own components) only on the first size: it is context, not the target
            spacy_run, spacy_rss = run_child(["spacy", str(corpus)]) if mb == sizes[0] else (None, None)
            nlp_run, nlp_rss = run_child(["nlp", str(corpus)])
            build_run, build_rss = run_child(["build", str(corpus), str(Path(tmp) / f"store-{mb:g}")])
            s = build_run["seconds"]
            row = {
                "documents": build_run["documents"], "sentences": build_run["sentences"], "words": words,
                "triples": build_run["triples"],
                "spacy_alone_s": round(spacy_run["seconds"], 2) if spacy_run else None, "build_s": round(s, 2),
                "documents_per_s": round(build_run["documents"] / s, 2),
                "sentences_per_s": round(build_run["sentences"] / s, 1), "words_per_s": round(words / s),
                "spacy_same_components_s": round(nlp_run["seconds"], 2),
                "build_over_spacy_same_components": round(s / nlp_run["seconds"], 3),
                "build_over_spacy_model_alone": round(s / spacy_run["seconds"], 3) if spacy_run else None,
                "peak_rss_build_mib": build_rss, "peak_rss_spacy_same_components_mib": nlp_rss,
                "peak_rss_spacy_model_alone_mib": spacy_rss,
            }
            result["sizes"][f"{mb:g}MB"] = row
            print_table(f"build, {mb:g} MB ({machine()})", list(row.items()))
        first = make_corpus(1_000_000, Path(tmp) / "stages.jsonl")
        result["stages_1MB"] = stage_shares(first)
        print_table("stages on 1 MB (one process)", list(result["stages_1MB"].items()))
    keys = list(result["sizes"])
    if len(keys) >= 2:
        a, b = result["sizes"][keys[0]], result["sizes"][keys[-1]]
        result["rss_ratio_largest_vs_smallest"] = round(b["peak_rss_build_mib"] / a["peak_rss_build_mib"], 3)
        print_table("memory", [("peak RSS ratio", result["rss_ratio_largest_vs_smallest"])])
    save("bench_build", result)


if __name__ == "__main__":
    main()

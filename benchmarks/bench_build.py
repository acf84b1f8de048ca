"""Benchmark `build` against spaCy parsing alone, at 1 MB and 10 MB, in one run.

For each size, in fresh processes (so peak RSS is the run's own): spaCy alone over
the cleaned texts, once with the installed model's own components and once with the
same components as graphbuild (plus its line-break and actor-ruler stages), and
`graphbuild build --store` end to end (ingest, NLP with the actor ruler, rules, quads into the
store, Turtle + GraphML + GEXF exports). Model loading is excluded from both.
Then, in this process on the 1 MB corpus, the stages one by one, to show where the
time goes and what the rules cost relative to the parse.

Ratios are what to compare: the machines are shared and noisy, but both sides of a
ratio ran minutes apart on the same input. spaCy and build runs are interleaved and
repeated (``--repeat``, default 2) and the best of each is compared, since noise on a
shared machine only ever adds time; every run's time is saved too. Peak RSS is the
largest over the build runs.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import machine, make_corpus, print_table, run_child, save, timed

from graphbuild.export import DEFAULT_FORMATS, export_graph
from graphbuild.extract import Extractor
from graphbuild.gazetteer import load_places
from graphbuild.ingest import read_documents
from graphbuild.nlp import find_model, load_pipeline
from graphbuild.ontology import load_ontology
from graphbuild.store import KnowledgeGraph


def stage_shares(corpus: Path) -> dict:
    onto = load_ontology()
    nlp = load_pipeline(onto)
    nlp("warm up")
    load_places()  # data loading, like the model's, is not a stage's cost
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
    ap.add_argument("--repeat", type=int, default=2,
                    help="interleaved runs of spaCy and of build per size; the best of each is compared (default 2)")
    args = ap.parse_args()
    sizes = [float(x) for x in args.sizes.split(",")]

    result: dict = {"machine": machine(), "model": find_model(), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            corpus = make_corpus(int(mb * 1_000_000), Path(tmp) / f"corpus-{mb:g}mb.jsonl")
            words = sum(len(d.text.split()) for d in read_documents([corpus]))
            # the model alone (its own components) only on the first size: it is context, not the target
            spacy_run, spacy_rss = run_child(["spacy", str(corpus)]) if mb == sizes[0] else (None, None)
            # spaCy with the same components and the build, interleaved and repeated: the machine is
            # shared, noise only ever adds time, so each side's best run is what is compared
            nlp_runs, build_runs = [], []
            for n in range(args.repeat):
                nlp_runs.append(run_child(["nlp", str(corpus)]))
                store = Path(tmp) / f"store-{mb:g}-{n}"
                build_runs.append(run_child(["build", str(corpus), str(store)]))
                shutil.rmtree(store)
            nlp_run, nlp_rss = min(nlp_runs, key=lambda r: r[0]["seconds"])
            build_run, _ = min(build_runs, key=lambda r: r[0]["seconds"])
            build_rss = max(rss for _run, rss in build_runs)
            s = build_run["seconds"]
            row = {
                "documents": build_run["documents"], "sentences": build_run["sentences"], "words": words,
                "triples": build_run["triples"],
                "spacy_alone_s": round(spacy_run["seconds"], 2) if spacy_run else None, "build_s": round(s, 2),
                "build_exports_s": round(build_run["export_seconds"], 2),
                "documents_per_s": round(build_run["documents"] / s, 2),
                "sentences_per_s": round(build_run["sentences"] / s, 1), "words_per_s": round(words / s),
                "spacy_same_components_s": round(nlp_run["seconds"], 2),
                "build_over_spacy_same_components": round(s / nlp_run["seconds"], 3),
                "build_over_spacy_model_alone": round(s / spacy_run["seconds"], 3) if spacy_run else None,
                "peak_rss_build_mib": build_rss, "peak_rss_spacy_same_components_mib": nlp_rss,
                "peak_rss_spacy_model_alone_mib": spacy_rss,
                "all_runs_s": {"spacy_same_components": [round(r["seconds"], 2) for r, _ in nlp_runs],
                               "build": [round(r["seconds"], 2) for r, _ in build_runs]},
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

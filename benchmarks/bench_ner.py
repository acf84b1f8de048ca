"""Benchmark `--ner on|auto|off`: the parse's CPU seconds and the dev sets' country-dyad scores.

Speed: each run is a fresh process that loads the pipeline with the mode (not timed), then
parses the same corpus (``--chars``, default 300,000 characters of the build corpus) component by
component, in batches of 16 texts as ``nlp.pipe`` does, so every component's CPU seconds are
known; runs alternate between the modes and repeat (``--repeat``, default 3) and the best of
each is compared, since noise on a shared machine only ever adds time. CPU seconds
(``time.process_time``) are what to compare, wall seconds and the load average say how busy
the machine was. The same on real news (the news sets' passages and PLOVER's dev records, about
68,000 characters, parsed three times over in each run), where fewer sentences name two known
states than in the build corpus (made of the seeds and of gold sentences chosen for their dyads).

Quality: ``graphbuild evaluate`` with each mode on the dev sets (the seeds, the two news sets,
PLOVER's dev records read from ../shared), graphbuild's country-dyad precision, recall and F1
and its typed-dyad F1.

Also the upper bound of a parser run only where a statement can come from: the share of the
tokens in sentences that name fewer than two states after the ruler and NER (actors resolved as
the rules see them), times the parser's own CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, make_corpus, print_table, save

PLOVER = ROOT.parent / "shared" / "data" / "plover" / "plover_gsr_dev.jsonl"  # read there, never copied
MODES = ("on", "auto", "off", "auto-two-states")
# Variants of --ner auto, measured to choose its rule: NER only on the sentences where the ruler
# found fewer than two states (demonyms and places counting, unknown proper nouns ignored), or
# fewer than two actors (ids, not states).
VARIANTS = {
    "auto-two-states": {"uncounted": frozenset(), "unknown_names": False},
    "auto-two-actors": {"states": {}, "uncounted": frozenset(), "unknown_names": False},
}
DEV_SETS = {
    "seeds": ("eval/seeds.gold.jsonl", ["seeds"]),
    "news": ("eval/news.gold.jsonl", ["eval/news.passages.jsonl"]),
    "news2": ("eval/news2.gold.jsonl", ["eval/news2.passages.jsonl"]),
    "plover_dev": (str(PLOVER), []),
}
BATCH = 16
NEWS = ("eval/news.passages.jsonl", "eval/news2.passages.jsonl")


def pipeline(mode: str):
    """The pipeline of ``mode`` (a variant: --ner auto's component with other settings)."""
    from graphbuild.nlp import GAP_NER_NAME, load_pipeline
    from graphbuild.ontology import load_ontology

    nlp = load_pipeline(load_ontology(), ner="auto" if mode in VARIANTS else mode)
    for attr, value in VARIANTS.get(mode, {}).items():
        setattr(nlp.get_pipe(GAP_NER_NAME), attr, value)
    return nlp


def timed_parse(nlp, texts: list[str]) -> tuple[list, float, float, dict[str, float]]:
    """The parsed docs, CPU and wall seconds, and each component's CPU seconds."""
    from spacy.util import minibatch

    cpu: dict[str, float] = {name: 0.0 for name in ["tokenizer", *nlp.pipe_names]}
    docs_out = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for batch in minibatch(texts, size=BATCH):
        t = time.process_time()
        docs = [nlp.make_doc(text) for text in batch]
        cpu["tokenizer"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            cpu[name] += time.process_time() - t
        docs_out += docs
    return (docs_out, round(time.process_time() - cpu0, 2), round(time.perf_counter() - wall0, 2),
            {k: round(v, 2) for k, v in cpu.items()})


def parse_run(mode: str, corpus: Path) -> dict:
    """Child: the corpus parsed with ``mode``, CPU seconds per component."""
    from graphbuild.actors import ActorResolver
    from graphbuild.ingest import read_documents
    from graphbuild.nlp import GAP_NER_NAME
    from graphbuild.ontology import load_ontology

    onto = load_ontology()
    nlp = pipeline(mode)
    nlp("Warm up, Russia.")
    texts = [d.text for d in read_documents([corpus])]
    out: dict = {"mode": mode}
    docs_out, out["cpu_s"], out["wall_s"], out["cpu_by_component_s"] = timed_parse(nlp, texts)
    # real news: the news sets' passages and PLOVER's dev records, three times over
    news_texts = [x.text for path in NEWS for x in read_documents([ROOT / path])]
    news_texts += [json.loads(line)["text"] for line in PLOVER.read_text(encoding="utf-8").splitlines()]
    _, out["news_cpu_s"], out["news_wall_s"], out["news_cpu_by_component_s"] = timed_parse(nlp, news_texts * 3)
    out["news_chars"] = 3 * sum(map(len, news_texts))
    sentences = [s for d in docs_out for s in d.sents]
    out["sentences"], out["tokens"] = len(sentences), sum(len(s) for s in sentences)
    if GAP_NER_NAME in nlp.pipe_names:  # the sentences given to NER (decided before it runs)
        gaps = nlp.get_pipe(GAP_NER_NAME)

        def given(texts) -> tuple[int, int, int]:
            with nlp.select_pipes(disable=[GAP_NER_NAME]):
                spans = [(len(d), [end - start for start, end in gaps.sentences_needing_ner(d)])
                         for d in nlp.pipe(texts)]
            return sum(len(s) for _, s in spans), sum(sum(s) for _, s in spans), sum(n for n, _ in spans)

        out["sentences_given_ner"], out["tokens_given_ner"], _ = given(texts)
        _, tokens, total = given(news_texts)
        out["news_token_share_given_ner"] = round(tokens / total, 3)
    if mode == "on":  # how much parse a parser run only on sentences naming two states could save
        resolver = ActorResolver(onto)

        def under_two_states(docs) -> tuple[int, int]:
            few = few_tokens = 0
            for d in docs:
                mentions = resolver.mentions(d)
                for s in d.sents:
                    states = {m.actor.country or m.actor.key for i, m in mentions.items() if s.start <= i < s.end}
                    if len(states) < 2:
                        few += 1
                        few_tokens += len(s)
            return few, few_tokens

        out["sentences_under_two_states"], out["tokens_under_two_states"] = under_two_states(docs_out)
        news = list(nlp.pipe(news_texts))
        out["news_token_share_under_two_states"] = round(
            under_two_states(news)[1] / sum(len(d) for d in news), 3)
    return out


def eval_run(mode: str) -> dict:
    """Child: graphbuild's dyad scores with ``mode`` on every dev set."""
    from graphbuild.evaluate import evaluate
    from graphbuild.ontology import load_ontology

    onto = load_ontology()
    pipeline(mode)  # (cached: evaluate parses with it)
    out = {}
    for name, (gold, paths) in DEV_SETS.items():
        gold_path = ROOT / gold
        if not gold_path.exists():
            out[name] = None
            continue
        result = evaluate(gold_path, [ROOT / p for p in paths], onto, systems=("graphbuild",),
                          ner="auto" if mode in VARIANTS else mode)
        res = result["systems"]["graphbuild"]
        out[name] = {"dyads": {k: res["dyads"][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")},
                     "typed_f1": res["typed"]["f1"]}
    return out


def child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True,
                          check=True, cwd=ROOT / "benchmarks")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--chars", type=int, default=300_000, help="characters of the build corpus parsed (300,000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each mode, interleaved (default 3)")
    ap.add_argument("--modes", default=",".join(MODES),
                    help=f"modes to compare, the first the base (default {','.join(MODES)}; "
                         f"also {', '.join(VARIANTS)})")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, mode, *rest = args.child
        result = parse_run(mode, Path(rest[0])) if kind == "parse" else eval_run(mode)
        print(json.dumps(result))
        return
    modes = args.modes.split(",")
    result: dict = {"machine": machine(), "chars": args.chars, "speed": {}, "quality": {}}
    runs: dict[str, list[dict]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(args.chars, Path(tmp) / "corpus.jsonl")
        for rep in range(args.repeat):
            for mode in modes:
                load = os.getloadavg()[0]
                run = child(["parse", mode, str(corpus)])
                run["load_before"] = round(load, 2)
                runs[mode].append(run)
                print(f"  --ner {mode}: build corpus {run['cpu_s']:.2f} CPU s, {run['wall_s']:.2f} s; news "
                      f"{run['news_cpu_s']:.2f} CPU s, {run['news_wall_s']:.2f} s (load {load:.2f})", flush=True)
    base = min(r["cpu_s"] for r in runs[modes[0]])
    news_base = min(r["news_cpu_s"] for r in runs[modes[0]])
    for mode in modes:
        best = min(runs[mode], key=lambda r: r["cpu_s"])
        row = {**best, "all_cpu_s": [r["cpu_s"] for r in runs[mode]], "all_wall_s": [r["wall_s"] for r in runs[mode]],
               "load_before": [r["load_before"] for r in runs[mode]],
               f"cpu_speedup_over_{modes[0]}": round(base / best["cpu_s"], 3),
               "news_best_cpu_s": min(r["news_cpu_s"] for r in runs[mode]),
               "news_all_cpu_s": [r["news_cpu_s"] for r in runs[mode]],
               f"news_cpu_speedup_over_{modes[0]}": round(news_base / min(r["news_cpu_s"] for r in runs[mode]), 3)}
        if "tokens_given_ner" in best:
            row["token_share_given_ner"] = round(best["tokens_given_ner"] / best["tokens"], 3)
        if "tokens_under_two_states" in best:
            share = best["tokens_under_two_states"] / best["tokens"]
            row["parser_cpu_s_in_sentences_under_two_states"] = round(
                share * best["cpu_by_component_s"].get("parser", 0.0), 2)
        result["speed"][mode] = row
        print_table(f"--ner {mode}, {args.chars:,} characters ({machine()})", list(row.items()))
    for mode in modes:
        result["quality"][mode] = child(["eval", mode])
        rows = [(name, "-" if q is None else
                 f"dyads P {q['dyads']['precision']:.3f} R {q['dyads']['recall']:.3f} F1 {q['dyads']['f1']:.3f}, "
                 f"typed F1 {q['typed_f1']:.3f}") for name, q in result["quality"][mode].items()]
        print_table(f"--ner {mode}: graphbuild on the dev sets", rows)
    save("bench_ner", result)


if __name__ == "__main__":
    main()

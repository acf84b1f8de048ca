"""Markdown tables of the last `make bench` run (benchmarks/results/*.json), as the README quotes them.

    python benchmarks/report.py            # print every table whose results exist
"""

from __future__ import annotations

import json

from common import RESULTS


def _load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join("" if v is None else str(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


BUILD_ROWS = [
    ("documents", "documents"), ("sentences", "sentences"), ("words", "words"), ("triples extracted", "triples"),
    ("spaCy, model's own components (s)", "spacy_alone_s"),
    ("spaCy, same components as graphbuild (s, best run)", "spacy_same_components_s"),
    ("`build --store` incl. Turtle + GraphML + GEXF (s, best run)", "build_s"),
    ("of which exports, after the last document (s)", "build_exports_s"),
    ("documents/s", "documents_per_s"), ("sentences/s", "sentences_per_s"), ("words/s", "words_per_s"),
    ("**build ÷ spaCy with the same components**", "build_over_spacy_same_components"),
    ("build ÷ spaCy model alone", "build_over_spacy_model_alone"),
    ("peak RSS of build (MiB)", "peak_rss_build_mib"),
    ("peak RSS of spaCy, same components (MiB)", "peak_rss_spacy_same_components_mib"),
]


def build_table(data: dict) -> str:
    sizes = list(data["sizes"])
    rows = [[label, *(data["sizes"][s].get(key) for s in sizes)] for label, key in BUILD_ROWS]
    rows.append(["all runs: spaCy same components / build (s)",
                 *(f"{data['sizes'][s]['all_runs_s']['spacy_same_components']} / {data['sizes'][s]['all_runs_s']['build']}"
                   if "all_runs_s" in data["sizes"][s] else "" for s in sizes)])
    out = _table(["measure", *sizes], rows)
    if "rss_ratio_largest_vs_smallest" in data:
        out += f"\n\nPeak RSS, {sizes[-1]} ÷ {sizes[0]}: **{data['rss_ratio_largest_vs_smallest']}×**."
    st = data.get("stages_1MB")
    if st:
        out += (f"\n\nStages on 1 MB in one process: ingest {st['ingest_s']} s, NLP with the actor ruler "
                f"{st['nlp_with_ruler_s']} s, rules {st['rules_s']} s ({st['rules_vs_parse']:.1%} of the parse), "
                f"quads into the store {st['quads_into_store_s']} s, exports {st['exports_s']} s.")
    return out


def sparql_table(data: dict) -> str:
    engines = ["oxigraph_disk", "oxigraph_memory", "rdflib_memory"]
    rows = [[f"`{name}`", *(q[e] for e in engines), q["rows"]] for name, q in data["queries"].items()]
    rows.append(["**suite total**", *(data["total_s"][e] for e in engines), ""])
    out = _table(["named query", "Oxigraph on disk (s)", "Oxigraph in memory (s)", "rdflib in memory (s)", "rows"],
                 rows)
    load = data["load_s"]
    return out + (f"\n\nAt {data['triples']:,} triples. Loading: Oxigraph on disk {load['oxigraph_disk']} s, "
                  f"in memory {load['oxigraph_memory']} s, rdflib {load['rdflib_memory']} s. The store wins the "
                  f"suite {data['rdflib_over_disk_total']}×; its worst query takes "
                  f"{data['worst_disk_over_rdflib']}× rdflib's time.")


def export_table(data: dict) -> str:
    rows = [["GraphML", data["graphbuild_graphml_s"], data["networkx_write_graphml_s"], data["graphml_ratio"]],
            ["GEXF 1.3", data["graphbuild_gexf_s"], data["networkx_write_gexf_s"], data["gexf_ratio"]]]
    out = _table([f"export of {data['edges']:,} edges, {data['nodes']:,} nodes", "graphbuild (s)",
                  "networkx writer alone (s)", "ratio"], rows)
    out += (f"\n\nReading the actor network out of the store (a SPARQL aggregate, once per build, "
            f"shared by GraphML, GEXF and CSV) took {data['network_from_store_s']} s")
    if "graphml_with_network_ratio" in data:
        out += (f"; counting it, GraphML is {data['graphml_with_network_ratio']}× and GEXF "
                f"{data['gexf_with_network_ratio']}× networkx's writer alone")
    return out + "."


def html_table(data: dict) -> str:
    rows = [
        ["`graph.html` size (MB)", data["html_mb"]],
        ["HTML writer, after the network (s, best run)", data["html_writer_s"]],
        ["actor network from the store (s; shared with GraphML, GEXF, CSV)", data["network_from_store_s"]],
        ["**first paint** in headless Chromium (ms since navigation, best / median)",
         f"**{data['first_paint_ms']:.0f}** / {data['first_paint_median_ms']:.0f}"],
        ["of which: HTML parsed until the page's script (ms)", data["of_which_parse_until_script_ms"]],
        ["of which: JSON and graph built (ms)", data["of_which_data_ms"]],
        [f"of which: ForceAtlas2, {data['layout_iterations']} iterations (ms)", data["of_which_layout_ms"]],
        ["of which: sigma's first drawing (ms)", data["of_which_first_render_ms"]],
        ["actors / relations drawn", f"{data['rendered_nodes']:,} / {data['rendered_edges']:,}"],
        ["filter change, sigma's own work (ms)", data["filter_refresh_cpu_ms"]],
        ["filter change, until drawn (ms, best / median)",
         f"{data['filter_refresh_ms']:.0f} / {data['filter_refresh_median_ms']:.0f}"],
        ["one frame of the whole graph (ms)", data["frame_ms"]],
        ["click on the best-connected actor, until drawn (ms)", data["click_focus_refresh_ms"]],
    ]
    if "networkx_spring_layout_s" in data:
        rows.append(["networkx `spring_layout`, 50 iterations, for comparison (s)", data["networkx_spring_layout_s"]])
    return _table([f"HTML view of {data['nodes']:,} actors, {data['edges']:,} relations", "measured"], rows)


def main() -> None:
    for name, render in (("bench_build", build_table), ("bench_sparql", sparql_table),
                         ("bench_export", export_table), ("bench_html", html_table)):
        data = _load(name)
        if data is not None:
            print(f"## {name} ({data['machine']})\n\n{render(data)}\n")


if __name__ == "__main__":
    main()

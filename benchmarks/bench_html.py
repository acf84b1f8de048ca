"""The HTML view at 5,000 actors and 20,000 relations: file size, the writer's time, and in
headless Chromium the time to first paint, the layout's share and the cost of interaction.

The network comes from synthetic documents (real ontology actors plus made-up persons, real
relations, sentences padded to news length) through graphbuild's own RDF stage and store, and
the page is written by the real exporter (``export_graph(..., ["html"])``). The page, opened
as ``graph.html#bench``, writes its timings into ``<body data-*>`` (``performance.now()``,
each drawing waited for with a one-pixel read, since headless Chromium renders WebGL in
software here); ``--dump-dom`` reads them back. For the choice of layout, networkx's
``spring_layout`` (the Python alternative) is timed on the same network.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import networkx as nx
from common import machine, print_table, save, timed
from synthetic import synthetic_graph

from graphbuild.export import export_graph
from graphbuild.network import actor_network
from graphbuild.ontology import load_ontology

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
                  "--enable-unsafe-swiftshader", "--window-size=1280,800", "--hide-scrollbars"]


def page_state(page: Path, profile: Path, *, timeout: int = 600) -> tuple[dict[str, str], float]:
    """The ``data-*`` attributes of the page's body after loading it with ``#bench``, and the
    browser's wall time (start-up included)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("bench_html needs headless Chromium: apt-get install chromium")
    args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=120000",
            "--dump-dom", page.resolve().as_uri() + "#bench"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the browser and its helper processes
        proc.communicate()
        raise SystemExit(f"chromium did not finish loading {page} in {timeout} s") from None
    wall = time.perf_counter() - t0
    body = re.search(r"<body ([^>]*)>", out)
    if body is None:
        raise SystemExit(f"chromium printed no page (exit {proc.returncode})")
    state = dict(re.findall(r'data-([\w-]+)="([^"]*)"', body[1]))
    if state.get("state") != "ready":
        raise SystemExit(f"the page did not render: {state.get('error')}")
    return state, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--documents", type=int, default=2300, help="synthetic documents (2300: about 20k edges)")
    ap.add_argument("--pool", type=int, default=5000, help="actors the statements draw from (about the nodes)")
    ap.add_argument("--sentence-words", type=int, default=18, help="filler words per sentence (news length)")
    ap.add_argument("--repeat", type=int, default=3, help="writer runs and browser loads; the best is reported")
    ap.add_argument("--no-python-layout", action="store_true", help="skip timing networkx's spring_layout")
    args = ap.parse_args()

    onto = load_ontology()
    kg, t_build = timed(lambda: synthetic_graph(onto, documents=args.documents, pool=args.pool,
                                                sentence_words=args.sentence_words))
    G, t_network = timed(lambda: actor_network(kg))  # cached on kg, as in a build: the writer reuses it
    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        out = Path(tmp)
        writer = [timed(lambda: export_graph(kg, out, ["html"]))[1] for _ in range(args.repeat)]
        page = out / "graph.html"
        size = page.stat().st_size
        loads = [page_state(page, out / f"profile-{n}") for n in range(args.repeat)]

    states = [s for s, _wall in loads]

    def best(key: str) -> float:
        return min(float(s[key]) for s in states)

    def median(key: str) -> float:
        return round(statistics.median(float(s[key]) for s in states), 1)

    first = min(states, key=lambda s: float(s["first-paint-ms"]))
    result = {
        "machine": machine(), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "html_mb": round(size / 1e6, 2),
        "html_writer_s": round(min(writer), 2), "network_from_store_s": round(t_network, 2),
        "first_paint_ms": best("first-paint-ms"), "first_paint_median_ms": median("first-paint-ms"),
        "of_which_parse_until_script_ms": float(first["script-start-ms"]),
        "of_which_data_ms": float(first["data-ms"]),
        "of_which_layout_ms": float(first["layout-ms"]), "layout_iterations": int(first["layout-iterations"]),
        "of_which_first_render_ms": float(first["sigma-ms"]),
        "rendered_nodes": int(first["rendered-nodes"]), "rendered_edges": int(first["rendered-edges"]),
        "filter_refresh_ms": best("filter-refresh-ms"), "filter_refresh_median_ms": median("filter-refresh-ms"),
        "filter_refresh_cpu_ms": best("filter-refresh-cpu-ms"),
        "filter_reset_refresh_ms": best("reset-refresh-ms"),
        "frame_ms": best("frame-ms"), "click_focus_refresh_ms": best("select-refresh-ms"),
        "browser_wall_s": round(min(w for _s, w in loads), 1),
        "synthetic_build_s": round(t_build, 1),
        "all_runs": {"html_writer_s": [round(t, 2) for t in writer],
                     "first_paint_ms": [float(s["first-paint-ms"]) for s in states],
                     "filter_refresh_ms": [float(s["filter-refresh-ms"]) for s in states]},
    }
    if not args.no_python_layout:
        # the alternative: lay out in Python and ship positions (scipy's sparse solver, 50 iterations)
        _pos, t_layout = timed(lambda: nx.spring_layout(nx.Graph(G.to_undirected()), iterations=50, seed=1))
        result["networkx_spring_layout_s"] = round(t_layout, 1)
    print_table(f"HTML view at {result['nodes']} nodes, {result['edges']} edges ({machine()})", list(result.items()))
    save("bench_html", result)


if __name__ == "__main__":
    main()

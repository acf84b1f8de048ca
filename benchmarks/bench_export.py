"""GraphML and GEXF export of a graph with about 100k edges: graphbuild's writers
(making values safe for Gephi, writing, post-processing) against networkx's writers
alone on the finished networkx graph, in one run. Reading the actor network out of the
store (a SPARQL aggregate, done once per build and shared by GraphML, GEXF and CSV) is
timed on its own and reported beside them."""

from __future__ import annotations

import argparse
import io

import networkx as nx
from common import machine, print_table, save, timed
from synthetic import synthetic_graph

from graphbuild.gexf import _gexf_ready, generate_gexf
from graphbuild.graphml import _graphml_ready, generate_graphml
from graphbuild.network import actor_network
from graphbuild.ontology import load_ontology


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--documents", type=int, default=11000, help="synthetic documents (11000: about 100k edges)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each writer; the best is reported")
    args = ap.parse_args()
    onto = load_ontology()
    kg, t_build = timed(lambda: synthetic_graph(onto, documents=args.documents, extra_actors=3000))
    G, t_network = timed(lambda: actor_network(kg))  # cached on kg: the writers reuse it
    H, X = _graphml_ready(G), _gexf_ready(G)
    # best of --repeat runs, the four writers interleaved (noise on a shared machine only adds time)
    runs: dict[str, list[float]] = {"graphml": [], "nx_graphml": [], "gexf": [], "nx_gexf": []}
    for _ in range(args.repeat):
        graphml, t = timed(lambda: generate_graphml(kg))
        runs["graphml"].append(t)
        _, t = timed(lambda: nx.write_graphml(H, io.BytesIO(), edge_id_from_attribute="eid",
                                              infer_numeric_types=True))  # as graphbuild calls it
        runs["nx_graphml"].append(t)
        gexf, t = timed(lambda: generate_gexf(kg))
        runs["gexf"].append(t)
        _, t = timed(lambda: nx.write_gexf(X, io.BytesIO(), version="1.3"))
        runs["nx_gexf"].append(t)
    t_graphml, t_nx_graphml, t_gexf, t_nx_gexf = (min(runs[k]) for k in ("graphml", "nx_graphml", "gexf", "nx_gexf"))
    result = {
        "machine": machine(), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "graphbuild_graphml_s": round(t_graphml, 2), "networkx_write_graphml_s": round(t_nx_graphml, 2),
        "graphml_ratio": round(t_graphml / t_nx_graphml, 2),
        "graphbuild_gexf_s": round(t_gexf, 2), "networkx_write_gexf_s": round(t_nx_gexf, 2),
        "gexf_ratio": round(t_gexf / t_nx_gexf, 2),
        "network_from_store_s": round(t_network, 2),
        "graphml_with_network_ratio": round((t_graphml + t_network) / t_nx_graphml, 2),
        "gexf_with_network_ratio": round((t_gexf + t_network) / t_nx_gexf, 2),
        "graphml_mb": round(len(graphml) / 1e6, 1),
        "gexf_mb": round(len(gexf) / 1e6, 1), "synthetic_build_s": round(t_build, 1),
        "all_runs_s": {k: [round(t, 2) for t in v] for k, v in runs.items()},
    }
    print_table(f"exports at {result['edges']} edges ({machine()})", list(result.items()))
    save("bench_export", result)


if __name__ == "__main__":
    main()

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
    args = ap.parse_args()
    onto = load_ontology()
    kg, t_build = timed(lambda: synthetic_graph(onto, documents=args.documents, extra_actors=3000))
    G, t_network = timed(lambda: actor_network(kg))  # cached on kg: the writers reuse it
    graphml, t_graphml = timed(lambda: generate_graphml(kg))
    gexf, t_gexf = timed(lambda: generate_gexf(kg))
    H = _graphml_ready(G)
    _, t_nx_graphml = timed(lambda: nx.write_graphml(H, io.BytesIO(), edge_id_from_attribute="eid",
                                                       infer_numeric_types=True))  # as graphbuild calls it
    X = _gexf_ready(G)
    _, t_nx_gexf = timed(lambda: nx.write_gexf(X, io.BytesIO(), version="1.3"))
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
    }
    print_table(f"exports at {result['edges']} edges ({machine()})", list(result.items()))
    save("bench_export", result)


if __name__ == "__main__":
    main()

"""Every export of the seeds' graph, read back with an independent reader and compared."""

from __future__ import annotations

import csv
import gzip

import networkx as nx
import pytest
from lxml import etree
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graphbuild.export import EXPORTERS

GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def flat(seed_exports):
    return Graph().parse(seed_exports / "graph.ttl")


@pytest.fixture(scope="module")
def graphml(seed_exports):
    return nx.read_graphml(seed_exports / "graph.graphml", force_multigraph=True)


def edge_set(G):
    return {(u, d["relation"], v) for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize("name,fmt", [("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_exports_rdf_isomorphic(seed_exports, flat, name, fmt):
    assert isomorphic(Graph().parse(seed_exports / name, format=fmt), flat)


@pytest.mark.parametrize("name,fmt", [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_exports_named_graph_per_document(seed_exports, flat, name, fmt):
    ds = Dataset()
    ds.parse(seed_exports / name, format=fmt)
    union = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, flat)
    named = {c.identifier for c in ds.graphs() if "/doc/" in str(c.identifier)}
    docs = set(flat.query("SELECT ?d WHERE { ?st <https://w3id.org/graphbuild/ontology#document> ?d }"))
    assert named == {row[0] for row in docs} and len(named) == 2


@pytest.mark.parametrize("name", ["graph.nq.gz"])
def test_exports_gzipped_nquads(seed_exports, name):
    assert gzip.decompress((seed_exports / name).read_bytes()) == (seed_exports / "graph.nq").read_bytes()


def test_exports_graphml_matches_rdf(graphml, flat):
    asserted = set(flat.query("""
        PREFIX gb: <https://w3id.org/graphbuild/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT DISTINCT ?s ?p ?o WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:negated false }"""))
    assert edge_set(graphml) == {(str(s), str(p).rsplit("#", 1)[-1], str(o)) for s, p, o in asserted}
    for n, d in graphml.nodes(data=True):
        assert d["label"] and d["type"] and d["degree"] >= 1 and d["mentions"] >= 1
    for _u, _v, d in graphml.edges(data=True):
        assert d["weight"] >= 1 and d["documents"] >= 1 and d["evidence"] and d["relation_iri"].endswith(d["relation"])


def test_exports_graphml_keys_declared_and_edge_types(seed_exports):
    root = etree.parse(str(seed_exports / "graph.graphml")).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert root.index(keys[-1]) < root.index(root.find(f"{GRAPHML}graph"))
    assert {k.get("attr.type") for k in keys} <= {"string", "int", "long", "float", "double", "boolean"}
    assert all(k.get("for") in ("node", "edge") for k in keys)
    edges = root.iter(f"{GRAPHML}edge")
    ids = []
    for e in edges:
        ids.append(e.get("id"))
        assert e.get("label")
    assert len(ids) == len(set(ids))


def test_exports_gexf_read_back(seed_exports, graphml):
    root = etree.parse(str(seed_exports / "graph.gexf")).getroot()
    assert root.get("version") == "1.3"
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") is None
    assert root.find(f"{GEXF}meta/{GEXF}creator").text == "graphbuild"
    assert root.nsmap["xsi"] == "http://www.w3.org/2001/XMLSchema-instance"  # networkx drops the 'www.'
    assert "networkx_key" not in {a.get("title") for a in root.iter(f"{GEXF}attribute")}
    edges = list(root.iter(f"{GEXF}edge"))
    assert len(edges) == graphml.number_of_edges()
    assert all(e.get("kind") and float(e.get("weight")) >= 1 for e in edges)
    dated = [e for e in edges if e.find(f"{GEXF}spells") is not None]
    assert dated and all(s.get("start") == "2015-04-20" for e in dated for s in e.iter(f"{GEXF}spell"))
    nodes = list(root.iter(f"{GEXF}node"))
    assert all(n.find("{http://gexf.net/1.3/viz}color") is not None for n in nodes)
    G = nx.read_gexf(seed_exports / "graph.gexf")
    assert set(G.nodes) == set(graphml.nodes)


def test_exports_csv_matches_graphml(seed_exports, graphml):
    with (seed_exports / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with (seed_exports / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert {n["Id"] for n in nodes} == set(graphml.nodes)
    assert {(e["Source"], e["relation"], e["Target"]) for e in edges} == edge_set(graphml)
    assert all(float(e["Weight"]) >= 1 and e["Type"] == "Directed" for e in edges)


@pytest.mark.parametrize("pair", [("joins", "criticizes")])
def test_exports_two_relations_same_pair_stay_two_edges(tmp_path, runner, pair):
    from graphbuild.cli import app

    (tmp_path / "a.txt").write_text("Russia joined the AIIB. Russia criticized the AIIB.", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "o" / "graph.graphml")).getroot()
    kinds = sorted(e.get("label") for e in root.iter(f"{GRAPHML}edge"))
    assert kinds == sorted(pair)
    G = nx.read_gexf(tmp_path / "o" / "graph.gexf")
    assert G.number_of_edges() == 2


def test_exports_registry_files_are_distinct():
    names = [n for e in EXPORTERS.values() for n in e.files]
    assert len(names) == len(set(names))

"""RDF quads per document and exports, compared as triple sets and read back independently."""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from pyoxigraph import Literal, NamedNode
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graphbuild.export import EXPORTERS, UnknownFormatError, export_graph, write_atomic
from graphbuild.ontology import ACTOR
from graphbuild.rdf import document_iri, document_quads
from graphbuild.store import KnowledgeGraph, sort_lines
from graphbuild.types import Document, Triple

DOC = Document(id="a.txt", text="Russia joins the AIIB. Russia criticizes the AIIB.", source="a.txt",
               sha256="ab" * 32, title="A title", date="2015-04-20")


def triple(onto, subj, rel, obj, *, negated=False, index=0, sentence="Russia joins the AIIB."):
    return Triple(DOC.id, DOC.sha256, sentence, index, 0, len(sentence), onto.actors[subj], rel, rel,
                  rel, onto.actors[obj], negated, 0.8, "verb_active")


@pytest.fixture()
def sample(onto):
    return [
        triple(onto, "RUS", "joins", "AIIB"),
        triple(onto, "RUS", "criticizes", "AIIB", index=1, sentence="Russia criticizes the AIIB."),
        triple(onto, "RUS", "supports", "JPN", negated=True, index=2, sentence="Russia does not support Japan."),
    ]


def make_graph(onto, triples, *, ontology=True) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    if ontology:
        kg.load_ontology(onto)
    kg.put_document(DOC, triples, onto)
    return kg


def assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _both, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"graphs differ:\nonly in first:\n{sorted(only_a)[:10]}\nonly in second:\n{sorted(only_b)[:10]}")


def test_rdf_direct_edges_and_negation(onto, sample):
    quads = document_quads(DOC, sample, onto)
    relations = {str(onto.relation_iri(r)) for r in onto.relations}
    direct = {(q.subject.value, q.predicate.value, q.object.value) for q in quads if q.predicate.value in relations}
    assert direct == {(str(ACTOR.RUS), str(onto.relation_iri("joins")), str(ACTOR.AIIB)),
                      (str(ACTOR.RUS), str(onto.relation_iri("criticizes")), str(ACTOR.AIIB))}
    negated = [q.subject for q in quads if q.predicate.value.endswith("#negated") and q.object == Literal(True)]
    assert len(negated) == 1
    assert {q.graph_name for q in quads} == {NamedNode(document_iri(DOC.sha256))}


def test_rdf_deterministic_and_no_blank_nodes(onto, sample):
    a = make_graph(onto, sample)
    b = make_graph(onto, list(reversed(sample)))
    assert set(a.quads()) == set(b.quads())
    assert not any(type(x).__name__ == "BlankNode" for q in a.quads() for x in (q.subject, q.object))


OTHER = Document(id="b.txt", text="Japan visits China.", source="b.txt", sha256="cd" * 32, title="B")


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig"])
def test_rdf_exports_same_bytes_whatever_the_store_or_insertion_order(tmp_path, onto, sample, fmt):
    other = [Triple(OTHER.id, OTHER.sha256, OTHER.text, 0, 0, 19, onto.actors["JPN"], "visits", "visits",
                    "visits", onto.actors["CHN"], False, 0.9, "verb_active")]
    stores = {"memory": KnowledgeGraph(), "memory-reversed": KnowledgeGraph(), "disk": KnowledgeGraph(tmp_path / "s")}
    for name, kg in stores.items():
        docs = [(DOC, sample), (OTHER, other)]
        for doc, triples in (reversed(docs) if name == "memory-reversed" else docs):
            kg.put_document(doc, list(reversed(triples)) if name == "memory-reversed" else triples, onto)
        kg.load_ontology(onto)
    files = {name: export_graph(kg, tmp_path / name, [fmt])[0].read_bytes() for name, kg in stores.items()}
    assert files["memory"] == files["memory-reversed"] == files["disk"]
    assert b"Japan" in files["memory"] and b"AIIB" in files["memory"]
    assert [p.name for p in (tmp_path / "disk").iterdir()] == list(EXPORTERS[fmt].files)  # no scratch files left


def test_sort_lines_merges_sorted_runs_and_drops_repeats(tmp_path):
    lines = [f"<http://ex.org/{n % 37}> <p> \"{'é' * (n % 3)}{n % 11}\" .\n" for n in range(200)]
    src = tmp_path / "in.nt"
    src.write_text("".join(reversed(lines)), encoding="utf-8")
    sort_lines(src, tmp_path / "out.nt", run_lines=7)  # 29 runs
    assert (tmp_path / "out.nt").read_text(encoding="utf-8") == "".join(sorted(set(lines)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.nt", "out.nt"]


def test_rdf_put_document_replaces_its_graph(onto, sample):
    kg = make_graph(onto, sample, ontology=False)
    kg.put_document(DOC, sample[:1], onto)
    assert kg.query("SELECT (COUNT(?st) AS ?n) WHERE { ?st a gb:Statement }").rows == (("1",),)


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_rdf_round_trip(tmp_path, onto, sample, fmt, parser):
    kg = make_graph(onto, sample)
    (path,) = export_graph(kg, tmp_path, [fmt])
    back = Graph().parse(path, format=parser)
    assert_isomorphic(kg.to_rdflib(), back)


def test_export_graphml_read_back(tmp_path, onto, sample):
    (path,) = export_graph(make_graph(onto, sample), tmp_path, ["graphml"])
    G = nx.read_graphml(path, force_multigraph=True)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert labels == {"Russia", "Asian Infrastructure Investment Bank"}  # negated RUS->JPN is no edge
    edges = {(G.nodes[u]["label"], d["relation"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)}
    assert edges == {("Russia", "joins", "Asian Infrastructure Investment Bank"),
                     ("Russia", "criticizes", "Asian Infrastructure Investment Bank")}
    for _, _, d in G.edges(data=True):
        assert d["weight"] > 0 and d["evidence"] and d["plover"]
    # two relations between the same pair carry different Gephi edge types
    root = etree.parse(str(path)).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    kinds = sorted(e.get("label") for e in root.findall(".//g:edge", ns))
    ids = [e.get("id") for e in root.findall(".//g:edge", ns)]
    assert kinds == ["criticizes", "joins"]
    assert len(set(ids)) == len(ids)
    assert open(path, "rb").read(40).startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


@pytest.mark.parametrize("bad", ["xlsx"])
def test_export_unknown_format_lists_known(tmp_path, bad):
    with pytest.raises(UnknownFormatError) as info:
        export_graph(KnowledgeGraph(), tmp_path, [bad])
    for known in EXPORTERS:
        assert known in str(info.value)


def test_export_atomic_write_keeps_old_file_on_crash(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    write_atomic(target, b"good")

    def boom(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        write_atomic(target, b"half")
    assert target.read_bytes() == b"good"
    assert [p.name for p in Path(tmp_path).iterdir()] == ["graph.ttl"]


def test_export_jsonld_uses_the_context_of_the_ontology_built_with(tmp_path, onto, sample, runner):
    import json
    import shutil

    from graphbuild.cli import app
    from graphbuild.ontology import default_ontology_dir, load_ontology

    custom = tmp_path / "onto"
    shutil.copytree(default_ontology_dir(), custom)
    ctx = json.loads((custom / "context.jsonld").read_text(encoding="utf-8"))
    ctx["@context"]["evidenceText"] = ctx["@context"].pop("sentence")
    (custom / "context.jsonld").write_text(json.dumps(ctx), encoding="utf-8")
    mine = load_ontology(custom)
    kg = KnowledgeGraph()
    kg.load_ontology(mine)
    kg.put_document(DOC, sample, mine)
    (path,) = export_graph(kg, tmp_path / "built", ["jsonld"])
    assert '"evidenceText"' in path.read_text(encoding="utf-8")
    assert_isomorphic(kg.to_rdflib(), Graph().parse(path, format="json-ld"))
    # a graph read back from a file knows no ontology: `export --ontology` names it
    (ttl,) = export_graph(kg, tmp_path / "ttl", ["turtle"])
    result = runner.invoke(app, ["export", "--graph", str(ttl), "--format", "jsonld", "--out", str(tmp_path / "cli"),
                                 "--ontology", str(custom)])
    assert result.exit_code == 0, result.output
    assert '"evidenceText"' in (tmp_path / "cli" / "graph.jsonld").read_text(encoding="utf-8")
    default = runner.invoke(app, ["export", "--graph", str(ttl), "--format", "jsonld", "--out", str(tmp_path / "d")])
    assert default.exit_code == 0 and '"evidenceText"' not in (tmp_path / "d" / "graph.jsonld").read_text("utf-8")


@pytest.mark.parametrize("place", ["Geneva"])
def test_rdf_hypothetical_location_and_cameo(onto, place):
    from dataclasses import replace

    from graphbuild.network import to_networkx
    from graphbuild.types import Actor

    where = Actor(key="place-geneva", label=place, type="Region", country="CHE")
    asserted = replace(triple(onto, "USA", "criticizes", "IRN", sentence="The US criticized Iran in Geneva."),
                       location=where, cameo="1112")
    wished = replace(triple(onto, "IRN", "retreatsFrom", "SYR", index=1, sentence="The US urged Iran to leave Syria."),
                     hypothetical=True)
    quads = {(q.subject.value, q.predicate.value, q.object.value) for q in document_quads(DOC, [asserted, wished], onto)}
    direct = {(s, o) for s, p, o in quads if p in {str(onto.relation_iri(r)) for r in onto.relations}}
    assert direct == {(str(ACTOR.USA), str(ACTOR.IRN))}  # the hypothetical statement has no direct edge
    assert any(p.endswith("#hypothetical") and o == "true" for _s, p, o in quads)
    assert any(p.endswith("#location") and o == str(ACTOR["place-geneva"]) for _s, p, o in quads)
    assert any(p.endswith("#cameoCode") and o == "1112" for _s, p, o in quads)
    assert (str(ACTOR["place-geneva"]), str(onto.relation_iri("relatedTo")), str(ACTOR.USA)) not in quads
    G = to_networkx(make_graph(onto, [asserted, wished]))
    assert [(d["relation"], d.get("locations")) for _u, _v, d in G.edges(data=True)] == [("criticizes", place)]


def test_export_jsonld_is_the_same_file_whatever_the_process_hash_seed(tmp_path, seed_exports):
    # rdflib's JSON-LD order follows its sets, and string hashing is salted per process: the
    # export sorts it, so two processes with different salts write the same bytes
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "graphbuild"
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([str(exe), "export", "--graph", str(seed_exports / "graph.ttl"), "--format", "jsonld",
                        "--out", str(out)], check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append((out / "graph.jsonld").read_bytes())
    assert outs[0] == outs[1]
    assert_isomorphic(Graph().parse(data=outs[0], format="json-ld"), Graph().parse(seed_exports / "graph.ttl"))

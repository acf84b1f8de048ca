"""RDF building and exports: compared as triple sets / isomorphic graphs, read back independently."""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from rdflib import RDF, BNode, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graphbuild.export import EXPORTERS, UnknownFormatError, export_graph, write_atomic
from graphbuild.ontology import ACTOR, GB
from graphbuild.rdf import build_graph, document_iri
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


def assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _both, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"graphs differ:\nonly in first:\n{sorted(only_a)[:10]}\nonly in second:\n{sorted(only_b)[:10]}")


def test_rdf_direct_edges_and_negation(onto, sample):
    g = build_graph([DOC], sample, onto, include_ontology=False)
    relations = {onto.relation_iri(r) for r in onto.relations}
    direct = {(s, p, o) for s, p, o in g if p in relations}
    assert direct == {(ACTOR.RUS, onto.relation_iri("joins"), ACTOR.AIIB),
                      (ACTOR.RUS, onto.relation_iri("criticizes"), ACTOR.AIIB)}
    negated = list(g.subjects(GB.negated, Literal(True)))
    assert len(negated) == 1
    assert (negated[0], GB.document, document_iri(DOC.sha256)) in g


def test_rdf_deterministic_and_no_blank_nodes(onto, sample):
    a = build_graph([DOC], sample, onto)
    b = build_graph([DOC], list(reversed(sample)), onto)
    assert set(a) == set(b)
    assert not any(isinstance(x, BNode) for t in a for x in t)


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_rdf_round_trip(tmp_path, onto, sample, fmt, parser):
    g = build_graph([DOC], sample, onto)
    (path,) = export_graph(g, tmp_path, [fmt])
    back = Graph().parse(path, format=parser)
    assert_isomorphic(g, back)


def test_export_graphml_read_back(tmp_path, onto, sample):
    g = build_graph([DOC], sample, onto)
    (path,) = export_graph(g, tmp_path, ["graphml"])
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
def test_export_unknown_format_lists_known(tmp_path, onto, bad):
    with pytest.raises(UnknownFormatError) as info:
        export_graph(Graph(), tmp_path, [bad])
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

"""The Gephi network's edge confidence, evidence and number of documents (issue 13)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import networkx as nx
import pytest

from graphbuild.gexf import generate_gexf
from graphbuild.graphml import generate_graphml
from graphbuild.network import to_networkx
from graphbuild.store import KnowledgeGraph
from graphbuild.tables import generate_edges_csv
from graphbuild.types import Actor, Document, Triple

RUS = Actor("RUS", "Russia", "State", "RUS")
CHN = Actor("CHN", "China", "State", "CHN")
DOC = Document(id="d", text="x", source="d.txt", sha256="1" * 64, date="2015-05-08")


def _t(sentence: str, confidence: float, *, hypothetical: bool = False, negated: bool = False, i: int = 0) -> Triple:
    return Triple(doc_id="d", doc_sha256=DOC.sha256, sentence=sentence, sentence_index=i, start=i, end=i + 1,
                  subject=RUS, relation="cooperatesWith", relation_text="cooperates", lemma="cooperate", object=CHN,
                  negated=negated, confidence=confidence, rule="verb_active", hypothetical=hypothetical)


def test_edge_evidence_is_the_most_confident_asserted_sentence(onto):
    kg = KnowledgeGraph()
    kg.load_ontology(onto)
    kg.put_document(DOC, [
        _t("It is premature to speak of an alliance.", 0.4, i=0),  # the shortest, and least sure
        _t("Russia and China signed forty cooperation agreements in Moscow on Friday.", 0.85, i=1),
        _t("Russia will cooperate with China.", 0.99, hypothetical=True, i=2),  # no evidence of a fact
        _t("Russia does not cooperate with China.", 0.95, negated=True, i=3),
    ], onto)
    ((_u, _v, edge),) = list(to_networkx(kg).edges(data=True))
    assert edge["evidence"] == "Russia and China signed forty cooperation agreements in Moscow on Friday."
    assert edge["confidence"] == 0.85 and edge["documents"] == 1 and edge["weight"] == 2.0
    row = next(csv.DictReader(io.StringIO(generate_edges_csv(kg).decode("utf-8"))))
    assert row["confidence"] == "0.85" and row["evidence"] == edge["evidence"]


DOC2 = Document(id="e", text="y", source="e.txt", sha256="2" * 64, date="2015-05-09")


@pytest.mark.parametrize("reader", ["graphml", "gexf"])
def test_gephi_edge_carries_highest_confidence_and_number_of_documents(onto, tmp_path, reader):
    kg = KnowledgeGraph()
    kg.load_ontology(onto)
    kg.put_document(DOC, [_t("Russia cooperates with China.", 0.6, i=0),
                          _t("Russia and China cooperate closely.", 0.7, i=1)], onto)
    kg.put_document(DOC2, [replace(_t("Russia cooperates with China on gas.", 0.9, i=0), doc_id="e",
                                   doc_sha256=DOC2.sha256)], onto)
    path = tmp_path / f"graph.{reader}"
    path.write_bytes(generate_graphml(kg) if reader == "graphml" else generate_gexf(kg))
    G = nx.read_graphml(path) if reader == "graphml" else nx.read_gexf(path)
    ((_u, _v, edge),) = list(G.edges(data=True))
    assert edge["documents"] == 2 and edge["confidence"] == 0.9 and edge["weight"] == 3.0
    assert edge["evidence"] == "Russia cooperates with China on gas."

"""Syndicated copies keep every source; progress moves per parsed document (issue 12)."""

from __future__ import annotations

import rdflib
from conftest import SEEDS
from typer.testing import CliRunner

from graphbuild import pipeline
from graphbuild.cli import app
from graphbuild.store import KnowledgeGraph

DCT = rdflib.Namespace("http://purl.org/dc/terms/")
TEXT = (SEEDS / "rbth-2015-moscow-beijing-upfront.txt").read_text(encoding="utf-8")


def _sources(store) -> set[str]:
    kg = KnowledgeGraph.open_store(store)
    rows = kg.query("SELECT ?src WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/source> ?src } }")
    found = {row[0] for row in rows.rows}
    del kg
    return found


def test_syndicated_copies_keep_every_source_and_are_named(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("agency.txt", "reprint.txt", "mirror.txt"):
        (src / name).write_text(TEXT, encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(app, ["build", str(src), "--store", str(store), "--no-export"])
    assert result.exit_code == 0, result.output
    assert "reprint.txt: same text as an earlier document" in result.stderr
    assert "mirror.txt: same text as an earlier document" in result.stderr
    assert _sources(store) == {"agency.txt", "reprint.txt", "mirror.txt"}  # one graph, three sources
    (src / "mirror.txt").unlink()  # a copy removed: its source goes, the graph stays
    result = CliRunner().invoke(app, ["build", str(src), "--store", str(store), "--no-export"])
    assert result.exit_code == 0, result.output
    assert _sources(store) == {"agency.txt", "reprint.txt"}


def test_progress_moves_per_parsed_document_before_any_store_write(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(6):
        (src / f"d{n}.txt").write_text(f"Report {n}.\n\n" + TEXT, encoding="utf-8")
    heard: list[str] = []
    at_write: list[int] = []
    real = KnowledgeGraph.write_graphs

    def write(self, iris, nquads):
        if any("/doc/" in iri for iri in iris):  # (the ontology's graph is written first)
            at_write.append(len(heard))
        return real(self, iris, nquads)

    monkeypatch.setattr(KnowledgeGraph, "write_graphs", write)
    pipeline.build([src], None, store=tmp_path / "store", on_document=lambda d: heard.append(d.id))
    assert len(heard) == 6
    assert at_write == [6]  # all six heard of while parsing; the one store write comes after

"""Syndicated copies keep every source; progress moves per parsed document (issue 12)."""

from __future__ import annotations

from pathlib import Path

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


def test_summary_names_languages_skipped_inputs_and_time(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # short relative names: the summary table is as wide as the terminal
    src = Path("in")
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "ru.txt").write_text("Россия подписала соглашение о поставках газа с Китаем в понедельник, "
                                "заявили в правительстве обеих стран.\n", encoding="utf-8")
    (src / "broken.txt").write_bytes(b"Russia \xff\xfe joined the bank.")
    result = CliRunner().invoke(app, ["build", str(src), "--out", "out"])
    assert result.exit_code == 0, result.output
    summary = result.stdout
    assert "languages  en 1, ru 1 (only English is extracted)" in summary
    assert f"skipped    1: {src / 'broken.txt'}" in summary
    assert "elapsed" in summary and "documents/s" in summary


def test_progress_counts_bytes_for_corpora_and_documents_for_files(tmp_path):
    from graphbuild.cli import _progress_unit

    (tmp_path / "c.jsonl").write_text('{"id": 1, "text": "Russia joined the bank."}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert _progress_unit([str(tmp_path / "a.txt")]) == ("documents", 1)
    size = (tmp_path / "c.jsonl").stat().st_size + (tmp_path / "a.txt").stat().st_size
    assert _progress_unit([str(tmp_path)]) == ("bytes", size)


def test_messages_print_user_data_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("[draft]").mkdir()
    Path("[draft]/talks [v2].txt").write_bytes(b"Russia \xff joined.")
    Path("[draft]/ok.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "[draft]", "--out", "[out]", "-f", "turtle"])
    assert result.exit_code == 0, result.output
    assert "[draft]/talks [v2].txt: not valid UTF-8" in result.stderr  # rich markup would eat the brackets
    assert "[out]/graph.ttl" in result.stdout

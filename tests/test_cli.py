"""The whole CLI end to end on the seeds and on short texts of our own."""

from __future__ import annotations

import errno
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from conftest import ROOT, SEEDS
from rdflib import RDF, Graph

from graphbuild.cli import app
from graphbuild.export import export_graph
from graphbuild.ontology import GB

RELATION_NS = "https://w3id.org/graphbuild/ontology#"


def test_cli_build_seeds_summary_and_files(seed_build):
    result, out = seed_build
    assert result.exit_code == 0, result.output
    for word in ("documents", "sentences", "actors", "triples", "graph.ttl", "graph.graphml"):
        assert word in result.stdout
    assert re.search(r"documents\s+2\b", result.stdout)
    g = Graph().parse(out / "graph.ttl")
    G = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    statements = set(g.subjects(RDF.type, GB.Statement))
    assert len(statements) >= 20 and G.number_of_edges() >= 10


@pytest.mark.parametrize("subject,relation,obj", [
    ("Russia", "joins", "Asian Infrastructure Investment Bank"),
    ("China", "lendsTo", "Central Asia"),
])
def test_cli_query_finds_seed_facts_with_sentence(runner, seed_build, subject, relation, obj):
    _result, out = seed_build
    sparql = f"""
    SELECT ?sentence WHERE {{
      ?s rdfs:label "{subject}" . ?o rdfs:label "{obj}" .
      ?s gb:{relation} ?o .
      ?st rdf:subject ?s ; rdf:predicate gb:{relation} ; rdf:object ?o ; gb:sentence ?sentence .
    }}"""
    result = runner.invoke(app, ["query", sparql, "--graph", str(out / "graph.ttl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["sentence"] for r in rows)


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_cli_query_output_formats(runner, seed_build, tmp_path, fmt):
    _result, out = seed_build
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(?st) AS ?n) WHERE { ?st a gb:Statement }", encoding="utf-8")
    result = runner.invoke(app, ["query", str(rq), "--graph", str(out / "graph.ttl"), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "n" in result.stdout and re.search(r"\b[1-9]\d*\b", result.stdout)


def test_cli_extract_follows_contract(seed_triples):
    assert len(seed_triples) >= 20
    for t in seed_triples:
        assert set(t) >= {"doc", "sentence", "subject", "relation", "object", "negated", "confidence"}
        assert t["doc"] in {p.name for p in SEEDS.glob("*.txt")}
        assert t["relation"]["id"].startswith(RELATION_NS)
        assert set(t["relation"]) >= {"id", "label", "text"}
        for actor in (t["subject"], t["object"]):
            assert set(actor) >= {"id", "label", "type", "country"}
            assert actor["type"] in {"State", "Organization", "Region", "Group", "Person", "GovernmentBody"}
            assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"])
        assert isinstance(t["negated"], bool) and 0 < t["confidence"] <= 1


@pytest.mark.parametrize("subject,relation,obj", [
    ("RUS", "joins", "AIIB"),
    ("CHN", "lendsTo", "CENTRAL-ASIA"),
    ("WANG-YI", "visits", "RUS"),
    ("XI-JINPING", "visits", "RUS"),
    ("THE-WEST", "sanctions", "RUS"),
    ("USA", "pressures", "CHN"),
    ("SERGEY-LAVROV", "meetsWith", "JOHN-KERRY"),
])
def test_cli_extract_seed_facts(seed_triples, subject, relation, obj):
    found = {(t["subject"]["id"].rsplit("/", 1)[-1], t["relation"]["id"].rsplit("#", 1)[-1],
              t["object"]["id"].rsplit("/", 1)[-1]) for t in seed_triples}
    assert (subject, relation, obj) in found


@pytest.mark.parametrize("text,expected", [
    ("Beijing lends money to Central Asian countries.", ("CHN", "lendsTo", "CENTRAL-ASIA", "CHN", None)),
    ("Chinese Foreign Minister Wang Yi visited Moscow.", ("WANG-YI", "visits", "RUS", "CHN", "RUS")),
    ("The White House imposed sanctions on the Kremlin.", ("USA", "sanctions", "RUS", "USA", "RUS")),
    # a person the dictionaries lack takes the title's state; one they know is linked
    ("Iranian President Dariush Farahmandi met with Turkish President Recep Tayyip Erdogan.",
     ("x-person-dariush-farahmandi", "meetsWith", "RECEP-TAYYIP-ERDOGAN", "IRN", "TUR")),
    ("Israeli troops attacked Palestinian militants.", ("ISR-MIL", "attacks", "PSE-REB", "ISR", "PSE")),
    ("Japan and South Korea signed a trade agreement.", ("KOR", "agreesWith", "JPN", "KOR", "JPN")),
    ("Saudi Arabia rejected the Iranian proposal.", ("SAU", "rejects", "IRN", "SAU", "IRN")),
])
def test_cli_extract_short_texts(runner, tmp_path, text, expected):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    got = {(r["subject"]["id"].rsplit("/", 1)[-1], r["relation"]["id"].rsplit("#", 1)[-1],
            r["object"]["id"].rsplit("/", 1)[-1], r["subject"]["country"], r["object"]["country"]) for r in rows}
    assert expected in got


def test_cli_extract_reads_typographic_quotes_and_keeps_them(runner, tmp_path):
    """The parser reads "Turkey’s" as "Turkey's" (the small model misparses the curly form); the
    statement's sentence and offsets are still the document's own characters."""
    text = "Iraq cancelled a ministerial visit and summoned Turkey’s ambassador as it blamed Ankara."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    summons = [r for r in rows if r["subject"]["country"] == "IRQ" and r["object"]["country"] == "TUR"
               and r["relation"]["plover"] == "ACCUSE"]
    assert summons, rows
    assert summons[0]["sentence"] == text


def test_language_readable_straightens_quotes_one_for_one():
    from graphbuild.language import readable

    text = "“Turkey’s ambassador” ‘left’"
    out = readable(text, ())
    assert out == "\"Turkey's ambassador\" 'left'" and len(out) == len(text)


def test_cli_negated_fact_is_flagged_not_asserted(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Russia does not support Japan.", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    from graphbuild.query import load_graph, run_query

    g = load_graph(out / "graph.ttl")
    assert run_query(g, "ASK { actor:RUS gb:supports actor:JPN }").rows == (("false",),)
    assert run_query(g, "ASK { ?st gb:negated true ; rdf:subject actor:RUS ; rdf:object actor:JPN }").rows == (("true",),)


def test_cli_bad_document_skipped_run_continues(runner, seed_copy, tmp_path):
    (seed_copy / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["build", str(seed_copy), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "broken.txt" in result.stderr and "UTF-8" in result.stderr
    assert re.search(r"documents\s+2\b", result.stdout)


@pytest.mark.parametrize("args,needle", [
    (["build", "nope/"], "nope: no such file or folder"),
    (["build", "seeds/", "--format", "xlsx"], "known formats: turtle"),
    (["query", "SELECT * WHERE {", "--graph", "seeds/none.ttl"], "graph file not found"),
    (["extract", "seeds/", "--format", "xml"], "known formats: jsonl"),
])
def test_cli_errors_are_one_line_and_nonzero(runner, args, needle):
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_query_syntax_error(runner, seed_build):
    _result, out = seed_build
    result = runner.invoke(app, ["query", "SELECT * WHERE {", "--graph", str(out / "graph.ttl")])
    assert result.exit_code == 1 and "SPARQL syntax error" in result.stderr


COMMANDS = ["build", "extract", "query", "export", "serve", "evaluate", "push"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_and_is_in_readme(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout
    assert f"graphbuild {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_registered_commands_are_all_tested():
    assert sorted(c.name or c.callback.__name__ for c in app.registered_commands) == sorted(COMMANDS)


def test_cli_entry_point_runs():
    exe = Path(sys.executable).parent / "graphbuild"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("graphbuild ")


# ---------------------------------------------------------------- failures and partial runs (issue 11)

GOOD = {"graph.ttl": b"good turtle\n", "graph.graphml": b"good graphml\n", "graph.gexf": b"good gexf\n"}


def _good_exports(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for name, data in GOOD.items():
        (out / name).write_bytes(data)
    return out


def _one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.mark.parametrize("inputs", [{}, {"broken.txt": b"\xff\xfe\x00bad"}])
def test_cli_build_reading_nothing_keeps_exports(runner, tmp_path, inputs):
    src = tmp_path / "in"
    src.mkdir()
    for name, data in inputs.items():
        (src / name).write_bytes(data)
    out = _good_exports(tmp_path / "out")
    result = runner.invoke(app, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "no documents read from" in result.stderr and "left as they were" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == GOOD


def test_cli_serve_refuses_graph_without_statements(runner, tmp_path, onto, monkeypatch):
    import graphbuild.serve
    from graphbuild.store import KnowledgeGraph

    kg = KnowledgeGraph()
    kg.load_ontology(onto)  # what a build from no documents held: the ontology only
    (ttl,) = export_graph(kg, tmp_path, ["turtle"])
    started = []
    monkeypatch.setattr(graphbuild.serve, "serve", lambda *a, **k: started.append(a) or 0)
    result = runner.invoke(app, ["serve", "--graph", str(ttl), "--port", "7"])
    _one_line_error(result, "holds no statements", str(ttl))
    assert not started


def _no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_cli_build_full_disk_during_exports_keeps_every_old_export(runner, tmp_path, monkeypatch):
    """graph.ttl is written before graph.graphml: a disk full at the GraphML must not leave a
    new Turtle beside the old GraphML, nor any temporary file."""
    from graphbuild import export

    (tmp_path / "a.txt").write_text("Japan and South Korea signed a trade agreement.", encoding="utf-8")
    out = _good_exports(tmp_path / "out")
    graphml = export.EXPORTERS["graphml"]
    monkeypatch.setitem(export.EXPORTERS, "graphml", export.Exporter({"graph.graphml": _no_space}, graphml.description))
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(out)])
    _one_line_error(result, str(out / "graph.graphml"), "no space left on device", "--out")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == GOOD


def test_cli_build_full_disk_writing_the_store_is_one_line(runner, tmp_path, monkeypatch):
    from graphbuild.store import KnowledgeGraph

    (tmp_path / "a.txt").write_text("Japan and South Korea signed a trade agreement.", encoding="utf-8")
    monkeypatch.setattr(KnowledgeGraph, "write_graphs", _no_space)
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--store", str(store), "--no-export"])
    _one_line_error(result, str(store), "no space left on device", "--store")


@pytest.mark.parametrize("out_name,needle", [("afile", "is an existing file"), ("afile/sub", "lies under")])
def test_cli_build_out_is_a_file_fails_before_the_work(runner, tmp_path, monkeypatch, out_name, needle):
    from graphbuild import pipeline

    (tmp_path / "afile").write_bytes(b"not a folder")
    (tmp_path / "a.txt").write_text("Japan and South Korea signed a trade agreement.", encoding="utf-8")
    monkeypatch.setattr(pipeline, "build_graph", lambda *a, **k: pytest.fail("the build ran before --out was checked"))
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / out_name)])
    _one_line_error(result, str(tmp_path / out_name), needle, "folder")
    assert (tmp_path / "afile").read_bytes() == b"not a folder"


@pytest.mark.parametrize("address", ["foo", "tcp://[::1"])
def test_cli_build_dask_bad_address_is_one_line(runner, tmp_path, address):
    pytest.importorskip("dask.distributed")
    (tmp_path / "a.txt").write_text("Japan and South Korea signed a trade agreement.", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--dask", address])
    _one_line_error(result, f"Dask scheduler at {address}", "--dask local")
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())

"""Filtered exports cut every format to the statements a SPARQL selection of the full graph
names (issue 13, item 3); read back with rdflib and the csv module, independent readers."""

from __future__ import annotations

import csv

import pytest
import rdflib
from typer.testing import CliRunner

from graphbuild.cli import app

GB = "https://w3id.org/graphbuild/ontology#"
PREFIXES = f"""PREFIX gb: <{GB}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
"""
ASSERTED = "FILTER NOT EXISTS { ?st gb:hypothetical true }"


def _read(path) -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="trig" if str(path).endswith(".trig") else "turtle")
    return ds


def _statements(ds: rdflib.Dataset, where: str) -> set[str]:
    q = PREFIXES + f"SELECT DISTINCT ?st WHERE {{ ?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ;" \
                   f" rdf:object ?o ; gb:confidence ?c ; gb:document ?d . {ASSERTED} {where} }}"
    return {str(r[0]) for r in ds.query(q)}


@pytest.fixture(scope="module")
def full(tmp_path_factory, seed_build):
    _result, out = seed_build
    return out / "graph.ttl"


CASES = {
    "min-confidence": (["--min-confidence", "0.8"], "FILTER(?c >= 0.8)"),
    "actor": (["--actor", "Russia"], "FILTER(?s = <https://w3id.org/graphbuild/actor/RUS> || "
                                     "?o = <https://w3id.org/graphbuild/actor/RUS>)"),
    "plover": (["--plover", "CONSULT"], "OPTIONAL { ?st gb:ploverType ?t0 } OPTIONAL { ?p gb:ploverType ?t1 } "
                                        "FILTER(COALESCE(?t0, ?t1) = 'CONSULT')"),
    "country": (["--country", "USA"], "OPTIONAL { ?s gb:country ?sc } OPTIONAL { ?o gb:country ?oc } "
                                      "FILTER(COALESCE(?sc, '') = 'USA' || COALESCE(?oc, '') = 'USA')"),
    "relation": (["--relation", "joins"], f"FILTER(?p = <{GB}joins>)"),
    "until": (["--until", "2015-04-30"], "?d dcterms:date ?date . FILTER(STR(?date) <= '2015-04-30')"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_filtered_export_holds_exactly_the_selected_statements(full, tmp_path, name):
    args, where = CASES[name]
    result = CliRunner().invoke(app, ["export", "--graph", str(full), "--out", str(tmp_path), "-f", "turtle",
                                      "-f", "csv", *args])
    assert result.exit_code == 0, result.output
    expected = _statements(_read(full), where)
    assert expected  # each filter selects something on the seeds, and not everything
    assert expected != _statements(_read(full), "")
    cut = _read(tmp_path / "graph.ttl")
    assert _statements(cut, "") == expected
    # the network shows the same cut: one edge per asserted (s, p, o) of the kept statements
    q = PREFIXES + "SELECT DISTINCT ?s ?p ?o WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; " \
                   f"gb:negated false . {ASSERTED} }}"
    edges = {(str(s), str(p), str(o)) for s, p, o in cut.query(q)}
    with open(tmp_path / "edges.csv", encoding="utf-8") as fh:
        assert {(r["Source"], r["relation_iri"], r["Target"]) for r in csv.DictReader(fh)} == edges


def test_neighbourhood_keeps_statements_among_actors_within_hops(full, tmp_path):
    result = CliRunner().invoke(app, ["export", "--graph", str(full), "--out", str(tmp_path), "-f", "csv",
                                      "--actor", "AIIB", "--hops", "1"])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "edges.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    aiib = "https://w3id.org/graphbuild/actor/AIIB"
    near = {r["Source"] for r in rows if r["Target"] == aiib} | {r["Target"] for r in rows if r["Source"] == aiib}
    assert near and all(r["Source"] in near | {aiib} and r["Target"] in near | {aiib} for r in rows)


@pytest.mark.parametrize("args,message", [
    (["--actor", "Narnia"], "--actor Narnia: no such actor"),
    (["--since", "2015-13-01"], "--since 2015-13-01: not a date"),
    (["--hops", "2"], "--hops needs --actor"),
])
def test_bad_filter_is_one_line(full, tmp_path, args, message):
    result = CliRunner().invoke(app, ["export", "--graph", str(full), "--out", str(tmp_path), *args])
    assert result.exit_code == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_query_construct_writes_turtle_and_describe_ntriples(full):
    construct = ("CONSTRUCT { ?s gb:joins ?o } WHERE { ?st rdf:subject ?s ; rdf:predicate gb:joins ; "
                 "rdf:object ?o ; gb:negated false }")
    result = CliRunner().invoke(app, ["query", construct, "--graph", str(full)])
    assert result.exit_code == 0, result.output
    got = rdflib.Graph().parse(data=result.stdout, format="turtle")
    q = PREFIXES + "SELECT ?s ?o WHERE { ?st rdf:subject ?s ; rdf:predicate gb:joins ; rdf:object ?o ; gb:negated false }"
    expected = {(s, rdflib.URIRef(GB + "joins"), o) for s, o in _read(full).query(q)}
    assert expected and set(got) == expected
    result = CliRunner().invoke(app, ["query", "DESCRIBE actor:AIIB", "--graph", str(full), "-f", "ntriples"])
    assert result.exit_code == 0, result.output
    described = rdflib.Graph().parse(data=result.stdout, format="nt")
    assert (rdflib.URIRef("https://w3id.org/graphbuild/actor/AIIB"), rdflib.RDFS.label,
            rdflib.Literal("Asian Infrastructure Investment Bank")) in described


def test_build_takes_the_same_filters(full, tmp_path):
    from conftest import SEEDS

    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "-f", "turtle", "--jobs", "1",
                                      *CASES["plover"][0]])
    assert result.exit_code == 0, result.output
    assert _statements(_read(tmp_path / "graph.ttl"), "") == _statements(_read(full), CASES["plover"][1])

"""Query parameters bound by pyoxigraph's own substitution, the VALUES text fallback, and the
errors of parameters that bind nothing (issue 13: the analyst's surface)."""

from __future__ import annotations

import json

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Variable

from graphbuild.api import Graph
from graphbuild.cli import app
from graphbuild.query import QueryError, list_named_queries
from graphbuild.store import PREFIXES, GraphError, bind_values

NAMED = {q.name: q for q in list_named_queries() if q.params}
VALUES = {
    "actor-relations": [{"actor": v} for v in ("Russia", "rus", "Xi Jinping", "AIIB", "Nobody")],
    "between": [{"a": "China", "b": "RUS"}, {"a": "russia", "b": "United States"}, {"a": "CHN", "b": "Nobody"}],
    "evidence": [{"subject": "RUS", "relation": "joins", "object": "AIIB"},
                 {"subject": "Russia", "relation": "cooperates with", "object": "china"}],
}
# quotes, braces, line breaks, backslashes, comments, variables: SPARQL if pasted into the text
HOSTILE = ['Russia" || true || "', "Russia' || 'x", '"} UNION { ?s ?p ?o } #', "x\n} ?s ?p ?o . {\n",
           "back\\slash\\", "?actor", '"""', "'''\n#"]


@pytest.fixture(scope="module")
def graph(seed_build):
    _result, out = seed_build
    return Graph.from_file(out / "graph.ttl")


@pytest.fixture(scope="module")
def rdflib_graph(seed_build):
    _result, out = seed_build
    return rdflib.Graph().parse(out / "graph.ttl")


@pytest.mark.parametrize("name", sorted(NAMED))
def test_query_params_named_queries_fit_pyoxigraph_substitution(graph, name):
    # Oxigraph substitutes only variables the SELECT returns: each named query returns its parameters
    q = NAMED[name]
    result = graph.store.query(q.sparql, prefixes=PREFIXES,
                               substitutions={Variable(k): Literal("Russia") for k in q.params})
    assert [v.value for v in result.variables][:len(q.params)] == list(q.params)


@pytest.mark.parametrize("name,params", [(n, p) for n, ps in VALUES.items() for p in ps])
def test_query_params_substitution_agrees_with_values_text_in_two_engines(graph, rdflib_graph, name, params):
    q = NAMED[name]
    substituted = graph.query(q.sparql, **params)
    assert not set(substituted.columns) & set(params)  # the parameters' own columns are left out
    text = bind_values(q.sparql, params)
    n = len(params)  # the engines return the parameters first, as given
    solutions = list(graph.store.query(text, prefixes=PREFIXES))
    assert all(tuple(t.value for t in sol)[:n] == tuple(params.values()) for sol in solutions)
    oxigraph_text = {tuple(t.value for t in sol)[n:] for sol in solutions}
    rdflib_text = {tuple(str(t) for t in row)[n:] for row in rdflib_graph.query(text)}
    assert set(substituted.rows) == oxigraph_text == rdflib_text
    if "Nobody" not in params.values():
        assert substituted.rows, f"{name} {params} answers something on the seeds"


@pytest.mark.parametrize("value", HOSTILE)
def test_query_params_hostile_value_stays_one_value(graph, value):
    # substituted (the SELECT returns ?v) and by the VALUES fallback (an ASK, a FILTER-only variable)
    assert graph.query("SELECT ?v (STR(?v) AS ?w) WHERE { }", v=value).rows == ((value,),)
    assert graph.query("SELECT ?w WHERE { BIND(STR(?v) AS ?w) }", v=value).rows == ((value,),)
    assert graph.query("ASK { ?a rdfs:label ?l FILTER(?l = ?v) }", v=value).rows == (("false",),)
    assert graph.query(NAMED["actor-relations"].sparql, actor=value).rows == ()


@pytest.mark.parametrize("value", HOSTILE)
def test_query_params_hostile_value_through_the_cli_child(runner, seed_build, value):
    _result, out = seed_build
    result = runner.invoke(app, ["query", "--name", "between", "--param", f"a={value}", "--param", "b=China",
                                 "--graph", str(out / "graph.ttl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("value,expected", [
    ("RUS", ()),  # a string is a literal: no actor is the string "RUS"
    (NamedNode("https://w3id.org/graphbuild/actor/RUS"), (("Russia",),)),
])
def test_query_params_terms(graph, value, expected):
    result = graph.query("SELECT ?a ?l WHERE { ?a gb:actorType ?t ; rdfs:label ?l }", a=value)
    assert result.columns == ("l",) and result.rows == expected


@pytest.mark.parametrize("args,needle", [
    (["SELECT ?l WHERE { ?a rdfs:label ?l }", "--param", "actr=Russia"],
     "parameter 'actr' names no variable of the query"),
    (["SELECT ?l WHERE { ?a rdfs:label ?l } # ?actor", "--param", "actor=Russia"],  # a comment is no variable
     "parameter 'actor' names no variable of the query"),
    (["SELECT ?l WHERE { ?a rdfs:label ?l }", "--param", "l"], "write NAME=VALUE"),
    (["SELECT ?l WHERE { ?a rdfs:label ?l }", "--param", "l=a", "--param", "l=b"], "given twice"),
    (["SELECT * { ?a rdfs:label ?l FILTER(?l = ?x) }", "--param", "x=Russia"], "cannot bind ?x"),
    (["--name", "actor-relations", "--param", "actr=Russia"], "has no parameter 'actr'; it takes: actor"),
])
def test_query_params_that_bind_nothing_are_one_line(runner, seed_build, args, needle):
    _result, out = seed_build
    result = runner.invoke(app, ["query", *args, "--graph", str(out / "graph.ttl")])
    assert result.exit_code == 1 and needle in result.stderr, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("params,error", [
    ({"actr": "Russia"}, QueryError),
    ({"bad name": "Russia"}, QueryError),
])
def test_query_params_api_refuses_unknown_names(graph, params, error):
    with pytest.raises(error, match="names no variable"):
        graph.query("SELECT ?l WHERE { ?a rdfs:label ?l }", params)


@pytest.mark.parametrize("bindings,needle", [({"x y": "a"}, "not a SPARQL variable name"), ({"x": 1}, "not int")])
def test_query_params_store_refuses_bad_bindings(graph, bindings, needle):
    with pytest.raises(GraphError, match=needle):
        graph.execute("SELECT ?x WHERE { }", bindings)


@pytest.mark.parametrize("query", [
    '# a comment: WHERE {\nSELECT ?l WHERE { ?a rdfs:label ?l ; <urn:x> "WHERE {" FILTER(?l = ?x) }',
])
def test_query_params_values_fallback_skips_strings_and_comments(query):
    bound = bind_values(query, {"x": "Russia"})
    assert bound.count("VALUES") == 1 and bound.startswith("# a comment: WHERE {\n")
    assert '"WHERE {" FILTER' in bound

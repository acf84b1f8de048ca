"""The README names only fields, attributes, formats and methods that exist (sqlite-utils' test_docs)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from graphbuild.api import Graph
from graphbuild.cli import app, triple_json
from graphbuild.export import EXPORTERS
from graphbuild.network import to_networkx
from graphbuild.tables import EDGE_COLUMNS, NODE_COLUMNS
from graphbuild.types import Actor, Triple

README = (ROOT / "README.md").read_text(encoding="utf-8")
NAME = r"[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*"


def section(heading: str) -> str:
    """The text under ``heading`` up to the next heading of its level or higher."""
    level = len(heading) - len(heading.lstrip("#"))
    body = README.split(f"\n{heading}\n", 1)[1]
    end = re.search(rf"\n#{{1,{level}}} ", body)
    return body[:end.start()] if end else body


def prose_names(text: str) -> set[str]:
    """Backquoted bare names (``doc``, ``relation.cameo``) outside code blocks."""
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    return {t for t in re.findall(r"`([^`\n]+)`", prose) if re.fullmatch(NAME, t)}


def key_paths(obj: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in obj.items():
        out.add(prefix + k)
        if isinstance(v, dict):
            out |= key_paths(v, prefix + k + ".")
    return out


@pytest.fixture(scope="module")
def emitted(onto) -> dict:
    """What `extract` writes for one triple with every optional part set."""
    rus = Actor("RUS-GOV", "Russia (government)", "GovernmentBody", "RUS", sector="GOV")
    ukr = Actor("UKR-GOV", "Ukraine (government)", "GovernmentBody", "UKR", sector="GOV")
    place = Actor("place-istanbul", "Istanbul", "Region", "TUR")
    t = Triple(doc_id="talks.txt", doc_sha256="0" * 64, sentence="Russian and Ukrainian negotiators met.",
               sentence_index=0, start=0, end=38, subject=rus, relation="meetsWith", relation_text="met",
               lemma="meet", object=ukr, negated=False, confidence=0.5, rule="reciprocal", location=place)
    return json.loads(json.dumps(triple_json(t, onto)))


@pytest.mark.parametrize("heading", ["### `extract` output (one line per triple)"])
def test_docs_extract_example_has_the_extractor_keys(emitted, heading):
    text = section(heading)
    (example,) = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    documented = json.loads(example)
    assert key_paths(documented) == key_paths(emitted)
    unknown = {n for n in prose_names(text) if n != "null"} - key_paths(emitted) - {
        p.split(".", 1)[1] for p in key_paths(emitted) if "." in p}
    assert not unknown, f"the README describes keys `extract` does not write: {unknown}"


@pytest.mark.parametrize("heading", ["## Output files"])
def test_docs_output_formats_are_those_export_accepts(runner, heading):
    table = [line for line in section(heading).splitlines() if line.startswith("| `")]
    documented = {f for line in table for f in re.findall(r"`([\w-]+)`", line.split("|")[1])}
    assert documented == set(EXPORTERS)
    helped = runner.invoke(app, ["export", "--help"]).stdout
    assert all(f in " ".join(helped.split()) for f in EXPORTERS)


@pytest.mark.parametrize("heading,commands", [("## Output files", {"build", "load"})])
def test_docs_network_attributes_exist(seed_build, heading, commands):
    # the section and its Gephi subsection name the GraphML/GEXF attributes and the CSV columns
    _result, out = seed_build
    G = to_networkx(Graph.from_file(out / "graph.ttl"))
    attributes = ({k for _n, d in G.nodes(data=True) for k in d} | {k for *_e, d in G.edges(data=True) for k in d}
                  | set(NODE_COLUMNS) | set(EDGE_COLUMNS) | {"kind"})  # kind: GEXF's edge kind (the relation)
    names = {n for n in prose_names(section(heading)) if "." not in n} - set(EXPORTERS) - commands
    assert names >= {"documents", "confidence", "cameo", "Weight"}
    assert names <= attributes, f"the README names attributes the network lacks: {names - attributes}"


@pytest.mark.parametrize("heading", ["## Python"])
def test_docs_python_methods_exist(heading):
    methods = set(re.findall(r"`\.(\w+)\(", section(heading)))
    assert methods >= {"triples", "to_networkx", "to_rdflib", "query", "export", "to_pandas"}
    assert all(callable(getattr(Graph, m, None)) for m in methods), methods


@pytest.mark.parametrize("command", ["query"])
def test_docs_query_help_names_every_predeclared_prefix(runner, command):
    from graphbuild.rdf import PREFIXES

    helped = " ".join(runner.invoke(app, [command, "--help"]).stdout.split())
    assert all(f"{prefix}:" in helped for prefix in PREFIXES)

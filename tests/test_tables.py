"""nodes.csv and edges.csv: code-like columns ("042") stay strings for the readers the README names."""

from __future__ import annotations

import ast
import csv
import re

import pytest
from conftest import ROOT

from graphbuild.api import Graph
from graphbuild.tables import EDGE_COLUMNS, NODE_COLUMNS

LEADING_ZERO = re.compile(r"0\d+")


def documented_dtypes() -> dict[str, str]:
    """The ``dtype={...}`` the README tells pandas users to pass; every mention must agree."""
    found = {m for m in re.findall(r"dtype=(\{[^}]*\})", (ROOT / "README.md").read_text(encoding="utf-8"))}
    assert len(found) == 1, f"the README gives different dtypes: {found}"
    return {k: v for k, v in ast.literal_eval(found.pop().replace(": str", ": 'str'")).items()}


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name,columns", [("edges.csv", EDGE_COLUMNS), ("nodes.csv", NODE_COLUMNS)])
def test_tables_code_columns_are_documented_as_strings(seed_exports, name, columns):
    rows = _rows(seed_exports / name)
    assert tuple(rows[0]) == columns
    dtypes = documented_dtypes()
    assert set(dtypes) <= set(EDGE_COLUMNS) | set(NODE_COLUMNS)
    # a column holding a code with a leading zero loses it as a number: the README must name it
    coded = {c for r in rows for c, v in r.items() if LEADING_ZERO.fullmatch(v)}
    assert coded <= set(dtypes), f"{name}: {coded - set(dtypes)} hold codes such as '042' but have no dtype"
    if name == "edges.csv":
        assert "cameo" in coded, "the seeds have CAMEO codes with a leading zero (042, 05)"


@pytest.mark.parametrize("name", ["edges.csv"])
def test_tables_pandas_reads_codes_as_strings(seed_exports, name):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(seed_exports / name, dtype=documented_dtypes())
    expected = {r["cameo"] for r in _rows(seed_exports / name) if r["cameo"]}
    assert set(frame["cameo"].dropna()) == expected and any(LEADING_ZERO.fullmatch(c) for c in expected)


@pytest.mark.parametrize("column", ["relation.cameo"])
def test_tables_to_pandas_keeps_codes_as_strings(seed_build, column):
    pytest.importorskip("pandas")
    _result, out = seed_build
    kg = Graph.from_file(out / "graph.ttl")
    frame = kg.to_pandas()
    expected = {t["relation"]["cameo"] for t in kg.triples() if t["relation"]["cameo"]}
    assert set(frame[column].dropna()) == expected and any(LEADING_ZERO.fullmatch(c) for c in expected)

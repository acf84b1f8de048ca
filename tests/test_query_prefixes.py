"""Every named query declares its prefixes, so it runs as written on any engine (issue 13, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store
from rdflib.plugins.sparql import prepareQuery

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_named_query_runs_without_predeclared_prefixes(path):
    text = path.read_text(encoding="utf-8")
    prepareQuery(text)  # rdflib: no initNs, so an undeclared prefix fails here
    list(Store().query(text))  # Oxigraph, no prefixes given: parses and runs (no rows on an empty store)

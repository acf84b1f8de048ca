"""The Python API: ``graphbuild.build(inputs)`` and the graph it returns.

The CLI is a thin layer over the same pipeline; this module gives notebooks and scripts the
same thing without files in between: texts, paths, URLs or ``(id, text)`` pairs in, a
``Graph`` out that lists its statements in the JSONL contract's shape, turns into networkx,
rdflib or pandas, answers SPARQL, and exports. spaCy is imported when ``build`` first parses,
not when ``graphbuild`` is imported.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graphbuild.ingest import IngestError, make_document, read_documents
from graphbuild.query import check_bindings
from graphbuild.store import Binding, KnowledgeGraph, QueryResult
from graphbuild.types import Document
from graphbuild.web import is_url

Input = str | Path | tuple[str, str]

# One row per statement, with what the JSONL contract carries (the relation's PLOVER type
# and CAMEO code are the statement's own when a dictionary pattern gave a finer one).
TRIPLES_QUERY = """
SELECT ?doc ?sentence ?index ?s ?slabel ?stype ?scountry ?p ?plabel ?text ?plover ?cameo
       ?o ?olabel ?otype ?ocountry ?negated ?hypothetical ?confidence ?rule
WHERE {
  ?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gb:document ?g ;
      gb:sentence ?sentence ; gb:sentenceIndex ?index ; gb:negated ?negated ; gb:confidence ?confidence ;
      gb:relationText ?text ; gb:rule ?rule .
  ?g gb:sourceName ?doc .
  ?s rdfs:label ?slabel ; gb:actorType ?stype .
  ?o rdfs:label ?olabel ; gb:actorType ?otype .
  OPTIONAL { ?s gb:country ?scountry }
  OPTIONAL { ?o gb:country ?ocountry }
  OPTIONAL { ?p rdfs:label ?plabel0 }
  BIND(COALESCE(?plabel0, STRAFTER(STR(?p), "#")) AS ?plabel)
  OPTIONAL { ?st gb:hypothetical ?hyp }
  BIND(COALESCE(?hyp, false) AS ?hypothetical)
  OPTIONAL { ?st gb:ploverType ?plover0 }
  OPTIONAL { ?p gb:ploverType ?plover1 }
  BIND(COALESCE(?plover0, ?plover1) AS ?plover)
  OPTIONAL { ?st gb:cameoCode ?cameo0 }
  OPTIONAL { ?p gb:cameoCode ?cameo1 }
  BIND(COALESCE(?cameo0, ?cameo1) AS ?cameo)
} ORDER BY ?doc ?index ?s ?p ?o ?text
"""


class Graph(KnowledgeGraph):
    """A knowledge graph with the analyst's conveniences on top of ``KnowledgeGraph``."""

    def triples(self) -> list[dict[str, Any]]:
        """Every statement, in the JSONL contract's shape (``doc``, ``sentence``, ``subject``,
        ``relation``, ``object``, ``negated``, ``hypothetical``, ``confidence``), sorted."""
        out = []
        for r in self.query(TRIPLES_QUERY).rows:
            (doc, sentence, _index, s, slabel, stype, scountry, p, plabel, text, plover, cameo,
             o, olabel, otype, ocountry, negated, hypothetical, confidence, rule) = r
            out.append({
                "doc": doc, "sentence": sentence,
                "subject": {"id": s, "label": slabel, "type": stype, "country": scountry or None},
                "relation": {"id": p, "label": plabel, "text": text, "plover": plover or None,
                             "cameo": cameo or None},
                "object": {"id": o, "label": olabel, "type": otype, "country": ocountry or None},
                "negated": negated == "true", "hypothetical": hypothetical == "true",
                "confidence": float(confidence), "rule": rule,
            })
        return out

    def to_networkx(self):
        """The actor network (a networkx ``MultiDiGraph``), as the GraphML and GEXF exports draw it."""
        from graphbuild.network import to_networkx

        return to_networkx(self)

    def export(self, path: str | Path, formats: Iterable[str] = ("turtle",)) -> list[Path]:
        """Write the graph into folder ``path`` in ``formats`` (the CLI's names); the files written."""
        from graphbuild.export import export_graph

        return export_graph(self, Path(path), tuple(formats))

    def query(self, sparql: str, bindings: dict[str, Binding] | None = None,  # type: ignore[override]
              **params: Binding) -> QueryResult:
        """SELECT or ASK. ``params`` (or ``bindings``) bind the variables they name: a string as a
        plain literal, a pyoxigraph ``NamedNode`` or ``Literal`` as itself. The engine substitutes
        them (never pasted into the text; see ``KnowledgeGraph.execute``); a name that is no
        variable of the query is an error."""
        values = {**(bindings or {}), **params}
        check_bindings(sparql, values)
        return super().query(sparql, values or None)

    def to_pandas(self):
        """The statements as a pandas ``DataFrame``, one row each, nested fields flattened
        (``subject.label``, ``relation.plover`` ...). Needs pandas installed."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_pandas needs pandas: pip install pandas") from None
        return pd.json_normalize(self.triples())


def build(inputs: Input | Iterable[Input], *, model: str | None = None, ontology: str | Path | None = None,
          store: str | Path | None = None) -> Graph:
    """Extract ``inputs`` into a ``Graph`` (in memory, or in the on-disk ``store``).

    An input is a path (file, folder, JSONL corpus), an http(s) URL (article or feed), an
    ``(id, text)`` pair, or any other string, read as a text itself. A document that cannot
    be read is skipped with a warning, as the CLI does.
    """
    from graphbuild.ontology import load_ontology
    from graphbuild.pipeline import build_graph

    onto = load_ontology(Path(ontology) if ontology is not None else None)
    kg = Graph(Path(store)) if store is not None else Graph()
    build_graph(_documents(inputs), onto=onto, kg=kg, model=model)
    return kg


def _warn(exc: IngestError) -> None:
    warnings.warn(str(exc), stacklevel=4)


def _documents(inputs: Input | Iterable[Input]) -> Iterator[Document]:
    if isinstance(inputs, (str, Path)) or (isinstance(inputs, tuple) and len(inputs) == 2
                                            and all(isinstance(x, str) for x in inputs)):
        inputs = [inputs]  # type: ignore[list-item]
    for n, item in enumerate(inputs):  # type: ignore[arg-type]
        try:
            if isinstance(item, tuple):
                doc_id, text = item
                yield make_document(str(doc_id), text, source=str(doc_id))
            elif isinstance(item, Path) or is_url(item) or (len(item) < 4096 and "\n" not in item
                                                             and os.path.exists(item)):
                yield from read_documents([item], on_error=_warn)
            else:
                yield make_document(f"text-{n + 1}", item, source=f"text-{n + 1}")
        except IngestError as exc:
            _warn(exc)

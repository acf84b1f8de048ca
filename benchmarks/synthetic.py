"""Synthetic knowledge graphs for the SPARQL and export benchmarks.

Statements between real ontology actors with a skewed distribution (Russia, China
and the United States are hubs, as in real coverage), real relations, and short
made-up sentences; the quads are built by graphbuild's own RDF stage, so the
graph has exactly the shape of a real build.
"""

from __future__ import annotations

import hashlib
import random

from graphbuild.ontology import Ontology
from graphbuild.rdf import document_iri, document_quads
from graphbuild.store import KnowledgeGraph
from graphbuild.types import Actor, Document, Triple

HUBS = ("RUS", "CHN", "USA")


# words a padded sentence draws from, to give synthetic sentences the length of news sentences
FILLER = ("officials", "said", "on", "Tuesday", "that", "the", "talks", "over", "trade", "security", "and",
          "energy", "would", "continue", "after", "a", "meeting", "in", "the", "capital", "last", "week")


def synthetic_graph(onto: Ontology, *, documents: int, statements_per_doc: int = 10, extra_actors: int = 0,
                    seed: int = 7, kg: KnowledgeGraph | None = None, pool: int | None = None,
                    sentence_words: int = 0) -> KnowledgeGraph:
    """``pool``: draw the non-hub actors from only the first ``pool`` (the ontology's, then the
    made-up persons), to shape a network's size; ``sentence_words``: pad each sentence with
    that many filler words (news sentences run to 25-30 words)."""
    rng = random.Random(seed)
    kg = kg if kg is not None else KnowledgeGraph()
    kg.load_ontology(onto)
    actors = [a for a in onto.actors.values() if a.type in ("State", "Organization", "Person")]
    actors += [Actor(f"x-person-p{n}", f"Person {n}", "Person", linked=False) for n in range(extra_actors)]
    if pool is not None:
        actors = actors[:pool]
    relations = sorted(r for r in onto.relations if r not in ("relation", "ploverEvent") and not r.startswith("plover"))

    def pick() -> Actor:
        if rng.random() < 0.3:
            return onto.actors[rng.choice(HUBS)]
        return rng.choice(actors)

    batch: list = []
    for d in range(documents):
        text = f"Synthetic report {d}."
        sha = hashlib.sha256(text.encode()).hexdigest()
        doc = Document(id=f"syn-{d:06d}", text=text, source="synthetic", sha256=sha,
                       date=f"20{10 + d % 15:02d}-0{1 + d % 9}-1{d % 9}")
        triples = []
        for i in range(statements_per_doc):
            s, o = pick(), pick()
            if s.key == o.key:
                continue
            rel = rng.choice(relations)
            sentence = f"{s.label} {rel} {o.label} in report {d}, sentence {i}."
            if sentence_words:
                sentence = sentence[:-1] + ", " + " ".join(rng.choice(FILLER) for _ in range(sentence_words)) + "."
            triples.append(Triple(doc.id, sha, sentence, i, 0, len(sentence), s, rel, rel, rel, o,
                                  rng.random() < 0.05, round(rng.uniform(0.4, 0.9), 3), "verb_active"))
        batch.append((document_iri(sha), document_quads(doc, triples, onto)))
        if len(batch) == 200:
            kg.replace_graphs(batch)
            batch = []
    if batch:
        kg.replace_graphs(batch)
    kg.flush()
    return kg

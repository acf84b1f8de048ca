"""Extraction: dependency rules over a spaCy parse yield actor-relation-actor triples.

Each rule is one method over a sentence. Rules find a predicate (a verb, or an
event noun such as "visit" or "sanctions"), the tokens that fill its subject and
object slots, and then map each slot to actors through the document's mentions;
the relation comes from the lexicon in ``ontology/``. Everything the rules know
about words (verbs, event nouns, role nouns, negation, modality, control and
group-reference cues) is data; the code only knows English syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from graphbuild.actors import ActorResolver, Mention
from graphbuild.extract.records import LINK_FACTOR, RULE_CONFIDENCE, Candidate
from graphbuild.extract.rules import Rules
from graphbuild.ontology import Ontology
from graphbuild.types import Actor, Document, Triple

__all__ = ["Extractor", "main_dyad"]


def main_dyad(mentions: Iterable[Mention], states: dict[str, Actor] | None = None) -> tuple[Actor, Actor] | None:
    """The document's main pair of states: the two most mentioned, when the second is unambiguous.

    'The two sides', 'both countries' and 'the parties' refer to this pair. A person or body
    counts for its state when ``states`` is given ('Mr. Obama and Cuban leader Raul Castro
    announced the two countries had agreed').
    """
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for m in {(m.start, m.actor.key): m for m in mentions}.values():
        actor = m.actor if m.actor.type == "State" else (states or {}).get(m.actor.country or "")
        if actor is not None and actor.type == "State":
            counts[actor.key] = counts.get(actor.key, 0) + 1
            actors[actor.key] = actor
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]):
        return None  # fewer than two states, or no clear second one
    return actors[ranked[0]], actors[ranked[1]]


def _side(actor: Actor) -> str:
    """The state an actor stands for in a dyad, else the actor itself."""
    return actor.country or actor.key


def _without_idle_links(triples: Iterable[Triple], onto: Ontology) -> list[Triple]:
    """A sentence's triples less those that tell nothing new.

    The generic relation is the back-off for predicates no dictionary types. It adds
    noise, not facts, when it links an actor to its own state ('Chinese leaders stress
    ... China') or when a typed statement of the same sentence already links the same
    two sides ('Assad visited Russia ... with the Kremlin leadership'). And a state and its
    own people and bodies are not each other's targets: in 'Colombia recalled its ambassador
    from Venezuela' the ambassador is Colombia's instrument, and 'Chinese scholars discuss
    how to improve China - Central Asia cooperation' is no act of the scholars on China. A generic PLOVER
    relation repeats a named one of the same type between the same two actors.
    """
    triples = list(triples)
    named = {(t.subject.key, onto.relations[t.relation].plover, t.object.key, t.negated, t.hypothetical)
             for t in triples if not t.relation.startswith("plover")}
    triples = [t for t in triples if not t.relation.startswith("plover") or (
        t.subject.key, onto.relations[t.relation].plover, t.object.key, t.negated, t.hypothetical) not in named]
    typed = {(_side(t.subject), _side(t.object), t.negated, t.hypothetical)
             for t in triples if t.relation != "relatedTo"}
    return [t for t in triples if not (
        t.subject.type == "State" and t.object.type == "GovernmentBody" and t.object.country == t.subject.country)
        and not (t.object.type == "State" and t.subject.type != "State" and t.subject.country == t.object.country)
        and (t.relation != "relatedTo" or (
            _side(t.subject) != _side(t.object)
            and (_side(t.subject), _side(t.object), t.negated, t.hypothetical) not in typed))]


class Extractor:
    """Applies every rule to every sentence of a parsed document."""

    def __init__(self, onto: Ontology, resolver: ActorResolver | None = None) -> None:
        self.onto = onto
        self.resolver = resolver or ActorResolver(onto)
        self.light_nouns = {(lemma, noun) for (lemma, noun, _prep) in onto.lexicon if noun}
        # relations that hold both ways whichever way a rule read them (see _both_ways)
        self.mutual = frozenset(k for k, r in onto.relations.items()
                                if r.symmetric and r.plover in ("CONSULT", "AGREE"))

    def extract(self, doc: Doc, document: Document, *, offset: int = 0, sentence_base: int = 0) -> Iterator[Triple]:
        """Triples of one parsed document, in sentence order, without duplicates per sentence.

        ``offset`` and ``sentence_base`` place a chunk of a long document: offsets and
        sentence indices stay those of the whole document. When two different rules
        find the same triple in a sentence, the parses agree and the confidence rises
        (noisy-or of the two).
        """
        mentions = self.resolver.mentions(doc, date=document.date)
        rules = Rules(self.onto, self.light_nouns, mentions, main_dyad(mentions.values(), self.onto.actors))
        for index, sent in enumerate(doc.sents, start=sentence_base):
            best: dict[tuple[str, str, str, bool, bool], Triple] = {}
            where: tuple[str, int, int] | None = None  # the sentence's text and span, made once
            for cand in rules.sentence_candidates(sent):
                where = where or self._sentence_span(sent, offset, document.text)
                triple = self._to_triple(cand, where, index, document)
                key = (triple.subject.key, triple.relation, triple.object.key, triple.negated,
                       triple.hypothetical)
                old = best.get(key)
                if old is None:
                    best[key] = triple
                elif old.rule != triple.rule:
                    agreed = 1 - (1 - old.confidence) * (1 - triple.confidence)
                    keep = old if old.confidence >= triple.confidence else triple
                    best[key] = replace(keep, confidence=round(min(agreed, 0.99), 3))
                elif triple.confidence > old.confidence:
                    best[key] = triple
            self._both_ways(best)
            yield from _without_idle_links(best.values(), self.onto)

    def _both_ways(self, best: dict[tuple[str, str, str, bool, bool], Triple]) -> None:
        """A meeting, a negotiation or an agreement is both parties' act: 'Tillerson met with
        Videgaray' is also Videgaray meeting Tillerson, 'signed a treaty with Vanuatu' Vanuatu's
        signing too, as annotators list them and as the ontology's symmetric CONSULT and AGREE
        relations say; so is a dictionary pattern whose CAMEO code is such an act ('spoke with', 046).
        Cooperation stays as read ('joined Russian forces in an exercise' is measured one way), and a
        mediator's talks with each side stay one way ('UAE mediation between Russia and Ukraine' is
        no meeting of Russia with the UAE)."""
        third = self.onto.cues.get("third_party", frozenset())
        codes = self.onto.cues.get("mutual_cameo", frozenset())
        for t in list(best.values()):
            plover = self.onto.relations[t.relation].plover
            mutual = t.relation in self.mutual or (t.cameo in codes and plover == "CONSULT")
            if plover == "AGREE" and t.lemma.endswith(" to"):
                mutual = False  # agreeing to something is accepting it: 'Israel agreed to US mediation'
            if mutual and t.lemma.split(" ")[0] not in third:
                best.setdefault((t.object.key, t.relation, t.subject.key, t.negated, t.hypothetical),
                                replace(t, subject=t.object, object=t.subject))

    @staticmethod
    def _sentence_span(sent: Span, offset: int, source: str = "") -> tuple[str, int, int]:
        """The sentence as one line of text, with its start and end in the whole document. The
        words are the document's own (the parser read them with straight quotes, see
        ``language.readable``), whenever the document's text is at hand."""
        first, last = offset + sent.start_char, offset + sent.end_char
        # the document's own characters, one for one with the parsed text's (sent.text would build
        # a Token per word)
        text = source[first:last] if len(source) >= last else sent.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        start = first + lead
        return " ".join(stripped.split()), start, start + len(stripped)

    def _to_triple(self, cand: Candidate, where: tuple[str, int, int], index: int, document: Document) -> Triple:
        conf = RULE_CONFIDENCE["generic" if cand.relation == "relatedTo" and cand.rule not in ("argument", "clause")
                               else cand.rule]
        conf *= LINK_FACTOR[cand.subject.how] * LINK_FACTOR[cand.object.how]
        if cand.inherited:
            conf *= 0.95
        sentence, start, end = where
        return Triple(
            doc_id=document.id,
            doc_sha256=document.sha256,
            sentence=sentence,
            sentence_index=index,
            start=start,
            end=end,
            subject=cand.subject.actor,
            relation=cand.relation,
            relation_text=cand.text,
            lemma=cand.lemma,
            object=cand.object.actor,
            negated=cand.negated,
            confidence=round(conf, 3),
            rule=cand.rule,
            modality=cand.modality,
            hypothetical=cand.hypothetical,
            cameo=cand.cameo,
            location=cand.location.actor if cand.location is not None else None,
        )

"""Extraction: dependency rules over a spaCy parse yield actor-relation-actor triples.

Each rule is one function over a sentence. Rules find a predicate (a verb, or an
event noun such as "visit" or "sanctions"), the tokens that fill its subject and
object slots, and then map each slot to actors through ``ActorResolver``'s
mentions; the relation comes from the lexicon in ``ontology/``. Everything the
rules know about words (verbs, event nouns, role nouns, negation and control
cues) is data; the code only knows English syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graphbuild.actors import ActorResolver, Mention
from graphbuild.ontology import Ontology
from graphbuild.types import Actor, Document, Triple

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SUBJECT_DEPS = frozenset({"nsubj"})
# How much a statement's confidence drops with how its actors were linked.
LINK_FACTOR = {"ruler": 1.0, "fuzzy": 0.9, "country": 0.9, "proxy": 0.85, "unlinked": 0.7}
RULE_CONFIDENCE = {
    "verb_active": 0.85, "verb_passive": 0.8, "light_verb": 0.8, "participle_modifier": 0.75,
    "reciprocal": 0.75, "nominal_event": 0.7, "generic": 0.45,
}


@dataclass(frozen=True, slots=True)
class Arg:
    """An actor filling a slot, and how it was reached."""

    actor: Actor
    how: str  # key of LINK_FACTOR


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


class Extractor:
    """Applies every rule to every sentence of a parsed document."""

    def __init__(self, onto: Ontology, resolver: ActorResolver | None = None) -> None:
        self.onto = onto
        self.resolver = resolver or ActorResolver(onto)
        self._light_nouns = {(lemma, noun) for (lemma, noun, _prep) in onto.lexicon if noun}
        self._cue = onto.cues

    # ------------------------------------------------------------------ API
    def extract(self, doc: Doc, document: Document) -> Iterator[Triple]:
        """Triples of one parsed document, in sentence order, without duplicates per sentence."""
        mentions = self.resolver.mentions(doc)
        for index, sent in enumerate(doc.sents):
            best: dict[tuple[str, str, str, bool], Triple] = {}
            for cand in self.sentence_candidates(sent, mentions):
                triple = self._to_triple(cand, sent, index, document)
                key = (triple.subject.key, triple.relation, triple.object.key, triple.negated)
                if key not in best or triple.confidence > best[key].confidence:
                    best[key] = triple
            yield from best.values()

    def sentence_candidates(self, sent: Span, mentions: dict[int, Mention]) -> Iterator[Candidate]:
        """Every candidate the rules find in one sentence (self-relations dropped)."""
        ctx = _Context(self, mentions)
        for rule in (ctx.verb_rule, ctx.nominal_rule, ctx.reciprocal_noun_rule):
            for cand in rule(sent):
                if cand.subject.actor.key != cand.object.actor.key:
                    yield cand

    # ---------------------------------------------------------------- helpers
    def _to_triple(self, cand: Candidate, sent: Span, index: int, document: Document) -> Triple:
        conf = RULE_CONFIDENCE["generic" if cand.relation == "relatedTo" else cand.rule]
        conf *= LINK_FACTOR[cand.subject.how] * LINK_FACTOR[cand.object.how]
        if cand.inherited:
            conf *= 0.95
        text = sent.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        start = sent.start_char + lead
        return Triple(
            doc_id=document.id,
            doc_sha256=document.sha256,
            sentence=" ".join(stripped.split()),
            sentence_index=index,
            start=start,
            end=start + len(stripped),
            subject=cand.subject.actor,
            relation=cand.relation,
            relation_text=cand.text,
            lemma=cand.lemma,
            object=cand.object.actor,
            negated=cand.negated,
            confidence=round(conf, 3),
            rule=cand.rule,
        )


class _Context:
    """Rule functions for one document: they share its mention index."""

    def __init__(self, ex: Extractor, mentions: dict[int, Mention]) -> None:
        self.ex = ex
        self.onto = ex.onto
        self.mentions = mentions

    # ------------------------------------------------------- argument actors
    def actors_of(self, tok: Token, *, depth: int = 0) -> list[Arg]:
        """Actors a noun-phrase head stands for, with its coordinated heads ('China and Russia')."""
        out: list[Arg] = []
        for t in (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,):
            out += self._actors_of_one(t, depth)
        seen: set[str] = set()
        return [a for a in out if not (a.actor.key in seen or seen.add(a.actor.key))]

    def _actors_of_one(self, tok: Token, depth: int) -> list[Arg]:
        m = self.mentions.get(tok.i)
        if m is not None:
            # A bare adjectival demonym ('Chinese' in 'Chinese interests') names no actor by itself.
            if m.demonym and tok.pos_ == "ADJ":
                return []
            return [Arg(m.actor, m.linked_by)]
        if depth > 2 or tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            return []
        # apposition: 'the head of the Office ..., Li Zhanshu'
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.mentions:
                return [Arg(self.mentions[child.i].actor, self.mentions[child.i].linked_by)]
        kind = self.onto.proxies.get(tok.lemma_.lower())
        if kind in ("role", "aspect"):
            # role or aspect noun: 'the Russian government', 'Russia's interests', 'integrity of Ukraine'
            for child in tok.children:
                if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i in self.mentions:
                    return [Arg(self.mentions[child.i].actor, "proxy")]
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return [Arg(a.actor, "proxy") for a in self.actors_of(pobj, depth=depth + 1)]
        if kind == "with":
            # relationship noun: 'its partnership with the U.S.' stands for the partner
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "with":
                    return [Arg(a.actor, "proxy") for pobj in child.children if pobj.dep_ == "pobj"
                            for a in self.actors_of(pobj, depth=depth + 1)]
        return []

    # ------------------------------------------------------- verb slots
    @staticmethod
    def is_passive(v: Token) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return True
        # participle modifier: 'the AIIB set up by China', 'weapons supplied to China'
        return v.dep_ in ("acl", "amod") and v.tag_ == "VBN"

    def subject_tokens(self, v: Token, *, hops: int = 0) -> tuple[list[Token], bool]:
        """Tokens filling the logical subject of verb ``v``; the flag says it was inherited."""
        if hops > 4:
            return [], False
        if self.is_passive(v):
            # passive agent: 'by X'
            agents = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents:
                return agents, False
            # participle with a fused subject: 'the China-led AIIB'
            fused = [c for c in v.children if c.dep_ in ("npadvmod", "nsubj", "compound") and c.i in self.mentions]
            return fused, False
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # relative clause: 'Patrushev, who has said ...' -> the noun the clause modifies
            if v.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
                return [v.head], False
            return subjects, False
        head = v.head
        if v.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            # verb chain: 'tried to divide', 'decided to join'; object control: 'help the U.S. fight'
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs, True
            toks, _ = self.subject_tokens(head, hops=hops + 1)
            return toks, True
        if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            # coordinated verbs share the subject: 'China values ... and is seeking'
            toks, _ = self.subject_tokens(head, hops=hops + 1)
            return toks, True
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # nominal control: "Russia's decision to join", 'his willingness to cooperate'
            for c in head.children:
                if c.dep_ == "poss":
                    if c.pos_ == "PRON" and head.dep_ in ("dobj", "nsubj") and head.head.pos_ in ("VERB", "AUX"):
                        toks, _ = self.subject_tokens(head.head, hops=hops + 1)
                        return toks, True
                    return [c], True
            return [], False
        if v.dep_ in ("advcl", "pcomp") and head.pos_ in ("VERB", "AUX", "ADP"):
            # adverbial clause or 'by persuading': the subject of the governing verb
            gov = head if head.pos_ != "ADP" else head.head
            if gov.pos_ in ("VERB", "AUX") and not self.is_passive(gov):
                toks, _ = self.subject_tokens(gov, hops=hops + 1)
                return toks, True
        return [], False

    def chain(self, v: Token) -> list[Token]:
        """The verb and the verbs it hangs from by xcomp ('tried' for 'divide')."""
        out = [v]
        while out[-1].dep_ == "xcomp" and out[-1].head.pos_ in ("VERB", "AUX"):
            out.append(out[-1].head)
        return out

    def is_negated(self, v: Token) -> bool:
        """'does not support', 'did not want to join', 'never joined'."""
        words = self.ex._cue.get("negation", frozenset())
        for t in self.chain(v):
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "neg") and c.lower_ in words):
                    return True
        return False

    def verb_lemma(self, v: Token) -> str:
        prt = [c.lower_ for c in v.children if c.dep_ == "prt"]
        return " ".join([v.lemma_.lower(), *prt])

    def surface(self, v: Token, *extra: str) -> str:
        # 'tried to divide': the governing verbs of a chain come first
        words = [w for t in reversed(self.chain(v)[1:]) for w in (t.text, "to")]
        prt = [c.text for c in v.children if c.dep_ == "prt"]
        return " ".join([*words, v.text, *prt, *[e for e in extra if e]])

    # ------------------------------------------------------------ rules
    def verb_rule(self, sent: Span) -> Iterator[Candidate]:
        """Verbs with direct, prepositional or light-noun objects, active or passive."""
        for v in sent:
            if v.pos_ != "VERB":
                continue
            passive = self.is_passive(v)
            subj_toks, inherited = self.subject_tokens(v)
            subjects = [a for t in subj_toks for a in self.actors_of(t)]
            if not subjects:
                continue
            lemma = self.verb_lemma(v)
            negated = self.is_negated(v)
            rule = "verb_passive" if passive else "verb_active"
            found_object = False
            for prep, obj_tok, noun in self.object_slots(v, passive):
                relation = self.onto.lookup_relation(lemma, noun, prep)
                if relation is None:
                    continue
                objects = self.actors_of(obj_tok)
                found_object = found_object or bool(objects)
                key = " ".join(p for p in (lemma, noun, prep) if p)
                for s in subjects:
                    for o in objects:
                        yield Candidate(s, relation, self.surface(v, noun, prep), key, o, negated,
                                        "light_verb" if noun else rule, inherited)
            if not found_object and len(subjects) > 1:
                # reciprocal: 'Lavrov and Kerry met', 'China and Russia reached an agreement'
                yield from self._reciprocal(v, lemma, subjects, negated)

    def object_slots(self, v: Token, passive: bool) -> Iterator[tuple[str, Token, str]]:
        """(preposition, object head, light noun) for every object of ``v``."""
        if passive:
            for c in v.children:
                if c.dep_ == "nsubjpass":
                    yield "", c, ""
            if v.dep_ in ("acl", "amod"):
                yield "", v.head, ""
        consumed: set[int] = set()
        for c in v.children:
            if c.dep_ in ("dobj", "dative") and not passive:
                if (self.verb_lemma(v), c.lemma_.lower()) in self.ex._light_nouns:
                    # light verb + event noun: 'impose sanctions on X', 'reach an agreement with X'
                    for p in (*c.children, *v.children):
                        if p.dep_ == "prep":
                            consumed.add(p.i)
                            for pobj in p.children:
                                if pobj.dep_ == "pobj":
                                    yield p.lower_, pobj, c.lemma_.lower()
                    continue
                yield "", c, ""
        for c in v.children:
            if c.dep_ == "prep" and c.i not in consumed:
                prep = c.lower_
                # two-word prepositions: 'out of'
                inner = [g for g in c.children if g.dep_ == "prep"]
                for g in inner:
                    for pobj in g.children:
                        if pobj.dep_ == "pobj":
                            yield f"{prep} {g.lower_}", pobj, ""
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        yield prep, pobj, ""

    def _reciprocal(self, v: Token, lemma: str, subjects: list[Arg], negated: bool) -> Iterator[Candidate]:
        nouns = [c.lemma_.lower() for c in v.children if c.dep_ == "dobj"]
        for noun in [*nouns, ""]:
            relation = self.onto.lexicon.get((lemma, noun, ""))
            if relation is None or not self.onto.relations[relation].symmetric:
                continue
            text = self.surface(v, noun)
            for s in subjects:
                for o in subjects:
                    if s.actor.key != o.actor.key:
                        yield Candidate(s, relation, text, " ".join(p for p in (lemma, noun) if p), o,
                                        negated, "reciprocal")
            return

    def nominal_rule(self, sent: Span) -> Iterator[Candidate]:
        """Event nouns: 'the visit of Wang Yi to Russia', "Xi's visit to Russia",
        'the introduction of sanctions against Russia by Western countries',
        'pressure from the United States' felt by China and Russia."""
        light = self.ex._cue.get("light", frozenset())
        experiencer = self.ex._cue.get("experiencer", frozenset())
        for n in sent:
            if n.pos_ != "NOUN" or n.lemma_.lower() not in self.onto.nominals:
                continue
            relation, agent_preps, target_preps = self.onto.nominals[n.lemma_.lower()]
            hosts = [n]
            if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in light:
                hosts.append(n.head.head)
            agents: list[Arg] = []
            targets: list[Arg] = []
            for h in hosts:
                for c in h.children:
                    if c.dep_ == "poss" and "poss" in agent_preps:
                        agents += self.actors_of(c)
                    elif c.dep_ == "prep":
                        p = c.lower_
                        pobjs = [g for g in c.children if g.dep_ == "pobj"]
                        if p in agent_preps or p == "by":
                            agents += [a for g in pobjs for a in self.actors_of(g)]
                        elif p in target_preps:
                            targets += [a for g in pobjs for a in self.actors_of(g)]
            if n.dep_ == "dobj" and n.head.lemma_.lower() in experiencer:
                # experiencer verb: the subject undergoes the event ('China felt pressure from the US')
                toks, _ = self.subject_tokens(n.head)
                targets += [a for t in toks for a in self.actors_of(t)]
            negated = n.head.pos_ == "VERB" and self.is_negated(n.head)
            for s in agents:
                for o in targets:
                    yield Candidate(s, relation, n.text, n.lemma_.lower(), o, negated, "nominal_event")

    def reciprocal_noun_rule(self, sent: Span) -> Iterator[Candidate]:
        """'cooperation between Russia and the United States': each pair, both ways."""
        between = self.ex._cue.get("reciprocal", frozenset())
        for p in sent:
            if p.dep_ != "prep" or p.lower_ not in between:
                continue
            n = p.head
            entry = self.onto.nominals.get(n.lemma_.lower())
            if entry is None or not self.onto.relations[entry[0]].symmetric:
                continue
            actors = [a for g in p.children if g.dep_ == "pobj" for a in self.actors_of(g)]
            for s in actors:
                for o in actors:
                    if s.actor.key != o.actor.key:
                        yield Candidate(s, entry[0], f"{n.text} {p.text}", n.lemma_.lower(), o, False, "reciprocal")


def extract_triples(docs: Iterable[tuple[Doc, Document]], onto: Ontology) -> Iterator[Triple]:
    """Triples for a stream of (parsed doc, document) pairs."""
    ex = Extractor(onto)
    for doc, document in docs:
        yield from ex.extract(doc, document)

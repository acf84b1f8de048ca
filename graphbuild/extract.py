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
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graphbuild.actors import ActorResolver, Mention
from graphbuild.ontology import Ontology
from graphbuild.types import Actor, Document, Triple

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
# How much a statement's confidence drops with how its actors were linked.
LINK_FACTOR = {"ruler": 1.0, "fuzzy": 0.9, "country": 0.9, "proxy": 0.85, "event": 0.8, "dyad": 0.8,
               "pronoun": 0.75, "unlinked": 0.7}
RULE_CONFIDENCE = {
    "verb_active": 0.85, "verb_passive": 0.8, "light_verb": 0.8, "participle_modifier": 0.75,
    "reciprocal": 0.75, "nominal_event": 0.7, "generic": 0.45,
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


def main_dyad(mentions: Iterable[Mention]) -> tuple[Actor, Actor] | None:
    """The document's main pair of states: the two most mentioned, when the second is unambiguous.

    'The two sides', 'both countries' and 'the parties' refer to this pair.
    """
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for m in {(m.start, m.actor.key): m for m in mentions}.values():
        if m.actor.type == "State":
            counts[m.actor.key] = counts.get(m.actor.key, 0) + 1
            actors[m.actor.key] = m.actor
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]):
        return None  # fewer than two states, or no clear second one
    return actors[ranked[0]], actors[ranked[1]]


class Extractor:
    """Applies every rule to every sentence of a parsed document."""

    def __init__(self, onto: Ontology, resolver: ActorResolver | None = None) -> None:
        self.onto = onto
        self.resolver = resolver or ActorResolver(onto)
        self.light_nouns = {(lemma, noun) for (lemma, noun, _prep) in onto.lexicon if noun}

    def extract(self, doc: Doc, document: Document, *, offset: int = 0, sentence_base: int = 0) -> Iterator[Triple]:
        """Triples of one parsed document, in sentence order, without duplicates per sentence.

        ``offset`` and ``sentence_base`` place a chunk of a long document: offsets and
        sentence indices stay those of the whole document. When two different rules
        find the same triple in a sentence, the parses agree and the confidence rises
        (noisy-or of the two).
        """
        mentions = self.resolver.mentions(doc)
        rules = _Rules(self, mentions, main_dyad(mentions.values()))
        for index, sent in enumerate(doc.sents, start=sentence_base):
            best: dict[tuple[str, str, str, bool], Triple] = {}
            where: tuple[str, int, int] | None = None  # the sentence's text and span, made once
            for cand in rules.sentence_candidates(sent):
                where = where or self._sentence_span(sent, offset)
                triple = self._to_triple(cand, where, index, document)
                key = (triple.subject.key, triple.relation, triple.object.key, triple.negated)
                old = best.get(key)
                if old is None:
                    best[key] = triple
                elif old.rule != triple.rule:
                    agreed = 1 - (1 - old.confidence) * (1 - triple.confidence)
                    keep = old if old.confidence >= triple.confidence else triple
                    best[key] = replace(keep, confidence=round(min(agreed, 0.99), 3))
                elif triple.confidence > old.confidence:
                    best[key] = triple
            yield from best.values()

    @staticmethod
    def _sentence_span(sent: Span, offset: int) -> tuple[str, int, int]:
        """The sentence as one line of text, with its start and end in the whole document."""
        text = sent.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        start = offset + sent.start_char + lead
        return " ".join(stripped.split()), start, start + len(stripped)

    def _to_triple(self, cand: Candidate, where: tuple[str, int, int], index: int, document: Document) -> Triple:
        conf = RULE_CONFIDENCE["generic" if cand.relation == "relatedTo" else cand.rule]
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
        )


class _Rules:
    """The rules for one document: they share its mention index and its main dyad."""

    def __init__(self, ex: Extractor, mentions: dict[int, Mention], dyad: tuple[Actor, Actor] | None) -> None:
        self.onto = ex.onto
        self.light_nouns = ex.light_nouns
        self.cue = ex.onto.cues
        self.mentions = mentions
        self.dyad = dyad
        self._starts = sorted({m.start for m in mentions.values()})  # for pronoun look-back

    def could_relate(self, sent: Span) -> bool:
        """Whether the sentence names two actors at least (counting group references and
        pronouns that may stand for one): most sentences do not, and the rules skip them."""
        starts = {self.mentions[t.i].start for t in sent if t.i in self.mentions}
        if len(starts) >= 2:
            return True
        if self.dyad is not None and any(t.lemma_.lower() in self.cue.get("dyad", ()) for t in sent):
            return True  # 'the two sides' may stand for both actors
        pronouns = self.cue.get("pronoun_singular", frozenset()) | self.cue.get("pronoun_plural", frozenset())
        return len(starts) + sum(1 for t in sent if t.lower_ in pronouns) >= 2

    def sentence_candidates(self, sent: Span) -> Iterator[Candidate]:
        """Every candidate the rules find in one sentence (self-relations dropped)."""
        if not self.could_relate(sent):
            return
        for rule in (self.verb_rule, self.nominal_rule, self.reciprocal_noun_rule, self.reciprocal_modifier_rule):
            for cand in rule(sent):
                if cand.subject.actor.key != cand.object.actor.key:
                    yield cand

    # ------------------------------------------------------- argument actors
    def actors_of(self, tok: Token, *, depth: int = 0) -> list[Arg]:
        """Actors a noun-phrase head stands for, with its coordinated heads ('China and Russia')."""
        group = (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,)
        out: list[Arg] = []
        for t in group:
            out += self._actors_of_one(t, depth)
        sector = self._shared_sector(group)
        if sector:
            # elliptical possessive: "Russia's and China's governments" -> both governments
            out = [Arg(self.onto.sector_actor(a.actor, sector), a.how) if a.actor.type == "State" else a
                   for a in out]
        seen: set[str] = set()
        return [a for a in out if not (a.actor.key in seen or seen.add(a.actor.key))]

    def _shared_sector(self, group: tuple[Token, ...]) -> str:
        """The sector of a role noun that a bare possessive conjunct shares ("Russia's and China's governments")."""
        bare = [t for t in group if t.i in self.mentions and any(c.dep_ == "case" for c in t.children)]
        if not bare:
            return ""
        for t in group:
            kind, sector = self.onto.proxies.get(t.lemma_.lower(), ("", ""))
            if kind == "role" and sector and any(c.dep_ == "poss" for c in t.children):
                return sector
        return ""

    def _actors_of_one(self, tok: Token, depth: int) -> list[Arg]:
        m = self.mentions.get(tok.i)
        if m is not None:
            # A bare adjectival demonym ('Chinese' in 'Chinese interests') names no actor by itself.
            if m.demonym and tok.pos_ == "ADJ":
                return []
            return [Arg(m.actor, m.linked_by)]
        if depth > 2:
            return []
        if tok.pos_ == "PRON":
            return self.pronoun(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        # apposition: 'the head of the Office ..., Li Zhanshu'
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.mentions:
                return [Arg(self.mentions[child.i].actor, self.mentions[child.i].linked_by)]
        group = self.group_reference(tok)
        if group:
            return group
        if tok.lemma_.lower() in self.onto.nominals:
            # an event noun stands for its possessor: 'condemned Russia's invasion' -> Russia
            owners = [a for c in tok.children if c.dep_ == "poss" for a in self.actors_of(c, depth=depth + 1)]
            if owners:
                return [Arg(a.actor, "event") for a in owners]
        kind, sector = self.onto.proxies.get(tok.lemma_.lower(), ("", ""))
        if kind in ("role", "aspect"):
            # role or aspect noun: 'the Russian government', "Russia's interests", 'integrity of Ukraine'
            owners = self._owners(tok, depth)
            # a role noun of a state names that state's sector: 'Hungarian officials' -> Hungary (government)
            return [Arg(self.onto.sector_actor(a.actor, sector) if sector and a.actor.type == "State" else a.actor,
                        "proxy") for a in owners]
        if kind == "with":
            # relationship noun: 'its partnership with the U.S.' stands for the partner
            return [Arg(a.actor, "proxy") for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                    for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p, depth=depth + 1)]
        return []

    def _owners(self, tok: Token, depth: int) -> list[Arg]:
        """Who a role or aspect noun belongs to: a modifier ('Russian', "Russia's", 'U.S.') or an of-phrase."""
        for child in tok.children:
            if child.dep_ in ("poss", *MODIFIER_DEPS):
                # "Russia's and China's governments": every coordinated owner
                owners = [Arg(self.mentions[t.i].actor, "proxy") for t in (child, *child.conjuncts)
                          if t.i in self.mentions]
                if owners:
                    return owners
                found = self.actors_of(child, depth=depth + 1)
                if found:
                    return found
        for child in tok.children:
            # 'the integrity of Ukraine', 'the ultimatum from Washington'
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                return [a for p in child.children if p.dep_ == "pobj" for a in self.actors_of(p, depth=depth + 1)]
        return []

    def group_reference(self, tok: Token) -> list[Arg]:
        """'the two sides', 'both countries', 'the parties' -> the document's main dyad."""
        if self.dyad is None or tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in self.cue.get("dyad", ()):
            return []
        words = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod", "preconj")}
        if "two" in words or "both" in words or (tok.lemma_.lower() == "party" and "the" in words):
            return [Arg(a, "dyad") for a in self.dyad]
        return []

    def pronoun(self, tok: Token) -> list[Arg]:
        """'it/its' -> the one state or organisation in reach; 'they/their' -> the one coordinated
        group in reach. Reach is the sentence so far, then the previous sentence; when
        candidates are in reach but ambiguous, the pronoun resolves to nothing."""
        word = tok.lower_
        singular = word in self.cue.get("pronoun_singular", ())
        if not singular and word not in self.cue.get("pronoun_plural", ()):
            return []
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return []  # an object 'it'/'them' refers to things far more often than to actors
        sent = tok.sent
        spans = [(sent.start, tok.i)]
        if sent.start > 0:
            prev = tok.doc[sent.start - 1].sent
            spans.append((prev.start, prev.end))
        for lo, hi in spans:
            found = [self.mentions[i] for i in self._starts if lo <= i < hi]
            found = [m for m in found if not m.demonym and m.actor.type in ("State", "Organization", "GovernmentBody")]
            if not found:
                continue
            if singular:
                keys = {m.actor.key for m in found}
                return [Arg(found[0].actor, "pronoun")] if len(keys) == 1 else []
            groups = []
            for m in found:
                head = tok.doc[m.start]
                members = [self.mentions[c.i] for c in head.conjuncts if c.i in self.mentions]
                if head.dep_ != "conj" and members:
                    groups.append([m, *members])
            return [Arg(g.actor, "pronoun") for g in groups[0]] if len(groups) == 1 else []
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
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
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
            return self.subject_tokens(head, hops=hops + 1)[0], True
        if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            # coordinated verbs share the subject: 'China values ... and is seeking'
            return self.subject_tokens(head, hops=hops + 1)[0], True
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # nominal control: "Russia's decision to join", 'his willingness to cooperate'
            for c in head.children:
                if c.dep_ == "poss":
                    if c.pos_ == "PRON" and head.dep_ in ("dobj", "nsubj") and head.head.pos_ in ("VERB", "AUX"):
                        return self.subject_tokens(head.head, hops=hops + 1)[0], True
                    return [c], True
            return [], False
        if v.dep_ in ("advcl", "pcomp") and head.pos_ in ("VERB", "AUX", "ADP"):
            gov = head if head.pos_ != "ADP" else head.head
            if gov.pos_ in ("VERB", "AUX") and not self.is_passive(gov):
                objs = [c for c in gov.children if c.dep_ == "dobj"]
                if head.pos_ == "ADP" and head.lower_ in self.cue.get("object_control", ()) and objs:
                    # object control through a preposition: 'warned Kiev against joining NATO'
                    return objs, True
                # adverbial clause or 'by persuading': the subject of the governing verb
                return self.subject_tokens(gov, hops=hops + 1)[0], True
        return [], False

    @staticmethod
    def chain(v: Token) -> list[Token]:
        """The verb and the verbs it hangs from by xcomp ('tried' for 'divide')."""
        out = [v]
        while out[-1].dep_ == "xcomp" and out[-1].head.pos_ in ("VERB", "AUX"):
            out.append(out[-1].head)
        return out

    def is_negated(self, v: Token) -> bool:
        """'does not support', 'did not want to join', 'never joined', 'refused to join'."""
        words = self.cue.get("negation", frozenset())
        chain = self.chain(v)
        if any(t.lemma_.lower() in self.cue.get("negative_verb", ()) for t in chain[1:]):
            return True  # 'refused to impose sanctions', 'failed to join'
        return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in words) for t in chain for c in t.children)

    def modality(self, v: Token) -> str | None:
        """'could join', 'must learn', 'needs to increase', 'tried to divide' -> the modal word."""
        words = self.cue.get("modality", frozenset())
        for t in self.chain(v):
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in words:
                    return c.lower_
            if t is not v and t.lemma_.lower() in words:
                return t.lemma_.lower()
        return None

    @staticmethod
    def verb_lemma(v: Token) -> str:
        prt = [c.lower_ for c in v.children if c.dep_ == "prt"]
        return " ".join([v.lemma_.lower(), *prt])

    def surface(self, v: Token, *extra: str) -> str:
        # 'tried to divide': the governing verbs of a chain come first
        words = [w for t in reversed(self.chain(v)[1:]) for w in (t.text, "to")]
        prt = [c.text for c in v.children if c.dep_ == "prt"]
        return " ".join([*words, v.text, *prt, *[e for e in extra if e]])

    def object_slots(self, v: Token, passive: bool) -> Iterator[tuple[str, Token, str]]:
        """(preposition, object head, light noun) for every object of ``v``."""
        lemma = self.verb_lemma(v)
        consumed: set[int] = set()
        preps: list[Token] = [c for c in v.children if c.dep_ == "prep"]
        # 'supplies gas to China': the parser's prepositional dative is a preposition
        preps += [c for c in v.children if c.dep_ == "dative" and c.pos_ == "ADP"]
        hung: set[int] = set()
        for c in v.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                continue
            theme = (passive and c.dep_ == "nsubjpass") or (not passive and c.dep_ in ("dobj", "dative"))
            if not theme:
                continue
            if (lemma, c.lemma_.lower()) in self.light_nouns:
                # light verb + event noun: 'impose sanctions on X', 'sanctions were imposed on X'
                for p in (*c.children, *preps):
                    if p.dep_ == "prep":
                        consumed.add(p.i)
                        for pobj in p.children:
                            if pobj.dep_ == "pobj":
                                yield p.lower_, pobj, c.lemma_.lower()
                continue
            yield "", c, ""
            if c.i not in self.mentions:
                # a prepositional phrase the parser hung on a non-actor object may belong to the
                # verb ('provides billions of dollars to X'), but only where the lexicon says the
                # verb takes that preposition: 'support the sanctions against Iran' is no relation
                hung.update(p.i for p in c.children if p.dep_ == "prep" and p.lower_ != "of")
                preps += [p for p in c.children if p.i in hung]
        if passive and v.dep_ in ("acl", "amod"):
            yield "", v.head, ""
        for c in preps:
            if c.i in consumed or (c.i in hung and (lemma, "", c.lower_) not in self.onto.lexicon):
                continue
            # two-word prepositions: 'out of'
            for g in c.children:
                if g.dep_ == "prep":
                    for pobj in g.children:
                        if pobj.dep_ == "pobj":
                            yield f"{c.lower_} {g.lower_}", pobj, ""
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    yield c.lower_, pobj, ""

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
            negated = self.is_negated(v) or (
                # 'warned Kiev against joining NATO': the gerund's event did not happen
                v.dep_ == "pcomp" and v.head.lower_ in self.cue.get("counterfactive", ()))
            modality = self.modality(v)
            rule = "verb_passive" if passive else "verb_active"
            found_object = False
            for prep, obj_tok, noun in self.object_slots(v, passive):
                relation = self.onto.lookup_relation(lemma, noun, prep)
                if relation is None:
                    continue
                key = " ".join(p for p in (lemma, noun, prep) if p)
                text = self.surface(v, noun, prep)
                if obj_tok.lower_ == "other" and any(c.lower_ == "each" for c in obj_tok.children):
                    # reciprocal object: 'Moscow and Beijing support each other'
                    found_object = True
                    yield from self._pairs(subjects, relation, text, key, negated, modality)
                    continue
                objects = self.actors_of(obj_tok)
                if relation == "relatedTo":
                    # an unknown verb over an event's possessor says too little ('spoke on Xi's visit')
                    objects = [o for o in objects if o.how != "event"]
                found_object = found_object or bool(objects)
                for s in subjects:
                    for o in objects:
                        yield Candidate(s, relation, text, key, o, negated, "light_verb" if noun else rule,
                                        inherited, modality)
            if not found_object and len(subjects) > 1:
                # reciprocal subjects: 'Lavrov and Kerry met', 'China and Russia reached an agreement'
                for noun in [*(c.lemma_.lower() for c in v.children if c.dep_ == "dobj"), ""]:
                    relation = self.onto.lexicon.get((lemma, noun, ""))
                    if relation is not None and self.onto.relations[relation].symmetric:
                        key = " ".join(p for p in (lemma, noun) if p)
                        yield from self._pairs(subjects, relation, self.surface(v, noun), key, negated, modality)
                        break

    @staticmethod
    def _pairs(actors: list[Arg], relation: str, text: str, lemma: str, negated: bool,
               modality: str | None) -> Iterator[Candidate]:
        """Every ordered pair of distinct actors: reciprocal relations hold both ways."""
        for s in actors:
            for o in actors:
                if s.actor.key != o.actor.key:
                    yield Candidate(s, relation, text, lemma, o, negated, "reciprocal", modality=modality)

    def nominal_rule(self, sent: Span) -> Iterator[Candidate]:
        """Event nouns: 'the visit of Wang Yi to Russia', "Xi's visit to Russia", 'US sanctions on Iran',
        'the introduction of sanctions against Russia by Western countries',
        'pressure from the United States' felt by China and Russia."""
        light = self.cue.get("light", frozenset())
        experiencer = self.cue.get("experiencer", frozenset())
        for n in sent:
            if n.pos_ != "NOUN" or n.lemma_.lower() not in self.onto.nominals:
                continue
            relation, agent_preps, target_preps = self.onto.nominals[n.lemma_.lower()]
            hosts = [n]
            if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in light:
                # light noun: 'the release of loans ... by China' -- its by-phrase belongs to 'loans'
                hosts.append(n.head.head)
            agents: list[Arg] = []
            targets: list[Arg] = []
            for h in hosts:
                for c in h.children:
                    if c.dep_ == "poss" and "poss" in agent_preps:
                        agents += self.actors_of(c)
                    elif c.dep_ in MODIFIER_DEPS and "mod" in agent_preps and h is n:
                        # actor modifier of the event noun: 'US sanctions', 'Chinese loans'
                        agents += self._modifier_actors(c)
                    elif c.dep_ == "prep":
                        pobjs = [g for g in c.children if g.dep_ == "pobj"]
                        if c.lower_ in agent_preps or c.lower_ == "by":
                            agents += [a for g in pobjs for a in self.actors_of(g)]
                        elif c.lower_ in target_preps:
                            targets += [a for g in pobjs for a in self.actors_of(g)]
            if n.dep_ == "dobj" and n.head.lemma_.lower() in experiencer:
                # experiencer verb: the subject undergoes the event ('China felt pressure from the US')
                targets += [a for t in self.subject_tokens(n.head)[0] for a in self.actors_of(t)]
            # A governing verb negates or hedges the event only when it merely carries it
            # ('did not pay a visit', 'felt no pressure'), not when it is an event of its own
            # ('did not condemn the invasion': the invasion happened).
            governor = n.head if n.head.pos_ == "VERB" else None
            if governor is not None and not ((self.verb_lemma(governor), n.lemma_.lower()) in self.light_nouns
                                             or governor.lemma_.lower() in experiencer):
                governor = None
            negated = governor is not None and self.is_negated(governor)
            modality = self.modality(governor) if governor is not None else None
            for s in agents:
                for o in targets:
                    yield Candidate(s, relation, n.text, n.lemma_.lower(), o, negated, "nominal_event",
                                    modality=modality)

    def reciprocal_noun_rule(self, sent: Span) -> Iterator[Candidate]:
        """'cooperation between Russia and the United States': each pair, both ways."""
        between = self.cue.get("reciprocal", frozenset())
        for p in sent:
            if p.dep_ != "prep" or p.lower_ not in between:
                continue
            n = p.head
            entry = self.onto.nominals.get(n.lemma_.lower())
            if entry is None or not self.onto.relations[entry[0]].symmetric:
                continue
            actors = [a for g in p.children if g.dep_ == "pobj" for a in self.actors_of(g)]
            yield from self._pairs(actors, entry[0], f"{n.text} {p.text}", n.lemma_.lower(), False, None)

    def _modifier_actors(self, tok: Token) -> list[Arg]:
        """Actors named by a modifier, demonyms included ('Sino', 'Russian', 'US'), with its conjuncts."""
        out = []
        for t in (tok, *tok.conjuncts):
            m = self.mentions.get(t.i)
            if m is not None and m.actor.type != "Person":
                out.append(Arg(m.actor, m.linked_by))
        return out

    def reciprocal_modifier_rule(self, sent: Span) -> Iterator[Candidate]:
        """'Sino-Russian cooperation', 'the Sino-Japanese dispute', 'China-U.S. dialogue':
        a symmetric event noun modified by two or more actors relates them both ways."""
        for n in sent:
            entry = self.onto.nominals.get(n.lemma_.lower()) if n.pos_ == "NOUN" else None
            if entry is None or not self.onto.relations[entry[0]].symmetric:
                continue
            actors: dict[str, Arg] = {}
            stack = [c for c in n.children if c.dep_ in MODIFIER_DEPS]
            while stack:  # walk the modifier chain: 'Sino' <- 'Russian' <- 'strategic cooperation'
                c = stack.pop()
                for a in self._modifier_actors(c):
                    actors.setdefault(a.actor.key, a)
                stack += [g for g in c.children if g.dep_ in (*MODIFIER_DEPS, "conj")]
            if len(actors) < 2:
                continue
            governor = n.head if n.head.pos_ == "VERB" else None
            negated = governor is not None and self.is_negated(governor)
            yield from self._pairs(list(actors.values()), entry[0], n.text, n.lemma_.lower(), negated, None)


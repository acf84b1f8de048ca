"""The rules that combine predicates and arguments into candidate statements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from graphbuild.actors import Mention
from graphbuild.extract.arguments import Arguments
from graphbuild.extract.predicates import Predicates
from graphbuild.extract.records import Arg, Candidate, two_states
from graphbuild.extract.nouns import ENVOY_ACTS, EXPULSION, Nouns
from graphbuild.extract.references import References
from graphbuild.extract.reports import Reports
from graphbuild.ontology import Ontology
from graphbuild.types import Actor

# The rules walk a sentence's tree many times over; the longest sentence of our news sets has
# 142 tokens, and past a few hundred the "sentence" is a table or a list the parser ran together,
# on which the walks grow faster than linearly (220,000 characters without a full stop took 3.7 s).
MAX_SENTENCE_TOKENS = 300


class Rules(Nouns, Reports, Arguments, References, Predicates):
    """The rules for one document: they share its mention index and its main dyad."""

    def __init__(self, onto: Ontology, light_nouns: set[tuple[str, str]], mentions: dict[int, Mention],
                 dyad: tuple[Actor, Actor] | None) -> None:
        self.onto = onto
        self.light_nouns = light_nouns
        self.cue = onto.cues
        # words whose complement is an intended act: 'vowed to', 'offered to', 'is ready to'
        self.intent_words = self.cue.get("irrealis", frozenset()) | self.cue.get("readiness", frozenset())
        self.mentions = mentions
        self.dyad = dyad
        self._starts = sorted({m.start for m in mentions.values()})  # for pronoun look-back
        self._actor_cache: dict[tuple[int, int], list[Arg]] = {}  # see Arguments.actors_of
        self._kids: dict[int, tuple[Token, ...]] = {}
        self._answers: dict[tuple[str, int], object] = {}  # see Predicates._memo
        # nouns of acts on envoys, by word class (see envoy_noun_rule)
        self._envoy_acts = {w: kind for kind in ENVOY_ACTS for w in self.cue.get(kind, ())}
        self._owned_roles: frozenset[str] | None = None  # role nouns an actor owns in the document
        # the prepositions of what an act is aimed at: a target's, and 'at' ('fired missiles at X')
        self.aim_preps = self.cue.get("target_prep", frozenset()) | {"at"}
        self._pronouns = frozenset().union(*(self.cue.get(kind, ()) for kind in (
            "pronoun_singular", "pronoun_plural", "pronoun_person", "pronoun_speaker")))

    def kids(self, tok: Token) -> tuple[Token, ...]:
        """A token's children, made once per document: spaCy builds new Token objects on every
        walk of ``Token.children``, and the rules walk the same heads again and again."""
        found = self._kids.get(tok.i)
        if found is None:
            found = self._kids[tok.i] = tuple(tok.children)
        return found

    def could_relate(self, sent: list[Token]) -> bool:
        """Whether the sentence names two actors at least (counting group references, pronouns
        and definite role nouns that may stand for one): most sentences do not, and the rules skip them."""
        starts = {self.mentions[t.i].start for t in sent if t.i in self.mentions}
        if len(starts) >= 2:
            return True
        if self.dyad is not None and any(t.lemma_.lower() in self.cue.get("dyad", ()) for t in sent):
            return True  # 'the two sides' may stand for both actors
        # a pronoun, or a definite role noun an actor owned before ('the spokesperson'), may stand for one more
        if self._owned_roles is None:
            roles = self.onto.role_nouns
            doc = sent[0].doc
            self._owned_roles = frozenset(h.lemma_.lower() for h in (doc[i].head for i in self.mentions)
                                          if h.lemma_.lower() in roles)
        owned = self._owned_roles
        return len(starts) + sum(1 for t in sent if t.lower_ in self._pronouns or (
            owned and t.lower_ == "the" and t.head.lemma_.lower() in owned and t.head.i not in self.mentions)) >= 2

    def sentence_candidates(self, sent: Span) -> Iterator[Candidate]:
        """Every candidate the rules find in one sentence (self-relations dropped)."""
        if len(sent) > MAX_SENTENCE_TOKENS:
            return  # a table, a list or a run-on without full stops: no parse of it is a sentence's
        tokens = list(sent)  # one Token object per word for all rules (spaCy makes a new one per access)
        if not self.could_relate(tokens):
            return
        children: dict[int, list[Token]] = {t.i: [] for t in tokens}
        for t in tokens:  # every token's children in one pass, in order (see kids)
            head = t.head
            if head.i != t.i and head.i in children:
                children[head.i].append(t)
        for i, found in children.items():
            self._kids.setdefault(i, tuple(found))
        found: set[tuple[str, str, bool, bool]] = set()
        between_states = False  # whether a statement relates two states' actors
        for rule in (self.verb_rule, self.speech_rule, self.condition_rule, self.nominal_rule, self.reciprocal_noun_rule,
                     self.reciprocal_modifier_rule, self.envoy_noun_rule, self.requested_rule, self.unwelcome_rule,
                     self.argument_rule, self.clause_rule):
            if rule == self.clause_rule and between_states:
                # the last back-off only speaks for a sentence no other rule could read between two
                # states ('Tarumi told Sun ... and urged China to change course': Sun has no state)
                break
            for cand in rule(tokens):
                cand = self.accession(self.diplomatic_protest(cand))
                pair = (cand.subject.actor.key, cand.object.actor.key, cand.hypothetical, cand.negated)
                if pair[0] == pair[1] or (cand.rule == "argument" and pair in found):
                    continue  # the back-off rule only adds what no specific rule found
                found.add(pair)
                between_states = between_states or bool(cand.subject.actor.country and cand.object.actor.country)
                yield cand

    def diplomatic_protest(self, cand: Candidate) -> Candidate:
        """A state's protest is a diplomatic protest (CAMEO 11, DISAPPROVE), not a demonstration
        (CAMEO 14, PLOVER PROTEST, which is civilians'): 'Australia protested over the tariffs',
        'the Foreign Ministry protested against the visit'."""
        actor = cand.subject.actor
        if not (actor.type in ("State", "GovernmentBody") or (actor.type == "Person" and actor.role)):
            return cand
        if self.onto.plover_type(cand.relation, cand.cameo) != "PROTEST":
            return cand
        return replace(cand, relation="criticizes", cameo=None)

    def accession(self, cand: Candidate) -> Candidate:
        """One enters an organisation, an alliance, a treaty, not a state: 'Chinese ships entered
        Japanese waters' is no accession. (Joining a state is acting with it, cooperation: 'Australia
        joins Japan ... working alongside the people of Tonga'.)"""
        if cand.relation == "joins" and cand.lemma in self.cue.get("entering", ()) and \
                cand.object.actor.type in ("State", "GovernmentBody"):
            return replace(cand, relation="relatedTo", cameo=None)
        return cand

    # ------------------------------------------------------------ rules
    def verb_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """Verbs with direct, prepositional or light-noun objects, active or passive."""
        for v in sent:
            if v.pos_ != "VERB":
                continue
            passive = self.is_passive(v)
            subj_toks, inherited = self.subject_tokens(v)
            subjects = [a for t in subj_toks for a in self.actors_of(t)]
            if not subjects and passive:
                subjects = self.expelling_host(v)
            if not subjects:
                continue
            slots = list(self.object_slots(v, passive))
            if not slots and len(subjects) < 2:
                continue  # nothing to relate: no object, no pair of subjects
            lemma = self.verb_lemma(v)
            negated = self.is_negated(v)
            modality = self.modality(v)
            rule = "verb_passive" if passive else "verb_active"
            found_object = False
            hypothetical = self.is_hypothetical(v)
            location = self.location(v)
            label = self.label_event(v)
            for prep, obj_tok, noun in slots:
                if self.request_phrase(prep, obj_tok):
                    continue  # 'at the request of X': the asker, no target (see requested_rule)
                event = label or self.restored(lemma, noun) or self.onto.lookup_event(lemma, noun, prep)
                if not noun and not prep and self.imported(obj_tok):
                    # goods from a state stand for its exports: 'banned all wine coming from
                    # Moldova' is the dictionary's 'ban imports' (163), not a ban on a person
                    event = self.onto.lookup_event(lemma, "import", "", generic=False) or event
                if not prep and self.expels(v, lemma, obj_tok):
                    # 'ordered the French ambassador to leave the country', 'gave the ambassador 72
                    # hours to leave' expel the envoy (CAMEO 16)
                    event = self.onto.lookup_event(*EXPULSION, "", generic=False) or event
                if not noun and not prep and (event is None or event[0] == "relatedTo") and self.tells_to(v):
                    # a verb of saying with an object and a to-clause gives an order: 'told Iran to
                    # stop', as 'asked Iran to stop' (the saying alone is no event)
                    event = self.onto.lookup_event("ask", "", "", generic=False) or event
                if event is not None and self.onto.plover_type(*event) == "COOPERATE":
                    # goods whose giving is aid make a delivery aid: 'delivered relief supplies to Sri
                    # Lanka', 'provided Taiwan with vaccines' (weapons, gas and sales stay supplies)
                    code = self.aid_goods(v)
                    event = (self.onto.relation_of_code(code), code) if code else event
                    if any(c.dep_ == "dobj" and c.lemma_.lower() in self.cue.get("document", ())
                           for c in self.kids(v)):
                        event = ("relatedTo", None)  # 'delivered a letter to the Chinese' is a message, no goods
                if event is None:
                    continue
                relation, cameo = event
                where = location
                threat = self.threatened(v, relation, hypothetical)
                if not noun and lemma in self.cue.get("departure", ()) and subjects and \
                        all(a.actor.sector == "MIL" for a in subjects):
                    # troops leaving a country withdraw from it (CAMEO 0874), not end a visit
                    relation, cameo = "retreatsFrom", None
                if location is not None and obj_tok.i in self.mentions and \
                        self.mentions[obj_tok.i].actor.key == location.actor.key:
                    if not self.onto.takes_prep(lemma, prep, noun):
                        continue  # the place of the event, not a participant
                    # the pattern's own phrase names a participant: 'arrived in Moscow' is a visit,
                    # 'launched missiles at Israel' an attack on Israel, not in it
                    where = None
                key = " ".join(p for p in (lemma, noun, prep) if p)
                text = self.surface(v, noun, prep)
                if self.reciprocal_object(obj_tok):
                    # reciprocal object: 'Moscow and Beijing support each other', 'both sides
                    # accused the other', 'one another'
                    found_object = True
                    yield from self._pairs(subjects, relation, text, key, negated, modality)
                    continue
                objects = self.actors_of(obj_tok)
                if not objects and prep in self.cue.get("grievance_prep", ()) and \
                        self.onto.relations[relation].quad == "VerbalConflict":
                    # a protest over an act is aimed at whoever did it: 'protested over India's firing',
                    # 'lodged a protest over the firing by Indian troops'
                    objects = self.agents_of(obj_tok)
                if not objects and (not prep or prep in self.aim_preps) and where is not None:
                    # an attack on things in another state attacks that state: 'Iran struck targets
                    # in Pakistan', 'shelled villages inside Syria', 'fired missiles at facilities in
                    # Ukraine' (a place stays a place otherwise)
                    objects = self.attacked_state(subjects, where, relation, cameo)
                if relation == "relatedTo":
                    # an unknown verb over an event's possessor says too little ('spoke on Xi's visit')
                    objects = [o for o in objects if o.how != "event"]
                objects = _not_co_subjects(subjects, objects)
                if not noun and not prep and lemma in self.cue.get("guest", ()) and objects and \
                        all(o.how in ("modifier", "event") for o in objects):
                    # one hosts a guest, not a thing: "welcomed Reagan's statement" is the
                    # dictionary's endorsement (051), not our lexicon's hosting
                    relation, cameo = self.onto.dictionary_event((lemma, "", "")) or (relation, cameo)
                found_object = found_object or any(o.actor.key not in {s.actor.key for s in subjects}
                                                   for o in objects)
                protest = self.protest_of(v, relation, cameo) if not negated and not hypothetical else None
                # aid that 'will' be given has not been yet: a pledge of aid (CAMEO 033, AGREE)
                pledged = not hypothetical and self.promised(v, relation, cameo)
                for s in subjects:
                    for o in objects:
                        act = Candidate(s, relation, text, key, o, negated, "light_verb" if noun else rule,
                                        inherited, modality, cameo, hypothetical or threat or pledged, where)
                        yield from self._and_intent(v, act)
                        if protest is not None:  # an act done 'in protest' is also a protest (CAMEO 11)
                            yield self.protest(replace(act, rule=rule), v, protest)
            if not found_object and len(subjects) > 1:
                # reciprocal subjects: 'Lavrov and Kerry met', 'China and Russia reached an agreement',
                # 'Czechia and Albania upgraded their diplomatic ties' (a symmetric relationship noun)
                bond = self.cue.get("bond", frozenset())
                for obj in [*(c for c in self.kids(v) if c.dep_ == "dobj"), None]:
                    noun = obj.lemma_.lower() if obj is not None else ""
                    restored = self.restored(lemma, noun)
                    relation = restored[0] if restored else self.onto.lexicon.get((lemma, noun, ""))
                    if relation is None and noun in self.onto.nominals:
                        relation = self.onto.nominals[noun][0]
                    mutual, code = False, None
                    if relation is None and obj is None:
                        # a verb that takes its partner with 'with' in a joint act (meeting, talks,
                        # agreement) relates co-subjects whatever its object: 'Russia and Turkey
                        # discussed grain exports' as 'Russia discussed grain exports with Turkey'
                        relation = self.joint_relation(lemma)
                    if relation is None and noun in bond:
                        # the tie between the subjects: 'Czechia and Albania upgraded their diplomatic
                        # ties', 'X and Y cut ties' (with the dictionary's pattern for the verb)
                        words = self.pattern_noun(lemma, obj)
                        event = self.restored(lemma, words) or self.onto.lookup_event(lemma, words, "", generic=False)
                        relation, code = event if event is not None else (None, None)
                        mutual = event is not None
                    if (relation is None or noun in self.onto.nominals) and noun and \
                            v.lemma_.lower() in self.cue.get("reciprocal_verb", ()):
                        # 'Pakistani and Afghan forces exchanged fire', 'traded accusations'
                        relation = (self.onto.lookup_relation(lemma, self.pattern_noun(lemma, obj), "")
                                    or self.onto.lookup_relation(noun, "", "") or relation or "relatedTo")
                        yield from self._pairs(subjects, relation, self.surface(v, noun), f"{lemma} {noun}",
                                               negated, modality)
                        break
                    if relation is not None and (mutual or self.onto.relations[relation].symmetric):
                        key = " ".join(p for p in (lemma, noun) if p)
                        if self.is_hypothetical(v):
                            # 'agreed to continue close cooperation': the intent is the event (CAMEO 03)
                            relation, code = self.onto.intent(relation, code) or (relation, code)
                        yield from self._pairs(subjects, relation, self.surface(v, noun), key, negated, modality,
                                               location, code or None)
                        break

    def imported(self, tok: Token) -> bool:
        """Whether a noun names goods by where they come from: 'wine coming from Moldova', 'meat
        from Ukraine', 'steel made in China' (not an agent noun: 'diplomats from Russia')."""
        if tok.lemma_.lower() in self.onto.agents or tok.i in self.mentions:
            return False
        for c in self.kids(tok):
            prep = c if c.dep_ == "prep" and c.lower_ == "from" else None
            if c.dep_ == "acl" and c.lemma_.lower() in self.cue.get("origin", ()):
                prep = next((p for p in self.kids(c) if p.dep_ == "prep" and p.lower_ in ("from", "in")), None)
            if prep is not None and any(g.i in self.mentions and self.mentions[g.i].actor.type == "State"
                                        for g in self.kids(prep) if g.dep_ == "pobj"):
                return True
        return False

    def aid_goods(self, v: Token) -> str | None:
        """The CAMEO aid code of what a verb of delivery gives (its object, or its with-phrase:
        'provided Taiwan with vaccines'), named by its head or its modifiers ('relief supplies'),
        when those are goods whose giving is aid (``Ontology.aid_goods``); None otherwise."""
        if v.lemma_.lower() in self.cue.get("sale", ()):
            return None  # 'sold food to Iraq' is trade
        goods = [c for c in self.kids(v) if c.dep_ == "dobj"]
        goods += [g for p in self.kids(v) if p.dep_ == "prep" and p.lower_ == "with"
                  for g in self.kids(p) if g.dep_ == "pobj"]
        aid = self.onto.aid_goods
        for g in goods:
            if g.i in self.mentions:
                continue  # an actor, not goods
            mods = [m.lemma_.lower() for m in self.kids(g) if m.dep_ in ("amod", "compound") and m.i < g.i]
            head = g.lemma_.lower()
            for phrase in (*(f"{m} {head}" for m in mods), head, *mods):
                if phrase in aid:
                    return aid[phrase]
        return None

    def future(self, v: Token) -> Token | None:
        """The auxiliary of a future act: 'will provide', 'shall send'."""
        return next((c for c in self.kids(v) if c.dep_ == "aux" and c.lower_ in self.cue.get("future", ())), None)

    def promised(self, v: Token, relation: str, cameo: str | None) -> bool:
        """Whether ``v`` gives aid in the future ('Japan will provide Vietnam with a loan'): the
        giving is still to come, the pledge is made (annotators and CAMEO's 033 agree)."""
        return self.future(v) is not None and \
            self.onto.plover_type(relation, cameo) == "AID"

    def attacked_state(self, subjects: list[Arg], where: Arg, relation: str, cameo: str | None) -> list[Arg]:
        """The state an attack on things in it attacks: the state of the attack's place, when the
        attack is one (PLOVER ASSAULT) and the place is in another state than its doers'."""
        country = where.actor.country
        if not country or country not in self.onto.actors or any(s.actor.country == country for s in subjects):
            return []
        if self.onto.plover_type(relation, cameo) != "ASSAULT":
            return []
        return [Arg(self.onto.actors[country], "place")]

    def restored(self, lemma: str, noun: str) -> tuple[str, str | None] | None:
        """Restoring, establishing or normalising relations agrees on them ('restored diplomatic
        relations with Kenya', 'had established normal diplomatic relations'), as every dev
        annotation codes it (AGREE); the dictionary's codes for these verbs differ (050, 060)."""
        if lemma in self.cue.get("restorative", ()) and noun and noun.split()[-1] in self.cue.get("bond", ()):
            return "agreesWith", None
        return None

    def tells_to(self, v: Token) -> bool:
        """Whether a verb of saying gives an order: 'told Iran to stop', 'told the envoy to leave'."""
        return v.lemma_.lower() in self.cue.get("speech", ()) and any(
            c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in self.kids(c))
            for c in self.kids(v))

    def expels(self, v: Token, lemma: str, obj: Token) -> bool:
        """Whether ``v`` orders an envoy out: an order or a deadline to an envoy to leave ('gave
        the ambassador 48 hours to leave'), or an order out of the country ('ordered two British
        diplomats out of the country')."""
        if not self.is_envoy(obj):
            return False
        departure = self.cue.get("departure", frozenset())
        base = v.lemma_.lower()  # 'ordered out' is the phrasal 'order out'
        if not (self.tells_to(v) or base in self.cue.get("directive", ()) or base in self.cue.get("deadline", ())):
            return False
        for c in self.kids(v):
            if (c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in departure) or \
                    (c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "out"):
                return True
            if c.dep_ in ("dobj", "npadvmod") and any(g.dep_ in ("relcl", "acl") and g.lemma_.lower() in departure
                                                     for g in self.kids(c)):
                return True  # the deadline's own clause: '48 hours to leave the country'
        return False

    def expelling_host(self, v: Token) -> list[Arg]:
        """Who expels or summons an envoy a passive names without an agent: the state of the
        envoy's post ('the Rwandan ambassador to Congo was given 48 hours to leave', 'the Russian
        ambassador in Warsaw was declared persona non grata'), else the state the envoy is expelled
        from ('two Russian diplomats were expelled from Poland'). No one else can. (Asked by the
        verb, the argument and the unwelcome rules alike: answered once per verb.)"""
        return self._memo("expelling_host", v, self._expelling_host)

    def _expelling_host(self, v: Token) -> list[Arg]:
        lemma = self.verb_lemma(v)
        envoys = [c for c in self.kids(v) if c.dep_ == "nsubjpass" and self.is_envoy(c)]
        if not envoys:
            return []
        acts = (EXPULSION[0], ENVOY_ACTS["envoy_summons"][0])
        if lemma not in acts and not self.expels(v, lemma, envoys[0]) and not self.declares_unwelcome(v):
            return []
        posts = [a for e in envoys for a in self.prep_actors(e, ("to", "in", "at"))] or self.prep_actors(v, ("from",))
        return [a for a in posts if a.actor.type == "State"]

    def declares_unwelcome(self, v: Token) -> bool:
        """Whether a labelling verb declares someone unwelcome ('declared ... persona non grata')."""
        return v.lemma_.lower() in self.cue.get("labelling", ()) and \
            any(t.lower_ in self.cue.get("unwelcome", ()) for t in v.subtree)

    def threatened(self, v: Token, relation: str, hypothetical: bool) -> bool:
        """Whether a hostile act is only held out: 'Russia said it may expel Polish diplomats',
        'Japan could cut aid to Myanmar'. A possible act of force, sanction or coercion is a
        threat (CAMEO 13), not yet the act; see ``_and_intent``."""
        return not hypothetical and self.conditional(v) is not None and \
            self.onto.relations[relation].quad == "MaterialConflict"

    def reciprocal_object(self, tok: Token) -> bool:
        """'each other', 'one another', and 'the other' after a pair ('both sides accused the other')."""
        words = {c.lower_ for c in self.kids(tok)}
        return (tok.lower_ == "other" and bool(words & {"each", "the"})) or \
            (tok.lower_ == "another" and "one" in words) or (tok.lower_ == "one" and "another" in words)

    def in_protest(self, v: Token) -> Token | None:
        """The protest noun of 'recalled its ambassador in protest', 'walked out in protest at ...'."""
        for p in self.kids(v):
            if p.dep_ == "prep" and p.lower_ == "in":
                for g in self.kids(p):
                    if g.dep_ == "pobj" and g.lemma_.lower() in self.cue.get("protest_noun", ()):
                        return g
        return None

    def protest_of(self, v: Token, relation: str, cameo: str | None) -> Token | None:
        """The word that makes an act a protest to its target too (CAMEO 11): the noun of 'recalled
        the ambassador in protest', or for a sanction the grievance it gives ('recalled its
        ambassador over the strikes', 'banned wine, claiming inferior quality', 'froze loans to
        protest the tests'), which the target is blamed for."""
        if relation == "relatedTo":
            return None
        noun = self.in_protest(v)
        if noun is not None:
            return noun
        if self.onto.plover_type(relation, cameo) in ("SANCTION", "COERCE"):
            return self.grievance(v)
        return None

    def grievance(self, v: Token) -> Token | None:
        """The word that gives an act's grievance: the preposition of 'recalled its ambassador over
        the strikes', the verb of 'citing its support for', 'claiming inferior quality', 'to protest
        the nuclear tests'."""
        for c in self.kids(v):
            if c.dep_ == "prep" and c.lower_ in self.cue.get("grievance_prep", ()) and \
                    any(g.dep_ == "pobj" for g in self.kids(c)):
                return c
            if c.dep_ == "prep" and c.lower_ == "in":
                # 'pulled their ambassadors in response to the incident', 'expelled the envoy in retaliation'
                answer = next((g for g in self.kids(c) if g.dep_ == "pobj"
                               and g.lemma_.lower() in self.cue.get("response_noun", ())), None)
                if answer is not None:
                    return answer
            if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and \
                    c.lemma_.lower() in self.cue.get("grievance_verb", ()) and c.tag_ in ("VBG", "VB"):
                return c
        return None

    @staticmethod
    def protest(act: Candidate, v: Token, protest: Token) -> Candidate:
        """The protest an act also is (CAMEO 11), from its doer to its target, in the act's words:
        'recalled in protest', 'recalled over', 'banned claiming'."""
        text = f"{v.text} in {protest.text}" if protest.pos_ == "NOUN" else f"{v.text} {protest.text}"
        return Candidate(act.subject, "criticizes", text, protest.lemma_.lower(), act.object, False, act.rule,
                         act.inherited, None, None, False, act.location)

    def _and_intent(self, v: Token, cand: Candidate) -> Iterator[Candidate]:
        """The candidate, and when it is an intended act ('vowed to retaliate against Iran', 'is
        ready to send troops to Liberia') the intent itself, which did happen: CAMEO's 'express
        intent to cooperate' (PLOVER AGREE) or 'threaten' (THREATEN), typed by what is intended."""
        yield cand
        if not cand.hypothetical:
            return
        word = self.intent_of(v) or self.conditional(v) or self.future(v)
        intent = self.onto.intent(cand.relation, cand.cameo) if word is not None else None
        if intent is None:
            return
        relation, code = intent
        text = f"{word.text} {v.text}" if word.dep_ == "aux" else f"{word.text} to {v.text}"  # 'would impose'
        yield Candidate(cand.subject, relation, text,
                        word.lemma_.lower(), cand.object, self.is_negated(word), "intent", cand.inherited,
                        None, code, self.is_hypothetical(word), cand.location)

    @staticmethod
    def _pairs(actors: list[Arg], relation: str, text: str, lemma: str, negated: bool,
               modality: str | None, location: Arg | None = None, cameo: str | None = None,
               hypothetical: bool = False) -> Iterator[Candidate]:
        """Every ordered pair of distinct actors: reciprocal relations hold both ways."""
        for s in actors:
            for o in actors:
                if s.actor.key != o.actor.key:
                    yield Candidate(s, relation, text, lemma, o, negated, "reciprocal", modality=modality,
                                    location=location, cameo=cameo, hypothetical=hypothetical)

    def unwelcome_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """An envoy declared unwelcome is expelled (CAMEO 16): 'Ecuador declared U.S. ambassador
        Heather Hodges persona non grata', 'American diplomats have been declared persona non
        grata by Belarus'. The small model parses the label as an object, a predicate or a
        clause of its own, so the envoy is whichever noun the verb or that clause governs."""
        marks = self.cue.get("unwelcome", frozenset())
        for v in sent:
            if v.pos_ != "VERB" or not self.declares_unwelcome(v):
                continue
            subj_toks, inherited = self.subject_tokens(v)
            subjects = [a for t in subj_toks for a in self.actors_of(t)] or self.expelling_host(v)
            heads = [c for c in self.kids(v) if c.dep_ in ("dobj", "nsubjpass", "ccomp", "oprd")]
            heads += [g for c in heads if c.dep_ in ("ccomp", "oprd") for g in self.kids(c) if g.dep_ == "nsubj"]
            envoys = [a for h in heads if h.dep_ != "ccomp" and h.lower_ not in marks for a in self.actors_of(h)]
            event = self.onto.lookup_event(*EXPULSION, "", generic=False)
            if event is None:
                continue
            for s in subjects:
                for o in envoys:
                    if o.actor.country != s.actor.country:
                        yield Candidate(s, event[0], self.surface(v), v.lemma_.lower(), o, self.is_negated(v),
                                        "verb_active", inherited, self.modality(v), event[1], self.is_hypothetical(v))

    def cue_relation(self, kind: str) -> str | None:
        """The relation a cue class stands for: the lexicon's for its first word ('discuss with')."""
        for word in sorted(self.cue.get(kind, ())):
            found = self.onto.lexicon.get((word, "", "")) or self.onto.lexicon.get((word, "", "with"))
            if found is not None:
                return found
        return None

    def argument_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """Back-off for any verb: its subject-side actors -> every actor on its object side.

        The object side is what the verb governs (objects, prepositional phrases, the
        complements of control verbs, the nouns those hold), so 'threatened further action
        against Russia' and 'offered its troops to Lebanon's new president' relate their
        actors although no lexicon row names the construction. The relation comes from the
        lexicon, else the CAMEO dictionary, else the generic relation keeping the lemma.
        """
        experiencer = self.cue.get("experiencer", frozenset())
        generic_stop = self.cue.get("generic_stop", frozenset())
        for v in sent:
            pred = self.predicate_of(v)
            if pred is None or pred.lemma_.lower() in experiencer or pred.lemma_.lower() in generic_stop:
                # 'China felt pressure from the US' is the nominal rule's, the other way round;
                # 'have', 'make', 'be' say too little to relate what they govern
                continue
            passive = self.is_passive(v)
            subj_toks, inherited = self.subject_tokens(v)
            stative = False
            if passive and not subj_toks and self.expelling_host(v):
                continue  # the verb rule's: the host expels the envoy, not the envoy its host
            if passive and not subj_toks and not any(c.dep_ == "agent" for c in self.kids(v)):
                # a stative passive is an adjective: 'Israel is opposed to French mediation'
                subj_toks = [c for c in self.kids(v) if c.dep_ == "nsubjpass"]
                stative = bool(subj_toks)
                passive = not stative
            subjects = [a for t in subj_toks for a in self.actors_of(t)]
            if not subjects:
                continue
            lemma = self.verb_lemma(pred)
            negated = self.is_negated(v)
            hypothetical = self.is_hypothetical(v)
            modality = self.modality(v)
            location = self.location(v)
            taken = {s.actor.key for s in subjects} | ({location.actor.key} if location else set())
            # an intent's or a refusal's target is whoever the intended or refused act targets,
            # however deep: 'threatened further action against Russia', 'threatened to impose
            # restrictions against German goods', 'refused to lift the curfew on Palestinians'
            intent = pred.lemma_.lower() in self.intent_words | self.cue.get("refusal", frozenset())
            for prep, tok, direct in self.object_side(v, passive):
                direct = direct or intent
                objects = _not_co_subjects(subjects, [o for o in self.actors_of(tok)
                                                      if o.actor.key not in taken and o.how != "event"])
                if not objects:
                    continue
                if stative:  # the verb's own sense: 'is opposed to X' opposes X
                    event = self.onto.lookup_event(lemma, "", "", generic=False) if direct else None
                else:
                    event = (self.onto.lookup_event(lemma, "", prep, generic=False)
                             or self.onto.lookup_event(lemma, "", "", generic=False) if direct else None)
                relation, cameo = self.label_event(v) or (event if event is not None else ("relatedTo", None))
                threat = self.threatened(v, relation, hypothetical)
                key = " ".join(p for p in (lemma, prep) if p)
                text = self.surface(v, prep)
                for s in subjects:
                    for o in objects:
                        if relation == "relatedTo" and not two_states(s, o):
                            continue  # an untyped back-off is only worth its noise between two states
                        yield from self._and_intent(v, Candidate(
                            s, relation, text, key, o, negated, "argument", inherited, modality,
                            cameo, hypothetical or threat, location))

def _not_co_subjects(subjects: list[Arg], objects: list[Arg]) -> list[Arg]:
    """Objects without the co-subjects of the same verb, or what they own: 'Canada and Australia
    withdrew their ambassadors' are their own governments' envoys, no act of one on the other."""
    if len(subjects) < 2:
        return objects
    own = {s.actor.key for s in subjects} | {s.actor.country for s in subjects if s.actor.country}
    return [o for o in objects if o.actor.key not in own and o.actor.country not in own]

"""Rules over event nouns: 'Xi's visit to Russia', 'US sanctions on Iran', 'the recall of its
ambassador', 'cooperation between Russia and China', 'Sino-Russian cooperation'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.records import MODIFIER_DEPS, Arg, Candidate

DASHES = frozenset({"-", "–", "—"})
# The CAMEO dictionary's pattern that an order to an envoy to leave amounts to (161, reduce relations)
EXPULSION = ("expel", "diplomat")
# The dictionary's patterns that a noun of an act on an envoy stands for, by word class
ENVOY_ACTS = {"envoy_recall": ("recall", "ambassador"), "envoy_expulsion": EXPULSION,
              "envoy_summons": ("summon", "ambassador")}


class Nouns:
    """Event-noun rules; a mixin of ``rules.Rules``, whose argument, predicate and reference
    methods these rules use."""

    def nominal_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """Event nouns: 'the visit of Wang Yi to Russia', "Xi's visit to Russia", 'US sanctions on Iran',
        'the introduction of sanctions against Russia by Western countries',
        'pressure from the United States' felt by China and Russia."""
        light = self.cue.get("light", frozenset())
        experiencer = self.cue.get("experiencer", frozenset())
        for n in sent:
            if n.pos_ != "NOUN":
                continue
            lemma = n.lemma_.lower()
            ender = self.ender(n)
            restorer = self.restorer(n) if ender is None else None
            if ender is not None and ender.pos_ == "VERB":
                continue  # 'suspended aid to X', 'ended its agreement with X': the verb rule's cut tie
            cut = self.onto.reduction() if ender is not None else None
            entry = self.onto.nominals.get(lemma)
            if cut is not None:
                # the end of a tie is a reduction of relations (CAMEO 160): 'the suspension of
                # military aid to Egypt', 'the termination of its agreement with Ukraine',
                # 'announced the severing of ties with Qatar'
                agent_preps, target_preps = (entry[1], entry[2]) if entry is not None else ({"poss"}, set())
                entry = (cut[0], agent_preps, target_preps | {"with"})
            elif restorer is not None:
                # restoring or establishing relations agrees on them (every dev annotation so):
                # 'announced the restoration of diplomatic relations with Kenya'
                entry, ender = ("agreesWith", frozenset({"poss"}), frozenset({"with", "between"})), restorer
            if entry is None:
                continue
            relation, agent_preps, target_preps = entry
            cameo = cut[1] if cut is not None else None
            hosts = [n]
            if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in light:
                # light noun: 'the release of loans ... by China' -- its by-phrase belongs to 'loans'
                hosts.append(n.head.head)
            carried = n
            if ender is not None:
                # the ending noun's own agent is the tie's: "Washington's suspension of aid to Egypt"
                hosts.append(ender)
                carried = ender
            agents: list[Arg] = []
            targets: list[Arg] = []
            for h in hosts:
                for c in self.kids(h):
                    if c.dep_ == "poss" and "poss" in agent_preps:
                        agents += self.actors_of(c)
                    elif c.dep_ in MODIFIER_DEPS and ("mod" in agent_preps or h is ender) and h in (n, ender):
                        # actor modifier of the event noun: 'US sanctions', 'Chinese loans'
                        agents += self._modifier_actors(c)
                    elif c.dep_ == "acl" and c.lemma_.lower() in self.cue.get("aiming", ()) and h is n:
                        # 'drone attacks targeting the Kherson region', 'sanctions aimed at Iran'
                        targets += [a for g in self.kids(c) if g.dep_ == "dobj" for a in self.actors_of(g)]
                        targets += self.prep_actors(c, target_preps | {"at"})
                    elif c.dep_ == "prep":
                        pobjs = [g for g in self.kids(c) if g.dep_ == "pobj"]
                        if c.lower_ in agent_preps or c.lower_ == "by":
                            agents += [a for g in pobjs for a in self.actors_of(g)]
                            # 'the withdrawal of troops from Panama': the parse hangs the target on the
                            # of-phrase's noun rather than on the event noun
                            targets += [a for g in pobjs for p in self.kids(g) if p.dep_ == "prep"
                                        and p.lower_ in target_preps and p.lower_ != c.lower_
                                        for x in self.kids(p) if x.dep_ == "pobj" for a in self.actors_of(x)]
                        elif c.lower_ in target_preps:
                            targets += [a for g in pobjs for a in self.actors_of(g)]
            symmetric = self.onto.relations[relation].symmetric
            # a meeting in a clause's adjunct ('in a phone call with Scholz', 'during their talks')
            # or a visit ('said during a visit to the Solomon Islands'); not a fight: 'condemned Eritrea
            # after clashes with Djibouti' makes no party of the condemner
            joint = symmetric and self.onto.relations[relation].quad not in ("VerbalConflict", "MaterialConflict")
            occasion = n.head if (joint or self.onto.relations[relation].plover == "CONSULT") and \
                n.dep_ == "pobj" and n.head.lower_ in self.cue.get("occasion_prep", ()) \
                and n.head.head.pos_ in ("VERB", "AUX") else None
            if occasion is not None and targets and not agents:
                # the clause's subject takes part in it: 'discussed the war in a phone call with
                # Scholz', 'raised concerns during talks with Wang Yi', 'said during a visit to Honiara'
                agents = self.subject_actors(occasion.head)
            elif occasion is not None and symmetric and not targets and \
                    all(c.pos_ == "PRON" for c in self.kids(n) if c.dep_ == "poss"):
                # co-subjects meet in the meeting of their clause: 'Hayashi and his Philippine
                # counterpart agreed during their phone talks', 'X and Y agreed ... after talks in Beijing'
                clause = occasion.head
                while clause.dep_ == "xcomp" and clause.head is not clause:
                    clause = clause.head  # 'agreed to restore relations after talks': the agreeing
                parties = agents if len(agents) > 1 else self.subject_actors(occasion.head)
                yield from self._pairs(parties, relation, n.text, lemma, False, None,
                                       hypothetical=self.is_hypothetical(clause))
                continue
            if carried.dep_ == "pobj" and carried.head.lower_ == "with" and self.responds(carried.head.head):
                # a response made with an act is the responder's act: 'China retaliated with tariffs on
                # American goods', 'the Kremlin hit back with a blockade on Georgia', 'India responded
                # with air strikes on Pakistan' (the target hung on the verb)
                responder = carried.head.head
                agents = self.subject_actors(responder) or agents
                targets = targets or self.prep_actors(responder, target_preps)
            # (only when the act names no other aim: 'in response to the Israeli offensive into Gaza')
            responder = self.responder(carried) if agents and not targets and not any(
                c.dep_ == "prep" and c.lower_ not in agent_preps and c.lower_ != "by" for c in self.kids(n)) else None
            if responder is not None:
                # an act responded to was aimed at the responder: 'expelled the ambassador in
                # response to pressure from Canada', 'imposed tariffs in retaliation for US sanctions'
                targets = self.subject_actors(responder)
            if n.dep_ == "dobj" and n.head.lemma_.lower() in experiencer:
                # experiencer verb: the subject undergoes the event ('China felt pressure from the US')
                targets += self.subject_actors(n.head)
            elif carried.dep_ == "dobj" and carried.head.lemma_.lower() in self.cue.get("carrier", ()):
                # a verb that only carries the event lends it its subject: 'the US speeded up the
                # withdrawal of forces from Panama', 'Iran launched an attack on Iraq', 'Chad
                # announced the end of its defence agreement with France'
                agents = self.subject_actors(carried.head) or agents
                # and a pattern naming the verb with its noun says what they mean together
                # ('lodged a protest' is a diplomatic complaint, not a street protest)
                verb = self.verb_lemma(n.head)
                event = None if cut is not None or (verb, lemma) in self.light_nouns else \
                    self.onto.lookup_event(verb, lemma, "", generic=False)  # our rows first
                relation = event[0] if event is not None else relation
            # A governing verb negates or hedges the event only when it merely carries it
            # ('did not pay a visit', 'felt no pressure'), not when it is an event of its own
            # ('did not condemn the invasion': the invasion happened).
            governor = carried.head if carried.head.pos_ == "VERB" else None
            if governor is not None and not ((self.verb_lemma(governor), carried.lemma_.lower()) in self.light_nouns
                                             or governor.lemma_.lower() in experiencer
                                             or governor.lemma_.lower() in self.cue.get("carrier", ())):
                governor = None
            negated = governor is not None and self.is_negated(governor)
            modality = self.modality(governor) if governor is not None else None
            # what a carrier only threatens or intends has not happened: 'threatened to impose
            # import restrictions against German goods'
            hypothetical = governor is not None and self.is_hypothetical(governor)
            if not targets and len(agents) > 1 and symmetric:
                # the parties of a symmetric event: 'talks by Kenyatta and Xi Jinping'
                topic = self._topic_relation(n, relation)  # an intended cooperation is the intent, a fact
                yield from self._pairs(agents, topic, n.text, lemma, negated, modality, cameo=cameo,
                                       hypothetical=hypothetical and topic == relation)
                continue
            # a carried sanction with its grievance protests too: 'announced the recall of its
            # ambassador, citing Mexico's support for ...'
            protest = self.protest_of(governor, relation, cameo) \
                if governor is not None and not (negated or hypothetical) else None
            for s in agents:
                for o in targets:
                    act = Candidate(s, relation, n.text if carried is n else f"{carried.text} of {n.text}",
                                    lemma, o, negated, "nominal_event", modality=modality, cameo=cameo,
                                    hypothetical=hypothetical)
                    yield act
                    if protest is not None:
                        yield self.protest(act, governor, protest)

    def responds(self, v: Token) -> bool:
        """Whether ``v`` is a verb of responding: 'retaliated', 'responded', 'hit back'."""
        if v.pos_ != "VERB":
            return False
        lemma = v.lemma_.lower()
        back = any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in self.kids(v))
        return (f"{lemma} back" if back else lemma) in self.cue.get("response", ())

    def responder(self, n: Token) -> Token | None:
        """The verb whose doer responds to the event noun ``n`` ('in response to pressure from
        Canada', 'in retaliation for US sanctions', 'responding to criticism from Japan'), or None."""
        if n.dep_ != "pobj" or n.head.lower_ not in ("to", "for", "against"):
            return None
        head = n.head.head
        if self.responds(head):
            return head
        if head.lemma_.lower() in self.cue.get("response_noun", ()) and head.dep_ == "pobj" and \
                head.head.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ == "prep" and c.i != n.head.i for c in self.kids(head)):
            # (a second phrase on the response noun is the act's aim the parser moved there:
            # 'in response to the Israeli offensive into the Gaza Strip')
            return head.head.head
        return None

    def ender(self, n: Token) -> Token | None:
        """The verb or noun that ends the cooperative tie ``n`` names ('suspended aid to X', 'the
        suspension of aid to X', 'the severing of ties with X'), or None."""
        if not self.onto.cooperative(n.lemma_.lower()):
            return None
        head = n.head
        if n.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and \
                self.verb_lemma(head) in self.cue.get("terminative", ()):
            return head
        if n.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() in self.cue.get("terminative_noun", ()):
            return head.head
        return None

    def restorer(self, n: Token) -> Token | None:
        """The noun that restores or establishes the relations ``n`` names ('the restoration of
        diplomatic relations', 'the normalisation of ties'), or None."""
        head = n.head
        if n.lemma_.lower() in self.cue.get("bond", ()) and n.dep_ == "pobj" and head.lower_ == "of" and \
                head.head.pos_ == "NOUN" and head.head.lemma_.lower() in self.cue.get("restorative", ()):
            return head.head
        return None

    def requested_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """An act done at someone's request was asked for by them: 'Australia will send troops at
        the request of the Tongan government', "deployed at Kyiv's request" give a request (CAMEO 10)
        from the asker to the doer; the act itself is the other rules'."""
        event = self.onto.lookup_event("ask", "", "", generic=False)
        if event is None:
            return
        for n in sent:
            if n.dep_ != "pobj" or not self.request_phrase(n.head.lower_, n):
                continue
            v = n.head.head
            if v.pos_ not in ("VERB", "AUX") or n.head.dep_ != "prep":
                continue
            askers = self.agents_of(n) or self.prep_actors(n, ("of", "from"))
            if not askers:
                continue
            for d in self.subject_actors(v):
                for a in askers:
                    yield Candidate(a, event[0], f"{n.head.lower_} {n.text}", n.lemma_.lower(), d, False,
                                    "nominal_event", cameo=event[1])

    def envoy_noun_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """A noun of an act on an envoy: "announced the recall of her country's ambassador to
        Mexico", "Rome's expulsion of Russian diplomats". The act is the verb's (recall, expel,
        summon: CAMEO 161, 111), by the noun's possessor or the verb that carries it, towards the
        envoy's post, and for an expulsion or a summons towards the envoy's own state."""
        for n in sent:
            if n.pos_ != "NOUN":
                continue
            kind = self._envoy_acts.get(n.lemma_.lower())
            if kind is None:
                continue
            envoys = [g for c in self.kids(n) if c.dep_ == "prep" and c.lower_ == "of"
                      for g in self.kids(c) if g.dep_ == "pobj" and self.is_envoy(g)]
            if not envoys:
                continue
            agents = [a for c in self.kids(n) if c.dep_ == "poss" for a in self.actors_of(c)]
            if not agents and n.dep_ == "dobj" and n.head.lemma_.lower() in self.cue.get("carrier", ()):
                agents = self.subject_actors(n.head)
            posts = [a for e in (n, *envoys) for a in self.prep_actors(e, ("to", "in", "from", "at"))]
            owners = [] if kind == "envoy_recall" else [a for e in envoys for a in self.actors_of(e)]
            if not agents and kind == "envoy_expulsion":
                # an expulsion without its doer is the host's, as in the passive: 'the expulsion of
                # two U.S. diplomats from Congo' is Congo's
                agents, posts = [a for a in posts if a.actor.type == "State"], []
            event = self.onto.lookup_event(*ENVOY_ACTS[kind], "", generic=False)
            if event is None:
                continue
            relation, cameo = event
            governor = n.head if n.dep_ == "dobj" else None
            negated = governor is not None and self.is_negated(governor)
            # with its grievance, the act protests too: 'announced the recall of her country's
            # ambassador to Mexico, citing its continued support for Castillo'
            protest = self.protest_of(governor, relation, cameo) \
                if governor is not None and not negated and not self.is_hypothetical(governor) else None
            for s in agents:
                for o in [*posts, *owners]:
                    if o.actor.country != s.actor.country:
                        act = Candidate(s, relation, f"{n.text} of {envoys[0].text}", n.lemma_.lower(), o,
                                        negated, "nominal_event", cameo=cameo)
                        yield act
                        if protest is not None:
                            yield self.protest(act, governor, protest)

    def reciprocal_noun_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """'cooperation between Russia and the United States': each pair, both ways."""
        between = self.cue.get("reciprocal", frozenset())
        for p in sent:
            if p.dep_ != "prep" or p.lower_ not in between:
                continue
            n = p.head
            lemma = n.lemma_.lower()
            if lemma in self.cue.get("third_party", ()):
                continue  # 'UAE mediation between Russia and Ukraine': the mediator deals with each (nominal rule)
            relation = None
            if n.pos_ == "VERB" and lemma in self.cue.get("reciprocal_verb", ()) and n.dep_ == "acl":
                # 'prisoners exchanged between Moscow and Kyiv': the participle's noun is its object
                thing = n.head.lemma_.lower()
                relation = self.onto.lookup_relation(lemma, thing, "") or self.onto.lookup_relation(thing, "", "")
                relation = relation if relation not in (None, "relatedTo") else None
            elif n.pos_ == "VERB" and n.dep_ == "acl":
                # 'a memorandum signed between X and Y', 'talks held between X and Y': the joint act
                # the participle names, or its noun's
                entry = self.onto.nominals.get(n.head.lemma_.lower())
                if entry is not None and self.onto.relations[entry[0]].symmetric:
                    relation = entry[0]
                else:
                    relation = self.joint_relation(lemma)
            elif lemma in self.cue.get("fight_noun", ()):
                relation = "fightsWith"  # 'the war between Russia and Ukraine': both fight
            else:
                entry = self.onto.nominals.get(lemma)
                if entry is not None and self.onto.relations[entry[0]].symmetric:
                    relation = self._topic_relation(n, entry[0])
            if relation is None:
                continue
            actors = [a for g in self.kids(p) if g.dep_ == "pobj" for a in self.actors_of(g)]
            # what an offer or a demand is for has not happened: 'rejected an offer for direct
            # talks between the two neighbours'
            holder = n.head.head if n.head.dep_ == "prep" and n.head.lower_ in ("for", "of") else None
            proposed = holder is not None and holder.pos_ == "NOUN" and holder.lemma_.lower() in (
                self.cue.get("irrealis", frozenset()) | self.cue.get("directive", frozenset()))
            yield from self._pairs(actors, relation, f"{n.text} {p.text}", lemma, False, None, hypothetical=proposed)

    def reciprocal_modifier_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """'Sino-Russian cooperation', 'the Sino-Japanese dispute', 'China-U.S. dialogue':
        a symmetric event noun modified by two or more actors relates them both ways."""
        for n in sent:
            entry = self.onto.nominals.get(n.lemma_.lower()) if n.pos_ == "NOUN" else None
            if entry is None or not self.onto.relations[entry[0]].symmetric or \
                    n.lemma_.lower() in self.cue.get("third_party", ()):
                continue
            actors: dict[str, Arg] = {}
            stack = [c for c in self.kids(n) if c.dep_ in MODIFIER_DEPS]
            while stack:  # walk the modifier chain: 'Sino' <- 'Russian' <- 'strategic cooperation'
                c = stack.pop()
                for a in self._modifier_actors(c):
                    actors.setdefault(a.actor.key, a)
                stack += [g for g in self.kids(c) if g.dep_ in (*MODIFIER_DEPS, "conj")]
            if n.dep_ == "appos" and any(t.text in DASHES for t in n.doc[n.head.i + 1:n.left_edge.i + 1]):
                # a spaced dash the parser reads as an apposition: 'the China – Central Asia cooperation'
                for a in self.actors_of(n.head):
                    actors.setdefault(a.actor.key, a)
            if len(actors) < 2:
                continue
            governor = n.head if n.head.pos_ == "VERB" else None
            negated = governor is not None and self.is_negated(governor)
            yield from self._pairs(list(actors.values()), self._topic_relation(n, entry[0]), n.text,
                                   n.lemma_.lower(), negated, None)

    def _topic_relation(self, n: Token, relation: str) -> str:
        """A reciprocal event noun that is only talked about ('discussed bilateral cooperation
        between X and Y', 'affirmed their commitment to deepen cooperation') is a consultation
        between the two, not the cooperation itself."""
        governor = n.head
        if governor.pos_ == "ADP" and governor.lower_ in ("on", "about", "of", "to"):
            governor = governor.head
        intent = self.intent_words
        while governor.pos_ in ("NOUN", "VERB") and governor.lemma_.lower() not in self.cue.get("topic", ()) \
                and governor.dep_ in ("xcomp", "pobj", "acl") and governor.head is not governor:
            if governor.lemma_.lower() in intent:
                break
            governor = governor.head  # 'commitment to deepen cooperation' -> 'affirmed'
        if governor.lemma_.lower() in self.cue.get("topic", ()):
            return self.cue_relation("topic") or relation
        if governor.lemma_.lower() in intent:
            # an intended event is an intent ('agreed to continue close cooperation'): CAMEO 03/13
            return (self.onto.intent(relation) or (relation, ""))[0]
        return relation

"""Predicates: a verb's logical subject and object slots, its negation, modality and surface words."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from spacy.tokens import Token

from graphbuild.actors import slugify
from graphbuild.extract.records import RELATIVE_PRONOUNS, Arg
from graphbuild.types import Actor

# Dependents that are not on a verb's object side: its subject, function words, and clauses
# that are events of their own (adverbial, relative, reported, appositive).
NOT_OBJECT_SIDE = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "aux", "auxpass", "neg", "punct", "cc", "mark",
    "det", "advmod", "case", "prt", "relcl", "parataxis", "dep", "meta", "intj", "predet", "nummod",
    "quantmod", "advcl", "ccomp", "appos", "agent", "conj", "poss", "amod", "compound", "nmod"})
PLACE_TYPES = frozenset({"State", "Region"})
T = TypeVar("T")


class Predicates:
    """Reads a verb's slots from the parse; mixed into the rules.

    What a verb's slots are does not change while a document is read, and several rules ask
    the same verb the same questions, so the answers are memoised per document."""

    def _memo(self, name: str, v: Token, compute: Callable[[Token], T]) -> T:
        key = (name, v.i)
        if key not in self._answers:
            self._answers[key] = compute(v)
        return self._answers[key]

    def is_passive(self, v: Token) -> bool:
        return self._memo("is_passive", v, self._is_passive)

    def _is_passive(self, v: Token) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in self.kids(v)):
            return True
        # participle modifier: 'the AIIB set up by China', 'weapons supplied to China'; not a
        # clause with a subject of its own ('the announcement that Belize and Guatemala have
        # reached agreement', a perfect the parser hangs from the noun)
        return v.dep_ in ("acl", "amod") and v.tag_ == "VBN" and not any(
            c.dep_ == "nsubj" or (c.dep_ == "aux" and c.lemma_.lower() == "have") for c in self.kids(v))

    def verbal(self, v: Token) -> bool:
        """Whether a verb is a speech act: a verb of saying or asking, or one whose own relation
        is verbal ('accused', 'condemned', 'praised')."""
        lemma = v.lemma_.lower()
        if lemma in self.cue.get("speech", ()) or lemma in self.cue.get("directive", ()):
            return True
        event = self.onto.lookup_event(self.verb_lemma(v), "", "", generic=False)
        return event is not None and self.onto.relations[event[0]].quad in ("VerbalConflict", "VerbalCooperation")

    def subject_tokens(self, v: Token, *, hops: int = 0) -> tuple[list[Token], bool]:
        """Tokens filling the logical subject of verb ``v``; the flag says it was inherited."""
        if hops > 4:
            return [], False
        if self.is_passive(v):
            # passive agent: 'by X'
            agents = [p for c in self.kids(v) if c.dep_ == "agent" for p in self.kids(c) if p.dep_ == "pobj"]
            if agents:
                return agents, False
            # participle with a fused subject: 'the China-led AIIB'
            fused = [c for c in self.kids(v) if c.dep_ in ("npadvmod", "nsubj", "compound") and c.i in self.mentions
                     and 0 < v.i - c.i <= 2]  # right before the participle, not a name further off
            return fused, False
        subjects = [c for c in self.kids(v) if c.dep_ == "nsubj"]
        if subjects:
            # relative clause: 'Patrushev, who has said ...' -> the noun the clause modifies
            if v.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
                return [v.head], False
            return subjects, False
        head = v.head
        if v.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
            # verb chain: 'tried to divide', 'decided to join'; object control: 'help the U.S. fight'
            objs = [c for c in self.kids(head) if c.dep_ == "dobj"]
            if objs:
                return objs, True
            return self.subject_tokens(head, hops=hops + 1)[0], True
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            # adjectival control: 'Japan is ready to send aid' -> the subject of 'is'
            return self.subject_tokens(head.head, hops=hops + 1)[0], True
        if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            # coordinated verbs share the subject: 'China values ... and is seeking'
            shared = self.subject_tokens(head, hops=hops + 1)[0]
            if head.dep_ == "ccomp" and head.head.pos_ == "VERB" and self.verbal(head.head) and self.verbal(v) and \
                    not any(a.actor.country for t in shared for a in self.actors_of(t)):
                # a second speech act the parser hung on the report: 'India said the face-off
                # happened ... and accused China of departing from the consensus' is India's, as is
                # 'Canada alleged the Estai had been overfishing and accused Spain of piracy'
                return self.subject_tokens(head.head, hops=hops + 1)[0], True
            return shared, True
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # nominal control: "Russia's decision to join", 'his willingness to cooperate'
            if head.lemma_.lower() in self.cue.get("directive", ()):
                return [], False  # "North Korea's demand to sever the alliance": the asker is not the doer
            for c in self.kids(head):
                if c.dep_ == "poss":
                    if c.pos_ == "PRON" and head.dep_ in ("dobj", "nsubj") and head.head.pos_ in ("VERB", "AUX"):
                        return self.subject_tokens(head.head, hops=hops + 1)[0], True
                    return [c], True
            if head.dep_ == "dobj" and head.head.lemma_.lower() in self.cue.get("intent_carrier", ()):
                # an unowned plan that its announcer makes or announces is the announcer's: 'announced
                # plans to send troops', 'took the decision to expel' (but 'criticised plans to ...' is not)
                return self.subject_tokens(head.head, hops=hops + 1)[0], True
            return [], False
        if v.dep_ in ("advcl", "pcomp") and head.pos_ in ("VERB", "AUX", "ADP"):
            gov = head if head.pos_ != "ADP" else head.head
            if gov.pos_ in ("VERB", "AUX") and not self.is_passive(gov):
                objs = [c for c in self.kids(gov) if c.dep_ == "dobj"]
                if head.pos_ == "ADP" and head.lower_ in self.cue.get("object_control", ()) and objs:
                    # object control through a preposition: 'warned Kiev against joining NATO'
                    return objs, True
                if head.pos_ == "ADP" and head.lower_ in self.cue.get("judged_control", ()) and \
                        any(self.actors_of(o) for o in objs):
                    # the actor judged for an act did it: 'denounced the United States and Britain
                    # for attacking Iraq' (but 'used drones for attacking X' is the user's act)
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
        return self._memo("is_negated", v, self._is_negated)

    def _is_negated(self, v: Token) -> bool:
        """'does not support', 'did not want to join', 'never joined', 'refused to join',
        'warned Kiev against joining'."""
        words = self.cue.get("negation", frozenset())
        chain = self.chain(v)
        if any(t.lemma_.lower() in self.cue.get("negative_verb", ()) for t in chain[1:]):
            return True  # 'refused to impose sanctions', 'failed to join'
        if v.dep_ == "pcomp" and v.head.lower_ in self.cue.get("counterfactive", ()):
            return True  # 'warned Kiev against joining NATO': the gerund's event did not happen
        if any(self.denied(t) for t in chain):
            return True  # 'Khartoum denied that its planes bombed ...', 'rejected claims that it supplied ...'
        return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in words) for t in chain for c in self.kids(t))

    def denied(self, v: Token) -> bool:
        """Whether a clause is what someone denies: the content of a verb of denial ('denied that
        its planes bombed', 'denied attacking') or of a claim it rejects ('rejected claims that it
        supplied drones', 'dismissed reports that ...')."""
        denial = self.cue.get("denial", frozenset())
        head = v.head
        if v.dep_ in ("ccomp", "xcomp") and head.pos_ == "VERB" and head.lemma_.lower() in denial:
            return True
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in denial:
            return True  # 'denied involvement in attacking'
        if v.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in self.cue.get("claim", ()):
            verb = head.head
            return head.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and (
                verb.lemma_.lower() in denial or verb.lemma_.lower() in self.cue.get("negative_verb", ()))
        return False

    def modality(self, v: Token) -> str | None:
        return self._memo("modality", v, self._modality)

    def _modality(self, v: Token) -> str | None:
        """'could join', 'must learn', 'needs to increase', 'tried to divide' -> the modal word."""
        words = self.cue.get("modality", frozenset())
        for t in self.chain(v):
            for c in self.kids(t):
                if c.dep_ == "aux" and c.lower_ in words:
                    return c.lower_
            if t is not v and t.lemma_.lower() in words:
                return t.lemma_.lower()
        return None

    def verb_lemma(self, v: Token) -> str:
        prt = [c.lower_ for c in self.kids(v) if c.dep_ == "prt"]
        return " ".join([v.lemma_.lower(), *prt])

    def surface(self, v: Token, *extra: str) -> str:
        # 'tried to divide': the governing verbs of a chain come first
        words = [w for t in reversed(self.chain(v)[1:]) for w in (t.text, "to")]
        prt = [c.text for c in self.kids(v) if c.dep_ == "prt"]
        return " ".join([*words, v.text, *prt, *[e for e in extra if e]])

    def _noun_preps(self, noun: Token, candidates: Iterable[Token], consumed: set[int], key: str = ""
                    ) -> Iterator[tuple[str, Token, str]]:
        """(preposition, object, noun) of the prepositional phrases that belong to a verb's noun
        pattern ('imposed tariffs on X'); marks them consumed so they are not read twice."""
        aiming = self.cue.get("aiming", frozenset())
        for p in candidates:
            if p.dep_ == "prep" or (p.dep_ == "dative" and p.pos_ == "ADP"):
                # (the parser's prepositional dative too: the 'to' of 'gave aid to Sri Lanka')
                consumed.add(p.i)
                for pobj in self.kids(p):
                    if pobj.dep_ == "pobj":
                        yield p.lower_, pobj, key or noun.lemma_.lower()
            elif p.dep_ == "acl" and p.lemma_.lower() in aiming:
                # an aiming participle names the pattern's target: 'launched a missile barrage
                # targeting Israeli territory', 'imposed sanctions aimed at Iran'
                for g in self.kids(p):
                    if g.dep_ == "dobj":
                        yield "", g, key or noun.lemma_.lower()
                    elif g.dep_ == "prep":
                        yield from ((g.lower_, x, key or noun.lemma_.lower()) for x in self.kids(g) if x.dep_ == "pobj")

    def given_event(self, v: Token, lemma: str) -> str:
        """The event noun a verb with a receiver carries as its direct object ('complaint' in 'sent
        Nicaragua a formal complaint', 'protest' in 'handed the ambassador a protest note'), or that
        our lexicon names with 'to' ('loan' in 'granted Ukraine a loan'), or ''."""
        for d in self.kids(v):
            if d.dep_ != "dobj":
                continue
            for noun in (d, *(c for c in self.kids(d) if c.dep_ == "compound")):
                word = noun.lemma_.lower()
                if (self.onto.carried(lemma, word) and word in self.onto.nominals) or (lemma, word, "to") in self.onto.lexicon:
                    return word  # 'granted Ukraine a loan' is our 'grant loan to'
        return ""

    def is_envoy(self, tok: Token) -> bool:
        """Whether a noun names a state's envoy: 'the ambassador', or a name with an envoy title
        ('ambassador Heather Hodges', 'Ecuadorian ambassador Luis Gallegos')."""
        envoys = self.cue.get("envoy", frozenset())
        if tok.lemma_.lower() in envoys or tok.lower_ in envoys:  # the small model lemmatises "d'affaires" away
            return True
        return tok.pos_ == "PROPN" and any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in envoys
                                           for c in self.kids(tok))

    def envoy_noun(self, lemma: str, tok: Token) -> str:
        """The word a pattern of ``lemma`` names an envoy object with ('recall ambassador', 'expel
        diplomat', our 'summon ambassador'), or '' when the object is no envoy or no pattern
        names the verb with one. A recalling verb ('withdrew', 'pulled') reads as 'recall'."""
        if not self.is_envoy(tok):
            return ""
        for noun in (tok.lemma_.lower(), "ambassador", "diplomat"):
            verb = self.onto.envoy_verb(lemma, noun)
            if (verb, noun, "") in self.onto.lexicon or (verb, noun) in self.onto.verb_nouns:
                return noun
        return ""

    def measured(self, noun: Token) -> list[Token]:
        """The prepositional phrases the parser hung on a measure of the noun, which belong to the
        noun: 'duties of 25 per cent on Chinese imports' (the target hangs from 'cent')."""
        out = []
        for p in self.kids(noun):
            if p.dep_ == "prep" and p.lower_ == "of":
                for m in self.kids(p):
                    if m.dep_ == "pobj" and (m.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or any(
                            c.dep_ == "nummod" for c in self.kids(m))):
                        out += [g for g in self.kids(m) if g.dep_ == "prep"]
        return out

    def content(self, noun: Token) -> Token:
        """What a partitive noun measures out, which is what a pattern names: 'missiles' in 'a
        barrage of missiles' and 'a missile barrage', 'arms' in 'a shipment of arms'."""
        if noun.lemma_.lower() in self.cue.get("document", ()):
            # a document carries the act it names: 'a note of protest', 'protest notes', 'a letter of
            # complaint'; 'a note to Berlin' is only a note
            inner = [g for c in self.kids(noun) if c.dep_ == "prep" and c.lower_ == "of" for g in self.kids(c)
                     if g.dep_ == "pobj"] + [c for c in self.kids(noun) if c.dep_ == "compound" and c.i == noun.i - 1]
            return next((g for g in inner if g.lemma_.lower() in self.onto.nominals), noun)
        if noun.lemma_.lower() not in self.cue.get("partitive", ()):
            return noun
        for c in self.kids(noun):
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in self.kids(c) if g.dep_ == "pobj"), noun)
        return next((c for c in reversed(self.kids(noun)) if c.dep_ == "compound" and c.i == noun.i - 1), noun)

    def joint_relation(self, lemma: str) -> str | None:
        """The joint act (meeting, talks, agreement) our lexicon names a verb with 'with' for
        ('discuss with', 'sign with'), or None: such a verb's co-subjects act together."""
        partner = self.onto.lexicon.get((lemma, "", "with"))
        return partner if partner in self.cue.get("joint_relation", ()) else None

    def verb_events(self, v: Token) -> Iterator[tuple[str, str | None]]:
        """The events a verb names with each of its objects' pattern nouns, then alone, the most
        specific first ('opened fire', 'imposed duties', then 'bombarded')."""
        lemma = self.verb_lemma(v)
        for noun in (*(self.pattern_noun(lemma, c) for c in self.kids(v) if c.dep_ == "dobj"), ""):
            event = self.onto.lookup_event(lemma, noun, "", generic=False)
            if event is not None:
                yield event

    def request_phrase(self, prep: str, noun: Token) -> bool:
        """Whether ``prep`` + ``noun`` is 'at the request of', 'at the behest of': it names who asked
        for the act (``Nouns.requested_rule``), never a target or a participant of the act itself."""
        return prep in self.cue.get("request_prep", ()) and noun.lemma_.lower() in self.cue.get("request_noun", ())

    def held_persons(self, noun: Token) -> bool:
        """Whether a noun names people (a person, a nationality's people, a person noun such as
        'men', 'soldiers', 'spies'), who when swapped between states are prisoners released."""
        m = self.mentions.get(noun.i)
        if m is not None:
            return m.actor.type == "Person" or (m.demonym and noun.tag_ == "NNPS")  # 'three Cubans'
        lemma = noun.lemma_.lower()
        return lemma in self.cue.get("person_noun", ()) or lemma in self.onto.agents

    def pattern_noun(self, lemma: str, noun: Token) -> str:
        """The words of a verb's object that a dictionary pattern names: the longest run of
        modifiers before the head that the CAMEO dictionary knows with this verb ('severed
        diplomatic relations' is 'sever diplomatic relation', breaking relations off), else the head."""
        head = noun.lemma_.lower()
        if lemma in self.cue.get("reciprocal_verb", ()) and (lemma, "prisoner") in self.onto.verb_nouns and \
                (lemma, head) not in self.onto.verb_nouns and self.held_persons(noun):
            # people swapped are prisoners set free ('exchanged two men', 'swapped spies'), unless the
            # dictionary names the swap itself ('exchanged ambassadors' restores relations)
            return "prisoner"
        if (lemma, head) not in self.onto.verb_nouns and (lemma, noun.lower_) in self.onto.verb_nouns:
            head = noun.lower_  # the dictionary writes some nouns as they are used: 'arms', not 'arm'
        mods = [c for c in self.kids(noun) if c.dep_ in ("amod", "compound") and c.i < noun.i]
        # a tie between states is one word class: the dictionary writes 'relation' for 'ties', 'links'
        heads = [head, "relation"] if head in self.cue.get("bond", ()) else [head]
        for start in range(len(mods)):
            words = [m.lower_ for m in mods[start:]]
            if mods[start:] and mods[-1].i == noun.i - 1 and all(
                    b.i == a.i + 1 for a, b in zip(mods[start:], mods[start + 1:])):
                for h in heads:
                    phrase = " ".join([*words, h])
                    if (lemma, phrase) in self.onto.verb_nouns:
                        return phrase
        return next((h for h in heads if (lemma, h) in self.onto.verb_nouns), head)

    def named_act(self, lemma: str, noun: Token) -> tuple[Token, str]:
        """The object noun a pattern of the verb names, with the pattern's words (``pattern_noun``):
        the noun itself, else the first noun coordinated with it that a light or carrier verb
        takes as its event ('sent a note verbale or diplomatic protest to China' sends a protest),
        else the noun. (Only those: a dictionary pattern read off a conjunct misreads 'stop the
        bombing and the withdrawal'.)"""
        word = self.pattern_noun(lemma, noun)
        if (lemma, word) in self.onto.verb_nouns or self.onto.reduces(lemma, word) or self._carries(lemma, noun):
            return noun, word
        for c in self.kids(noun):
            if c.dep_ == "conj" and c.pos_ == "NOUN" and self._carries(lemma, self.content(c)):
                return self.content(c), self.pattern_noun(lemma, self.content(c))
        return noun, word

    def _carries(self, lemma: str, noun: Token) -> bool:
        """Whether the verb is a light or carrier verb of the event noun ('impose sanctions',
        'send a protest')."""
        head = noun.lemma_.lower()
        return (lemma, head) in self.light_nouns or self.onto.carried(lemma, head)

    def reports_others_act(self, v: Token, lemma: str, noun: Token) -> bool:
        """Whether a verb of saying or citing reports someone else's act: the dictionary's 'cite
        support' is the speaker's own support, but 'citing its continued support for Castillo',
        with 'its' for Mexico, cites Mexico's (which the noun rule reads as Mexico's act)."""
        if lemma not in self.cue.get("speech", ()) and lemma not in self.cue.get("grievance_verb", ()):
            return False
        owners = {a.actor.key for c in self.kids(noun) if c.dep_ == "poss" for a in self.actors_of(c)}
        return bool(owners) and not owners & {a.actor.key for a in self.subject_actors(v)}

    def object_slots(self, v: Token, passive: bool) -> Iterator[tuple[str, Token, str]]:
        """(preposition, object head, light noun) for every object of ``v``."""
        lemma = self.verb_lemma(v)
        consumed: set[int] = set()
        preps: list[Token] = [c for c in self.kids(v) if c.dep_ == "prep" and c.lower_ not in self.cue.get("source", ())]
        # 'supplies gas to China': the parser's prepositional dative is a preposition
        preps += [c for c in self.kids(v) if c.dep_ == "dative" and c.pos_ == "ADP"]
        hung: set[int] = set()
        for c in self.kids(v):
            if c.dep_ == "dative" and c.pos_ == "ADP":
                continue
            theme = (passive and c.dep_ == "nsubjpass") or (not passive and c.dep_ in ("dobj", "dative"))
            if not theme:
                continue
            given = self.given_event(v, lemma) if c.dep_ == "dative" else ""
            if given:
                # the receiver of an event noun a verb carries is its target: 'sent Nicaragua a
                # formal complaint', 'issued Japan a stern warning', 'gave India an ultimatum'
                yield "to", c, given
                continue
            stuff, noun = self.named_act(lemma, self.content(c))
            envoy = self.envoy_noun(lemma, c)
            if envoy:
                # a diplomatic act on an envoy, whoever the envoy is named as ('recalled its
                # ambassador from Niger', 'summoned the Russian ambassador, Andrey Kelin',
                # 'expelled U.S. ambassador Heather Hodges'): the envoy is the target, the
                # pattern the dictionary's or our lexicon's for the class
                yield "", c, envoy
                targets = self.cue.get("target_prep", frozenset())
                # the post may hang on the envoy's title in apposition: 'recalled Gladys Gutierrez,
                # the nation's ambassador to Spain'
                titles = [g for a in self.kids(c) if a.dep_ == "appos" for g in self.kids(a)]
                yield from self._noun_preps(c, [p for p in (*self.kids(c), *titles, *preps) if p.lower_ in targets],
                                            consumed, envoy)
                continue
            # the phrases of a partitive and of what it measures out: 'a barrage of rockets at X'
            held = [k for k in (*self.kids(c), *(self.kids(stuff) if stuff.i != c.i else ())) if k.i != stuff.head.i]
            # and those hung on a noun coordinated with it: 'lodged a complaint and a protest with Seoul'
            held += [k for j in self.kids(stuff) if j.dep_ == "conj" and j.pos_ == "NOUN" for k in self.kids(j)
                     if k.dep_ == "prep"]
            if ((lemma, noun) in self.onto.verb_nouns or self.onto.reduces(lemma, noun)) and \
                    (lemma, noun) not in self.light_nouns and not self.reports_others_act(v, lemma, stuff):
                # a dictionary pattern with its noun: 'expelled Russian diplomats', 'imposed tariffs on X';
                # the noun may name an actor itself, and its prepositions belong to the pattern
                yield "", c, noun
                # the verb's own directed phrases belong to the pattern too: 'halted aid to X',
                # 'granted asylum to X' (the parser hangs them on the verb as often as on the noun),
                # unless our lexicon names the verb with that preposition ('supplied drones to X'
                # is our 'supplies'): the curated table wins where the two overlap
                targets = self.cue.get("target_prep", frozenset())
                own = [p for p in preps if (p.lower_ in targets or (lemma, noun, p.lower_) in self.onto.verbs)
                       and (lemma, "", p.lower_) not in self.onto.lexicon]
                yield from self._noun_preps(c, (*held, *self.measured(c), *own), consumed, noun)
                continue
            if self._carries(lemma, stuff):
                # light verb + event noun: 'impose sanctions on X', 'sanctions were imposed on X',
                # 'issued a formal complaint to X' (a carrier verb lends the noun its prepositions)
                yield from self._noun_preps(stuff, (*held, *self.measured(stuff), *preps), consumed)
                continue
            yield "", c, ""
            if c.i not in self.mentions:
                # a prepositional phrase the parser hung on a non-actor object may belong to the
                # verb ('provides billions of dollars to X'), but only where the lexicon says the
                # verb takes that preposition: 'support the sanctions against Iran' is no relation
                hung.update(p.i for p in self.kids(c) if p.dep_ == "prep" and p.lower_ != "of")
                preps += [p for p in self.kids(c) if p.i in hung]
        # a participle's noun is its theme, and names the pattern when the dictionary has one:
        # 'tariffs imposed by China on Australian wine' is 'impose tariffs on', a sanction
        theme = ""
        if passive and v.dep_ in ("acl", "amod"):
            yield "", v.head, ""
            theme = self.pattern_noun(lemma, v.head)
            theme = theme if (lemma, theme) in self.onto.verb_nouns or (lemma, theme) in self.light_nouns else ""
        for c in preps:
            if c.i in consumed or (c.i in hung and (lemma, "", c.lower_) not in self.onto.lexicon):
                continue
            # two-word prepositions: 'out of'
            for g in self.kids(c):
                if g.dep_ == "prep":
                    for pobj in self.kids(g):
                        if pobj.dep_ == "pobj":
                            yield f"{c.lower_} {g.lower_}", pobj, ""
            for pobj in self.kids(c):
                if pobj.dep_ == "pobj":
                    # the theme's pattern takes its targets, not places ('signed in New York')
                    yield c.lower_, pobj, theme if c.lower_ in self.cue.get("target_prep", ()) else ""

    # ------------------------------------------------------- back-off reach
    def predicate_of(self, v: Token) -> Token | None:
        """The word naming the predicate: the verb, or the adjective of 'is hostile to', 'is opposed to'."""
        if v.pos_ == "VERB":
            return v
        if v.pos_ == "AUX" and v.lemma_ == "be" and v.dep_ in ("ROOT", "ccomp", "conj", "xcomp", "advcl"):
            for c in self.kids(v):
                # 'is hostile to X'; adjectival control: 'is ready to send troops to X'
                if c.dep_ == "acomp" and any(g.dep_ in ("prep", "xcomp") for g in self.kids(c)):
                    return c
        return None

    def object_side(self, v: Token, passive: bool, *, depth: int = 0, prep: str = "",
                    direct: bool = True) -> Iterator[tuple[str, Token, bool]]:
        """(preposition, noun, direct) for every noun a predicate governs, down through objects,
        prepositional phrases, subject-less complements and the nouns that hold them. ``direct``
        is False for a noun reached through another noun ('supports the sanctions against Iran'),
        whose relation to the subject the verb does not name."""
        if depth > 2:
            return
        for c in self.kids(v):
            d = c.dep_
            if passive and d == "nsubjpass":
                # passive theme: 'Russia was sanctioned by the EU'
                yield prep, c, direct
                continue
            if d in NOT_OBJECT_SIDE:
                continue
            if d in ("xcomp", "acl", "pcomp", "acomp", "oprd"):
                if any(g.dep_ in ("nsubj", "nsubjpass") for g in self.kids(c)):
                    continue  # a clause with a subject of its own is its own event
                if d == "xcomp" and any(g.dep_ == "dobj" for g in self.kids(v)):
                    continue  # object control: 'urged Israel to withdraw from X' is Israel's act
                # control: 'threatened to cut off electricity to X', 'is ready to send troops to X';
                # the complement's targets are a threat's or an offer's own, not a decision's
                own = direct and v.lemma_.lower() in (self.intent_words | self.cue.get("refusal", frozenset()))
                yield from self.object_side(c, self.is_passive(c), depth=depth + 1, prep=prep, direct=own)
            elif d in ("prep", "dative") and c.pos_ == "ADP" or d == "prep":
                yield from self._prep_side(c, depth, direct)
            elif d in ("dobj", "dative", "attr", "obj", "pobj"):
                yield from self._noun_side(c, prep, depth, direct)

    def _prep_side(self, p: Token, depth: int, direct: bool) -> Iterator[tuple[str, Token, bool]]:
        word = p.lower_
        if word in self.cue.get("temporal", ()) or word in self.cue.get("source", ()):
            return  # 'for two years'; 'according to Britain' names who says so, not a participant
        if p.head.pos_ in ("NOUN", "PROPN") and word not in self.cue.get("target_prep", ()):
            return  # inside a noun only a directed phrase names a target: 'action against X', not 'views on X's role of
        for g in self.kids(p):
            if g.dep_ == "pobj":
                if self._is_place(g) and word in self.cue.get("locative", ()):
                    continue  # 'met in Geneva', 'killed in Ukraine': the place, not a participant
                if self.request_phrase(word, g):
                    continue  # 'at the request of X' names the asker
                yield from self._noun_side(g, word, depth, direct)
            elif g.dep_ == "pcomp" and (word in self.cue.get("target_prep", ()) or word == "by") and \
                    word not in self.cue.get("object_control", ()):
                # 'by sending troops to X'; not 'warned Kiev against joining NATO' (Kiev's act),
                # nor 'is interested in resolving the crisis' (no act towards anyone)
                yield from self.object_side(g, self.is_passive(g), depth=depth + 1, prep=word, direct=False)
            elif g.dep_ == "prep":  # 'out of', 'because of'
                yield from self._prep_side(g, depth, direct)

    def _noun_side(self, n: Token, prep: str, depth: int, direct: bool) -> Iterator[tuple[str, Token, bool]]:
        """A noun on the object side, or when it names no actor, the nouns it holds."""
        if self.actors_of(n):
            yield prep, n, direct
            return
        if depth >= 2:
            return
        for c in self.kids(n):
            if c.dep_ == "appos":  # 'denounced as an ugly crime Serbia's suppression of ...'
                yield from self._noun_side(c, prep, depth + 1, direct)
            elif c.dep_ == "prep":
                yield from self._prep_side(c, depth + 1, False)
            elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                yield from self._noun_side(c, prep, depth + 1, direct)
            elif c.dep_ == "acl" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in self.kids(c)):
                # 'West Africans ordered out of Nigeria'
                yield from self.object_side(c, self.is_passive(c), depth=depth + 1, prep=prep, direct=False)

    def _is_place(self, tok: Token) -> bool:
        m = self.mentions.get(tok.i)
        return m is not None and (m.actor.type in PLACE_TYPES or m.place) and not m.demonym

    def location(self, v: Token) -> Arg | None:
        return self._memo("location", v, self._location)

    def _location(self, v: Token) -> Arg | None:
        """Where the event of ``v`` took place: a place after a locative preposition on the verb
        or its object ('met in Geneva', 'lifted a curfew in Montenegro')."""
        locative = self.cue.get("locative", frozenset())
        holders = [v, *(c for c in self.kids(v) if c.dep_ in ("dobj", "nsubjpass"))]
        # and what the act is aimed at: 'fired missiles at energy facilities in Ukraine', 'carried out
        # strikes on targets in Syria'
        holders += [g for h in holders for p in self.kids(h) if p.dep_ == "prep" and p.lower_ in self.aim_preps
                    for g in self.kids(p) if g.dep_ == "pobj" and g.i not in self.mentions]
        for h in holders:
            for p in self.kids(h):
                if p.dep_ == "prep" and p.lower_ in locative:
                    for g in self.kids(p):
                        if g.dep_ == "pobj" and self._is_place(g):
                            return Arg(self._place_actor(g), self.mentions[g.i].linked_by)
        return None

    def _place_actor(self, tok: Token) -> Actor:
        """The place itself ('Geneva', in Switzerland), or the state when the text names one."""
        m = self.mentions[tok.i]
        if not m.place:
            return m.actor
        name = " ".join(t.text for t in tok.doc[m.start:m.end]).removeprefix("the ")
        return Actor(key=f"place-{slugify(name)}", label=name, type="Region", country=m.actor.country)

    def intent_of(self, v: Token) -> Token | None:
        """The word that makes ``v`` an intended act, when nothing else types that word: 'vowed'
        in 'vowed to retaliate', 'ready' in 'is ready to send troops' ('threatened' and 'offered'
        are events of the dictionaries themselves)."""
        return self._memo("intent_of", v, self._intent_of)

    def _intent_of(self, v: Token) -> Token | None:
        t = v
        intent = self.intent_words
        if t.dep_ == "acl" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in intent and \
                self.onto.lookup_event(t.head.lemma_.lower(), "", "", generic=False) is None:
            return t.head  # 'expressed its willingness to cooperate with X', 'a commitment to send aid'
        while t.dep_ == "xcomp" and t.head is not t:
            head = t.head
            lemma = head.lemma_.lower()
            if lemma in intent:
                if self.onto.lookup_event(lemma, "", "", generic=False) is not None:
                    return None  # the intent's own word is typed ('threatened', 'offered')
                return head
            if lemma not in self.cue.get("modality", ()):
                return None
            t = head  # 'wants to be ready to', 'plans to'
        return None

    def conditional(self, v: Token) -> Token | None:
        """The auxiliary that holds an act out as possible: 'may', 'might', 'could' ('said it may
        expel diplomats'); not 'would', which after a past 'said' or 'announced' is the reported
        'will' of a decision ('announced it would prohibit all aid' is the sanction itself)."""
        words = self.cue.get("conditional_aux", frozenset())
        return next((c for c in self.kids(v) if c.dep_ == "aux" and c.lower_ in words), None)

    def label_event(self, v: Token) -> tuple[str, str | None] | None:
        """A labelling verb's sense, by the label it gives: 'called the deal illegal', 'described
        it as another hostile step' criticize (CAMEO 111), 'called the talks fruitful' praises;
        another label names no event ('called' is then no phone call). None when ``v`` gives no
        label, so the lexicon decides."""
        if v.lemma_.lower() not in self.cue.get("labelling", ()):
            return None
        # a label is a noun or adjective ('called the deal illegal'), not an act ('called on X to release')
        labels = [c for c in self.kids(v) if (c.dep_ in ("oprd", "xcomp", "acomp") and c.pos_ in ("ADJ", "NOUN", "PROPN"))
                  or (c.dep_ == "advcl" and c.pos_ == "ADJ")]  # 'held Pakistan responsible' (parsed as a clause)
        labels += [g for p in self.kids(v) if p.dep_ == "prep" and p.lower_ == "as" for g in self.kids(p)
                   if g.dep_ in ("pobj", "amod", "acomp")]  # 'as another hostile step', 'as hostile and outrageous'
        if not labels:
            return None
        words = {w for label in labels for t in label.subtree for w in (t.lower_, t.lemma_.lower())}
        if {label.lower_ for label in labels} & self.cue.get("blame", frozenset()):
            return "accuses", None  # 'held Pakistan responsible for the attack' (CAMEO 112)
        if words & self.cue.get("pejorative", frozenset()):
            return "criticizes", None
        if words & self.cue.get("laudatory", frozenset()):
            return "praises", None
        return "relatedTo", None

    def asserts(self, v: Token) -> bool:
        """Whether a verb that can give an order ('insist', 'suggest') states a fact instead: its
        that-clause is indicative ('insisted that Dokdo is Japan's territory'), not an order ('insisted
        that Pakistan must withdraw', 'insisted that Iran release the crew')."""
        if v.lemma_.lower() not in self.cue.get("assertive", ()):
            return False
        clauses = [c for c in self.kids(v) if c.dep_ == "ccomp"]
        finite = ("VBZ", "VBD", "VBP")
        return bool(clauses) and all(
            not self.obliged(c) and (c.tag_ in finite or any(a.dep_ in ("aux", "auxpass") and a.tag_ in finite
                                                              for a in self.kids(c)))
            for c in clauses)

    def obliged(self, clause: Token) -> bool:
        """Whether a clause states an obligation: 'Sudan must return', 'Iraq has to withdraw'. The
        auxiliary 'have' is the perfect ('Iraq had attacked'), an obligation only as the head of a
        to-infinitive; 'must', 'should', 'ought', 'need' are auxiliaries of obligation as they are."""
        obligation = self.cue.get("obligation", frozenset())
        if any(c.dep_ == "aux" and c.lemma_.lower() != "have" and c.lower_ in obligation for c in self.kids(clause)):
            return True
        return clause.lemma_.lower() in obligation and any(
            x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in self.kids(x))
            for x in self.kids(clause))

    def is_hypothetical(self, v: Token) -> bool:
        return self._memo("is_hypothetical", v, self._is_hypothetical)

    def _is_hypothetical(self, v: Token) -> bool:
        """Whether ``v`` is the content of a demand, threat, offer or condition rather than a fact:
        'urged Y to withdraw', 'demanded that Y halt', 'said Y must pay', 'threatened to cut off',
        'unless Israel rescinded'."""
        directive = self.cue.get("directive", frozenset())
        irrealis = self.cue.get("irrealis", frozenset())
        t = v
        if self.obliged(v):
            return True  # what must or should be done is not done: 'Russia must call off its operation'
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in ("of", "with") and \
                t.head.head.lemma_.lower() in self.cue.get("allegation", ()):
            return True  # what one is accused of is alleged, not asserted: 'accused Russia of shelling Kharkiv'
        for _ in range(6):
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.cue.get("conditional", ())
                                         for c in self.kids(t)):
                return True  # 'unless Baghdad accepted its conditions'
            if t.dep_ == "advcl" and t.head.lemma_.lower() in directive and any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in self.kids(t)):
                return True  # 'called for the ambassador to be expelled'
            if t.dep_ in ("xcomp", "ccomp"):
                head = t.head
                lemma = head.lemma_.lower()
                if lemma in irrealis or (t.dep_ == "xcomp" and lemma in self.cue.get("readiness", ())):
                    return True  # 'threatened to cut off', 'offered to send', 'is ready to send'
                if (lemma in directive or (t.dep_ == "xcomp" and lemma in self.cue.get("speech", ()))) and \
                        (t.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in self.kids(head))):
                    # 'demanded that Y halt', 'urged Y to withdraw', 'told the envoy to leave' (a verb
                    # of saying with an object and a to-clause gives an order); 'wanted to join' is a modality
                    return True
                if t.dep_ == "ccomp" and head.lemma_.lower() in self.cue.get("speech", ()) and self.obliged(t):
                    return True  # 'said Sudan must return the helicopter'
                t = head
                continue
            if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
                t = t.head
                continue
            if t.dep_ == "acl" and t.head.pos_ == "NOUN" and (
                    t.head.lemma_.lower() in irrealis or t.head.lemma_.lower() in directive):
                return True  # "Iran's threat to close the strait", 'a demand to sever the alliance'
            break
        return False

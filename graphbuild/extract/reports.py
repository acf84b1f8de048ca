"""Rules over reported speech: what a speaker demands, threatens or blames another state for,
and the last back-off that relates a main clause's subject to the states its clause governs."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.nouns import EXPULSION
from graphbuild.extract.records import Arg, Candidate, two_states


class Reports:
    """Speech acts, threats' conditions and the clause back-off; a mixin of ``rules.Rules``,
    whose argument, predicate and reference methods these rules use."""

    def speech_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """Speech acts aimed at the subject of their clause: 'X demanded that Y halt ...',
        'X said Y must pay ...': X -> Y with the speech verb's relation (a plain 'say' over an
        obligation is a demand). The clause's own statements are hypothetical (see ``is_hypothetical``)."""
        directive = self.cue.get("directive", frozenset())
        speech = self.cue.get("speech", frozenset())
        for v in sent:
            lemma = v.lemma_.lower()
            if v.pos_ != "VERB" or (lemma not in directive and lemma not in speech):
                continue
            # 'insisted that Dokdo is Japan's' states, 'insisted that Iran release the crew' demands
            orders = lemma in directive and not self.asserts(v)
            speakers: list[Arg] | None = None
            accused: set[int] | None = None  # see _accused, read once for all of v's clauses
            # 'demanded that Y ...', and 'called for Y to be expelled' (a for-clause with its own subject)
            for clause in (c for c in self.kids(v) if c.dep_ == "ccomp" or (
                    c.dep_ == "advcl" and orders
                    and any(g.dep_ == "mark" and g.lower_ == "for" for g in self.kids(c)))):
                obliged = self.obliged(clause)
                own = self.onto.lookup_event(lemma, "", "", generic=False)
                hostile = own is not None and self.onto.relations[own[0]].quad == "VerbalConflict"
                # 'X said Y will pay for it', '... would have severe consequences': a threat
                payers = [] if orders or obliged or hostile else self.retribution(clause)
                # 'Bishkek said Tajik troops opened fire on dwellings': a report of another's
                # harmful act is an accusation (event coders code it so), wherever the report stands
                # (a speaker named after the report is mostly the news's source: 'Burmese troops
                # captured ..., Thai police said')
                blamed: list[Arg] = []
                if not (orders or obliged or hostile or payers or clause.i < v.i):
                    accused = self._accused(v) if accused is None else accused
                    blamed = [a for c in self.kids(clause) if c.dep_ in ("nsubj", "nsubjpass") and c.i in accused
                              for a in self.actors_of(c)]
                if not orders and not obliged and not hostile and not payers and not blamed:
                    continue  # 'X said Y visited Z' reports Y's act; it is no act of X towards Y
                if speakers is None:
                    subj_toks, inherited = self.subject_tokens(v)
                    speakers = [a for t in subj_toks for a in self.actors_of(t)]
                addressees = payers or blamed or [a for c in self.kids(clause) if c.dep_ in ("nsubj", "nsubjpass")
                                                  for a in self.actors_of(c)]
                if payers:
                    own, hostile = self.onto.lookup_event("threaten", "", ""), True
                elif blamed:
                    own, hostile = self.onto.lookup_event("accuse", "", ""), True
                marker = next((g.lower_ for g in self.kids(clause) if g.dep_ == "mark" and g.lower_ == "for"), "")
                if orders:
                    # 'called for Y to ...' is a demand whatever 'call' alone means (a phone call)
                    event = (self.onto.lookup_event(lemma, "", marker, generic=False) if marker else
                             self.onto.lookup_event(lemma, "", "")) or self.onto.lookup_event("demand", "", "")
                else:  # 'X warned Y would pay a heavy price' is a threat; 'X said Y must' a demand
                    event = own if hostile and not obliged else self.onto.lookup_event("demand", "", "")
                if event is None:
                    continue
                relation, cameo = event
                for s in speakers:
                    for o in addressees:
                        yield Candidate(s, relation, self.surface(v), lemma, o, self.is_negated(v), "speech_act",
                                        inherited, self.modality(v), cameo, self.is_hypothetical(v))

    def retribution(self, clause: Token) -> list[Arg]:
        """Who a reported clause says will pay: the subjects of the clause, or of a clause joined
        to it, that has a future or conditional auxiliary and a word of retribution ('and it will
        pay for it', 'would face severe consequences', 'Iran's attack would have severe
        consequences'). Event coders code such a report as a threat (CAMEO 13)."""
        future = self.cue.get("future", frozenset()) | {"would"}
        words = self.cue.get("retribution", frozenset())
        payers: list[Arg] = []
        for cl in (clause, *(c for c in self.kids(clause) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))):
            if not any(c.dep_ == "aux" and c.lower_ in future for c in self.kids(cl)):
                continue
            if not any(t.lemma_.lower() in words for t in cl.subtree):
                continue
            payers += [a for c in self.kids(cl) if c.dep_ in ("nsubj", "nsubjpass") for a in self.actors_of(c)]
        return payers

    def condition_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """A threat's or a warning's condition names whom it is aimed at: 'the Druze threatened to
        strike unless Israel rescinded the annexation', 'Iran warned it would retaliate if Israel
        attacked' -> the speaker threatens the condition's subject (as CAMEO codes it)."""
        conditional = self.cue.get("conditional", frozenset())
        for v in sent:
            if v.pos_ != "VERB":
                continue
            # the condition hangs on the threat or on what is threatened ('to strike ... unless')
            holders = [v, *(c for c in self.kids(v) if c.dep_ in ("xcomp", "ccomp"))]
            conditions = [c for h in holders for c in self.kids(h) if c.dep_ == "advcl"
                          and any(m.dep_ == "mark" and m.lower_ in conditional for m in self.kids(c))]
            if not conditions:
                continue  # (most verbs: the lexicon is not asked)
            event = self.onto.lookup_event(v.lemma_.lower(), "", "", generic=False)
            if event is None or self.onto.relations[event[0]].plover != "THREATEN":
                # a reported reprisal on a condition is a threat too: 'said his country would
                # defend itself if Ethiopia goes ahead with it', 'said it would impose tariffs if ...'
                held = {cond.head.i for cond in conditions}
                if v.lemma_.lower() not in self.cue.get("speech", ()) or not any(
                        c.dep_ == "ccomp" and c.i in held and self._reprisal(c) for c in self.kids(v)):
                    continue
                event = self.onto.lookup_event("threaten", "", "", generic=False)
                if event is None:
                    continue
            subj_toks, inherited = self.subject_tokens(v)
            speakers = [a for t in subj_toks for a in self.actors_of(t)]
            for c in conditions:
                for o in (a for t in self.kids(c) if t.dep_ in ("nsubj", "nsubjpass") for a in self.actors_of(t)):
                    for s in speakers:
                        yield Candidate(s, event[0], self.surface(v), v.lemma_.lower(), o, self.is_negated(v),
                                        "speech_act", inherited, self.modality(v), event[1], self.is_hypothetical(v))

    def _reprisal(self, clause: Token) -> bool:
        """Whether a reported clause promises a reprisal: a future or conditional auxiliary with a
        hostile act or a word of reprisal ('would defend itself', 'will impose tariffs')."""
        future = self.cue.get("future", frozenset()) | self.cue.get("conditional_aux", frozenset()) | {"would"}
        if not any(c.dep_ == "aux" and c.lower_ in future for c in self.kids(clause)):
            return False
        if clause.lemma_.lower() in self.cue.get("reprisal", ()) | self.cue.get("retribution", ()):
            return True
        event = self.onto.lookup_event(self.verb_lemma(clause), "", "", generic=False)
        return event is not None and self.onto.relations[event[0]].quad == "MaterialConflict"

    def clause_rule(self, sent: list[Token]) -> Iterator[Candidate]:
        """Last back-off: the main clause's subject state -> each other state its clause governs,
        at any depth, in a sentence no other rule found anything in ('Turkey has refused to
        commit to any direct assistance to the US-led war against Iraq' -> Turkey, the US). A
        report's states are related to its speaker too ('Afghanistan said Pakistani helicopters
        bombarded ...': event coders code such reports as accusations)."""
        # 'is', 'has', 'needs' relate nothing by themselves; a speaker ('X said ...') often does
        quiet = ((self.cue.get("generic_stop", frozenset()) | self.cue.get("modality", frozenset()))
                 - self.cue.get("speech", frozenset()))
        for v in sent:
            if v.dep_ != "ROOT" or v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() in quiet:
                continue
            subj_toks, _ = self.subject_tokens(v)
            subjects = [a for t in subj_toks for a in self.actors_of(t) if a.actor.country]
            if not subjects:
                continue
            inside = {t.i for t in subj_toks for t in t.subtree}  # the subject's own phrase
            # the clause's verb names the event when the lexicon or the CAMEO dictionary types it
            event = self.label_event(v) or (None if self.asserts(v) else
                                            self.onto.lookup_event(self.verb_lemma(v), "", "", generic=False))
            if any(self.expels(v, self.verb_lemma(v), c) for c in self.kids(v) if c.dep_ == "dobj"):
                # 'ordered the two diplomats out of the country in retaliation for ... Congo'
                event = self.onto.lookup_event(*EXPULSION, "", generic=False) or event
            relation, cameo = event if event is not None and self.onto.relations[event[0]].plover else \
                ("relatedTo", None)
            accused = self._accused(v)
            seen: set[str] = set()
            for t in v.subtree:
                m = self.mentions.get(t.i)
                if t.i in inside or m is None or m.start != t.i or not m.actor.country or (
                        m.demonym and t.pos_ == "ADJ" and t.head.pos_ not in ("NOUN", "PROPN")):
                    continue
                if m.place or (t.dep_ == "pobj" and t.head.lower_ in self.cue.get("locative", ())) or any(
                        a.dep_ in ("relcl", "parataxis") or a.lower_ in self.cue.get("source", ())
                        for a in t.ancestors if a.i != v.i and a.i > v.i):
                    continue  # a place ('deployed troops in Iraq'), another clause's business, or a source
                    # ('according to Britain')
                if m.actor.key in seen:
                    continue
                seen.add(m.actor.key)
                own = self._own_act(v, t) if relation == "relatedTo" else None
                for s in subjects:
                    if two_states(s, Arg(m.actor, m.linked_by)):
                        typed = ("accuses", None) if t.i in accused and relation == "relatedTo" else (relation, cameo)
                        if own is not None:  # 'China announced it will impose duties on US goods'
                            typed = own
                        yield Candidate(s, typed[0], self.surface(v), self.verb_lemma(v), Arg(m.actor, m.linked_by),
                                        self.is_negated(v), "clause", False, self.modality(v), typed[1],
                                        self.is_hypothetical(v))

    def _own_act(self, v: Token, t: Token) -> tuple[str, str | None] | None:
        """(relation, CAMEO code) of the act a speaker reports of itself that reaches ``t``: in
        'China announced that it will impose duties on US goods' or 'the Israeli military said
        it had attacked targets of the Syrian regime' the report's verb, whose subject is the
        speaker ('it', 'they', none), names the speaker's own act. A denied act ('will not
        accept') stays untyped: what the denial amounts to is the analyst's call."""
        if v.lemma_.lower() not in self.cue.get("speech", ()):
            return None
        path = [a for a in t.ancestors if a.i != v.i and v in a.ancestors]
        clause = next((a for a in path if a.head.i == v.i and a.dep_ == "ccomp"), None)
        if clause is None:
            return None
        subjects = [c for c in self.kids(clause) if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(c.pos_ != "PRON" for c in subjects):
            return None  # another's act: an accusation, if harmful (see _accused)
        chain = [clause, *(a for a in path if a.dep_ in ("xcomp", "conj") and clause in a.ancestors)]
        for a in (a for a in chain if a.pos_ == "VERB" and not self.is_passive(a)):
            for event in self.verb_events(a):
                if self.onto.relations[event[0]].plover:
                    return None if self.is_negated(a) else (event[0], event[1])
        return None

    def _accused(self, v: Token) -> set[int]:
        """Tokens of the subjects a speaker reports doing harm: in 'Afghanistan said Pakistani
        helicopters bombarded a border district' or "Baku said Armenia's offensive was repelled"
        the report is an accusation of Pakistan, of Armenia (event coders code it so)."""
        if v.lemma_.lower() not in self.cue.get("speech", ()):
            return set()
        found: set[int] = set()
        for clause in (c for c in self.kids(v) if c.dep_ == "ccomp"):
            if self.is_negated(clause):
                continue
            # 'bombarded a district', 'opened fire on dwellings' (the act is the verb with its noun)
            harmful = any(self.onto.relations[e[0]].quad == "MaterialConflict" for e in self.verb_events(clause))
            for subj in (c for c in self.kids(clause) if c.dep_ in ("nsubj", "nsubjpass")):
                nominal = self.onto.nominals.get(subj.lemma_.lower())
                if subj.dep_ == "nsubj" and harmful or (
                        nominal is not None and self.onto.relations[nominal[0]].quad == "MaterialConflict"):
                    found.update(t.i for t in subj.subtree)
        return found

"""Predicates: a verb's logical subject and object slots, its negation, modality and surface words."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from graphbuild.extract.records import RELATIVE_PRONOUNS


class Predicates:
    """Reads a verb's slots from the parse; mixed into the rules."""

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

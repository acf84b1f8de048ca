"""References: group nouns ('the two sides') and pronouns resolved to the actors they stand for."""

from __future__ import annotations

from spacy.tokens import Token

from graphbuild.extract.records import Arg


class References:
    """Resolves group nouns and pronouns; mixed into the rules."""

    def group_reference(self, tok: Token) -> list[Arg]:
        """'the two sides', 'both countries', 'the parties' -> the document's main dyad."""
        if self.dyad is None or tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in self.cue.get("dyad", ()):
            return []
        words = {c.lower_ for c in self.kids(tok) if c.dep_ in ("nummod", "det", "predet", "amod", "preconj")}
        if "two" in words or "both" in words or (tok.lemma_.lower() in self.cue.get("dyad_the", ()) and "the" in words):
            # 'the two sides', 'both countries'; 'the parties', 'the Andean neighbours' alone
            return [Arg(a, "dyad") for a in self.dyad]
        return []

    def pronoun(self, tok: Token) -> list[Arg]:
        """'it/its' -> the one state or organisation in reach; 'they/their' -> the one coordinated
        group in reach. Reach is the sentence so far, then the previous sentence; when
        candidates are in reach but ambiguous, the pronoun resolves to nothing."""
        word = tok.lower_
        if word in self.cue.get("pronoun_speaker", ()):
            return self.speaker_pronoun(tok)
        if word in self.cue.get("pronoun_person", ()):
            return self.person_pronoun(tok)
        singular = word in self.cue.get("pronoun_singular", ())
        if not singular and word not in self.cue.get("pronoun_plural", ()):
            return []
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return []  # an object 'it'/'them' refers to things far more often than to actors
        for lo, hi in self._reach(tok):
            found = [self.mentions[i] for i in self._starts if lo <= i < hi]
            found = [m for m in found if not m.demonym and m.actor.type in ("State", "Organization", "GovernmentBody")]
            if not found and (singular or not any(t.tag_ in ("NNS", "NNPS") for t in tok.doc[lo:hi])):
                continue
            if singular:
                keys = {m.actor.key for m in found}
                if len(keys) > 1 and len({m.actor.country for m in found}) == 1 and found[0].actor.country:
                    # one state and its own bodies ("Serbia's Foreign Ministry said it ..."): the
                    # state, which they all act for, is no ambiguity
                    return [Arg(self.onto.actors.get(found[0].actor.country, found[0].actor), "pronoun")]
                return [Arg(found[0].actor, "pronoun")] if len(keys) == 1 else []
            groups = []
            for m in found:
                head = tok.doc[m.start]
                members = [self.mentions[c.i] for c in head.conjuncts if c.i in self.mentions]
                if head.dep_ != "conj" and members:
                    groups.append([m.actor, *(x.actor for x in members)])
            # a plural subject that stands for one actor: 'Palestinian leaders said they would ...'
            for t in tok.doc[lo:hi]:
                if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and t.i not in self.mentions:
                    actors = [a.actor for a in self.actors_of(t, depth=2)]
                    if actors:
                        groups.append(actors)
            return [Arg(a, "pronoun") for a in groups[0]] if len(groups) == 1 else []
        return []

    def definite_reference(self, tok: Token, depth: int) -> list[Arg]:
        """'the spokesperson', 'the ministry', 'the minister': a definite role or agent noun with no
        owner of its own is the one named earlier with that noun ("China's Foreign Ministry
        spokesperson ... The spokesperson urged the US"), looking back through its sentence and the
        two before it, nearest first; nothing when that one names no actor or several states."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in self.kids(tok)):
            return []
        lemma = tok.lemma_.lower()
        first = tok.sent.start
        for _ in range(2):
            if first > 0:
                first = tok.doc[first - 1].sent.start
        for t in reversed(tok.doc[first:tok.i]):
            if t.lemma_.lower() != lemma or t.pos_ != tok.pos_:
                continue
            found = [a for a in self.actors_of(t, depth=depth + 1) if a.actor.country]
            if not found:
                continue  # an earlier bare mention: look further back
            if len({a.actor.country for a in found}) == 1:
                return [Arg(a.actor, "coref") for a in found]
            return []
        return []

    def speaker_pronoun(self, tok: Token) -> list[Arg]:
        """'I', 'we', 'our' in reported words are their speaker: '"Today I declare the ambassador
        persona non grata," Morales said' -> Morales; nothing outside a report."""
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return []
        for t in tok.ancestors:
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in self.cue.get("speech", ()):
                return [Arg(a.actor, "pronoun") for s in self.subject_tokens(t.head)[0]
                        for a in self.actors_of(s) if s.i != tok.i]
        return []

    def person_pronoun(self, tok: Token) -> list[Arg]:
        """'he/she/his/her' -> the one person in reach (the sentence so far, then the previous
        sentence): 'the prime minister said she would not ...'; nothing when two persons compete."""
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return []
        for lo, hi in self._reach(tok):
            found = {self.mentions[i].actor.key: self.mentions[i] for i in self._starts
                     if lo <= i < hi and self.mentions[i].actor.type == "Person"}
            if found:
                return [Arg(next(iter(found.values())).actor, "pronoun")] if len(found) == 1 else []
        return []

    @staticmethod
    def _reach(tok: Token) -> list[tuple[int, int]]:
        """Where a pronoun looks for its antecedent, nearest first: its sentence up to it, then
        the previous sentence."""
        sent = tok.sent
        spans = [(sent.start, tok.i)]
        if sent.start > 0:
            prev = tok.doc[sent.start - 1].sent
            spans.append((prev.start, prev.end))
        return spans

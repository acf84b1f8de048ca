"""Arguments: the actors a noun phrase stands for (its head, a modifier, an apposition, a title)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graphbuild.extract.records import HYPHENS, MODIFIER_DEPS, Arg


class Arguments:
    """Resolves argument tokens to actors; mixed into the rules, which hold the document's mentions."""

    def actors_of(self, tok: Token, *, depth: int = 0) -> list[Arg]:
        """Actors a noun-phrase head stands for, with its coordinated heads ('China and Russia').

        Memoised per token and depth for the document: every rule asks about the same heads."""
        key = (tok.i, depth)
        found = self._actor_cache.get(key)
        if found is None:
            found = self._actor_cache[key] = self._resolve_actors(tok, depth)
        return list(found)

    def _resolve_actors(self, tok: Token, depth: int) -> list[Arg]:
        group = (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,)
        # a coordination the small model read as a modifier: in 'U.S. Secretary of State Rex Tillerson
        # and Chinese Foreign Minister Wang Yi held talks' Tillerson hangs from Yi, with the 'and'
        group += tuple(c for c in self.kids(tok) if c.dep_ in ("nmod", "compound", "appos") and c.i in self.mentions
                       and any(g.dep_ == "cc" and g.lower_ == "and" for g in self.kids(c)))
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
        bare = [t for t in group if t.i in self.mentions and any(c.dep_ == "case" for c in self.kids(t))]
        if not bare:
            return ""
        for t in group:
            kind, sector = self.onto.proxies.get(t.lemma_.lower(), ("", ""))
            if kind == "role" and sector and any(c.dep_ == "poss" for c in self.kids(t)):
                return sector
        return ""

    def _actors_of_one(self, tok: Token, depth: int) -> list[Arg]:
        m = self.mentions.get(tok.i)
        if m is not None:
            # A bare adjectival demonym ('Chinese' in 'Chinese interests') names no actor by itself.
            if m.demonym and tok.pos_ == "ADJ":
                return []
            # a city acts for no state ('Kharkiv said' is its mayor); a capital does ('Beijing said')
            if m.place == "city" and tok.dep_ in ("nsubj", "poss"):
                return []
            if not m.actor.linked and m.actor.type != "Person" and \
                    self.onto.proxies.get(tok.lemma_.lower(), ("", ""))[0] == "role":
                # a name the NER made of a role noun ('the Government of' in 'the Government of
                # Mexico') is that role of its owner when it has one
                owned = self._actors_of_noun(tok, depth)
                if owned:
                    return owned
            return [Arg(m.actor, m.linked_by)]
        return self._actors_of_noun(tok, depth)

    def _actors_of_noun(self, tok: Token, depth: int) -> list[Arg]:
        """Actors a head that names none itself stands for: a pronoun, a group, an apposition,
        an event noun's possessor, a role, aspect or agent noun's owner."""
        if depth > 2:
            return []
        if tok.pos_ == "PRON":
            return self.pronoun(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        # apposition, with its coordinated names: 'the head of the Office ..., Li Zhanshu', 'its
        # regional allies, Burkina Faso and Niger'
        for child in self.kids(tok):
            if child.dep_ == "appos" and child.i in self.mentions:
                return [Arg(self.mentions[t.i].actor, self.mentions[t.i].linked_by)
                        for t in (child, *child.conjuncts) if t.i in self.mentions]
        group = self.group_reference(tok)
        if group:
            return group
        if tok.lemma_.lower() in self.onto.nominals:
            # an event noun stands for its possessor: 'condemned Russia's invasion' -> Russia
            owners = [a for c in self.kids(tok) if c.dep_ == "poss" for a in self.actors_of(c, depth=depth + 1)]
            if owners:
                return [Arg(a.actor, "event") for a in owners]
            # or else, as any noun does, for an actor modifier: 'agreed to US mediation' -> the US
            modifiers = [a for c in self.kids(tok) if c.dep_ in MODIFIER_DEPS and c.i < tok.i
                         for a in self._modifier_actors(c)]
            if modifiers:
                return [Arg(a.actor, "modifier") for a in modifiers]
        kind, sector = self.onto.proxies.get(tok.lemma_.lower(), ("", ""))
        if kind in ("role", "aspect"):
            # role or aspect noun: 'the Russian government', "Russia's interests", 'integrity of Ukraine'
            owners = self._owners(tok, depth) or self.definite_reference(tok, depth)
            # a role noun of a state names that state's sector: 'Hungarian officials' -> Hungary (government)
            return [Arg(self.onto.sector_actor(a.actor, sector) if sector and a.actor.type == "State" else a.actor,
                        "proxy") for a in owners]
        if kind == "with":
            # relationship noun: 'its partnership with the U.S.' stands for the partner
            return [Arg(a.actor, "proxy") for c in self.kids(tok) if c.dep_ == "prep" and c.lower_ == "with"
                    for p in self.kids(c) if p.dep_ == "pobj" for a in self.actors_of(p, depth=depth + 1)]
        if kind == "none" or tok.lemma_.lower() in self.onto.nominals or (
                tok.pos_ != "NOUN" and tok.lemma_.lower() not in self.onto.agents
                and tok.lemma_.lower() not in self.cue.get("envoy", ())):
            # names no actor ('Chinese food'), an unknown name, or an event (the nominal rule's);
            # a capitalised title is an agent noun all the same ("India's Deputy High Commissioner")
            return []
        # a person, group, military or vehicle noun with a state or actor modifier stands for it:
        # 'Dutch peacekeepers', 'a group of Nigerian diplomats', 'Turkish drones'; an agent noun
        # names the state's sector. Any other noun does so only as a verb's object or the target of
        # a directed preposition ('demolished Palestinian homes', 'tariffs on Chinese goods').
        lemma = tok.lemma_.lower()
        sector = self.onto.agents.get(lemma) or self.onto.agents.get(tok.lower_)
        loose = tok.dep_ in ("dobj", "nsubjpass", "appos") or (
            tok.dep_ == "pobj" and tok.head.lower_ in (*self.cue.get("target_prep", ()), "of"))
        # 'Israeli army bulldozers': a compound agent noun stands in for its head
        for c in self.kids(tok):
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in self.onto.agents:
                found = self.actors_of(c, depth=depth + 1)
                if found:
                    return found
        if not sector and not loose and lemma not in self.cue.get("agent_noun", ()):
            return []
        owners = self._owners(tok, depth)
        if not owners and sector:
            return self.definite_reference(tok, depth)  # 'the spokesperson' named earlier
        # a person owns what it says or does as an object ("welcomed Reagan's statement"), not an agent
        return [Arg(self.onto.sector_actor(a.actor, sector) if sector and a.actor.type == "State" else a.actor,
                    "proxy" if sector else "modifier") for a in owners if a.actor.type != "Person" or loose]

    def _owners(self, tok: Token, depth: int) -> list[Arg]:
        """Who a role or aspect noun belongs to: a modifier ('Russian', "Russia's", 'U.S.') or an of-phrase."""
        # a named owner before a pronoun: 'his Azerbaijani counterpart' is Azerbaijan's
        regional: list[Arg] = []
        for child in sorted(self.kids(tok), key=lambda c: c.pos_ == "PRON"):
            if child.dep_ in ("poss", *MODIFIER_DEPS):
                # "Russia's and China's governments": every coordinated owner; a place as a compound
                # ('the Nile dam', 'Kabul airport') owns nothing
                owners = [Arg(self.mentions[t.i].actor, "proxy") for t in self.coordinated(child)
                          if t.i in self.mentions and not (self.mentions[t.i].place and t.dep_ == "compound")]
                found = owners or self.actors_of(child, depth=depth + 1)
                if found and all(a.actor.type == "Region" for a in found):
                    regional = regional or found  # 'the African country of Mauritania': the of-phrase names it
                elif found:
                    return found
        agent = tok.lemma_.lower() in self.onto.agents or tok.lemma_.lower() in self.cue.get("agent_noun", ())
        for child in self.kids(tok):
            # 'the integrity of Ukraine', 'the ultimatum from Washington'; an agent noun is also
            # owned by the state it is in: 'security forces in Guinea'
            if child.dep_ == "prep" and (child.lower_ in ("of", "from") or (agent and child.lower_ == "in")):
                found = [a for p in self.kids(child) if p.dep_ == "pobj" for a in self.actors_of(p, depth=depth + 1)]
                if found and (child.lower_ != "in" or all(a.actor.type == "State" for a in found)):
                    return found
            elif child.dep_ == "acl" and child.lemma_.lower() in self.cue.get("origin", ()):
                # goods and where they come from: 'wine imported from Australia', 'steel made in China'
                found = self.prep_actors(child, ("from", "in"), depth + 1)
                if found and all(a.actor.type == "State" for a in found):
                    return found
        return regional

    def subject_actors(self, v: Token) -> list[Arg]:
        """The actors a verb's (logical) subject stands for."""
        return [a for t in self.subject_tokens(v)[0] for a in self.actors_of(t)]

    def prep_actors(self, tok: Token, preps: Iterable[str], depth: int = 0) -> list[Arg]:
        """The actors of ``tok``'s prepositional phrases headed by one of ``preps``."""
        return [a for p in self.kids(tok) if p.dep_ == "prep" and p.lower_ in preps
                for g in self.kids(p) if g.dep_ == "pobj" for a in self.actors_of(g, depth=depth)]

    def agents_of(self, tok: Token) -> list[Arg]:
        """Who did what an act noun names: its possessor ("India's firing"), its by-phrase ('the
        firing by Indian troops') or an actor modifier ('Indian shelling')."""
        found: list[Arg] = []
        for c in self.kids(tok):
            if c.dep_ == "poss":
                found += self.actors_of(c)
            elif c.dep_ in MODIFIER_DEPS and c.i < tok.i:
                found += self._modifier_actors(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                found += [a for g in self.kids(c) if g.dep_ == "pobj" for a in self.actors_of(g)]
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # the agent of a participle: 'tariffs imposed by China', 'the strike carried out by Israel'
                found += [a for g in self.kids(c) if g.dep_ == "agent" for p in self.kids(g) if p.dep_ == "pobj"
                          for a in self.actors_of(p)]
        return found

    def coordinated(self, tok: Token) -> tuple[Token, ...]:
        """A modifier with its conjuncts and the modifier a hyphen joins to it ('a Sudanese-Egyptian
        proposal', 'US–Russian talks': both states own the noun)."""
        joined = tuple(c for c in self.kids(tok) if c.dep_ in MODIFIER_DEPS and c.i == tok.i - 2
                       and tok.doc[c.i + 1].text in HYPHENS)
        return (tok, *tok.conjuncts, *joined)

    def _modifier_actors(self, tok: Token) -> list[Arg]:
        """Actors named by a modifier, demonyms included ('Sino', 'Russian', 'US'), with its conjuncts."""
        out = []
        for t in self.coordinated(tok):
            m = self.mentions.get(t.i)
            if m is not None and m.actor.type != "Person":
                out.append(Arg(m.actor, m.linked_by))
            elif m is None and t.pos_ == "NOUN" and t.lemma_.lower() in (*self.onto.agents, *self.cue.get("agent_noun", ())):
                out += self.actors_of(t, depth=1)  # 'Ukrainian missile strikes', 'Israeli army raids'
        return out

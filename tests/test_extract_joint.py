"""Joint acts, meeting occasions, opponents named with 'against', appositive groups, cut ties, given
events and hostile measures, on hand-built Docs."""

from __future__ import annotations

import pytest

from graphbuild.extract import Extractor
from graphbuild.types import Document

DOC = Document(id="t", text="", source="t", sha256="0" * 64)


def statements(onto, doc):
    return {(t.subject.key, t.relation, t.object.key, t.negated, t.hypothetical) for t in Extractor(onto).extract(doc, DOC)}


def both_ways(a, relation, b):
    return {(a, relation, b, False, False), (b, relation, a, False, False)}


# token rows (word, head, dep, pos, tag, lemma); entities (start, end, label, key);
# expected (subject, relation, object, negated, hypothetical)
CASES = {
    # a verb that takes its partner with 'with' in a meeting or an agreement relates its
    # co-subjects whatever its object
    "co-subjects of a joint act: 'Russia and Turkey discussed grain exports'": (
        [("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Turkey", 0, "conj", "PROPN", "NNP", "Turkey"), ("discussed", 3, "ROOT", "VERB", "VBD", "discuss"),
         ("grain", 5, "compound", "NOUN", "NN", "grain"), ("exports", 3, "dobj", "NOUN", "NNS", "export")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "TUR")],
        both_ways("RUS", "meetsWith", "TUR"),
    ),
    "co-subjects of a signing: 'Ethiopia and Eritrea signed a declaration'": (
        [("Ethiopia", 3, "nsubj", "PROPN", "NNP", "Ethiopia"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Eritrea", 0, "conj", "PROPN", "NNP", "Eritrea"), ("signed", 3, "ROOT", "VERB", "VBD", "sign"),
         ("a", 5, "det", "DET", "DT", "a"), ("declaration", 3, "dobj", "NOUN", "NN", "declaration")],
        [(0, 1, "GPE", "ETH"), (2, 3, "GPE", "ERI")],
        both_ways("ETH", "agreesWith", "ERI"),
    ),
    # working 'with' someone is cooperation, but two subjects that work on something need not
    # work together: no joint act, only the clause back-off's untyped link
    "co-subjects of a verb that is no joint act: 'Russia and Turkey worked on exports'": (
        [("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Turkey", 0, "conj", "PROPN", "NNP", "Turkey"), ("worked", 3, "ROOT", "VERB", "VBD", "work"),
         ("on", 3, "prep", "ADP", "IN", "on"), ("exports", 4, "pobj", "NOUN", "NNS", "export")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "TUR")],
        set(),
    ),
    # a reciprocal verb over an event noun: the noun's relation, both ways
    "reciprocal verb over an event noun: 'Armenia and Azerbaijan traded accusations'": (
        [("Armenia", 3, "nsubj", "PROPN", "NNP", "Armenia"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Azerbaijan", 0, "conj", "PROPN", "NNP", "Azerbaijan"), ("traded", 3, "ROOT", "VERB", "VBD", "trade"),
         ("accusations", 3, "dobj", "NOUN", "NNS", "accusation")],
        [(0, 1, "GPE", "ARM"), (2, 3, "GPE", "AZE")],
        both_ways("ARM", "ploverAccuse", "AZE"),
    ),
    # a meeting in an adjunct: the clause's subject takes part in it
    "meeting occasion: 'France discussed the war in a call with Germany'": (
        [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("discussed", 1, "ROOT", "VERB", "VBD", "discuss"),
         ("the", 3, "det", "DET", "DT", "the"), ("war", 1, "dobj", "NOUN", "NN", "war"),
         ("in", 1, "prep", "ADP", "IN", "in"), ("a", 6, "det", "DET", "DT", "a"),
         ("call", 4, "pobj", "NOUN", "NN", "call"), ("with", 6, "prep", "ADP", "IN", "with"),
         ("Germany", 7, "pobj", "PROPN", "NNP", "Germany")],
        [(0, 1, "GPE", "FRA"), (8, 9, "GPE", "DEU")],
        both_ways("FRA", "meetsWith", "DEU"),
    ),
    "meeting occasion: 'the US raised concerns during talks with China'": (
        [("the", 1, "det", "DET", "DT", "the"), ("US", 2, "nsubj", "PROPN", "NNP", "US"),
         ("raised", 2, "ROOT", "VERB", "VBD", "raise"), ("concerns", 2, "dobj", "NOUN", "NNS", "concern"),
         ("during", 2, "prep", "ADP", "IN", "during"), ("talks", 4, "pobj", "NOUN", "NNS", "talk"),
         ("with", 5, "prep", "ADP", "IN", "with"), ("China", 6, "pobj", "PROPN", "NNP", "China")],
        [(1, 2, "GPE", "USA"), (7, 8, "GPE", "CHN")],
        both_ways("USA", "meetsWith", "CHN"),
    ),
    # a meeting still to come is no occasion the subject took part in: only the clause
    # back-off's untyped link
    "no occasion: 'the US raised concerns before talks with China'": (
        [("the", 1, "det", "DET", "DT", "the"), ("US", 2, "nsubj", "PROPN", "NNP", "US"),
         ("raised", 2, "ROOT", "VERB", "VBD", "raise"), ("concerns", 2, "dobj", "NOUN", "NNS", "concern"),
         ("before", 2, "prep", "ADP", "IN", "before"), ("talks", 4, "pobj", "NOUN", "NNS", "talk"),
         ("with", 5, "prep", "ADP", "IN", "with"), ("China", 6, "pobj", "PROPN", "NNP", "China")],
        [(1, 2, "GPE", "USA"), (7, 8, "GPE", "CHN")],
        {("USA", "relatedTo", "CHN", False, False)},
    ),
    "co-subjects meet in their meeting: 'Japan and Vietnam agreed during their talks'": (
        [("Japan", 3, "nsubj", "PROPN", "NNP", "Japan"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Vietnam", 0, "conj", "PROPN", "NNP", "Vietnam"), ("agreed", 3, "ROOT", "VERB", "VBD", "agree"),
         ("during", 3, "prep", "ADP", "IN", "during"), ("their", 6, "poss", "PRON", "PRP$", "their"),
         ("talks", 4, "pobj", "NOUN", "NNS", "talk")],
        [(0, 1, "GPE", "JPN"), (2, 3, "GPE", "VNM")],
        both_ways("JPN", "agreesWith", "VNM") | both_ways("JPN", "meetsWith", "VNM"),
    ),
    "parties of a symmetric event noun: 'talks by Kenya and China ended'": (
        [("talks", 5, "nsubj", "NOUN", "NNS", "talk"), ("by", 0, "prep", "ADP", "IN", "by"),
         ("Kenya", 1, "pobj", "PROPN", "NNP", "Kenya"), ("and", 2, "cc", "CCONJ", "CC", "and"),
         ("China", 2, "conj", "PROPN", "NNP", "China"), ("ended", 5, "ROOT", "VERB", "VBD", "end")],
        [(2, 3, "GPE", "KEN"), (4, 5, "GPE", "CHN")],
        both_ways("KEN", "meetsWith", "CHN"),
    ),
    # a joint act a participle names between two parties
    "participle between two parties: 'a memorandum signed between Pakistan and Qatar'": (
        [("a", 1, "det", "DET", "DT", "a"), ("memorandum", 1, "ROOT", "NOUN", "NN", "memorandum"),
         ("signed", 1, "acl", "VERB", "VBN", "sign"), ("between", 2, "prep", "ADP", "IN", "between"),
         ("Pakistan", 3, "pobj", "PROPN", "NNP", "Pakistan"), ("and", 4, "cc", "CCONJ", "CC", "and"),
         ("Qatar", 4, "conj", "PROPN", "NNP", "Qatar")],
        [(4, 5, "GPE", "PAK"), (6, 7, "GPE", "QAT")],
        both_ways("PAK", "agreesWith", "QAT"),
    ),
    # 'against' names the opponent of any hostile event noun
    "opponent of a hostile noun: 'Azerbaijan launched shelling against Armenia'": (
        [("Azerbaijan", 1, "nsubj", "PROPN", "NNP", "Azerbaijan"), ("launched", 1, "ROOT", "VERB", "VBD", "launch"),
         ("shelling", 1, "dobj", "NOUN", "NN", "shelling"), ("against", 1, "prep", "ADP", "IN", "against"),
         ("Armenia", 3, "pobj", "PROPN", "NNP", "Armenia")],
        [(0, 1, "GPE", "AZE"), (4, 5, "GPE", "ARM")],
        {("AZE", "attacks", "ARM", False, False)},
    ),
    "opponent of a verbal conflict noun: 'Chinese criticism against Japan'": (
        [("Chinese", 1, "amod", "ADJ", "JJ", "chinese"), ("criticism", 1, "ROOT", "NOUN", "NN", "criticism"),
         ("against", 1, "prep", "ADP", "IN", "against"), ("Japan", 2, "pobj", "PROPN", "NNP", "Japan")],
        [(0, 1, "NORP", "CHN"), (3, 4, "GPE", "JPN")],
        {("CHN", "criticizes", "JPN", False, False)},
    ),
    # a second speech act the parser hung on the report belongs to the speaker, when the
    # report's subject is no actor
    "speech act hung on a report: 'India said the clash happened and accused China'": (
        [("India", 1, "nsubj", "PROPN", "NNP", "India"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
         ("the", 3, "det", "DET", "DT", "the"), ("clash", 4, "nsubj", "NOUN", "NN", "clash"),
         ("happened", 1, "ccomp", "VERB", "VBD", "happen"), ("and", 4, "cc", "CCONJ", "CC", "and"),
         ("accused", 4, "conj", "VERB", "VBD", "accuse"), ("China", 6, "dobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "IND"), (7, 8, "GPE", "CHN")],
        {("IND", "accuses", "CHN", False, False)},
    ),
    "speech act hung on an allegation: 'Canada alleged the ship overfished and accused Spain'": (
        [("Canada", 1, "nsubj", "PROPN", "NNP", "Canada"), ("alleged", 1, "ROOT", "VERB", "VBD", "allege"),
         ("the", 3, "det", "DET", "DT", "the"), ("ship", 4, "nsubj", "NOUN", "NN", "ship"),
         ("overfished", 1, "ccomp", "VERB", "VBD", "overfish"), ("and", 4, "cc", "CCONJ", "CC", "and"),
         ("accused", 4, "conj", "VERB", "VBD", "accuse"), ("Spain", 6, "dobj", "PROPN", "NNP", "Spain")],
        [(0, 1, "GPE", "CAN"), (7, 8, "GPE", "ESP")],
        {("CAN", "accuses", "ESP", False, False)},
    ),
    # ... but not when the report's subject is an actor that may have spoken
    "speech act of the report's subject: 'India said Pakistan attacked and accused China'": (
        [("India", 1, "nsubj", "PROPN", "NNP", "India"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
         ("Pakistan", 3, "nsubj", "PROPN", "NNP", "Pakistan"), ("attacked", 1, "ccomp", "VERB", "VBD", "attack"),
         ("and", 3, "cc", "CCONJ", "CC", "and"), ("accused", 3, "conj", "VERB", "VBD", "accuse"),
         ("China", 5, "dobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "IND"), (2, 3, "GPE", "PAK"), (6, 7, "GPE", "CHN")],
        {("PAK", "accuses", "CHN", False, False), ("IND", "accuses", "PAK", False, False)},
    ),
    # a verb of saying alone is a statement, whatever else the dictionary files it under
    "a verb of saying is no event: 'Australia added that Fiji isolates itself'": (
        [("Australia", 1, "nsubj", "PROPN", "NNP", "Australia"), ("added", 1, "ROOT", "VERB", "VBD", "add"),
         ("that", 4, "mark", "SCONJ", "IN", "that"), ("Fiji", 4, "nsubj", "PROPN", "NNP", "Fiji"),
         ("isolates", 1, "ccomp", "VERB", "VBZ", "isolate"), ("itself", 4, "dobj", "PRON", "PRP", "itself")],
        [(0, 1, "GPE", "AUS"), (3, 4, "GPE", "FJI")],
        {("AUS", "relatedTo", "FJI", False, False)},
    ),
    # the receiver of an event noun a verb carries is the event's target
    "receiver of a carried event: 'Costa Rica sent Nicaragua a complaint'": (
        [("Costa", 1, "compound", "PROPN", "NNP", "Costa"), ("Rica", 2, "nsubj", "PROPN", "NNP", "Rica"),
         ("sent", 2, "ROOT", "VERB", "VBD", "send"), ("Nicaragua", 2, "dative", "PROPN", "NNP", "Nicaragua"),
         ("a", 5, "det", "DET", "DT", "a"), ("complaint", 2, "dobj", "NOUN", "NN", "complaint")],
        [(0, 2, "GPE", "CRI"), (3, 4, "GPE", "NIC")],
        {("CRI", "accuses", "NIC", False, False)},
    ),
    "receiver of a carried compound event: 'Iraq handed Turkey a protest note'": (
        [("Iraq", 1, "nsubj", "PROPN", "NNP", "Iraq"), ("handed", 1, "ROOT", "VERB", "VBD", "hand"),
         ("Turkey", 1, "dative", "PROPN", "NNP", "Turkey"), ("a", 5, "det", "DET", "DT", "a"),
         ("protest", 5, "compound", "NOUN", "NN", "protest"), ("note", 1, "dobj", "NOUN", "NN", "note")],
        [(0, 1, "GPE", "IRQ"), (2, 3, "GPE", "TUR")],
        {("IRQ", "criticizes", "TUR", False, False)},
    ),
    # hostile measures and restrictions on a state, measured out by a partitive
    "partitive of measures: 'the US unveiled a battery of measures against Cuba'": (
        [("the", 1, "det", "DET", "DT", "the"), ("US", 2, "nsubj", "PROPN", "NNP", "US"),
         ("unveiled", 2, "ROOT", "VERB", "VBD", "unveil"), ("a", 4, "det", "DET", "DT", "a"),
         ("battery", 2, "dobj", "NOUN", "NN", "battery"), ("of", 4, "prep", "ADP", "IN", "of"),
         ("measures", 5, "pobj", "NOUN", "NNS", "measure"), ("against", 6, "prep", "ADP", "IN", "against"),
         ("Cuba", 7, "pobj", "PROPN", "NNP", "Cuba")],
        [(1, 2, "GPE", "USA"), (8, 9, "GPE", "CUB")],
        {("USA", "sanctions", "CUB", False, False)},
    ),
    # what a carrier only threatens has not happened
    "threatened event noun: 'France threatened to impose sanctions on Germany'": (
        [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
         ("to", 3, "aux", "PART", "TO", "to"), ("impose", 1, "xcomp", "VERB", "VB", "impose"),
         ("sanctions", 3, "dobj", "NOUN", "NNS", "sanction"), ("on", 4, "prep", "ADP", "IN", "on"),
         ("Germany", 5, "pobj", "PROPN", "NNP", "Germany")],
        [(0, 1, "GPE", "FRA"), (6, 7, "GPE", "DEU")],
        {("FRA", "threatens", "DEU", False, False), ("FRA", "sanctions", "DEU", False, True)},
    ),
    # the actor judged for an act did it
    "judged for an act: 'Russia denounced Britain for attacking Iraq'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("denounced", 1, "ROOT", "VERB", "VBD", "denounce"),
         ("Britain", 1, "dobj", "PROPN", "NNP", "Britain"), ("for", 1, "prep", "ADP", "IN", "for"),
         ("attacking", 3, "pcomp", "VERB", "VBG", "attack"), ("Iraq", 4, "dobj", "PROPN", "NNP", "Iraq")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "GBR"), (5, 6, "GPE", "IRQ")],
        {("RUS", "criticizes", "GBR", False, False), ("GBR", "attacks", "IRQ", False, False)},
    ),
    # ... but a tool used for an act is no doer
    "no judged actor: 'Russia used drones for attacking Ukraine'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("used", 1, "ROOT", "VERB", "VBD", "use"),
         ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("for", 1, "prep", "ADP", "IN", "for"),
         ("attacking", 3, "pcomp", "VERB", "VBG", "attack"), ("Ukraine", 4, "dobj", "PROPN", "NNP", "Ukraine")],
        [(0, 1, "GPE", "RUS"), (5, 6, "GPE", "UKR")],
        {("RUS", "attacks", "UKR", False, False)},
    ),
    # the parser hangs 'from' on the object: the lexicon's 'demand from' claims it for the verb
    "demand from: 'Spain demanded an apology from Argentina'": (
        [("Spain", 1, "nsubj", "PROPN", "NNP", "Spain"), ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
         ("an", 3, "det", "DET", "DT", "an"), ("apology", 1, "dobj", "NOUN", "NN", "apology"),
         ("from", 3, "prep", "ADP", "IN", "from"), ("Argentina", 4, "pobj", "PROPN", "NNP", "Argentina")],
        [(0, 1, "GPE", "ESP"), (5, 6, "GPE", "ARG")],
        {("ESP", "requests", "ARG", False, False)},
    ),
    # an order out of the country expels an envoy (CAMEO 16)
    "order out of the country: 'Russia ordered British diplomats out of the country'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("ordered", 1, "ROOT", "VERB", "VBD", "order"),
         ("British", 3, "amod", "ADJ", "JJ", "british"), ("diplomats", 1, "dobj", "NOUN", "NNS", "diplomat"),
         ("out", 1, "prep", "ADP", "IN", "out"), ("of", 4, "prep", "ADP", "IN", "of"),
         ("the", 7, "det", "DET", "DT", "the"), ("country", 5, "pobj", "NOUN", "NN", "country")],
        [(0, 1, "GPE", "RUS"), (2, 3, "NORP", "GBR")],
        {("RUS", "ploverSanction", "GBR-GOV", False, False)},
    ),
    # an envoy a passive expels without an agent is expelled by the host, never the other way round
    "agentless expulsion: 'Russian diplomats were expelled from Poland'": (
        [("Russian", 1, "amod", "ADJ", "JJ", "russian"), ("diplomats", 3, "nsubjpass", "NOUN", "NNS", "diplomat"),
         ("were", 3, "auxpass", "AUX", "VBD", "be"), ("expelled", 3, "ROOT", "VERB", "VBN", "expel"),
         ("from", 3, "prep", "ADP", "IN", "from"), ("Poland", 4, "pobj", "PROPN", "NNP", "Poland")],
        [(0, 1, "NORP", "RUS"), (5, 6, "GPE", "POL")],
        {("POL", "ploverSanction", "RUS-GOV", False, False)},
    ),
    "agentless deadline: 'the Rwandan ambassador to Congo was given 48 hours to leave'": (
        [("the", 2, "det", "DET", "DT", "the"), ("Rwandan", 2, "amod", "ADJ", "JJ", "rwandan"),
         ("ambassador", 6, "nsubjpass", "NOUN", "NN", "ambassador"), ("to", 2, "prep", "ADP", "IN", "to"),
         ("Congo", 3, "pobj", "PROPN", "NNP", "Congo"), ("was", 6, "auxpass", "AUX", "VBD", "be"),
         ("given", 6, "ROOT", "VERB", "VBN", "give"), ("48", 8, "nummod", "NUM", "CD", "48"),
         ("hours", 6, "dobj", "NOUN", "NNS", "hour"), ("to", 10, "aux", "PART", "TO", "to"),
         ("leave", 8, "relcl", "VERB", "VB", "leave")],
        [(1, 2, "NORP", "RWA"), (4, 5, "GPE", "COD")],
        {("COD", "ploverSanction", "RWA-GOV", False, False)},
    ),
    # a reported reprisal on a condition threatens the condition's subject
    "reported reprisal on a condition: 'Somalia said it would retaliate if Ethiopia attacked'": (
        [("Somalia", 1, "nsubj", "PROPN", "NNP", "Somalia"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
         ("it", 4, "nsubj", "PRON", "PRP", "it"), ("would", 4, "aux", "AUX", "MD", "would"),
         ("retaliate", 1, "ccomp", "VERB", "VB", "retaliate"), ("if", 7, "mark", "SCONJ", "IN", "if"),
         ("Ethiopia", 7, "nsubj", "PROPN", "NNP", "Ethiopia"), ("attacked", 4, "advcl", "VERB", "VBD", "attack")],
        [(0, 1, "GPE", "SOM"), (6, 7, "GPE", "ETH")],
        {("SOM", "threatens", "ETH", False, False)},
    ),
    "receiver of a lexicon pattern's noun: 'Germany granted Ukraine a loan'": (
        [("Germany", 1, "nsubj", "PROPN", "NNP", "Germany"), ("granted", 1, "ROOT", "VERB", "VBD", "grant"),
         ("Ukraine", 1, "dative", "PROPN", "NNP", "Ukraine"), ("a", 4, "det", "DET", "DT", "a"),
         ("loan", 1, "dobj", "NOUN", "NN", "loan")],
        [(0, 1, "GPE", "DEU"), (2, 3, "GPE", "UKR")],
        {("DEU", "lendsTo", "UKR", False, False)},
    ),
    # what one exhorts, implores, encourages or invites another to do has not happened
    "directive complement: 'France exhorted Russia to withdraw from Ukraine'": (
        [("France", 1, "nsubj", "PROPN", "NNP", "France"), ("exhorted", 1, "ROOT", "VERB", "VBD", "exhort"),
         ("Russia", 1, "dobj", "PROPN", "NNP", "Russia"), ("to", 4, "aux", "PART", "TO", "to"),
         ("withdraw", 1, "xcomp", "VERB", "VB", "withdraw"), ("from", 4, "prep", "ADP", "IN", "from"),
         ("Ukraine", 5, "pobj", "PROPN", "NNP", "Ukraine")],
        [(0, 1, "GPE", "FRA"), (2, 3, "GPE", "RUS"), (6, 7, "GPE", "UKR")],
        {("FRA", "ploverRequest", "RUS", False, False), ("RUS", "retreatsFrom", "UKR", False, True)},
    ),
    # a verb of judgement with a pejorative label criticizes
    "pejorative label: 'Venezuela deemed Spain's comments insolent'": (
        [("Venezuela", 1, "nsubj", "PROPN", "NNP", "Venezuela"), ("deemed", 1, "ROOT", "VERB", "VBD", "deem"),
         ("Spain", 4, "poss", "PROPN", "NNP", "Spain"), ("'s", 2, "case", "PART", "POS", "'s"),
         ("comments", 1, "dobj", "NOUN", "NNS", "comment"), ("insolent", 1, "oprd", "ADJ", "JJ", "insolent")],
        [(0, 1, "GPE", "VEN"), (2, 3, "GPE", "ESP")],
        {("VEN", "criticizes", "ESP", False, False)},
    ),
    # what is denied is not asserted
    "denied content: 'Sudan denied that it bombed Chad'": (
        [("Sudan", 1, "nsubj", "PROPN", "NNP", "Sudan"), ("denied", 1, "ROOT", "VERB", "VBD", "deny"),
         ("that", 4, "mark", "SCONJ", "IN", "that"), ("it", 4, "nsubj", "PRON", "PRP", "it"),
         ("bombed", 1, "ccomp", "VERB", "VBD", "bomb"), ("Chad", 4, "dobj", "PROPN", "NNP", "Chad")],
        [(0, 1, "GPE", "SDN"), (5, 6, "GPE", "TCD")],
        {("SDN", "attacks", "TCD", True, False)},
    ),
    "rejected claim: 'Iran rejected claims that it attacked Iraq'": (
        [("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"), ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
         ("claims", 1, "dobj", "NOUN", "NNS", "claim"), ("that", 5, "mark", "SCONJ", "IN", "that"),
         ("it", 5, "nsubj", "PRON", "PRP", "it"), ("attacked", 2, "acl", "VERB", "VBD", "attack"),
         ("Iraq", 5, "dobj", "PROPN", "NNP", "Iraq")],
        [(0, 1, "GPE", "IRN"), (6, 7, "GPE", "IRQ")],
        {("IRN", "attacks", "IRQ", True, False)},
    ),
    "not yet: 'Egypt has yet to recognize Israel'": (
        [("Egypt", 1, "nsubj", "PROPN", "NNP", "Egypt"), ("has", 1, "ROOT", "VERB", "VBZ", "have"),
         ("yet", 1, "advmod", "ADV", "RB", "yet"), ("to", 4, "aux", "PART", "TO", "to"),
         ("recognize", 1, "xcomp", "VERB", "VB", "recognize"), ("Israel", 4, "dobj", "PROPN", "NNP", "Israel")],
        [(0, 1, "GPE", "EGY"), (5, 6, "GPE", "ISR")],
        {("EGY", "recognizes", "ISR", True, False)},
    ),
    # a label that blames its bearer accuses
    "blaming label: 'India held Pakistan responsible'": (
        [("India", 1, "nsubj", "PROPN", "NNP", "India"), ("held", 1, "ROOT", "VERB", "VBD", "hold"),
         ("Pakistan", 1, "dobj", "PROPN", "NNP", "Pakistan"), ("responsible", 1, "advcl", "ADJ", "JJ", "responsible")],
        [(0, 1, "GPE", "IND"), (2, 3, "GPE", "PAK")],
        {("IND", "accuses", "PAK", False, False)},
    ),
    # an envoy whose title the small model lemmatises away is an envoy all the same
    "summoned envoy: 'Turkey summoned the Dutch charge d'affaires'": (
        [("Turkey", 1, "nsubj", "PROPN", "NNP", "Turkey"), ("summoned", 1, "ROOT", "VERB", "VBD", "summon"),
         ("the", 5, "det", "DET", "DT", "the"), ("Dutch", 5, "amod", "ADJ", "JJ", "dutch"),
         ("charge", 5, "compound", "NOUN", "NN", "charge"), ("d'affaires", 1, "dobj", "NOUN", "NN", "d'affaire")],
        [(0, 1, "GPE", "TUR"), (3, 4, "NORP", "NLD")],
        {("TUR", "criticizes", "NLD", False, False)},
    ),
    # a statement with a stateless actor does not silence the last back-off between states
    "back-off beside a stateless actor: 'Japan praised Zorvan Corp, Russia said'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("praised", 5, "ccomp", "VERB", "VBD", "praise"),
         ("Zorvan", 3, "compound", "PROPN", "NNP", "Zorvan"), ("Corp", 1, "dobj", "PROPN", "NNP", "Corp"),
         ("Russia", 5, "nsubj", "PROPN", "NNP", "Russia"), ("said", 5, "ROOT", "VERB", "VBD", "say")],
        [(0, 1, "GPE", "JPN"), (2, 4, "ORG", None), (4, 5, "GPE", "RUS")],
        {("JPN", "praises", "x-organization-zorvan-corp", False, False), ("RUS", "relatedTo", "JPN", False, False)},
    ),
    "avoided act: 'China avoided criticizing Russia'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("avoided", 1, "ROOT", "VERB", "VBD", "avoid"),
         ("criticizing", 1, "xcomp", "VERB", "VBG", "criticize"), ("Russia", 2, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "CHN"), (3, 4, "GPE", "RUS")],
        {("CHN", "criticizes", "RUS", True, False), ("CHN", "relatedTo", "RUS", False, False)},
    ),
    # an apposition names its coordinated states too
    "coordinated apposition: 'its allies, Mali and Niger, recalled envoys from Algeria'": (
        [("its", 1, "poss", "PRON", "PRP$", "its"), ("allies", 7, "nsubj", "NOUN", "NNS", "ally"),
         (",", 1, "punct", "PUNCT", ",", ","), ("Mali", 1, "appos", "PROPN", "NNP", "Mali"),
         ("and", 3, "cc", "CCONJ", "CC", "and"), ("Niger", 3, "conj", "PROPN", "NNP", "Niger"),
         (",", 1, "punct", "PUNCT", ",", ","), ("recalled", 7, "ROOT", "VERB", "VBD", "recall"),
         ("their", 9, "poss", "PRON", "PRP$", "their"), ("ambassadors", 7, "dobj", "NOUN", "NNS", "ambassador"),
         ("from", 7, "prep", "ADP", "IN", "from"), ("Algeria", 10, "pobj", "PROPN", "NNP", "Algeria")],
        [(3, 4, "GPE", "MLI"), (5, 6, "GPE", "NER"), (11, 12, "GPE", "DZA")],
        {("MLI", "ploverSanction", "DZA", False, False), ("NER", "ploverSanction", "DZA", False, False)},
    ),
    # the end of a cooperative tie is a reduction of relations, by the noun's owner or by whoever
    # announces it
    "ending noun: 'Washington announced the suspension of aid to Egypt'": (
        [("Washington", 1, "nsubj", "PROPN", "NNP", "Washington"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
         ("the", 3, "det", "DET", "DT", "the"), ("suspension", 1, "dobj", "NOUN", "NN", "suspension"),
         ("of", 3, "prep", "ADP", "IN", "of"), ("aid", 4, "pobj", "NOUN", "NN", "aid"),
         ("to", 5, "prep", "ADP", "IN", "to"), ("Egypt", 6, "pobj", "PROPN", "NNP", "Egypt")],
        [(0, 1, "GPE", "USA"), (7, 8, "GPE", "EGY")],
        {("USA", "ploverSanction", "EGY", False, False)},
    ),
    "ending noun of a bond: 'Saudi Arabia's severing of ties with Iran'": (
        [("Saudi", 1, "compound", "PROPN", "NNP", "Saudi"), ("Arabia", 3, "poss", "PROPN", "NNP", "Arabia"),
         ("'s", 1, "case", "PART", "POS", "'s"), ("severing", 3, "ROOT", "NOUN", "NN", "severing"),
         ("of", 3, "prep", "ADP", "IN", "of"), ("ties", 4, "pobj", "NOUN", "NNS", "tie"),
         ("with", 5, "prep", "ADP", "IN", "with"), ("Iran", 6, "pobj", "PROPN", "NNP", "Iran")],
        [(0, 2, "GPE", "SAU"), (7, 8, "GPE", "IRN")],
        {("SAU", "ploverSanction", "IRN", False, False)},
    ),
    "negated ending noun: 'Chad did not announce the end of the agreement with France'": (
        [("Chad", 3, "nsubj", "PROPN", "NNP", "Chad"), ("did", 3, "aux", "AUX", "VBD", "do"),
         ("not", 3, "neg", "PART", "RB", "not"), ("announce", 3, "ROOT", "VERB", "VB", "announce"),
         ("the", 5, "det", "DET", "DT", "the"), ("end", 3, "dobj", "NOUN", "NN", "end"),
         ("of", 5, "prep", "ADP", "IN", "of"), ("the", 8, "det", "DET", "DT", "the"),
         ("agreement", 6, "pobj", "NOUN", "NN", "agreement"), ("with", 8, "prep", "ADP", "IN", "with"),
         ("France", 9, "pobj", "PROPN", "NNP", "France")],
        [(0, 1, "GPE", "TCD"), (10, 11, "GPE", "FRA")],
        {("TCD", "ploverSanction", "FRA", True, False)},
    ),
    # an agreement that is ended is no new agreement
    "ending verb: 'Chad ended its agreement with France'": (
        [("Chad", 1, "nsubj", "PROPN", "NNP", "Chad"), ("ended", 1, "ROOT", "VERB", "VBD", "end"),
         ("its", 3, "poss", "PRON", "PRP$", "its"), ("agreement", 1, "dobj", "NOUN", "NN", "agreement"),
         ("with", 3, "prep", "ADP", "IN", "with"), ("France", 4, "pobj", "PROPN", "NNP", "France")],
        [(0, 1, "GPE", "TCD"), (5, 6, "GPE", "FRA")],
        {("TCD", "ploverSanction", "FRA", False, False)},
    ),
    # a visit in a clause's adjunct: the clause's subject is the visitor
    "visit occasion: 'Australia said during a visit to Fiji that ...'": (
        [("Australia", 1, "nsubj", "PROPN", "NNP", "Australia"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
         ("during", 1, "prep", "ADP", "IN", "during"), ("a", 4, "det", "DET", "DT", "a"),
         ("visit", 2, "pobj", "NOUN", "NN", "visit"), ("to", 4, "prep", "ADP", "IN", "to"),
         ("Fiji", 5, "pobj", "PROPN", "NNP", "Fiji")],
        [(0, 1, "GPE", "AUS"), (6, 7, "GPE", "FJI")],
        {("AUS", "visits", "FJI", False, False)},
    ),
    "visit occasion left: 'Modi returned from a visit to China'": (
        [("Modi", 1, "nsubj", "PROPN", "NNP", "Modi"), ("returned", 1, "ROOT", "VERB", "VBD", "return"),
         ("from", 1, "prep", "ADP", "IN", "from"), ("a", 4, "det", "DET", "DT", "a"),
         ("visit", 2, "pobj", "NOUN", "NN", "visit"), ("to", 4, "prep", "ADP", "IN", "to"),
         ("China", 5, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "PERSON", "NARENDRA-MODI"), (6, 7, "GPE", "CHN")],
        {("NARENDRA-MODI", "visits", "CHN", False, False)},
    ),
    # a mediator deals with each side it mediates between; the sides do not meet each other
    "mediation between two sides: 'the UAE mediation between Russia and Ukraine'": (
        [("the", 2, "det", "DET", "DT", "the"), ("UAE", 2, "compound", "PROPN", "NNP", "UAE"),
         ("mediation", 2, "ROOT", "NOUN", "NN", "mediation"), ("between", 2, "prep", "ADP", "IN", "between"),
         ("Russia", 3, "pobj", "PROPN", "NNP", "Russia"), ("and", 4, "cc", "CCONJ", "CC", "and"),
         ("Ukraine", 4, "conj", "PROPN", "NNP", "Ukraine")],
        [(1, 2, "GPE", "ARE"), (4, 5, "GPE", "RUS"), (6, 7, "GPE", "UKR")],
        {("ARE", "meetsWith", "RUS", False, False), ("ARE", "meetsWith", "UKR", False, False)},
    ),
    # an event noun with an actor modifier stands for that actor, as any noun does
    "an event noun's actor modifier: 'Israel agreed to US mediation'": (
        [("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"), ("agreed", 1, "ROOT", "VERB", "VBD", "agree"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("US", 4, "compound", "PROPN", "NNP", "US"),
         ("mediation", 2, "pobj", "NOUN", "NN", "mediation")],
        [(0, 1, "GPE", "ISR"), (3, 4, "GPE", "USA")],
        {("ISR", "agreesWith", "USA", False, False)},
    ),
    # a document carries the act it names: 'a note of protest', 'protest notes'
    "a note of protest: 'Tajikistan handed a note of protest to Kyrgyzstan'": (
        [("Tajikistan", 1, "nsubj", "PROPN", "NNP", "Tajikistan"), ("handed", 1, "ROOT", "VERB", "VBD", "hand"),
         ("a", 3, "det", "DET", "DT", "a"), ("note", 1, "dobj", "NOUN", "NN", "note"),
         ("of", 3, "prep", "ADP", "IN", "of"), ("protest", 4, "pobj", "NOUN", "NN", "protest"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("Kyrgyzstan", 6, "pobj", "PROPN", "NNP", "Kyrgyzstan")],
        [(0, 1, "GPE", "TJK"), (7, 8, "GPE", "KGZ")],
        {("TJK", "criticizes", "KGZ", False, False)},
    ),
    "protest notes: 'Indonesia sent protest notes to Malaysia'": (
        [("Indonesia", 1, "nsubj", "PROPN", "NNP", "Indonesia"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
         ("protest", 3, "compound", "NOUN", "NN", "protest"), ("notes", 1, "dobj", "NOUN", "NNS", "note"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("Malaysia", 4, "pobj", "PROPN", "NNP", "Malaysia")],
        [(0, 1, "GPE", "IDN"), (5, 6, "GPE", "MYS")],
        {("IDN", "criticizes", "MYS", False, False)},
    ),
    # people swapped between states are prisoners released (CAMEO 0841), both ways; a swap the
    # dictionary names itself keeps its own code
    "people swapped are prisoners released: 'Russia and Estonia exchanged two men'": (
        [("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Estonia", 0, "conj", "PROPN", "NNP", "Estonia"), ("exchanged", 3, "ROOT", "VERB", "VBD", "exchange"),
         ("two", 5, "nummod", "NUM", "CD", "two"), ("men", 3, "dobj", "NOUN", "NNS", "man")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "EST")],
        both_ways("RUS", "ploverRetreat", "EST"),
    ),
    "envoys exchanged are no prisoners: 'Russia and China exchanged ambassadors'": (
        [("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("China", 0, "conj", "PROPN", "NNP", "China"), ("exchanged", 3, "ROOT", "VERB", "VBD", "exchange"),
         ("ambassadors", 3, "dobj", "NOUN", "NNS", "ambassador")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "CHN")],
        both_ways("RUS", "ploverSupport", "CHN"),
    ),
    # a response made with an act is the responder's act, its target on the noun or on the verb
    "a response with an act: 'China retaliated with tariffs on American goods'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("retaliated", 1, "ROOT", "VERB", "VBD", "retaliate"),
         ("with", 1, "prep", "ADP", "IN", "with"), ("tariffs", 2, "pobj", "NOUN", "NNS", "tariff"),
         ("on", 3, "prep", "ADP", "IN", "on"), ("American", 6, "amod", "ADJ", "JJ", "american"),
         ("goods", 4, "pobj", "NOUN", "NNS", "good")],
        [(0, 1, "GPE", "CHN"), (5, 6, "NORP", "USA")],
        {("CHN", "sanctions", "USA", False, False)},
    ),
    "hitting back with an act aimed by the verb: 'India hit back with air strikes on Pakistan'": (
        [("India", 1, "nsubj", "PROPN", "NNP", "India"), ("hit", 1, "ROOT", "VERB", "VBD", "hit"),
         ("back", 1, "advmod", "ADV", "RB", "back"), ("with", 1, "prep", "ADP", "IN", "with"),
         ("air", 5, "compound", "NOUN", "NN", "air"), ("strikes", 3, "pobj", "NOUN", "NNS", "strike"),
         ("on", 1, "prep", "ADP", "IN", "on"), ("Pakistan", 6, "pobj", "PROPN", "NNP", "Pakistan")],
        [(0, 1, "GPE", "IND"), (7, 8, "GPE", "PAK")],
        {("IND", "attacks", "PAK", False, False)},
    ),
    # a participle's noun names its pattern, and its by-agent did the act the noun names
    "a participle's noun is its pattern: 'tariffs imposed by China on Australian wine'": (
        [("tariffs", 0, "ROOT", "NOUN", "NNS", "tariff"), ("imposed", 0, "acl", "VERB", "VBN", "impose"),
         ("by", 1, "agent", "ADP", "IN", "by"), ("China", 2, "pobj", "PROPN", "NNP", "China"),
         ("on", 1, "prep", "ADP", "IN", "on"), ("Australian", 6, "amod", "ADJ", "JJ", "australian"),
         ("wine", 4, "pobj", "NOUN", "NN", "wine")],
        [(3, 4, "GPE", "CHN"), (5, 6, "NORP", "AUS")],
        {("CHN", "sanctions", "AUS", False, False)},
    ),
    "a grievance over a participle's act: 'Australia protested over tariffs imposed by China'": (
        [("Australia", 1, "nsubj", "PROPN", "NNP", "Australia"), ("protested", 1, "ROOT", "VERB", "VBD", "protest"),
         ("over", 1, "prep", "ADP", "IN", "over"), ("tariffs", 2, "pobj", "NOUN", "NNS", "tariff"),
         ("imposed", 3, "acl", "VERB", "VBN", "impose"), ("by", 4, "agent", "ADP", "IN", "by"),
         ("China", 5, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "AUS"), (6, 7, "GPE", "CHN")],
        {("AUS", "criticizes", "CHN", False, False)},
    ),
    # a state's protest is a diplomatic one (CAMEO 11); civilians' protest is a demonstration (14)
    "a state's protest: 'Iran protested against the visit of the Saudi minister'": (
        [("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"), ("protested", 1, "ROOT", "VERB", "VBD", "protest"),
         ("against", 1, "prep", "ADP", "IN", "against"), ("Saudi", 4, "amod", "ADJ", "JJ", "saudi"),
         ("minister", 2, "pobj", "NOUN", "NN", "minister")],
        [(0, 1, "GPE", "IRN"), (3, 4, "NORP", "SAU")],
        {("IRN", "criticizes", "SAU-GOV", False, False)},
    ),
    "civilians' protest: 'Pakistani students protested against the United States'": (
        [("Pakistani", 1, "amod", "ADJ", "JJ", "pakistani"), ("students", 2, "nsubj", "NOUN", "NNS", "student"),
         ("protested", 2, "ROOT", "VERB", "VBD", "protest"), ("against", 2, "prep", "ADP", "IN", "against"),
         ("the", 6, "det", "DET", "DT", "the"), ("United", 6, "compound", "PROPN", "NNP", "United"),
         ("States", 3, "pobj", "PROPN", "NNP", "States")],
        [(0, 1, "NORP", "PAK"), (5, 7, "GPE", "USA")],
        {("PAK-EDU", "protests", "USA", False, False)},
    ),
    # a state's waters are entered, not joined; joining a state is acting with it
    "entering a state's waters is no accession: 'Chinese ships entered Japanese waters'": (
        [("Chinese", 1, "amod", "ADJ", "JJ", "chinese"), ("ships", 2, "nsubj", "NOUN", "NNS", "ship"),
         ("entered", 2, "ROOT", "VERB", "VBD", "enter"), ("Japanese", 4, "amod", "ADJ", "JJ", "japanese"),
         ("waters", 2, "dobj", "NOUN", "NNS", "water")],
        [(0, 1, "NORP", "CHN"), (3, 4, "NORP", "JPN")],
        {("CHN", "relatedTo", "JPN", False, False)},
    ),
    "joining a state is acting with it: 'Australia joins Japan'": (
        [("Australia", 1, "nsubj", "PROPN", "NNP", "Australia"), ("joins", 1, "ROOT", "VERB", "VBZ", "join"),
         ("Japan", 1, "dobj", "PROPN", "NNP", "Japan")],
        [(0, 1, "GPE", "AUS"), (2, 3, "GPE", "JPN")],
        {("AUS", "joins", "JPN", False, False)},
    ),
    # a document delivered is a message, not goods
    "a letter delivered is no supply: 'the US delivered a letter to China'": (
        [("the", 1, "det", "DET", "DT", "the"), ("US", 2, "nsubj", "PROPN", "NNP", "US"),
         ("delivered", 2, "ROOT", "VERB", "VBD", "deliver"), ("a", 4, "det", "DET", "DT", "a"),
         ("letter", 2, "dobj", "NOUN", "NN", "letter"), ("to", 2, "prep", "ADP", "IN", "to"),
         ("China", 5, "pobj", "PROPN", "NNP", "China")],
        [(1, 2, "GPE", "USA"), (6, 7, "GPE", "CHN")],
        {("USA", "relatedTo", "CHN", False, False)},
    ),
    # an expulsion noun without its doer is the host's, as in the passive
    "an expulsion's host: 'the expulsion of two U.S. diplomats from Congo'": (
        [("the", 1, "det", "DET", "DT", "the"), ("expulsion", 1, "ROOT", "NOUN", "NN", "expulsion"),
         ("of", 1, "prep", "ADP", "IN", "of"), ("two", 5, "nummod", "NUM", "CD", "two"),
         ("U.S.", 5, "compound", "PROPN", "NNP", "U.S."), ("diplomats", 2, "pobj", "NOUN", "NNS", "diplomat"),
         ("from", 5, "prep", "ADP", "IN", "from"), ("Congo", 6, "pobj", "PROPN", "NNP", "Congo")],
        [(4, 5, "GPE", "USA"), (7, 8, "GPE", "COD")],
        {("COD", "ploverSanction", "USA-GOV", False, False)},
    ),
    # restoring or establishing relations agrees on them (AGREE), as verb, as co-subjects' act and as noun
    "restored relations: 'Somalia restored diplomatic relations with Kenya'": (
        [("Somalia", 1, "nsubj", "PROPN", "NNP", "Somalia"), ("restored", 1, "ROOT", "VERB", "VBD", "restore"),
         ("diplomatic", 3, "amod", "ADJ", "JJ", "diplomatic"), ("relations", 1, "dobj", "NOUN", "NNS", "relation"),
         ("with", 1, "prep", "ADP", "IN", "with"), ("Kenya", 4, "pobj", "PROPN", "NNP", "Kenya")],
        [(0, 1, "GPE", "SOM"), (5, 6, "GPE", "KEN")],
        both_ways("SOM", "agreesWith", "KEN"),  # relations restored are both states'
    ),
    "established relations: 'the United States and Vietnam established diplomatic relations'": (
        [("the", 2, "det", "DET", "DT", "the"), ("United", 2, "compound", "PROPN", "NNP", "United"),
         ("States", 5, "nsubj", "PROPN", "NNP", "States"), ("and", 2, "cc", "CCONJ", "CC", "and"),
         ("Vietnam", 2, "conj", "PROPN", "NNP", "Vietnam"), ("established", 5, "ROOT", "VERB", "VBD", "establish"),
         ("diplomatic", 7, "amod", "ADJ", "JJ", "diplomatic"), ("relations", 5, "dobj", "NOUN", "NNS", "relation")],
        [(1, 3, "GPE", "USA"), (4, 5, "GPE", "VNM")],
        both_ways("USA", "agreesWith", "VNM"),
    ),
    "the restoration of relations: 'Somalia announced the restoration of relations with Kenya'": (
        [("Somalia", 1, "nsubj", "PROPN", "NNP", "Somalia"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
         ("the", 3, "det", "DET", "DT", "the"), ("restoration", 1, "dobj", "NOUN", "NN", "restoration"),
         ("of", 3, "prep", "ADP", "IN", "of"), ("relations", 4, "pobj", "NOUN", "NNS", "relation"),
         ("with", 5, "prep", "ADP", "IN", "with"), ("Kenya", 6, "pobj", "PROPN", "NNP", "Kenya")],
        [(0, 1, "GPE", "SOM"), (7, 8, "GPE", "KEN")],
        both_ways("SOM", "agreesWith", "KEN"),  # relations restored are both states'
    ),
    # a definite role or agent noun with no owner is the one named earlier: "China's spokesperson
    # criticised Japan. The spokesperson criticised Britain." (the nearest earlier one)
    "a definite role noun named earlier: 'The spokesperson criticised Britain'": (
        [("China", 2, "poss", "PROPN", "NNP", "China"), ("'s", 0, "case", "PART", "POS", "'s"),
         ("spokesperson", 3, "nsubj", "NOUN", "NN", "spokesperson"), ("criticised", 3, "ROOT", "VERB", "VBD", "criticise"),
         ("Japan", 3, "dobj", "PROPN", "NNP", "Japan"),
         ("The", 6, "det", "DET", "DT", "the"), ("spokesperson", 7, "nsubj", "NOUN", "NN", "spokesperson"),
         ("criticised", 7, "ROOT", "VERB", "VBD", "criticise"), ("Britain", 7, "dobj", "PROPN", "NNP", "Britain")],
        [(0, 1, "GPE", "CHN"), (4, 5, "GPE", "JPN"), (8, 9, "GPE", "GBR")],
        {("CHN-GOV", "criticizes", "JPN", False, False), ("CHN-GOV", "criticizes", "GBR", False, False)},
    ),
    "a definite agent noun named earlier: 'The minister criticised Britain'": (
        [("Chinese", 1, "amod", "ADJ", "JJ", "chinese"), ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
         ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
         ("The", 4, "det", "DET", "DT", "the"), ("minister", 5, "nsubj", "NOUN", "NN", "minister"),
         ("criticised", 5, "ROOT", "VERB", "VBD", "criticise"), ("Britain", 5, "dobj", "PROPN", "NNP", "Britain")],
        [(0, 1, "NORP", "CHN"), (6, 7, "GPE", "GBR")],
        {("CHN-GOV", "criticizes", "GBR", False, False)},
    ),
    # with no earlier one, or only an indefinite noun, it names no one
    "a definite role noun named nowhere before: 'Japan spoke. The spokesperson criticised Britain'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
         ("The", 3, "det", "DET", "DT", "the"), ("spokesperson", 4, "nsubj", "NOUN", "NN", "spokesperson"),
         ("criticised", 4, "ROOT", "VERB", "VBD", "criticise"), ("Britain", 4, "dobj", "PROPN", "NNP", "Britain")],
        [(0, 1, "GPE", "JPN"), (5, 6, "GPE", "GBR")],
        set(),
    ),
    # the parser labels the 'to' of a giving verb a dative: it is the pattern's preposition all the same
    "a light noun with a dative 'to': 'Japan gave aid to Laos'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("gave", 1, "ROOT", "VERB", "VBD", "give"),
         ("aid", 1, "dobj", "NOUN", "NN", "aid"), ("to", 1, "dative", "ADP", "IN", "to"),
         ("Laos", 3, "pobj", "PROPN", "NNP", "Laos")],
        [(0, 1, "GPE", "JPN"), (4, 5, "GPE", "LAO")],
        {("JPN", "aids", "LAO", False, False)},
    ),
    "a dictionary noun with a dative 'to': 'China offered a loan to Laos'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("offered", 1, "ROOT", "VERB", "VBD", "offer"),
         ("a", 3, "det", "DET", "DT", "a"), ("loan", 1, "dobj", "NOUN", "NN", "loan"),
         ("to", 1, "dative", "ADP", "IN", "to"), ("Laos", 4, "pobj", "PROPN", "NNP", "Laos")],
        [(0, 1, "GPE", "CHN"), (5, 6, "GPE", "LAO")],
        {("CHN", "lendsTo", "LAO", False, False)},
    ),
    # a light verb's event noun may be coordinated with the noun it takes, and its phrases may hang on either
    "a carried event noun in a coordination: 'Manila sent a note verbale or diplomatic protest to China'": (
        [("Manila", 1, "nsubj", "PROPN", "NNP", "Manila"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
         ("a", 4, "det", "DET", "DT", "a"), ("note", 4, "compound", "NOUN", "NN", "note"),
         ("verbale", 1, "dobj", "NOUN", "NN", "verbale"), ("or", 4, "cc", "CCONJ", "CC", "or"),
         ("diplomatic", 7, "amod", "ADJ", "JJ", "diplomatic"), ("protest", 4, "conj", "NOUN", "NN", "protest"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("China", 8, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "PHL"), (9, 10, "GPE", "CHN")],
        {("PHL", "criticizes", "CHN", False, False)},
    ),
    "a light noun's phrase on its conjunct: 'Japan lodged a complaint and a protest with Korea'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("lodged", 1, "ROOT", "VERB", "VBD", "lodge"),
         ("a", 3, "det", "DET", "DT", "a"), ("complaint", 1, "dobj", "NOUN", "NN", "complaint"),
         ("and", 3, "cc", "CCONJ", "CC", "and"), ("a", 6, "det", "DET", "DT", "a"),
         ("protest", 3, "conj", "NOUN", "NN", "protest"), ("with", 6, "prep", "ADP", "IN", "with"),
         ("Korea", 7, "pobj", "PROPN", "NNP", "Korea")],
        [(0, 1, "GPE", "JPN"), (8, 9, "GPE", "KOR")],
        {("JPN", "ploverAccuse", "KOR", False, False)},
    ),
    # an act responded to, with no aim of its own, was aimed at the responder
    "an act responded to: 'Saudi Arabia expelled the envoy in response to pressure from Canada'": (
        [("Saudi", 1, "compound", "PROPN", "NNP", "Saudi"), ("Arabia", 2, "nsubj", "PROPN", "NNP", "Arabia"),
         ("expelled", 2, "ROOT", "VERB", "VBD", "expel"), ("the", 4, "det", "DET", "DT", "the"),
         ("envoy", 2, "dobj", "NOUN", "NN", "envoy"), ("in", 2, "prep", "ADP", "IN", "in"),
         ("response", 5, "pobj", "NOUN", "NN", "response"), ("to", 6, "prep", "ADP", "IN", "to"),
         ("pressure", 7, "pobj", "NOUN", "NN", "pressure"), ("from", 8, "prep", "ADP", "IN", "from"),
         ("Canada", 9, "pobj", "PROPN", "NNP", "Canada")],
        [(0, 2, "GPE", "SAU"), (10, 11, "GPE", "CAN")],
        # (and the back-off's generic relation of the expelling to the phrase it governs)
        {("CAN", "pressures", "SAU", False, False), ("SAU", "relatedTo", "CAN", False, False)},
    ),
    "an act retaliated for: 'China imposed tariffs in retaliation for US sanctions'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
         ("tariffs", 1, "dobj", "NOUN", "NNS", "tariff"), ("in", 1, "prep", "ADP", "IN", "in"),
         ("retaliation", 3, "pobj", "NOUN", "NN", "retaliation"), ("for", 4, "prep", "ADP", "IN", "for"),
         ("US", 7, "compound", "PROPN", "NNP", "US"), ("sanctions", 5, "pobj", "NOUN", "NNS", "sanction")],
        [(0, 1, "GPE", "CHN"), (6, 7, "GPE", "USA")],
        {("USA", "sanctions", "CHN", False, False)},
    ),
    # the parser may hang the act's own aim on the response noun: that act was aimed elsewhere
    "an act responded to with its own aim: 'In response to the Israeli offensive into Gaza Mauritania cut ties'": (
        [("In", 8, "prep", "ADP", "IN", "in"), ("response", 0, "pobj", "NOUN", "NN", "response"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("the", 5, "det", "DET", "DT", "the"),
         ("Israeli", 5, "amod", "ADJ", "JJ", "israeli"), ("offensive", 2, "pobj", "NOUN", "NN", "offensive"),
         ("into", 1, "prep", "ADP", "IN", "into"), ("Mauritania", 8, "nsubj", "PROPN", "NNP", "Mauritania"),
         ("cut", 8, "ROOT", "VERB", "VBD", "cut"), ("ties", 8, "dobj", "NOUN", "NNS", "tie")],
        [(4, 5, "NORP", "ISR"), (7, 8, "GPE", "MRT")],
        # no Israeli attack on Mauritania (only the back-off's generic relation of the clause)
        {("MRT", "relatedTo", "ISR", False, False)},
    ),
    # an act done at someone's request was asked for by them; the request names no target of the act
    "at the request of: 'Australia sent troops to Tonga at the request of Fiji'": (
        [("Australia", 1, "nsubj", "PROPN", "NNP", "Australia"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
         ("troops", 1, "dobj", "NOUN", "NNS", "troop"), ("to", 1, "prep", "ADP", "IN", "to"),
         ("Tonga", 3, "pobj", "PROPN", "NNP", "Tonga"), ("at", 1, "prep", "ADP", "IN", "at"),
         ("the", 7, "det", "DET", "DT", "the"), ("request", 5, "pobj", "NOUN", "NN", "request"),
         ("of", 7, "prep", "ADP", "IN", "of"), ("Fiji", 8, "pobj", "PROPN", "NNP", "Fiji")],
        [(0, 1, "GPE", "AUS"), (4, 5, "GPE", "TON"), (9, 10, "GPE", "FJI")],
        {("AUS", "ploverAid", "TON", False, False), ("FJI", "requests", "AUS", False, False)},
    ),
    # an unowned plan its announcer announces is the announcer's, and still to come
    "nominal control by the announcer: 'Japan announced plans to send troops to Iraq'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
         ("plans", 1, "dobj", "NOUN", "NNS", "plan"), ("to", 4, "aux", "PART", "TO", "to"),
         ("send", 2, "acl", "VERB", "VB", "send"), ("troops", 4, "dobj", "NOUN", "NNS", "troop"),
         ("to", 4, "prep", "ADP", "IN", "to"), ("Iraq", 6, "pobj", "PROPN", "NNP", "Iraq")],
        [(0, 1, "GPE", "JPN"), (7, 8, "GPE", "IRQ")],
        {("JPN", "ploverAid", "IRQ", False, True), ("JPN", "relatedTo", "IRQ", False, False)},
    ),
    # a recalled envoy's post may hang on the title in apposition to the envoy's name
    "recall with the post on the appositive title: 'Venezuela recalled Jorge Zorvan, its ambassador to Spain'": (
        [("Venezuela", 1, "nsubj", "PROPN", "NNP", "Venezuela"), ("recalled", 1, "ROOT", "VERB", "VBD", "recall"),
         ("Jorge", 3, "compound", "PROPN", "NNP", "Jorge"), ("Zorvan", 1, "dobj", "PROPN", "NNP", "Zorvan"),
         (",", 3, "punct", "PUNCT", ",", ","), ("its", 6, "poss", "PRON", "PRP$", "its"),
         ("ambassador", 3, "appos", "NOUN", "NN", "ambassador"), ("to", 6, "prep", "ADP", "IN", "to"),
         ("Spain", 7, "pobj", "PROPN", "NNP", "Spain")],
        [(0, 1, "GPE", "VEN"), (2, 4, "PERSON", ""), (8, 9, "GPE", "ESP")],
        {("VEN", "ploverSanction", "ESP", False, False), ("VEN", "ploverSanction", "x-person-jorge-zorvan", False, False)},
    ),
    # a fight in a clause's adjunct makes no party of the clause's subject (a meeting there does)
    "no fight by occasion: 'The US condemned Eritrea after clashes with Djibouti'": (
        [("The", 1, "det", "DET", "DT", "the"), ("US", 2, "nsubj", "PROPN", "NNP", "US"),
         ("condemned", 2, "ROOT", "VERB", "VBD", "condemn"), ("Eritrea", 2, "dobj", "PROPN", "NNP", "Eritrea"),
         ("after", 2, "prep", "ADP", "IN", "after"), ("clashes", 4, "pobj", "NOUN", "NNS", "clash"),
         ("with", 5, "prep", "ADP", "IN", "with"), ("Djibouti", 6, "pobj", "PROPN", "NNP", "Djibouti")],
        [(1, 2, "GPE", "USA"), (3, 4, "GPE", "ERI"), (7, 8, "GPE", "DJI")],
        {("USA", "criticizes", "ERI", False, False)},
    ),
    # a meeting is both parties' act, however a rule reads it; a mediator's talks are one way
    "a meeting holds both ways: 'Russia met with China'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("met", 1, "ROOT", "VERB", "VBD", "meet"),
         ("with", 1, "prep", "ADP", "IN", "with"), ("China", 2, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "RUS"), (3, 4, "GPE", "CHN")],
        both_ways("RUS", "meetsWith", "CHN"),
    ),
    "a dictionary talk holds both ways: 'Russia spoke with China' (CAMEO 046)": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
         ("with", 1, "prep", "ADP", "IN", "with"), ("China", 2, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "RUS"), (3, 4, "GPE", "CHN")],
        both_ways("RUS", "ploverConsult", "CHN"),
    ),
    "an agreement holds both ways: 'Australia signed a treaty with Vanuatu'": (
        [("Australia", 1, "nsubj", "PROPN", "NNP", "Australia"), ("signed", 1, "ROOT", "VERB", "VBD", "sign"),
         ("a", 3, "det", "DET", "DT", "a"), ("treaty", 1, "dobj", "NOUN", "NN", "treaty"),
         ("with", 1, "prep", "ADP", "IN", "with"), ("Vanuatu", 4, "pobj", "PROPN", "NNP", "Vanuatu")],
        [(0, 1, "GPE", "AUS"), (5, 6, "GPE", "VUT")],
        both_ways("AUS", "agreesWith", "VUT"),
    ),
    "a mediation holds one way: 'the Qatari mediation between Russia and Ukraine'": (
        [("the", 2, "det", "DET", "DT", "the"), ("Qatari", 2, "amod", "ADJ", "JJ", "qatari"),
         ("mediation", 2, "ROOT", "NOUN", "NN", "mediation"), ("between", 2, "prep", "ADP", "IN", "between"),
         ("Russia", 3, "pobj", "PROPN", "NNP", "Russia"), ("and", 4, "cc", "CCONJ", "CC", "and"),
         ("Ukraine", 4, "conj", "PROPN", "NNP", "Ukraine")],
        [(1, 2, "NORP", "QAT"), (4, 5, "GPE", "RUS"), (6, 7, "GPE", "UKR")],
        {("QAT", "meetsWith", "RUS", False, False), ("QAT", "meetsWith", "UKR", False, False)},
    ),
    # tariffs by any name: a surcharge or a levy on a state's goods is a sanction
    "a surcharge is a tariff: \"Beijing's surcharge on Australian barley\"": (
        [("Beijing", 2, "poss", "PROPN", "NNP", "Beijing"), ("'s", 0, "case", "PART", "POS", "'s"),
         ("surcharge", 2, "ROOT", "NOUN", "NN", "surcharge"), ("on", 2, "prep", "ADP", "IN", "on"),
         ("Australian", 5, "amod", "ADJ", "JJ", "australian"), ("barley", 3, "pobj", "NOUN", "NN", "barley")],
        [(0, 1, "GPE", "CHN"), (4, 5, "NORP", "AUS")],
        {("CHN", "sanctions", "AUS", False, False)},
    ),
    # a quantity of a tie is the tie: 'froze most of its grants' cuts aid (CAMEO 16)
    "a quantity of a tie: 'Japan froze most of its grants to China'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("froze", 1, "ROOT", "VERB", "VBD", "freeze"),
         ("most", 1, "dobj", "ADJ", "JJS", "most"), ("of", 2, "prep", "ADP", "IN", "of"),
         ("its", 5, "poss", "PRON", "PRP$", "its"), ("grants", 3, "pobj", "NOUN", "NNS", "grant"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("China", 6, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "JPN"), (7, 8, "GPE", "CHN")],
        {("JPN", "ploverSanction", "CHN", False, False)},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_extract_joint_rule(onto, make_doc, name):
    rows, ents, expected = CASES[name]
    assert statements(onto, make_doc(rows, ents)) == expected

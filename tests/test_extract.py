"""Extraction rules on hand-built Docs: each rule, its parse, and the triples it must give."""

from __future__ import annotations

import pytest

from graphbuild.extract import Extractor
from graphbuild.types import Document

DOC = Document(id="t", text="", source="t", sha256="0" * 64)


def triples_of(onto, doc):
    return {(t.subject.key, t.relation, t.object.key, t.negated) for t in Extractor(onto).extract(doc, DOC)}


# Each case: token rows (word, head, dep, pos, tag, lemma), entities (start, end, label, key), expected triples.
CASES = {
    "active verb, direct object: 'Russia joins AIIB'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("joins", 1, "ROOT", "VERB", "VBZ", "join"),
         ("AIIB", 1, "dobj", "PROPN", "NNP", "AIIB")],
        [(0, 1, "GPE", "RUS"), (2, 3, "ORG", "AIIB")],
        {("RUS", "joins", "AIIB", False)},
    ),
    "prepositional object: 'China lends to Central Asia'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("lends", 1, "ROOT", "VERB", "VBZ", "lend"),
         ("to", 1, "prep", "ADP", "IN", "to"), ("Central", 4, "compound", "PROPN", "NNP", "Central"),
         ("Asia", 2, "pobj", "PROPN", "NNP", "Asia")],
        [(0, 1, "GPE", "CHN"), (3, 5, "LOC", "CENTRAL-ASIA")],
        {("CHN", "lendsTo", "CENTRAL-ASIA", False)},
    ),
    "passive with a by-agent: 'Russia was sanctioned by the EU'": (
        [("Russia", 2, "nsubjpass", "PROPN", "NNP", "Russia"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
         ("sanctioned", 2, "ROOT", "VERB", "VBN", "sanction"), ("by", 2, "agent", "ADP", "IN", "by"),
         ("the", 5, "det", "DET", "DT", "the"), ("EU", 3, "pobj", "PROPN", "NNP", "EU")],
        [(0, 1, "GPE", "RUS"), (5, 6, "ORG", "EU")],
        {("EU", "sanctions", "RUS", False)},
    ),
    "coordinated subjects and objects: 'China and Russia support Syria and Iran'": (
        [("China", 3, "nsubj", "PROPN", "NNP", "China"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Russia", 0, "conj", "PROPN", "NNP", "Russia"), ("support", 3, "ROOT", "VERB", "VBP", "support"),
         ("Syria", 3, "dobj", "PROPN", "NNP", "Syria"), ("and", 4, "cc", "CCONJ", "CC", "and"),
         ("Iran", 4, "conj", "PROPN", "NNP", "Iran")],
        [(0, 1, "GPE", "CHN"), (2, 3, "GPE", "RUS"), (4, 5, "GPE", "SYR"), (6, 7, "GPE", "IRN")],
        {("CHN", "supports", "SYR", False), ("CHN", "supports", "IRN", False),
         ("RUS", "supports", "SYR", False), ("RUS", "supports", "IRN", False)},
    ),
    "verb chain: 'the USA tried to divide China'": (
        [("USA", 1, "nsubj", "PROPN", "NNP", "USA"), ("tried", 1, "ROOT", "VERB", "VBD", "try"),
         ("to", 3, "aux", "PART", "TO", "to"), ("divide", 1, "xcomp", "VERB", "VB", "divide"),
         ("China", 3, "dobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "USA"), (4, 5, "GPE", "CHN")],
        {("USA", "opposes", "CHN", False)},
    ),
    "relative clause: 'Patrushev, who visited China'": (
        [("Patrushev", 0, "ROOT", "PROPN", "NNP", "Patrushev"), (",", 0, "punct", "PUNCT", ",", ","),
         ("who", 3, "nsubj", "PRON", "WP", "who"), ("visited", 0, "relcl", "VERB", "VBD", "visit"),
         ("China", 3, "dobj", "PROPN", "NNP", "China")],
        [(0, 1, "PERSON", "NIKOLAI-PATRUSHEV"), (4, 5, "GPE", "CHN")],
        {("NIKOLAI-PATRUSHEV", "visits", "CHN", False)},
    ),
    "negation is kept as a flag: 'Russia does not support Japan'": (
        [("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"), ("does", 3, "aux", "AUX", "VBZ", "do"),
         ("not", 3, "neg", "PART", "RB", "not"), ("support", 3, "ROOT", "VERB", "VB", "support"),
         ("Japan", 3, "dobj", "PROPN", "NNP", "Japan")],
        [(0, 1, "GPE", "RUS"), (4, 5, "GPE", "JPN")],
        {("RUS", "supports", "JPN", True)},
    ),
    "negation on the chain head: 'Russia did not want to join NATO'": (
        [("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"), ("did", 3, "aux", "AUX", "VBD", "do"),
         ("not", 3, "neg", "PART", "RB", "not"), ("want", 3, "ROOT", "VERB", "VB", "want"),
         ("to", 5, "aux", "PART", "TO", "to"), ("join", 3, "xcomp", "VERB", "VB", "join"),
         ("NATO", 5, "dobj", "PROPN", "NNP", "NATO")],
        [(0, 1, "GPE", "RUS"), (6, 7, "ORG", "NATO")],
        {("RUS", "joins", "NATO", True)},
    ),
    "nominal control: \"Russia's decision to join the AIIB\"": (
        [("Russia", 2, "poss", "PROPN", "NNP", "Russia"), ("'s", 0, "case", "PART", "POS", "'s"),
         ("decision", 2, "ROOT", "NOUN", "NN", "decision"), ("to", 4, "aux", "PART", "TO", "to"),
         ("join", 2, "acl", "VERB", "VB", "join"), ("the", 6, "det", "DET", "DT", "the"),
         ("AIIB", 4, "dobj", "PROPN", "NNP", "AIIB")],
        [(0, 1, "GPE", "RUS"), (6, 7, "ORG", "AIIB")],
        {("RUS", "joins", "AIIB", False)},
    ),
    "participle modifier: 'the AIIB set up by China'": (
        [("the", 1, "det", "DET", "DT", "the"), ("AIIB", 1, "ROOT", "PROPN", "NNP", "AIIB"),
         ("set", 1, "acl", "VERB", "VBN", "set"), ("up", 2, "prt", "ADP", "RP", "up"),
         ("by", 2, "agent", "ADP", "IN", "by"), ("China", 4, "pobj", "PROPN", "NNP", "China")],
        [(1, 2, "ORG", "AIIB"), (5, 6, "GPE", "CHN")],
        {("CHN", "establishes", "AIIB", False)},
    ),
    "fused participle: 'the China-led AIIB'": (
        [("the", 4, "det", "DET", "DT", "the"), ("China", 3, "npadvmod", "PROPN", "NNP", "China"),
         ("-", 3, "punct", "PUNCT", "HYPH", "-"), ("led", 4, "amod", "VERB", "VBN", "lead"),
         ("AIIB", 4, "ROOT", "PROPN", "NNP", "AIIB")],
        [(1, 2, "GPE", "CHN"), (4, 5, "ORG", "AIIB")],
        {("CHN", "leads", "AIIB", False)},
    ),
    "light verb: 'the EU imposed sanctions on Russia'": (
        [("EU", 1, "nsubj", "PROPN", "NNP", "EU"), ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
         ("sanctions", 1, "dobj", "NOUN", "NNS", "sanction"), ("on", 1, "prep", "ADP", "IN", "on"),
         ("Russia", 3, "pobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "ORG", "EU"), (4, 5, "GPE", "RUS")],
        {("EU", "sanctions", "RUS", False)},
    ),
    "reciprocal subjects: 'Lavrov and Kerry met'": (
        [("Lavrov", 3, "nsubj", "PROPN", "NNP", "Lavrov"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Kerry", 0, "conj", "PROPN", "NNP", "Kerry"), ("met", 3, "ROOT", "VERB", "VBD", "meet")],
        [(0, 1, "PERSON", "SERGEY-LAVROV"), (2, 3, "PERSON", "JOHN-KERRY")],
        {("SERGEY-LAVROV", "meetsWith", "JOHN-KERRY", False), ("JOHN-KERRY", "meetsWith", "SERGEY-LAVROV", False)},
    ),
    "nominal event: 'the visit of Wang Yi to Russia'": (
        [("the", 1, "det", "DET", "DT", "the"), ("visit", 1, "ROOT", "NOUN", "NN", "visit"),
         ("of", 1, "prep", "ADP", "IN", "of"), ("Wang", 4, "compound", "PROPN", "NNP", "Wang"),
         ("Yi", 2, "pobj", "PROPN", "NNP", "Yi"), ("to", 1, "prep", "ADP", "IN", "to"),
         ("Russia", 5, "pobj", "PROPN", "NNP", "Russia")],
        [(3, 5, "PERSON", "WANG-YI"), (6, 7, "GPE", "RUS")],
        {("WANG-YI", "visits", "RUS", False)},
    ),
    "light noun + nominal: 'the release of loans to Central Asia by China'": (
        [("the", 1, "det", "DET", "DT", "the"), ("release", 1, "ROOT", "NOUN", "NN", "release"),
         ("of", 1, "prep", "ADP", "IN", "of"), ("loans", 2, "pobj", "NOUN", "NNS", "loan"),
         ("to", 3, "prep", "ADP", "IN", "to"), ("Central", 6, "compound", "PROPN", "NNP", "Central"),
         ("Asia", 4, "pobj", "PROPN", "NNP", "Asia"), ("by", 1, "prep", "ADP", "IN", "by"),
         ("China", 7, "pobj", "PROPN", "NNP", "China")],
        [(5, 7, "LOC", "CENTRAL-ASIA"), (8, 9, "GPE", "CHN")],
        {("CHN", "lendsTo", "CENTRAL-ASIA", False)},
    ),
    "experiencer verb: 'Russia felt pressure from the United States'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("felt", 1, "ROOT", "VERB", "VBD", "feel"),
         ("pressure", 1, "dobj", "NOUN", "NN", "pressure"), ("from", 2, "prep", "ADP", "IN", "from"),
         ("the", 6, "det", "DET", "DT", "the"), ("United", 6, "compound", "PROPN", "NNP", "United"),
         ("States", 3, "pobj", "PROPN", "NNP", "States")],
        [(0, 1, "GPE", "RUS"), (5, 7, "GPE", "USA")],
        {("USA", "pressures", "RUS", False)},
    ),
    "reciprocal noun: 'cooperation between Russia and China'": (
        [("cooperation", 0, "ROOT", "NOUN", "NN", "cooperation"), ("between", 0, "prep", "ADP", "IN", "between"),
         ("Russia", 1, "pobj", "PROPN", "NNP", "Russia"), ("and", 2, "cc", "CCONJ", "CC", "and"),
         ("China", 2, "conj", "PROPN", "NNP", "China")],
        [(2, 3, "GPE", "RUS"), (4, 5, "GPE", "CHN")],
        {("RUS", "cooperatesWith", "CHN", False), ("CHN", "cooperatesWith", "RUS", False)},
    ),
    "role noun names the state's sector: 'the Russian government supports Syria'": (
        [("the", 2, "det", "DET", "DT", "the"), ("Russian", 2, "amod", "ADJ", "JJ", "russian"),
         ("government", 3, "nsubj", "NOUN", "NN", "government"), ("supports", 3, "ROOT", "VERB", "VBZ", "support"),
         ("Syria", 3, "dobj", "PROPN", "NNP", "Syria")],
        [(1, 2, "NORP", "RUS"), (4, 5, "GPE", "SYR")],
        {("RUS-GOV", "supports", "SYR", False)},
    ),
    "aspect noun: 'China respects the integrity of Ukraine'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("respects", 1, "ROOT", "VERB", "VBZ", "respect"),
         ("the", 3, "det", "DET", "DT", "the"), ("integrity", 1, "dobj", "NOUN", "NN", "integrity"),
         ("of", 3, "prep", "ADP", "IN", "of"), ("Ukraine", 4, "pobj", "PROPN", "NNP", "Ukraine")],
        [(0, 1, "GPE", "CHN"), (5, 6, "GPE", "UKR")],
        {("CHN", "supports", "UKR", False)},
    ),
    "unknown verb keeps its lemma under relatedTo: 'China outshines Russia'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("outshines", 1, "ROOT", "VERB", "VBZ", "outshine"),
         ("Russia", 1, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "CHN"), (2, 3, "GPE", "RUS")],
        {("CHN", "relatedTo", "RUS", False)},
    ),
    "location preposition gives no triple: 'Lavrov spoke in Vienna'": (
        [("Lavrov", 1, "nsubj", "PROPN", "NNP", "Lavrov"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
         ("in", 1, "prep", "ADP", "IN", "in"), ("Vienna", 2, "pobj", "PROPN", "NNP", "Vienna")],
        [(0, 1, "PERSON", "SERGEY-LAVROV"), (3, 4, "GPE", "AUT")],
        set(),
    ),
    "adjectival demonym alone is no actor: 'China supplies Russian gas'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("supplies", 1, "ROOT", "VERB", "VBZ", "supply"),
         ("Russian", 1, "dobj", "ADJ", "JJ", "russian")],
        [(0, 1, "GPE", "CHN"), (2, 3, "NORP", "RUS")],
        set(),
    ),
    "sector actors on both sides: 'Hungarian officials met Chinese diplomats'": (
        [("Hungarian", 1, "amod", "ADJ", "JJ", "hungarian"), ("officials", 2, "nsubj", "NOUN", "NNS", "official"),
         ("met", 2, "ROOT", "VERB", "VBD", "meet"), ("Chinese", 4, "amod", "ADJ", "JJ", "chinese"),
         ("diplomats", 2, "dobj", "NOUN", "NNS", "diplomat")],
        [(0, 1, "NORP", "HUN"), (3, 4, "NORP", "CHN")],
        {("HUN-GOV", "meetsWith", "CHN-GOV", False), ("CHN-GOV", "meetsWith", "HUN-GOV", False)},  # a meeting is mutual
    ),
    "elliptical possessive: \"cooperation between Russia's and China's governments\"": (
        [("cooperation", 0, "ROOT", "NOUN", "NN", "cooperation"), ("between", 0, "prep", "ADP", "IN", "between"),
         ("Russia", 1, "pobj", "PROPN", "NNP", "Russia"), ("'s", 2, "case", "PART", "POS", "'s"),
         ("and", 2, "cc", "CCONJ", "CC", "and"), ("China", 7, "poss", "PROPN", "NNP", "China"),
         ("'s", 5, "case", "PART", "POS", "'s"), ("governments", 2, "conj", "NOUN", "NNS", "government")],
        [(2, 3, "GPE", "RUS"), (5, 6, "GPE", "CHN")],
        {("RUS-GOV", "cooperatesWith", "CHN-GOV", False), ("CHN-GOV", "cooperatesWith", "RUS-GOV", False)},
    ),
    "group reference: 'Russia met China. The two sides agreed.' (dyad of the document)": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("met", 1, "ROOT", "VERB", "VBD", "meet"),
         ("China", 1, "dobj", "PROPN", "NNP", "China"), (".", 1, "punct", "PUNCT", ".", "."),
         ("The", 6, "det", "DET", "DT", "the"), ("two", 6, "nummod", "NUM", "CD", "two"),
         ("sides", 7, "nsubj", "NOUN", "NNS", "side"), ("signed", 7, "ROOT", "VERB", "VBD", "sign"),
         ("an", 9, "det", "DET", "DT", "an"), ("agreement", 7, "dobj", "NOUN", "NN", "agreement")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "CHN")],
        {("RUS", "meetsWith", "CHN", False), ("CHN", "meetsWith", "RUS", False), ("RUS", "agreesWith", "CHN", False),
         ("CHN", "agreesWith", "RUS", False)},
    ),
    "pronoun subject: 'Japan met Iran. It criticized China.' -> the previous subject": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("met", 1, "ROOT", "VERB", "VBD", "meet"),
         ("Iran", 1, "dobj", "PROPN", "NNP", "Iran"), (".", 1, "punct", "PUNCT", ".", "."),
         ("It", 5, "nsubj", "PRON", "PRP", "it"), ("criticized", 5, "ROOT", "VERB", "VBD", "criticize"),
         ("Russia", 5, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "JPN"), (2, 3, "GPE", "IRN"), (6, 7, "GPE", "RUS")],
        {("JPN", "meetsWith", "IRN", False), ("IRN", "meetsWith", "JPN", False)},
    ),
    "pronoun with one candidate: 'Japan protested. It criticized Russia.'": (
        [("Japan", 1, "nsubj", "PROPN", "NNP", "Japan"), ("protested", 1, "ROOT", "VERB", "VBD", "protest"),
         (".", 1, "punct", "PUNCT", ".", "."),
         ("It", 4, "nsubj", "PRON", "PRP", "it"), ("criticized", 4, "ROOT", "VERB", "VBD", "criticize"),
         ("Russia", 4, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "JPN"), (5, 6, "GPE", "RUS")],
        {("JPN", "criticizes", "RUS", False)},
    ),
    "each other: 'India and Pakistan accused each other'": (
        [("India", 3, "nsubj", "PROPN", "NNP", "India"), ("and", 0, "cc", "CCONJ", "CC", "and"),
         ("Pakistan", 0, "conj", "PROPN", "NNP", "Pakistan"), ("accused", 3, "ROOT", "VERB", "VBD", "accuse"),
         ("each", 5, "det", "DET", "DT", "each"), ("other", 3, "dobj", "ADJ", "JJ", "other")],
        [(0, 1, "GPE", "IND"), (2, 3, "GPE", "PAK")],
        {("IND", "accuses", "PAK", False), ("PAK", "accuses", "IND", False)},
    ),
    "reciprocal modifiers: 'Sino-Russian cooperation'": (
        [("Sino", 2, "amod", "ADJ", "JJ", "sino"), ("-", 2, "punct", "PUNCT", "HYPH", "-"),
         ("Russian", 3, "amod", "ADJ", "JJ", "russian"), ("cooperation", 3, "ROOT", "NOUN", "NN", "cooperation")],
        [(0, 1, "NORP", "CHN"), (2, 3, "NORP", "RUS")],
        {("CHN", "cooperatesWith", "RUS", False), ("RUS", "cooperatesWith", "CHN", False)},
    ),
    "modifier agent of an event noun: 'US sanctions against Iran'": (
        [("US", 1, "compound", "PROPN", "NNP", "US"), ("sanctions", 1, "ROOT", "NOUN", "NNS", "sanction"),
         ("against", 1, "prep", "ADP", "IN", "against"), ("Iran", 2, "pobj", "PROPN", "NNP", "Iran")],
        [(0, 1, "GPE", "USA"), (3, 4, "GPE", "IRN")],
        {("USA", "sanctions", "IRN", False)},
    ),
    "counterfactive gerund: 'the Kremlin warned Kiev against joining NATO'": (
        [("Kremlin", 1, "nsubj", "PROPN", "NNP", "Kremlin"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
         ("Kiev", 1, "dobj", "PROPN", "NNP", "Kiev"), ("against", 1, "prep", "ADP", "IN", "against"),
         ("joining", 3, "pcomp", "VERB", "VBG", "join"), ("NATO", 4, "dobj", "PROPN", "NNP", "NATO")],
        [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "UKR"), (5, 6, "ORG", "NATO")],
        {("RUS", "threatens", "UKR", False), ("UKR", "joins", "NATO", True)},
    ),
    "prepositional dative: 'Russia supplies gas to China'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("supplies", 1, "ROOT", "VERB", "VBZ", "supply"),
         ("gas", 1, "dobj", "NOUN", "NN", "gas"), ("to", 1, "dative", "ADP", "IN", "to"),
         ("China", 3, "pobj", "PROPN", "NNP", "China")],
        [(0, 1, "GPE", "RUS"), (4, 5, "GPE", "CHN")],
        {("RUS", "supplies", "CHN", False)},
    ),
    "preposition hung on the object, known to the verb: 'China lends billions to Pakistan'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("lends", 1, "ROOT", "VERB", "VBZ", "lend"),
         ("billions", 1, "dobj", "NOUN", "NNS", "billion"), ("to", 2, "prep", "ADP", "IN", "to"),
         ("Pakistan", 3, "pobj", "PROPN", "NNP", "Pakistan")],
        [(0, 1, "GPE", "CHN"), (4, 5, "GPE", "PAK")],
        {("CHN", "lendsTo", "PAK", False)},
    ),
    # the verb's relation does not reach through 'campaign' (Russia does not support Iran);
    # the back-off still relates the two actors of one predicate, with the generic relation
    "preposition hung on the object, unknown to the verb: 'Russia supports the campaign against Iran'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("supports", 1, "ROOT", "VERB", "VBZ", "support"),
         ("the", 3, "det", "DET", "DT", "the"), ("campaign", 1, "dobj", "NOUN", "NN", "campaign"),
         ("against", 3, "prep", "ADP", "IN", "against"), ("Iran", 4, "pobj", "PROPN", "NNP", "Iran")],
        [(0, 1, "GPE", "RUS"), (5, 6, "GPE", "IRN")],
        {("RUS", "relatedTo", "IRN", False)},
    ),
    # a CAMEO pattern with its noun ('support * SANCTIONS', 1312: threaten with sanctions) reaches
    # the noun's prepositions
    "dictionary noun pattern: 'Russia supports the sanctions against Iran'": (
        [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("supports", 1, "ROOT", "VERB", "VBZ", "support"),
         ("the", 3, "det", "DET", "DT", "the"), ("sanctions", 1, "dobj", "NOUN", "NNS", "sanction"),
         ("against", 3, "prep", "ADP", "IN", "against"), ("Iran", 4, "pobj", "PROPN", "NNP", "Iran")],
        [(0, 1, "GPE", "RUS"), (5, 6, "GPE", "IRN")],
        {("RUS", "ploverThreaten", "IRN", False)},
    ),
    "passive light verb: 'sanctions were imposed on Iran by the EU'": (
        [("sanctions", 2, "nsubjpass", "NOUN", "NNS", "sanction"), ("were", 2, "auxpass", "AUX", "VBD", "be"),
         ("imposed", 2, "ROOT", "VERB", "VBN", "impose"), ("on", 2, "prep", "ADP", "IN", "on"),
         ("Iran", 3, "pobj", "PROPN", "NNP", "Iran"), ("by", 2, "agent", "ADP", "IN", "by"),
         ("EU", 5, "pobj", "PROPN", "NNP", "EU")],
        [(4, 5, "GPE", "IRN"), (6, 7, "ORG", "EU")],
        {("EU", "sanctions", "IRN", False)},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_extract_rule(onto, make_doc, name):
    rows, ents, expected = CASES[name]
    # heads in CASES are absolute indices
    doc = make_doc(rows, ents)
    assert triples_of(onto, doc) == expected


@pytest.mark.parametrize("lemma,expected", [("outshine", "outshine"), ("join", "join")])
def test_extract_generic_relation_keeps_lemma(onto, make_doc, lemma, expected):
    doc = make_doc(
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("x", 1, "ROOT", "VERB", "VBZ", lemma),
         ("Russia", 1, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "CHN"), (2, 3, "GPE", "RUS")],
    )
    (t,) = list(Extractor(onto).extract(doc, DOC))
    assert t.lemma == expected
    assert 0 < t.confidence <= 1


@pytest.mark.parametrize("negated", [True])
def test_extract_confidence_lower_for_generic(onto, make_doc, negated):
    known = make_doc(
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("supports", 1, "ROOT", "VERB", "VBZ", "support"),
         ("Russia", 1, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "CHN"), (2, 3, "GPE", "RUS")],
    )
    unknown = make_doc(
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("outshines", 1, "ROOT", "VERB", "VBZ", "outshine"),
         ("Russia", 1, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "CHN"), (2, 3, "GPE", "RUS")],
    )
    (k,) = list(Extractor(onto).extract(known, DOC))
    (u,) = list(Extractor(onto).extract(unknown, DOC))
    assert u.confidence < k.confidence


@pytest.mark.parametrize("rows,ents,modality", [
    ([("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"), ("could", 2, "aux", "AUX", "MD", "could"),
      ("join", 2, "ROOT", "VERB", "VB", "join"), ("NATO", 2, "dobj", "PROPN", "NNP", "NATO")],
     [(0, 1, "GPE", "RUS"), (3, 4, "ORG", "NATO")], "could"),
    ([("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("needs", 1, "ROOT", "VERB", "VBZ", "need"),
      ("to", 3, "aux", "PART", "TO", "to"), ("join", 1, "xcomp", "VERB", "VB", "join"),
      ("NATO", 3, "dobj", "PROPN", "NNP", "NATO")],
     [(0, 1, "GPE", "RUS"), (4, 5, "ORG", "NATO")], "need"),
    ([("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("joined", 1, "ROOT", "VERB", "VBD", "join"),
      ("NATO", 1, "dobj", "PROPN", "NNP", "NATO")],
     [(0, 1, "GPE", "RUS"), (2, 3, "ORG", "NATO")], None),
])
def test_extract_modality_kept_not_negated(onto, make_doc, rows, ents, modality):
    (t,) = list(Extractor(onto).extract(make_doc(rows, ents), DOC))
    assert (t.relation, t.negated, t.modality) == ("joins", False, modality)

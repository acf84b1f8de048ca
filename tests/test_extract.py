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
    "unknown verb keeps its lemma under relatedTo: 'China admires Russia'": (
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("admires", 1, "ROOT", "VERB", "VBZ", "admire"),
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
}


@pytest.mark.parametrize("name", list(CASES))
def test_extract_rule(onto, make_doc, name):
    rows, ents, expected = CASES[name]
    # heads in CASES are absolute indices
    doc = make_doc(rows, ents)
    assert triples_of(onto, doc) == expected


@pytest.mark.parametrize("lemma,expected", [("admire", "admire"), ("join", "join")])
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
        [("China", 1, "nsubj", "PROPN", "NNP", "China"), ("admires", 1, "ROOT", "VERB", "VBZ", "admire"),
         ("Russia", 1, "dobj", "PROPN", "NNP", "Russia")],
        [(0, 1, "GPE", "CHN"), (2, 3, "GPE", "RUS")],
    )
    (k,) = list(Extractor(onto).extract(known, DOC))
    (u,) = list(Extractor(onto).extract(unknown, DOC))
    assert u.confidence < k.confidence

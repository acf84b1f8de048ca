"""`--ner on|auto|off`: where spaCy's NER runs (issue 14). `on` is the pipeline as it always was;
`auto` runs NER only on the sentences where it can change a statement, and those sentences get
exactly the entities `on` gives them; the mode reaches the worker processes and Dask."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS

from graphbuild import distributed, pipeline
from graphbuild.cli import NerMode, app
from graphbuild.ingest import make_document, read_documents
from graphbuild.nlp import GAP_NER_NAME, NER_MODES, RULER_NAME, load_pipeline


def entities(doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


@pytest.fixture(scope="module")
def gaps(onto):
    """--ner auto's component, with the real model's tags but hand-set entities in the tests."""
    return load_pipeline(onto, ner="auto").get_pipe(GAP_NER_NAME)


@pytest.mark.parametrize("mode,ner,gap", [("on", True, False), ("auto", False, True), ("off", False, False)])
def test_nlp_ner_mode_components(onto, mode, ner, gap):
    nlp = load_pipeline(onto, ner=mode)
    assert ("ner" in nlp.pipe_names) == ner and (GAP_NER_NAME in nlp.pipe_names) == gap
    assert nlp.pipe_names.index(RULER_NAME) == len(nlp.pipe_names) - 1 - (ner or gap)  # the ruler first


@pytest.mark.parametrize("mode", ["sometimes"])
def test_nlp_unknown_ner_mode_names_the_known_ones(onto, mode):
    with pytest.raises(ValueError, match="known modes: on, auto, off"):
        load_pipeline(onto, ner=mode)


# Hand-built sentences: (word, tag) rows and the ruler's entities as (start, end, label, actor key).
@pytest.mark.parametrize("rows,ents,needs", [
    # two states named: nothing NER finds can change the pair
    ([("Russia", "NNP"), ("sent", "VBD"), ("troops", "NNS"), ("to", "IN"), ("Syria", "NNP"), (".", ".")],
     [(0, 1, "GPE", "RUS"), (4, 5, "GPE", "SYR")], False),
    # one state: the other side may be a name only NER finds
    ([("Russia", "NNP"), ("sent", "VBD"), ("troops", "NNS"), ("to", "IN"), ("the", "DT"), ("border", "NN"),
      (".", ".")], [(0, 1, "GPE", "RUS")], True),
    # two names of one state count once (a capital is a place, not a second state)
    ([("Russia", "NNP"), ("sent", "VBD"), ("troops", "NNS"), ("to", "IN"), ("Moscow", "NNP"), (".", ".")],
     [(0, 1, "GPE", "RUS"), (4, 5, "GPE", "RUS")], True),
    # a demonym names no agent: the agent is the person NER finds
    ([("Colombian", "JJ"), ("officials", "NNS"), ("left", "VBD"), ("Venezuela", "NNP"), (".", ".")],
     [(0, 1, "NORP", "COL"), (3, 4, "GPE", "VEN")], True),
    # a proper noun the ruler does not know may be the agent
    ([("Yasser", "NNP"), ("Arafat", "NNP"), ("defended", "VBD"), ("Iraq", "NNP"), ("and", "CC"), ("Libya", "NNP"),
      (".", ".")], [(3, 4, "GPE", "IRQ"), (5, 6, "GPE", "LBY")], True),
])
def test_nlp_auto_needs_ner_where_it_can_change_a_statement(make_doc, gaps, rows, ents, needs):
    # one sentence: every token hangs on the verb
    doc = make_doc([(w, 2, "ROOT" if i == 2 else "dep", "X", tag, w) for i, (w, tag) in enumerate(rows)], ents)
    assert gaps.sentences_needing_ner(doc) == ([(0, len(rows))] if needs else [])


@pytest.mark.parametrize("text", ["Russia sent 300 soldiers to Syria. Russia sent 300 soldiers to the border."])
def test_nlp_auto_runs_ner_on_one_known_actor_and_skips_two(onto, text):
    on, auto = load_pipeline(onto, ner="on")(text), load_pipeline(onto, ner="auto")(text)
    first, second = list(auto.sents)
    assert [e.label_ for e in on.ents].count("CARDINAL") == 2
    assert [e.label_ for e in first.ents] == ["GPE", "GPE"]  # two states: NER skipped, no CARDINAL
    assert entities(second.as_doc()) == entities(list(on.sents)[1].as_doc())  # one state: what `on` gives


@pytest.mark.parametrize("text", ["Palestinian leader Yasser Arafat defended Iraq and Libya on Friday."])
def test_nlp_auto_finds_the_unknown_name_beside_two_states(onto, text):
    assert entities(load_pipeline(onto, ner="auto")(text)) == entities(load_pipeline(onto, ner="on")(text))
    assert "Yasser Arafat" not in {e.text for e in load_pipeline(onto, ner="off")(text).ents}


def test_nlp_auto_given_every_sentence_equals_on(onto, monkeypatch):
    """NER on pieces of the document, with their context, finds exactly what it finds on the whole."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    gaps = load_pipeline(onto, ner="auto").get_pipe(GAP_NER_NAME)
    # every other sentence: many pieces, each with its context
    monkeypatch.setattr(gaps, "sentences_needing_ner",
                        lambda doc: [(s.start, s.end) for n, s in enumerate(doc.sents) if n % 2 == 0])
    on = [list(d.sents) for d in load_pipeline(onto, ner="on").pipe(texts)]
    auto = [list(d.sents) for d in load_pipeline(onto, ner="auto").pipe(texts)]
    pairs = [(a, b) for sents_on, sents_auto in zip(on, auto) for n, (a, b) in enumerate(zip(sents_on, sents_auto))
             if n % 2 == 0]
    assert len(pairs) > 50
    assert all(entities(a.as_doc()) == entities(b.as_doc()) for a, b in pairs)


@pytest.mark.parametrize("mode", ["on"])
def test_extract_ner_on_is_the_default_output(runner, mode):
    """`--ner on` is the pipeline as it was: the same lines as without the option."""
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    default = runner.invoke(app, ["extract", *paths, "--jobs", "1"])
    chosen = runner.invoke(app, ["extract", *paths, "--jobs", "1", "--ner", mode])
    assert default.exit_code == chosen.exit_code == 0, chosen.output
    assert chosen.stdout == default.stdout and len(default.stdout.splitlines()) > 10


@pytest.mark.parametrize("mode", ["auto", "off"])
def test_extract_ner_modes_run(runner, mode):
    result = runner.invoke(app, ["extract", str(SEEDS), "--jobs", "1", "--ner", mode])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["subject"] for line in result.stdout.splitlines())


@pytest.mark.parametrize("mode", ["sometimes"])
def test_cli_unknown_ner_mode_is_refused(runner, mode):
    result = runner.invoke(app, ["extract", str(SEEDS), "--ner", mode])
    assert result.exit_code != 0 and "'on', 'auto', 'off'" in result.output


def test_cli_ner_choices_are_the_library_modes():
    assert tuple(m.value for m in NerMode) == NER_MODES


@pytest.mark.parametrize("mode", ["auto"])
def test_pipeline_jobs_pass_ner_to_workers(onto, monkeypatch, tmp_path, mode):
    sent: list[dict] = []

    def in_this_process(work, chunks, *, kwargs, **_options):
        sent.append(kwargs)
        for chunk in chunks:
            yield work(chunk, **kwargs)

    monkeypatch.setattr(pipeline, "map_in_order", in_this_process)
    docs = list(read_documents([SEEDS]))
    extracted = list(pipeline.extract_local(docs, onto=onto, jobs=2, ner=mode))
    triples = list(pipeline.iter_extracted(docs, onto=onto, jobs=2, ner=mode))
    assert [k["ner"] for k in sent] == [mode, mode] and len(extracted) == len(triples) == len(docs)


@pytest.mark.parametrize("mode", ["auto"])
def test_distributed_passes_ner_to_dask_workers(monkeypatch, tmp_path, mode):
    asked: list[str] = []

    def extract_documents(docs, *, model, ontology_dir, ner="on"):
        asked.append(ner)
        return []

    class Client:
        def map(self, fn, parts, **kwargs):
            return [fn(part, **{k: v for k, v in kwargs.items() if k != "pure"}) for part in parts]

        def close(self):
            pass

    monkeypatch.setattr(distributed, "extract_documents", extract_documents)
    monkeypatch.setattr(distributed, "_client", lambda _scheduler: (Client(), None))
    monkeypatch.setattr(distributed, "_gather", lambda _client, futures, **_kw: futures)
    extract = distributed.extract_on_dask("local", model=None, ontology_dir=None, shard_root=tmp_path, ner=mode)
    assert list(extract([make_document("a", "Russia criticised Japan.", source="a.txt")])) == []
    assert asked == [mode]


@pytest.mark.parametrize("mode", ["auto"])
def test_pipeline_ner_mode_is_part_of_the_build_configuration(onto, mode):
    model = "en_core_web_sm"
    assert pipeline.config_fingerprint(onto, model, "on") == pipeline.config_fingerprint(onto, model)
    assert pipeline.config_fingerprint(onto, model, mode) != pipeline.config_fingerprint(onto, model)

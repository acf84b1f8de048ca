"""Evaluation: gold parsing, scoring arithmetic, and the dev gold sets through the CLI."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, SEEDS

from graphbuild.cli import app
from graphbuild.evaluate import GoldError, country_of, read_gold, score


def test_evaluate_score_levels(onto):
    gold = {("d", "RUS", "joins", "AIIB", False), ("d", "USA", "sanctions", "RUS", False)}
    pred = {("d", "RUS", "joins", "AIIB", False), ("d", "USA", "pressures", "RUS", False),
            ("d", "RUS-GOV", "meetsWith", "CHN", False)}
    s = score(pred, gold, onto)
    assert (s["exact"].tp, s["exact"].fp, s["exact"].fn) == (1, 2, 1)
    assert (s["pairs"].tp, s["pairs"].fp, s["pairs"].fn) == (2, 1, 0)
    assert (s["dyads"].tp, s["dyads"].fp, s["dyads"].fn) == (1, 1, 0)  # AIIB has no country
    assert s["exact"].f1 == pytest.approx(0.4)


@pytest.mark.parametrize("key,iso", [("RUS", "RUS"), ("WANG-YI", "CHN"), ("HUN-GOV", "HUN"), ("AIIB", None),
                                     ("x-person-someone", None)])
def test_evaluate_country_of_key(onto, key, iso):
    assert country_of(key, onto) == iso


@pytest.mark.parametrize("line,needle", [
    ("{bad", ":1: not JSON"),
    (json.dumps({"sentence": "x"}), ':1: each line needs a string "doc"'),
    (json.dumps({"doc": "d", "subject": "RUS", "relation": "joins"}), ':1: "object" must be a string'),
])
def test_evaluate_bad_gold_named_by_line(tmp_path, line, needle):
    path = tmp_path / "g.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=needle.replace("(", r"\(")):
        read_gold(path)


def test_evaluate_gold_doc_without_facts(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"doc": "s1", "sentence": "It rained.", "subject": None}) + "\n", encoding="utf-8")
    gold = read_gold(path)
    assert gold.facts == set() and gold.sentences == {"s1": ["It rained."]}


@pytest.fixture(scope="module")
def seed_scores(runner):
    result = runner.invoke(app, ["evaluate", str(ROOT / "eval" / "seeds.gold.jsonl"), str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_evaluate_seed_gold_beats_threshold_and_baseline(seed_scores):
    ours = seed_scores["systems"]["graphbuild"]["exact"]["f1"]
    base = seed_scores["systems"]["textacy-svo"]["exact"]["f1"]
    assert ours >= 0.8
    assert ours >= 2 * base


def test_evaluate_sentence_gold_covers_every_plover_type(onto):
    gold = read_gold(ROOT / "eval" / "sentences.gold.jsonl")
    assert len(gold.sentences) >= 60
    plover = {onto.relations[r].plover for (_d, _s, r, _o, _n) in gold.facts}
    assert plover >= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                      "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_evaluate_sentence_gold_through_cli(runner):
    result = runner.invoke(app, ["evaluate", str(ROOT / "eval" / "sentences.gold.jsonl")])
    assert result.exit_code == 0, result.output
    assert "graphbuild" in result.stdout and "textacy-svo" in result.stdout


def test_evaluate_missing_texts_named(runner, tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc": "nowhere.txt", "subject": "RUS", "relation": "joins", "object": "AIIB"}) + "\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(SEEDS)])
    assert result.exit_code == 1 and "no input text for gold document(s) nowhere.txt" in result.stderr

"""Bounded work on long input: a long document is parsed in pieces, batches are bounded in
characters, and the rules skip 'sentences' too long to be sentences (issue 11, item 7).
Peak memory itself is measured in benchmarks/bench_memory.py, not here."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from graphbuild import parsing, pipeline
from graphbuild.extract import Extractor
from graphbuild.ingest import make_document
from graphbuild.types import Document


def test_batches_are_bounded_in_items_and_characters():
    items = [("x" * n, i) for i, n in enumerate([40, 40, 40, 10, 90, 5, 5, 5])]
    groups = [[i for _t, i in g] for g in parsing.batches(items, max_items=3, max_chars=100)]
    assert groups == [[0, 1], [2, 3], [4, 5, 6], [7]]
    # an item over the budget still goes, alone: nothing is dropped
    assert [len(g) for g in parsing.batches([("x" * 500, 0), ("y", 1)], 16, 100)] == [1, 1]


def test_long_document_is_parsed_in_bounded_pieces_with_whole_document_offsets(onto, monkeypatch):
    text = "\n\n".join(f"Paragraph {n}. " + p for n, p in enumerate(
        (SEEDS / "rbth-2015-moscow-beijing-upfront.txt").read_text(encoding="utf-8").split("\n\n")))
    doc = make_document("long.txt", text, source="long.txt")
    whole = list(pipeline.iter_extracted([doc], onto=onto))
    seen: list[int] = []
    real_split = parsing.split_text

    def recording(text: str, max_chars: int):
        parts = real_split(text, max_chars)
        seen.extend(len(p) for _o, p in parts)
        return parts

    monkeypatch.setattr(parsing, "split_text", recording)
    monkeypatch.setattr(parsing, "SPLIT_ABOVE", 2_000)
    monkeypatch.setattr(parsing, "PIECE_CHARS", 1_000)
    ((_d, triples, sentences),) = list(pipeline.iter_extracted([doc], onto=onto))
    assert len(seen) > 3 and max(seen) <= 1_000
    assert sentences >= whole[0][2] - len(seen)  # a cut may only split a sentence in two, never lose one
    assert triples
    for t in triples:  # offsets and sentences are the whole document's
        assert " ".join(doc.text[t.start:t.end].split()) == t.sentence


def test_short_documents_are_parsed_whole(onto, monkeypatch):
    text = (SEEDS / "zheng-sino-russian-relations-after-xi-visit.txt").read_text(encoding="utf-8")
    doc = make_document("z.txt", text, source="z.txt")
    monkeypatch.setattr(parsing, "split_text", lambda *_a: pytest.fail("a short document was cut"))
    assert list(pipeline.iter_extracted([doc], onto=onto))


@pytest.mark.parametrize("filler,found", [(50, True), (400, False)])
def test_rules_skip_sentences_too_long_to_be_sentences(onto, make_doc, filler, found):
    rows = [("Russia", 1, "nsubj", "PROPN", "NNP", "Russia"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Ukraine", 1, "dobj", "PROPN", "NNP", "Ukraine")]
    rows += [("and", 1, "cc", "CCONJ", "CC", "and")] * filler
    doc = make_doc(rows, [(0, 1, "GPE", "RUS"), (2, 3, "GPE", "UKR")])
    triples = list(Extractor(onto).extract(doc, Document(id="t", text="", source="t", sha256="0" * 64)))
    assert bool(triples) is found


def test_rules_beside_the_parse_keep_input_order_across_batches(onto, monkeypatch):
    # the rules run on the batch before while spaCy parses the next: results stay in input order,
    # and a document cut into pieces that span batches keeps its triples and sentence count
    texts = [(SEEDS / name).read_text(encoding="utf-8") for name in
             ("zheng-sino-russian-relations-after-xi-visit.txt", "rbth-2015-moscow-beijing-upfront.txt")]
    docs = [make_document(f"d{n}.txt", texts[n % 2][: 600 + 300 * n], source=f"d{n}.txt") for n in range(6)]
    monkeypatch.setattr(parsing, "SPLIT_ABOVE", 1_000)
    monkeypatch.setattr(parsing, "PIECE_CHARS", 500)
    monkeypatch.setattr(parsing, "BATCH_CHARS", 700)
    alone = [next(pipeline.iter_extracted([d], onto=onto)) for d in docs]
    together = list(pipeline.iter_extracted(docs, onto=onto, batch_size=3))
    assert [d.id for d, _t, _s in together] == [d.id for d in docs]
    assert [(t, s) for _d, t, s in together] == [(t, s) for _d, t, s in alone]
    assert sum(len(t) for _d, t, _s in together) > 0


def _failing_on_bad(monkeypatch) -> list[Document]:
    real = Extractor.extract

    def failing(self, spacy_doc, doc, **kwargs):
        if doc.id == "bad.txt":
            raise RuntimeError("rule failed")
        return real(self, spacy_doc, doc, **kwargs)

    monkeypatch.setattr(Extractor, "extract", failing)
    return [make_document(f"{name}.txt", "Russia criticised Ukraine. China met Japan.", source=f"{name}.txt")
            for name in ("a", "b", "bad", "c")]


@pytest.mark.parametrize("batch_size", [1, 16])
def test_a_rule_error_beside_the_parse_reaches_the_caller_after_the_documents_before_it(onto, monkeypatch,
                                                                                      batch_size):
    docs = _failing_on_bad(monkeypatch)
    seen = []
    with pytest.raises(RuntimeError, match="rule failed"):
        for d, _triples, _sentences in pipeline.iter_extracted(docs, onto=onto, batch_size=batch_size):
            seen.append(d.id)
    assert seen == ["a.txt", "b.txt"]


def test_a_document_whose_rules_fail_is_reported_and_skipped_and_the_others_go_on(onto, monkeypatch):
    docs = _failing_on_bad(monkeypatch)
    reported: list[str] = []
    out = list(pipeline.iter_extracted(docs, onto=onto, on_failure=lambda e: reported.append(str(e))))
    assert [d.id for d, _t, _s in out] == ["a.txt", "b.txt", "c.txt"]
    assert all(triples for _d, triples, _s in out)
    assert len(reported) == 1 and reported[0].startswith("bad.txt: extraction failed")


def test_the_parse_runs_with_a_short_gil_switch_interval_and_gives_the_callers_back(onto, monkeypatch):
    import sys

    docs = _failing_on_bad(monkeypatch)
    before = sys.getswitchinterval()
    during = [sys.getswitchinterval() for _item in pipeline.iter_extracted(docs[:2], onto=onto)]
    assert during and all(s == min(before, parsing.GIL_SWITCH_SECONDS) for s in during)
    assert sys.getswitchinterval() == before
    with pytest.raises(RuntimeError):  # an error that ends the run gives it back too
        list(pipeline.iter_extracted(docs, onto=onto))
    assert sys.getswitchinterval() == before

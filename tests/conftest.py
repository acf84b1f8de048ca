"""Shared fixtures. Rule tests use hand-built Docs; end-to-end tests run the real pipeline."""

from __future__ import annotations

import json
import shutil
import signal
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span
from typer.testing import CliRunner

from graphbuild.cli import app
from graphbuild.ontology import load_ontology
from graphbuild.store import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def onto():
    return load_ontology()


@pytest.fixture(scope="session")
def vocab():
    # an English vocab, so lexical attributes such as lower_ are computed
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def make_doc(vocab):
    """Build a parsed Doc by hand: tokens as (word, head, dep, pos, tag, lemma) rows and
    entities as (start, end, label, actor_key) so rule tests never depend on a model."""

    def build(rows, ents=()):
        words = [r[0] for r in rows]
        doc = Doc(
            vocab,
            words=words,
            heads=[r[1] for r in rows],
            deps=[r[2] for r in rows],
            pos=[r[3] for r in rows],
            tags=[r[4] for r in rows],
            lemmas=[r[5] for r in rows],
        )
        doc.ents = [Span(doc, s, e, label=label, span_id=key or "") for s, e, label, key in ents]
        return doc

    return build


@pytest.fixture(scope="session")
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, runner):
    """The seeds built once through the real CLI: (result, output folder)."""
    out = tmp_path_factory.mktemp("exports")
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out)])
    return result, out


@pytest.fixture(scope="session")
def seed_triples(tmp_path_factory, runner):
    """`graphbuild extract seeds/*.txt --format jsonl` parsed into a list of dicts."""
    import json

    result = runner.invoke(app, ["extract", *map(str, sorted(SEEDS.glob("*.txt"))), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture()
def seed_copy(tmp_path):
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture(scope="session")
def seed_exports(seed_build, runner):
    """Every export format of the seeds' graph, written by `graphbuild export` from graph.ttl."""
    from graphbuild.export import EXPORTERS

    _result, out = seed_build
    args = ["export", "--graph", str(out / "graph.ttl"), "--out", str(out)]
    for fmt in EXPORTERS:
        args += ["--format", fmt]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def corpus(folder: Path, n: int = 12) -> Path:
    """A JSONL corpus of n short, varied records built from the evaluation sentences."""
    gold = (SEEDS.parent / "eval" / "sentences.gold.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = list(dict.fromkeys(json.loads(line)["sentence"] for line in gold))
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(sentences[(3 * i + k) % len(sentences)] for k in range(3))
            fh.write(json.dumps({"id": f"r{i:03d}", "text": f"Record {i}. {text}"}) + "\n")
    return path


def quads(store: Path) -> set[str]:
    """Every quad of an on-disk store, as text (stores compare as sets)."""
    return {str(q) for q in KnowledgeGraph(store, read_only=True).quads()}


def sigint_default() -> None:
    """``preexec_fn`` of a child that a test interrupts: Ctrl-C does what it does in a terminal,
    even when this test run inherited an ignored SIGINT (a shell starts background jobs so, their
    children inherit it, and Python then leaves SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)

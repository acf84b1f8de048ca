"""The HTML view (issue 13, item 1): its embedded data, that it is self-contained and
deterministic, and, in headless Chromium, that sigma draws every actor and relation of the
GraphML export and the panel answers a click, a search and a filter."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.cli import app
from graphbuild.store import KnowledgeGraph
from graphbuild.types import Actor, Document, Triple
from graphbuild.view import generate_html, script_json, view_data

RUS = Actor("RUS", "Russia", "State", "RUS")
CHN = Actor("CHN", "China", "State", "CHN")
DOC = Document(id="wire.txt", text="x", source="wire.txt", sha256="2" * 64, date="2015-05-08",
               title="Talks in Moscow")
OTHER = Document(id="note.txt", text="y", source="note.txt", sha256="3" * 64)  # no title, no date
BREAKOUT = 'He said "</script><script>alert(1)</script>" & <!-- left.'

# software WebGL (ANGLE on SwiftShader): headless Chromium has no GPU here or in CI
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
                  "--enable-unsafe-swiftshader", "--window-size=1280,800", "--hide-scrollbars"]


def _t(doc: Document, sentence: str, confidence: float, i: int, **flags) -> Triple:
    return Triple(doc_id=doc.id, doc_sha256=doc.sha256, sentence=sentence, sentence_index=i, start=i, end=i + 1,
                  subject=RUS, relation="cooperatesWith", relation_text="cooperates", lemma="cooperate", object=CHN,
                  negated=flags.get("negated", False), confidence=confidence, rule="verb_active",
                  hypothetical=flags.get("hypothetical", False))


@pytest.fixture(scope="module")
def small(onto):
    """One edge, Russia cooperates with China, supported by eight asserted sentences in two
    documents, one hypothetical and one negated."""
    kg = KnowledgeGraph()
    kg.load_ontology(onto)
    kg.put_document(DOC, [
        _t(DOC, BREAKOUT, 0.9, 0),
        _t(DOC, "Russia and China signed agreements.", 0.85, 1),
        _t(DOC, "Russia works with China.", 0.85, 2),  # as sure as the one above, and shorter: first
        _t(DOC, "Russia cooperates with China on energy.", 0.5, 3),
        _t(DOC, "Russia cooperates with China on trade.", 0.45, 4),
        _t(DOC, "Russia cooperates with China on grain.", 0.4, 5),  # the sixth best: left out
        _t(DOC, "Russia will cooperate with China.", 0.99, 6, hypothetical=True),
        _t(DOC, "Russia does not cooperate with China.", 0.95, 7, negated=True),
    ], onto)
    kg.put_document(OTHER, [_t(OTHER, "Russia and China held talks.", 0.6, 0)], onto)
    return kg


class _Page(HTMLParser):
    """The elements of a page and the text of each script element, as an HTML parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def _parse(html: bytes) -> _Page:
    page = _Page()
    page.feed(html.decode("utf-8"))
    return page


def _embedded(page: _Page) -> dict:
    (text,) = [text for attrs, text in page.scripts if attrs.get("id") == "graph-data"]
    return json.loads(text)


def test_view_embedded_json_is_the_data_and_survives_script_breakout(small):
    html = generate_html(small)
    page = _parse(html)
    assert len(page.scripts) == 3  # the data, the bundle, the page's own script: none ended early
    data = _embedded(page)
    assert data == json.loads(json.dumps(view_data(small)))
    assert data["edges"][0][-1][0][0] == BREAKOUT  # the sentence, exactly
    assert "</script" not in script_json(data).lower() and "<!--" not in script_json(data)


def test_view_evidence_is_the_five_most_confident_asserted_sentences(small):
    data = view_data(small)
    ((source, target, relation, statements, documents, confidence, dates, _where, evidence),) = data["edges"]
    assert [data["nodes"][source][0], data["relations"][relation][0], data["nodes"][target][0]] == \
        ["Russia", "cooperatesWith", "China"]
    assert (statements, documents, confidence, dates) == (7, 2, 0.9, ["2015-05-08"])
    assert [(s, c) for s, c, _d in evidence] == [
        (BREAKOUT, 0.9), ("Russia works with China.", 0.85), ("Russia and China signed agreements.", 0.85),
        ("Russia and China held talks.", 0.6), ("Russia cooperates with China on energy.", 0.5)]
    docs = [data["documents"][d] for _s, _c, d in evidence]
    assert docs[0] == ["Talks in Moscow", "2015-05-08", "wire.txt"]
    assert docs[3] == ["note.txt", "", "note.txt"]  # an untitled, undated document shows its name


@pytest.mark.parametrize("attribute", ["src", "href"])
def test_view_is_self_contained(seed_exports, attribute):
    html = (seed_exports / "graph.html").read_bytes()
    page = _parse(html)
    assert not [(tag, a) for tag, a in page.tags if tag in ("script", "link", "img", "iframe") and attribute in a]
    assert not [tag for tag, _a in page.tags if tag == "link"]
    style = html.split(b"<style>", 1)[1].split(b"</style>", 1)[0]
    assert b"url(" not in style and b"@import" not in style
    for _attrs, code in page.scripts:
        assert not re.search(r"\b(fetch|importScripts)\s*\(|XMLHttpRequest", code)


def test_view_is_deterministic(seed_exports, runner, tmp_path):
    result = runner.invoke(app, ["export", "--graph", str(seed_exports / "graph.ttl"), "--out", str(tmp_path),
                                 "--format", "html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.html").read_bytes() == (seed_exports / "graph.html").read_bytes()


def test_view_carries_the_bundled_licences(seed_exports):
    html = (seed_exports / "graph.html").read_text(encoding="utf-8")
    licences = Path(__file__).resolve().parent.parent / "graphbuild" / "assets" / "licenses"
    for line in (licences / "BUNDLED.txt").read_text(encoding="utf-8").splitlines():
        name, version, _licence = line.split()
        assert f"{name} {version} (MIT)" in html
        assert (licences / f"{name.replace('/', '__')}.txt").is_file()


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if os.environ.get("CI"):
        pytest.fail("headless Chromium is needed for the HTML view's browser test and is missing in CI: "
                    ".ci/run installs it with apt-get install chromium")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


def dump_dom(page: Path, fragment: str, profile: Path, *, budget_ms: int = 10_000, timeout: int = 120) -> dict:
    """Load ``page`` in headless Chromium; the ``data-*`` attributes of its body once loaded.
    The browser runs in its own process group, killed whole if it hangs."""
    args = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
            "--dump-dom", page.resolve().as_uri() + fragment]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"headless Chromium did not finish loading {page.name} in {timeout} s")
    body = re.search(r"<body ([^>]*)>", out)
    assert proc.returncode == 0 and body, f"chromium exited {proc.returncode}: {err[-2000:]}"
    return {k: v for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', body[1])}


def test_view_renders_every_actor_in_chromium(seed_exports, tmp_path):
    graphml = nx.read_graphml(seed_exports / "graph.graphml", force_multigraph=True)
    page = seed_exports / "graph.html"
    data = _embedded(_parse(page.read_bytes()))
    state = dump_dom(page, "#check", tmp_path / "profile")
    assert state["state"] == "ready", state.get("error")
    assert int(state["rendered-nodes"]) == graphml.number_of_nodes() == len(data["nodes"]) > 0
    assert int(state["rendered-edges"]) == graphml.number_of_edges() == len(data["edges"])
    assert int(state["painted-pixels"]) > 500  # the nodes' layer is not blank
    # the panel: edge 0's evidence, the best-connected actor's relations both ways, a search,
    # a confidence filter no edge passes (confidences stop at 0.99) and its reset
    assert int(state["check-evidence"]) == len(data["edges"][0][-1]) >= 1
    node = int(state["check-node"])
    assert int(state["check-node-relations"]) == data["nodes"][node][3] == graphml.degree(data["nodes"][node][5])
    least = sorted(range(len(data["nodes"])), key=lambda k: (-data["nodes"][k][3], k))[-1]  # searched by its label
    assert data["nodes"][int(state["check-search"])][0] == data["nodes"][least][0]
    assert int(state["check-filtered-edges"]) == 0
    assert int(state["check-reset-edges"]) == len(data["edges"])

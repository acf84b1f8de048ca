"""Web input: article extraction from realistic news pages, dates, languages, and fetching
pages and feeds from a loopback server the test starts and stops (no test reaches the internet)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graphbuild.dates import iso_date
from graphbuild.language import Split, readable, split_by_language
from graphbuild.web import WebError, fetch, read_html, read_url

WEB = Path(__file__).parent / "data" / "web"

ARTICLE = {
    "wire-story.html": [
        "Japan lodged a strong protest with China on Tuesday over the presence of Chinese government ships",
        "Foreign Minister Fumio Kishida summoned the Chinese ambassador and demanded that Beijing withdraw",
        "China rejected the protest and said the islands were its territory.",
        "The United States urged both sides to resolve the dispute through dialogue.",
    ],
    "readout.html": [
        "The Secretary of State met today with Indian Minister of External Affairs Sushma Swaraj",
        "The United States and India agreed to expand defense cooperation",
    ],
}
# every piece of furniture on the pages names states, so a fact taken from one would show
BOILERPLATE = ["cookie", "India condemns Pakistan", "Brazil recalls", "Share on", "Read also", "Vietnam accuses",
               "SkyHigh", "Advertisement", "Turkey threatens Greece", "Subscribe", "Russia supplies weapons",
               "Iran threatens", "Russia supports Venezuela", "Germany should sanction", "Canada expels",
               "Egypt attacks", "All rights reserved", "North Korean officials", "attack in Kabul",
               "Here's how you know", "Skip to content", "Bureau of Global Public Affairs", "Tags"]


@pytest.mark.parametrize("page", sorted(ARTICLE))
def test_web_article_keeps_every_paragraph_and_no_boilerplate(page):
    article = read_html((WEB / page).read_text(encoding="utf-8"))
    assert article is not None
    for paragraph in ARTICLE[page]:
        assert paragraph in article.text
    for furniture in BOILERPLATE:
        assert furniture not in article.text, furniture


def test_web_article_metadata():
    story = read_html((WEB / "wire-story.html").read_text(encoding="utf-8"))
    assert story.title == "Japan lodges protest with China over ships near disputed islands"  # no site name
    assert (story.date, story.author, story.publisher, story.language) == (
        "2016-08-09", "Hana Sato", "The Daily Ledger", "en")
    assert story.url == "https://ledger.example/world/asia/japan-protest-china-ships"
    readout = read_html((WEB / "readout.html").read_text(encoding="utf-8"))
    assert readout.date == "2015-04-20"  # 'Published: April 20, 2015' in the page's text


@pytest.mark.parametrize("text,expected", [
    ("Published: April 20, 2015", "2015-04-20"),
    ("Monday, 20 April 2015", "2015-04-20"),
    ("20.04.2015", "2015-04-20"),
    ("2015-04-20T10:00:00Z", "2015-04-20"),
    ("Updated on 3 March 2021", "2021-03-03"),
    ("2015-02-30", None),  # impossible
    ("yesterday", None),
    ("April 2015", None),  # no day: not a date literal
    ("The talks began on 20 April 2015 in Geneva and lasted a week, officials said.", None),
])
def test_dates_common_forms_read_and_impossible_ones_refused(text, expected):
    assert iso_date(text) == expected


def test_language_of_foreign_mixed_and_english_texts():
    ru_text = "Россия подписала соглашение о поставках газа с Китаем в понедельник, заявили в правительстве."
    ru = split_by_language(ru_text)
    assert (ru.language, ru.foreign, ru.counts) == ("ru", ((0, len(ru_text)),), {"ru": 1})
    zh = split_by_language("中国和俄罗斯周一签署了天然气供应协议，两国政府表示。这项协议使俄罗斯成为中国最大的天然气供应国。")
    assert (zh.language, zh.counts) == ("zh", {"zh": 1})
    mixed_text = ru_text + "\nRussia signed a gas supply agreement with China on Monday, the two governments said."
    mixed = split_by_language(mixed_text)
    assert readable(mixed_text, mixed.foreign) == " " * len(ru_text) + mixed_text[len(ru_text):]  # offsets kept
    assert mixed.counts == {"ru": 1}
    english = "Dateline: Moscow\n\nRussia signed a gas supply agreement with China on Monday.\nKazakhstan objected."
    assert split_by_language(english) == Split("en", (), {})  # an English text is left exactly as it is


class _Site:
    """A loopback web server with fixed routes; counts requests and records user agents."""

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, str, bytes]]] = {}
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.agents.append(self.headers.get("User-Agent", ""))
                answers = site.routes.get(self.path) or [(404, "text/plain", b"not found")]
                status, ctype, body = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture()
def site():
    s = _Site()
    yield s
    s.close()


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ledger World</title><link>{base}/</link><description>World news</description>
<item><title>Japan protests</title><link>{base}/story</link><pubDate>Tue, 09 Aug 2016 07:41:00 GMT</pubDate></item>
<item><title>Readout</title><link>{base}/undated</link><pubDate>Mon, 20 Apr 2015 12:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/gone</link><pubDate>Mon, 20 Apr 2015 12:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


UNDATED = b"""<html lang="en"><head><title>Talks</title></head><body><article><h1>Talks</h1>
<p>The United States and India agreed to expand defense cooperation and to hold a strategic dialogue.</p>
<p>Both governments said the talks in Washington had been productive and would continue next year.</p>
</article></body></html>"""


def test_fetch_reads_a_page_politely(site):
    site.routes["/story"] = [(200, "text/html; charset=utf-8", (WEB / "wire-story.html").read_bytes())]
    ((url, article),) = list(read_url(site.base + "/story"))
    assert url == site.base + "/story" and article.title.startswith("Japan lodges protest")
    assert site.agents and site.agents[0].startswith("graphbuild/")


def test_fetch_retries_a_failing_server_then_reads(site):
    site.routes["/flaky"] = [(503, "text/plain", b"busy"), (200, "text/html", UNDATED)]
    assert b"strategic dialogue" in fetch(site.base + "/flaky").content
    assert len(site.agents) == 2


@pytest.mark.parametrize("path,routes,message", [
    ("/missing", {}, "HTTP 404"),
    ("/huge", {"/huge": [(200, "text/html", b"x" * 5000)]}, "over the 1,000-byte cap"),
])
def test_fetch_failures_are_one_line(site, path, routes, message):
    site.routes.update(routes)
    with pytest.raises(WebError) as err:
        fetch(site.base + path, max_bytes=1000, retries=0)
    assert message in str(err.value) and site.base + path in str(err.value) and "\n" not in str(err.value)


def test_feed_items_are_fetched_as_articles_and_lend_their_date(site):
    site.routes["/feed.xml"] = [(200, "application/rss+xml", _feed(site.base))]
    site.routes["/story"] = [(200, "text/html", (WEB / "wire-story.html").read_bytes())]
    site.routes["/undated"] = [(200, "text/html", UNDATED)]
    got = dict(read_url(site.base + "/feed.xml", retries=0))
    assert got[site.base + "/story"].date == "2016-08-09"  # the page's own
    assert got[site.base + "/undated"].date == "2015-04-20"  # the feed item's, the page has none
    assert isinstance(got[site.base + "/gone"], WebError)  # one failed item, reported; the others came


def test_document_metadata_goes_into_its_graph(onto):
    from pyoxigraph import Literal, NamedNode

    from graphbuild.rdf import document_quads
    from graphbuild.types import Document

    doc = Document(id="p", text="x", source="https://ledger.example/a", sha256="0" * 64, title="T",
                   date="2016-08-09", author="Hana Sato", publisher="The Daily Ledger",
                   url="https://ledger.example/a", language="en")
    got = {(q.predicate.value.rsplit("/", 1)[-1], q.object) for q in document_quads(doc, [], onto)}
    dt = "http://www.w3.org/2001/XMLSchema#"
    assert {("creator", Literal("Hana Sato")), ("publisher", Literal("The Daily Ledger")),
            ("source", NamedNode("https://ledger.example/a")),
            ("language", Literal("en", datatype=NamedNode(dt + "language"))),
            ("date", Literal("2016-08-09", datatype=NamedNode(dt + "date")))} <= got


def test_cleaner_keeps_unspaced_cjk_text_and_drops_menu_words():
    from graphbuild.ingest import make_document

    text = ("首页\n国际\n中国和俄罗斯周一签署了天然气供应协议，两国政府表示。这项协议使俄罗斯成为中国最大的天然气供应国。\n"
            "ПРЕМИУМ\nRussia signed a gas supply agreement with China on Monday.")
    doc = make_document("zh.txt", text, source="zh.txt")
    assert "中国和俄罗斯周一签署了天然气供应协议" in doc.text
    assert "首页" not in doc.text and "ПРЕМИУМ" not in doc.text  # menu items in other scripts still go


# ---------------------------------------------------------------- end to end, through the CLI
import json  # noqa: E402

import rdflib  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from graphbuild.cli import app  # noqa: E402

FURNITURE_STATES = {"VEN", "PAK", "BRA", "VNM", "TUR", "GRC", "SRB", "IRN", "SAU", "DEU", "CAN", "EGY", "LBY",
                    "PRK", "AFG"}


def _extract(args: list[str]) -> tuple[list[dict], str]:
    result = CliRunner().invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()], result.stderr


def _dyads(rows: list[dict]) -> set[tuple[str, str, str]]:
    return {(r["subject"]["country"], r["relation"]["plover"], r["object"]["country"]) for r in rows
            if not r["negated"] and not r["hypothetical"]}


def test_cli_news_pages_give_article_facts_and_none_from_boilerplate():
    rows, _err = _extract([str(WEB / "wire-story.html"), str(WEB / "readout.html")])
    countries = {r[k]["country"] for r in rows for k in ("subject", "object")}
    assert not countries & FURNITURE_STATES  # every piece of furniture names one of these
    story = _dyads([r for r in rows if r["doc"] == "wire-story.html"])
    assert {("JPN", "ACCUSE", "CHN"), ("JPN", "REQUEST", "CHN"), ("USA", "REQUEST", "JPN"),
            ("USA", "REQUEST", "CHN")} <= story
    assert ("USA", "AGREE", "IND") in _dyads([r for r in rows if r["doc"] == "readout.html"])


def test_cli_build_puts_page_metadata_in_the_graph(tmp_path):
    result = CliRunner().invoke(app, ["build", str(WEB / "wire-story.html"), "--out", str(tmp_path), "-f", "turtle"])
    assert result.exit_code == 0, result.output
    g = rdflib.Dataset()
    g.parse(tmp_path / "graph.ttl", format="turtle")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    values = {(p, str(o)) for _s, p, o in g.triples((None, None, None)) if str(p).startswith(str(dct))}
    assert {(dct.title, "Japan lodges protest with China over ships near disputed islands"),
            (dct.date, "2016-08-09"), (dct.creator, "Hana Sato"), (dct.publisher, "The Daily Ledger"),
            (dct.source, "https://ledger.example/world/asia/japan-protest-china-ships"), (dct.language, "en")} <= values


def test_cli_foreign_documents_are_named_by_language_and_mixed_ones_keep_their_english(tmp_path):
    (tmp_path / "ru.txt").write_text("Россия подписала соглашение о поставках газа с Китаем в понедельник, "
                                     "заявили в правительстве обеих стран.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("中国和俄罗斯周一签署了天然气供应协议，两国政府表示。这项协议使俄罗斯成为中国最大的天然气供应国。\n",
                                     encoding="utf-8")
    (tmp_path / "mixed.txt").write_text(
        "Россия подписала соглашение о поставках газа с Китаем в понедельник, заявили в правительстве.\n"
        "Russia signed a gas supply agreement with China on Monday, the two governments said.\n", encoding="utf-8")
    rows, err = _extract([str(tmp_path)])
    lines = [line for line in err.splitlines() if line.strip()]
    assert any("ru.txt" in line and "Russian (ru)" in line for line in lines)
    assert any("zh.txt" in line and "Chinese (zh)" in line for line in lines)
    assert any("mixed.txt" in line and "1 line(s) in another language" in line for line in lines)
    assert "no text" not in err
    assert {r["doc"] for r in rows} == {"mixed.txt"}
    assert ("RUS", "AGREE", "CHN") in _dyads(rows) or ("RUS", "COOPERATE", "CHN") in _dyads(rows)


def test_cli_reads_an_article_url_and_a_feed(site):
    site.routes["/story"] = [(200, "text/html", (WEB / "wire-story.html").read_bytes())]
    site.routes["/undated"] = [(200, "text/html", UNDATED)]
    site.routes["/feed.xml"] = [(200, "application/rss+xml", _feed(site.base))]
    rows, err = _extract([site.base + "/story"])
    assert ("JPN", "ACCUSE", "CHN") in _dyads(rows) and {r["doc"] for r in rows} == {site.base + "/story"}
    rows, err = _extract([site.base + "/feed.xml"])
    assert {r["doc"] for r in rows} == {site.base + "/story", site.base + "/undated"}
    assert site.base + "/gone" in err and "HTTP 404" in err  # the failed item is named, the rest read

"""Ingest: cleaning, boilerplate removal, metadata, and bad input reported per file/record."""

from __future__ import annotations

import json

import pytest

from graphbuild.ingest import (
    IngestError,
    clean_text,
    make_document,
    parse_date,
    read_documents,
    strip_boilerplate,
)


@pytest.mark.parametrize("raw,expected", [
    ("Russia\u00a0and\u202fChina", "Russia and China"),
    ("Xi\u200b Jinping\ufeff", "Xi Jinping"),
    ("a\x0cb\x07c", "abc"),
    ("What\u2032s new", "What\u2019s new"),
    ("Cafe\u0301", "Caf\u00e9"),  # NFC
    ("\u201cquoted\u201d", "\u201cquoted\u201d"),  # curly quotes are kept
    ("line one\r\nline two", "line one\nline two"),
])
def test_ingest_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("line,iso", [
    ("20 april 2015 | 23:00", "2015-04-20"),
    ("April 20, 2015", "2015-04-20"),
    ("2015-04-20", "2015-04-20"),
    ("Russia joined in April 2015.", None),
])
def test_ingest_parse_date(line, iso):
    assert parse_date(line) == iso


LEAD = "The visit of Chinese Foreign Minister Wang Yi to Russia on April 6-8 was widely covered in the media."
PAGE = f"""Mikhail Mamonov
{LEAD}
ПРЕМИУМ
20 april 2015 | 23:00

Moscow and Beijing must learn to be upfront with each other

{LEAD}

READ MORE ON THE TOPIC «Politics»
Next page Previous page
Do not show again"""


@pytest.mark.parametrize("gone", ["ПРЕМИУМ", "20 april 2015", "READ MORE", "Next page", "Do not show again"])
def test_ingest_strip_boilerplate_removes_furniture(gone):
    text, _ = strip_boilerplate(clean_text(PAGE))
    assert gone not in text


@pytest.mark.parametrize("page", [PAGE])
def test_ingest_repeated_lead_kept_once_and_metadata(page):
    doc = make_document("a.txt", page, source="a.txt")
    assert doc.text.count(LEAD) == 1
    assert doc.text.index(LEAD) > doc.text.index("Moscow and Beijing")
    assert doc.title == "Moscow and Beijing must learn to be upfront with each other"
    assert doc.date == "2015-04-20"
    assert len(doc.sha256) == 64


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_ingest_reads_each_file_type(tmp_path, suffix):
    body = {"txt": "Russia joins the AIIB.", "md": "# Title here now\n\nRussia joins the AIIB.",
            "html": "<html><title>T</title><nav>Menu</nav><p>Russia joins the AIIB.</p><script>x()</script></html>"}
    path = tmp_path / f"a{suffix}"
    path.write_text(body[suffix[1:]], encoding="utf-8")
    (doc,) = read_documents([tmp_path])
    assert "Russia joins the AIIB." in doc.text
    assert "Menu" not in doc.text and "x()" not in doc.text
    assert doc.id == path.name


@pytest.mark.parametrize("n", [1])
def test_ingest_bad_file_reported_and_skipped(tmp_path, n):
    (tmp_path / "good.txt").write_text("Russia joins the AIIB.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Russia \xff\xfe joins")
    errors: list[IngestError] = []
    docs = list(read_documents([tmp_path], on_error=errors.append))
    assert [d.id for d in docs] == ["good.txt"]
    assert len(errors) == n
    assert "bad.txt" in str(errors[0]) and "UTF-8" in str(errors[0])


@pytest.mark.parametrize("line,needle", [
    ("{not json", ":2: not a JSON object"),
    (json.dumps({"text": "no id"}), ":2: record needs an \"id\""),
    (json.dumps({"id": "x"}), ":2: record needs a string \"text\""),
    (json.dumps({"id": "a", "text": "duplicate"}), ":2: duplicate id 'a'"),
    (json.dumps({"id": "e", "text": "   "}), ":2: document 'e' has no text"),
])
def test_ingest_jsonl_bad_record_named_by_line(tmp_path, line, needle):
    corpus = tmp_path / "c.jsonl"
    good = json.dumps({"id": "a", "text": "Russia joins the AIIB.", "date": "2015-04-20"})
    last = json.dumps({"id": "z", "text": "China lends to Central Asia."})
    corpus.write_text("\n".join([good, line, last]) + "\n", encoding="utf-8")
    errors: list[IngestError] = []
    docs = list(read_documents([corpus], on_error=errors.append))
    assert [d.id for d in docs] == ["a", "z"]
    assert docs[0].date == "2015-04-20"
    assert len(errors) == 1 and needle in str(errors[0]) and "c.jsonl" in str(errors[0])


@pytest.mark.parametrize("name", ["missing.txt"])
def test_ingest_missing_path_raises(tmp_path, name):
    with pytest.raises(IngestError, match="no such file"):
        list(read_documents([tmp_path / name]))

"""Ingest: files, folders and JSONL corpora in; cleaned ``Document`` records out.

Web text arrives with non-breaking spaces, zero-width characters, site menus,
"READ MORE" teasers, bare dates and a lead paragraph printed twice. All of that
confuses a parser, so it is cleaned here, before any NLP, and every later offset
refers to the cleaned text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from graphbuild.types import Document

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
CORPUS_SUFFIXES = (".jsonl",)

# Spaces that print like a space but defeat tokenizers (NBSP, thin, ideographic...).
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters and C0/C1 controls other than tab and newline.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A prime or acute accent used as an apostrophe between letters: "What′s".
_FAKE_APOSTROPHE = re.compile(r"(?<=\w)[\u2032\u00b4`](?=\w)")

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "20 april 2015 | 23:00", "April 20, 2015", "2015-04-20", optionally with a time.
_DATE_LINE = re.compile(
    rf"^\s*(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})\.?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
    r"\s*(?:[|,\-–]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.IGNORECASE,
)
# Lines that are site furniture rather than article text.
_BOILERPLATE = re.compile(
    r"^\s*(?:read more(?: on the topic)?\b.*|related(?: articles| stories)?:?|next page(?: previous page)?"
    r"|previous page(?: next page)?|share(?: this)?(?: article)?:?|subscribe\b.*|advertisement"
    r"|get access to our free content|do not show again|what.s your opinion on this\??|dossier"
    r"|comments?|print|tags?:.*|all rights reserved.*|©.*|the text was originally published (?:at|in|by)\b.*"
    r"|translated by\b.*)\s*$",
    re.IGNORECASE,
)


class IngestError(ValueError):
    """An input file or record cannot be read; the message names it and the fix."""


def clean_text(raw: str) -> str:
    """Normalise Unicode and whitespace, drop invisible characters.

    NFC first so that composed and decomposed accents compare equal; odd spaces
    become plain spaces; curly quotes are kept (they are real punctuation) but a
    prime used as an apostrophe becomes one.
    """
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _FAKE_APOSTROPHE.sub("\u2019", text)
    text = text.replace("\t", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def parse_date(line: str) -> str | None:
    """ISO date of a bare date line ('20 april 2015 | 23:00' -> '2015-04-20'), else None."""
    m = _DATE_LINE.match(line)
    if not m:
        return None
    try:
        if m["y1"]:
            return date(int(m["y1"]), _MONTHS[m["m1"].lower()], int(m["d1"])).isoformat()
        if m["y2"]:
            return date(int(m["y2"]), _MONTHS[m["m2"].lower()], int(m["d2"])).isoformat()
        return date(int(m["y3"]), int(m["m3"]), int(m["d3"])).isoformat()
    except ValueError:
        return None


def _is_foreign_menu_word(line: str) -> bool:
    """A short line with letters but no Latin letters: a menu item in another script ('ПРЕМИУМ').

    Short in letters as well as in words: Chinese and Japanese put no spaces between words,
    so a whole paragraph of them is one 'word' and must not go as a menu item.
    """
    letters = [c for c in line if c.isalpha()]
    return (bool(letters) and len(line.split()) <= 4 and len(letters) <= 20
            and not line.rstrip().endswith(("。", "！", "？", ".", "!", "?"))
            and not any("LATIN" in unicodedata.name(c, "") for c in letters))


def strip_boilerplate(text: str) -> tuple[str, str | None]:
    """Remove site furniture lines and repeated paragraphs; return (text, first date seen).

    A paragraph printed twice (the teaser lead above the headline) is kept only at
    its last occurrence, where it belongs to the body.
    """
    lines = text.split("\n")
    first_date: str | None = None
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append(line)
            continue
        found = parse_date(line)
        if found is not None:
            first_date = first_date or found
            continue
        if _BOILERPLATE.match(line) or _is_foreign_menu_word(line):
            continue
        kept.append(line)
    # Drop earlier copies of long repeated paragraphs.
    last_seen = {line: i for i, line in enumerate(kept) if len(line) > 80}
    kept = [line for i, line in enumerate(kept) if not line or len(line) <= 80 or last_seen[line] == i]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return out, first_date


def guess_title(text: str) -> str | None:
    """First headline-like line: at least four words, no final full stop, not too long."""
    for line in text.split("\n")[:15]:
        words = line.split()
        if 4 <= len(words) <= 30 and not line.endswith((".", ":", ";")):
            return line.lstrip("# ").strip()
    return None


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, one block element per line."""

    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(visible text, <title>) of an HTML document."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts)), parser.title


def make_document(doc_id: str, raw: str, *, source: str, title: str | None = None,
                  date_: str | None = None, line: int | None = None) -> Document:
    """Clean raw text into a ``Document``; raise ``IngestError`` when nothing is left."""
    text, found_date = strip_boilerplate(clean_text(raw))
    where = f"{source}:{line}" if line is not None else source
    if not text.strip():
        raise IngestError(f"{where}: document {doc_id!r} has no text after cleaning; remove it or give it text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=doc_id,
        text=text,
        source=source,
        sha256=digest,
        title=(title or guess_title(text)),
        date=date_ or found_date,
        line=line,
    )


def _read_text_file(path: Path) -> Document:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{path}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from None
    title = None
    if path.suffix.lower() in (".html", ".htm"):
        raw, title = html_to_text(raw)
    elif path.suffix.lower() == ".md":
        heading = re.search(r"^#\s+(.+)$", raw, re.MULTILINE)
        title = heading.group(1).strip() if heading else None
        raw = re.sub(r"^#+\s*", "", raw, flags=re.MULTILINE)
    return make_document(path.name, raw, source=str(path), title=title)


def _read_jsonl(path: Path, on_error: Callable[[IngestError], None]) -> Iterator[Document]:
    seen: set[str] = set()
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        on_error(IngestError(f"{path}: cannot read ({exc.strerror})"))
        return
    with fh:
        n = 0
        while True:
            n += 1
            try:
                line = fh.readline()
            except UnicodeDecodeError:
                on_error(IngestError(f"{path}:{n}: not valid UTF-8; re-save the corpus as UTF-8"))
                return
            if not line:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                on_error(IngestError(f"{path}:{n}: not a JSON object ({exc.msg}); each line must be {{\"id\": ..., \"text\": ...}}"))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                on_error(IngestError(f"{path}:{n}: record needs a string \"text\" field"))
                continue
            rid = record.get("id")
            if not isinstance(rid, (str, int)) or isinstance(rid, bool) or str(rid) == "":
                on_error(IngestError(f"{path}:{n}: record needs an \"id\" (string or integer)"))
                continue
            rid = str(rid)
            if rid in seen:
                on_error(IngestError(f"{path}:{n}: duplicate id {rid!r}; ids must be unique in a corpus"))
                continue
            seen.add(rid)
            try:
                yield make_document(
                    rid, record["text"], source=str(path),
                    title=record.get("title") if isinstance(record.get("title"), str) else None,
                    date_=record.get("date") if isinstance(record.get("date"), str) else None,
                    line=n,
                )
            except IngestError as exc:
                on_error(exc)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the supported files inside folders, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES)
        elif p.exists():
            out.append(p)
        else:
            raise IngestError(f"{p}: no such file or folder")
    return out


def _raise(exc: IngestError) -> None:
    raise exc


def read_documents(paths: Iterable[str | Path], *,
                   on_error: Callable[[IngestError], None] = _raise) -> Iterator[Document]:
    """Yield cleaned documents from files, folders and JSONL corpora.

    A bad file or record is passed to ``on_error`` and skipped, so one broken
    document never ends a long run; the default re-raises.
    """
    for path in expand_paths(paths):
        suffix = path.suffix.lower()
        if suffix in CORPUS_SUFFIXES:
            yield from _read_jsonl(path, on_error)
        elif suffix in TEXT_SUFFIXES:
            try:
                yield _read_text_file(path)
            except IngestError as exc:
                on_error(exc)
        else:
            on_error(IngestError(
                f"{path}: unsupported file type {suffix or '(none)'}; use {', '.join(TEXT_SUFFIXES + CORPUS_SUFFIXES)}"
            ))

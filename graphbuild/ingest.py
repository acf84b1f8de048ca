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
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from graphbuild.dates import iso_date
from graphbuild.language import EXTRACTED, readable, split_by_language
from graphbuild.types import Document
from graphbuild.web import Article, WebError, is_url, read_html, read_url

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
CORPUS_SUFFIXES = (".jsonl",)
# A text file or JSONL record larger than this is reported and skipped: a runaway file (a log,
# a dump) must not take all memory. The CLI's --max-file-size (in MB) raises it.
MAX_FILE_SIZE_MB = 200
MAX_FILE_SIZE = MAX_FILE_SIZE_MB * 2**20

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


class IngestWarning(IngestError, UserWarning):
    """A record was repaired so it could be kept (a date dropped, a character replaced).

    It travels through the same ``on_error`` callback as an ``IngestError`` so every
    caller sees it, but the document is not skipped; without a callback it is a
    Python warning, never an exception.
    """


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


# A short line with a month name or a numeric date and a year may be a date line in another
# form ('Published: April 20, 2015', 'Monday, 20 April 2015', '20.04.2015'), which dateparser
# reads; the test keeps dateparser (slow to load) away from corpora that never need it.
_MAYBE_DATE = re.compile(
    rf"^(?=.{{0,60}}$)(?=.*\b(?:1[89]|20)\d\d\b)(?:.*\b(?:{_MONTH_RE})\b|.*\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\b)",
    re.IGNORECASE)


def parse_date(line: str) -> str | None:
    """ISO date of a bare date line ('20 april 2015 | 23:00' -> '2015-04-20'), else None."""
    m = _DATE_LINE.match(line)
    if not m:
        return iso_date(line) if _MAYBE_DATE.match(line) else None
    try:
        if m["y1"]:
            return date(int(m["y1"]), _MONTHS[m["m1"].lower()], int(m["d1"])).isoformat()
        if m["y2"]:
            return date(int(m["y2"]), _MONTHS[m["m2"].lower()], int(m["d2"])).isoformat()
        return date(int(m["y3"]), int(m["m3"]), int(m["d3"])).isoformat()
    except ValueError:
        return None


def normalise_date(value: str) -> str | None:
    """The ISO calendar date (YYYY-MM-DD) a record's date names, or None when it names no real day.

    ISO dates and date-times ('2015-04-20', '2015-04-20T23:00:00Z') and the bare date
    lines of ``parse_date`` ('April 20, 2015') are understood. Anything else ('yesterday',
    '2015-02-30', '2015') would be an ill-typed xsd:date in the graph and a spell Gephi's
    timeline cannot read. A fuller parser (free-form dates) belongs here.
    """
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return parse_date(text) or iso_date(text)


def _is_foreign_menu_word(line: str) -> bool:
    """A short line with letters but no Latin letters: a menu item in another script ('ПРЕМИУМ').

    Short in letters as well as in words: Chinese and Japanese put no spaces between words,
    so a whole paragraph of them is one 'word' and must not go as a menu item.
    """
    if len(line.split()) > 4:
        return False  # a body paragraph: settled before looking at every letter of it
    letters = [c for c in line if c.isalpha()]
    return (bool(letters) and len(letters) <= 20
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
                  date_: str | None = None, line: int | None = None, author: str | None = None,
                  publisher: str | None = None, url: str | None = None) -> Document:
    """Clean raw text into a ``Document``; raise ``IngestError`` when nothing is left.

    The document's language is detected here; lines in another language than English stay
    in its text (its hash and offsets are those of the whole) but are marked ``foreign``,
    and the parser never reads them.
    """
    text, found_date = strip_boilerplate(clean_text(raw))
    where = f"{source}:{line}" if line is not None else source
    if not text.strip():
        raise IngestError(f"{where}: document {doc_id!r} has no text after cleaning; remove it or give it text")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    languages = split_by_language(text)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        sha256=digest,
        title=(title or guess_title(text)),
        date=date_ or found_date,
        line=line,
        author=author,
        publisher=publisher,
        url=url,
        language=languages.language,
        foreign=languages.foreign,
    )


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, for the message."""
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


def _too_big(where: str | Path, size: int, limit: int, what: str = "input file") -> IngestError:
    return IngestError(
        f"{where}: {size:,} bytes is over the limit of {limit:,} bytes ({limit / 2**20:g} MB) for one {what}; "
        "split it, or raise the limit with --max-file-size (in MB)"
    )


def _regular_size(path: Path) -> int:
    """Size of ``path`` if it is (or links to) a regular file, else ``IngestError``.

    Checked with stat, before any open: opening a FIFO for reading blocks until a
    writer comes, and a device such as /dev/zero never ends.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise IngestError(f"{path}: broken symbolic link (to {os.readlink(path)}); "
                              "fix or remove the link") from None
        raise IngestError(f"{path}: no such file") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(f"{path}: is {_kind(st.st_mode)}, not a regular file; name a regular file or a folder")
    return st.st_size


def _open_file(path: Path, max_size: int | None) -> BinaryIO:
    """Open a checked regular file of at most ``max_size`` bytes (None: any size); O_NONBLOCK and
    a second look at the open file close the gap in which it could have been swapped for a FIFO."""
    size = _regular_size(path)
    if max_size is not None and size > max_size:
        raise _too_big(path, size, max_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise IngestError(f"{path}: is {_kind(mode)}, not a regular file; name a regular file or a folder")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_text_file(path: Path, fh: BinaryIO, max_file_size: int) -> Document:
    try:
        with fh:
            data = fh.read(max_file_size + 1)  # never more than the limit, even if the file grows
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > max_file_size:
        raise _too_big(path, len(data), max_file_size)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{path}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from None
    title = None
    if path.suffix.lower() in (".html", ".htm"):
        return _html_document(path.name, raw, source=str(path))
    if path.suffix.lower() == ".md":
        heading = re.search(r"^#\s+(.+)$", raw, re.MULTILINE)
        title = heading.group(1).strip() if heading else None
        raw = re.sub(r"^#+\s*", "", raw, flags=re.MULTILINE)
    return make_document(path.name, raw, source=str(path), title=title)


def _html_document(doc_id: str, markup: str, *, source: str) -> Document:
    """A saved web page as a document: its article's text and metadata (``graphbuild.web``), or,
    for a page with no article structure trafilatura recognises, all its visible text."""
    article = read_html(markup)
    if article is None:
        raw, title = html_to_text(markup)
        return make_document(doc_id, raw, source=source, title=title)
    return _article_document(doc_id, article, source=source)


def _article_document(doc_id: str, article: Article, *, source: str, url: str | None = None) -> Document:
    """A web article (a saved page or a fetched one) as a document, with what the page says of itself."""
    return make_document(doc_id, article.text, source=source, title=article.title,
                         date_=normalise_date(article.date or ""), author=article.author,
                         publisher=article.publisher, url=article.url or url)


def _read_url(url: str, max_file_size: int, on_error: Callable[[IngestError], None]) -> Iterator[Document]:
    """The article at a URL, or every article of a feed; each failure is one line and skipped."""
    pages = read_url(url, max_bytes=max_file_size)
    while True:
        try:
            item, found = next(pages)
        except StopIteration:
            return
        except WebError as exc:
            on_error(IngestError(str(exc)))
            return
        if isinstance(found, WebError):
            on_error(IngestError(str(found)))
            continue
        try:
            yield _article_document(item, found, source=item, url=item)
        except IngestError as exc:
            on_error(exc)


# Surrogate code points: JSON can spell one alone ("\\ud800"), but no UTF-8 text can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lines(path: Path, fh: BinaryIO, max_size: int,
           on_error: Callable[[IngestError], None]) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of a corpus: each line is decoded on its own, so a bad byte costs
    its line only. A corpus is streamed, so the size limit holds per record: a longer line
    is reported and passed over in 1 MiB reads, never held in memory."""
    with fh:
        n = 0
        while raw := fh.readline(max_size + 1):
            n += 1
            if len(raw) > max_size:
                size = len(raw)
                while not raw.endswith(b"\n") and (raw := fh.readline(2**20)):
                    size += len(raw)
                on_error(_too_big(f"{path}:{n}", size, max_size, "record"))
                continue
            yield n, raw


def _strings(record: dict, where: str, on_error: Callable[[IngestError], None]) -> dict:
    """The record with lone surrogates in its string fields replaced by U+FFFD (and reported):
    they cannot be encoded, so the text could be neither hashed nor written."""
    bad = [k for k, v in record.items() if isinstance(v, str) and _SURROGATE.search(v)]
    if not bad:
        return record
    on_error(IngestWarning(
        f"{where}: lone surrogate escape in {', '.join(json.dumps(k) for k in bad)} replaced with U+FFFD; "
        "the record is kept; write the character itself or a valid surrogate pair"
    ))
    return {k: _SURROGATE.sub("\ufffd", v) if k in bad else v for k, v in record.items()}


def _record_date(value: object, where: str, on_error: Callable[[IngestError], None]) -> str | None:
    """The record's date as ISO, or None; an invalid one is reported and dropped, never the document."""
    if value is None or value == "":
        return None
    iso = normalise_date(value) if isinstance(value, str) else None
    if iso is None:
        shown = json.dumps(value)[:40] if not isinstance(value, str) else repr(value[:40] + "..." * (len(value) > 40))
        on_error(IngestWarning(
            f"{where}: date {shown} is not a calendar date; the document is kept without a date; "
            "write dates as YYYY-MM-DD"
        ))
    return iso


def _read_jsonl(path: Path, fh: BinaryIO, max_file_size: int,
                on_error: Callable[[IngestError], None]) -> Iterator[Document]:
    seen: set[str] = set()
    for n, raw in _lines(path, fh, max_file_size, on_error):
        where = f"{path}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            on_error(IngestError(f"{where}: not valid UTF-8 (byte {exc.start + 1} of the line); "
                                 "re-save the corpus as UTF-8"))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            on_error(IngestError(f"{where}: JSON nested too deeply to read; "
                                 "each line must be a flat {\"id\": ..., \"text\": ...}"))
            continue
        except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            on_error(IngestError(f"{where}: not a JSON object ({msg}); "
                                 "each line must be {\"id\": ..., \"text\": ...}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            on_error(IngestError(f"{where}: record needs a string \"text\" field"))
            continue
        rid = record.get("id")
        if not isinstance(rid, (str, int)) or isinstance(rid, bool) or str(rid) == "":
            on_error(IngestError(f"{where}: record needs an \"id\" (string or integer)"))
            continue
        record = _strings(record, where, on_error)
        rid = str(record["id"])
        if rid in seen:
            on_error(IngestError(f"{where}: duplicate id {rid!r}; ids must be unique in a corpus"))
            continue
        seen.add(rid)
        try:
            yield make_document(
                rid, record["text"], source=str(path),
                title=record.get("title") if isinstance(record.get("title"), str) else None,
                date_=_record_date(record.get("date"), where, on_error),
                line=n,
            )
        except IngestError as exc:
            on_error(exc)


def _ignore(_exc: IngestError) -> None:
    return None


def _walk(folder: Path, on_error: Callable[[IngestError], None]) -> list[Path]:
    """Supported files in ``folder`` and below. A FIFO, device, broken link or folder that
    cannot be listed is reported, not silently passed over; links to folders are not
    followed (a link cycle would never end), links to files are."""
    found: list[Path] = []

    def unlisted(exc: OSError) -> None:
        on_error(IngestError(f"{exc.filename}: cannot list this folder ({exc.strerror}); its files are skipped; "
                             "fix its permissions"))

    for root, _dirs, files in os.walk(folder, onerror=unlisted):
        for name in files:
            path = Path(root, name)
            if path.suffix.lower() not in TEXT_SUFFIXES + CORPUS_SUFFIXES:
                continue
            try:
                _regular_size(path)  # the size is checked when the file is opened
            except IngestError as exc:
                on_error(exc)
                continue
            found.append(path)
    return sorted(found)


def expand_paths(paths: Iterable[str | Path], *,
                 on_error: Callable[[IngestError], None] = _ignore) -> list[Path]:
    """Files named directly, plus the supported files inside folders, in a stable order.

    A missing path raises. Entries of a folder that cannot be read as documents go to
    ``on_error`` (``read_documents`` passes its own; the default, for counting, ignores them).
    """
    out: list[Path] = []
    for p in (Path(p) for p in paths if not is_url(str(p))):  # URLs are read by read_documents
        if p.is_dir():
            out += _walk(p, on_error)
        elif p.exists():
            out.append(p)
        elif p.is_symlink():
            raise IngestError(f"{p}: broken symbolic link (to {os.readlink(p)}); fix or remove the link")
        else:
            raise IngestError(f"{p}: no such file or folder")
    return out


def _raise(exc: IngestError) -> None:
    if isinstance(exc, IngestWarning):
        warnings.warn(exc, stacklevel=3)
        return
    raise exc


def read_documents(paths: Iterable[str | Path], *,
                   on_error: Callable[[IngestError], None] = _raise,
                   max_file_size: int = MAX_FILE_SIZE) -> Iterator[Document]:
    """Yield cleaned documents from files, folders, JSONL corpora and http(s) URLs (an article,
    or an RSS/Atom feed whose items are fetched as articles).

    A bad file or record is passed to ``on_error`` and skipped, so one broken
    document never ends a long run; the default re-raises (and turns an
    ``IngestWarning``, a record repaired and kept, into a Python warning). Only
    regular files are opened; a text file or a corpus record over ``max_file_size``
    bytes is reported and skipped.
    """
    for doc in _read_inputs(paths, on_error, max_file_size):
        if doc.foreign and readable(doc.text, doc.foreign).strip():
            on_error(IngestWarning(f"{_where(doc)}: {len(doc.foreign)} line(s) in another language set aside "
                                   f"(mostly {_language_name(doc.language)}); only English is extracted"))
        elif doc.language != EXTRACTED:
            on_error(IngestWarning(f"{_where(doc)}: in {_language_name(doc.language)} ({doc.language}); only English "
                                   "is extracted, so it gives no statements"))
        yield doc


def _where(doc: Document) -> str:
    return f"{doc.source}:{doc.line}" if doc.line is not None else doc.source


def _language_name(code: str | None) -> str:
    import pycountry

    found = pycountry.languages.get(alpha_2=code or "")
    return found.name if found is not None else "another language"


def _read_inputs(paths: Iterable[str | Path], on_error: Callable[[IngestError], None],
                 max_file_size: int) -> Iterator[Document]:
    """Files and folders first (a missing path fails before any work), then URLs."""
    paths = list(paths)
    for path in expand_paths(paths, on_error=on_error):
        yield from _read_path(path, on_error, max_file_size)
    for url in (str(p) for p in paths if is_url(str(p))):
        yield from _read_url(url, max_file_size, on_error)


def _read_path(path: Path, on_error: Callable[[IngestError], None], max_file_size: int) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + CORPUS_SUFFIXES:
        on_error(IngestError(
            f"{path}: unsupported file type {suffix or '(none)'}; use {', '.join(TEXT_SUFFIXES + CORPUS_SUFFIXES)}"
        ))
        return
    try:
        # a corpus is streamed a line at a time: its limit is per record, not for the file
        fh = _open_file(path, None if suffix in CORPUS_SUFFIXES else max_file_size)
    except IngestError as exc:
        on_error(exc)
        return
    if suffix in CORPUS_SUFFIXES:
        yield from _read_jsonl(path, fh, max_file_size, on_error)
    else:
        try:
            yield _read_text_file(path, fh, max_file_size)
        except IngestError as exc:
            on_error(exc)

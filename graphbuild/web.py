"""Web input: news pages without their boilerplate, articles from URLs, RSS/Atom feeds.

A saved news page is mostly furniture: tickers, cookie banners, "read also" boxes, ads,
reader comments, most-read lists. Facts taken from them are wrong facts ("Russia supports
Venezuela", from a comment), so HTML goes through trafilatura, which is maintained for
exactly this (main-text extraction benchmarked on news sites) and also reads the page's
title without the site name, its date (through htmldate), author, site name and canonical
URL. Fetching is plain ``requests`` with urllib3's retry and back-off; feeds are read with
feedparser, which copes with every RSS and Atom dialect in the wild.
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from graphbuild import __version__

USER_AGENT = f"graphbuild/{__version__} (knowledge-graph builder; polite fetcher)"
FETCH_TIMEOUT = 20.0  # seconds to connect and between bytes
FETCH_MAX_BYTES = 10 << 20  # a news page or feed is far smaller; anything bigger is not one
FETCH_RETRIES = 3  # on connection errors and 429/5xx, with exponential back-off
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


class WebError(ValueError):
    """A URL cannot be fetched or read; the message names it and the fix."""


@dataclass(frozen=True, slots=True)
class Article:
    """The main text of a web page and what the page says about itself."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date
    author: str | None = None
    publisher: str | None = None  # the site's name
    url: str | None = None  # canonical URL when the page gives one
    language: str | None = None  # as the page declares it (<html lang>), ISO 639-1


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # media type without parameters, lower case
    encoding: str | None  # charset the server declared


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    title: str | None
    date: str | None  # ISO 8601 date of publication, when the feed gives one


def read_html(markup: str, url: str | None = None) -> Article | None:
    """The article of an HTML page, or None when the page has no main text."""
    import trafilatura  # imported on use: a plain-text build should not pay for it

    found = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, deduplicate=False)  # (across pages: not ours to drop)
    if found is None or not (found.text or "").strip():
        return None
    return Article(
        text=_without_heading(found.text, found.title),
        title=found.title or None,
        date=found.date or None,
        author=found.author or None,
        publisher=found.sitename or None,
        url=found.url or url,
        language=_declared_language(markup),
    )


def _without_heading(text: str, title: str | None) -> str:
    """The article text less a first line repeating the title (kept as the title)."""
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    return "\n\n".join(line for line in lines if line.strip())


def _declared_language(markup: str) -> str | None:
    """The page's <html lang>: 'en-GB' -> 'en'."""
    m = re.search(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", markup[:4096], re.IGNORECASE)
    return m.group(1).lower() if m else None


def decode(fetched: Fetched) -> str:
    """The fetched bytes as text: the declared charset, else UTF-8, else what charset detection finds."""
    for encoding in (fetched.encoding, "utf-8"):
        if encoding:
            try:
                return fetched.content.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(fetched.content).best()
    if best is None:
        raise WebError(f"{fetched.url}: the page's bytes are in no encoding found; save it as UTF-8 and read the file")
    return str(best)


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES,
          retries: int = FETCH_RETRIES) -> Fetched:
    """GET one URL, politely and within bounds: a user agent, timeouts, a size cap, retries with
    exponential back-off on connection errors and 429/5xx. Raises ``WebError`` with one line."""
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    session = requests.Session()
    retry = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=0.5,
                  status_forcelist=(429, 500, 502, 503, 504), allowed_methods=("GET",),
                  respect_retry_after_header=True, raise_on_status=False)
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    try:
        with session.get(url, headers={"User-Agent": USER_AGENT}, timeout=timeout, stream=True) as resp:
            if resp.status_code >= 400:
                raise WebError(f"{url}: HTTP {resp.status_code} {resp.reason}; check the address")
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise WebError(f"{url}: {int(declared):,} bytes, over the {max_bytes:,}-byte cap; "
                               "raise --max-file-size to read it")
            body = bytearray()
            for chunk in resp.iter_content(64 << 10):
                body += chunk
                if len(body) > max_bytes:
                    raise WebError(f"{url}: over the {max_bytes:,}-byte cap; raise --max-file-size to read it")
            media = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            return Fetched(url=resp.url, content=bytes(body), content_type=media, encoding=resp.encoding)
    except requests.exceptions.Timeout:
        raise WebError(f"{url}: no answer within {timeout:g} s; try again later") from None
    except requests.exceptions.RetryError:
        raise WebError(f"{url}: the server kept failing after {retries} retries; try again later") from None
    except requests.exceptions.ConnectionError:
        raise WebError(f"{url}: cannot connect; check the address and the network") from None
    except requests.exceptions.RequestException as exc:
        raise WebError(f"{url}: cannot fetch ({type(exc).__name__}); check the address") from None
    finally:
        session.close()


def is_feed(fetched: Fetched) -> bool:
    """Whether a response is an RSS or Atom feed rather than a page."""
    if fetched.content_type in FEED_TYPES:
        return True
    if fetched.content_type not in ("text/xml", "application/xml", ""):
        return False
    head = fetched.content[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def feed_items(fetched: Fetched) -> list[FeedItem]:
    """The items of a feed that link to an article, in feed order."""
    import feedparser

    parsed = feedparser.parse(fetched.content, response_headers={"content-location": fetched.url})
    if parsed.bozo and not parsed.entries:
        raise WebError(f"{fetched.url}: not a readable RSS or Atom feed ({type(parsed.bozo_exception).__name__})")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp))) if stamp else None
        items.append(FeedItem(url=link, title=entry.get("title"), date=day))
    return items


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_url(url: str, **fetch_options: object) -> Iterator[tuple[str, Article | WebError]]:
    """(URL, article or the error that stopped it) for a page, or for every item of a feed.

    A feed item's date stands in for the page's when the page gives none. One failed item
    is reported and the others still come.
    """
    fetched = fetch(url, **fetch_options)  # type: ignore[arg-type]
    if not is_feed(fetched):
        yield fetched.url, _article(fetched)
        return
    for item in feed_items(fetched):
        try:
            page = fetch(item.url, **fetch_options)  # type: ignore[arg-type]
            article = _article(page)
        except WebError as exc:
            yield item.url, exc
            continue
        if isinstance(article, Article) and article.date is None and item.date:
            article = Article(article.text, article.title or item.title, item.date, article.author,
                              article.publisher, article.url, article.language)
        yield item.url, article


def _article(fetched: Fetched) -> Article | WebError:
    if fetched.content_type and not any(t in fetched.content_type for t in ("html", "xml", "text/plain")):
        return WebError(f"{fetched.url}: a {fetched.content_type} document, not a web page; save its text as .txt")
    text = decode(fetched)
    if fetched.content_type == "text/plain":
        return Article(text=text, url=fetched.url)
    found = read_html(text, fetched.url)
    return found if found is not None else WebError(f"{fetched.url}: the page has no article text")

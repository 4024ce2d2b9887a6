"""Fetching web pages for `claims ingest URL`: the page's bytes, or the reason in one line.

Each page is read whole before anything is extracted or stored, so a fetch that fails in the
middle (a dropped connection, a timeout, a page over the size cap) leaves nothing behind.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from claims import __version__
from claims.html import read_html
from claims.models import ExtractedArticle, PageSource
from claims.pipeline import extract_article
from claims.read import DEFAULT_MAX_SIZE, UnreadableFile

USER_AGENT = (
    f"claims/{__version__} (news-claim tracker of a verification desk; one page per request)"
)
# What a news page is served as; anything else (a PDF, an image, JSON) is not read.
HTML_TYPES = ("text/html", "application/xhtml+xml")
DEFAULT_TIMEOUT = 20.0
# Enough for a site's http -> https -> www -> article hops; a longer chain is a loop or a trap.
MAX_REDIRECTS = 5
# An address longer than this is no article's, and would not fit the store's index as its name.
MAX_URL = 2000
CHUNK = 65536

if TYPE_CHECKING:
    import httpx


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_url_list(lines: Iterable[str]) -> list[str]:
    """The addresses of a `--urls` file: one a line; blank lines and `#` comments skipped."""
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    import httpx  # loaded only by a command that fetches: every other starts faster

    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
        trust_env=False,  # the desk's pages, not a proxy the environment names for other tools
    )


def fetch(
    url: str, session: httpx.Client, max_size: int = DEFAULT_MAX_SIZE
) -> tuple[bytes, PageSource]:
    """The page at `url` and where, when and how it was answered.

    Raises `UnreadableFile(url, reason)` for an address that is not http(s), a server that
    does not answer in time, too many redirects, a status other than 200, a content type
    that is not HTML, or a page over `max_size` bytes (checked as it arrives)."""
    import httpx

    if not is_url(url) or not urlsplit(url).hostname:
        raise UnreadableFile(url, "is not an http:// or https:// address")
    if len(url) > MAX_URL:
        raise UnreadableFile(url, f"is an address longer than {MAX_URL:,} characters")
    timeout = session.timeout.read or DEFAULT_TIMEOUT
    # httpx's timeout is per read: a server that drips a byte at a time is stopped here.
    deadline = time.monotonic() + 3 * timeout
    fetched_at = datetime.now(timezone.utc)
    try:
        with session.stream("GET", url) as answer:
            if answer.status_code != 200:
                raise UnreadableFile(
                    url, f"answered HTTP {answer.status_code} {answer.reason_phrase}".rstrip()
                )
            content_type = answer.headers.get("content-type", "")
            if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                raise UnreadableFile(
                    url, f"is not a web page (content type {content_type or 'not given'})"
                )
            declared = answer.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_size:
                raise UnreadableFile(url, _too_large(int(declared), max_size))
            chunks: list[bytes] = []
            size = 0
            for chunk in answer.iter_bytes(CHUNK):
                size += len(chunk)
                if size > max_size:
                    raise UnreadableFile(url, _too_large(size, max_size, at_least=True))
                if time.monotonic() > deadline:
                    raise UnreadableFile(url, f"took longer than {3 * timeout:g} s to send")
                chunks.append(chunk)
    except httpx.TimeoutException:
        raise UnreadableFile(url, f"did not answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise UnreadableFile(url, f"redirected more than {MAX_REDIRECTS} times") from None
    except httpx.HTTPError as exc:  # refused connection, unknown host, a page cut off
        raise UnreadableFile(url, f"could not be fetched ({_first_line(exc)})") from None
    return b"".join(chunks), PageSource(
        url=url,
        final_url=str(answer.url),
        status=answer.status_code,
        content_type=content_type,
        charset=answer.charset_encoding,
        fetched_at=fetched_at,
    )


def _too_large(size: int, max_size: int, at_least: bool = False) -> str:
    more = "over " if at_least else ""
    return (
        f"is {more}{size / 1e6:.1f} MB, larger than the limit of {max_size / 1e6:g} MB for one"
        f" article; give --max-size {size // 1_000_000 + 1} to read it"
    )


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0] or type(exc).__name__


def fetch_articles(
    urls: Iterable[str], timeout: float = DEFAULT_TIMEOUT, max_size: int = DEFAULT_MAX_SIZE
) -> Iterator[tuple[str, ExtractedArticle | Exception]]:
    """Each address's extracted article, or the exception that stopped it, in order: the
    article is known by its address as given, its page kept for provenance."""
    urls = list(urls)
    if not urls:  # `claims ingest` of files only: no client (httpx and its certificates, 0.1 s)
        return
    with client(timeout) as session:
        for url in urls:
            try:
                raw, page = fetch(url, session, max_size)
                outcome: ExtractedArticle | Exception = extract_article(
                    read_html(raw, url, page=page)
                )
            except Exception as exc:  # the caller reports it against this address and goes on
                outcome = exc
            yield url, outcome

"""Reading saved web pages: the article's text and the page's own metadata, from its HTML.

The main text comes from trafilatura, configured for precision on news pages (menus, related
lists, comments, share bars and cookie banners left out), and dates from htmldate through it.
The page's title is the first line of the text, as it is on the plain-text articles, and the
text is what is stored and what every offset indexes. Title, author, date, site name and
canonical URL come from the page's markup; the cleaning stage keeps them over what its rules
find in the text.
"""

from __future__ import annotations

import codecs
import hashlib
import re

from claims.models import MAX_NAME, MAX_TITLE, Article, PageSource
from claims.read import (
    BINARY_CONTROL,
    UnreadableFile,
    article_of,
    check_text,
    decode_utf8,
    normalise_newlines,
)

# Where a page declares its encoding: the HTML standard looks in the first 1,024 bytes; real
# pages put scripts and styles first, so a little further.
PRESCAN_BYTES = 4096
META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)
# Labels that the HTML standard reads as another encoding than Python's codec of that name.
WHATWG_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8"}
# Python's codec names by the names the pages and `claims.read` use for them.
WINDOWS_1256 = "windows-1256"
CODEC_NAMES = {"cp1256": WINDOWS_1256, "cp1252": "windows-1252"}
# Htmldate: the date the page was first published, from its markup only (guessing from the
# text's figures is what the cleaning rules do, more carefully, for Arabic dates).
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
# `&#27;`, `&#x7;`: a control character written as a reference, which lxml refuses to parse
# (and trafilatura then finds nothing); removed before parsing, as any control is from the text.
CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|(\d{1,10}));")
# A body of fewer words is a menu or a caption left over, not an article.
MIN_WORDS = 5
# A canonical URL longer than this is no page's address: it would not fit an index.
MAX_URL = 2000


def declared_charset(raw: bytes, header_charset: str | None = None) -> str | None:
    """The Python codec of the encoding the server or the page declares, if it is one."""
    match = META_CHARSET.search(raw[:PRESCAN_BYTES])
    for label in (header_charset, match.group(1).decode("ascii", "replace") if match else None):
        if not label:
            continue
        label = label.strip().lower()
        try:
            name = codecs.lookup(WHATWG_LABELS.get(label, label)).name
        except LookupError:
            continue
        return CODEC_NAMES.get(name, name)
    return None


def decode_html(
    raw: bytes, name: str, header_charset: str | None = None
) -> tuple[str, str, list[str]]:
    """The page as text, the encoding used, and what had to be repaired.

    A byte-order mark wins, then valid UTF-8 with non-ASCII text (Arabic in a single-byte code
    page is never valid UTF-8, so a page that is valid UTF-8 and declares windows-1256 was
    saved as UTF-8 and mislabelled), then the encoding the server or the page declares
    (`<meta charset=windows-1256>`), then UTF-8 with its damaged bytes replaced, else
    Windows-1256.
    """
    warnings: list[str] = []
    if not raw.strip():
        raise UnreadableFile(name, "is empty" if not raw else "is blank (it holds only spaces)")
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFile(name, "is a binary file (it contains NUL bytes), not a web page")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace").lstrip("\ufeff"), encoding, warnings
    declared = declared_charset(raw, header_charset)
    if not raw.isascii():
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if declared not in (None, "utf-8"):
                warnings.append(f"{name}: declares {declared} but is UTF-8; read as UTF-8")
            return text, "utf-8", warnings
    if declared is not None:
        text = raw.decode(declared, errors="replace")
        if "\ufffd" in text:
            warnings.append(f"{name}: bytes that are not {declared} were replaced by \ufffd")
        return text, declared, warnings
    text_or_none = decode_utf8(raw, name, warnings)
    if text_or_none is not None:
        return text_or_none, "utf-8", warnings
    return raw.decode("cp1256", errors="replace"), WINDOWS_1256, warnings


def read_html(
    raw: bytes,
    doc: str,
    origin: str | None = None,
    page: PageSource | None = None,
) -> Article:
    """An `Article` from the bytes of the web page `doc`: its main text with the page's title
    as the first line, and the page's metadata. `page` says where it was fetched from, when it
    was; the raw bytes are kept with it for provenance.
    Raises `UnreadableFile` for a page that is not HTML or has no article text."""
    import trafilatura
    from trafilatura.settings import Document

    html, encoding, warnings = decode_html(raw, doc, page.charset if page else None)
    if "<" not in html:
        raise UnreadableFile(doc, "is not a web page (it has no HTML tags)")
    try:
        found = trafilatura.bare_extraction(
            CHARACTER_REFERENCE.sub(_no_control, html),
            url=page.final_url if page else None,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise UnreadableFile(doc, f"is HTML that cannot be parsed ({type(exc).__name__})") from exc
    body = _plain(found.text or "") if isinstance(found, Document) else ""
    if not isinstance(found, Document) or len(body.split()) < MIN_WORDS:
        raise UnreadableFile(doc, "is a web page with no article text that could be extracted")
    title = _bounded(found.title, MAX_TITLE)
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}"
    check_text(text, doc)
    source = (page or PageSource()).model_copy(
        update={"raw": raw, "raw_hash": hashlib.sha256(raw).hexdigest()}
    )
    return article_of(
        text,
        doc,
        encoding,
        origin=origin,
        title=title,
        byline=_bounded(found.author, MAX_TITLE),
        published=found.date or None,
        outlet=_site_name(found.sitename),
        url=_address(found.url),
        page=source,
        warnings=warnings,
    )


def _no_control(reference: re.Match[str]) -> str:
    code = int(reference[1], 16) if reference[1] else int(reference[2])
    return "" if BINARY_CONTROL.match(chr(min(code, 0x10FFFF))) else reference[0]


def _plain(text: str) -> str:
    """Extracted text without the control characters a page may carry as entities (`&#27;`):
    never content, and never to reach a terminal."""
    return BINARY_CONTROL.sub("", normalise_newlines(text))


def _address(url: str | None) -> str | None:
    """The page's canonical URL, when it is a web address of a sensible length."""
    url = _plain(url or "").strip()
    return url if url.startswith(("http://", "https://")) and len(url) <= MAX_URL else None


def _bounded(value: str | None, limit: int) -> str | None:
    """A metadata field, or None when it is empty or longer than any real one (a page's
    markup is not checked by anyone: an overlong title is not a title)."""
    value = _plain(value or "").strip()
    return value if value and len(value) <= limit else None


def _site_name(name: str | None) -> str | None:
    """The page's site name, when it is a name: trafilatura falls back on a domain from the
    title or the address ('enabbaladi.net'), which is no outlet's name."""
    name = _bounded(name, MAX_NAME)
    return name if name and "." not in name else None

"""Reading articles: decoding real-world files and refusing what is not text.

I/O lives at this edge: `read_path` and `read_bytes` turn a file into an `Article` whose
`text` is the decoded text with the BOM removed and line endings normalised to `\\n`.
Every offset later in the flow indexes into that text.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import math
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from claims.arabic import ARABIC_LETTER
from claims.models import Article


class UnreadableFile(Exception):
    """A file that cannot be read as an article, with the reason in plain words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Rebuilt from both fields: pickling (to come back from a worker process) keeps only
        # `args`, the joined message, by default.
        return type(self), (self.path, self.reason)


# Runs of letters of each script; counting by runs is several times faster than by letter.
ARABIC_LETTERS = re.compile(f"{ARABIC_LETTER.pattern}+")
ANY_LETTERS = re.compile(r"[^\W\d_]+")
# C0 controls other than tab, newline, carriage return and form feed are signs of a binary file.
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Most letters of an Arabic news article are Arabic; names, agencies and links add Latin ones.
# The same bar keeps Windows-1256, which decodes almost any byte, to files that read as Arabic.
MIN_ARABIC_SHARE = 0.5
# Larger files are refused unless the limit is raised (`--max-size`): a news article is rarely
# over 200 KB, and extraction time grows faster than the size of the file.
DEFAULT_MAX_SIZE = 5_000_000
UTF8_REPLACEMENT = "\ufffd".encode()
# Web pages saved from a browser, read beside the plain-text articles.
HTML_SUFFIXES = (".html", ".htm")


def _count(letters: re.Pattern[str], text: str) -> int:
    """How many letters of these runs `text` has."""
    return sum(map(len, letters.findall(text)))


def _letters(text: str) -> tuple[int, int]:
    """Counts of (Arabic letters, all letters) in `text`."""
    return _count(ARABIC_LETTERS, text), _count(ANY_LETTERS, text)


def decode(raw: bytes, name: str = "<input>") -> tuple[str, str, list[str]]:
    """Decode `raw` to text; name the encoding used and what had to be repaired.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised by their marks. A UTF-8
    file with a few invalid bytes is read as UTF-8 with each such byte replaced by U+FFFD and a
    warning giving its offset; Windows-1256 is chosen only when the file does not read as UTF-8
    at all and reads as Arabic in Windows-1256.
    Raises `UnreadableFile` for empty, binary or non-Arabic files.
    """
    warnings: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = decode_utf8(raw[len(codecs.BOM_UTF8) :], name, warnings), "utf-8-sig"
        if text is None:
            raise UnreadableFile(name, "has a UTF-8 mark but is not UTF-8")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise UnreadableFile(
                name, f"has a UTF-16 mark but is not UTF-16 ({err.reason})"
            ) from err
        text = text.lstrip("\ufeff")
    else:
        if b"\x00" in raw:
            raise UnreadableFile(name, "is a binary file (it contains NUL bytes), not text")
        text, encoding = decode_utf8(raw, name, warnings), "utf-8"
        if text is None:
            text, encoding = _cp1256_arabic(raw, name), "windows-1256"
    check_text(text, name)
    return normalise_newlines(text), encoding, warnings


def decode_utf8(raw: bytes, name: str, warnings: list[str]) -> str | None:
    """`raw` as UTF-8, invalid bytes replaced by U+FFFD and named in `warnings` (with the offset
    of the first); None when it is not UTF-8 at all. Windows-1256 Arabic is almost never valid
    UTF-8 beyond a stray pair of bytes: a file is damaged UTF-8, not another code page, while
    its valid non-ASCII characters outnumber its invalid sequences."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        first = err.start
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count(UTF8_REPLACEMENT)
    if sum(1 for char in text if "\x7f" < char != "\ufffd") <= bad:
        return None
    more = f" and {bad - 1} more" if bad > 1 else ""
    warnings.append(
        f"{name}: the byte at offset {first}{more} is not valid UTF-8 and was replaced by \ufffd"
    )
    return text


def _cp1256_arabic(raw: bytes, name: str) -> str:
    """Windows-1256 decodes almost any byte: kept only when the text reads as Arabic."""
    text = raw.decode("cp1256", errors="replace")
    arabic, total = _letters(text)
    if total == 0 or arabic / total < MIN_ARABIC_SHARE or "\ufffd" in text:
        raise UnreadableFile(name, "is neither UTF-8, UTF-16 nor Windows-1256 Arabic text")
    return text


def check_text(text: str, name: str) -> None:
    if not text:
        raise UnreadableFile(name, "is empty")
    if not text.strip():
        raise UnreadableFile(name, "is blank (it holds only spaces and line breaks)")
    if BINARY_CONTROL.search(text):
        raise UnreadableFile(name, "is a binary file (it contains control bytes), not text")
    arabic = _count(ARABIC_LETTERS, text)
    if arabic >= len(text) * MIN_ARABIC_SHARE:
        return  # Arabic enough of the letters whatever their count (an article): not counted
    total = _count(ANY_LETTERS, text)
    if total == 0:
        raise UnreadableFile(name, "has no words, only figures and signs")
    if arabic < total * MIN_ARABIC_SHARE:
        raise UnreadableFile(
            name,
            f"is not Arabic text ({arabic:,} of its {total:,} letters are Arabic);"
            " claims reads Arabic articles only",
        )


def is_html(name: str) -> bool:
    """A saved web page, by its name: 'page.html', 'PAGE.HTM'."""
    return name.lower().endswith(HTML_SUFFIXES)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_of(text: str, doc: str, encoding: str, **metadata) -> Article:
    """The `Article` of a decoded text, known by the hash of its text."""
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(doc=doc, text=text, content_hash=content_hash, encoding=encoding, **metadata)


def read_bytes(raw: bytes, doc: str, origin: str | None = None) -> Article:
    """An `Article` from the bytes of file `doc` (read from the path `origin`); metadata is
    filled in by the cleaning stage."""
    text, encoding, warnings = decode(raw, doc)
    return article_of(text, doc, encoding, origin=origin, warnings=warnings)


def read_path(path: Path, doc: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Article:
    """Read one article file, stored as `doc` (default: its file name): a web page
    (`.html`, `.htm`) through `claims.html`, any other file as text; `-` reads text from
    standard input. Files over `max_size` bytes are refused before they are read."""
    origin = None
    if str(path) == "-":
        import sys

        raw = sys.stdin.buffer.read(max_size + 1)
        doc = doc or "<stdin>"
        size = len(raw)
    else:
        doc = doc or path.name
        origin = str(path.resolve())
        try:
            size = path.stat().st_size
            raw = path.read_bytes() if size <= max_size else b""
        except OSError as err:
            raise UnreadableFile(str(path), f"cannot be opened ({err.strerror or err})") from err
    if size > max_size:
        raise UnreadableFile(
            doc,
            f"is larger than the limit of {max_size / 1e6:g} MB for one article;"
            f" give --max-size {math.ceil(size / 1e6)} to read it",
        )
    if origin is not None and is_html(path.name):
        from claims.html import read_html  # trafilatura loads only when a page is read

        return read_html(raw, doc, origin)
    return read_bytes(raw, doc, origin)


class InputFile(NamedTuple):
    """A file to read, the name it is stored under, or why it cannot be read."""

    path: Path
    doc: str
    problem: str | None = None


def iter_inputs(paths: Iterable[Path]) -> Iterator[InputFile]:
    """Files named on the command line, directories searched recursively for `*.txt` and
    saved web pages (`*.html`, `*.htm`).

    A file found in a folder is stored under its path relative to that folder
    (`a/article.txt`), so that files of one name in two sub-folders stay two articles and a
    folder moved as a whole keeps its articles' names; a file named on its own is stored under
    its file name. Two files that would be stored under one name in the same run, unreadable
    folders, symbolic-link loops and dangling links come back with the `problem` in words.
    """
    seen: dict[str, Path] = {}
    for path in paths:
        if str(path) != "-" and path.is_dir():
            found: Iterator[InputFile] = _search(path, path, frozenset({path.resolve()}))
        else:
            found = iter([InputFile(path, "<stdin>" if str(path) == "-" else path.name)])
        for item in found:
            first = seen.setdefault(item.doc, item.path)
            if item.problem is None and first != item.path:
                item = item._replace(
                    problem=f"has the same name as {first} given before; ingest their common"
                    " folder so that each keeps an article of its own"
                )
            yield item


def _search(folder: Path, root: Path, ancestors: frozenset[Path]) -> Iterator[InputFile]:
    """The `*.txt` files and web pages under `folder`, in name order, following links to
    folders."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        unreadable = f"is a folder that cannot be read ({err.strerror or err})"
        yield InputFile(folder, folder.relative_to(root).as_posix(), unreadable)
        return
    for entry in entries:
        path = Path(entry.path)
        doc = path.relative_to(root).as_posix()
        if entry.is_symlink() and (reason := _broken_link(path)):
            yield InputFile(path, doc, reason)
        elif entry.is_dir():
            real = path.resolve()
            if real in ancestors:
                yield InputFile(path, doc, "is a link back to a folder it is in (a loop)")
            else:
                yield from _search(path, root, ancestors | {real})
        elif (entry.name.endswith(".txt") or is_html(entry.name)) and entry.is_file():
            yield InputFile(path, doc)


def _broken_link(path: Path) -> str | None:
    """Why the symbolic link `path` leads nowhere, or None when it leads to a file or folder."""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "is a symbolic link that leads back to itself (a loop)"
        if err.errno == errno.ENOENT:
            return "is a symbolic link to something that no longer exists"
        return f"is a symbolic link that cannot be followed ({err.strerror or err})"
    return None

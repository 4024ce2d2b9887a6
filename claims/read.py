"""Reading articles: decoding real-world files and refusing what is not text.

I/O lives at this edge: `read_path` and `read_bytes` turn a file into an `Article` whose
`text` is the decoded text with the BOM removed and line endings normalised to `\\n`.
Every offset later in the flow indexes into that text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

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
LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
ANY_LETTERS = re.compile(r"[^\W\d_]+")
# C0 controls other than tab, newline, carriage return and form feed are signs of a binary file.
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Letters of scripts an Arabic news article may carry besides Arabic and Latin are tolerated,
# but most letters must be Arabic or Latin for the file to count as an article.
MIN_SCRIPT_SHARE = 0.6
# Windows-1256 decodes almost any byte, so it is accepted only when most letters come out Arabic.
MIN_ARABIC_SHARE_CP1256 = 0.5


def _letters(text: str) -> tuple[int, int, int]:
    """Counts of (Arabic letters, Latin letters, all letters) in `text`."""
    arabic, latin, total = (
        sum(map(len, letters.findall(text)))
        for letters in (ARABIC_LETTERS, LATIN_LETTERS, ANY_LETTERS)
    )
    return arabic, latin, total


def decode(raw: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode `raw` to text and name the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised by their marks;
    Windows-1256 is tried only when UTF-8 fails, and kept only if the result reads as Arabic.
    Raises `UnreadableFile` for binary data or text in another script.
    """
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
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
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = raw.decode("cp1256", errors="replace"), "windows-1256"
            arabic, _latin, total = _letters(text)
            if total == 0 or arabic / total < MIN_ARABIC_SHARE_CP1256 or "\ufffd" in text:
                raise UnreadableFile(
                    name, "is neither UTF-8, UTF-16 nor Windows-1256 Arabic text"
                ) from None
    _check_text(text, name)
    return normalise_newlines(text), encoding


def _check_text(text: str, name: str) -> None:
    if BINARY_CONTROL.search(text):
        raise UnreadableFile(name, "is a binary file (it contains control bytes), not text")
    arabic, latin, total = _letters(text)
    if total and (arabic + latin) / total < MIN_SCRIPT_SHARE:
        raise UnreadableFile(name, "is not Arabic or Latin text")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(raw: bytes, doc: str) -> Article:
    """An `Article` from the bytes of file `doc`; metadata is filled in by the cleaning stage."""
    text, encoding = decode(raw, doc)
    return Article(
        doc=doc,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding=encoding,
    )


def read_path(path: Path) -> Article:
    """Read one article file; `-` reads standard input."""
    if str(path) == "-":
        import sys

        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UnreadableFile(str(path), f"cannot be opened ({err.strerror or err})") from err
    return read_bytes(raw, path.name)


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named on the command line, directories searched recursively for `*.txt`."""
    for path in paths:
        if str(path) != "-" and path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path

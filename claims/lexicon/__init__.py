"""Lexicons as data: one entry a line in a `.txt` file beside this module.

A line holds an entry, then optionally `#` and an example sentence showing it in use.
Lines that start with `#` are comments; blank lines are ignored. Entries may carry
fields separated by ` | ` (each lexicon's header says which).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from claims.arabic import normalize

# Words of a field are set apart by spaces, or by commas in lists ('ارتفع، زاد | انخفض، تراجع').
WORD_SEPARATORS = re.compile(r"[\s،,]+")


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicon `name` (file `name.txt`), comments and examples removed."""
    text = files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            found.append(entry)
    return tuple(found)


def fields(name: str) -> tuple[tuple[str, ...], ...]:
    """Entries of lexicon `name` split into their ` | `-separated fields."""
    return tuple(tuple(part.strip() for part in entry.split("|")) for entry in entries(name))


@cache
def all_words() -> frozenset[str]:
    """Every word of every lexicon's entries, as written (examples and comments left out)."""
    return frozenset(
        word
        for path in files(__package__).iterdir()
        if path.name.endswith(".txt")
        for entry in fields(path.name.removesuffix(".txt"))
        for field in entry
        for word in WORD_SEPARATORS.split(field)
        if word
    )


def word_class_as_written(name: str) -> tuple[str, ...]:
    """The words of class `name` in lexicon `word_classes`, spelled as the file spells them."""
    words = tuple(word for word, its_class in fields("word_classes") if its_class == name)
    if not words:
        raise ValueError(f"claims/lexicon/word_classes.txt has no word of class {name!r}")
    return words


@cache
def word_class(name: str) -> frozenset[str]:
    """The words of class `name` in lexicon `word_classes`, normalised: `word_class("ranks")`."""
    return frozenset(normalize(word) for word in word_class_as_written(name))

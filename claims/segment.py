"""Sentences: Arabic sentence splitting that keeps exact offsets into the article text.

A line break always ends a sentence (one paragraph a line is how news pages arrive).
Inside a line a sentence ends at `.`, `؟`, `?`, `!` or `…` followed by space, with any
closing quotes kept on the sentence. It does not end inside numbers and dates (`3.5`,
`2017/08/02`: no space follows), at `..` of a headline, or after a one-letter abbreviation
(`د.` for doctor). A date glued before the text on the same line is split off, so that
page furniture can be told from the first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from claims.arabic import normalize, normalize_word
from claims.cycles import no_cycle_collection
from claims.dates import DIGIT, MONTHS, WEEKDAYS
from claims.lexicon import fields, word_class
from claims.models import Sentence

CLOSING_QUOTES = "\"'»”’)]"
# End punctuation, then any closing quotes, then the whitespace that separates sentences.
BOUNDARY = re.compile(rf"([.؟?!…]+)([{re.escape(CLOSING_QUOTES)}]*)(?=\s)")
SENTENCE_CLOSE = re.compile(rf"[.؟?!…][{re.escape(CLOSING_QUOTES)}]*$")
ONE_LETTER_ABBREVIATION = re.compile(r"(?:^|[\s(«\"])[\u0621-\u064a]$")
# An outlet's initials written with dots ('إن. تي. في', 'N. T. V'): a piece of one or two
# letters, ending at a dot that is no sentence end when another such piece stands beside it.
INITIAL = r"[\u0621-\u064aA-Za-z]{1,2}"
INITIAL_BEFORE_DOT = re.compile(rf"(?:^|[\s(«\"]){INITIAL}$")
INITIAL_AFTER = re.compile(rf"\s+[(«\"]?{INITIAL}\.")
INITIALS_BEFORE = re.compile(rf"(?:^|[\s(«\"]){INITIAL}\.\s+{INITIAL}$")

# "الأربعاء 2017/08/02", "١٥ فبراير ٢٠١٨", "2 آب 2017 - 10:15", "02-08-2017".
DATE = re.compile(
    rf"(?:(?:{WEEKDAYS})\s*[،,]?\s*)?"
    rf"(?:{DIGIT}{{1,4}}[/.\-]{DIGIT}{{1,2}}[/.\-]{DIGIT}{{1,4}}"
    rf"|{DIGIT}{{1,2}}\s+(?:{MONTHS})\s*[/،,]?\s*{DIGIT}{{4}})"
    rf"(?:\s*[-–|،,]?\s*{DIGIT}{{1,2}}:{DIGIT}{{2}}(?::{DIGIT}{{2}})?(?:\s*[صمAPap][Mm]?)?)?"
)


# What a scraper glues in front of a page's first sentence ends at one of these: a date or a
# time, a bar between site parts, a photo credit in brackets, a furniture label of two words
# or more ('حجم الخط', 'تاريخ النشر'), or the headline printed again.
GLUE_MARK = re.compile(
    rf"{DATE.pattern}|\|"
    rf"|{DIGIT}{{1,2}}\s*:\s*{DIGIT}{{2}}(?:\s*(?:صباحا|مساء|ص|م)(?!\w))?(?:\s*\([^)]{{2,20}}\))?"
    r"|\([^()]{0,40}[A-Za-z][^()]{0,40}\)|\((?:الصورة|صورة|وكالة)[^()]{0,60}\)"
)
# Every mark has a digit, a bar or a bracket: a line without one is told by a scan for them,
# where the marks' pattern tries its weekdays at every character.
GLUE_MARK_CHARACTER = re.compile(rf"{DIGIT}|[|(]")
# The sentence left after the cut must read as one: this many words at least, not opening
# with a word that continues a clause ('في', 'التي', 'أن').
GLUED_SENTENCE_MIN_WORDS = 6
HEADLINE_REPEAT_MIN_WORDS = 4
WORD_SPAN = re.compile(r"\S+")
ARABIC_LETTERS = re.compile("[\u0621-\u064a]")


@cache
def _furniture_labels() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Furniture entries of two words or more, as normalised word tuples, by first word."""
    labels: dict[str, list[tuple[str, ...]]] = {}
    for entry in fields("furniture"):
        words = tuple(normalize(entry[0]).split())
        if len(words) >= 2:
            labels.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in labels.items()}


def _opens_a_sentence(word: str) -> bool:
    """A sentence of its own does not open with a preposition, a particle or a word that
    carries a clause on ('حيث', 'التي'), nor with a digit."""
    form = normalize_word(word)
    return (
        word[0].isalpha()
        and form not in word_class("function_words")
        and form not in word_class("clause_continuers")
    )


def _starts_at_a_boundary(words: list[str], i: int, previous_copy_end: int) -> bool:
    """A headline printed again stands at the start of the line, after a mark (a dash, a bar,
    a Latin or digit token) or right after its previous copy."""
    return i == 0 or i == previous_copy_end or not ARABIC_LETTERS.search(words[i - 1])


def _headline_copies_end(forms: list[str]) -> int | None:
    """Index of the last word of the last copy of a headline printed several times in a row
    of words (their `_label_form`s)."""
    n = HEADLINE_REPEAT_MIN_WORDS
    if len(set(forms)) > len(forms) - n:
        return None  # fewer than n words come back: no run of n printed twice (the common case)
    runs = list(zip(*(forms[k:] for k in range(n)), strict=False))
    if len(set(runs)) == len(runs):
        return None  # no run of words printed twice, told without a loop
    seen: dict[tuple[str, ...], int] = {}
    for j, run in enumerate(runs):
        i = seen.setdefault(run, j)
        if i == j:
            continue
        length = n
        while j + length < len(forms) and i + length < j and forms[i + length] == forms[j + length]:
            length += 1
        if not _starts_at_a_boundary(forms, i, -1) or not _starts_at_a_boundary(
            forms, j, i + length
        ):
            return None
        copy = forms[i : i + length]
        last = max(k for k in range(j, len(forms) - length + 1) if forms[k : k + length] == copy)
        return last + length - 1
    return None


@lru_cache(maxsize=1 << 16)
def _label_form(word: str) -> str:
    """A word's matching form as furniture labels are matched, remembered (news words repeat)."""
    return normalize_word(word).strip(":،,.")


def _label_last_words(forms: list[str], first_only: bool = False) -> list[int]:
    """Index of the last word of each furniture label among a line's words (their
    `_label_form`s; only a label opening them when `first_only`); a label's word the scraper
    split with dashes ('اق - - رأ أيضا') counts."""
    labels = _furniture_labels()
    joined = "".join(forms)
    if labels.keys().isdisjoint(forms) and "-" not in joined and "–" not in joined:
        return []  # no label and no dash: the common case, told without a loop
    dashes = [bool(form) and not form.strip("-–") for form in forms]
    found = []
    for i, form in enumerate(forms[:1] if first_only else forms):
        j = i + 1
        while j < len(forms) - 1 and dashes[j]:
            j += 1
        readings = [(form, i + 1)] + ([(form + forms[j], j + 1)] if j > i + 1 else [])
        for first, after in readings:
            for label in labels.get(first, ()):
                if tuple(forms[after : after + len(label) - 1]) == label[1:]:
                    found.append(after + len(label) - 2)
    return found


def _word_ends(line: str, indexes: list[int]) -> list[int]:
    """Offsets in `line` just past its words of these indexes (`str.split` cuts as WORD_SPAN
    does)."""
    if not indexes:
        return []
    ends = [match.end() for match in WORD_SPAN.finditer(line)]
    return [ends[k] for k in indexes]


def _glue_marks(line: str) -> list[int]:
    """Offsets in `line` just past each mark that can end glued furniture."""
    marked = GLUE_MARK_CHARACTER.search(line) is not None
    ends = [match.end() for match in GLUE_MARK.finditer(line)] if marked else []
    # The words' forms; their offsets only for a label or a headline found.
    forms = list(map(_label_form, line.split()))
    last_words = _label_last_words(forms)
    headline_end = _headline_copies_end(forms)
    if headline_end is not None:
        last_words.append(headline_end)
    return sorted({*ends, *_word_ends(line, last_words)})


def glued_furniture_end(line: str) -> int:
    """Where the furniture glued in front of a sentence ends (0 when there is none): the last
    mark after which a sentence of its own follows. 'المدن - … 11/11/2017 … (Getty) أعلن الجيش
    الإسرائيلي إسقاط طائرة …' -> the offset of 'أعلن'. A mark followed by a comma, or whose
    last word is a particle, is inside a sentence."""
    if len(line.split()) < GLUED_SENTENCE_MIN_WORDS or not SENTENCE_CLOSE.search(line):
        return 0  # the sentence after a cut is a suffix of the line: it could not be one
    for end in reversed(_glue_marks(line)):
        before = line[:end].split()
        inside_a_clause = bool(before) and (
            line[end:].lstrip().startswith(("،", ","))  # 'يوم 23 آب 2016، حيث …'
            or (not _opens_a_sentence(before[-1]) and ARABIC_LETTERS.search(before[-1]))  # '… أن'
        )
        if not before or inside_a_clause:
            continue
        begin = _sentence_after(line, end)
        if begin:
            return begin
    return 0


def _sentence_after(line: str, end: int) -> int:
    """Where a sentence of its own starts after offset `end` of the line, else 0."""
    rest = line[end:].lstrip(" -–:|،,")
    while rest[:1].isalpha() and rest[1:2] == " ":
        # 'ع ع ع': share icons; 'م', 'ه': the era after a date; the sentence starts at
        # its first letter, whatever spacing the page put between
        rest = rest[2:].lstrip(" -–:|،,")
    words = rest.split()
    if (
        len(words) < GLUED_SENTENCE_MIN_WORDS
        or not SENTENCE_CLOSE.search(rest)
        or not _opens_a_sentence(words[0])
    ):
        return 0
    return len(line) - len(rest)


def _opening_label_end(sentence: str) -> int:
    """Where the sentence starts after a furniture label that opens it ('اقرأ أيضاً: وقالت
    الوزارة …', a link's label run into the next sentence), else 0."""
    last_words = _label_last_words(list(map(_label_form, sentence.split())), first_only=True)
    return _sentence_after(sentence, _word_ends(sentence, last_words[-1:])[0]) if last_words else 0


def split_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            yield start, start + len(stripped)
        pos += len(line) + 1


def _first_sentence(line: str) -> str:
    """The line up to its first sentence end (furniture is glued in front of that one)."""
    match = BOUNDARY.search(line)
    return line[: match.end()] if match else line


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """(start, end, glued) of each sentence in text[start:end]; glued: furniture cut off in
    front of the sentence that follows it."""
    line = text[start:end]
    glued_date = DATE.match(line)
    # '2017/08/02 أعلنت …', or with no space at all: '10:45:00أعلنت …'.
    if (
        glued_date
        and glued_date.end() < len(line)
        and (line[glued_date.end()].isspace() or line[glued_date.end()].isalpha())
    ):
        yield start, start + glued_date.end(), False
        rest = len(line) - len(line[glued_date.end() :].lstrip())
        start, line = start + rest, line[rest:]
    first = _first_sentence(line)
    begin = glued_furniture_end(first) or _opening_label_end(first)
    furniture = line[:begin].rstrip(" -–:|،,")
    if furniture:
        yield start, start + len(furniture), True
    for match in BOUNDARY.finditer(line):
        marks = match.group(1)
        if set(marks) == {"."} and len(marks) > 1:
            continue  # ".." joins the two halves of a headline
        if marks == "." and _abbreviation_dot(line, begin, match.start(), match.end()):
            continue
        yield from _cut_opening_label(text, start + begin, start + match.end(), first=not begin)
        begin = match.end()
        while begin < len(line) and line[begin].isspace():
            begin += 1
    if begin < len(line):
        yield from _cut_opening_label(text, start + begin, start + len(line), first=not begin)


def _abbreviation_dot(line: str, begin: int, dot: int, after: int) -> bool:
    """Whether the dot at `dot` closes an abbreviation, not the sentence: one letter ('د.')
    or one of a run of initials ('قناة (إن. تي. في)')."""
    before = line[begin:dot]
    if ONE_LETTER_ABBREVIATION.search(before):
        return True
    return INITIAL_BEFORE_DOT.search(before) is not None and (
        INITIAL_AFTER.match(line, after) is not None or INITIALS_BEFORE.search(before) is not None
    )


def _cut_opening_label(
    text: str, start: int, end: int, first: bool
) -> Iterator[tuple[int, int, bool]]:
    """The sentence text[start:end], after the furniture label that opens it, if any, cut off
    (glued) — the first of a line has had its glued furniture cut already."""
    label_end = 0 if first else _opening_label_end(text[start:end])
    if label_end:
        label = text[start : start + label_end].rstrip(" -–:|،,")
        yield start, start + len(label), True
    yield start + label_end, end, False


@no_cycle_collection()  # many small objects, no cycles (claims.cycles)
def segment(text: str) -> list[Sentence]:
    """Every sentence of `text`, numbered from 0, with its paragraph (line) number."""
    sentences: list[Sentence] = []
    for paragraph, (line_start, line_end) in enumerate(split_lines(text)):
        for start, end, glued in _split_line(text, line_start, line_end):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text[start:end],
                    paragraph=paragraph,
                    glued_furniture=glued,
                )
            )
    return sentences

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

from claims.models import Sentence

CLOSING_QUOTES = "\"'»”’)]"
# End punctuation, then any closing quotes, then the whitespace that separates sentences.
BOUNDARY = re.compile(rf"([.؟?!…]+)([{re.escape(CLOSING_QUOTES)}]*)(?=\s)")
ONE_LETTER_ABBREVIATION = re.compile(r"(?:^|\s)[\u0621-\u064a]$")

MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول|تشرين الاول"
    "|تشرين الثاني|كانون الأول|كانون الاول"
)
WEEKDAYS = "الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
# "الأربعاء 2017/08/02", "١٥ فبراير ٢٠١٨", "2 آب 2017 - 10:15", "02-08-2017".
DATE = re.compile(
    rf"(?:(?:{WEEKDAYS})\s*[،,]?\s*)?"
    rf"(?:{DIGIT}{{1,4}}[/.\-]{DIGIT}{{1,2}}[/.\-]{DIGIT}{{1,4}}"
    rf"|{DIGIT}{{1,2}}\s+(?:{MONTHS})\s*[/،,]?\s*{DIGIT}{{4}})"
    rf"(?:\s*[-–|،,]?\s*{DIGIT}{{1,2}}:{DIGIT}{{2}}(?::{DIGIT}{{2}})?(?:\s*[صمAPap][Mm]?)?)?"
)


def split_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            yield start, start + len(stripped)
        pos += len(line) + 1


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end]."""
    line = text[start:end]
    glued_date = DATE.match(line)
    # '2017/08/02 أعلنت …', or with no space at all: '10:45:00أعلنت …'.
    if (
        glued_date
        and glued_date.end() < len(line)
        and (line[glued_date.end()].isspace() or line[glued_date.end()].isalpha())
    ):
        yield start, start + glued_date.end()
        rest = len(line) - len(line[glued_date.end() :].lstrip())
        start, line = start + rest, line[rest:]
    begin = 0
    for match in BOUNDARY.finditer(line):
        marks = match.group(1)
        if set(marks) == {"."} and len(marks) > 1:
            continue  # ".." joins the two halves of a headline
        if marks == "." and ONE_LETTER_ABBREVIATION.search(line[begin : match.start()]):
            continue
        yield start + begin, start + match.end()
        begin = match.end()
        while begin < len(line) and line[begin].isspace():
            begin += 1
    if begin < len(line):
        yield start + begin, start + len(line)


def segment(text: str) -> list[Sentence]:
    """Every sentence of `text`, numbered from 0, with its paragraph (line) number."""
    sentences: list[Sentence] = []
    for paragraph, (line_start, line_end) in enumerate(split_lines(text)):
        for start, end in _split_line(text, line_start, line_end):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    text=text[start:end],
                    paragraph=paragraph,
                )
            )
    return sentences

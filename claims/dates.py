"""The date a news page was published, read from its text.

Pages print a date in numbers, day first as Arab outlets write it ('12/03/2019', '12.03.2019',
'12-03-2019') or year first ('2019-03-12'), or with a month's name in any of its Arab names
('12 آذار 2019', '12 مارس 2019', '12 آذار / مارس 2019', '12 جانفي 2019'), in Arabic-Indic
digits or not, often after a weekday and before a time. Hijri dates are left alone.

A page prints many dates: its own, the site's date of the day in the top bar, the dates of
other articles in lists, the dates of events in the story. The page's own is the one a label
names ('نشر في', 'تاريخ النشر'), else the one under the headline in the page's header, else
one labelled as its last update ('آخر تحديث'). A wrong date is worse than none, so a date is
dropped when its weekday disagrees with it or the story calls today another day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from claims.arabic import fold_digits, normalize, normalize_word
from claims.lexicon import fields

DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
# Weekday names -> Python's weekday number (Monday 0).
WEEKDAY_NUMBERS = {
    "الإثنين": 0,
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}
WEEKDAYS = "|".join(WEEKDAY_NUMBERS)
ENGLISH_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@cache
def month_numbers() -> dict[str, int]:
    """Each spelling of a month's name (lexicon `months`) -> the month's number."""
    return {name: int(number) for number, *names in fields("months") for name in names}


# Longest first, so that 'ابريل' is not read as 'اب' and a word after it.
MONTHS = "|".join(sorted(month_numbers(), key=len, reverse=True))
MONTH = rf"({MONTHS})(?!\w)"
FIRST_YEAR, LAST_YEAR = 1990, 2099  # news on the web; '1436/6/8' is a Hijri date

# Patterns run on the text with its digits folded to ASCII (`fold_digits` keeps every place).
# '12/03/2019', '2019-03-12', '17. 06. 2017', '27/3 / 2015': the same mark both times.
NUMERIC = re.compile(
    r"(?<![\d/.\-])(\d{1,4})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{1,4})(?![\d/]|[.\-]\d)"
)
# '12 آذار 2019', '21 كانون الثاني / يناير 2018', '21 / كانون الثاني / 2018', '10 أيار، 2017'.
WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*/?\s*{MONTH}(?:\s*[/(]\s*{MONTH}\s*\)?)?\s*[/،,]?\s*(\d{{4}})(?!\d)"
)
# '2017 السبت 1 يوليو': the year before the weekday, as a page laid out right to left leaves
# it when the two are separate pieces; the weekday must be there, and agree.
YEAR_FIRST = re.compile(rf"(?<!\d)(\d{{4}})\s+({WEEKDAYS})\s*[،,]?\s*(\d{{1,2}})\s+{MONTH}")
# A time of day: '14:05', '02: 15 مساء', '20:51:00'.
TIME = r"\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?(?:\s*(?:ص|م|صباحا|مساء|AM|PM|am|pm)(?!\w))?"
# What may stand between a date and the word before it: spaces, marks, a weekday, a time.
BETWEEN = re.compile(
    rf"(?:[\s:،,\-–|()]|(?<!\w)(?:{WEEKDAYS})(?!\w)|(?<!\d){TIME}|GMT|[A-Z][a-z]{{2}},)*$"
)
WEEKDAY_BEFORE = re.compile(rf"(?<!\w)({WEEKDAYS})\s*[،,\-–]?\s*\(?\s*$")
ENGLISH_WEEKDAY_BEFORE = re.compile(rf"\b({'|'.join(ENGLISH_WEEKDAYS)})[a-z]*\.?,?\s*$")
HIJRI_AFTER = re.compile(r"\s*هـ?(?!\w)")
# The Gregorian era's mark and the brackets and marks after a date, before a label.
ERA_AND_MARKS = re.compile(r"^(?:\s|م(?!\w)|[(\[:،,\-–|])*")
# A time printed beside a date: '12/03/2019 - 14:05', '14:05 12/03/2019'.
TIME_AFTER = re.compile(rf"\s*[-–|،,]?\s*(?:الساعة\s*)?{TIME}")
TIME_BEFORE = re.compile(rf"{TIME}\s*[-–|،,]?\s*$")
# The story calls its day today: 'أعلن اليوم الخميس', 'اليوم، السبت'.
TODAY = re.compile(rf"(?<!\w)اليوم\s*[،,]?\s*({WEEKDAYS})(?!\w)")

# The page's header: its title, the site's top bar, the headline, the byline and date line.
HEADER_SPAN = 600
# A run of this many words printed twice in the header is the headline: once in the page's
# title, again above the article.
HEADLINE_WORDS = 4
# A line of no more words than this that holds the headline is the headline on its own.
HEADLINE_LINE_WORDS = 20
# Dates each stamped with a time, this many different ones, make a list of articles.
LIST_DATES = 3
# How far into the story its 'today' is looked for.
TODAY_SPAN = 1500
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Found:
    """A date printed on a page: where, which day, what the words around it say it is
    ('published', 'updated', 'story' or None), whether a time is printed beside it."""

    start: int
    end: int
    day: date
    role: str | None
    stamped: bool


# Every date pattern opens on a number no digit stands before: it can only match where a run of
# digits starts, and is tried there only (a regex that opens on a look-behind is tried at every
# character of the text).
DIGIT_RUN = re.compile(r"\d+")


def _from_digits(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that opens on a number, from the `starts` of
    the text's runs of digits."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def dates_in(text: str) -> Iterator[Found]:
    """The dates printed in `text`, in order; those a weekday beside them contradicts left out."""
    folded = fold_digits(text)
    starts = [run.start() for run in DIGIT_RUN.finditer(folded)]
    matches = sorted(
        (
            m
            for pattern in (NUMERIC, WORDS, YEAR_FIRST)
            for m in _from_digits(pattern, folded, starts)
        ),
        key=lambda m: m.start(),
    )
    end = 0
    for match in matches:
        if match.start() < end:
            continue  # one date read twice ('2017 السبت 1 يوليو 2017')
        day = _day(match, folded[max(0, match.start() - 30) : match.start()])
        if day is None or HIJRI_AFTER.match(folded, match.end()):
            continue
        end = match.end()
        before = folded[max(0, match.start() - 60) : match.start()]
        stamped = bool(TIME_BEFORE.search(before) or TIME_AFTER.match(folded, end))
        yield Found(match.start(), end, day, _role(before, folded[end : end + 30]), stamped)


def _day(match: re.Match[str], before: str) -> date | None:
    """The day a date match names, or None when it names none or its weekday disagrees."""
    weekday = WEEKDAY_BEFORE.search(before)
    named = WEEKDAY_NUMBERS[weekday[1]] if weekday else None
    if match.re is YEAR_FIRST:
        named = WEEKDAY_NUMBERS[match[2]]
        orders = [(int(match[1]), month_numbers()[match[4]], int(match[3]))]
    elif match.re is WORDS:
        month = month_numbers()[match[2]]
        if match[3] and month_numbers()[match[3]] != month:
            return None  # 'آذار / مارس' names one month twice; two months are no date
        orders = [(int(match[4]), month, int(match[1]))]
    else:
        a, b, c = int(match[1]), int(match[3]), int(match[4])
        english = ENGLISH_WEEKDAY_BEFORE.search(before)
        if len(match[1]) == 4:
            orders = [(a, b, c)]
        elif english:  # 'Sun, 05/14/2017': English sites write the month first
            named = ENGLISH_WEEKDAYS.index(english[1])
            orders = [(c, a, b), (c, b, a)]
        else:
            orders = [(c, b, a)]
    for year, month, day in orders:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            continue
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if named is None or found.weekday() == named:
            return found
    return None


@cache
def _date_words() -> tuple[tuple[str, str], ...]:
    """(word in matching form, role) from lexicon `date_words`, longest first."""
    words = ((normalize(word), role) for word, role in fields("date_words"))
    return tuple(sorted(words, key=lambda pair: len(pair[0]), reverse=True))


def _role(before: str, after: str) -> str | None:
    """What the words around a date say it is: 'published', 'updated', 'story' or None. The
    word before it, past any weekday, time and marks; or an update label right after it, as
    some sites print one: '28/03/2016 م (آخر تحديث) الساعة 00:02'."""
    skipped = BETWEEN.search(before)
    lead = normalize(before[: skipped.start()] if skipped else before).rstrip()
    for word, role in _date_words():
        if lead.endswith(word) and (len(lead) == len(word) or not lead[-len(word) - 1].isalnum()):
            return role
    trail = normalize(ERA_AND_MARKS.sub("", after, count=1))
    if any(trail.startswith(word) for word, role in _date_words() if role == "updated"):
        return "updated"
    return None


def find_published(text: str) -> str | None:
    """ISO date the page says it was published, or None when it cannot be told.

    A date labelled as the publication's wins wherever it stands. Else the header's: where
    the headline is printed twice (in the page's title bar, then above the article), dates
    before its second print are the site's (its date of the day, its last update, a news
    ticker) and the page's own is the first after it. Else, of two header dates or more, the
    site's clock comes first and the page's own last; time-stamped dates of three days or more
    are a list of other articles. Else a date labelled as the page's last update."""
    found = [date for date in dates_in(text) if date.role != "story"]
    labelled = [date for date in found if date.role == "published"]
    chosen = labelled[0] if labelled else None
    headline = _headline_again(text[:HEADER_SPAN])
    if headline is not None:
        found = [date for date in found if date.start >= headline]
    header = [date for date in found if date.role is None and date.start < HEADER_SPAN]
    if chosen is None and header:
        if headline is not None:
            chosen = header[0]
        elif len({date.day for date in found if date.stamped}) < LIST_DATES:
            chosen = header[-1]
    updated = [date for date in found if date.role == "updated"]
    if chosen is None and updated:
        chosen = updated[0]
    if chosen is None or _today_disagrees(text, chosen):
        return None
    return chosen.day.isoformat()


def _headline_again(header: str) -> int | None:
    """Where the header prints its headline a second time, after the page's title bar: the
    first run of HEADLINE_WORDS words that it printed before. A headline on a line of its own
    has no title bar above it, and a later run is the story retelling it."""
    words = [(m.start(), normalize_word(m.group())) for m in WORD.finditer(header)]
    first_seen: dict[tuple[str, ...], int] = {}
    for k in range(len(words) - HEADLINE_WORDS + 1):
        run = tuple(word for _, word in words[k : k + HEADLINE_WORDS])
        first = first_seen.setdefault(run, k)
        if first <= k - HEADLINE_WORDS:
            start = words[first][0]
            line = header[header.rfind("\n", 0, start) + 1 :].split("\n", 1)[0]
            return None if len(WORD.findall(line)) <= HEADLINE_LINE_WORDS else words[k][0]
    return None


def _today_disagrees(text: str, chosen: Found) -> bool:
    """The story, just after the date, calls today a weekday that is neither the date's nor
    the day before it (a story of the evening goes out after midnight)."""
    today = TODAY.search(text, chosen.end, chosen.end + TODAY_SPAN)
    return today is not None and (chosen.day.weekday() - WEEKDAY_NUMBERS[today[1]]) % 7 > 1

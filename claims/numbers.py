"""Numbers in Arabic reporting: digits, number words, approximators and the thing counted.

`quantities("قتل أكثر من 400 عنصر")` gives `Quantity(low=400, high=800, unit="عنصر", ...)`:
a figure is a range, so that "أكثر من 400" and "حوالي 400" can be seen to agree while
"30 قتيلاً" and "150 قتيلاً" cannot. The words themselves are data in `claims/lexicon/`:
`number_words.txt`, `approximators.txt` and `counted.txt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from claims import lexicon
from claims.arabic import WORD_CACHE, fold_digits, normalize
from claims.dates import month_numbers

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640"
TOKEN = re.compile(rf"[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*|(?:[^\W\d_]|[{_MARKS}])+|%")

# Words around a figure that say it counts deaths or injuries ("مقتل 20 شخصاً" counts the dead).
_DEATH = frozenset(
    normalize(w) for w in ["مقتل", "قتل", "قتلت", "قتلوا", "مصرع", "سقوط", "استشهاد", "حصيلة"]
)
_INJURY = frozenset(normalize(w) for w in ["اصابة", "أصيب", "أصيبوا", "جرح", "إصابة"])
# Words that name a tally whose counted noun stands before its figure ('ارتفع عدد القتلى إلى 50',
# 'بلغت حصيلة الضحايا 30'), and how many words before the figure the tally may stand.
# A tally's figure may come after a place or a cause ('عدد القتلى في المدينة إلى 50'), not in
# another clause ('عدد المصابين ثم قالت إن المستشفى استقبل 50').
_TALLIES = frozenset(normalize(w) for w in ["عدد", "حصيلة", "إجمالي"])
TALLY_REACH = 6
_CLAUSE_OPENERS = frozenset(normalize(w) for w in ["إن", "أن", "ثم", "فيما", "بينما", "حيث"])
# A figure right after one of these, or before a month, is a date or a time, not a count.
_DATE_BEFORE = frozenset(
    normalize(w) for w in ["عام", "العام", "لعام", "سنة", "السنة", "الساعة", "يوم"]
)
# Month names of one word (lexicon `months`) -> month number; كانون and تشرين need the word after.
MONTHS = {normalize(name): n for name, n in month_numbers().items() if " " not in name}
_MONTHS = frozenset(MONTHS) | {normalize("كانون"), normalize("تشرين")}


def dates(words: list[str]) -> frozenset[str]:
    """Day-and-month dates and years in a list of normalised words: ['17', 'تموز'] ->
    {'17/7'}, ['عام', '2015'] -> {'2015'}."""
    found = {w for w in words if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100}
    for i in range(len(words) - 1):
        if words[i].isdigit() and int(words[i]) <= 31:
            month = words[i + 1]
            n = MONTHS.get(month)
            if (
                n is None
                and month in (normalize("كانون"), normalize("تشرين"))
                and i + 2 < len(words)
            ):
                second = words[i + 2] == normalize("الثاني")
                n = {normalize("كانون"): (12, 1), normalize("تشرين"): (10, 11)}[month][second]
            if n:
                found.add(f"{int(words[i])}/{n}")
    return frozenset(found)


# Generic counted nouns take the class of the event they are counted in.
GENERIC = "people"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a text as a range, with the thing it counts.

    A plain frozen dataclass rather than a model: linking makes one for every figure of every
    claim, and sends them between processes."""

    low: float  # smallest value the wording allows
    high: float  # largest value the wording allows
    text: str  # the figure as written, with its approximator and noun
    unit: str | None = None  # canonical counted noun: قتيل، غارة …
    kind: str | None = None  # class of the counted noun: killed, strikes …
    start: int = 0
    end: int = 0
    approx: str | None = None  # about, over, under … or vague
    noun: str | None = None  # the word after a figure of no known counted noun (normalised)

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def overlaps(self, other: Quantity, slack: float = 0.0) -> bool:
        """Whether both figures can hold at once, each widened by `slack` (a share)."""
        return self.low * (1 - slack) <= other.high * (1 + slack) and other.low * (
            1 - slack
        ) <= self.high * (1 + slack)

    def describe(self) -> str:
        value = f"{self.low:g}" if self.exact else f"{self.low:g}–{self.high:g}"
        return f"{value} {self.unit}" if self.unit else value


class _Tok(NamedTuple):
    norm: str
    start: int
    end: int
    number: float | None


@cache
def _number_words() -> dict[str, tuple[float, str]]:
    return {normalize(w): (float(v), role) for w, v, role in lexicon.fields("number_words")}


@cache
def _approximators() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Phrases by place ('before' / 'after'), longest first, as tuples of normalised words."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {"before": [], "after": []}
    for entry in lexicon.fields("approximators"):
        phrase, meaning = entry[0], entry[1]
        place = entry[2] if len(entry) > 2 else "before"
        found[place].append((tuple(normalize(phrase).split()), meaning))
    return {p: tuple(sorted(v, key=lambda e: -len(e[0]))) for p, v in found.items()}


@cache
def _counted() -> dict[tuple[str, ...], tuple[str, str]]:
    """Counted-noun forms (tuples of normalised words) -> (canonical noun, class)."""
    found: dict[tuple[str, ...], tuple[str, str]] = {}
    for entry in lexicon.fields("counted"):
        canonical, kind, *forms = entry
        for form in (canonical, *forms):
            found[tuple(normalize(form).split())] = (canonical, kind)
    return found


def _strip_conj(word: str) -> list[str]:
    out = [word]
    if len(word) > 2 and word[0] in "وف":
        out.append(word[1:])
    return out


def _with_article(word: str) -> list[str]:
    """The word and the word without a leading conjunction, preposition or article."""
    out = []
    for w in _strip_conj(word):
        out.append(w)
        for prefix in ("بال", "كال", "لل", "ال", "ب", "ل"):
            if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                out.append(w[len(prefix) :])
    return out


def _parse_digits(raw: str) -> float:
    text = fold_digits(raw)
    parts = re.split(r"[.,]", text)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    if len(parts) == 2:
        return float(f"{parts[0]}.{parts[1]}")
    return float(parts[0])


_normalize = lru_cache(maxsize=WORD_CACHE)(normalize)
# Runs of word characters: one character class is three times faster than TOKEN's alternation;
# the few runs that mix letters, marks and digits are split by TOKEN.
_RUN = re.compile(rf"[\w{_MARKS}%.,\u066b\u066c]+")


def _raw_tokens(text: str) -> list[str]:
    out = []
    for run in _RUN.findall(text):
        if run.isalpha():
            out.append(run)
        else:
            out.extend(TOKEN.findall(run))
    return out


def tokens(text: str) -> list[_Tok]:
    """Words and figures of `text`, normalised, with their offsets in `text`."""
    out = []
    pos = 0
    find = text.find
    norm = _normalize
    for raw in _raw_tokens(text):
        start = find(raw, pos)
        pos = start + len(raw)
        if raw[0].isdigit():
            try:
                value = _parse_digits(raw)
            except ValueError:
                continue
            out.append(_Tok(fold_digits(raw), start, pos, value))
        else:
            out.append(_Tok(norm(raw), start, pos, None))
    return out


# Words that multiply the figure before them ('ثلاثين ألفاً', '165 مليار').
_SCALES = ("scale", "scales", "scale-or-dual")
# Words after a scale that are no noun it counts: 'ألفاً من السكان' is one thousand.
_NOT_COUNTED = frozenset(normalize(w) for w in ("من", "في", "على", "عن", "إلى", "مع", "و"))


def _counted_next(toks: list[_Tok], i: int) -> bool:
    """Whether a noun follows token i, as a dual in construct has one ('مليارا دولار'); at the
    end or before a particle the same word is one in the accusative ('تجاوز عددهم مليوناً')."""
    return i + 1 < len(toks) and toks[i + 1].number is None and toks[i + 1].norm not in _NOT_COUNTED


def _word(tok: _Tok, first: bool) -> tuple[float, str] | None:
    return _word_norm(tok.norm, first)


@lru_cache(maxsize=WORD_CACHE)
def _word_norm(norm: str, first: bool) -> tuple[float, str] | None:
    """A number word; after the first word only a conjunction و may be attached."""
    words = _number_words()
    for w in _strip_conj(norm):
        if w in words:
            return words[w]
    # 'العشرات', 'بالمئات', 'عشرات الآلاف': the article only on words that are not small numbers
    roles = ("vague", "scales", "few") if first else _SCALES
    for w in _with_article(norm):
        hit = words.get(w)
        if hit and hit[1] in roles:
            return hit
    return None


def _number_at(toks: list[_Tok], k: int) -> tuple[float, float, int, str | None] | None:
    """(low, high, next index, 'vague' or None) of a figure starting at token k."""
    tok = toks[k]
    words = _number_words()
    if tok.number is not None:
        value = tok.number
        nxt = k + 1
        if nxt < len(toks):
            hit = words.get(toks[nxt].norm)
            if hit and hit[1] in _SCALES:
                value *= hit[0]
                nxt += 1
        return value, value, nxt, None
    total = 0.0
    current = 0.0
    last = ""
    vague: tuple[float, float] | None = None
    i = k
    while i < len(toks):
        if toks[i].number is not None:
            break
        hit = _word(toks[i], first=i == k)
        if hit is None:
            break
        value, role = hit
        if role == "unit":
            if last in ("unit", "teen") and current:
                break
            current += value
        elif role == "teen":
            if last == "teen" or (last not in ("", "unit")):
                break
            current += value
        elif role == "ten":
            if (
                last in ("ten", "hundred")
                and current % 100 == 0
                and current
                or last in ("", "unit")
            ):
                current += value
            else:
                break
        elif role == "hundred":
            if last == "unit" and 1 <= current <= 9:
                current *= 100
            elif last == "":
                current += value
            else:
                break
        elif role == "scale-or-dual" and not (current or total or vague) and _counted_next(toks, i):
            total += 2 * value  # 'مليارا دولار': the dual in construct, where a figure starts
            role = "dual"
        elif role in _SCALES:
            if vague is not None:
                vague = (vague[0] * value, vague[1] * value)
            elif current or total:
                total += (current or 1) * value
                current = 0
            elif role == "scales":
                vague = (2 * value, 10 * value - 1)
            else:
                total += value
        elif role == "dual":
            if current or total or vague:
                break
            total += value
        elif role == "vague":
            if last:
                break
            vague = (2 * value, 10 * value - 1)
        elif role == "few":
            if last:
                break
            vague = (value, 9.0)
        last = role
        i += 1
    if i == k:
        return None
    if vague is not None:
        return vague[0], vague[1], i, "vague"
    value = total + current
    if last in ("unit", "teen") and toks[k].norm == normalize("أحد") and i == k + 1:
        return None  # 'أحد العناصر' (one of), 'الأحد' (Sunday)
    if value == 0:
        return None
    return value, value, i, None


@cache
def _first_words(place: str) -> frozenset[str]:
    firsts = set()
    for words, _meaning in _approximators()[place]:
        firsts |= {words[0], f"و{words[0]}", f"ب{words[0]}"}
    return frozenset(firsts)


def _match_phrase(
    toks: list[_Tok], i: int, phrases: tuple[tuple[tuple[str, ...], str], ...], place: str
) -> tuple[str, int] | None:
    if i >= len(toks) or toks[i].norm not in _first_words(place):
        return None
    for words, meaning in phrases:
        if i + len(words) <= len(toks) and all(
            toks[i + n].norm == w or toks[i + n].norm in (f"و{w}", f"ب{w}")
            for n, w in enumerate(words)
        ):
            return meaning, i + len(words)
    return None


def _unit_at(toks: list[_Tok], i: int) -> tuple[tuple[str, str], int] | None:
    """The counted noun at token i (or after 'من'), and the index after it."""
    counted = _counted()
    for skip in (0, 1):
        j = i + skip
        if j >= len(toks):
            return None
        if skip and toks[i].norm not in ("من", "عدد"):
            return None
        if j + 1 < len(toks):
            pair = counted.get((toks[j].norm, toks[j + 1].norm))
            if pair:
                return pair, j + 2
        for w in _with_article(toks[j].norm):
            hit = counted.get((w,))
            if hit:
                return hit, j + 1
    return None


def _dual(tok: _Tok) -> tuple[str, str] | None:
    return _dual_norm(tok.norm)


@lru_cache(maxsize=WORD_CACHE)
def _dual_norm(norm: str) -> tuple[str, str] | None:
    """'قتيلان', 'غارتين': a counted noun in the dual is the figure 2."""
    counted = _counted()
    for w in _strip_conj(norm):  # no article: 'القريتين' is a town, not two villages
        if (w,) in counted:
            return None
        for suffix in ("ان", "ين"):
            if w.endswith(suffix) and len(w) > 4:
                stem = w[: -len(suffix)]
                # any singular form listed, not only the canonical one: 'طفلان' (طفل, civilians)
                for cand in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                    hit = counted.get((cand,)) if cand else None
                    if hit:
                        return hit
    return None


@lru_cache(maxsize=WORD_CACHE)
def _may_count(norm: str) -> bool:
    """Whether a word can start a figure: a number word or a counted noun in the dual."""
    return _word_norm(norm, True) is not None or _dual_norm(norm) is not None


def is_figure_word(word: str) -> bool:
    """Whether a normalised word is a figure itself: digits or a number word ('25', 'خمس',
    'وعشرون')."""
    return (
        word[:1].isdigit()
        or _word_norm(word, True) is not None
        or _word_norm(word, False) is not None
    )


def may_start_figure(word: str) -> bool:
    """Whether a normalised word can begin a figure (a number word, an approximator, a
    counted noun in the dual): a cheap test before the full parse."""
    return word in _first_words("before") or _may_count(word)


def _widen(low: float, high: float, meaning: str | None) -> tuple[float, float]:
    if meaning == "about":
        slack = max(high * 0.2, 1.0)
        return max(0.0, low - slack), high + slack
    if meaning in ("over", "atleast"):
        return low, max(high * 2, high + 2)
    if meaning in ("under", "atmost"):
        return low / 2, high
    return low, high


def _event(toks: list[_Tok], i: int, j: int) -> str | None:
    return _event_told(toks[max(0, i - 4) : j + 2])


def _event_told(toks: list[_Tok]) -> str | None:
    """'killed' or 'wounded' when these words tell a death or an injury."""
    for tok in toks:
        for w in _strip_conj(tok.norm):
            if w in _DEATH:
                return "killed"
            if w in _INJURY:
                return "wounded"
    return None


def _event_just_before(toks: list[_Tok], i: int) -> str | None:
    """What a figure of no counted noun counts when a death or an injury is told just before it
    ('مقتل العشرات في تفجير', 'قتل 3 بينهم طفل'); a noun between ('مقتل قائد اللواء 313') makes
    it a name, not a count."""
    return _event_told(toks[max(0, i - 2) : i])


def _tallied(toks: list[_Tok], i: int) -> tuple[str, str] | None:
    """The counted noun of a tally told before the figure at token i: 'عدد القتلى … 50'."""
    for t in range(i - 1, max(-1, i - 1 - TALLY_REACH), -1):
        if toks[t].norm in _CLAUSE_OPENERS:
            return None
        if any(w in _TALLIES for w in _with_article(toks[t].norm)):
            found = _unit_at(toks, t + 1)
            return found[0] if found else None
    return None


def quantities(text: str, toks: list[_Tok] | None = None) -> list[Quantity]:
    """The figures of a sentence, in order, as ranges with the thing counted.

    Dates and times ('عام 2016', '17 تموز', '2017/08/02', 'الساعة 10') are not figures.
    """
    toks = tokens(text) if toks is None else toks
    before = _approximators()["before"]
    after = _approximators()["after"]
    found: list[Quantity] = []
    firsts = _first_words("before")
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not (tok.number is not None or tok.norm in firsts or _may_count(tok.norm)):
            i += 1  # most words start no figure: skip them cheaply
            continue
        approx = _match_phrase(toks, i, before, "before")
        k = approx[1] if approx else i
        num = _number_at(toks, k) if k < len(toks) else None
        if num is None:
            dual = _dual(toks[i]) if not approx else None
            if dual:
                tok = toks[i]
                found.append(
                    Quantity(
                        low=2,
                        high=2,
                        unit=dual[0],
                        kind=_kind(dual[1], toks, i, i),
                        text=text[tok.start : tok.end],
                        start=tok.start,
                        end=tok.end,
                    )
                )
            i += 1
            continue
        low, high, nxt, vague = num
        meaning = approx[0] if approx else vague
        # 'بين 30 و40', '30 إلى 40'
        upper = toks[nxt + 1].number if nxt + 1 < len(toks) else None
        if (
            toks[k].number is not None
            and upper is not None
            and toks[nxt].norm in ("و", "الي", "حتي")
            and (toks[nxt].norm != "و" or (k > 0 and toks[k - 1].norm == "بين"))
        ):
            high = max(high, upper)
            nxt += 2
        if _is_date(text, toks, k, nxt):
            i = nxt
            continue
        unit = _unit_at(toks, nxt)
        end = nxt
        if unit:
            end = unit[1]
        elif k > 0 and toks[k].number is None:
            # 'مدنيين اثنين': the noun before a number word
            before_noun = _unit_at(toks, k - 1)
            unit = (before_noun[0], nxt) if before_noun else None
        if not unit:
            tallied = _tallied(toks, i)
            unit = (tallied, nxt) if tallied else None
        tail = _match_phrase(toks, end, after, "after")
        if tail:
            meaning = tail[0]
            end = tail[1]
        low, high = _widen(low, high, meaning)
        first = toks[i]
        last = toks[end - 1]
        after_figure = toks[nxt] if not unit and nxt < len(toks) else None
        found.append(
            Quantity(
                low=low,
                high=high,
                unit=unit[0][0] if unit else None,
                kind=_kind(unit[0][1], toks, k, end) if unit else _event_just_before(toks, i),
                text=text[first.start : last.end],
                start=first.start,
                end=last.end,
                approx=meaning,
                noun=after_figure.norm if after_figure and after_figure.number is None else None,
            )
        )
        i = max(end, i + 1)
    return found


def _kind(kind: str, toks: list[_Tok], i: int, j: int) -> str:
    if kind == GENERIC:
        return _event(toks, i, j) or kind
    return kind


def _is_date(text: str, toks: list[_Tok], k: int, nxt: int) -> bool:
    tok = toks[k]
    if tok.number is None:
        return False
    if k > 0 and any(w in _DATE_BEFORE for w in _with_article(toks[k - 1].norm)):
        return True
    if nxt < len(toks) and toks[nxt].norm in _MONTHS:
        return True
    if "/" in text[max(0, tok.start - 1) : tok.end + 1]:
        return True
    return len(fold_digits(text[tok.start : tok.end])) == 4 and 1900 <= tok.number <= 2100


def figures(text: str) -> tuple[float, ...]:
    """The values of the figures in `text` (lower bounds), for blocking candidates."""
    return tuple(q.low for q in quantities(text))

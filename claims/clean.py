"""Cleaning: page furniture, the page's own metadata, repeated paragraphs, degraded punctuation.

Sentences come in with offsets into the article text and go out marked: junk (with the
reason) or kept, repeats pointing `dup_of` their first copy. The article gains its title,
byline, date and outlet. Nothing here changes the article text: `repair` gives a cleaner
copy of one sentence for the attribution rules to read.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from claims.arabic import DIACRITICS, normalize, normalize_sentence, normalize_word
from claims.cycles import no_cycle_collection
from claims.dates import DIGIT, find_published
from claims.furniture import Verdict, learned_furniture
from claims.lexicon import all_words, entries, fields, word_class
from claims.models import Article, Sentence
from claims.segment import DATE

TOKEN = re.compile(r"\w+", re.UNICODE)
COPYRIGHT = re.compile(r"©|\(c\)|جميع الحقوق محفوظة|حقوق النشر|all rights reserved", re.I)
# "©جميع الحقوق محفوظة لموقع المدن 2024", "جميع الحقوق محفوظة لقناة الميادين".
# A number right after a name the copyright pattern cut before its digits.
NUMBER_AFTER = re.compile(r"\s*(\d+)")
COPYRIGHT_OUTLET = re.compile(
    r"محفوظة\s+(?:ل|لـ)\s*(?:موقع|صحيفة|جريدة|قناة|شبكة|وكالة|مجلة)?\s*[\"«“(]?([^\"»”)\d©|،,.\n]+)"
)
# "جميع الحقوق محفوظة 2018 شبكة الجزيرة الاعلامية": the holder after the year, an outlet when
# a known one opens it ('… محفوظة 2018 مواضيع قد تهمك' is the page's menu run on).
COPYRIGHT_YEAR_OUTLET = re.compile(
    r"محفوظة\s+\d{4}\s+(?:موقع|صحيفة|جريدة|قناة|شبكة|وكالة|مجلة)?\s*([^\"»”)\d©|،,.\n]{2,40})"
)
# "© نورث برس 2024", "جميع الحقوق محفوظة © اليوم الثامن 2024": the name after the sign.
COPYRIGHT_SIGN_OUTLET = re.compile(
    r"©\s*(?:\d{4}\s*)?[\"«“]?([^\"»”\d©|،,.\n]{2,40}?)[\"»”]?\s*(?:\d{4})?\s*$", re.M
)
# "عنب بلدي - درعا": a byline naming the outlet before the place.
BYLINE_OUTLET_FIRST = re.compile(
    r"^\s*[\"«“]?([^\"»”\n\-–|]{2,30}?)[\"»”]?\s*(?:[-–]|\sـ\s)\s*[^\s\-–]{2,20}\s*$", re.M
)
# "© 2025 الراصد السوري - جميع الحقوق محفوظة": the words around the name.
COPYRIGHT_WORDS = re.compile(
    r"\s*[-–|]?\s*(?:جميع الحقوق محفوظة|حقوق النشر محفوظة|كل الحقوق محفوظة)"
)
# "المصدر: عنب بلدي", "المصدر: الجزيرة + وكالات" at the foot of the article.
SOURCE_LINE_OUTLET = re.compile(
    r"^\s*المصدر\s*:\s*[\"«“]?([^\"»”+،,\n]{2,30}?)[\"»”]?\s*(?:[+،,]|\s+و|$)", re.M
)
# A dateline naming the outlet: "القامشلي – نورث برس", "عدن - "اليوم الثامن"".
DATELINE_OUTLET = re.compile(
    r"^\s*[^\n\-–|]{2,25}?\s*(?:[-–]|\sـ\s)\s*[\"«“]?([^\"»”\n]{2,30}?)[\"»”]?\s*$", re.M
)
# `قالت لـ"المدن"`, `لـ (جيرون)`: a quoted name after li-, counted when it is a known outlet
# (`التابعة لـ"داعش"` is not one); `في حديث مع "العربي الجديد"`, `في تصريح خاص لـ«عنب بلدي»`.
SPOKEN_TO = re.compile(r"(?:\bلـ\s*|\bل\s*-\s*)[\"«“(]\s*([^\"»”)\n]{2,30}?)\s*[\"»”)]")
INTERVIEW = r"(?:حديث|تصريح|تصريحات|لقاء|مقابلة)(?:ه|ها|هم|ات)?(?:\s+\w+)?\s+"
TALKED_TO = re.compile(INTERVIEW + r"(?:مع|ل|لـ)\s*[\"«“(]\s*([^\"»”)\n]{2,30}?)\s*[\"»”)]")
# `في حديثه ل - العربي الجديد`: the same with the marks lost, counted when the words after it
# open with a known outlet's name.
TALKED_TO_UNMARKED = re.compile(INTERVIEW + r"(?:مع|لـ|ل\s*-)\s*(\w+(?:\s+\w+){0,2})")
# The outlet that received, obtained or translated what the page reports is the page's own: 'في
# بيان تلقت "عنب بلدي" نسخة منه', 'بيان صحافي تلقته "إيلاف"', 'التقرير الذي ترجمه "يمن مونيتور"',
# 'وثيقة حصلت "المدن" على نسخة منها'. A quoted name, followed by what follows an outlet there:
# the verbs have other objects too ('تلقت "ضربة" قوية').
RECEIVED_BY = re.compile(
    r"(?<!\w)(?:تلق\u0651?ت(?:ه|ها)?|ترجم(?:ه|ته|ها)|حصلت|اط\u0651?لعت)\s*"
    r"[\"«“]\s*([^\"»”\n]{2,30}?)\s*[\"»”]"
    r"(?=\s*(?:نسخة|على نسخة|عليه|عليها|إن|أن|ان|[،,.:]|$))"
)
# The holder named just before the copyright's years: 'العناوين روسيا اليوم تي في نوفوستي
# 2007 - 2018 جميع الحقوق محفوظة', 'تطبيق قناة نسمة للهواتف الذكية 2017 جميع الحقوق محفوظة'.
YEARS_AT_END = re.compile(r"((?:\S+\s+){1,8})\d{4}(?:\s*[-–]\s*\d{4})?\s*[-–]?\s*$")
HOLDER_SPAN = 300  # characters before the copyright where its holder and years are read
# A site's own domain in its links and notices, spaced by the scraper or not: 'لقد اختارت DW. COM
# …', 'طباعة الرابط http: / / p. dw. com / p / 2lQ0K'. The page's own is printed more than once.
DOMAIN = re.compile(r"(?<![\w.])([a-z][a-z0-9-]{1,30})\s?\.\s?(?:com|net|org|tv|info|news)\b", re.I)
DOMAIN_REPEATS = 2
# A dateline before each teaser of the site's other stories: 'بغداد - عرب لايف قال مصدر …',
# 'الموصل - عرب لايف أعلنت …'. The name after the dash that comes back with several places.
PLACE_DASH_NAME = re.compile(
    r"(?<!\S)([\u0621-\u064a]{3,20})\s+[-–]\s+([\u0621-\u064a]+(?:\s[\u0621-\u064a]+){0,3})"
)
DATELINE_PLACES = 3
# A dash between a place and a name: '-', '–', '|', or a spaced tatweel 'ـ'.
DASH = r"(?:[-–|]|\sـ\s)"
BYLINE_DASH = re.compile(rf"^[^\s\-–]{{2,20}}\s*{DASH}\s*(.{{4,40}})$")
# 'بغداد ـ «الأفق العربي» ـ علي حسين الجبوري': place, outlet, reporter.
DATELINE_CREDIT = re.compile(
    rf"^[^\s\-–]{{2,20}}\s*{DASH}\s*[^\n]{{2,40}}?\s*{DASH}\s*[^\n]{{2,40}}$"
)
# The site's name beside the headline on a page's first line: 'العنوان - الموقع', 'الموقع | العنوان'.
SITE_TITLE_SEPARATOR = re.compile(r"\s[-–|]\s")
SITE_TITLE_SPAN = 300
MAX_OUTLET_WORDS = 4
MENU_SEPARATORS = re.compile(r"\s[|»>/]\s|\s-\s.*\s-\s")
NUMBERS_ONLY = re.compile(r"^[\d\s.,:%+\-/()\u0660-\u0669\u06f0-\u06f9]+$")
SENTENCE_END = re.compile(r"[.؟?!…:]['\"»”]?$")

HIJRI_MONTHS = (
    "محرم|صفر|ربيع الأول|ربيع الاول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الاولى"
    "|جمادى الآخرة|جمادى الاخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة"
)
# '١٤ رمضان ١٤٤٦ هـ': a Hijri date, shown beside the Gregorian one on many Arabic sites.
HIJRI_DATE = re.compile(rf"{DIGIT}{{1,2}}\s+(?:{HIJRI_MONTHS})\s+{DIGIT}{{4}}")
# Both dates have digits: a line without one is told by a scan for a digit, where the date
# patterns try their weekdays and months at every character.
A_DIGIT = re.compile(DIGIT)
ERA_MARKS = frozenset({"هـ", "ه", "م"})
# '--(بترا) ع ع/ م ح/ س ص': a wire agency's editors' initials at the foot of a story.
BRACKETED = re.compile(r"\([^)]*\)")
WORD_RUN = re.compile(r"\w+")
LONGER_WORD = re.compile(r"\w{3}")
AGENCY_CODE_MIN_INITIALS = 3
# A dateline stands above the body, within the first few lines.
DATELINE_SPAN = 600
# A heading has few words; a body paragraph opens the article proper.
HEADING_MAX_TOKENS = 5
BODY_MIN_TOKENS = 12
TITLE_MAX_TOKENS = 25
DUP_MIN_TOKENS = 4
# Above the body, a short line is taken for the headline unless the furniture model is this sure.
SURE_FURNITURE = 0.9
NO_VERDICT = Verdict(probability=None, reason=None)


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


@cache
def _furniture_keys() -> frozenset[str]:
    return frozenset(normalize(entry[0]) for entry in fields("furniture"))


@cache
def _long_furniture_keys() -> tuple[str, ...]:
    """Furniture of three words or more, specific enough to drop any line it opens."""
    return tuple(key for key in _furniture_keys() if key.count(" ") >= 2)


@cache
def _list_heads() -> frozenset[str]:
    """Furniture that introduces a list: links to other articles ('اقرأ أيضاً'), tags ('الوسوم')."""
    return frozenset(normalize(entry[0]) for entry in fields("furniture") if entry[1:] == ("list",))


@cache
def _credit_heads() -> tuple[str, ...]:
    return tuple(normalize(entry) for entry in entries("credits"))


# What `repair` undoes, in its order.
LI_DASH = re.compile(r"\bل\s*-\s*(?=[\"«“(])")
LATIN_COMMA = re.compile(r"(?<=[\u0600-\u06ff])\s*,\s*")
LATIN_SEMICOLON = re.compile(r"(?<=[\u0600-\u06ff])\s*;\s*")
LATIN_QUESTION = re.compile(r"(?<=[\u0600-\u06ff])\s*\?")
SPACE_BEFORE_MARK = re.compile(r"\s+([.،؛:؟!])")
QUOTATION = re.compile(r'"\s*([^"]*?)\s*"')
SPACE_AFTER_OPENING = re.compile(r"([«“])\s+")
SPACE_BEFORE_CLOSING = re.compile(r"\s+([»”])")
SPACES = re.compile(r"\s{2,}")


def repair(text: str) -> str:
    """A copy of a sentence with scraper damage undone, for the rules to read.

    `قال : " … " .` -> `قال: "…".`, Latin `,` `;` `?` -> `،` `؛` `؟` between Arabic words,
    `ل - " X "` -> `لـ"X"`.
    """
    # Each repair runs only when the character it works on is in the sentence: most are not.
    if "-" in text:
        text = LI_DASH.sub("لـ", text)
    if "," in text:
        text = LATIN_COMMA.sub("، ", text)
    if ";" in text:
        text = LATIN_SEMICOLON.sub("؛ ", text)
    if "?" in text:
        text = LATIN_QUESTION.sub("؟", text)
    text = SPACE_BEFORE_MARK.sub(r"\1", text)
    # Inner spaces of a quotation: `" نص "` -> `"نص"`; an even count pairs them in order.
    quotes = text.count('"')
    if quotes and quotes % 2 == 0:
        text = QUOTATION.sub(r'"\1"', text)
    if "«" in text or "“" in text:
        text = SPACE_AFTER_OPENING.sub(r"\1", text)
    if "»" in text or "”" in text:
        text = SPACE_BEFORE_CLOSING.sub(r"\1", text)
    return _split_glued_cues(_rejoin_split_words(SPACES.sub(" ", text).strip()))


# Letters only: a tatweel ('بغداد ـ') or a digit is no piece of a split word.
LETTER = "[\u0621-\u063a\u0641-\u064a]"
ARABIC_WORD = re.compile(f"{LETTER}+")
ARABIC_WORD_RUNS = re.compile(f"({LETTER}+)")
# A word of this many letters stands on its own; one of two only when a lexicon knows it ('في'),
# a single letter never (the conjunction و is written glued).
WORD_ALONE_LETTERS = 3
# A word with a و that has WORD_ALONE_LETTERS letters or more on each side (`_split_glued_cues`
# looks for a verb after it): found by the pattern, not word by word.
GLUED_CUE_HOST = re.compile(
    rf"(?<!{LETTER})(?={LETTER}{{{WORD_ALONE_LETTERS}}}{LETTER}*?و{LETTER}{{{WORD_ALONE_LETTERS}}})"
    rf"{LETTER}+"
)


def _rejoin_split_words(text: str) -> str:
    """Words the scraper split with a space where it dropped a mark (a shadda, a tanwin, a
    damma): 'وأك دت' -> 'وأكدت', 'ورج حت' -> 'ورجحت', 'مشير ا' -> 'مشيرا', 'أن ها' -> 'أنها'.
    Two pieces are one word when joined they make a word the lexicons know and they are not
    both words on their own ('في جيب' stays)."""
    # The runs of letters at odd places, what stands between them at even ones (strings, not
    # match objects: this runs on every sentence).
    parts = ARABIC_WORD_RUNS.split(text)
    joined = False  # the piece before this one was joined to it: one join to a word
    for k in range(1, len(parts) - 2, 2):
        first, between, second = parts[k], parts[k + 1], parts[k + 2]
        joined = (
            (len(first) < WORD_ALONE_LETTERS or len(second) < WORD_ALONE_LETTERS)
            and between == " "
            and not joined
            and not _marked(parts[k - 1][-1:])
            and not _marked(parts[k + 3][:1])
            and _is_split_word(first, second)
        )
        if joined:
            parts[k + 1] = ""
    return "".join(parts)


def _marked(character: str) -> bool:
    """Whether a mark stands beside a piece: the letters beside it are a piece of a written
    word ('ردًا على': the 'ا' after the tanwin is no word of its own to join to 'على')."""
    return DIACRITICS.match(character) is not None


def _split_glued_cues(text: str) -> str:
    """A reporting verb and its conjunction the scraper glued to the word before, the space
    lost between two sentences: '" دماروقال الرئيس …' -> '" دمار وقال الرئيس …'. The verbs
    are the word class `glued_cues` (forms no word ends with: 'السودان' ends with 'دان')."""
    glued = word_class("glued_cues")
    cuts = []
    for word in GLUED_CUE_HOST.finditer(text):
        form = word.group()
        last = len(form) - WORD_ALONE_LETTERS  # a و from here on leaves too short a verb
        j = form.find("و", WORD_ALONE_LETTERS, last)
        while j != -1:
            if normalize_word(form[j + 1 :]) in glued:
                cuts.append(word.start() + j)
                break
            j = form.find("و", j + 1, last)
    if not cuts:
        return text
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return " ".join(pieces)


@lru_cache(maxsize=1 << 16)
def _is_split_word(first: str, second: str) -> bool:
    joined = normalize_word(first + second)
    known = _joinable_words()
    return (joined in known or joined[:1] in "وف" and joined[1:] in known) and not (
        _stands_alone(first) and _stands_alone(second)
    )


def _stands_alone(piece: str) -> bool:
    word = normalize_word(piece)
    return len(word) >= WORD_ALONE_LETTERS or len(word) == 2 and word in _joinable_words()


@cache
def _joinable_words() -> frozenset[str]:
    """The lexicons' words in their matching form: the reporting verbs in all their written
    forms, the function words, titles, names."""
    return frozenset(
        normalize_word(word) for word in all_words() if ARABIC_WORD.fullmatch(normalize_word(word))
    )


def _known_outlet(name: str) -> str | None:
    """The canonical spelling of an outlet the lexicon knows, else None."""
    return _outlet_spellings().get(normalize(name.strip()))


@cache
def _outlet_spellings() -> dict[str, str]:
    """Each known outlet spelling, normalised -> the outlet's canonical name (first wins)."""
    found: dict[str, str] = {}
    for spellings in fields("outlets"):
        for spelling in spellings:
            found.setdefault(normalize(spelling), spellings[0])
    return found


def _outlet_name(name: str, after_li: bool = False) -> str:
    """An outlet named by the page, as the lexicon spells it. After 'محفوظة ل' the name lost
    the alef of its article to the preposition: 'محفوظة للعربي الجديد' -> 'العربي الجديد'."""
    name = COPYRIGHT_WORDS.sub("", name).strip(" -–|")
    if after_li and name.startswith("ل") and not _known_outlet(name):
        name = "ا" + name
    return _known_outlet(name) or name


def _names_an_outlet(name: str) -> bool:
    """A dateline's second half is an outlet, not a reporter: 'الجزيرة نت', 'نورث برس'."""
    return _opening_outlet(name) is not None


def _opening_outlet(name: str) -> str | None:
    """The known outlet that the longest run of the name's first words spells."""
    words = name.split()
    return next(
        (found for n in range(len(words), 0, -1) if (found := _known_outlet(" ".join(words[:n])))),
        None,
    )


def _outlet_among(words: list[str]) -> str | None:
    """The first known outlet that a run of these words spells, the longest run at each word."""
    for start in range(len(words)):
        if found := _opening_outlet(" ".join(words[start : start + MAX_OUTLET_WORDS])):
            return found
    return None


def _repeated_dateline_name(text: str) -> str | None:
    """The name a page's datelines give after the dash with the most places (at least
    DATELINE_PLACES): the words that follow the dash in every one of them ('عرب لايف' of
    'بغداد - عرب لايف قال …', 'الموصل - عرب لايف أعلن …'). A known outlet, or a name of two
    words or more that no dateline credits ('بغداد - وكالات', 'دمشق - خاص'); one unknown word
    after a dash is as often a team or a party ('النصر')."""
    after: dict[str, list[tuple[str, list[str]]]] = {}
    for match in PLACE_DASH_NAME.finditer(text):
        words = match.group(2).split()
        after.setdefault(words[0], []).append((match.group(1), words))
    places = {first: len({place for place, _ in runs}) for first, runs in after.items()}
    first = max(places, key=places.__getitem__, default=None)
    if first is None or places[first] < DATELINE_PLACES:
        return None
    shared = os.path.commonprefix([words for _, words in after[first]])[:MAX_OUTLET_WORDS]
    name = " ".join(shared)
    if known := _known_outlet(name):
        return known
    credits = word_class("dateline_credits")
    return name if len(shared) >= 2 and normalize_word(first) not in credits else None


def _repeated_own_domain(text: str) -> str | None:
    """A known outlet whose domain the page prints again and again ('dw. com')."""
    labels = Counter(match.group(1).lower() for match in DOMAIN.finditer(text))
    for label, count in labels.most_common():
        if count < DOMAIN_REPEATS:
            break
        if known := _known_outlet(label):
            return known
    return None


def _site_in_title(text: str) -> str | None:
    """A known outlet named beside the headline on the page's first line, as a page's title
    names its site: 'إيران تنشئ قاعدة … - عنب بلدي', 'الميادين | الجيش السوري: …'. The first
    piece must be the name alone (a headline may open with an outlet's name); a later one may
    run on into the page's date or menu ('| الجزيرة مباشر Main navigation')."""
    first_line = text.lstrip().split("\n", 1)[0][:SITE_TITLE_SPAN]
    for k, piece in enumerate(SITE_TITLE_SEPARATOR.split(first_line)):
        words = piece.strip(' "«»“”').split()
        if k == 0:
            name = _known_outlet(" ".join(words)) if len(words) <= MAX_OUTLET_WORDS else None
        else:
            name = _opening_outlet(" ".join(words[:MAX_OUTLET_WORDS]))
        if name:  # 'الجزيرة نت' stays whole; 'عنب بلدي الأحد 21 …' loses the date, and
            # 'رأي اليوم الرباطـ"رأي اليوم"' the dateline run into it
            whole = len(words) <= MAX_OUTLET_WORDS and all(w.isalpha() for w in words)
            return _outlet_name(" ".join(words)) if whole else name
    return None


def find_outlet(text: str) -> str | None:
    """The outlet that publishes the text: the site named beside the headline, its copyright
    line, its source line ('المصدر: …'), a dateline naming a known outlet, a known outlet just
    before the copyright's years, the name its teasers' datelines repeat after several places,
    a known outlet's domain printed again and again, else the outlet its sources speak to
    (`قالت لـ"المدن"`), the most frequent one winning. A copyright holder
    of many words that no lexicon knows is a company, not the outlet ('الشركة السعودية
    البريطانية للأبحاث والتسويق')."""
    site = _site_in_title(text)
    if site:
        return site
    for pattern in (COPYRIGHT_OUTLET, COPYRIGHT_SIGN_OUTLET, SOURCE_LINE_OUTLET):
        match = pattern.search(text)
        if match and COPYRIGHT_WORDS.sub("", match.group(1)).strip(" -–|"):
            lead = text[match.start() : match.start(1)].rstrip()
            name = _outlet_name(match.group(1), after_li=lead.endswith(("ل", "لـ")))
            number = NUMBER_AFTER.match(text, match.end(1))
            if number and (known := _known_outlet(f"{name} {number.group(1)}")):
                name = known  # the name stops before digits, a year's: 'عربي 21' is a name
            if _known_outlet(name) or len(name.split()) <= MAX_OUTLET_WORDS:
                return name
    year_holder = COPYRIGHT_YEAR_OUTLET.search(text)
    if year_holder and (holder := _opening_outlet(year_holder.group(1))):
        return holder
    for match in DATELINE_OUTLET.finditer(text[:DATELINE_SPAN]):
        if _names_an_outlet(match.group(1)):
            return _outlet_name(match.group(1))
    for match in BYLINE_OUTLET_FIRST.finditer(text[:DATELINE_SPAN]):
        if _names_an_outlet(match.group(1)):
            return _outlet_name(match.group(1))  # 'عنب بلدي - درعا'
    for match in COPYRIGHT_WORDS.finditer(text):
        before = YEARS_AT_END.search(text[max(0, match.start() - HOLDER_SPAN) : match.start()])
        if before and (holder := _outlet_among(before.group(1).split())):
            return holder
    if named := _repeated_dateline_name(text) or _repeated_own_domain(text):
        return named

    received = Counter(
        name
        for match in RECEIVED_BY.finditer(text)
        if len((name := _outlet_name(match.group(1))).split()) <= MAX_OUTLET_WORDS
    )
    if received:
        return received.most_common(1)[0][0]
    # A source speaking straight to an outlet ('قالت مصادر لـ"المدن"') speaks to the page's
    # own; an interview ('في حديثه لـ"القناة العاشرة"') may be another outlet's, and names the
    # page's own only when it comes back.
    interviews = list(TALKED_TO.finditer(text))
    in_interviews = Counter(_outlet_name(match.group(1)) for match in interviews)
    in_interviews.update(
        outlet
        for match in TALKED_TO_UNMARKED.finditer(text)
        if (outlet := _opening_outlet(match.group(1)))
    )
    direct: Counter[str] = Counter()
    for match in SPOKEN_TO.finditer(text):
        name = _outlet_name(match.group(1))
        if _known_outlet(name) and not any(
            i.start() <= match.start() < i.end() for i in interviews
        ):
            direct[name] += 1
    counts = direct + in_interviews
    candidates = [n for n in counts if direct[n] or in_interviews[n] >= 2]
    return max(candidates, key=lambda n: counts[n]) if candidates else None


def junk_reason(text: str, form: str | None = None) -> str | None:
    """Why a line is page furniture, or None when it is reporting; `form` is the matching form
    of `text` (`normalize`) when the caller has made it already."""
    stripped = text.strip()
    if form is None or stripped != text:
        form = normalize(stripped)
    key = form.strip(" :.-|()[]")
    words = tokens(key)
    if not words:
        return "empty line"
    if NUMBERS_ONLY.match(stripped):
        return "share counter or bare number"
    if key in _furniture_keys() or (
        len(words) <= 4 and any(key.startswith(f) for f in _furniture_keys() if len(f) > 5)
    ):
        return "page furniture"
    if key.startswith(_long_furniture_keys()):
        return "page furniture"  # 'تابعوا آخر الأخبار عبر تطبيق تلغرام …': a phrase of 3+ words

    if COPYRIGHT.search(stripped):
        return "copyright line"
    if len(words) <= 6 and key.startswith(_credit_heads()) and ":" in stripped:
        return "credit line"
    if A_DIGIT.search(stripped) and (DATE.search(stripped) or HIJRI_DATE.search(stripped)):
        rest = DATE.sub(" ", HIJRI_DATE.sub(" ", stripped))
        rest_words = [w for w in tokens(rest) if w not in ERA_MARKS]
        label = normalize(rest).split(":", 1)[0].strip(" -|")
        if len(rest_words) <= 1 or (":" in rest and label in _furniture_keys()):
            return "date line"  # 'الأربعاء 2017/08/02', 'تاريخ النشر: …', '١٤ رمضان ١٤٤٦ هـ'
    if _agency_code(stripped):
        return "agency code"  # '--(بترا) ع ع/ م ح/ س ص', '(ع.م/ح.د)'
    label = key.split(":", 1)[0].strip()
    if ":" in key and label in _furniture_keys():
        return "page furniture"  # 'الكلمات المفتاحية: سنجار، تركيا', 'شارك الخبر :'
    if MENU_SEPARATORS.search(stripped) and not SENTENCE_END.search(stripped) and len(words) <= 12:
        return "navigation menu"
    return None


def _agency_code(line: str) -> bool:
    """Initials of one or two letters, at least AGENCY_CODE_MIN_INITIALS of them, outside
    brackets (or inside, when nothing is outside)."""
    outside = BRACKETED.sub(" ", line) if "(" in line else line
    if LONGER_WORD.search(outside):
        return False  # a word of three letters: the common case, told without a list of words
    initials = WORD_RUN.findall(outside) or WORD_RUN.findall(line)
    return len(initials) >= AGENCY_CODE_MIN_INITIALS and all(len(w) <= 2 for w in initials)


def rule_reasons(sentences: list[Sentence], forms: Sequence[str] | None = None) -> list[str | None]:
    """Each sentence's furniture by the rules above, one sentence at a time; `forms` are the
    sentences' matching forms when the caller has them."""
    if forms is None:
        forms = [normalize(sentence.text) for sentence in sentences]
    return [
        "glued in front of a sentence"
        if sentence.glued_furniture
        else junk_reason(sentence.text, form)
        for sentence, form in zip(sentences, forms, strict=True)
    ]


@no_cycle_collection()  # many small objects, no cycles (claims.cycles)
def clean(article: Article, sentences: list[Sentence]) -> tuple[Article, list[Sentence]]:
    """Mark junk and repeats, and fill the article's title, byline, date and outlet where the
    page has not given them."""
    # Each sentence's matching form, made once for the rules, the model, labels and repeats.
    forms = [normalize_sentence(sentence.text) for sentence in sentences]
    by_rule = rule_reasons(sentences, forms)
    learned = learned_furniture(sentences, by_rule, forms)
    marked: list[Sentence] = []
    title: str | None = None
    byline: str | None = None
    in_body = False
    in_list = False
    seen: dict[str, int] = {}
    for sentence, form, rule, verdict in zip(sentences, forms, by_rule, learned, strict=True):
        text = sentence.text
        reason = rule
        n_words = len(tokens(text))
        if reason is None and in_list and not SENTENCE_END.search(text.strip()):
            reason = "listed under furniture"  # a headline under 'اقرأ أيضاً', a tag
        label = form.split(":", 1)[0].strip(" :.-|")
        in_list = (reason is not None and in_list) or label in _list_heads()
        if reason is None and not in_body:
            if n_words >= BODY_MIN_TOKENS and SENTENCE_END.search(text):
                in_body = True
            elif title is None:
                if n_words <= HEADING_MAX_TOKENS - 2 and not SENTENCE_END.search(text):
                    reason = "section label"  # a kicker above the headline
                elif (verdict.probability or 0.0) >= SURE_FURNITURE:
                    reason = verdict.reason  # a menu or a site's blurb above the headline
                elif n_words <= TITLE_MAX_TOKENS:
                    title = text
                    if not text.rstrip().endswith("."):
                        # The page's title is a sentence of the story (ANNOTATION rule 14):
                        # the model's doubt about a headline's colon does not drop it. A line
                        # with a full stop is no headline: the model still reads it.
                        verdict = NO_VERDICT
            elif (
                n_words <= HEADING_MAX_TOKENS or DATELINE_CREDIT.match(text.strip())
            ) and not SENTENCE_END.search(text):
                reason = "byline"
                byline = byline or _byline_name(text)
        reason = reason or verdict.reason
        dup_of = None
        if reason is None and n_words >= DUP_MIN_TOKENS:
            dup_of = seen.setdefault(form, sentence.index)
            if dup_of == sentence.index:
                dup_of = None
        marked.append(
            sentence.model_copy(
                update={"junk": reason is not None, "junk_reason": reason, "dup_of": dup_of}
            )
        )
    # What the page's markup says of itself (a saved web page's title, author, date and site
    # name, `claims.html`) is kept over what the rules find in its text.
    article = article.model_copy(
        update={
            "title": article.title or title,
            "byline": article.byline or byline,
            "published": article.published or find_published(article.text),
            "outlet": _outlet_name(article.outlet) if article.outlet else find_outlet(article.text),
        }
    )
    return article, marked


def _byline_name(text: str) -> str:
    """'رؤية - محمود سعيد' -> 'محمود سعيد'; a bare name stays as it is."""
    match = BYLINE_DASH.match(text.strip())
    return (match.group(1) if match else text).strip()

"""Arabic orthography for matching: the one place that knows letters, marks and digits.

Matching folds spelling variants that Arabic writers and scrapers use interchangeably;
display always keeps the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks: dropped for matching.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
TATWEEL = "\u0640"
# Bidi controls and zero-width characters that scrapers leave inside words.
INVISIBLES = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")

_LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",  # Persian kaf
    "ی": "ي",  # Persian yeh
    "ي": "ي",
}

# Arabic-Indic (٠-٩) and Persian/Urdu (۰-۹) digits, and Arabic punctuation that has a Latin twin.
_DIGIT_FOLDS = {
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
}

# Every character the patterns above match, as a deletion table: one `str.translate` pass
# does what the patterns describe, which matters on every word of every article.
_MARKS = {
    ch: None for ch in map(chr, range(0x0600, 0x0700)) if DIACRITICS.fullmatch(ch) or ch == TATWEEL
} | {ch: None for ch in map(chr, range(0x2000, 0x2070)) if INVISIBLES.fullmatch(ch)}
_MARKS |= {"\ufeff": None, "\u061c": None}
_STRIP_MARKS = str.maketrans(_MARKS)
_DIGITS = str.maketrans(_DIGIT_FOLDS)
_MATCHING_FORM = str.maketrans({**_MARKS, **_LETTER_FOLDS, **_DIGIT_FOLDS})

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


# Any character `_DIGITS` folds: most pages have none, and a search costs a twentieth of the
# translation (a dict look-up per character).
_FOLDED_DIGIT = re.compile("[" + "".join(_DIGIT_FOLDS) + "]")


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits: '١٥' -> '15'."""
    return text.translate(_DIGITS) if _FOLDED_DIGIT.search(text) else text


def strip_marks(text: str) -> str:
    """Remove diacritics, tatweel and invisible characters; letters stay as written."""
    return text.translate(_STRIP_MARKS)


def normalize(text: str) -> str:
    """The matching form of Arabic text.

    Folds hamza and alef forms, ta marbuta, alef maqsura, drops diacritics and tatweel,
    turns Arabic-Indic digits into ASCII and lowercases Latin letters:
    'أكّدت الوزارةُ' and 'اكدت الوزاره' have the same form.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_MATCHING_FORM).lower()


# Entries of each cache of one word's analysis: the words in use, not a corpus's vocabulary,
# which grows with the corpus. At 262,144 entries the linker's fourteen such caches took about a
# gigabyte in each linking worker at a million claims; at 65,536 the same links came in the
# same CPU time (bench_link.py --store 1000000).
WORD_CACHE = 1 << 16


@lru_cache(maxsize=WORD_CACHE)
def normalize_word(word: str) -> str:
    """`normalize` of one word, remembered: the words of news text repeat."""
    return normalize(word)


def normalize_sentence(sentence: str) -> str:
    """`normalize` of a sentence, word by word from the remembered words: four times as fast
    as translating it afresh. The same form: every step works on single characters, and none
    joins a character across a space."""
    return " ".join(map(normalize_word, sentence.split(" ")))


def normalize_key(text: str) -> str:
    """A key for merging names: normalised, the article 'ال' dropped, spaces folded.

    'الهويدي' and 'هويدي' share a key; so do 'وزارة الدفاع الروسية' and 'وزاره الدفاع الروسيه'.
    """
    words = re.findall(r"\w+", normalize(text))
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def is_arabic(text: str) -> bool:
    """Whether the text has at least one Arabic letter."""
    return ARABIC_LETTER.search(text) is not None

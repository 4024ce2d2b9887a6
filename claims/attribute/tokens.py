"""Tokens: a sentence's words and punctuation with their matching forms, and the tests of a
token, or of the tokens from it, against the lexicons (a reporting verb, a function word, li-
glued to an outlet, an "according to" phrase) that every part of the reading shares."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from claims.arabic import normalize_word
from claims.attribute.lexicons import (
    CONJUNCTIONS,
    PhraseIndex,
    _cue_forms,
    _name_form,
    _outlet_first_words,
    _outlets,
    _phrases,
    _set,
    _strip_conjunction,
)
from claims.lexicon import word_class, word_class_as_written

WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)
OPEN_QUOTES = "«“"
CLOSE_QUOTES = "»”"
STRAIGHT_QUOTES = "\"'"
QUOTES = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTES + "„″"
BRACKETS = "()[]"
CLAUSE_BREAK = "،,؛;:"


class Token(NamedTuple):  # a tuple: made for every word of every sentence, so cheap to build
    text: str  # as written
    norm: str  # matching form
    start: int  # offset in the repaired sentence
    end: int
    is_word: bool  # a word, not punctuation

    @property
    def bare(self) -> str:
        return bare_form(self.norm)


def bare_form(norm: str) -> str:
    """A matching form without a leading conjunction و/ف (which may be a letter of the word:
    compare with `in_lexicon`, which tries both)."""
    return norm[1:] if norm[:1] in CONJUNCTIONS and len(norm) > 3 else norm


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _stem(word: str) -> str:
    """A noun's matching stem: article and sound plural endings off ('المهندسون' ~ 'مهندسين')."""
    word = _without_article(word)
    return word[:-2] if word.endswith(("ون", "ين")) and len(word) > 4 else word


TANWEEN_FATH = "\u064b"


def _indefinite_accusative(token: Token) -> bool:
    """'استياءً', 'شيئاً', 'استياءا': a noun with the accusative tanween, written or carried by
    the alif after a hamza, is a verb's object and never a name."""
    return token.is_word and (
        TANWEEN_FATH in token.text or token.norm.endswith(("ءا", "ئا")) and len(token.norm) > 3
    )


def singular_forms(norm: str) -> tuple[str, ...]:
    """The forms a noun's entry may have behind its accusative alif or feminine plural:
    'بيانا' -> 'بيان', 'تغريدات' -> 'تغريده'."""
    forms = [norm]
    if norm.endswith("ا"):
        forms.append(norm[:-1])
    if norm.endswith("ات"):
        forms.append(norm[:-2] + "ه")
    return tuple(forms)


def in_lexicon(token: Token, known: frozenset[str] | dict) -> bool:
    """The word, or the word less a leading و/ف, is in the lexicon."""
    return _strip_conjunction(token.norm, known) is not None


_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    # A lone tatweel (the glued preposition in 'لـ"X"') has an empty matching form: no token.
    # Built with tuple.__new__: this runs for every word of every article.
    return [
        _new_tuple(Token, (word, forms[0], m.start(), m.end(), forms[1]))
        for m in WORD.finditer(text)
        if (forms := _forms(word := m.group()))[0]
    ]


@lru_cache(maxsize=1 << 17)
def _forms(word: str) -> tuple[str, bool]:
    """A written word's matching form and whether it is a word (not punctuation), remembered:
    the words of news text repeat."""
    norm = normalize_word(word)
    return norm, norm[:1].isalnum()


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.is_word]


def _text(tokens: list[Token], sentence: str) -> str:
    """The sentence's text from the first token to the last (the first as the token spells it:
    an unglued 'للمرصد' reads 'المرصد')."""
    return tokens[0].text + sentence[tokens[0].end : tokens[-1].end] if tokens else ""


def _without_conjunction(name: str, head: Token, known: frozenset[str]) -> str:
    """'ومصادر مطلعة' -> 'مصادر مطلعة' when the و is a conjunction, not a letter of the head."""
    if head.norm not in known and head.norm[1:] in known and name[:1] in CONJUNCTIONS:
        return name[1:]
    return name


WITHOUT_QUOTES_AND_BRACKETS = str.maketrans("", "", QUOTES + BRACKETS)


def _clean_name(text: str) -> str:
    """A source name without quotes, brackets, the glued 'لـ' or trailing commas."""
    return " ".join(text.translate(WITHOUT_QUOTES_AND_BRACKETS).split()).strip(" ،,:؛-")


def _is_function_word(token: Token) -> bool:
    # Compared as written (less marks), so that the name 'علي' is not the preposition 'على'.
    return _name_form(token.text) in _function_word_forms()


@cache
def _function_word_forms() -> frozenset[str]:
    return frozenset(_name_form(w) for w in word_class_as_written("function_words"))


def _cue_lemma(token: Token) -> str | None:
    return _cue_lemma_of(token.norm)


@lru_cache(maxsize=1 << 16)
def _cue_lemma_of(norm: str) -> str | None:
    """The reporting verb's lemma of a matching form, remembered (asked of every word)."""
    form = _strip_conjunction(norm, _cue_forms())
    return _cue_forms()[form] if form else None


@lru_cache(maxsize=1 << 14)
def _head_forms(head: str) -> frozenset[str]:
    """The forms a phrase's first word may take: with or without و/ف and the article
    ('والمصادر' ~ 'المصادر' ~ 'مصادر')."""
    forms = {head, head[1:] if head[:1] in CONJUNCTIONS else head}
    return frozenset(forms | {f[2:] for f in forms if f.startswith("ال") and len(f) > 4})


def _starts_with(words: list[Token], phrases: PhraseIndex) -> int:
    """Length of the longest lexicon phrase that opens `words` (conjunction allowed), else 0."""
    if not words:
        return 0
    longest = 0
    for form in _head_forms(words[0].norm):
        for phrase in phrases.get(form, ()):
            n = len(phrase)
            if (
                n > longest
                and len(words) >= n
                and all(w.norm == p for w, p in zip(words[1:n], phrase[1:], strict=False))
            ):
                longest = n
                break
    return longest


def _glued_hearer(token: Token) -> bool:
    """'للجزيرة', 'لوكالة', 'لقناة': li- written onto an outlet or a media noun."""
    if token.norm[:1] != "ل" or len(token.norm) < 4 or token.norm in word_class("function_words"):
        return False
    unglued = _unglue_li(token).norm
    return (
        _without_article(unglued) in _set("media")  # 'لقناة', 'للصحيفة'
        or (_without_article(unglued),) in _outlets()
        or unglued in _outlet_first_words()
    )


def _comma_chunks(tokens: list[Token]) -> list[list[Token]]:
    chunks: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text in "،,":
            chunks.append([])
        else:
            chunks[-1].append(tok)
    return [c for c in chunks if c]


def _according_at(tokens: list[Token], i: int) -> int:
    """Length of an 'according to' phrase at token i, else 0."""
    if tokens[i].norm not in _according_token_forms():
        return 0  # the common case, checked without copying the rest of the sentence
    return _starts_with(tokens[i:], _phrases("according"))


@cache
def _according_token_forms() -> frozenset[str]:
    """Every written form that can open an 'according to' phrase (see `_head_forms`)."""
    heads = _phrases("according").keys()
    return frozenset(
        f"{conjunction}{article}{head}"
        for head in heads
        for conjunction in ("", *CONJUNCTIONS)
        for article in ("", "ال")
    )


def _unglue_li(token: Token) -> Token:
    """'لوكالة' -> 'وكالة', 'للمرصد' -> 'المرصد': the preposition li- written onto the noun."""
    if token.norm.startswith("لل"):
        return token._replace(
            text="ا" + token.text[1:], norm="ا" + token.norm[1:], start=token.start + 1
        )
    return token._replace(text=token.text[1:], norm=token.norm[1:], start=token.start + 1)

"""A person's name in a source phrase: what opens it (a given name, a title), the words it
takes (name links, complements, one family name, a nisba) and what closes it."""

from __future__ import annotations

from functools import lru_cache

from claims.attribute.lexicons import (
    _first_names,
    _name_form,
    _particles,
    _place_words,
    _places,
    _set,
)
from claims.attribute.tokens import (
    Token,
    _according_at,
    _clean_name,
    _comma_chunks,
    _cue_lemma,
    _glued_hearer,
    _is_function_word,
    _text,
    _unglue_li,
    _words,
    in_lexicon,
    singular_forms,
)
from claims.lexicon import word_class

# Five for a name with its family link: 'تميم بن حمد آل ثاني'.
MAX_NAME_WORDS = 5


def _unknown_given_name_before(tokens: list[Token], i: int) -> int:
    """Where a name opened at token i really starts: 'حواء آدم' after a verb or a comma, whose
    given name the gazetteer lacks, starts a word earlier."""
    k = i - 1
    if k >= 0 and _is_function_word(tokens[k]) and _given_name_after_rank(tokens, k, []):
        return k  # 'الشيخ صباح خالد': a time word after a rank is the given name
    if (
        k < 0
        or not tokens[k].is_word  # 'الناطق باسم "مركز حمص" محمد السباعي'
        or not _plain_word(tokens[k])
        or tokens[k].norm.startswith(DEFINITE_FORMS)  # 'مكتب الجزيرة بالكويت سعد …'
    ):
        return i
    if k == 0 or not tokens[k - 1].is_word or tokens[k - 1].norm in _set("titles"):
        return k
    return i


def _title_as_family_name(tokens: list[Token], j: int, taken: list[Token]) -> bool:
    """'أحمد الشيخ لوكالة …', 'محمد القاضي إن …': a title word right after a lone given name,
    closing the phrase, is the family name."""
    if len(taken) != 1 or not _opens_with_given_name(taken, 0):
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return (
        _closes_name(after)
        or after is not None
        and (_glued_hearer(after) or _is_function_word(after))
    )


def _closes_name(after: Token | None) -> bool:
    """What may follow the last word of a name: the end, punctuation, a cue, a complementizer."""
    return (
        after is None
        or not after.is_word
        or bool(_cue_lemma(after))
        or after.norm in _particles("complement")
    )


def _opens_with_given_name(tokens: list[Token], i: int) -> bool:
    return _name_form(tokens[i].text) in _first_names()


def _name_at(tokens: list[Token], i: int, sentence: str) -> str | None:
    """The person name that starts at token i: a given name, its compound links
    (أبو، بن، عبد) and one family name, with an optional 'al-' nisba after it."""
    taken: list[Token] = []
    j = i
    while j < len(tokens) and len(taken) < MAX_NAME_WORDS:
        tok = tokens[j]
        # 'عبد الملك', 'أبو الأمير'
        after_link = bool(taken) and taken[-1].norm in word_class("name_links")
        if (
            not tok.is_word
            or _is_function_word(tok)
            and not _given_name_after_rank(tokens, j, taken)
            or (
                tok.norm in _set("titles")
                and not after_link
                and not _title_as_family_name(tokens, j, taken)
            )
        ):
            break
        if (
            _cue_lemma(tok)
            or tok.norm in _particles("complement")
            or tok.norm in _particles("subordinate")  # 'وقال الأمير تركي الذي …'
        ):
            break
        if taken and tok.text.isascii() != taken[0].text.isascii():
            break  # 'مزن حسن Sun, 02/12/2017': a name keeps to one script
        if (
            taken == [tokens[i]]
            and tok.text.startswith("ال")
            and _family_name_after_title(tokens, i)
        ):
            break  # 'وخاطب الأمير الفيصل الآلاف': the object follows the family name
        taken.append(tok)
        j += 1
        if tok.norm in word_class("name_links"):
            continue  # a link always takes the next word
        if j < len(tokens) and tokens[j].norm in word_class("name_complements") and not after_link:
            taken.append(tokens[j])  # 'فضل الله', 'سيف الدين': one name with its complement
            j += 1
            if len(taken) == 2:
                continue  # a compound given name: the family name follows
        if len(taken) >= 2 and not (
            j < len(tokens)
            and (
                _is_nisba(tokens[j], taken)
                or _bounded_last_name(tokens, j, taken)
                or _lineage_after_rank(tokens, i, j)
                or (tokens[j].norm in word_class("name_links") and len(taken) < MAX_NAME_WORDS - 1)
            )
        ):
            break
    if not taken or taken[-1].norm in word_class("name_links"):
        return None
    return _clean_name(_text(taken, sentence))


def _lineage_after_rank(tokens: list[Token], i: int, j: int) -> bool:
    """'الشيخ صباح خالد الحمد الصباح النائب الأول': after a rank, the father's and the
    family's names in al- run on while they close the name at its end (a title, a cue,
    punctuation). Not after a word in al- ('العميد المنشق حسام العبدالله': a description)."""
    if i == 0 or tokens[i - 1].norm not in word_class("ranks") or tokens[i].norm.startswith("ال"):
        return False
    k = j
    while k < len(tokens) and tokens[k].norm.startswith("ال") and _plain_word(tokens[k]):
        k += 1
    after = tokens[k] if k < len(tokens) else None
    return k > j and (_closes_name(after) or after is not None and after.norm in _set("titles"))


def _family_name_after_title(tokens: list[Token], i: int) -> bool:
    """'الأمير الفيصل', 'الوزير الجبير': a word in al- right after a title is a family name
    standing alone when another word in al- follows it; a given name may carry the article too
    ('العميد الطاهر عبد المنعم')."""
    return (
        i > 0
        and tokens[i - 1].norm in _set("titles")
        and tokens[i].text.startswith("ال")
        and not _opens_with_given_name(tokens, i)
    )


def _given_name_after_rank(tokens: list[Token], j: int, taken: list[Token]) -> bool:
    """'الشيخ صباح الخالد': a time word right after a rank, before a plain word, is the given
    name; in 'اللواء صباح اليوم' the time follows."""
    return (
        not taken
        and j > 0
        and tokens[j - 1].norm in word_class("ranks")
        and j + 1 < len(tokens)
        and _plain_word(tokens[j + 1])
        and not _is_function_word(tokens[j + 1])
    )


def _bounded_last_name(tokens: list[Token], j: int, taken: list[Token]) -> bool:
    """A third plain word closed by a verb, a complementizer or punctuation: 'رجب طيب أردوغان قال',
    or the family name after a compound given name: 'عبد السلام نصية إن'."""
    links = [t.norm in word_class("name_links") for t in taken]
    if len(taken) != 2 or links not in ([False, False], [True, False]) or not tokens[j].is_word:
        return False
    word = tokens[j]
    if not _plain_word(word) or word.norm.startswith("ال") or _according_at(tokens, j):
        return False
    if word.norm.endswith("وا"):
        return False  # 'بنيامين نتنياهو وأخذوا يهتفون': the alif after a plural's waw ends a verb
    if not word_class("utterance_nouns").isdisjoint(singular_forms(word.norm)):
        return False  # 'ونشر الوزير خالد العمر تغريدة قال فيها': what he published
    if _place_with_bi(word):
        return False  # 'خالد المصري بحلب': where the person is, no part of the name
    if j + 1 < len(tokens) and tokens[j + 1].norm in word_class("name_complements"):
        j += 1  # 'عبد الأمير يار الله،': a compound family name
    return _closes_name(tokens[j + 1] if j + 1 < len(tokens) else None)


def _place_with_bi(token: Token) -> bool:
    """'بغزة', 'بمدينة': a place glued to bi-, which says where."""
    place = token.norm[1:]
    return token.norm[:1] == "ب" and (place in _places() or place in _place_words())


def _is_nisba(token: Token, taken: list[Token]) -> bool:
    """A family name in al- after a compound ('إياد أبو المجد الحمصي')."""
    return (
        token.is_word
        and token.norm.startswith("ال")
        and len(taken) >= 2
        and taken[-2].norm in word_class("name_links")
        and token.norm not in _set("titles")
    )


# The article, bare or behind a preposition or conjunction written onto it.
DEFINITE_FORMS = ("ال", "لل", "بال", "وال", "فال", "كال")


def _after_title(tokens: list[Token], i: int) -> bool:
    """Token i opens a name right after a title: 'اللواء X', 'الناشط سامر العلي'.
    After a rank any word does; after a role, a plain word without the article."""
    if i == 0 or not tokens[i].is_word or tokens[i - 1].norm not in _set("titles"):
        return False
    if tokens[i - 1].norm in word_class("ranks"):
        return True
    word = tokens[i]
    return (
        _plain_word(word)
        and not word.norm.startswith(DEFINITE_FORMS)  # 'الإعلامي للفصيل': a definite genitive
        and not _is_function_word(word)
        and not _agrees_with_role(word)
    )


def _agrees_with_role(word: Token) -> bool:
    """'متحدث إعلامي', 'مسؤول عسكري': a relational adjective after an indefinite role, not a
    name; a given name like 'علي' or 'سامي' is one."""
    return word.norm.endswith(("ي", "يه", "يون", "يين")) and not _opens_with_given_name([word], 0)


def _plain_word(token: Token) -> bool:
    """A word that can be part of a name: no lexicon head, title, cue or function word."""
    return _plain_form(token.norm)


@lru_cache(maxsize=1 << 16)
def _plain_form(norm: str) -> bool:
    """`_plain_word` of a word of this matching form, remembered: each of its tests reads the
    form alone (of a token made of it here), and the words of news text repeat."""
    token = Token(norm, norm, 0, len(norm), True)
    return not (
        in_lexicon(token, word_class("function_words"))
        or token.norm in _set("titles")
        or _glued_hearer(token)  # 'لوكالة', 'للجزيرة'
        or (
            token.norm[:1] == "ل" and _unglue_li(token).norm in _set("titles")
        )  # 'لقائد', 'للمتحدث'
        or in_lexicon(token, _set("anonymous"))
        or in_lexicon(token, _set("organizations"))
        or in_lexicon(token, _set("media"))
        or _cue_lemma(token)
        or token.norm in _particles("complement")
        or token.norm in _particles("subordinate")
        or token.norm[:1].isdigit()
        or _is_quoting_noun(token)  # 'عن محمد باقري قوله إن …'
    )


PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")


def _is_quoting_noun(token: Token) -> bool:
    """'قوله', 'تأكيدها': the verbal noun of saying with the speaker's pronoun."""
    return any(
        token.norm.endswith(suffix) and token.norm[: -len(suffix)] in word_class("quoting_nouns")
        for suffix in PRONOUN_SUFFIXES
    )


def _family_name_after_role(tokens: list[Token], sentence: str) -> str | None:
    """'وزير الخارجية لافروف': a role and its definite complement, then one indefinite plain
    word closing the phrase. An indefinite word cannot qualify the definite words before it:
    it is the person named by a family name alone."""
    words = _words(_comma_chunks(tokens)[0]) if tokens else []
    if len(words) < 3 or words[0].norm not in _set("titles"):
        return None
    *complement, name = words[1:]
    if not all(w.bare.startswith("ال") or w.norm in _set("titles") for w in complement):
        return None
    if not _plain_word(name) or name.bare.startswith(DEFINITE_FORMS):  # 'مدير الوعظ والإرشاد'
        return None  # 'مدير المكتب الإعلامي للفصيل': li- and the article, a definite genitive
    return _clean_name(_text([name], sentence))

"""A body's name in a source phrase: after its head noun, the proper noun it governs, its
definite adjectives and genitives, the body it belongs to; and a lexicon name as the article
spells it."""

from __future__ import annotations

from functools import cache

from claims.arabic import normalize
from claims.attribute.concordance import Concordance
from claims.attribute.lexicons import _aliases, _particles, _places, _set, _spelling_swaps
from claims.attribute.names import _plain_word
from claims.attribute.tokens import Token, _cue_lemma, _is_function_word, in_lexicon
from claims.lexicon import entries, fields, word_class


def _definite_run(tokens: list[Token], i: int, limit: int = 5) -> int:
    """Index after the definite adjectives and genitives that follow a head
    ('الدفاع الروسية', 'السوري لحقوق الإنسان')."""
    j = i
    while j < len(tokens) and j - i < limit:
        norm = tokens[j].norm
        joined = j > i and norm.startswith("وال")
        if joined:
            norm = norm[1:]  # 'جهاز الإسعاف والطوارئ': a genitive joined to the one before
        if j > i and norm in _set("organizations") and not joined and not norm.endswith("يه"):
            # 'اتهمت جماعة الحوثيين الحكومة': the object, another body; but 'السعودية' in
            # 'وزارة الخارجية السعودية' is the adjective
            break
        if (
            norm[:1] in ("ل", "و")
            and not norm.startswith("لل")
            and len(norm) > 3
            and j + 1 < len(tokens)
            and tokens[j + 1].norm.startswith("ال")
            and norm not in word_class("function_words")
            and (norm[:1] == "ل" or j > i)
        ):
            # 'لشؤون اللاجئين', 'لتنسيق الشؤون الإنسانية': a genitive after li-;
            # 'وزارة الخارجية وشؤون المغتربين': a second genitive joined by و.
            j += 1
            continue
        if (
            tokens[j].is_word
            and (norm.startswith("ال") or norm.startswith("لل"))
            and norm not in word_class("function_words")
        ):
            if (
                _cue_lemma(tokens[j])
                or norm in _set("titles")
                or norm in _particles("subordinate")
                or _describes(tokens, j, joined)
                or not joined
                and _opens_another_phrase(tokens, j)
            ):
                break
            j += 1
        else:
            break
    return j


def _opens_another_phrase(tokens: list[Token], j: int) -> bool:
    """Definite token j does not carry the name on: a verb or a noun with a pronoun ('قوات
    النظام التقوا', 'أعلنت القوات التزامها'), or, after a relational adjective, a word that
    cannot agree with it and so is the object ('الحكومة التونسية السلطات')."""
    norm = tokens[j].norm
    if norm.endswith(("ها", "هم", "هما", "وا")) or governed_noun(tokens, j):
        return True
    previous = tokens[j - 1].norm if j > 0 else ""
    if norm.startswith("لل") or not previous.startswith("ال"):
        return False
    if previous.endswith("يه"):  # 'التونسية': a feminine adjective
        return norm.endswith("ات") or not norm.endswith(("ه", "ي", "ا"))
    if previous.endswith("ي"):  # 'الإسرائيلي': a masculine adjective
        return norm.endswith(("ات", "ه"))
    return False


def _describes(tokens: list[Token], j: int, joined: bool) -> bool:
    """Token j is an adjective of side or owner ('المرصد السوري المعارض', 'البرنامج العالمي
    التابع للأمم المتحدة'), not the name; after an indefinite noun the same word is a genitive
    that is ('فصائل المعارضة')."""
    return (
        not joined
        and j > 0
        and tokens[j - 1].bare.startswith("ال")
        and tokens[j].norm in word_class("describing_adjectives")
    )


# 'منظمة هيومن رايتس ووتش': the proper noun after an indefinite head may run to three words.
MAX_BODY_PROPER_WORDS = 3


def _body_name_end(tokens: list[Token], j: int, head: Token) -> int:
    """Index after the name of a body whose head ends at token j: its definite adjectives, and
    after an indefinite head the proper noun it governs ('حركة أحرار الشام', 'قوات سوريا
    الديمقراطية'), and a body it belongs to ('المكتب الإعلامي لحركة أحرار الشام')."""
    if head.bare.startswith("ال") and j < len(tokens) and tokens[j].bare in _set("organizations"):
        return j  # 'وتتهم المعارضة النظام …': a second body is the object
    if head.bare in _places() or head.bare in word_class("proper_bodies"):
        # 'ونددت أنقرة بشدة', 'ورفضت روسيا مشروع القرار': a capital or a state speaking for
        # its government is named whole; the nouns after it are the verb's object
        return j
    if not head.bare.startswith("ال"):
        start = j
        while (
            j < len(tokens)
            and j - start < MAX_BODY_PROPER_WORDS
            and not tokens[j].norm.startswith("ال")
            and (_plain_word(tokens[j]) or in_lexicon(tokens[j], _set("organizations")))
            and not _cue_lemma(tokens[j])
            and not _is_function_word(tokens[j])
            and not _is_nisba_adjective(tokens[j])
            and not tokens[j].norm.startswith("بال")  # 'ورحبت أميركا بالاتفاق'
        ):
            j += 1
            if in_lexicon(tokens[j - 1], _set("organizations")):
                break  # 'حركة حماس': the name is whole
            if j + 1 < len(tokens) and tokens[j].norm == "بلا":
                j += 2  # 'أطباء بلا حدود', 'مراسلون بلا حدود'
        if j == start:  # an unnamed body: 'منظمات إنسانية', 'جماعات مسلحة محلية'
            while j < len(tokens) and j - start < 2 and _is_nisba_adjective(tokens[j]):
                j += 1
    end = _definite_run(tokens, j)
    if end < len(tokens) and tokens[end].norm[:1] == "ل":
        owner = tokens[end]._replace(norm=tokens[end].norm[1:])
        if owner.norm in _set("organizations") and not owner.norm.startswith("ال"):
            return _body_name_end(tokens, end + 1, owner)
    return end


def _led_by_end(tokens: list[Token], end: int) -> int:
    """Index after who leads a body named by its bare head ('التحالف الذي تقوده السعودية',
    'التحالف بقيادة الولايات المتحدة'): the head alone does not say which body it is. The
    leader is one word, or two when the second is its definite adjective."""
    k = end + (end < len(tokens) and tokens[end].norm in _particles("subordinate"))
    if k >= len(tokens) or tokens[k].norm not in word_class("leading_words"):
        return end
    if (k == end) != (tokens[k].norm == normalize("بقيادة")):
        return end  # 'الذي بقيادة', 'تقوده' without its relative: not the pattern
    leader = k + 1
    if not _names_a_leader(tokens, leader):
        return end
    if (
        tokens[leader].norm.startswith("ال")
        and _names_a_leader(tokens, leader + 1)
        and tokens[leader + 1].norm.startswith("ال")
    ):
        return leader + 2
    return leader + 1


def _names_a_leader(tokens: list[Token], i: int) -> bool:
    """Token i may be (part of) a state's, a body's or a person's name."""
    return (
        i < len(tokens)
        and tokens[i].is_word
        and not _is_function_word(tokens[i])
        and not _cue_lemma(tokens[i])
        and tokens[i].norm not in _particles("complement")
    )


# The endings of a relational (nisba) adjective: 'محلي', 'دولية', 'سوريون', 'سوريين'.
NISBA_ENDINGS = ("ي", "يه", "يون", "يين")
# Prepositions a verbal noun takes right after it: 'أعلنت الوزارة السيطرة على …', 'الانسحاب من'.
GOVERNED_PREPOSITIONS = frozenset({"علي", "من", "عن", "الي"})


def governed_noun(tokens: list[Token], j: int) -> bool:
    """Definite token j is what the verb governs, not the next word of the name before it: a
    definite noun after a phrase already whole (a definite word before it), with its
    preposition after it, and no relational adjective, no feminine adjective of a feminine
    word, no next word of a known body's name: 'أعلنت هيئة تحرير الشام السيطرة على البلدة',
    'أعلن الجيش السوري الانسحاب من …' (but 'أعلنت وزارة الصحة عن', 'حذرت القيادة العامة من')."""
    if not 0 < j < len(tokens) - 1 or tokens[j + 1].norm not in GOVERNED_PREPOSITIONS:
        return False
    noun, before = tokens[j].norm, tokens[j - 1].norm
    return (
        noun.startswith("ال")
        and before.startswith("ال")
        and not _is_definite_nisba(tokens[j])
        and not (noun.endswith("ه") and before.endswith("ه") and not before.endswith("يه"))
        and (before, noun) not in body_name_pairs()
    )


@cache
def body_name_pairs() -> frozenset[tuple[str, str]]:
    """Two words in a row of a body's known name (lexicons `organizations` and `actors`):
    'الهلال الأحمر', 'الجيش الحر', whose adjective would otherwise end the phrase."""
    names = list(entries("organizations"))
    names += [name for entry in fields("actors") for name in entry if not name.startswith(">")]
    pairs: set[tuple[str, str]] = set()
    for name in names:
        words = normalize(name).split()
        pairs.update(zip(words, words[1:], strict=False))
    return frozenset(pairs)


def _is_definite_nisba(token: Token) -> bool:
    """'الأمريكي', 'الروسية', 'السوريون': a definite relational adjective, which follows a name."""
    return token.norm.startswith("ال") and token.norm.endswith(NISBA_ENDINGS)


def _is_nisba_adjective(token: Token) -> bool:
    """'دولية', 'محلي', 'سوريون': a relational adjective, where 'محافظة' is a noun."""
    return _looks_adjective(token) and token.norm.endswith(NISBA_ENDINGS)


def _looks_adjective(token: Token) -> bool:
    """Indefinite adjectives after an unnamed source: 'مطلعة', 'خاصة', 'سوريون', 'عسكري'."""
    norm = token.norm
    return (
        token.is_word
        and not norm.startswith(("ال", "لل"))  # 'مسؤول أمريكي للصحيفة': li- and al-, the hearer
        and norm not in word_class("function_words")
        and norm.endswith(("ه", "يه", "ي", "ون", "ين", "يون", "يين", "ان"))
        and _cue_lemma(token) is None
        and norm not in _particles("complement")
    )


def _alias(name: str) -> str:
    return _aliases().get(normalize(name), name)


def _article_spelling(name: str, concordance: Concordance) -> str | None:
    """The article's own spelling of a lexicon name ('سورية' over 'سوريا'), None when the
    article does not spell it."""
    at = _article_spelling_at(name, concordance)
    return None if at is None else _article_text(concordance, *at)


def _article_spelling_at(name: str, concordance: Concordance) -> tuple[int, int] | None:
    """Where the article first spells a name, in any of its spellings: (position among the
    article's words, how many words)."""
    variants = {tuple(normalize(name).split())}
    for one, other in _spelling_swaps():
        for a, b in ((one, other), (other, one)):
            variants |= {tuple(w.replace(a, b) for w in variant) for variant in variants}
    n = len(next(iter(variants)))
    firsts = {variant[0] for variant in variants if variant}
    norms = concordance.article_norms
    for k in sorted(k for first in firsts for k in concordance.article_positions(first)):
        if tuple(norms[k : k + n]) in variants:
            return k, n
    return None


def _article_text(concordance: Concordance, k: int, n: int) -> str:
    return " ".join(w.text for w in concordance.article_words[k : k + n])


def _full_name_with_other_head(name: str, concordance: Concordance) -> str | None:
    """A body's full name as the article gives it under another head noun: 'صندوق الأمم المتحدة
    للطفولة' for the lexicon's 'منظمة الأمم المتحدة للطفولة'."""
    words = name.split()
    if len(words) < 3:
        return None
    at = _article_spelling_at(" ".join(words[1:]), concordance)
    if at is None or at[0] == 0:
        return None
    k, n = at
    head = concordance.article_words[k - 1]
    return _article_text(concordance, k - 1, n + 1) if head.norm in _set("organizations") else None


def _prefer_article_spelling(name: str, concordance: Concordance) -> str:
    """The article's own spelling of a lexicon name when it has one."""
    return _article_spelling(name, concordance) or name

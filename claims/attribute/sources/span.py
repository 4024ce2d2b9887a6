"""Where a source phrase ends (a complementizer, a quotation, the verb's complement, a hearer,
a circumstantial participle), and the nouns that may run on inside it: a chain of nouns, a
circle after 'من', a body's owner after li-."""

from __future__ import annotations

from claims.arabic import normalize
from claims.attribute.bodies import (
    _alias,
    _is_nisba_adjective,
    body_name_pairs,
    governed_noun,
)
from claims.attribute.lexicons import (
    _aliases,
    _name_form,
    _number_words,
    _outlet_max_words,
    _outlets,
    _particles,
    _phrases,
    _place_words,
    _places,
    _set,
)
from claims.attribute.names import PRONOUN_SUFFIXES, _is_quoting_noun
from claims.attribute.sources.quoted import _names_known_outlet, _quoted_name
from claims.attribute.tokens import (
    STRAIGHT_QUOTES,
    Token,
    _cue_lemma,
    _glued_hearer,
    _is_function_word,
    _starts_with,
    _without_article,
    _words,
    in_lexicon,
)
from claims.lexicon import word_class


def _is_li_genitive(token: Token) -> bool:
    """'للنظام', 'لميليشيات': a noun glued to li-, which says whose."""
    return token.norm.startswith("لل") or (
        token.norm[:1] == "ل" and len(token.norm) > 3 and not _is_function_word(token)
    )


MAX_NOUN_PHRASE_WORDS = 5


def _noun_phrase_end(tokens: list[Token], i: int) -> int:
    """Index after a place or body named by a chain of nouns: 'حكومة ولاية شمال دارفور',
    'قيادة عمليات نينوى', 'إدارة المطار'; it stops at punctuation, verbs and particles."""
    j = i
    while j < len(tokens) and j - i < MAX_NOUN_PHRASE_WORDS:
        tok = tokens[j]
        if (
            not tok.is_word
            or _is_function_word(tok)
            or _cue_lemma(tok)
            or tok.norm in _particles("complement")
            or tok.norm in _particles("subordinate")
            or _is_quoting_noun(tok)
            or (j > i and _glued_hearer(tok))
            or (j > i and _ends_construct(tokens[j - 1], tok))
            or (
                j > i
                and tokens[j - 1].bare in _places()  # 'ناشطون في درعا' | 'الأفرع الأمنية'
                and not (tok.norm.startswith("ال") and tok.norm.endswith(("ي", "يه")))
            )  # but 'في الغوطة الشرقية'
        ):
            break
        j += 1
    return j


def _ends_construct(previous: Token, token: Token) -> bool:
    """A definite noun closes a chain of nouns; only its adjectives (relational, a feminine
    participle, a feminine noun's feminine adjective), a genitive with li- and the next word
    of a body's known name follow: 'أبناء المنطقة' | 'الأجهزة الأمنية', but 'القيادة العامة
    للقوات المسلحة', 'الهلال الأحمر', 'الجيش الحر'."""
    if not previous.norm.startswith(("ال", "لل")):
        return False
    norm = token.norm
    article = "ال" + previous.norm[2:] if previous.norm.startswith("لل") else previous.norm
    if (article, norm) in body_name_pairs():
        return False
    if norm.startswith("وال"):
        return False  # 'وزارة الخارجية والمغتربين': a second genitive joined to the first
    # 'الفصائل المسلحة', and after a feminine noun its feminine adjective: 'القيادة العامة'
    feminine = norm.endswith("ه") and (
        norm.startswith("الم") and len(norm) > 5 or previous.norm.endswith("ه")
    )
    return not (
        norm.startswith("لل") or norm.startswith("ال") and (norm.endswith(("ي", "يه")) or feminine)
    )


def _owned_by_alias(tokens: list[Token], i: int, sentence: str) -> str | None:
    """At token i, a detached li- and a body's short name in marks ('لـ"قسد"'): that body's
    full name."""
    if i >= len(tokens) or tokens[i].norm != "ل":
        return None
    quoted = _quoted_name(tokens, i + 1, sentence)
    if quoted is None:
        return None
    short = " ".join(t.text for t in tokens[i + 2 : quoted[1] - 1])
    return _alias(short) if normalize(short) in _aliases() else None


def _office_owner(tokens: list[Token], j: int, sentence: str) -> str | None:
    """At j, a detached li- and a quoted body's name, opened by a body's head and not an
    outlet: whose office it is ('مدير المكتب السياسي لـ"لواء الفتح"'), not the hearer. The
    body's name, None when the li- is no owner's."""
    quoted = _quoted_name(tokens, j + 1, sentence)
    if (
        tokens[j].norm != "ل"
        or quoted is None
        or not in_lexicon(tokens[j + 2], _set("organizations"))
        or _names_known_outlet(tokens, j + 1, quoted[1])
    ):
        return None
    return quoted[0]


def _is_circumstantial(word: Token) -> bool:
    """'مفضلاً', 'مضيفاً', 'قائلاً': an indefinite participle in the accusative, its tanwin
    written as a final alif ('ميستورا' is a name: a participle has no long i after its mu-)."""
    norm = word.norm
    if not norm.endswith("ا"):
        return False
    derived = norm.startswith("م") and norm[1:2] != "ي" and len(norm) > 4  # مُفعِلاً
    simple = len(norm) == 5 and norm[1] == "ا"  # فاعلاً
    return derived or simple


def _before_circumstantial(tokens: list[Token]) -> list[Token]:
    """'وأردف الرئيس التركي قائلاً', 'وأشار المصدر مفضلاً عدم …': the source phrase ends
    before the participle, which describes how it spoke."""
    for k, tok in enumerate(tokens):
        if k and tok.is_word and _is_circumstantial(tok) and not _is_number(tokens[k - 1]):
            return tokens[:k]  # but 'وقال 12 مسؤولا': the accusative a number counts
    return tokens


def _is_number(token: Token) -> bool:
    return token.norm.isdigit() or token.norm in _number_words()


# Prepositions that open a reporting verb's complement ('أعلنت الوزارة عن', 'أشار إلى', 'حذر من'),
# compared as written so that the name 'علي' is not 'على'.
VERB_COMPLEMENT_PREPOSITIONS = frozenset({"عن", "إلى", "الى", "من", "على"})


def _span_end(tokens: list[Token], i: int) -> int:
    """Index of the token that closes a source phrase starting at i: a complementizer,
    a quotation, a colon, or a preposition that opens the verb's complement."""
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok.norm in _particles("complement") or tok.text == ":" or _opens_quotation(tokens, j):
            return j
        if tok.text in STRAIGHT_QUOTES + "(" + "«“":
            quoted = _quoted_name(tokens, j, "")
            if quoted is None:
                return j  # words said: 'وأضاف " كان هناك …"' has no source phrase
            j = quoted[1]  # a quoted name inside the phrase: 'غرفة عمليات "دحر الغزاة"'
            continue
        if (
            _name_form(tok.text) in VERB_COMPLEMENT_PREPOSITIONS
            and j > i
            # 'بيان صادر عن القيادة': the preposition names the document's issuer
            and tokens[j - 1].norm not in word_class("issuing_participles")
            and not (
                tok.norm == "من"
                and _names_a_circle(tokens, j)
                and (
                    _opens_unnamed_source(_words(tokens[i:j])) or _unnamed_body(_words(tokens[i:j]))
                )
            )
        ):
            return j - 1 if j - i >= 3 and governed_noun(tokens, j - 1) else j
        if (
            tok.norm in ("في", "عبر", "خلال")
            and j > i
            and j + 1 < len(tokens)
            and _is_utterance_noun(tokens[j + 1])
        ):
            return j
        if (
            tok.norm in ("ل", "لـ")
            and j > i
            and not _owned_by_alias(tokens, j, "")
            and _office_owner(tokens, j, "") is None
        ):
            return j  # a hearer; but 'المركز الإعلامي لـ"قسد"' is whose the office is
        if j > i and _glued_hearer(tok):
            return j  # 'وقال تيننتي للجزيرة نت إن …'
        if tok.norm in ("خلال", "اثناء") and j > i:
            return j  # 'وقال الدبيبة خلال اجتماع …'
        if (
            j > i
            and tok.text in "،,"
            and j + 1 < len(tokens)
            and tokens[j + 1].norm in (_particles("subordinate"))
        ):
            return j  # 'وأضاف المصدر، الذي طلب عدم الكشف عن اسمه، أن …'

        if (
            tok.norm.startswith("ب")
            and j > i
            and _cue_lemma(tokens[j - 1]) is None
            and tok.norm[1:3] == "ال"
            and j - i >= 2
        ):
            return j
        j += 1
    return j


def _names_a_circle(tokens: list[Token], j: int) -> bool:
    """'من' at j says whom an unnamed source comes from: 'مصدر مقرب من الحكومة', 'ناشطون من
    أبناء المنطقة', 'مصادر عسكرية من عفرين', 'مصدر من المعارضة'; not the verb's complement."""
    if j + 1 >= len(tokens):
        return False
    after = tokens[j + 1]
    return (
        tokens[j - 1].bare in word_class("close_to")
        or _without_article(after.bare) in word_class("affiliation_nouns")
        or _is_place(after)
        or in_lexicon(after, _set("organizations"))
        or _opens_known_outlet(tokens, j + 1)
    )


def _opens_known_outlet(tokens: list[Token], i: int) -> bool:
    """A known outlet's name, or its kind then its name, starts at i: 'رويترز', 'وكالة
    فرانس برس'."""
    for start in (i, i + 1):
        words = [t.norm for t in tokens[start : start + _outlet_max_words()]]
        if any(tuple(words[:n]) in _outlets() for n in range(1, len(words) + 1)):
            return start == i or tokens[i].bare in word_class("outlet_heads")
    return False


def _unnamed_body(words: list[Token]) -> bool:
    """'فصيل آخر للمعارضة', 'فصيل معارض': an indefinite body's head that only its adjectives
    and the side it is on describe; 'من' after it says which group it is of."""
    return (
        len(words) > 1
        and words[0].norm in _set("organizations")
        and not words[0].norm.startswith("ال")
        and all(
            w.norm in OTHERS or _is_nisba_adjective(w) or w.norm.startswith("لل") for w in words[1:]
        )
    )


def _opens_unnamed_source(words: list[Token]) -> bool:
    """'مصادر عسكرية …', not a person's title: 'الصحفي اليمني شاكر أحمد خالد من صنعاء'."""
    return bool(_starts_with(words, _phrases("anonymous"))) and words[0].norm not in _set("titles")


def _is_place(token: Token) -> bool:
    """A place named by one word ('درعا') or opened by a place word ('محافظة درعا')."""
    return token.bare in _places() or token.bare in _place_words()


# 'فصيل آخر', 'مصادر أخرى': another one of a kind; also unnamed sources set beside those
# quoted just before ('مسؤولون آخرون').
OTHERS = frozenset(normalize(w) for w in ("آخر", "آخرون", "آخرين", "أخرى", "اخرى"))


def _without_quoting_noun(tokens: list[Token]) -> list[Token]:
    for k, tok in enumerate(tokens):
        if k and _is_quoting_noun(tok):
            return tokens[:k]
    return tokens


def _is_utterance_noun(token: Token) -> bool:
    """'بيان', and with the speaker's pronoun 'بيانها', 'رسالته' (its ta marbuta written open)."""
    norm = token.norm
    stems = [norm] + [norm[: -len(s)] for s in PRONOUN_SUFFIXES if norm.endswith(s)]
    return any(
        stem in word_class("utterance_nouns")
        or stem.endswith("ت")
        and stem[:-1] + "ه" in word_class("utterance_nouns")
        for stem in stems
    )


def _opens_quotation(tokens: list[Token], j: int) -> bool:
    """«…» and “…” open a quotation, except a name after the body it names: 'قناة «السومرية»'."""
    if tokens[j].text not in "«“":
        return False
    names_body = j > 0 and (
        in_lexicon(tokens[j - 1], _set("media")) or in_lexicon(tokens[j - 1], _set("organizations"))
    )
    return not (names_body and _quoted_name(tokens, j, "") is not None)

"""Attribution: who asserts each sentence, what is asserted, and how sure we are.

The rules read a sentence as a reporting frame, the way a journalist would:

* a reporting verb (lexicon `cues`) in the main clause, its source after it
  (`وقال المتحدث باسم الوزارة، اللواء إيغور كوناشينكوف، إن …`) or before it
  (`مصادر مطلعة، قالت …`, `القاسم أوضح …`);
* an "according to" phrase (lexicon `according`): `بحسب مسار برس`, `وفقاً لـ"سانا"`;
* a relay: `نقلت شبكة X عن مصدر في Y` (source Y, via X), `… بحسب مسار برس` after a named
  speaker, `في تصريح نشرته وزارة الخارجية` (via the ministry);
* continuations: `وأضاف أن …`, `وأردف المتحدث`, `وقالت المصادر`, a surname alone
  (`ويلفت هويدي`) resolve to the source already named in the article, and a quotation left
  open runs on into the next sentences.

The source phrase is classified by its head noun against the lexicons (`anonymous`,
`organizations`, `media`, `titles`, `first_names`, …) and named in the fullest form the
article gives. Each stage is a function of plain data; `attribute_article` threads the
article-level memory (names seen, the last source) through the sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from claims.arabic import normalize, normalize_key, normalize_word, strip_marks
from claims.clean import repair
from claims.lexicon import entries, fields
from claims.models import Article, Attribution, Claim, Kind, Reason, Sentence, Speech

WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)
OPEN_QUOTES = "«“"
CLOSE_QUOTES = "»”"
STRAIGHT_QUOTES = "\"'"
QUOTES = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTES + "„″"
BRACKETS = "()[]"
CLAUSE_BREAK = "،,؛;:"
# A main-clause reporting verb sits near the start of the sentence (after a short lead-in).
MAX_CUE_POSITION = 14
MAX_NAME_WORDS = 4
CONJUNCTIONS = ("و", "ف")
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")


# ---------------------------------------------------------------------------
# Lexicons, loaded once, in their matching forms.


def _strip_conjunction(form: str, known: frozenset[str] | dict) -> str | None:
    """`form` itself, or `form` without a leading و/ف, if the lexicon knows it."""
    if form in known:
        return form
    if form[:1] in CONJUNCTIONS and form[1:] in known:
        return form[1:]
    return None


@cache
def _cue_forms() -> dict[str, str]:
    """Normalised written form -> the verb's first form (its lemma)."""
    return {normalize(form): verb[0] for verb in fields("cues") for form in verb}


@cache
def _set(name: str) -> frozenset[str]:
    return frozenset(normalize(entry) for entry in entries(name))


def _word_class_as_written(name: str) -> tuple[str, ...]:
    """The words of class `name` in lexicon `word_classes`, spelled as the file spells them."""
    words = tuple(word for word, word_class in fields("word_classes") if word_class == name)
    if not words:
        raise ValueError(f"claims/lexicon/word_classes.txt has no word of class {name!r}")
    return words


@cache
def _word_class(name: str) -> frozenset[str]:
    """The words of class `name` in lexicon `word_classes`, normalised: `_word_class("ranks")`."""
    return frozenset(normalize(word) for word in _word_class_as_written(name))


# Lexicon phrases as normalised word tuples, filed under their first word, longest first.
PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def _index_phrases(phrases: set[tuple[str, ...]]) -> PhraseIndex:
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase:
            by_head.setdefault(phrase[0], []).append(phrase)
    return {head: tuple(found) for head, found in by_head.items()}


@cache
def _phrases(name: str) -> PhraseIndex:
    """A lexicon's entries as a phrase index."""
    return _index_phrases({tuple(normalize(e).split()) for e in entries(name)})


@cache
def _particles(group: str) -> frozenset[str]:
    return frozenset(normalize(p[0]) for p in fields("particles") if p[1] == group)


@cache
def _lead_phrases() -> PhraseIndex:
    return _index_phrases(
        {tuple(normalize(p[0]).split()) for p in fields("particles") if p[1] == "lead"}
    )


@cache
def _references() -> dict[str, str]:
    return {normalize(word): kind for word, kind in fields("references")}


@cache
def _outlet_spellings() -> dict[str, tuple[str, ...]]:
    """A known outlet's canonical name -> all its spellings."""
    return {spellings[0]: spellings for spellings in fields("outlets")}


@cache
def _outlet_first_words() -> frozenset[str]:
    """The first word of every known outlet's spellings: 'للجزيرة نت' is li- + an outlet."""
    return frozenset(key[0] for key in _outlets())


@cache
def _outlets() -> dict[tuple[str, ...], str]:
    return {
        tuple(normalize(spelling).split()): spellings[0]
        for spellings in fields("outlets")
        for spelling in spellings
    }


@cache
def _aliases() -> dict[str, str]:
    return {normalize(short): full for short, full in fields("aliases")}


@cache
def _hedges() -> tuple[tuple[str, float], ...]:
    return tuple((normalize(word), float(weight)) for word, weight in fields("hedges"))


@cache
def _hedge_words() -> frozenset[str]:
    return frozenset(word for word, _weight in _hedges() if " " not in word)


@cache
def _name_form(word: str) -> str:
    """Given names are matched without folding ى to ي, so that 'على' is not 'علي'."""
    return strip_marks(word).translate(str.maketrans("أإآ", "ااا"))


@cache
def _first_names() -> frozenset[str]:
    return frozenset(_name_form(name) for line in fields("first_names") for name in line)


# Prepositions that open a reporting verb's complement ('أعلنت الوزارة عن', 'أشار إلى', 'حذر من'),
# compared as written so that the name 'علي' is not 'على'.
VERB_COMPLEMENT_PREPOSITIONS = frozenset({"عن", "إلى", "الى", "من", "على"})


# ---------------------------------------------------------------------------
# Tokens


class Token(NamedTuple):  # a tuple: made for every word of every sentence, so cheap to build
    text: str  # as written
    norm: str  # matching form
    start: int  # offset in the repaired sentence
    end: int
    is_word: bool  # a word, not punctuation

    @property
    def bare(self) -> str:
        """The matching form without a leading conjunction و/ف (which may be a letter of the
        word: compare with `in_lexicon`, which tries both)."""
        return self.norm[1:] if self.norm[:1] in CONJUNCTIONS and len(self.norm) > 3 else self.norm


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _stem(word: str) -> str:
    """A noun's matching stem: article and sound plural endings off ('المهندسون' ~ 'مهندسين')."""
    word = _without_article(word)
    return word[:-2] if word.endswith(("ون", "ين")) and len(word) > 4 else word


def in_lexicon(token: Token, known: frozenset[str] | dict) -> bool:
    """The word, or the word less a leading و/ف, is in the lexicon."""
    return _strip_conjunction(token.norm, known) is not None


_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    # A lone tatweel (the glued preposition in 'لـ"X"') has an empty matching form: no token.
    # Built with tuple.__new__: this runs for every word of every article.
    return [
        _new_tuple(Token, (word, norm, m.start(), m.end(), norm[:1].isalnum()))
        for m in WORD.finditer(text)
        if (norm := normalize_word(word := m.group()))
    ]


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


# ---------------------------------------------------------------------------
# Article memory: who has been named, who spoke last.


@dataclass
class Speaker:
    kind: Kind
    source: str
    via: str | None = None


@dataclass
class Memory:
    outlet: str | None = None
    names: list[str] = field(default_factory=list)  # full person names seen in the article
    last: Speaker | None = None
    last_by_kind: dict[Kind, Speaker] = field(default_factory=dict)
    speakers: list[Speaker] = field(default_factory=list)  # every source so far, latest last
    quote_open: bool = False  # the last attributed sentence left a quotation open
    last_paragraph_attributed: bool = False  # the sentence before, in this paragraph, had a source
    last_sentence_attributed: bool = False  # the sentence before, in any paragraph, had a source
    list_open: bool = False  # a statement ended with ':' and its points follow
    paragraph: int = -1

    def remember(self, speaker: Speaker) -> None:
        self.last = speaker
        self.last_by_kind[speaker.kind] = speaker
        self.speakers.append(speaker)
        # A person introduced in full is known by the surname alone from here on.
        if (
            speaker.kind is Kind.named_person
            and len(speaker.source.split()) >= 2
            and speaker.source not in self.names
        ):
            self.names.append(speaker.source)

    def is_own_outlet(self, name: str) -> bool:
        """'الجزيرة' in an article of 'الجزيرة نت' is the article's own outlet."""
        if not self.outlet:
            return False
        own, other = (
            normalize_key(_outlets().get(tuple(normalize(n).split()), n)).split()
            for n in (self.outlet, name)
        )
        shorter = min(len(own), len(other))
        return shorter > 0 and own[:shorter] == other[:shorter]

    def named_with(self, head: str) -> Speaker | None:
        """The latest source whose name holds this noun: 'المسؤول' -> 'مسؤول أمني إسرائيلي',
        'المنظمة' -> 'منظمة أطباء بلا حدود'."""
        for speaker in reversed(self.speakers):
            if _stem(head) in (_stem(w) for w in normalize(speaker.source).split()):
                return speaker
        return None

    def full_name(self, name: str) -> str:
        """The fullest form of a person's name in the article: 'الهويدي' -> 'عامر هويدي'."""
        key = normalize_key(name).split()
        best = name
        for known in self.names:
            known_key = normalize_key(known).split()
            if len(known_key) > len(key) and known_key[-len(key) :] == key:
                if len(known.split()) > len(best.split()):
                    best = known
            elif known_key[: len(key)] == key and len(known_key) > len(key) and len(key) >= 2:
                best = known if len(known.split()) > len(best.split()) else best
        return best

    def knows(self, name: str) -> bool:
        return self.full_name(name) != name


def collect_names(passages: Iterable[tuple[str, list[Token]]]) -> list[str]:
    """Person names anywhere in the article's (text, tokens) passages, opened by a given name
    or a rank title."""
    names: list[str] = []
    for text, tokens in passages:
        for i, token in enumerate(tokens):
            opens_name = _name_form(token.text) in _first_names() and (
                token.norm not in _word_class("name_links")
            )
            if opens_name or _after_title(tokens, i):
                # 'أبو محمد الجولاني': a kunya opens the name before the given name.
                start = i - 1 if i and tokens[i - 1].norm in _word_class("name_links") else i
                name = _name_at(tokens, start, text)
                if name and len(name.split()) >= 2 and name not in names:
                    names.append(name)
        for name in _appositive_names(text, tokens):
            if name not in names:
                names.append(name)
    return names


def _appositive_names(text: str, tokens: list[Token]) -> list[str]:
    """Names set off by commas after a title phrase: 'وزير الدفاع التركي، يشار غولر، …'."""
    found = []
    chunks = _comma_chunks(tokens)
    for before, chunk in zip(chunks, chunks[1:], strict=False):
        words = _words(chunk)
        if (
            2 <= len(words) <= 3
            and any(w.norm in _set("titles") for w in _words(before))
            and not words[0].bare.startswith("ال")
            and all(_plain_word(w) for w in words)
        ):
            found.append(_clean_name(_text(chunk, text)))
    return found


def _unknown_given_name_before(tokens: list[Token], i: int) -> int:
    """Where a name opened at token i really starts: 'حواء آدم' after a verb or a comma, whose
    given name the gazetteer lacks, starts a word earlier."""
    k = i - 1
    if k < 0 or not _plain_word(tokens[k]) or tokens[k].bare.startswith("ال"):
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
        after_link = bool(taken) and taken[-1].norm in _word_class("name_links")
        if (
            not tok.is_word
            or _is_function_word(tok)
            or (
                tok.norm in _set("titles")
                and not after_link
                and not _title_as_family_name(tokens, j, taken)
            )
        ):
            break
        if _cue_lemma(tok) or tok.norm in _particles("complement"):
            break
        taken.append(tok)
        j += 1
        if tok.norm in _word_class("name_links"):
            continue  # a link always takes the next word
        if j < len(tokens) and tokens[j].norm in _word_class("name_complements") and not after_link:
            taken.append(tokens[j])  # 'فضل الله', 'سيف الدين': one name with its complement
            j += 1
            if len(taken) == 2:
                continue  # a compound given name: the family name follows
        if len(taken) >= 2 and not (
            j < len(tokens)
            and (
                _is_nisba(tokens[j], taken)
                or _bounded_last_name(tokens, j, taken)
                or (tokens[j].norm in _word_class("name_links") and len(taken) < MAX_NAME_WORDS - 1)
            )
        ):
            break
    if not taken or taken[-1].norm in _word_class("name_links"):
        return None
    return _clean_name(_text(taken, sentence))


def _bounded_last_name(tokens: list[Token], j: int, taken: list[Token]) -> bool:
    """A third plain word closed by a verb, a complementizer or punctuation: 'رجب طيب أردوغان قال',
    or the family name after a compound given name: 'عبد السلام نصية إن'."""
    links = [t.norm in _word_class("name_links") for t in taken]
    if len(taken) != 2 or links not in ([False, False], [True, False]) or not tokens[j].is_word:
        return False
    word = tokens[j]
    if not _plain_word(word) or word.norm.startswith("ال") or _according_at(tokens, j):
        return False
    return _closes_name(tokens[j + 1] if j + 1 < len(tokens) else None)


def _is_nisba(token: Token, taken: list[Token]) -> bool:
    """A family name in al- after a compound ('إياد أبو المجد الحمصي')."""
    return (
        token.is_word
        and token.norm.startswith("ال")
        and len(taken) >= 2
        and taken[-2].norm in _word_class("name_links")
        and token.norm not in _set("titles")
    )


def _is_function_word(token: Token) -> bool:
    # Compared as written (less marks), so that the name 'علي' is not the preposition 'على'.
    return _name_form(token.text) in _function_word_forms()


@cache
def _function_word_forms() -> frozenset[str]:
    return frozenset(_name_form(w) for w in _word_class_as_written("function_words"))


def _cue_lemma(token: Token) -> str | None:
    form = _strip_conjunction(token.norm, _cue_forms())
    return _cue_forms()[form] if form else None


# ---------------------------------------------------------------------------
# Source phrases


@dataclass
class Source:
    kind: Kind
    name: str
    is_reference: bool = False  # resolved to a source named earlier


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
    if token.norm[:1] != "ل" or len(token.norm) < 4 or token.norm in _word_class("function_words"):
        return False
    unglued = _unglue_li(token).norm
    return (
        unglued in _set("media")
        or (_without_article(unglued),) in _outlets()
        or unglued in _outlet_first_words()
    )


def _quoted_name(tokens: list[Token], i: int, sentence: str) -> tuple[str, int] | None:
    """A name in quotes or brackets starting at token i: ('فرات بوست', index after it)."""
    if i >= len(tokens) or tokens[i].text not in QUOTES + "(":
        return None
    for j in range(i + 1, min(len(tokens), i + 8)):
        if tokens[j].text in QUOTES + ")":
            inner = tokens[i + 1 : j]
            if inner and all(t.is_word for t in inner):
                return _clean_name(_text(inner, sentence)), j + 1
            return None
    return None


def _definite_run(tokens: list[Token], i: int, limit: int = 5) -> int:
    """Index after the definite adjectives and genitives that follow a head
    ('الدفاع الروسية', 'السوري لحقوق الإنسان')."""
    j = i
    while j < len(tokens) and j - i < limit:
        norm = tokens[j].norm
        joined = j > i and norm.startswith("وال")
        if joined:
            norm = norm[1:]  # 'جهاز الإسعاف والطوارئ': a genitive joined to the one before
        if j > i and norm in _set("organizations") and not joined:
            break  # 'اتهمت جماعة الحوثيين الحكومة': the object, another body
        if (
            norm[:1] in ("ل", "و")
            and not norm.startswith("لل")
            and len(norm) > 3
            and j + 1 < len(tokens)
            and tokens[j + 1].norm.startswith("ال")
            and norm not in _word_class("function_words")
            and (norm[:1] == "ل" or j > i)
        ):
            # 'لشؤون اللاجئين', 'لتنسيق الشؤون الإنسانية': a genitive after li-;
            # 'وزارة الخارجية وشؤون المغتربين': a second genitive joined by و.
            j += 1
            continue
        if (
            tokens[j].is_word
            and (norm.startswith("ال") or norm.startswith("لل"))
            and norm not in _word_class("function_words")
        ):
            if _cue_lemma(tokens[j]) or norm in _set("titles") or norm in _particles("subordinate"):
                break
            j += 1
        else:
            break
    return j


# 'منظمة هيومن رايتس ووتش': the proper noun after an indefinite head may run to three words.
MAX_BODY_PROPER_WORDS = 3


def _body_name_end(tokens: list[Token], j: int, head: Token) -> int:
    """Index after the name of a body whose head ends at token j: its definite adjectives, and
    after an indefinite head the proper noun it governs ('حركة أحرار الشام', 'قوات سوريا
    الديمقراطية'), and a body it belongs to ('المكتب الإعلامي لحركة أحرار الشام')."""
    if head.bare.startswith("ال") and j < len(tokens) and tokens[j].bare in _set("organizations"):
        return j  # 'وتتهم المعارضة النظام …': a second body is the object
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
            or (j > i and tokens[j - 1].bare in _places())  # 'ناشطون في درعا' | 'الأفرع الأمنية'
        ):
            break
        j += 1
    return j


@cache
def _places() -> frozenset[str]:
    """One-word place names of the gazetteer, in every spelling it gives."""
    return frozenset(
        normalize(spelling)
        for entry in fields("gazetteer")
        for spelling in entry
        if not spelling.startswith(">") and " " not in spelling.strip()
    )


def _ends_construct(previous: Token, token: Token) -> bool:
    """A definite noun closes a chain of nouns; only its adjectives and a genitive with li-
    follow: 'أبناء المنطقة' | 'الأجهزة الأمنية', but 'القيادة العامة للقوات المسلحة'."""
    if not previous.norm.startswith(("ال", "لل")):
        return False
    norm = token.norm
    return not (norm.startswith("لل") or norm.startswith("ال") and norm.endswith(("ي", "يه")))


def _is_nisba_adjective(token: Token) -> bool:
    """'دولية', 'محلي', 'سوريون': a relational adjective, where 'محافظة' is a noun."""
    return _looks_adjective(token) and token.norm.endswith(("يه", "ي", "يون", "يين"))


def _looks_adjective(token: Token) -> bool:
    """Indefinite adjectives after an unnamed source: 'مطلعة', 'خاصة', 'سوريون', 'عسكري'."""
    norm = token.norm
    return (
        token.is_word
        and not norm.startswith("ال")
        and norm not in _word_class("function_words")
        and norm.endswith(("ه", "يه", "ي", "ون", "ين", "يون", "يين", "ان"))
        and _cue_lemma(token) is None
        and norm not in _particles("complement")
    )


def _alias(name: str) -> str:
    return _aliases().get(normalize(name), name)


def _prefer_article_spelling(name: str, article_words: list[Token]) -> str:
    """The article's own spelling of a lexicon name ('سورية' over 'سوريا') when it has one."""
    key = normalize(name).split()
    variants = {
        tuple(w.replace("سوريا", "سوريه") for w in key),
        tuple(w.replace("سوريه", "سوريا") for w in key),
    }
    n = len(key)
    firsts = {variant[0] for variant in variants if variant}
    for k, word in enumerate(article_words):
        if word.norm in firsts and tuple(w.norm for w in article_words[k : k + n]) in variants:
            return " ".join(w.text for w in article_words[k : k + n])
    return name


class SourceParser:
    """Classifies a source phrase against the lexicons and the article's memory."""

    def __init__(self, memory: Memory, passages: list[tuple[str, list[Token]]]) -> None:
        self.memory = memory
        self.passages = passages  # the article's sentences and tokens, for names' fullest forms
        # for the article's own spelling of lexicon names
        self.article_words = [w for _, tokens in passages for w in _words(tokens)]
        self._fullest_bodies: dict[str, str] = {}
        self._fullest_outlets: dict[str, str] = {}

    def parse(self, tokens: list[Token], sentence: str) -> Source | None:
        tokens = [t for t in tokens if t.text not in "،,:؛"] if len(_words(tokens)) <= 1 else tokens
        tokens = _without_quoting_noun(tokens)
        words = _words(tokens)
        if not words:
            return None
        first = words[0]
        i0 = tokens.index(first)

        reference = _strip_conjunction(first.norm, _references())
        if reference and len(words) <= 3:
            resolved = self._resolve_reference(_references()[reference], tokens, i0, sentence)
            if resolved:
                return resolved
        if len(words) == 1 and first.bare.startswith("ال"):
            # 'وأضاف المهندسون' after 'عن مهندسين في الحقل': a definite noun naming back.
            earlier = self.memory.named_with(_stem(first.bare))
            if earlier:
                return Source(earlier.kind, earlier.source, is_reference=True)

        if first.norm in _set("titles") and first.norm not in _set("anonymous"):
            person = self.person(tokens, sentence)  # 'الناشط الإعلامي …، عامر هويدي'
            if person:
                return person
            earlier = self.memory.last_by_kind.get(Kind.named_person)
            if (
                earlier
                and first.bare.startswith("ال")
                and all(
                    w.norm in _set("titles") or _is_nisba_adjective(w) or w.norm.startswith("ال")
                    for w in words
                )
                and len(words) <= 2
            ):
                # 'وأردف الشيخ العشائري' after the sheikh was named: the same person.
                return Source(Kind.named_person, earlier.source, is_reference=True)
            if not _starts_with(words, _phrases("organizations")):
                # 'وأضاف عضو اللجنة' after 'عضو في اللجنة المركزية …': the same unnamed member.
                earlier = self.memory.named_with(first.bare)
                said = {_stem(w.norm) for w in _words(_comma_chunks(tokens)[0])}
                if earlier and said <= {_stem(w) for w in normalize(earlier.source).split()}:
                    return Source(earlier.kind, earlier.source, is_reference=True)
                # An unnamed official is an anonymous source: 'المتحدث باسم الجيش'.
                return Source(
                    Kind.anonymous, _clean_name(_text(_comma_chunks(tokens)[0], sentence))
                )
        if _starts_with(words, _phrases("anonymous")):
            return self._anonymous(tokens, i0, sentence)
        outlet = self._bare_outlet(words)
        if outlet:
            return Source(Kind.media, outlet)
        n = _starts_with(words, _phrases("media"))
        if n and n >= _starts_with(words, _phrases("organizations")):
            return self._media(tokens, tokens.index(words[n - 1]) + 1, sentence, words[:n])
        if in_lexicon(first, _set("statements")):
            return self._statement(tokens, i0, sentence)
        alias = _strip_conjunction(first.norm, _aliases())
        if alias:
            return Source(Kind.organization, self._org_name(_aliases()[alias]))
        if first.norm in _set("titles") or _name_form(first.text) in _first_names():
            person = self.person(tokens, sentence)
            if person:
                return person
        n = _starts_with(words, _phrases("organizations"))
        if n:
            return self._organization(tokens, tokens.index(words[n - 1]) + 1, sentence, words[:n])
        person = self.person(tokens, sentence)
        quoted = _quoted_name(tokens, 0, sentence)
        if (
            person is None
            and quoted
            and quoted[1] == len(tokens)
            and all(_plain_word(w) for w in words)  # a name, not words said: '"لن ننسحب"'
        ):
            # '«الدعم السريع» تعلن …': a group named in quotation marks speaks as a body.
            return Source(Kind.organization, self._org_name(_alias(quoted[0])))
        return person

    # -- each kind of phrase

    def _resolve_reference(self, kind_name: str, tokens, i0, sentence) -> Source | None:
        wanted = {
            "person": Kind.named_person,
            "anonymous": Kind.anonymous,
            "organization": Kind.organization,
            "media": Kind.media,
        }[kind_name]
        head = _without_article(_strip_conjunction(tokens[i0].norm, _references()) or "")
        speaker = self.memory.named_with(head) or self.memory.last_by_kind.get(wanted)
        if speaker is None and wanted is Kind.organization:
            named = self._body_with_head(
                head
            )  # 'بيان المجلس' in an article on 'مجلس القيادة الرئاسي'
            return Source(Kind.organization, named, is_reference=True) if named else None
        if speaker is None and wanted is Kind.media:
            # 'وبحسب الصحيفة' after 'كشفت صحيفة X، نقلاً عن مسؤولين': the paper that relayed.
            via = next((s.via for s in reversed(self.memory.speakers) if s.via), None)
            return Source(Kind.media, via, is_reference=True) if via else None
        if speaker is None:
            return None
        # 'الجيش الإسرائيلي' names a body afresh unless the body named before is that one.
        qualifiers = {_without_article(w.norm) for w in _words(tokens[i0 + 1 :])}
        name_words = {_without_article(w) for w in normalize(speaker.source).split()}
        if wanted in (Kind.organization, Kind.media) and not qualifiers <= name_words:
            return None
        return Source(speaker.kind, speaker.source, is_reference=True)

    def _anonymous(self, tokens: list[Token], i: int, sentence: str) -> Source:
        head = tokens[i]
        j = i + 1
        if head.bare in _word_class("partitives") and j < len(tokens) and tokens[j].is_word:
            j += 1  # 'أحد المهجرين', 'إحدى الناشطات': one of a group
        # 'مصادر "المدن"': the article's own sources, named before.
        quoted = _quoted_name(tokens, j, sentence)
        if quoted and self.memory.outlet and normalize(quoted[0]) == normalize(self.memory.outlet):
            earlier = next(
                (
                    s
                    for s in reversed(self.memory.speakers)
                    if s.kind is Kind.anonymous and s.via is None  # spoke to the outlet itself
                ),
                None,
            )
            if earlier:
                return Source(Kind.anonymous, earlier.source, is_reference=True)
            return Source(Kind.anonymous, _clean_name(_text(tokens[i : quoted[1]], sentence)))
        while j < len(tokens) and j - i <= 4:
            tok = tokens[j]
            if (
                _looks_adjective(tok)
                or tok.bare in _word_class("close_to")
                or tok.norm in _word_class("rank_adjectives")
            ):
                j += 1
            elif tok.norm[:1] == "و" and _strip_conjunction(tok.norm, _set("anonymous")):
                j += 1  # 'ناشطون ومراقبون'
            elif j + 1 < len(tokens) and (
                tok.norm == "في"
                or tok.norm == "من"
                and (
                    tokens[j - 1].bare in _word_class("close_to")
                    or _without_article(tokens[j + 1].bare) in _word_class("affiliation_nouns")
                )
            ):
                # 'مصدر في التحالف الدولي', 'مصادر محلية في طفس', 'مصدر مقرب من عائلة القتيل',
                # 'مصدر في الأخير' (the body named just before)
                quoted = _quoted_name(tokens, j + 1, sentence)
                end = quoted[1] if quoted else _noun_phrase_end(tokens, j + 1)
                if end == j + 1:
                    break
                target = _clean_name(_text(tokens[j + 1 : end], sentence))
                if normalize(target) in ("الاخير", "الاخيره"):
                    target = self._last_body(sentence, tokens[i].start) or target
                name = _without_conjunction(
                    _clean_name(_text(tokens[i:j], sentence)), head, _set("anonymous")
                )
                return Source(Kind.anonymous, f"{name} {tok.text} {target}")
            else:
                break
        return Source(
            Kind.anonymous,
            _without_conjunction(
                _clean_name(_text(tokens[i:j], sentence)), head, _set("anonymous")
            ),
        )

    def _last_body(self, sentence: str, before: int) -> str | None:
        """The organization named last before offset `before` ('عن مصدر في الأخير')."""
        tokens = tokenize(sentence[:before])
        words = _words(tokens)
        for k in range(len(words) - 1, -1, -1):
            n = _starts_with(words[k:], _phrases("organizations"))
            if n:
                idx = tokens.index(words[k + n - 1]) + 1
                return _clean_name(
                    _text(tokens[tokens.index(words[k]) : _definite_run(tokens, idx)], sentence)
                )
        return None

    def _media(self, tokens, j, sentence, head: list[Token]) -> Source:
        quoted = _quoted_name(tokens, j, sentence)
        head_norm = _without_article(
            _strip_conjunction(head[0].norm, _set("media")) or head[0].bare
        )
        if quoted:
            name = self._outlet_name(quoted[0])
        else:
            outlet = self._bare_outlet(_words(tokens[j:]))
            if outlet:
                name = outlet
            else:
                end = j
                while (
                    end < len(tokens)
                    and end - j < 2
                    and (_looks_adjective(tokens[end]) or tokens[end].norm.startswith("ال"))
                    and not _is_function_word(tokens[end])
                ):
                    end += 1
                if end > j and end < len(tokens) and tokens[end].norm.startswith("لل"):
                    end += 1  # 'وسائل إعلام موالية للنظام': whom the outlets side with
                start = tokens.index(head[0])
                if (
                    end == j
                    and end < len(tokens)
                    and tokens[end].is_word
                    and not _is_function_word(tokens[end])
                    and not _cue_lemma(tokens[end])
                ):
                    end += 1
                    if head[-1].bare in _word_class("outlet_heads") and _plain_word(tokens[j]):
                        start = j  # 'وكالة بلومبرغ': the outlet's own name, without its kind
                # 'وكالة الأنباء اليمنية سبأ': the generic phrase, then the outlet's own name.
                known = self._bare_outlet(_words(tokens[end:]))
                name = known or _clean_name(_text(tokens[start:end], sentence))
                name = _without_conjunction(name, head[0], _set("media"))
        bare_correspondent = normalize(name) in (normalize("المراسل"), normalize("الموفد"))
        if head_norm in (normalize("مراسل"), normalize("موفد")) and (
            self.memory.is_own_outlet(name) or bare_correspondent  # 'وأضاف المراسل'
        ):
            return Source(Kind.author, "")  # the outlet's own correspondent
        return Source(Kind.media, name)

    def _outlet_name(self, name: str) -> str:
        canonical = _outlets().get(tuple(normalize(name).split()))
        return self._fullest_outlet(canonical) if canonical else name

    def _bare_outlet(self, words: list[Token]) -> str | None:
        if len(words) > 1 and words[0].bare in _word_class("outlet_heads"):
            words = words[1:]  # 'مراسل قناة الجزيرة': the outlet is the channel's name
        for length in (3, 2, 1):
            key = tuple(w.norm for w in words[:length])
            if len(key) == length and key in _outlets():
                return self._fullest_outlet(_outlets()[key])
            if key and key[0][:1] in CONJUNCTIONS:
                key = (key[0][1:], *key[1:])
                if key in _outlets():
                    return self._fullest_outlet(_outlets()[key])
        return None

    def _fullest_outlet(self, canonical: str) -> str:
        """The fullest of a known outlet's spellings that the article uses: 'وكالة الأنباء
        السورية (سانا)' names 'وكالة الأنباء السورية', a bare 'سانا' stays 'سانا'."""
        if canonical not in self._fullest_outlets:
            norms = [w.norm for w in self.article_words]
            best = canonical
            name_key = normalize(canonical).split()
            for spelling in _outlet_spellings().get(canonical, ()):
                key = normalize(spelling).split()
                if key[1:] == name_key and key[0] in _word_class("outlet_heads"):
                    continue  # 'وكالة سانا' is the kind and the name, not a fuller name
                if len(key) > len(best.split()) and any(
                    norms[k : k + len(key)] == key for k in range(len(norms) - len(key) + 1)
                ):
                    best = spelling
            self._fullest_outlets[canonical] = best
        return self._fullest_outlets[canonical]

    def _statement(self, tokens, i, sentence) -> Source | None:
        """'البيان' speaks for the body that issued it; 'التحقيقات التي أجرتها X' for X;
        'تقرير صادر عن X', 'بيان للوزارة' for X."""
        issuer = self.parse(tokens[i + 1 : _span_end(tokens, i + 1)], sentence)
        if issuer and issuer.kind in (Kind.organization, Kind.media):
            return issuer  # 'إحصاءات وزارة الصحة', 'تقديرات الأمم المتحدة'
        for j in range(i + 1, min(len(tokens), i + 6)):
            tok = tokens[j]
            if tok.norm in _particles("subordinate") and j + 2 < len(tokens):
                agent_tokens = tokens[j + 2 :]
            elif tok.norm in ISSUER_PREPOSITIONS or tok.norm in _word_class("relaying_verbs"):
                agent_tokens = tokens[j + 1 :]
            elif (
                tok.norm[:1] == "ل"
                and tok.norm not in _word_class("function_words")
                and len(tok.norm) > 3
            ):
                agent_tokens = [_unglue_li(tok), *tokens[j + 1 :]]
            else:
                continue
            agent = self.parse(agent_tokens, sentence)
            if agent and agent.kind in (Kind.organization, Kind.media):
                return agent
        last = self.memory.last
        earlier = (
            last
            if last and last.kind in (Kind.organization, Kind.media)
            else self.memory.last_by_kind.get(Kind.organization)
        )
        if earlier:
            return Source(earlier.kind, earlier.source, is_reference=True)
        return None

    def _organization(self, tokens, j, sentence, head: list[Token]) -> Source:
        start = tokens.index(head[0])
        quoted = _quoted_name(tokens, j, sentence)
        if quoted:
            if normalize(quoted[0]) in _aliases():
                return Source(Kind.organization, self._org_name(_alias(quoted[0])))
            end = quoted[1]
            if _strip_conjunction(head[0].norm, _word_class("pejorative_heads")):
                return Source(Kind.organization, self._org_name(quoted[0]))
        else:
            end = _body_name_end(tokens, j, head[-1])
        name = _clean_name(_text(tokens[start:end], sentence))
        name = _without_conjunction(name, head[0], _set("organizations"))
        return Source(Kind.organization, self._org_name(name))

    def _org_name(self, name: str) -> str:
        return self._fullest_body_name(_prefer_article_spelling(name, self.article_words))

    def _body_with_head(self, head: str) -> str | None:
        """The first body in the article named with this head noun: 'مجلس' -> 'مجلس القيادة
        الرئاسي'."""
        for text, tokens in self.passages:
            for k, tok in enumerate(tokens):
                if tok.is_word and tok.bare == head and k + 1 < len(tokens):
                    end = _body_name_end(tokens, k + 1, tok)
                    if end > k + 1:
                        return _clean_name(_text(tokens[k:end], text))
        return None

    def _fullest_body_name(self, name: str) -> str:
        """The fullest form of a body's name in the article: 'وزارة الخزانة' ->
        'وزارة الخزانة الأميركية' when the article says so somewhere."""
        if name not in self._fullest_bodies:
            key = normalize(name).split()
            best = name
            for text, tokens in self.passages:
                words = _words(tokens)
                for k in range(len(words) - len(key) + 1):
                    if words[k].norm != key[0] or [w.norm for w in words[k : k + len(key)]] != key:
                        continue
                    if k and in_lexicon(words[k - 1], _set("organizations")):
                        continue  # 'الأمم المتحدة' inside 'مكتب الأمم المتحدة …'
                    last = tokens.index(words[k + len(key) - 1])
                    if last + 1 < len(tokens) and tokens[last + 1].norm in _set("organizations"):
                        continue  # 'جماعة الحوثيين الحكومة': the object, another body
                    end = _definite_run(tokens, last + 1)
                    found = _clean_name(_text(tokens[tokens.index(words[k]) : end], text))
                    if len(found.split()) > len(best.split()):
                        best = found
            self._fullest_bodies[name] = best
        return self._fullest_bodies[name]

    def person(self, tokens: list[Token], sentence: str) -> Source | None:
        """A named person in the phrase: after a rank title, from a given name, or a comma
        chunk of plain words; titles and roles are left out."""
        words = _words(tokens)
        for n in (2, 1):  # a surname named before: 'وقال راتني لجماعات المعارضة …'
            if len(words) >= n and all(_plain_word(w) for w in words[:n]):
                name = _clean_name(_text(words[:n], sentence))
                if self.memory.knows(name):
                    return Source(Kind.named_person, self.memory.full_name(name))
        # A given name first ('وزيرة خارجية ألمانيا أنالينا بيربوك'), then the word after a
        # title ('العميد X').
        # Of several, the last: 'مدير مستشفى كمال عدوان، الطبيب عبد الرؤوف أبو شمالة'.
        for opens_name in (_opens_with_given_name, _after_title):
            last, i = None, 0
            while i < len(tokens):
                if tokens[i].is_word and opens_name(tokens, i):
                    opened = _name_at(tokens, _unknown_given_name_before(tokens, i), sentence)
                    if opened:
                        last = opened
                        i += len(opened.split())
                        continue
                i += 1
            if last:
                return Source(Kind.named_person, self.memory.full_name(last))
        for chunk in _comma_chunks(tokens):
            chunk_words = _words(chunk)
            if 1 <= len(chunk_words) <= 3 and all(_plain_word(w) for w in chunk_words):
                name = _clean_name(_text(chunk, sentence))
                # 'المنسقة الأممية' is a role: a given name is never definite.
                opens_as_name = not chunk_words[0].bare.startswith("ال")
                if len(chunk_words) >= 2 and opens_as_name or self.memory.knows(name):
                    return Source(Kind.named_person, self.memory.full_name(name))
        return None


def _after_title(tokens: list[Token], i: int) -> bool:
    """Token i opens a name right after a title: 'اللواء X', 'الناشط سامر العلي'.
    After a rank any word does; after a role, a plain word without the article."""
    if i == 0 or not tokens[i].is_word or tokens[i - 1].norm not in _set("titles"):
        return False
    if tokens[i - 1].norm in _word_class("ranks"):
        return True
    word = tokens[i]
    return _plain_word(word) and not word.norm.startswith("ال") and not _is_function_word(word)


def _plain_word(token: Token) -> bool:
    """A word that can be part of a name: no lexicon head, title, cue or function word."""
    return not (
        in_lexicon(token, _word_class("function_words"))
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
    )


def _comma_chunks(tokens: list[Token]) -> list[list[Token]]:
    chunks: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text in "،,":
            chunks.append([])
        else:
            chunks[-1].append(tok)
    return [c for c in chunks if c]


# ---------------------------------------------------------------------------
# Frames


@dataclass
class Frame:
    source: Source
    cue: str | None
    via: str | None
    claim_start: int  # offset in the repaired sentence where the asserted content begins
    certainty: float


def _lead_length(words: list[Token]) -> int:
    """Words of a lead-in that do not change the frame ('وكان', 'وقد', 'في المقابل')."""
    i = 0
    while i < len(words):
        n = _starts_with(words[i:], _lead_phrases())
        if not n:
            break
        i += n
    return i


def _quote_depth_at(tokens: list[Token], index: int) -> int:
    depth = 0
    straight = 0
    for tok in tokens[:index]:
        if tok.text in OPEN_QUOTES:
            depth += 1
        elif tok.text in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif tok.text == '"':
            straight ^= 1
    return depth + straight


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
            if quoted is None and j > i:
                return j
            if quoted is not None:
                j = quoted[1]  # a quoted name inside the phrase: 'غرفة عمليات "دحر الغزاة"'
                continue
        if (
            _name_form(tok.text) in VERB_COMPLEMENT_PREPOSITIONS
            and j > i
            and tokens[j - 1].bare not in _word_class("close_to")  # 'مصدر مقرب من الحكومة'
            and not (
                tok.norm == "من"
                and j + 1 < len(tokens)
                and _without_article(tokens[j + 1].bare) in _word_class("affiliation_nouns")
            )
        ):
            return j
        if (
            tok.norm in ("في", "عبر", "خلال")
            and j > i
            and j + 1 < len(tokens)
            and _is_utterance_noun(tokens[j + 1])
        ):
            return j
        if tok.norm in ("ل", "لـ") and j > i:
            return j
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


# 'تقرير صادر عن المنظمة', 'بيان لـ"الهيئة"': the preposition before a document's issuer.
ISSUER_PREPOSITIONS = frozenset({"عن", "ل", "لـ"})


def _is_quoting_noun(token: Token) -> bool:
    return any(
        token.norm.endswith(suffix) and token.norm[: -len(suffix)] in _word_class("quoting_nouns")
        for suffix in PRONOUN_SUFFIXES
    )


def _without_quoting_noun(tokens: list[Token]) -> list[Token]:
    for k, tok in enumerate(tokens):
        if k and _is_quoting_noun(tok):
            return tokens[:k]
    return tokens


def _is_utterance_noun(token: Token) -> bool:
    return token.norm in _word_class("utterance_nouns")


def _via_in(tokens: list[Token], sentence: str, parser: SourceParser) -> str | None:
    """A relaying body named in the frame: 'في تصريح صحافي نشرته وزارة الخارجية'."""
    for i, tok in enumerate(tokens):
        if tok.norm in _word_class("relaying_verbs"):
            end = _span_end(tokens, i + 1)
            own_channel = any(
                t.bare in _word_class("own_channel_words") for t in tokens[i + 1 : end]
            )
            found = parser.parse(tokens[i + 1 : end], sentence)
            if found and found.kind in (Kind.organization, Kind.media) and not own_channel:
                return found.name
    return None


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


def find_frame(sentence: str, tokens: list[Token], parser: SourceParser) -> Frame | None:
    """The reporting frame of the main clause, if the sentence has one."""
    words = _words(tokens)
    lead = _lead_length(words)
    # 'يُذكر أن X أعلن …' is X's statement: read the frame after it.
    if len(words) > lead + 1 and _strip_conjunction(words[lead].norm, _word_class("reminders")):
        k = tokens.index(words[lead]) + 1
        while k < len(tokens) and tokens[k].norm not in _particles("complement"):
            k += 1
        if k < len(tokens) and k - tokens.index(words[lead]) <= 3:
            inner = find_frame(sentence, tokens[k + 1 :], parser)
            return inner
        return None

    according = _according_frame(sentence, tokens, parser)
    opening = tokens.index(words[lead]) if lead < len(words) else 0
    if according and _according_at(tokens, opening):
        return according  # 'وبحسب عضو في اللجنة، تحدث إلى …': the opening phrase attributes
    verb_frame = _verb_frame(sentence, tokens, parser, lead)
    if verb_frame and according and according.source.kind == Kind.media and verb_frame.via is None:
        verb_frame.via = according.source.name
        return verb_frame
    return verb_frame or according or _headline_frame(tokens, sentence, parser)


# 'مظلوم عبدي: لن ننسحب من منبج': a headline that gives the speaker, a colon, the words.
MAX_HEADLINE_SPEAKER_WORDS = 4


def _headline_frame(tokens: list[Token], sentence: str, parser: SourceParser) -> Frame | None:
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or not 1 <= len(_words(tokens[:colon])) <= MAX_HEADLINE_SPEAKER_WORDS:
        return None
    speaker = parser.parse(tokens[:colon], sentence)
    # A person the article names in full, or a body of several words ('القوات المسلحة: …');
    # 'دمشق: …' or 'عاجل: …' is a place or a label.
    if speaker is None or not (
        speaker.name in parser.memory.names
        or speaker.kind is Kind.organization
        and len(_words(tokens[:colon])) >= 2
    ):
        return None
    return Frame(speaker, None, None, tokens[colon].end, 0.7)


def _verb_frame(
    sentence: str, tokens: list[Token], parser: SourceParser, lead: int
) -> Frame | None:
    word_positions = [i for i, t in enumerate(tokens) if t.is_word]
    for w_index, i in enumerate(word_positions):
        token = tokens[i]
        lemma = _cue_lemma(token) or _explaining_bayyana(tokens, i)
        if lemma is None:
            continue
        if w_index > MAX_CUE_POSITION and not _statement_subject(tokens, word_positions):
            break
        # The last word of a lead-in is no subordinator: 'في حين تحدثت …' but 'حين قال …'.
        previous = tokens[i - 1] if i and w_index != lead else None
        if previous is not None and (
            previous.norm in _particles("subordinate")
            or previous.norm in ("ان", "بان", "لان", "بعد", "قبل")
            or _strip_conjunction(previous.norm, NEGATED_CUE_PARTICLES)
        ):
            continue
        if _quote_depth_at(tokens, i):
            continue
        frame = _frame_at(sentence, tokens, i, lemma, parser, word_positions, lead)
        if frame:
            return frame
    return None


def _explaining_bayyana(tokens: list[Token], i: int) -> str | None:
    """'وبيّن أنه …': the verb 'بيّن' is written like the preposition 'بين', so it is a cue
    only right before a complementizer."""
    if not _strip_conjunction(tokens[i].norm, BAYYANA):
        return None
    # 'وبيّن أنه …', 'وبيّن المصدر أن …': a complementizer within a short subject's reach.
    for k in range(i + 1, min(len(tokens), i + 4)):
        if tokens[k].norm in _particles("complement"):
            return "بين"
        if not tokens[k].is_word or tokens[k].norm[:1] == "و":
            return None  # 'بين الجيش والفصائل': the preposition between two parties
    return None


BAYYANA = frozenset({"بين"})


# 'ولم تذكر الوكالة أي تفاصيل': a negated report asserts nothing for its subject.
NEGATED_CUE_PARTICLES = frozenset({"لم", "لن", "لا"})


def _statement_subject(tokens: list[Token], word_positions: list[int]) -> bool:
    return bool(word_positions) and in_lexicon(tokens[word_positions[0]], _set("statements"))


def _frame_at(sentence, tokens, i, lemma, parser, word_positions, lead) -> Frame | None:
    cue = tokens[i].text
    memory = parser.memory
    before = _before_span(tokens, i, word_positions, lead)
    # Subject before the verb: 'مصادر مطلعة، قالت …', 'القاسم أوضح …'.
    if before:
        subject = parser.parse(before, sentence)
        if subject and _compact_subject(subject, before, memory):
            via = (
                _via_in(tokens[i + 1 :], sentence, parser)
                or _hearer_outlet(tokens, i + 1, _complement_at(tokens, i + 1), sentence, parser)
                or _carried_via(subject, memory)
            )
            # The words after the verb are the hearer, the setting or already the content.
            claim_start = _claim_start(tokens, _past_setting(tokens, i + 1), sentence)
            return Frame(subject, cue, via, claim_start, 0.9)
    # Subject after the verb: 'وقال المتحدث باسم الوزارة، اللواء …، إن …'.
    end = _span_end(tokens, i + 1)
    after = tokens[i + 1 : end]
    via = None
    if lemma == normalize("نقل"):
        # 'نقلت شبكة X المقربة من Y، عن مصدر في Z، أن …': X relays the source after عن.
        relay = next(
            (k for k in range(i + 1, _complement_at(tokens, i + 1)) if tokens[k].norm == "عن"), None
        )
        if relay is not None:
            relayed_by = parser.parse(tokens[i + 1 : relay], sentence)
            via = relayed_by.name if relayed_by else None
            end = _span_end(tokens, relay + 1)
            after = tokens[relay + 1 : end]
            if parser.parse(after, sentence) is None:
                group = _unnamed_group(after, sentence)  # 'عن مهندسين في الحقل قولهم'
                if group:
                    certainty = 0.9 if end < len(tokens) else 0.75
                    return Frame(group, cue, via, _claim_start(tokens, end, sentence), certainty)
    if _words(after) and _words(after)[0].norm in OMITTED_SUBJECT_OPENERS and memory.last:
        after = []  # 'وأضافت في بيان …', 'وأشار إلى أن …': the subject is the last speaker
        end = _complement_at(tokens, i + 1)
    if not _words(after):
        # 'وأضاف أن …', 'وتابع: …': the statement goes on ('ويُرجَّح أن …' is impersonal).
        if memory.last and not in_lexicon(tokens[i], _hedge_words()):
            last = memory.last
            source = Source(last.kind, last.source, is_reference=True)
            return Frame(source, cue, last.via, _claim_start(tokens, end, sentence), 0.85)
        return None
    source = parser.parse(after, sentence)
    complement = _complement_at(tokens, i + 1)
    if source is None and complement > end:
        # The phrase ran past a preposition of its own: 'أكبر مسؤول في الوزارة عن السياسة … مايكل راتني إن'.
        source = parser.parse(tokens[i + 1 : complement], sentence)
        end = complement
    if source is None:
        return None
    if source.kind is Kind.author:
        return Frame(source, None, None, 0, 0.8)
    rest = _without_quoting_noun(tokens[end:complement])
    if after[0].norm in _set("titles") and (source.kind is Kind.anonymous or source.is_reference):
        # 'قال القائد العام لـ"قسد"، مظلوم عبدي، إن …': the name comes after the body.
        source = (parser.person(rest, sentence) if _words(rest) else None) or source
    if source.kind is Kind.anonymous:
        named = _named_as(tokens[i + 1 : complement], sentence, parser)
        source = named or source  # 'أحد المشاركين، ويدعى خالد العمر، …'

    source, relayed_by = _relayed_source(tokens, i + 1, complement, source, sentence, parser)
    via = (
        via
        or relayed_by
        or _via_in(tokens[i + 1 :], sentence, parser)
        or _hearer_outlet(tokens, end, complement, sentence, parser)
        or _carried_via(source, memory)
    )
    certainty = 0.9 if end < len(tokens) else 0.75
    return Frame(source, cue, via, _claim_start(tokens, end, sentence), certainty)


# A preposition right after the verb: the subject is the pronoun in the verb.
OMITTED_SUBJECT_OPENERS = frozenset(
    normalize(w) for w in ("في", "الى", "إلى", "عبر", "خلال", "على", "ل", "لـ", "بالقول")
)


def _unnamed_group(tokens: list[Token], sentence: str) -> Source | None:
    """People relayed without a lexicon head: 'عن مهندسين في الحقل', 'عن متعاملين في السوق'."""
    tokens = _without_quoting_noun(tokens)
    words = _words(tokens)
    if not words or words[0].bare.startswith("ال") or not _plain_word(words[0]):
        return None
    if not words[0].norm.endswith(PLURAL_ENDINGS):
        return None
    return Source(Kind.anonymous, _clean_name(_text(tokens, sentence)))


PLURAL_ENDINGS = ("ون", "ين")


def _named_as(tokens: list[Token], sentence: str, parser: SourceParser) -> Source | None:
    """A source named in passing: 'أحد المشاركين، ويدعى خالد العمر، …', 'واسمه …'."""
    for k, tok in enumerate(tokens[:-1]):
        # An aside of its own ('، ويدعى …', '، اسمه …'), not 'طلب عدم ذكر اسمه'.
        opens_aside = tok.norm[:1] == "و" or (k > 0 and tokens[k - 1].text in "،,")
        if tok.bare in _word_class("naming_words") and opens_aside:
            name = _name_at(tokens, k + 1, sentence)
            if name:
                return Source(Kind.named_person, parser.memory.full_name(name))
    return None


def _relayed_source(
    tokens, start, complement, source, sentence, parser
) -> tuple[Source, str | None]:
    """'كشفت صحيفة X، نقلاً عن مسؤولين، أن …': the paper relays the officials."""
    for k in range(start, complement):
        n = _according_at(tokens, k)
        if n and normalize_key(_text(tokens[k : k + n], sentence)) == RELAY_KEY:
            relayed = parser.parse(tokens[k + n : _span_end(tokens, k + n)], sentence)
            if relayed and relayed.kind is not Kind.author:
                return relayed, source.name
    return source, None


RELAY_KEY = normalize_key("نقلاً عن")


def _hearer_outlet(tokens, end, complement, sentence, parser) -> str | None:
    """Another outlet the source spoke to: 'قال مصدر لـ"سانا"', 'في مقابلة مع قناة "العربية"'.
    The article's own outlet is no intermediary (the outlet asserts its own reporting)."""
    for k in range(end, min(complement, len(tokens))):
        tok = tokens[k]
        if tok.norm in ("ل", "لـ", "مع"):
            phrase = tokens[k + 1 : _span_end(tokens, k + 2)]
        elif (
            tok.norm[:1] == "ل"
            and len(tok.norm) > 3
            and tok.norm not in _word_class("function_words")
        ):
            quoted = _quoted_name(tokens, k + 1, sentence)  # 'لقناة «العربية»'
            rest_end = quoted[1] if quoted else _span_end(tokens, k + 1)
            phrase = [_unglue_li(tok), *tokens[k + 1 : rest_end]]
        else:
            continue
        heard = parser.parse(phrase, sentence) if _words(phrase) else None
        if (
            heard
            and heard.kind is Kind.media
            and not _unnamed_media(heard.name)
            and not parser.memory.is_own_outlet(heard.name)
        ):
            return heard.name
    return None


def _unnamed_media(name: str) -> bool:
    return _without_article(normalize(name).split()[0]) in _word_class("unnamed_media_heads")


def _carried_via(source: Source, memory: Memory) -> str | None:
    """A via carries over to the continuations of the same speaker's statement."""
    last = memory.last
    if last and last.source == source.name and last.kind is source.kind:
        return last.via
    if source.is_reference:  # 'وأضاف المسؤول' back to an official quoted through a paper
        for speaker in reversed(memory.speakers):
            if speaker.source == source.name and speaker.kind is source.kind:
                return speaker.via
    return None


def _compact_subject(subject: Source, before: list[Token], memory: Memory) -> bool:
    """Whether the words before the verb are the subject itself, not a clause mentioning it.

    'مصادر مطلعة، قالت' and 'وزير الخارجية الروسي، سيرغي لافروف، أعلن' are; 'الجيش السوري بدأ
    معركة دير الزور و«داعش» يدعو' is not.
    """
    if subject.kind is Kind.author:
        return False
    n_before = len(_words(before))
    if subject.kind is Kind.named_person and n_before == 1:
        # A bare surname is a subject only when the article named the person in full.
        return len(subject.name.split()) > 1 or subject.is_reference
    first = _words(before)[0]
    if in_lexicon(first, _set("statements")):
        return True
    titled = first.norm in _set("titles") and subject.kind is Kind.named_person
    slack = 12 if titled else 2
    return n_before <= len(subject.name.split()) + slack


def _complement_at(tokens: list[Token], i: int) -> int:
    """Index of the first complementizer, quotation or colon from i (or the end)."""
    for j in range(i, len(tokens)):
        if tokens[j].norm in _particles("complement") or tokens[j].text == ":":
            return j
        if _opens_quotation(tokens, j):
            return j
    return len(tokens)


def _opens_quotation(tokens: list[Token], j: int) -> bool:
    """«…» and “…” open a quotation, except a name after the body it names: 'قناة «السومرية»'."""
    if tokens[j].text not in "«“":
        return False
    names_body = j > 0 and (
        in_lexicon(tokens[j - 1], _set("media")) or in_lexicon(tokens[j - 1], _set("organizations"))
    )
    return not (names_body and _quoted_name(tokens, j, "") is not None)


def _before_span(tokens, i, word_positions, lead) -> list[Token]:
    """Tokens between the lead-in and the verb, less 'كان قد' and an intro clause that a comma
    closes ('من جانب آخر، ذكرت …')."""
    start = word_positions[lead] if lead < len(word_positions) else i
    if start and tokens[start - 1].text in OPEN_QUOTES + STRAIGHT_QUOTES + "(":
        start -= 1  # '«الدعم السريع» تعلن': the subject's quotation marks are its own
    span = [t for t in tokens[start:i]]
    while span and (span[-1].norm in _particles("lead") or span[-1].text in "،,"):
        if span[-1].text in "،," and len(span) >= 2 and span[-2].norm in _particles("lead"):
            span = span[:-1]
            continue
        if span[-1].text in "،,":
            break
        span = span[:-1]
    if span and span[-1].text in "،,":
        # 'مصادر مطلعة، قالت' keeps its subject; 'من جانب آخر، ذكرت' is an intro clause.
        inner = span[:-1]
        return inner if _subject_like(inner) else []
    return span


def _subject_like(span: list[Token]) -> bool:
    words = _words(span)
    if not words:
        return False
    first = words[0]
    return bool(
        _starts_with(words, _phrases("anonymous"))
        or _starts_with(words, _phrases("organizations"))
        or _starts_with(words, _phrases("media"))
        or first.norm in _set("titles")
        or _name_form(first.text) in _first_names()
        or in_lexicon(first, _set("statements"))
    )


def _according_frame(sentence: str, tokens: list[Token], parser: SourceParser) -> Frame | None:
    for i, _token in enumerate(tokens):
        n = _according_at(tokens, i)
        if not n or _quote_depth_at(tokens, i):
            continue
        j = i + n
        if j < len(tokens) and tokens[j].norm in ("ل", "لـ"):
            j += 1
        elif tokens[j - 1].norm in LI_PHRASE_ENDS and j < len(tokens) and tokens[j].norm[:1] == "ل":
            tokens = [*tokens[:j], _unglue_li(tokens[j]), *tokens[j + 1 :]]
        end = j
        while (
            end < len(tokens)
            and tokens[end].text not in "،,.:؛"
            and tokens[end].norm not in _particles("complement")
            and tokens[end].norm not in ("فان", "فقد")
            and end - j < 12
        ):
            end += 1
        source = parser.parse(tokens[j:end], sentence)
        if (
            source
            and source.kind is Kind.named_person
            and not _reads_as_person(tokens[j:end], parser)
        ):
            source = None  # 'وفق القانون', 'وفقاً للاتفاق الروسي التركي': not a source
        if source and source.kind is Kind.anonymous and tokens[j].norm in _set("titles"):
            # 'وبحسب المتحدث باسم المفوضية، فيليب ماير، فإن …': the name after the comma.
            named = parser.person(tokens[end : _complement_at(tokens, end)], sentence)
            source = named or source
        quoted = _quoted_name(tokens, j, sentence)
        if source is None and quoted and quoted[1] >= end:
            source = Source(Kind.media, quoted[0])  # 'وحسب "تجمع أحرار حوران"': a named outlet
        if source is None or source.kind is Kind.author:
            continue
        via = None
        relay = next((k for k in range(j, end) if tokens[k].norm == "عن"), None)
        if source.kind is Kind.media and relay is not None:
            # 'بحسب ما نقلته وكالة الأناضول عن مصادر أمنية': the agency relays the sources.
            relayed = parser.parse(tokens[relay + 1 : end], sentence) or _unnamed_group(
                tokens[relay + 1 : end], sentence
            )
            if relayed and relayed.kind is not Kind.author:
                source, via = relayed, source.name
        cue = _text(tokens[i : i + n], sentence)
        claim_start = _claim_start(tokens, end, sentence) if i <= 2 else 0
        return Frame(source, cue, via, claim_start, 0.85)
    return None


def _reads_as_person(tokens: list[Token], parser: SourceParser) -> bool:
    """A phrase that names a person by a given name, a title or a name the article gave."""
    known = {normalize_word(part) for name in parser.memory.names for part in name.split()}
    return any(
        _opens_with_given_name(tokens, k) or tok.norm in _set("titles") or tok.norm in known
        for k, tok in enumerate(tokens)
        if tok.is_word
    )


# 'في بيان لها، في 28 تموز،': how far a setting before the content may run to its comma.
MAX_SETTING_WORDS = 6
SETTING_PREPOSITIONS = frozenset({"في", "عبر", "خلال"})


def _past_setting(tokens: list[Token], k: int) -> int:
    """Index after the settings that open with a preposition and close with a comma."""
    while k < len(tokens) and tokens[k].norm in SETTING_PREPOSITIONS:
        comma = next(
            (
                c
                for c in range(k + 1, min(len(tokens), k + MAX_SETTING_WORDS + 1))
                if tokens[c].text in "،,"
            ),
            None,
        )
        if comma is None:
            break
        k = comma + 1
    return k


# How far past the source phrase the complementizer may stand, behind the hearer or the
# setting of the statement: 'قالت لـ"المدن"، إن …', 'أوضح في بيان نشره على موقعه: …'.
MAX_FRAME_TAIL = 8


def _claim_start(tokens: list[Token], end: int, sentence: str) -> int:
    """Offset where the asserted content begins: after the complementizer or the colon, or at
    the opening quotation, past a hearer or setting between them and the source phrase."""
    if end >= len(tokens):
        return len(sentence)
    k = _complement_at(tokens, end)
    if (
        k < len(tokens)
        and k - end <= MAX_FRAME_TAIL
        and not any(_cue_lemma(t) for t in tokens[end:k])
        and (k == end or tokens[k - 1].norm not in _word_class("content_conjunctions"))
    ):
        tok = tokens[k]
        return tok.start if tok.text in "«“" else tok.end
    return tokens[end].start


# ---------------------------------------------------------------------------
# Confidence


BASE_CONFIDENCE = 0.5


def confidence(attribution: Attribution) -> tuple[float, list[Reason]]:
    """A confidence in [0, 1] and the reasons that moved it from the base figure."""
    reasons: list[Reason] = []
    kind = attribution.kind
    if kind is Kind.named_person:
        reasons.append(Reason(label="named source on the record", delta=0.2))
    elif kind is Kind.organization:
        reasons.append(Reason(label="official statement of a body", delta=0.15))
    elif kind is Kind.media:
        reasons.append(Reason(label="reported by another outlet", delta=0.05))
    elif kind is Kind.anonymous:
        reasons.append(Reason(label="anonymous source", delta=-0.15))
    else:
        reasons.append(Reason(label="the outlet's own narration, no source given", delta=0.05))
    if attribution.via:
        reasons.append(Reason(label=f"relayed through {attribution.via}", delta=-0.1))
    if attribution.speech is Speech.direct:
        reasons.append(Reason(label="direct quotation", delta=0.05))
    for hedge in attribution.hedges:
        weight = dict(_hedges()).get(normalize(hedge), 0.1)
        reasons.append(Reason(label=f"hedged: {hedge}", delta=-weight))
    if attribution.continuation:
        reasons.append(Reason(label="source resolved from an earlier sentence", delta=-0.05))
    if attribution.certainty < 1.0:
        reasons.append(
            Reason(
                label="extraction uncertain about the frame",
                delta=round(attribution.certainty - 1.0, 2) / 2,
            )
        )
    value = BASE_CONFIDENCE + sum(r.delta for r in reasons)
    return round(min(1.0, max(0.0, value)), 3), reasons


def find_hedges(sentence: str) -> list[str]:
    norm = f" {normalize(sentence)} "
    return [word for word, _ in _hedges() if f" {word} " in norm or norm.find(f" و{word} ") >= 0]


# ---------------------------------------------------------------------------
# Sentences and articles


def _opens_quote(text: str) -> bool:
    """Whether the sentence leaves a quotation open at its end."""
    opened = sum(text.count(q) for q in OPEN_QUOTES) - sum(text.count(q) for q in CLOSE_QUOTES)
    return opened > 0 or text.count('"') % 2 == 1


def _starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in OPEN_QUOTES + '"'


# A quotation is longer than a quoted name: '"شهداء القريتين" فضّل …' opens with a name.
MIN_QUOTATION_WORDS = 4


def _opens_with_quotation(text: str) -> bool:
    """The sentence opens with a quotation, not with a quoted name."""
    text = text.lstrip()
    if not _starts_with_quote(text):
        return False
    close = next((k for k, ch in enumerate(text[1:], 1) if ch in CLOSE_QUOTES + '"'), len(text))
    return len(text[1:close].split()) >= MIN_QUOTATION_WORDS


def attribute_sentence(
    sentence: Sentence,
    repaired: str,
    tokens: list[Token],
    memory: Memory,
    parser: SourceParser,
    doc: str = "",
) -> Claim:
    """Attribute one kept sentence (its repaired text and that text's tokens), reading and
    updating the article's memory."""
    new_paragraph = sentence.paragraph != memory.paragraph
    memory.paragraph = sentence.paragraph
    frame = find_frame(repaired, tokens, parser)
    attribution = Attribution(hedges=find_hedges(repaired))
    claim_text = repaired
    if frame and frame.source.kind is not Kind.author:
        attribution = attribution.model_copy(
            update={
                "kind": frame.source.kind,
                "source": frame.source.name,
                "cue": frame.cue,
                "via": frame.via,
                "continuation": frame.source.is_reference,
                "certainty": frame.certainty,
            }
        )
        claim_text = repaired[frame.claim_start :].strip() or repaired
        memory.remember(Speaker(frame.source.kind, frame.source.name, frame.via))
        memory.quote_open = _opens_quote(repaired)
    elif memory.list_open and memory.last and LIST_ITEM.match(repaired):
        # '- وقف استيراد السلع الكمالية.' after 'وشملت الإجراءات، بحسب بيان المجلس:'
        attribution = _continued(attribution, memory.last, 0.7)
    elif (
        memory.last
        and not new_paragraph
        and memory.last_paragraph_attributed
        and _continues(tokens)
    ):
        # 'كما نفذ هجوماً …' in the paragraph of a statement goes on with that statement.
        attribution = _continued(attribution, memory.last, 0.6)
    elif (
        memory.quote_open
        and memory.last
        and (not new_paragraph or _starts_with_quote(repaired))
        or memory.last_sentence_attributed
        and memory.last
        and _opens_with_quotation(repaired)
    ):
        # The rest of a quotation that runs over several sentences or paragraphs, or a quotation
        # standing alone right after a statement: its speaker goes on.
        attribution = _continued(attribution, memory.last, 0.8)
        memory.quote_open = (
            not _opens_quote(repaired)
            if _starts_with_quote(repaired) is False
            else _opens_quote(repaired)
        )
        memory.quote_open = memory.quote_open if not _closes_quote(repaired) else False
    else:
        memory.quote_open = False
    memory.last_paragraph_attributed = attribution.kind is not Kind.author
    memory.last_sentence_attributed = memory.last_paragraph_attributed
    memory.list_open = memory.last_sentence_attributed and (
        repaired.rstrip().endswith(":") or (memory.list_open and bool(LIST_ITEM.match(repaired)))
    )
    claim_text = claim_text.strip(" ،,:")
    speech = _speech(claim_text) if attribution.kind is not Kind.author else None
    attribution = attribution.model_copy(update={"speech": speech})
    value, reasons = confidence(attribution)
    return Claim(
        doc=doc,
        index=sentence.index,
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        kind=attribution.kind,
        source=attribution.source,
        cue=attribution.cue,
        via=attribution.via,
        claim=claim_text,
        confidence=value,
        dup_of=sentence.dup_of,
        speech=speech,
        reasons=reasons,
        paragraph=sentence.paragraph,
    )


# A point in a list: '- …', '• …', '1- …', '٢) …'.
LIST_ITEM = re.compile(r"^\s*(?:[-–•*▪]|[0-9\u0660-\u0669]{1,2}\s*[-.)])\s*\S")
# 'وفقاً لوكالة سانا': phrases after which li- may be glued to the source's first word.
LI_PHRASE_ENDS = frozenset({"وفقا", "طبقا"})


def _continued(attribution: Attribution, last: Speaker, certainty: float) -> Attribution:
    """The attribution of a sentence that carries on the last speaker's statement."""
    return attribution.model_copy(
        update={
            "kind": last.kind,
            "source": last.source,
            "via": last.via,
            "continuation": True,
            "certainty": certainty,
        }
    )


def _continues(tokens: list[Token]) -> bool:
    words = _words(tokens)
    return (
        len(words) > 1
        and words[0].norm in _word_class("continuation_leads")
        and words[1].norm != "ان"
    )


def _closes_quote(text: str) -> bool:
    return any(q in text for q in CLOSE_QUOTES) and not _opens_quote(text)


def _speech(claim: str) -> Speech:
    return Speech.direct if claim[:1] in QUOTES else Speech.reported


def attribute_article(article: Article, sentences: list[Sentence]) -> list[Claim]:
    """Attribute every kept sentence of an article, in reading order."""
    kept = [s for s in sentences if not s.junk]
    passages = [(repaired, tokenize(repaired)) for repaired in (repair(s.text) for s in kept)]
    memory = Memory(outlet=article.outlet, names=collect_names(passages))
    parser = SourceParser(memory, passages)
    return [
        attribute_sentence(sentence, repaired, tokens, memory, parser, article.doc)
        for sentence, (repaired, tokens) in zip(kept, passages, strict=True)
    ]

"""Linking claims: which statements back each other, which conflict, which are the same again.

Pure functions of plain data; the store calls them (`claims/store/linking.py`).

1. `features(text)`: what a statement is about (content stems, places, figures) and how it
   says it (negation, opposed predicates), computed once per claim.
2. `compare(a, b)`: the relation of two statements, `corroborates`, `contradicts` or
   `unrelated`, with a score and reasons a reviewer can read.
3. `classify(a, b)`: with who said them, a corroboration by the same source, or relayed
   from one another, or an outlet republishing a wire, is a `duplicate`.
4. `candidates(...)`: pairs worth comparing, by blocking on rare content tokens, places and
   figures, scored with rapidfuzz (`process.cdist` with `workers` on large blocks); never
   all pairs.
5. `update_confidence(...)`: a claim's confidence moved by its links, with the reasons.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing as mp
import os
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from typing import NamedTuple, TypeVar

import numpy as np
from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from claims import lexicon
from claims.arabic import normalize, normalize_key
from claims.cycles import no_cycle_collection
from claims.judge import (
    PAIR,
    WORD,
    Difference,
    JudgeModel,
    align,
    few_words_differ,
    load_model,
    pair_features,
    swapped_in_place,
    told_again_as_headlines,
    verdict,
    word_forms,
    word_key,
)
from claims.models import Link, LinkKind, Reason, Status
from claims.numbers import GENERIC, Quantity, dates, may_start_figure, quantities, tokens

# Below this content similarity two statements are about different things.
RELATED = 0.42
# A corroboration needs this much; a conflict (figures, negation, opposed verbs) needs RELATED.
CORROBORATES = 0.5
# rapidfuzz ratio (0-100) of the content keys, i.e. the Dice coefficient of the content stems
# in percent, below which a candidate pair is not kept.
CUTOFF = 45
# Blocks larger than this are scored with process.cdist; the pairs of smaller ones are pooled,
# made unique and scored with process.cpdist.
LARGE_BLOCK = 64
# Each claim keeps its best `TOP_K` candidates (a pair stays if either end keeps it).
TOP_K = 5
# Blocks larger than this are not scored all against all but by sorted neighbourhood windows.
MAX_BLOCK = 3000
WINDOW = 64
# Scored pairs held before those found in several blocks are made unique (memory).
COMPACT_AT = 4_000_000
# Rarest blocking keys of a claim that are indexed at least (prefix filtering) ...
PREFIX = 4
# ... and keys shared by more claims than this are not blocked on (stock phrases).
MAX_DF = 250

_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES = ("هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "ته", "يه", "وا", "ه", "ي", "ت", "ا")
_GLUED = ("و", "ف", "ب", "ل")
_WEEKDAYS = {
    normalize(w): w
    for w in ["الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
}
_WEEKDAY_FORMS = frozenset(p + k for k in _WEEKDAYS for p in ("", "و", "ف"))


class Relation(str, Enum):
    """How two statements relate, from their wording alone."""

    corroborates = "corroborates"
    contradicts = "contradicts"
    unrelated = "unrelated"


class Comparison(NamedTuple):
    """The judgement on two statements: a relation, a score in [0, 1] and reasons in words.

    A named tuple rather than a model: linking makes one for every candidate pair."""

    relation: Relation
    score: float
    reasons: list[str]


def stem(word: str) -> str:
    """A light stem of a normalised word: article and one common suffix off, at least 3 letters."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@cache
def _stopwords() -> frozenset[str]:
    words = {normalize(w) for w in lexicon.entries("link_stopwords")}
    words |= {stem(w) for w in words}
    return frozenset(words)


@cache
def _negation() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(negating phrases, phrases that only look like negation) as normalised word tuples."""
    yes: set[tuple[str, ...]] = set()
    no: set[tuple[str, ...]] = set()
    for entry in lexicon.fields("negation"):
        words = tuple(normalize(entry[0]).split())
        (no if len(entry) > 1 and entry[1] == "not" else yes).add(words)
    return frozenset(yes), frozenset(no)


@cache
def _opposites() -> tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...]:
    """(left stems, right stems, label) per opposed pair."""
    pairs = []
    for entry in lexicon.fields("opposites"):
        left, right = (
            tuple(normalize(w).strip() for w in re.split("[،,]", side)) for side in entry
        )
        pairs.append((left, right, f"{entry[0].split('،')[0]}/{entry[1].split('،')[0]}"))
    return tuple(pairs)


@cache
def _gazetteer() -> dict[tuple[str, ...], str]:
    """Place names (normalised word tuples) -> canonical place."""
    found = {}
    for entry in lexicon.fields("gazetteer"):
        for name in entry:
            if not name.startswith(">"):
                found[tuple(normalize_key(name).split())] = entry[0]
    return found


@cache
def _name_openers() -> frozenset[str]:
    """Words a place name of two words opens with (place_heads.txt, `word | opens`)."""
    return frozenset(normalize(e[0]) for e in lexicon.fields("place_heads") if e[1:] == ("opens",))


@cache
def _place_heads() -> frozenset[str]:
    """Place words (lexicon place_heads.txt), bare or after و/ف/ب."""
    heads = set()
    for entry in lexicon.entries("place_heads"):
        if "|" in entry:
            continue
        word = normalize(entry)
        heads |= {word, f"و{word}", f"ف{word}", f"ب{word}", f"وب{word}"}
    return frozenset(heads)


def _other_named_places(a: Features, b: Features) -> bool:
    """Whether both name places the gazetteer does not know (after بلدة، مخيم …), none in
    common and none of them in the other's words."""
    if not a.named or not b.named or a.named & b.named:
        return False
    words_a = {_place_key(w) for w in a.norm.split()}
    words_b = {_place_key(w) for w in b.norm.split()}
    return not (
        any(set(n.split()) <= words_b for n in a.named)
        or any(set(n.split()) <= words_a for n in b.named)
    )


@cache
def _enclosing(lexicon_name: str) -> dict[str, frozenset[str]]:
    """Canonical entry -> the entries it lies within or belongs to (`> entry` in the lexicon),
    all levels: places in the gazetteer, actors in actors.txt."""
    parent = {}
    for entry in lexicon.fields(lexicon_name):
        for name in entry[1:]:
            if name.startswith(">"):
                parent[entry[0]] = name[1:].strip()
    out = {}
    for child in parent:
        up: list[str] = []
        at = parent.get(child)
        while at and at not in up and at != child:
            up.append(at)
            at = parent.get(at)
        out[child] = frozenset(up)
    return out


def _precise(places: frozenset[str]) -> frozenset[str]:
    """The places of a claim without those that only enclose another of them."""
    within = _enclosing("gazetteer")
    enclosing = set().union(*(within.get(p, ()) for p in places))
    return places - enclosing


def different_places(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims name places and none of the most precise ones of either is, holds or
    lies within one of the other's: 'أريحا، إدلب' and 'سراقب، إدلب' differ, 'سراقب' and
    'إدلب' do not."""
    if not a or not b:
        return False
    within = _enclosing("gazetteer")
    return not any(
        p == q or p in within.get(q, ()) or q in within.get(p, ())
        for p in _precise(a)
        for q in _precise(b)
    )


@cache
def _actor_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Actor names (lexicon actors.txt), keyed as places are (the article off), indexed by
    their first word: (the other words, canonical actor), longest name first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for entry in lexicon.fields("actors"):
        for name in entry:
            if not name.startswith(">"):
                keys = tuple(_place_key(w) for w in normalize(name).split())
                index[keys[0]].append((keys[1:], entry[0]))
    return {k: tuple(sorted(set(v), key=lambda e: -len(e[0]))) for k, v in index.items()}


@lru_cache(maxsize=262144)
def _actor_firsts(word: str) -> tuple[str, ...]:
    """The keys an actor's first word may have in `word`: as it is, and without a glued و/ف
    then ب/ل/ك ('لقوات', 'وبالطيران', 'للحوثيين'), the article off; only those that open
    an actor's name."""
    forms = [word]
    if word[:1] in ("و", "ف") and len(word) > 3:
        forms.append(word[1:])
    for w in list(forms):
        if w.startswith("لل") and len(w) > 4:
            forms.append("ال" + w[2:])
        elif w[:1] in ("ب", "ل", "ك") and len(w) > 3:
            forms.append(w[1:])
    index = _actor_index()
    return tuple(k for k in dict.fromkeys(map(_place_key, forms)) if k in index)


def _actor_at(words: Sequence[str], keys: Sequence[str], i: int) -> tuple[str, int] | None:
    """The actor whose longest name starts at word `i`, with the words it takes."""
    if i >= len(words):
        return None
    index = _actor_index()
    best: tuple[str, int] | None = None
    for first in _actor_firsts(words[i]):
        for rest, actor in index[first]:
            n = len(rest) + 1
            if (best is None or n > best[1]) and tuple(keys[i + 1 : i + n]) == rest:
                best = (actor, n)
                break
    return best


def _find_actors(words: list[str], keys: list[str]) -> frozenset[str]:
    """The actors a statement names (canonical), the longest name at each word first."""
    found = set()
    i = 0
    while i < len(words):
        hit = _actor_at(words, keys, i)
        if hit:
            found.add(hit[0])
            i += hit[1]
        else:
            i += 1
    return frozenset(found)


# Words between a counted noun and the actor it belongs to: '9 مقاتلين من الحوثيين',
# '12 من عناصر داعش', '20 عنصراً من صفوف قوات النظام'.
_OF = frozenset(map(normalize, ("من", "في", "عناصر", "مقاتلي", "صفوف", "جنود", "أفراد")))


# Classes of counted things that belong to an actor: its fighters, dead, wounded, captured,
# vehicles and aircraft ('3 دبابات لقوات النظام').
_OWNED = frozenset({"fighters", "killed", "wounded", "prisoners", "vehicles", "aircraft"})


def _counted_actors(text: str, found: Sequence[Quantity]) -> frozenset[str]:
    """The actors whose members or arms a figure counts: '3 جنود أتراك', '9 مقاتلين من
    الحوثيين', '25 عنصراً من قوات النظام', '3 دبابات لقوات النظام' (the actor named with the
    counted noun or right after it)."""
    out = set()
    for q in found:
        if q.kind not in _OWNED:
            continue
        noun = [t.norm for t in tokens(q.text) if t.number is None][-1:]
        tail = [t.norm for t in tokens(text[q.end : q.end + 80]) if t.number is None][:6]
        words = noun + tail
        keys = [_place_key(w) for w in words]
        i = 0
        while i < len(words):
            hit = _actor_at(words, keys, i)
            if hit:
                out.add(hit[0])
                break
            if i and words[i] not in _OF:
                break
            i += 1
    return frozenset(out)


def different_actors(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether each of two claims names an actor that is not, does not hold and does not belong
    to any actor of the other: 'هيئة تحرير الشام' / 'أحرار الشام' differ (even with 'قوات
    النظام' in both), 'هيئة تحرير الشام' / 'فصائل المعارضة' do not, nor a claim that only adds
    an actor to the other's."""
    if not a or not b or a == b:
        return False
    within = _enclosing("actors")

    def same(p: str, q: str) -> bool:
        return p == q or p in within.get(q, ()) or q in within.get(p, ())

    return any(not any(same(p, q) for q in b) for p in a) and any(
        not any(same(p, q) for p in a) for q in b
    )


# Bump when stem(), the blocking keys or how they are written change: keys stored by an older
# linker are then rebuilt (claims/store/linking.py).
KEYS_FORMAT = 1
# The lexicons the blocking keys are made with (content stems, places, figures).
_KEY_LEXICONS = (
    "link_stopwords",
    "place_heads",
    "negation",
    "synonyms",
    "gazetteer",
    "number_words",
    "approximators",
    "counted",
)


@cache
def keys_version() -> str:
    """A digest of what a claim's blocking keys depend on: the key format and the lexicons.

    Keys stored with another version were made by other rules and are made again."""
    digest = hashlib.sha256(f"keys {KEYS_FORMAT}".encode())
    for name in _KEY_LEXICONS:
        digest.update("\n".join((name, *lexicon.entries(name))).encode())
    return digest.hexdigest()[:16]


# Every content stem seen gets one character: a claim's key is its stems' characters in order,
# so that rapidfuzz's ratio of two keys is the Dice coefficient of their stem sets, computed
# on strings of a few dozen characters.
_VOCAB: dict[str, str] = {}


def _token_char(stem_: str) -> str:
    char = _VOCAB.get(stem_)
    if char is None:
        code = 0x100 + len(_VOCAB) % 0x10E000  # past a million stems, characters are shared
        if code >= 0xD800:  # step over the surrogates
            code += 0x800
        char = _VOCAB[stem_] = chr(code)
    return char


def _token_key(stems: frozenset[str]) -> str:
    return "".join(sorted(map(_token_char, stems)))


@cache
def _gazetteer_firsts() -> frozenset[str]:
    return frozenset(k[0] for k in _gazetteer())


class Keys(NamedTuple):
    """What blocking needs of a claim: its blocking keys and its content key (`Features` has
    both too). The store keeps the blocking keys of linked claims; `stored_keys` makes the
    rest from them without reading the claim again."""

    blocking: tuple[str, ...]
    key: str


def stored_keys(blocking: Sequence[str]) -> Keys:
    """The blocking of a claim from its stored blocking keys (content stems, `@` places and
    `#` figures)."""
    return Keys(tuple(blocking), _token_key(frozenset(k for k in blocking if k[:1] not in "@#")))


# The one empty set that every claim's features without places, days, actors … share: an
# empty frozenset built from a generator is an object of its own (216 bytes a field, a claim).
NONE: frozenset = frozenset()


@dataclass(slots=True)
class Features:
    """What a statement is about and how it says it; computed once per claim."""

    text: str
    norm: str
    stems: frozenset[str]
    key: str
    words: str
    quantities: tuple[Quantity, ...]
    negations: int
    predicates: frozenset[tuple[int, int]]
    places: frozenset[str]
    days: frozenset[str]
    # names after a place word (بلدة، مخيم …) that the gazetteer does not know
    named: frozenset[str] = field(default=frozenset())
    blocking: tuple[str, ...] = field(default=())
    # stems that may carry a glued و ف ب ل, with the stem without it
    glued: tuple[tuple[str, str], ...] = field(default=())
    # content stems of the place names (gazetteer places and names after a place word)
    local: frozenset[str] = field(default=frozenset())
    # armed actors named (lexicon actors.txt, canonical names)
    actors: frozenset[str] = field(default=frozenset())
    # actors whose members a figure counts ('9 جنود من الجيش اليمني')
    counted: frozenset[str] = field(default=frozenset())
    # per negation, the words it bears on; none for a negation of the whole statement (نفى)
    negation_scopes: tuple[tuple[str, ...], ...] = field(default=())


@cache
def _predicate_index() -> dict[str, tuple[tuple[int, int], ...]]:
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for n, (left, right, _label) in enumerate(_opposites()):
        for side, stems in enumerate((left, right)):
            for s in stems:
                if s and " " not in s:
                    index[s].append((n, side))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=262144)
def _word_predicates(word: str) -> frozenset[tuple[int, int]]:
    """Opposed-predicate sides a word carries: a lexicon stem at its start, after و/ف/ال and
    a verb prefix (ي/ت/ن/ا; 'يرتفع' is read as 'ارتفع'). After a stem of three letters at most
    SHORT_STEM_TAIL letters may follow (a suffix), so that 'أسر' is not read in
    'الإسرائيليين'."""
    index = _predicate_index()
    found: set[tuple[int, int]] = set()
    for w in _bare(word):
        # an imperfect prefix off; for the verbs of forms IV, VII, VIII and X the perfect's
        # alif back in its place: 'يفرج' -> 'أفرج', 'يرتفع' -> 'ارتفع', 'يستمر' -> 'استمر'
        verb = (w[1:], "ا" + w[1:]) if w[:1] in ("ي", "ت", "ن") and len(w) > 3 else (w[1:],)
        for v in (w, *verb) if w[:1] in ("ي", "ت", "ن", "ا") else (w,):
            for end in range(2, len(v) + 1):
                hit = index.get(v[:end])
                if hit and (end > 3 or len(v) - end <= SHORT_STEM_TAIL):
                    found.update(hit)
    return frozenset(found)


# Letters that may follow a predicate stem of three letters (سيطرت has no limit; أسرت does).
SHORT_STEM_TAIL = 3


def _predicates(words: list[str]) -> frozenset[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for w in words:
        found |= _word_predicates(w)
    return frozenset(found)


@lru_cache(maxsize=262144)
def _bare(word: str) -> tuple[str, ...]:
    out = [word]
    if word[:1] in ("و", "ف") and len(word) > 3:
        out.append(word[1:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.append(w[2:])
        elif w.startswith(("بال", "لل")) and len(w) > 5:
            out.append(w[3:] if w.startswith("بال") else w[2:])
        elif w[:1] in ("ل", "ب") and len(w) > 4:
            out.append(w[1:])  # 'لأعلى مستوى' / 'لأدنى مستوى', 'بتعزيزات'، 'برفض'
    return tuple(out)


@cache
def _phrase_index(negating: bool) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in _negation()[0 if negating else 1]:
        index[phrase[0]].append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _phrase_hits(words: list[str], negating: bool) -> list[int]:
    index = _phrase_index(negating)
    hits = []
    for i, w in enumerate(words):
        for first in (w, w[1:]) if w[:1] in ("و", "ف") else (w,):
            phrases = index.get(first)
            if phrases and any(tuple(words[i + 1 : i + len(p)]) == p[1:] for p in phrases):
                hits.append(i)
                break
    return hits


@cache
def _synonyms() -> dict[str, str]:
    """Stem (and word) -> the stem of its canonical word (lexicon synonyms.txt)."""
    found = {}
    for canonical, *others in lexicon.fields("synonyms"):
        target = stem(normalize(canonical))
        for word in (canonical, *others):
            w = normalize(word)
            found[w] = found[stem(w)] = target
    return found


@lru_cache(maxsize=262144)
def _content_stem(word: str) -> str | None:
    if len(word) < 2 or word in _stopwords() or word in _negation_words():
        return None
    synonyms = _synonyms()
    if word in synonyms:
        return synonyms[word]
    s = stem(word)
    if s in _stopwords() or len(s) < 2:
        return None
    return synonyms.get(s, s)


@cache
def _function_words() -> frozenset[str]:
    """Words that are never what two statements differ in (link stopwords, not negations)."""
    words = {normalize(w) for w in lexicon.entries("link_stopwords")}
    return frozenset(w for w in words | {f"و{w}" for w in words} if w not in _negation_words())


@cache
def _negation_words() -> frozenset[str]:
    return frozenset(p[0] for p in _negation()[0])


@lru_cache(maxsize=262144)
def _place_key(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


class _Read(NamedTuple):
    """What a statement's blocking keys are made of, read once for its features too."""

    toks: list
    words: list[str]
    keys: list[str]  # the words as place keys
    stems: frozenset[str]
    places: set[str]
    covered: set[int]  # the words of the places found
    found: tuple[Quantity, ...]


def _read(text: str) -> _Read:
    """Words, content stems, gazetteer places and figures of a statement."""
    toks = tokens(text)
    words = [t.norm for t in toks if t.number is None]
    digits = any(t.number is not None for t in toks)
    keys = [_place_key(w) for w in words]
    gaz, firsts = _gazetteer(), _gazetteer_firsts()
    places = set()
    covered: set[int] = set()
    for i, key in enumerate(keys):
        glued = _place_key(key[1:]) if key[:1] in "وبلف" and len(key) > 3 else None
        if key not in firsts and glued not in firsts:
            continue
        for n in (3, 2, 1):
            gram = tuple(keys[i : i + n])
            hit = gaz.get(gram)
            if hit is None and glued:
                hit = gaz.get((glued, *gram[1:]))
            if hit:
                places.add(hit)
                covered.update(range(i, i + n))
                break
    # the full figure parser (with offsets) only where a figure may be
    maybe = digits or any(map(may_start_figure, words))
    found = tuple(quantities(text, toks)) if maybe else ()
    stems = frozenset(s for s in map(_content_stem, words) if s)
    return _Read(toks, words, keys, stems, places, covered, found)


def _blocking(read: _Read) -> tuple[str, ...]:
    """Blocking keys: content stems, places (named entities) and exact figures with their
    kind."""
    return (
        tuple(sorted(read.stems))
        + tuple(f"@{p}" for p in sorted(read.places))
        + tuple(f"#{q.low:g}:{_comparable_kind(q)}" for q in read.found if q.exact)
    )


@lru_cache(maxsize=65536)
def features(text: str) -> Features:
    """The features of one statement."""
    read = _read(text)
    toks, words, keys, stems_f, places, covered, found = read
    digits = [t.norm for t in toks if t.number is not None]
    found_tokens = [t.norm for t in toks]
    excluded = set(_phrase_hits(words, negating=False))
    negated_at = [i for i in _phrase_hits(words, negating=True) if i not in excluded]
    heads, openers = _place_heads(), _name_openers()
    named_at = [
        i + 1
        for i, w in enumerate(words[:-1])
        if w in heads
        and i not in covered
        and i + 1 not in covered
        and words[i + 1][:1] != "ل"  # 'مخيم للنازحين'
        and words[i + 1] not in heads  # '84 مدينة وبلدة'
        and _content_stem(words[i + 1])
    ]
    # 'معبر باب السلامة', 'بلدة تل ملح': a name that opens with باب، تل … takes the next word
    named = frozenset(
        " ".join(keys[i : i + 2])
        if words[i] in openers and i + 1 < len(words) and i + 1 not in covered
        else keys[i]
        for i in named_at
    )
    local = frozenset(
        s
        for i in covered.union(named_at, (i + 1 for i in named_at if words[i] in openers))
        if i < len(words)
        for s in (_content_stem(words[i]),)
        if s
    )
    days = dates(found_tokens) | frozenset(
        _WEEKDAYS[w] for w in _bare_all(set(words) & _WEEKDAY_FORMS) if w in _WEEKDAYS
    )
    return Features(
        text=text,
        norm=" ".join(words + digits),
        stems=stems_f,
        key=_token_key(stems_f),
        words=" ".join(sorted(stems_f)),
        quantities=found,
        negations=len(negated_at),
        negation_scopes=tuple(_negation_scope(words, i) for i in negated_at),
        predicates=_predicates(words) or NONE,
        places=frozenset(places) or NONE,
        days=days or NONE,
        named=named or NONE,
        blocking=_blocking(read),
        glued=tuple(_unglued(s) for s in sorted(stems_f) if s[:1] in _GLUED),
        local=local or NONE,
        actors=_find_actors(words, keys) or NONE,
        counted=_counted_actors(text, found) if found else NONE,
    )


@lru_cache(maxsize=1 << 16)
def _unglued(stem_: str) -> tuple[str, str]:
    """A stem that may carry a glued و ف ب ل, with the stem without it: one pair for every
    claim that has the stem (a claim holds a dozen such pairs)."""
    return stem_, stem_[1:]


# Particles that negate the words right after them, not the whole statement: in 'قال عبدي إن
# قواته لن تنسحب من منبج، ولا وجود لمقاتلين من الحزب' the second negation is about fighters of
# the party, and says nothing against a claim about a withdrawal. Other negations (نفى، كذب،
# غير صحيح، عار عن الصحة) deny what the statement reports, whatever words follow.
_PARTICLES = frozenset(map(normalize, ("لم", "لا", "لن", "ليس", "ليست", "لسنا", "عدم")))
# Content words after a particle that it bears on ('لم تشن أي غارات على كفرنبل').
PARTICLE_SCOPE = 3


def _negation_scope(words: list[str], i: int) -> tuple[str, ...]:
    """The content words a negation at word `i` bears on; () for the whole statement."""
    particle = words[i][1:] if words[i][:1] in ("و", "ف") else words[i]
    if particle not in _PARTICLES:
        return ()
    following = (w for w in words[i + 1 :] if _content_stem(w))
    return tuple(w for _, w in zip(range(PARTICLE_SCOPE), following, strict=False))


# A statement with this many content stems, and at least LONGER times those of the other, tells
# more than the other (an article's sentence against a claim): its particles are read in scope.
LONG_STATEMENT = 12
LONGER = 1.5


def _negations_about(a: Features, b: Features) -> int:
    """How many of `a`'s negations bear on what `b` says. In a statement of about the other's
    length, every one. In one that tells much more (an article's sentence against a claim), a
    negation of the whole statement, or a particle followed by a word of `b`, another form of
    one, or a word of an opposed pair whose other side `b` carries ('لا تشمل' against
    'تستثني'): a particle about something `b` does not mention ('ولا خوف من تسلل', 'إن لم
    يفعل ذلك') is no negation of `b`."""
    if not a.negations or len(a.stems) < max(LONG_STATEMENT, LONGER * len(b.stems)):
        return a.negations
    opposed = {n for n, _ in b.predicates}
    return sum(
        1
        for scope in a.negation_scopes
        if not scope
        or any(
            (s := _content_stem(w)) in b.stems
            or (s and any(_akin(s, t) for t in b.stems))
            or any(n in opposed for n, _ in _word_predicates(w))
            for w in scope
        )
    )


def _bare_all(words: Iterable[str]) -> Iterable[str]:
    for w in words:
        yield from _bare(w)


def _comparable_kind(q: Quantity) -> str:
    return q.kind or "-"


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two figures count the same kind of thing: the same class of counted noun, or,
    for nouns not in the lexicon ('4 فلسطينيين', '14 فلسطينياً'), the same content word."""
    if a.kind is None and b.kind is None:
        noun = _content_stem(a.noun) if a.noun else None
        return noun is not None and noun == (_content_stem(b.noun) if b.noun else None)
    if a.kind is None or b.kind is None:
        return False
    if a.kind == b.kind:
        return a.kind != GENERIC or a.unit == b.unit
    return False


# Classes of counted things that never count the same people: '8 مدنيين' and '8 عناصر'.
_EXCLUSIVE_COUNTS = (frozenset({"civilians", "fighters"}),)


def _other_counts(a: Features, b: Features) -> str | None:
    """A reason when the two count things that cannot be the same (civilians / fighters)."""
    kinds_a = {q.kind for q in a.quantities if q.kind}
    kinds_b = {q.kind for q in b.quantities if q.kind}
    if kinds_a & kinds_b:
        return None
    for pair in _EXCLUSIVE_COUNTS:
        if (kinds_a & pair) and (kinds_b & pair) and (kinds_a & pair) != (kinds_b & pair):
            return f"figures count different people: {'/'.join(sorted(pair))}"
    return None


# Events that are other facts: a claim about the dead (and not the wounded) and one about the
# wounded (and not the dead) report different things ('قتل 20 مدنياً' / 'أصيب 20 مدنياً'); so
# do the dead and the captured ('مقتل 30 عنصراً' / 'أسر 3 عناصر'). Canonical words of
# synonyms.txt.
_EXCLUSIVE_EVENTS = (("قتل", "جرح"), ("قتل", "أسر"))


def _other_events(a: Features, b: Features) -> str | None:
    """A reason when one claim reports one event of an exclusive pair and the other the other."""
    for left, right in _EXCLUSIVE_EVENTS:
        sa, sb = _content_stem(normalize(left)), _content_stem(normalize(right))
        if not sa or not sb:
            continue
        one = {sa, sb} & a.stems
        two = {sa, sb} & b.stems
        if len(one) == 1 and len(two) == 1 and one != two:
            return f"different events: {left} / {right}"
    return None


# Words that only say where: with the place names themselves, they are no shared content.
_WHERE = (
    "ريف بريف شمال شمالي الشمالي جنوب جنوبي الجنوبي شرق شرقي الشرقي غرب غربي الغربي "
    "محيط بمحيط أطراف قرب بالقرب وسط مركز"
)


@cache
def _where_stems() -> frozenset[str]:
    words = [normalize(w) for w in _WHERE.split()]
    words += [normalize(w) for w in lexicon.entries("place_heads") if "|" not in w]
    return frozenset(s for s in map(_content_stem, words) if s)


def _only_place_shared(a: Features, b: Features) -> str | None:
    """A reason when two claims share nothing but where ('انفجار في مدينة أعزاز' /
    'افتتاح مستشفى في مدينة أعزاز'): the same place, other events."""
    where = _where_stems() | a.local | b.local
    rest_a, rest_b = a.stems - where, b.stems - where
    if not rest_a or not rest_b or rest_a & rest_b:
        return None
    # 'سيطرتها' / 'سيطر', 'الحوثيون' / 'الحوثي': a stem the light stemmer left longer
    if any(_akin(x, y) for x in rest_a for y in rest_b):
        return None
    return "nothing in common but the place"


def _akin(x: str, y: str) -> bool:
    """Whether two stems are one word in other forms: one opens the other (3 letters at
    least), or one of them carries a glued و ف ب ل."""
    short, long_ = sorted((x, y), key=len)
    if len(short) >= 3 and long_.startswith(short):
        return True
    return any(w[:1] in _GLUED and w[1:] == v for w, v in ((x, y), (y, x)))


def similarity(a: Features, b: Features) -> float:
    """Content similarity in [0, 1]: shared content stems and fuzzy agreement of the rest."""
    if not a.stems or not b.stems:
        return 1.0 if a.norm == b.norm else 0.0
    shared = len(a.stems & b.stems)
    # 'وسيطرت' and 'سيطرت': a conjunction or preposition glued to a word in one of them
    if a.glued:
        shared += sum(1 for s, bare in a.glued if bare in b.stems and s not in b.stems)
    if b.glued:
        shared += sum(1 for s, bare in b.glued if bare in a.stems and s not in a.stems)
    shared = min(shared, len(a.stems), len(b.stems))
    overlap = shared / min(len(a.stems), len(b.stems))
    dice = 2 * shared / (len(a.stems) + len(b.stems))
    fuzzy = fuzz.token_set_ratio(a.words, b.words) / 100
    return round(0.35 * overlap + 0.35 * dice + 0.3 * fuzzy, 3)


def _figures(a: Features, b: Features) -> tuple[list[str], list[str]]:
    """(conflicts, agreements) between the figures of two statements, as reasons."""
    conflicts, agreements = [], []
    for qa in a.quantities:
        for qb in b.quantities:
            if not _comparable(qa, qb):
                continue
            slack = 0.1 if "vague" in (qa.approx, qb.approx) else 0.0
            if qa.overlaps(qb, slack):
                agreements.append(f"figures agree: «{qa.text}» and «{qb.text}»")
            else:
                conflicts.append(f"figures conflict: «{qa.text}» against «{qb.text}»")
    # A figure that agrees with one of the other's figures of that kind is not in conflict.
    if agreements and conflicts:
        agreed = {r.split("«")[1].split("»")[0] for r in agreements}
        conflicts = [c for c in conflicts if c.split("«")[1].split("»")[0] not in agreed]
    return conflicts, agreements


def _different_dates(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims give dates that cannot be the same: days of the month ('17/7'
    against '3/8') or years ('2017' against '2015'), each compared with its own kind."""
    for kind in (lambda d: "/" in d, lambda d: "/" not in d):
        da, db = {d for d in a if kind(d)}, {d for d in b if kind(d)}
        if da and db and not da & db:
            return True
    return False


class _Analysis(NamedTuple):
    """What the rules read in a pair of related statements: signals for the judge, and the
    reasons behind the rules' own verdict."""

    sim: float
    reasons: list[str]  # similarity and shared content
    contra: list[str]  # conflicting figures, negation on one side, opposed predicates
    agreements: list[str]
    other: str | None  # other facts however alike: other people counted, other events
    signals: dict[str, float]
    events: str | None = None  # other events (the dead / the captured): their figures differ


def _analyse_pair(a: Features, b: Features, sim: float) -> _Analysis:
    shared = sorted(a.stems & b.stems)
    about = f"shared content: {' '.join(shared[:6])}" if shared else "no shared content"
    conflicts, agreements = _figures(a, b)
    reasons = [f"similarity {sim:.2f}", about]
    events = _other_events(a, b)
    # figures of other events ('مقتل 30 عنصراً' / 'أسر 3 عناصر') count other things
    contra = [] if events else list(conflicts)
    opposed = []
    pairs = {n for n, _ in a.predicates} & {n for n, _ in b.predicates}
    for n in sorted(pairs):
        label = _opposites()[n][2]
        a_l, a_r = (n, 0) in a.predicates, (n, 1) in a.predicates
        b_l, b_r = (n, 0) in b.predicates, (n, 1) in b.predicates
        if (a_l and not a_r and b_r and not b_l) or (a_r and not a_l and b_l and not b_r):
            opposed.append(f"opposed predicates: {label}")
    negated_opposite = False
    negated_one_side = False
    negations_a, negations_b = _negations_about(a, b), _negations_about(b, a)
    if (negations_a % 2) != (negations_b % 2):
        negated = a if negations_a % 2 else b
        # a denial verb (نفى) is a negation and an opposite at once: that is no double negative
        negators = {p[0] for p in _negation()[0]}
        opposed = [o for o in opposed if not set(normalize(o.split(": ")[1]).split("/")) & negators]
        if opposed:
            # 'لا تشمل' against 'استثنى': a negated predicate is its opposite
            reasons.append(f"negated opposite agrees: {opposed[0].split(': ')[1]}")
            opposed = []
            negated_opposite = True
        else:
            negated_one_side = True
            contra.append(f"one statement is negated: «{negated.text[:60]}»")
    contra += opposed
    other = (None if agreements else _other_counts(a, b)) or events or _only_place_shared(a, b)
    signals = {
        "similarity": sim,
        "figures conflict": float(bool(conflicts)),
        "figures agree": float(bool(agreements)),
        "negation on one side": float(negated_one_side),
        "negated opposite agrees": float(negated_opposite),
        "opposed predicate": float(bool(opposed)),
        "other facts": float(other is not None),
    }
    return _Analysis(sim, reasons, contra, agreements, other, signals, events)


def _gate(a: Features, b: Features, sim: float) -> str | None:
    """Why two statements are about different things whatever their wording: other places,
    dates or actors."""
    if different_places(a.places, b.places) or _other_named_places(a, b):
        return (
            "different places: "
            f"{'، '.join(sorted(a.places | a.named))} / {'، '.join(sorted(b.places | b.named))}"
        )
    if _different_dates(a.days, b.days):
        return f"different dates: {'، '.join(sorted(a.days))} / {'، '.join(sorted(b.days))}"
    # the same kind of event by or against other actors, or the dead or captured of other
    # actors: not the same fact, and no conflict
    if different_actors(a.actors, b.actors):
        return f"different actors: {'، '.join(sorted(a.actors))} / {'، '.join(sorted(b.actors))}"
    if different_actors(a.counted, b.counted):
        return (
            "figures count different actors: "
            f"{'، '.join(sorted(a.counted))} / {'، '.join(sorted(b.counted))}"
        )
    return None


class _Judged(NamedTuple):
    features: dict[str, float]
    # what each signal that fired means, in words, for the reasons of a link
    said: dict[str, str]


def _leftover_signals(a: Features, b: Features, difference: Difference) -> _Judged:
    """Signals read in the words left over after aligning: an opposed predicate across the
    two sides, a negation on one side only, another figure in one side's place of a figure."""
    signals: dict[str, float] = {}
    said: dict[str, str] = {}
    sides = [
        {hit: w for w in words for hit in _word_predicates(w)}
        for words in (difference.only_a, difference.only_b)
    ]
    for (n, side), word in sorted(sides[0].items()):
        other = sides[1].get((n, 1 - side))
        if other and (n, 1 - side) not in sides[0] and (n, side) not in sides[1]:
            signals["opposed words"] = 1.0
            said["opposed words"] = f"opposed predicate {word}/{other}"
            break
    negators = _negation_words()
    negated = [
        [w for w in words if w in negators and w not in _not_negating(side.norm)]
        for words, side in ((difference.only_a, a), (difference.only_b, b))
    ]
    if bool(negated[0]) != bool(negated[1]):
        signals["negation left over"] = 1.0
        said["negation left over"] = f"negation on one side: {(negated[0] or negated[1])[0]}"
    denied = _denial_left_over(difference)
    if denied:
        signals["denial left over"] = 1.0
        said["denial left over"] = f"denial on one side: {denied}"
    # the one word left over on each side: an adjective of origin or kind in another's place
    if len(difference.only_a) == len(difference.only_b) == 1 and all(
        map(_nisba, difference.only_a + difference.only_b)
    ):
        signals["other origin"] = 1.0
        said["other origin"] = f"{difference.only_a[0]} in the place of {difference.only_b[0]}"
    # actors or places the rules name otherwise on each side and still read as one ('هيئة
    # تحرير الشام' / 'فصائل المعارضة', 'سراقب' / 'ريف إدلب') are their business: no other
    # actor or place swapped in
    other_names = any(x and y and x != y for x, y in ((a.actors, b.actors), (a.places, b.places)))
    if (
        not other_names
        and swapped_in_place(a.norm.split(), b.norm.split(), difference)
        and _another_thing(difference.only_a, difference.only_b)
    ):
        signals["swapped in place"] = 1.0
        said["swapped in place"] = (
            f"{' '.join(difference.only_a)} in the place of {' '.join(difference.only_b)}, "
            "the words around kept"
        )
    beside = _opposed_beside(a.norm.split(), b.norm.split())
    if beside:
        signals["opposed beside one word"] = 1.0
        said["opposed beside one word"] = f"opposed predicates {beside[1]} beside {beside[0]}"
    ordinals = [[w for w in words if _ordinal(w)] for words in difference[:2]]
    if ordinals[0] and ordinals[1]:
        signals["other ordinal"] = 1.0
        said["other ordinal"] = f"{ordinals[0][0]} vs {ordinals[1][0]}"
    figures = [[w for w in words if w[:1].isdigit()] for words in difference[:2]]
    if figures[0] and figures[1]:
        signals["other figure"] = 1.0
        said["other figure"] = f"figure {figures[0][0]} vs {figures[1][0]}"
    return _Judged(signals, said)


# How far (in words) from a word both statements share its predicate is read.
PREDICATE_REACH = 2


def _predicates_beside(words: Sequence[str], i: int) -> frozenset[tuple[int, int]]:
    near = (*words[max(0, i - PREDICATE_REACH) : i], *words[i + 1 : i + PREDICATE_REACH + 1])
    return frozenset().union(*map(_word_predicates, near))


def _opposed_beside(words_a: Sequence[str], words_b: Sequence[str]) -> tuple[str, str] | None:
    """A word both statements tell (not a function word nor a predicate) with opposed
    predicates of the opposites lexicon beside it, one side of an entry in one statement and the
    other in the other: ('دولار', 'هبوط/ارتفاع') for 'الذهب يصعد مع هبوط الدولار' / 'هبوط
    الذهب بارتفاع الدولار'. The opposites are in both, so no word of them is left over: what
    changed is which thing each tells of (roles swapped). In ANS train 24 such judged pairs
    disagree, 4 agree."""
    function_words = _function_words()
    keys_b = [word_key(w) for w in words_b]
    for i, word in enumerate(words_a):
        key = word_key(word)
        if word in function_words or key not in keys_b or _word_predicates(word):
            continue
        here = _predicates_beside(words_a, i)
        there = _predicates_beside(words_b, keys_b.index(key))
        if here & there:  # a predicate of the same sense beside it in both: told alike
            continue
        for n, side in sorted(here):
            if (n, 1 - side) in there and (n, 1 - side) not in here:
                return key, _opposites()[n][2]
    return None


def _ordinal(key: str) -> bool:
    """Whether a word (as the judge names it) is an ordinal ('الأولى', 'لأول', 'العاشرة'): one
    in another's place is another figure ('المرحلة الأولى' / 'المرحلة الثانية'; in ANS train
    5 such pairs, all contradictions)."""
    return not word_forms(key).isdisjoint(lexicon.word_class("ordinals"))


def _another_thing(words: Sequence[str], others: Sequence[str]) -> bool:
    """Whether words in others' place name another thing (an actor, place, object:
    'الودائع' / 'القروض'), not the same told otherwise: two adjectives grading a change
    upwards, two words on one side of an entry of the opposites lexicon ('يرتفع' / 'يصعد'),
    or verbs only, which the opposites read ('تطلق' / 'تطرح' say one thing; in ANS train a
    verb for a verb in place is an opposed predicate in 14 of 16 pairs), two times of day
    ('فجر اليوم' / 'صباح اليوم': an hour told loosely; the rules' dates tell other days), two
    kinds of place before one name ('مدينة إدلب' / 'محافظة إدلب': the rules' places decide)."""
    if all(map(_imperfect_verb, (*words, *others))):
        return False
    return not any(
        (_degree_adjective(x) and _degree_adjective(y))
        or (_time_of_day(x) and _time_of_day(y))
        or (_place_head(x) and _place_head(y))
        or _word_predicates(x) & _word_predicates(y)
        for x in words
        for y in others
    )


def _place_head(key: str) -> bool:
    heads = _place_heads()
    return any(f in heads or f + "ه" in heads for f in word_forms(key))


def _time_of_day(key: str) -> bool:
    return not word_forms(key).isdisjoint(lexicon.word_class("times_of_day"))


def _imperfect_verb(key: str) -> bool:
    """Whether a word (as the judge names it) may be a verb in the imperfect: it opens with
    ي ت ن and is no adjective of origin ('تركي', 'يمني' are people, not verbs)."""
    return len(key) >= 4 and key[:1] in ("ي", "ت", "ن") and not _nisba(key)


def _degree_adjective(key: str) -> bool:
    """Whether a word (as the judge names it) grades a change upwards ('كبيرا', 'ملحوظ'): one
    in another's place ('ارتفاع كبير' / 'ارتفاع ملحوظ') is the same story told again."""
    return bool({key, key.removesuffix("ا")} & lexicon.word_class("degree_adjectives"))


def _nisba(key: str) -> bool:
    """Whether a word (as the judge names it) reads as an adjective of origin or kind, ending
    in ي: 'مغربي', 'اجنبي', 'شمالي'. One in the place of another in two statements otherwise
    alike is another actor, place or object in the same slot ('فيلم أجنبي' / 'فيلم عربي').
    A word opening with ت or ي may be a verb in the imperfect ('تجري', 'يجري'): it counts only
    when its stem names a place or people ('تركي', 'يمني')."""
    if len(key) < 4 or not key.endswith("ي"):
        return False
    return not key.startswith(("ي", "ت")) or key[:-1] in _gentilic_stems()


@cache
def _gentilic_stems() -> frozenset[str]:
    """What an adjective of origin opening with ت or ي is made on, less its ي: the names of
    the class verb_like_gentilic_stems and the one-word names of the gazetteer, the article
    and a final 'ا' or 'يا' off ('اليمن' -> 'يمن', 'تركيا' -> 'ترك', 'تنزانيا' -> 'تنزان').
    Of the gazetteer only stems of four letters or more: a shorter one is as often a verb of a
    weak root ('التنف' / 'تنفي', 'تعز' / 'تعزي')."""
    stems = set()
    for name in lexicon.word_class("verb_like_gentilic_stems"):
        stems |= _stem_forms(name)
    for words in _gazetteer():
        if len(words) == 1:
            stems |= {s for s in _stem_forms(words[0]) if len(s) >= 4}
    return frozenset(stems)


def _stem_forms(name: str) -> set[str]:
    bare = name.removeprefix("ال")
    return {bare, bare.removesuffix("ا"), bare.removesuffix("يا")}


@lru_cache(maxsize=65536)
def _not_negating(norm: str) -> frozenset[str]:
    """Negation words that open a phrase of a statement which only looks like a negation
    ('ما لا يقل عن 30', 'لا يزال'): no negation left over."""
    words = norm.split()
    return frozenset(words[i] for i in _phrase_hits(words, negating=False))


# Verbs and nouns that deny or undo what the other statement tells ('رفض مقترح أممي' against
# 'مقترح أممي لحماية الفلسطينيين', 'تفشل في الحصول' against 'تحصل'): a negation in other words,
# read among the words left over on one side only. Normalised stems, matched at a word's start
# after a clitic or an imperfect prefix.
_DENIALS = ("رفض", "فشل", "اخفاق", "اخفق", "استبعد", "تجاهل", "تخلي")
# What may follow a denial stem: inflection and pronoun suffixes ('رفضوا', 'فشله'), not another
# word's letters ('تخليد').
_DENIAL_TAILS = frozenset(("", "ت", "وا", "ون", "ان", "ين", "ه", "ها", "هم", "نا", "ي", "ا", "تا"))


@lru_cache(maxsize=65536)
def _denial(word: str) -> bool:
    forms = word_forms(word)
    # an imperfect prefix off, and for a verb of form X the alif back ('يستبعد' -> 'استبعد')
    forms |= {
        v for f in forms if f[:1] in ("ي", "ت", "ن") and len(f) > 3 for v in (f[1:], "ا" + f[1:])
    }
    return any(
        f.startswith(stem_) and f[len(stem_) :] in _DENIAL_TAILS
        for f in forms
        for stem_ in _DENIALS
    )


def _denial_left_over(difference: Difference) -> str | None:
    """The denial word left over on one side only, if any."""
    denied = [[w for w in words if _denial(w)] for words in (difference.only_a, difference.only_b)]
    return (denied[0] or denied[1])[0] if bool(denied[0]) != bool(denied[1]) else None


def _judge_input(
    a: Features, b: Features, found: _Analysis, gate: str | None, difference: Difference
) -> _Judged:
    signals = dict(found.signals)
    signals["different slot"] = float(gate is not None)
    leftover = _leftover_signals(a, b, difference)
    if found.agreements or found.events:
        # '147' against 'نحو 150': figures the rules read as one; '30 قتيلاً' against 'أسر 3
        # عناصر': figures of other events. Neither is another figure for one thing.
        leftover.features.pop("other figure", None)
    signals.update(leftover.features)
    return _Judged(pair_features(difference, signals), leftover.said)


@lru_cache(maxsize=262144)
def _synonym(word: str) -> str | None:
    """The canonical word of a word of the synonyms lexicon ('بسطت' -> 'سيطر'), else None."""
    found = _content_stem(word)
    return found if found in _synonym_targets() else None


@cache
def _synonym_targets() -> frozenset[str]:
    return frozenset(_synonyms().values())


def word_difference(a: Features, b: Features) -> Difference:
    """How two statements differ word by word, synonyms of the lexicon aligned."""
    return align(a.norm.split(), b.norm.split(), _function_words(), _synonym)


def judge_features(a: Features, b: Features) -> dict[str, float]:
    """The judge's features of any pair (what `claims.train_judge` fits on)."""
    sim = similarity(a, b)
    return _judge_input(
        a, b, _analyse_pair(a, b, sim), _gate(a, b, sim), word_difference(a, b)
    ).features


def _reason(name: str, said: dict[str, str], found: _Analysis) -> str:
    """A deciding feature of the judge in words."""
    kind, _, what = name.partition(":")
    if f"{kind}:" == WORD:
        return f"differing word {what}"
    if f"{kind}:" == PAIR:
        return f"differing words {what.replace('|', '/')}"
    if what in said:
        return said[what]
    if what in ("figures conflict", "negation on one side", "opposed predicate") and found.contra:
        return found.contra[0]
    if what == "figures agree" and found.agreements:
        return found.agreements[0]
    if what.startswith("leftover "):
        fewer, more = what.removeprefix("leftover ").split("-")
        return f"{fewer} word(s) against {more} differ"
    return what


def compare_features(a: Features, b: Features, model: JudgeModel | None = None) -> Comparison:
    """The relation of two statements from their features: about other places, dates or
    actors, or too unlike, they are unrelated; otherwise the judge (`claims.judge`, fitted
    weights) tells a contradiction from a corroboration, and the rules tell other facts."""
    if not a.norm or not b.norm:
        return Comparison(Relation.unrelated, 0.0, ["an empty statement"])
    if a.norm == b.norm:
        return Comparison(relation=Relation.corroborates, score=1.0, reasons=["same wording"])
    sim = similarity(a, b)
    gate = _gate(a, b, sim)
    if gate:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=[gate])
    if sim < RELATED:
        shared = sorted(a.stems & b.stems)
        about = f"shared content: {' '.join(shared[:6])}" if shared else "no shared content"
        return Comparison(
            relation=Relation.unrelated, score=sim, reasons=[f"similarity {sim:.2f}", about]
        )
    found = _analyse_pair(a, b, sim)
    reasons, agreements = found.reasons, found.agreements
    if found.contra:
        return Comparison(relation=Relation.contradicts, score=sim, reasons=reasons + found.contra)
    # figures of different people ('12 مدنياً' / '12 عنصراً'), the dead against the captured,
    # or nothing in common but the place: other facts, however alike the wording
    if found.other:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=[*reasons, found.other])
    difference = word_difference(a, b)
    # What a difference of a few words means here. Two statements that differ in a few words
    # only (`few_words_differ`) tell one story with one change, and the judge (fitted on ANS)
    # reads any change: an opposed predicate, a negation or a denial on one side, another
    # figure, and also another actor, place or object in the same slot ('فيلم أجنبي' / 'فيلم
    # عربي', 'أسعار الخبز' / 'أسعار المحروقات'): told of the same event, that is a claim
    # against another. Its reasons name the words that decided. What the rules tell apart
    # (other places, dates, actors, people counted, events) never reaches it. A
    # sentence told again in other words it reads only with a denial left over (a negation
    # there is as often a phrase the alignment split, another figure a rounding), or when both
    # are headline-sized with a higher threshold: ANS's contradictions are mostly headlines
    # rewritten, the team's corroborations told in other words lie under it.
    model = model or load_model()
    threshold = (
        model.threshold
        if few_words_differ(difference) or _denial_left_over(difference)
        else model.rewritten_threshold
        if told_again_as_headlines(a.norm.split(), b.norm.split())
        else None
    )
    if threshold is not None:
        judged = _judge_input(a, b, found, None, difference)
        contradiction, deciding = verdict(judged.features, model, threshold=threshold)
        if contradiction >= threshold and not found.signals["negated opposite agrees"]:
            said = "; ".join(dict.fromkeys(_reason(n, judged.said, found) for n, _ in deciding))
            return Comparison(
                relation=Relation.contradicts,
                score=sim,
                reasons=[*reasons, f"judged a contradiction ({contradiction:.2f}): {said}"],
            )
    if sim < CORROBORATES and not agreements:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=reasons)
    if sim < CORROBORATES and agreements and sim < RELATED + 0.04:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=reasons)
    return Comparison(relation=Relation.corroborates, score=sim, reasons=reasons + agreements)


def compare(a: str, b: str) -> Comparison:
    """The relation of two statements: corroborates, contradicts or unrelated."""
    return compare_features(features(a), features(b))


# --- claims with their sources ------------------------------------------------------------


class ClaimRef(BaseModel):
    """What linking needs of a stored claim."""

    id: int
    text: str
    source: Hashable | None = Field(default=None, description="Source entity id or name")
    via: Hashable | None = Field(default=None, description="Intermediary entity id or name")
    doc: str | None = None
    kind: str | None = Field(default=None, description="models.Kind of the attribution")
    outlet: str | None = None


def _entity(value: Hashable | None) -> Hashable | None:
    if isinstance(value, str):
        return normalize_key(value) or None
    return value


class _Who(NamedTuple):
    id: int
    source: Hashable | None
    via: Hashable | None
    doc: str | None
    kind: str | None
    outlet: str | None


def _who(c: ClaimRef) -> _Who:
    return _Who(c.id, _entity(c.source), _entity(c.via), c.doc, c.kind, c.outlet)


def classify(a: ClaimRef, b: ClaimRef, comparison: Comparison | None = None) -> Link | None:
    """The link between two claims, or None if they are unrelated.

    A corroboration is a `duplicate` when it brings no new evidence: the same wording again,
    the same source, one relayed via the other (or both via the same relay), an outlet
    republishing an agency's wire, or two sentences of one article or one outlet agreeing. A
    contradiction inside one article (the two sides quoted) is kept, and says so.
    """
    found = _decide(_who(a), _who(b), comparison or compare(a.text, b.text))
    return Link(**found._asdict()) if found else None


class LinkRow(NamedTuple):
    """A link as plain data (what the store writes); `Link` is its pydantic twin."""

    claim_id: int
    other_id: int
    kind: LinkKind
    score: float
    reasons: list[str]


def _decide(a: _Who, b: _Who, comparison: Comparison) -> LinkRow | None:
    if comparison.relation is Relation.unrelated:
        return None
    reasons = list(comparison.reasons)
    kind = LinkKind.contradicts
    if comparison.relation is Relation.corroborates:
        kind = LinkKind.corroborates
        sa, sb, va, vb = a.source, b.source, a.via, b.via
        why = None
        if comparison.reasons[:1] == ["same wording"]:
            why = "the same statement again"
        elif sa is not None and sa == sb:
            why = "the same source"
        elif (va is not None and va == sb) or (vb is not None and vb == sa):
            why = "one relays the other"
        elif va is not None and va == vb:
            why = "both relayed by the same intermediary"
        elif a.doc is not None and a.doc == b.doc:
            why = "the same article"
        elif a.outlet is not None and a.outlet == b.outlet:
            why = "the same outlet"
        elif (
            comparison.score >= 0.9
            and a.doc != b.doc
            and {a.kind, b.kind} <= {"author", "media"}
            and "media" in {a.kind, b.kind}
        ):
            why = "an outlet republishing a wire"
        if why:
            kind = LinkKind.duplicate
            reasons.append(f"duplicate: {why}")
        else:
            reasons.append("independent sources")
    elif a.doc is not None and a.doc == b.doc:
        reasons.append("within one article: the two sides quoted")
    return LinkRow(a.id, b.id, kind, round(comparison.score, 3), reasons)


# --- candidate generation -----------------------------------------------------------------


def indexed_keys(
    blocking: Sequence[str],
    df: Counter[str],
    *,
    cutoff: float = CUTOFF,
    prefix: int = PREFIX,
) -> list[str]:
    """The blocking keys a claim is indexed under, given how many claims hold each key.

    Prefix filtering: two claims with Dice >= t share at least `overlap` keys, so one of them
    is among the first len - overlap + 1 of the rarest (at least `prefix`); keys no other
    claim holds are useless, and keys in more than MAX_DF claims (stock phrases) are left
    out, which keeps blocks small and time linear.
    """
    alpha = (cutoff / 100) / (2 - cutoff / 100)  # Dice t -> least overlap share t / (2 - t)
    ranked = sorted(blocking, key=df.__getitem__)  # rarest first, stable on ties
    counts = list(map(df.__getitem__, ranked))
    first = bisect_right(counts, 1)  # keys no other claim holds are no use
    if first == len(ranked):
        return []
    overlap = math.ceil(alpha * len(blocking))
    length = max(prefix, len(blocking) - overlap + 1)
    last = min(first + length, bisect_right(counts, MAX_DF))
    return ranked[first:last] if last > first else ranked[first : first + 1]


def key_counts(feats: Iterable[Features | Keys]) -> Counter[str]:
    """How many of these claims hold each blocking key."""
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.blocking)
    return df


@no_cycle_collection()
def candidates(
    feats: Sequence[Features | Keys],
    new: Sequence[bool] | None = None,
    *,
    df: Counter[str] | None = None,
    held: np.ndarray | None = None,
    cutoff: float = CUTOFF,
    top_k: int | None = TOP_K,
    prefix: int = PREFIX,
    workers: int = -1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j, score) worth comparing, i < j, by blocking; never all pairs. Only the
    blocking keys and content keys of the claims are read (`Features` or `Keys`).

    Each claim is indexed under its rarest blocking keys (`indexed_keys`: content stems,
    places and exact figures) that some other claim shares. Pairs inside a block are scored
    with rapidfuzz on the content keys, large blocks with `process.cdist(workers=...)`; pairs
    under `cutoff` are dropped, and each claim keeps its `top_k` best (`rank`, with the
    `held` best scores of earlier runs). With `new`, only pairs with at least one new claim
    are made (incremental linking). `df` counts the claims that
    hold each key; by default these claims, but incremental linking passes the counts of the
    whole store so that each claim is indexed as a full run would index it.
    """
    n = len(feats)
    empty = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32))
    if n < 2:
        return empty
    if df is None:
        df = key_counts(feats)
    blocks: dict[str, list[int]] = defaultdict(list)
    for pos, f in enumerate(feats):
        for key in indexed_keys(f.blocking, df, cutoff=cutoff, prefix=prefix):
            blocks[key].append(pos)
    is_new = np.ones(n, bool) if new is None else np.asarray(new, bool)
    keys_ = [f.key for f in feats]
    keys_arr = np.array(keys_, dtype=object)
    codes: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    pending: list[np.ndarray] = []
    ratio = fuzz.ratio
    held_pairs = 0

    def compact() -> None:
        """Keep each scored pair once (a pair shares several blocks): bounds the memory."""
        nonlocal held_pairs
        if len(codes) > 1:
            code, first = np.unique(np.concatenate(codes), return_index=True)
            score = np.concatenate(scores)[first]
            codes[:], scores[:] = [code], [score]
        held_pairs = len(codes[0]) if codes else 0

    def found(code: np.ndarray, score: np.ndarray) -> None:
        nonlocal held_pairs
        codes.append(code)
        scores.append(score)
        held_pairs += len(code)
        if held_pairs > COMPACT_AT + len(codes[0]):
            compact()

    def score_pending() -> None:
        """Score the pairs of the small blocks met so far, each pair once, in one C call."""
        if not pending:
            return
        code = np.unique(np.concatenate(pending))
        pending.clear()
        a, b = code // n, code % n
        got = process.cpdist(
            keys_arr[a],
            keys_arr[b],
            scorer=ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=workers,
        )
        keep = got > 0
        found(code[keep], got[keep])

    waiting = 0
    for members in blocks.values():
        m = len(members)
        if m < 2:
            continue
        if new is not None and not any(is_new[i] for i in members):
            continue
        if m <= LARGE_BLOCK:
            idx = np.asarray(members, np.int64)
            x, y = _pairs_of(m)
            a, b = idx[x], idx[y]
            if new is not None:
                keep = is_new[a] | is_new[b]
                a, b = a[keep], b[keep]
            pending.append(np.minimum(a, b) * n + np.maximum(a, b))
            waiting += len(a)
            if waiting > 2_000_000:
                score_pending()
                waiting = 0
            continue
        idx = np.asarray(members, np.int64)
        if m > MAX_BLOCK:
            # A huge block (one story told thousands of times): sorted neighbourhood, each
            # claim against the WINDOW claims whose content keys sort next to its own.
            order = sorted(members, key=keys_.__getitem__)
            for start in range(0, m, WINDOW):
                window = np.asarray(order[start : start + 2 * WINDOW], np.int64)
                mat = process.cdist(
                    [keys_[i] for i in window],
                    [keys_[j] for j in window],
                    scorer=ratio,
                    score_cutoff=cutoff,
                    dtype=np.uint8,
                    workers=1,
                )
                r, c = np.nonzero(np.triu(mat, 1))
                a, b = window[r], window[c]
                keep = is_new[a] | is_new[b]
                found(np.minimum(a, b)[keep] * n + np.maximum(a, b)[keep], mat[r[keep], c[keep]])
            continue
        rows = idx[is_new[idx]] if new is not None else idx
        for start in range(0, len(rows), 2048):
            chunk = rows[start : start + 2048]
            mat = process.cdist(
                [keys_[i] for i in chunk],
                [keys_[j] for j in idx],
                scorer=ratio,
                score_cutoff=cutoff,
                dtype=np.uint8,
                workers=workers,
            )
            r, c = np.nonzero(mat)
            a, b = chunk[r], idx[c]
            keep = a != b
            a, b = a[keep], b[keep]
            found(np.minimum(a, b) * n + np.maximum(a, b), mat[r[keep], c[keep]])
    score_pending()
    if not codes:
        return empty
    compact()
    code, score = codes[0], scores[0].astype(np.float32)
    i, j = code // n, code % n
    if top_k is not None:
        keep, _best = rank(i, j, score, n, top_k, held)
        i, j, score = i[keep], j[keep], score[keep]
    return i, j, score


@lru_cache(maxsize=256)
def _pairs_of(m: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(m, 1)


def rank(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    n: int,
    top_k: int,
    held: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Which candidate pairs (i, j, score) of `n` claims stay, and each claim's best scores.

    Each claim ranks its candidates by score, ties to the earlier claim, and keeps its
    `top_k` best; a pair stays if either end keeps it. `held` (n x top_k, -1 for none) are
    the best scores of candidates met in earlier runs, earlier claims all, which rank before
    these on a tie: incremental linking ranks a stored claim's new candidates as a full run
    would. Returns the mask of pairs kept and the best scores (n x top_k) after them.
    """
    m = len(i)
    # claim positions in 32 bits when they fit: a full run of a million claims ranks tens of
    # millions of pairs, and these arrays are its peak memory
    index = np.int32 if n < 2**31 else np.int64
    ends = np.concatenate([i, j]).astype(index)
    others = np.concatenate([j, i]).astype(index)
    scores = np.concatenate([score, score]).astype(np.int16)
    order = np.lexsort((others, -scores, ends))  # by claim, best first, then earlier first
    del others
    sorted_ends = ends[order]
    del ends
    starts = np.r_[0, np.flatnonzero(sorted_ends[1:] != sorted_ends[:-1]) + 1].astype(index)
    place = np.arange(2 * m, dtype=index) - np.repeat(starts, np.diff(np.r_[starts, 2 * m]))
    before = place
    if held is not None:
        before = place + (held[sorted_ends] >= scores[order][:, None]).sum(axis=1)
    kept = np.zeros(2 * m, bool)
    kept[order[before < top_k]] = True
    best = np.full((n, top_k), -1, np.int16)
    top = place < top_k
    best[sorted_ends[top], place[top]] = scores[order][top]
    if held is not None:
        best = -np.sort(-np.concatenate([held, best], axis=1), axis=1)[:, :top_k]
    return kept[:m] | kept[m:], best


# From this many claims on, features and judgements are computed in worker processes.
PARALLEL_FROM = 20_000
_SHARED: dict[str, object] = {}
T = TypeVar("T")


def _features_part(texts: Sequence[str]) -> list[Features]:
    return [features(t) for t in texts]


def _blocking_part(texts: Sequence[str]) -> list[tuple[str, ...]]:
    return [_blocking(_read(t)) for t in texts]


def _judge_part(bounds: tuple[int, int]) -> list[LinkRow]:
    feats, who, i, j = (_SHARED[k] for k in ("feats", "who", "i", "j"))
    start, end = bounds
    rows = []
    for a, b in zip(i[start:end].tolist(), j[start:end].tolist(), strict=True):  # type: ignore[index]
        found = _decide(who[a], who[b], compare_features(feats[a], feats[b]))  # type: ignore[index]
        if found:
            rows.append(found)
    return rows


def _judge_worker(bounds: tuple[int, int]) -> list[tuple]:
    """`_judge_part` in a worker process, as plain tuples with the kind as text: a tenth of
    the cost of sending named tuples holding an enum back."""
    return [(*row[:2], row.kind.value, *row[3:]) for row in _judge_part(bounds)]


_LINK_KINDS = {kind.value: kind for kind in LinkKind}


def _processes(workers: int, n: int) -> int:
    if n < PARALLEL_FROM or workers == 1 or "fork" not in mp.get_all_start_methods():
        return 1
    return (os.cpu_count() or 1) if workers < 1 else workers


def _each_text(
    part: Callable[[Sequence[str]], list[T]], texts: Sequence[str], workers: int
) -> tuple[list[T], bool]:
    """`part` over these statements, each distinct one once, in `workers` processes (all cores
    for -1) when there are many; the results in the order of `texts`, and whether worker
    processes made them."""
    unique = list(dict.fromkeys(texts))  # a statement repeated is analysed once
    procs = _processes(workers, len(unique))
    if procs == 1:
        found = part(unique)
    else:
        size = -(-len(unique) // (procs * 4))
        with mp.get_context("fork").Pool(procs) as pool:
            parts = pool.map(part, [unique[k : k + size] for k in range(0, len(unique), size)])
        found = [f for made in parts for f in made]
    if len(unique) == len(texts):
        return found, procs > 1
    by_text = dict(zip(unique, found, strict=True))
    return [by_text[t] for t in texts], procs > 1


@no_cycle_collection()
def analyse(texts: Sequence[str], *, workers: int = -1) -> list[Features]:
    """The features of many statements; in `workers` processes (all cores for -1) when there
    are many."""
    found, elsewhere = _each_text(_features_part, texts, workers)
    if elsewhere:
        for f in found:  # the token characters must come from this process's vocabulary
            f.key = _token_key(f.stems)
    return found


@no_cycle_collection()
def blocking_of(texts: Sequence[str], *, workers: int = -1) -> list[Keys]:
    """The blocking of many statements without the rest of their features (about half their
    cost), as `analyse` makes their features: what linking a store needs of the claims whose
    features it does not hold."""
    found, _elsewhere = _each_text(_blocking_part, texts, workers)
    # the key made here: its token characters come from this process's vocabulary
    return [stored_keys(blocking) for blocking in found]


@no_cycle_collection()
def judge(
    claims: Sequence[ClaimRef],
    feats: Sequence[Features],
    i: np.ndarray,
    j: np.ndarray,
    *,
    workers: int = -1,
) -> list[LinkRow]:
    """The links among candidate pairs (i[k], j[k]) of `claims`; in `workers` processes (all
    cores for -1) when there are many claims."""
    who = [_who(c) for c in claims]
    procs = _processes(workers, len(claims))
    _SHARED.update(feats=feats, who=who, i=i, j=j)
    pairs = len(i)
    try:
        if procs == 1:
            return _judge_part((0, pairs))
        size = -(-pairs // (procs * 4)) or 1
        rows: list[LinkRow] = []
        with mp.get_context("fork").Pool(procs) as pool:
            bounds = [(k, k + size) for k in range(0, pairs, size)]
            for part in pool.imap(_judge_worker, bounds):  # in order, one part held at a time
                rows.extend(
                    LinkRow(a, b, _LINK_KINDS[kind], score, reasons)
                    for a, b, kind, score, reasons in part
                )
        return rows
    finally:
        _SHARED.clear()


def link_rows(
    claims: Sequence[ClaimRef],
    new: Sequence[bool] | None = None,
    *,
    top_k: int | None = TOP_K,
    workers: int = -1,
) -> list[LinkRow]:
    """Links among `claims` as plain rows (only those touching a new claim when `new` is
    given): features, candidates by blocking, then each candidate pair judged. Large sets use
    `workers` processes (all cores for -1) for the features and the judgements."""
    feats = analyse([c.text for c in claims], workers=workers)
    i, j, _ = candidates(feats, new, top_k=top_k, workers=workers)
    return judge(claims, feats, i, j, workers=workers)


def link(
    claims: Sequence[ClaimRef],
    new: Sequence[bool] | None = None,
    *,
    top_k: int | None = TOP_K,
    workers: int = -1,
) -> list[Link]:
    """Links among `claims` (only those touching a new claim when `new` is given)."""
    return [Link(**row._asdict()) for row in link_rows(claims, new, top_k=top_k, workers=workers)]


# --- confidence -----------------------------------------------------------------------------

CORROBORATED = "corroborated by claim"
CONTRADICTED = "contradicted by claim"
REVIEWER = "reviewer:"
_LINK_LABELS = (CORROBORATED, CONTRADICTED, REVIEWER)
# How far one independent corroboration closes the gap to 1, and one contradiction to 0.
RAISE = 0.25
LOWER = 0.3
# Corroborations beyond this many add nothing more.
MAX_COUNTED = 5


def update_confidence(
    confidence: float,
    reasons: Sequence[Reason],
    links: Iterable[tuple[LinkKind | str, float, int]],
    status: Status | str = Status.unreviewed,
) -> tuple[float, list[Reason]]:
    """A claim's confidence after its links, and the reasons with each step's delta.

    `links` are (kind, score, other claim id). Steps that earlier linking added are replaced,
    so relinking is idempotent. Independent corroboration raises the figure (each closes
    `RAISE` of the gap to 1, by score), contradiction lowers it (`LOWER` of it, by score), a
    duplicate changes nothing; a reviewer's verdict (verified / disputed) overrides all.
    """
    kept = [r for r in reasons if not r.label.startswith(_LINK_LABELS)]
    value = confidence - sum(r.delta for r in reasons if r.label.startswith(_LINK_LABELS))
    # every figure and step is rounded to 4 places: rounding the figure without the links
    # gives it back exactly, so that relinking (a later batch) lands where one run does
    value = round(min(1.0, max(0.0, value)), 4)
    out = list(kept)
    ordered = sorted(links, key=lambda x: (LinkKind(x[0]).value, -x[1], x[2]))
    counted = 0
    for kind, score, other in ordered:
        kind = LinkKind(kind)
        if kind is LinkKind.corroborates and counted < MAX_COUNTED:
            counted += 1
            delta = round((1 - value) * RAISE * score, 4)
            label = f"{CORROBORATED} {other} (independent source)"
        elif kind is LinkKind.contradicts:
            delta = -round(value * LOWER * score, 4)
            label = f"{CONTRADICTED} {other}"
        else:
            continue
        if delta:
            value += delta
            out.append(Reason(label=label, delta=delta))
    status = Status(status)
    if status is Status.verified:
        out.append(Reason(label=f"{REVIEWER} verified", delta=round(1.0 - value, 4)))
        value = 1.0
    elif status is Status.disputed:
        out.append(Reason(label=f"{REVIEWER} disputed", delta=round(0.0 - value, 4)))
        value = 0.0
    return round(min(1.0, max(0.0, value)), 4), out


def blocking_recall(
    found: tuple[np.ndarray, np.ndarray], truth: tuple[np.ndarray, np.ndarray], n: int
) -> float:
    """Share of the `truth` pairs (i < j) that `found` also holds."""
    t = np.unique(truth[0] * n + truth[1])
    if not len(t):
        return 1.0
    f = np.unique(found[0] * n + found[1])
    return float(np.isin(t, f).mean())


def exhaustive(
    feats: Sequence[Features], *, cutoff: float = CUTOFF, workers: int = -1
) -> tuple[np.ndarray, np.ndarray]:
    """All pairs (i < j) scoring at least `cutoff`, by `process.cdist` over everything."""
    keys_ = [f.key for f in feats]
    ii, jj = [], []
    for start in range(0, len(keys_), 2048):
        mat = process.cdist(
            keys_[start : start + 2048],
            keys_,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=workers,
        )
        r, c = np.nonzero(mat)
        r = r + start
        keep = r < c
        ii.append(r[keep])
        jj.append(c[keep])
    return np.concatenate(ii).astype(np.int64), np.concatenate(jj).astype(np.int64)


__all__ = [
    "ClaimRef",
    "Comparison",
    "Features",
    "Keys",
    "Relation",
    "candidates",
    "classify",
    "compare",
    "compare_features",
    "features",
    "judge",
    "link",
    "update_confidence",
]

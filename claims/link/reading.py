"""One statement read once: its words, light stems and content stems, negations, opposed
predicates, places, dates, figures and actors (`Features`, `features`), and its blocking keys
(`Keys`, `stored_keys`, `keys_version`)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from claims import lexicon
from claims.arabic import WORD_CACHE, normalize
from claims.link.names import (
    _counted_actors,
    _find_actors,
    _gazetteer,
    _gazetteer_firsts,
    _name_openers,
    _place_heads,
    _place_key,
)
from claims.numbers import Quantity, dates, may_start_figure, quantities, tokens

_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES = ("هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "ته", "يه", "وا", "ه", "ي", "ت", "ا")
_GLUED = ("و", "ف", "ب", "ل")
_WEEKDAYS = {
    normalize(w): w
    for w in ["الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
}
_WEEKDAY_FORMS = frozenset(p + k for k in _WEEKDAYS for p in ("", "و", "ف"))


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


# Bump when stem(), the blocking keys or how they are written change: keys stored by an older
# linker are then rebuilt (claims/store/linking.py).
KEYS_FORMAT = 2  # 2: a figure given twice is one key
# The lexicons the blocking keys are made with (content stems, places, figures).
_KEY_LEXICONS = (
    "expressions",
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


class Keys(NamedTuple):
    """What blocking needs of a claim: its blocking keys and its content key (`Features` has
    both too). The store keeps the blocking keys of linked claims; `stored_keys` makes the
    rest from them without reading the claim again."""

    blocking: tuple[str, ...]
    key: str


def stored_keys(blocking: Sequence[str]) -> Keys:
    """The blocking of a claim from its stored blocking keys (content stems, `@` places and
    `#` figures)."""
    return Keys(tuple(blocking), _token_key(frozenset(k for k in blocking if _is_content(k))))


def _is_content(key: str) -> bool:
    return key[:1] not in "@#"


def stored_keys_numbered(held_by: dict[int, list[int]], spelled: dict[int, str]) -> dict[int, Keys]:
    """`stored_keys` of many claims whose keys are given as numbers (`spelled` gives each
    number's key): each key's character is looked up once, not once per claim that holds it
    (a new article's claims may meet a hundred thousand stored claims at a million)."""
    used = set(chain.from_iterable(held_by.values()))
    # a place or figure has no character: "" sorts first and joins to nothing
    char = {n: _token_char(key) if _is_content(key := spelled[n]) else "" for n in used}
    return {
        claim: Keys(
            tuple(map(spelled.__getitem__, numbers)),
            "".join(sorted(map(char.__getitem__, set(numbers)))),
        )
        for claim, numbers in held_by.items()
    }


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
    # says no one was hurt ('دون وقوع إصابات') and tells of no dead or wounded besides
    unharmed: bool = False

    def __reduce__(self) -> tuple[type[Features], tuple]:
        # pickled as its fields in order: the dataclass's own way sets them one by one, looking
        # its fields up for every object (a third of the time to read one back; linking a
        # store sends every claim's features to a worker process)
        return Features, _field_values(self)


_field_values = attrgetter(*(f.name for f in fields(Features)))


@cache
def _predicate_index() -> dict[str, tuple[tuple[int, int], ...]]:
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for n, (left, right, _label) in enumerate(_opposites()):
        for side, stems in enumerate((left, right)):
            for s in stems:
                if s and " " not in s:
                    index[s].append((n, side))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=WORD_CACHE)
def _word_predicates(word: str) -> frozenset[tuple[int, int]]:
    """Opposed-predicate sides a word carries: a lexicon stem at its start, after و/ف/ال and
    a verb prefix (ي/ت/ن/ا; 'يرتفع' is read as 'ارتفع'). After a stem of three letters at most
    SHORT_STEM_TAIL letters may follow (a suffix), so that 'أسر' is not read in
    'الإسرائيليين'."""
    index = _predicate_index()
    found: set[tuple[int, int]] = set()
    # a word with the article is a noun, no imperfect: 'التواصل' is keeping in touch, not 'واصل'
    noun = any(w.startswith(_ARTICLES) for w in _bare(word))
    if noun and not lexicon.word_class("named_bounds").isdisjoint(_bare(word)):
        return frozenset()  # 'الحد الأدنى للأجور' is no fall, 'المجلس الأعلى' no rise
    for w in _bare(word):
        # an imperfect read as its perfect: 'يفرج' -> 'أفرج', 'يرتفع' -> 'ارتفع'
        verb = perfect_readings(w) or (w[1:],)
        for v in (w, *verb) if w[:1] in ("ي", "ت", "ن", "ا") and not noun else (w,):
            for end in range(2, len(v) + 1):
                hit = index.get(v[:end])
                if hit and (end > 3 or len(v) - end <= SHORT_STEM_TAIL):
                    found.update(hit)
    return frozenset(found)


_ARTICLES = ("ال", "بال", "لل")
# Letters that may follow a predicate stem of three letters (سيطرت has no limit; أسرت does).
SHORT_STEM_TAIL = 3


def _predicates(words: list[str]) -> frozenset[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for w in words:
        found |= _word_predicates(w)
    return frozenset(found)


@lru_cache(maxsize=WORD_CACHE)
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


def _phrase_hits(words: list[str], negating: bool) -> list[tuple[int, int]]:
    """Where phrases of the negation lexicon stand: (first word, number of words)."""
    index = _phrase_index(negating)
    hits = []
    for i, w in enumerate(words):
        for first in (w, w[1:]) if w[:1] in ("و", "ف") else (w,):
            phrases = index.get(first)
            if phrases is None:  # most words open no phrase: no generator made for them
                continue
            found = next((p for p in phrases if tuple(words[i + 1 : i + len(p)]) == p[1:]), None)
            if found:
                hits.append((i, len(found)))
                break
    return hits


def not_negating_at(words: list[str]) -> frozenset[int]:
    """The places of the words inside phrases that only look like a negation ('لا يزال', 'إذا
    لم'): a particle there negates nothing."""
    return frozenset(i + k for i, n in _phrase_hits(words, negating=False) for k in range(n))


def negating_at(words: list[str], unharmed: frozenset[int] | None = None) -> list[int]:
    """The places of the negations of the lexicon in a statement's words ('لم', 'غير صحيح'),
    those inside a phrase that only looks like one ('لا يزال', 'إذا لم') left out, and those
    that say no one was hurt (`unharmed`: the words of such phrases, when already found)."""
    hits = _phrase_hits(words, negating=True)
    if not hits:  # most statements: no need to look for the phrases that only look like one
        return []
    # 'لم' of 'لم يسفر عن إصابات' says no one was hurt (`Features.unharmed`), no other denial
    excluded = not_negating_at(words) | (_unharmed_at(words) if unharmed is None else unharmed)
    return [i for i, _ in hits if i not in excluded]


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


@lru_cache(maxsize=WORD_CACHE)
def _content_stem(word: str) -> str | None:
    if len(word) < 2 or word in _stopwords() or word in _negation_words():
        return None
    synonyms = _synonyms()
    if word in synonyms:
        return synonyms[word]
    s = stem(word)
    if s in _stopwords() or len(s) < 2:
        return None
    return synonyms.get(s) or _imperfect_synonym(s) or s


IMPERFECT_PREFIXES = ("ي", "ت", "ن")


def perfect_readings(word: str) -> tuple[str, ...]:
    """A word read as an imperfect verb's perfect: its prefix off, and with the perfect's alif
    back in its place for the verbs of forms IV, VII, VIII and X ('يرتفع' -> 'رتفع', 'ارتفع';
    'يفرج' -> 'فرج', 'افرج'). None for a word of three letters or with no such prefix."""
    if len(word) > 3 and word[:1] in IMPERFECT_PREFIXES:
        return word[1:], "ا" + word[1:]
    return ()


def _imperfect_synonym(s: str) -> str | None:
    """The canonical word of an imperfect verb whose perfect is in the synonyms lexicon:
    'يعتقلون' is 'اعتقل', 'تقصف' is 'قصف'. Not a given name that opens like one ('ياسر' is no
    'أسر'), nor a weak verb, whose forms are other verbs as often ('تلقى' received, 'يلقي'
    throws: no 'لقي')."""
    if s[-1] == "ي" or s in _given_names():
        return None
    synonyms = _synonyms()
    return next((synonyms[v] for v in perfect_readings(s) if v in synonyms), None)


@cache
def _given_names() -> frozenset[str]:
    return frozenset(normalize(name) for line in lexicon.fields("first_names") for name in line)


@cache
def _negation_words() -> frozenset[str]:
    return frozenset(p[0] for p in _negation()[0])


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
    words = _as_expressions_read([t.norm for t in toks if t.number is None])
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


@cache
def _expressions() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """First word -> (phrase, what it is read as) of lexicon `expressions`, longest first."""
    found: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(list)
    for phrase, reading in lexicon.fields("expressions"):
        words = tuple(t.norm for t in tokens(phrase))
        found[words[0]].append((words, tuple(t.norm for t in tokens(reading))))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in found.items()}


def _as_expressions_read(words: list[str]) -> list[str]:
    """The words with each fixed expression in them read as the lexicon says: 'طائره من دون
    طيار' -> 'طائره درون'."""
    index = _expressions()
    if not index.keys() & set(words):
        return words  # most statements
    read: list[str] = []
    i = 0
    while i < len(words):
        phrase, reading = next(
            (e for e in index.get(words[i], ()) if tuple(words[i : i + len(e[0])]) == e[0]),
            ((words[i],), (words[i],)),
        )
        read.extend(reading)
        i += len(phrase)
    return read


def _blocking(read: _Read) -> tuple[str, ...]:
    """Blocking keys: content stems, places (named entities) and exact figures with their
    kind, each once (a key held twice would put the claim twice in its block: a pair of
    the claim with itself)."""
    figures = dict.fromkeys(f"#{q.low:g}:{_comparable_kind(q)}" for q in read.found if q.exact)
    return tuple(sorted(read.stems)) + tuple(f"@{p}" for p in sorted(read.places)) + tuple(figures)


# Statements whose features are kept (a few KB each).
FEATURES_KEPT = 65536


@lru_cache(maxsize=FEATURES_KEPT)
def features(text: str) -> Features:
    """The features of one statement."""
    read = _read(text)
    toks, words, keys, stems_f, places, covered, found = read
    digits = [t.norm for t in toks if t.number is not None]
    found_tokens = [t.norm for t in toks]
    said_unharmed = _unharmed_at(words)
    negated_at = negating_at(words, said_unharmed)
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
        glued=tuple(_unglued(s) for s in sorted(stems_f) if s[:1] in _GLUED) + _lam_merged(words),
        local=local or NONE,
        actors=_find_actors(words, keys) or NONE,
        counted=_counted_actors(text, found) if found else NONE,
        unharmed=bool(said_unharmed)
        and not _hurt_in(w for i, w in enumerate(words) if i not in said_unharmed)
        and not any(q.kind in HURT_KINDS for q in found),
    )


# Figures of these kinds count the dead or the wounded (claims.numbers).
HURT_KINDS = ("killed", "wounded")
# How many words may stand between a negator and a noun of the hurt, and how many of them may
# be other than words of occurrence (the subject, the place): 'لم يسفر القصف على دوما عن إصابات'.
UNHARMED_REACH = 10
UNHARMED_OTHERS = 4
# How far after 'اقتصرت' the word of material damage may stand: 'اقتصرت الخسائر على الأضرار المادية'.
RESTRICTOR_REACH = 4


@cache
def _unharmed_words() -> dict[str, frozenset[str]]:
    """The words of lexicon unharmed.txt by role (negator, occurrence, hurt), normalised."""
    roles: dict[str, set[str]] = defaultdict(set)
    for word, role in lexicon.fields("unharmed"):
        roles[role].add(normalize(word))
    return {role: frozenset(words) for role, words in roles.items()}


def _unharmed_at(words: list[str]) -> frozenset[int]:
    """The places of the words with which a statement says no one was hurt: a negator, a word
    of occurrence right after it (or the noun of the hurt itself), then the noun of the hurt
    within UNHARMED_REACH words ('لم يعرف عدد الضحايا' says nothing of the kind); or material
    damage told as all there was."""
    roles = _unharmed_words()
    occurrence, hurt = roles["occurrence"], roles["hurt"]
    spans = []
    for i, word in enumerate(words[:-1]):
        if _one_of(word, roles["restrictor"]):  # 'واقتصرت الخسائر على الأضرار المادية'
            material = next(
                (
                    j
                    for j in range(i + 1, min(len(words), i + 1 + RESTRICTOR_REACH))
                    if _one_of(words[j], roles["material"])
                ),
                None,
            )
            if material is not None:
                spans.append(range(i, material + 1))
            continue
        if not _one_of(word, roles["negator"]) or not _one_of(words[i + 1], occurrence | hurt):
            continue
        others = 0
        for j in range(i + 1, min(len(words), i + 1 + UNHARMED_REACH)):
            if _one_of(words[j], hurt):
                spans.append(range(i, j + 1))
                break
            others += not _one_of(words[j], occurrence)
            if others > UNHARMED_OTHERS:
                break
    return frozenset(i for span in spans for i in span)


def _one_of(word: str, words: frozenset[str]) -> bool:
    """Whether a word is one of these, as written or less a leading و or ف ('ودون')."""
    return word in words or (word[:1] in ("و", "ف") and word[1:] in words)


@cache
def _hurt_stems() -> frozenset[str]:
    """The content stems of the dead and the wounded: the canonical words of synonyms.txt that
    'مقتل', 'قتلى', 'استشهد', 'أصيب', 'جرحى' … read as."""
    return frozenset(s for s in map(_content_stem, (normalize("قتل"), normalize("جرح"))) if s)


def _hurt_in(words: Iterable[str]) -> bool:
    hurt = _hurt_stems()
    return any(_content_stem(w) in hurt for w in words)


def tells_hurt(f: Features) -> bool:
    """Whether a statement tells of dead or wounded."""
    return bool(f.stems & _hurt_stems()) or any(q.kind in HURT_KINDS for q in f.quantities)


def _lam_merged(words: list[str]) -> tuple[tuple[str, str], ...]:
    """For a word opening with 'لل', its stem read as the article's (للحرب: ل + الحرب) with the
    stem read as the word's own lam (لليرة: ل + الليرة, written with two lams): the stem
    'يره' may be 'لير' ('للبنان' is لبنان)."""
    return tuple(
        (s, alt)
        for w in words
        if w.startswith("لل") and len(w) > 4
        if (s := _content_stem(w)) and (alt := _content_stem(w[1:])) and alt != s
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


def _bare_all(words: Iterable[str]) -> Iterable[str]:
    for w in words:
        yield from _bare(w)


def _comparable_kind(q: Quantity) -> str:
    return q.kind or "-"

"""Places and armed actors: their lexicons (gazetteer.txt, place_heads.txt, actors.txt), where a
statement names them, and when the places or actors of two claims are other ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache

from claims import lexicon
from claims.arabic import WORD_CACHE, normalize, normalize_key
from claims.numbers import Quantity, tokens


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


@lru_cache(maxsize=WORD_CACHE)
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
        # most words open no actor's name: known from the cache, without the look-up
        hit = _actor_at(words, keys, i) if _actor_firsts(words[i]) else None
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


@cache
def _gazetteer_firsts() -> frozenset[str]:
    return frozenset(k[0] for k in _gazetteer())


@lru_cache(maxsize=WORD_CACHE)
def _place_key(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word

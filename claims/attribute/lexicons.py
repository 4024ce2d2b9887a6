"""The lexicons (`claims/lexicon/*.txt`), loaded once, in their matching forms."""

from __future__ import annotations

from functools import cache

from claims.arabic import normalize, normalize_key, strip_marks
from claims.lexicon import entries, fields

CONJUNCTIONS = ("و", "ف")


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
    return {
        normalize(form): verb[0]
        for lexicon in ("cues", "content_cues", "media_cues")
        for verb in fields(lexicon)
        for form in verb
    }


@cache
def _media_cues() -> frozenset[str]:
    """Lemmas of the verbs that report only with an outlet as subject ('ونشرت وكالة سانا …')."""
    return frozenset(verb[0] for verb in fields("media_cues"))


@cache
def _content_cues() -> frozenset[str]:
    """Lemmas of the verbs that report only with the content behind them ('وختم البيان بأن')."""
    return frozenset(verb[0] for verb in fields("content_cues"))


@cache
def _participles() -> frozenset[str]:
    """Every written form of a reporting verb's active participle ('مشيراً', 'مؤكدةً')."""
    return frozenset(normalize(form) for verb in fields("participles") for form in verb)


@cache
def _public_figures() -> frozenset[str]:
    """Surnames the news uses alone for one person (`people`), as name keys."""
    return frozenset(normalize_key(entry) for entry in entries("people"))


@cache
def _set(name: str) -> frozenset[str]:
    return frozenset(normalize(entry) for entry in entries(name))


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
def _outlet_max_words() -> int:
    """The most words of a known outlet's spelling."""
    return max(len(key) for key in _outlets())


@cache
def _aliases() -> dict[str, str]:
    return {normalize(short): full for short, full in fields("aliases")}


@cache
def _spelling_swaps() -> tuple[tuple[str, str], ...]:
    """Spellings of one word that writers use alike ('سوريا' / 'سورية'), normalised."""
    return tuple((normalize(one), normalize(other)) for one, other in fields("spellings"))


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


@cache
def _places() -> frozenset[str]:
    """One-word place names of the gazetteer, in every spelling it gives."""
    return frozenset(
        normalize(spelling)
        for entry in fields("gazetteer")
        for spelling in entry
        if not spelling.startswith(">") and " " not in spelling.strip()
    )


@cache
def _place_words() -> frozenset[str]:
    """Words that open a place's name ('محافظة', 'دير'): the place_heads lexicon."""
    return frozenset(normalize(entry[0]) for entry in fields("place_heads"))


@cache
def _number_words() -> frozenset[str]:
    """'أربعة', 'عشرات': the number words, which count an unnamed source ('أربعة مسؤولين')."""
    return frozenset(normalize(entry[0]) for entry in fields("number_words"))

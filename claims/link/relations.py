"""The relation of two statements (`compare_features`, `compare`): the rules' gates and analysis,
and for a pair that differs in a few words the fitted judge (`claims.judge`), its score and the
reasons that decided."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from claims.judge import (
    PAIR,
    WORD,
    JudgeModel,
    few_words_differ,
    load_model,
    told_again_as_headlines,
    verdict,
)
from claims.link.reading import Features, features
from claims.link.signals import (
    _analyse_pair,
    _Analysis,
    _denial_left_over,
    _gate,
    _judge_input,
    similarity,
    word_difference,
)

# Below this content similarity two statements are about different things.
RELATED = 0.42
# A corroboration needs this much; a conflict (figures, negation, opposed verbs) needs RELATED.
CORROBORATES = 0.5


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

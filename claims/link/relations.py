"""The relation of two statements (`compare_features`, `compare`): the rules' gates and analysis,
and for a pair that differs in a few words the fitted judge (`claims.judge`), its score and the
reasons that decided."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from claims.judge import (
    PAIR,
    REWRITTEN_REASON,
    WORD,
    JudgeModel,
    few_words_differ,
    load_model,
    strongest_reason,
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
    as_written,
    lone_negation,
    names_an_opposition,
    reasons_as_written,
    rest_told,
    roles_swapped,
    shared_content,
    similarity,
    similarity_reason,
    slot_told,
    tells_much_more,
    word_difference,
)

# Below this content similarity two statements are about different things.
RELATED = 0.42
# From here to RELATED, two statements sharing a content word are one subject told opposite ways
# when an opposed predicate of the lexicon stands between them.
OPPOSED_FROM = 0.25
# A corroboration needs this much; a conflict (figures, negation, opposed verbs) needs RELATED.
CORROBORATES = 0.5
# Under this, related only barely: agreeing figures alone make no corroboration, and a headline
# told again in other words is another story sharing a word and a place.
BARELY_RELATED = RELATED + 0.04
# A claim's fact is told with another slot only where the sentence tells this much of the
# rest of it (`rest_told`): three words in four of what was done, to whom and how many.
REST_TOLD = 0.75


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
    # a contradiction the judge read from the words changed alone, none naming an opposition
    unexplained: bool = False


def _reason(name: str, said: dict[str, str], found: _Analysis, a: Features, b: Features) -> str:
    """A deciding feature of the judge in words, its words as the statements write them."""
    kind, _, what = name.partition(":")
    if f"{kind}:" == WORD:
        return f"differing word {as_written(what, a, b)}"
    if f"{kind}:" == PAIR:
        return f"differing words {as_written(what.replace('|', '/'), a, b)}"
    if what in said:
        return as_written(said[what], a, b)
    if what in ("figures conflict", "negation on one side", "opposed predicate") and found.contra:
        return found.contra[0]
    if what == "figures agree" and found.agreements:
        return found.agreements[0]
    if what.startswith("leftover "):
        fewer, more = what.removeprefix("leftover ").split("-")
        return f"{fewer} word(s) against {more} differ"
    return what


def _rewritten_headlines(a: Features, b: Features, sim: float) -> bool:
    """Whether two statements are headlines told again in other words that the judge reads:
    both headline-sized (`told_again_as_headlines`), more than barely related (less is another
    story sharing a word and a place: 'ارتفع سعر صرف الدولار في دمشق' / 'ارتفع عدد الإصابات
    بكورونا في دمشق'; ANS dev 0.748 at CORROBORATES, 0.752 here), and no figure on one side that the other's can be
    (the one fact a reader can check agrees, whatever the words around it: 'نزح أكثر من 200
    ألف شخص' / 'نحو 250 ألف مدني نزحوا'; in ANS train 7 such rewordings agree, 11 disagree)."""
    return (
        told_again_as_headlines(a.norm.split(), b.norm.split())
        and sim >= BARELY_RELATED
        and not any(qa.overlaps(qb) for qa in a.quantities for qb in b.quantities)
    )


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
    short, long = (b, a) if tells_much_more(a, b) else (a, b)
    claim_against_sentence = tells_much_more(long, short)
    if gate and claim_against_sentence and slot_told(short, long):
        gate = None  # a sentence that names the claim's places and actors, and others besides
    if (
        gate
        and claim_against_sentence
        and sim >= BARELY_RELATED
        and rest_told(short, long) >= REST_TOLD
    ):
        # a claim against a sentence that tells its fact with another place, date or actor:
        # the fact checked, altered in one slot (a sentence of another event of the same war
        # shares its places and actors, not what was done: 'سيطرت … على محروثة' / 'مستمرة في
        # تقدمها باتجاه أم رمم')
        return Comparison(
            relation=Relation.contradicts,
            score=sim,
            reasons=[similarity_reason(sim), f"the claim's fact told with another slot: {gate}"],
        )
    if gate:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=[gate])
    if (
        OPPOSED_FROM <= sim < RELATED
        and a.stems & b.stems
        and told_again_as_headlines(a.norm.split(), b.norm.split())
    ):
        # two headlines of one subject in few shared words, one the other's opposite ('الدولار
        # يصل لأعلى مستوى' / 'الدولار يهبط لأدنى مستوياته'): in ANS train 29 such pairs
        # disagree, none agrees; a longer sentence shares a word and an opposite with many a
        # claim it says nothing of
        found = _analyse_pair(a, b, sim)
        if found.signals["opposed predicate"]:
            return Comparison(
                relation=Relation.contradicts, score=sim, reasons=found.reasons + found.contra
            )
    if sim < RELATED:
        return Comparison(
            relation=Relation.unrelated,
            score=sim,
            reasons=[similarity_reason(sim), shared_content(a, b)],
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
    # are headline-sized (`_rewritten_headlines`) with a threshold of its own, and only when a
    # word or signal of the pair pushes towards a contradiction (`strongest_reason`): ANS's
    # contradictions are mostly headlines rewritten, the team's corroborations told in other
    # words differ in as many words but in none that speaks against the other.
    negation = lone_negation(a, b, difference)
    if negation:
        return Comparison(
            relation=Relation.contradicts,
            score=sim,
            reasons=[*reasons, f"all that one adds to the other is a negation: {negation}"],
        )
    model = model or load_model()
    few = few_words_differ(difference) or _denial_left_over(a, b, difference)
    if few or _rewritten_headlines(a, b, sim):
        told_with_more = not told_again_as_headlines(a.norm.split(), b.norm.split())
        judged = _judge_input(a, b, found, None, difference)
        threshold = model.threshold if few else model.rewritten_threshold
        contradiction, deciding = verdict(judged.features, model, threshold=threshold)
        if (
            contradiction >= threshold
            and not found.signals["negated opposite agrees"]
            and (few or strongest_reason(judged.features, model) >= REWRITTEN_REASON)
            # against a sentence longer than a headline, the words it adds are no change: only
            # an opposition named in the words decides ('زودت ... خلال الأيام الماضية' is the
            # claim 'تزود' told with more, not its opposite)
            and not (told_with_more and not any(names_an_opposition(n) for n, _ in deciding))
        ):
            said = "; ".join(
                dict.fromkeys(_reason(n, judged.said, found, a, b) for n, _ in deciding)
            )
            # a verdict no deciding feature explains is said to be one: a reviewer reading
            # 'differing word دولار' alone would look for an opposition that is not there
            grounds = (
                ""
                if any(names_an_opposition(n) for n, _ in deciding)
                else ", from the words changed alone, none opposed to the other's"
            )
            return Comparison(
                relation=Relation.contradicts,
                score=sim,
                reasons=[
                    *reasons,
                    f"judged a contradiction ({contradiction:.2f}){grounds}: {said}",
                ],
                unexplained=bool(grounds),
            )
    if sim < CORROBORATES and not agreements:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=reasons)
    if sim < CORROBORATES and agreements and sim < BARELY_RELATED:
        return Comparison(relation=Relation.unrelated, score=sim, reasons=reasons)
    # read last, for the pairs that would corroborate: who did it to whom exchanged
    swapped = roles_swapped(a.norm, b.norm)
    if swapped:
        return Comparison(relation=Relation.contradicts, score=sim, reasons=[*reasons, swapped])
    return Comparison(relation=Relation.corroborates, score=sim, reasons=reasons + agreements)


def compare(a: str, b: str) -> Comparison:
    """The relation of two statements: corroborates, contradicts or unrelated, the reasons
    quoting their words as written."""
    found = compare_features(features(a), features(b))
    return found._replace(reasons=reasons_as_written(found.reasons, a, b))

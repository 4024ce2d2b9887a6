"""A fact-checker's claim against a sentence of an article: the linker's judgement when one
statement is short and the other tells much more."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claims.link import Relation, compare
from tests.evidence_sets import REALDEV_PAGES, f1_per_relation, realdev_pairs

EVIDENCE = Path(__file__).parent / "data" / "evidence_pairs.csv"
EVIDENCE_BLIND = Path(__file__).parent / "data" / "evidence2_pairs.csv"


# Scored once before any change made for it (macro-F1 0.752; contradicts F1 0.588), then the
# rules were improved on its error groups (now 0.825 and 0.735): these floors, a little under
# what the linker does now, guard against regressions only.
MACRO_FLOOR = 0.8
CONTRADICTS_FLOOR = 0.7


def test_claims_against_evidence_sentences():
    rows = list(csv.DictReader(EVIDENCE.open(encoding="utf-8")))
    assert len(rows) >= 150
    f1 = f1_per_relation(rows)
    print({rel: round(f, 3) for rel, f in f1.items()})
    assert sum(f1.values()) / len(f1) >= MACRO_FLOOR, f1
    assert f1["contradicts"] >= CONTRADICTS_FLOOR, f1


# Written blind (the judge's code unread, the judge not run until all 240 pairs were committed) and
# scored once: macro-F1 0.730, contradicts F1 0.632 (the judge branch then: 0.739 / 0.642). No rule
# has been tuned on it; the floors sit a little under that first score.
BLIND_MACRO_FLOOR = 0.71
BLIND_CONTRADICTS_FLOOR = 0.6


def test_claims_against_evidence_sentences_written_blind():
    rows = list(csv.DictReader(EVIDENCE_BLIND.open(encoding="utf-8")))
    assert len(rows) == 240
    f1 = f1_per_relation(rows)
    print({rel: round(f, 3) for rel, f in f1.items()})
    assert sum(f1.values()) / len(f1) >= BLIND_MACRO_FLOOR, f1
    assert f1["contradicts"] >= BLIND_CONTRADICTS_FLOOR, f1


# Claims against evidence sentences of real pages (tests/data/realdev_evidence_pairs.csv, which
# points into ../shared/realdev/text; the rules it was written by are in the notes beside it).
# Written and committed before the judge's code was read or run on it, then scored once
# (bench/bench_evidence.py): dev 185 pairs, macro-F1 0.738, contradicts F1 0.608 (P 0.889,
# R 0.462); blind 128 pairs, macro-F1 0.742, contradicts F1 0.571 (P 0.762, R 0.457). Only the
# dev split's errors may be read; nothing has been tuned on either. The floors sit a little under
# that first run.
REALDEV_FLOORS = {"dev": (0.72, 0.58), "blind": (0.72, 0.55)}
needs_realdev = pytest.mark.skipif(
    not REALDEV_PAGES.is_dir(), reason="../shared/realdev is not beside the checkout"
)


@needs_realdev
def test_every_realdev_pair_points_at_the_sentence_it_was_written_on():
    rows = realdev_pairs()  # reads each page, checks each digest; fails naming the line
    assert len(rows) >= 250
    assert {row["split"] for row in rows} == set(REALDEV_FLOORS)
    pages = {
        split: {row["page"] for row in rows if row["split"] == split} for split in REALDEV_FLOORS
    }
    assert not pages["dev"] & pages["blind"]
    assert all(row["claim"] not in row["s2"] for row in rows)


@needs_realdev
@pytest.mark.parametrize("split", sorted(REALDEV_FLOORS))
def test_claims_against_sentences_of_real_pages(split):
    rows = [row for row in realdev_pairs() if row["split"] == split]
    f1 = f1_per_relation(rows)
    print(split, {rel: round(f, 3) for rel, f in f1.items()})
    macro_floor, contradicts_floor = REALDEV_FLOORS[split]
    assert sum(f1.values()) / len(f1) >= macro_floor, f1
    assert f1["contradicts"] >= contradicts_floor, f1


def both_ways(a: str, b: str) -> list[Relation]:
    return [compare(a, b).relation, compare(b, a).relation]


def test_a_particle_about_something_else_in_a_long_sentence_is_no_negation_of_the_claim():
    claim = "الجيش يسيطر على بلدة مورك بريف حماة"
    evidence = (
        "قال مصدر عسكري إن وحدات الجيش سيطرت على بلدة مورك في ريف حماة الشمالي بعد معارك "
        "عنيفة مع الفصائل، ولم تسجل أي إصابات بين المدنيين في القرى المجاورة للبلدة"
    )
    assert both_ways(claim, evidence) == [Relation.corroborates] * 2


def test_a_particle_on_the_claims_words_in_a_long_sentence_negates_it():
    claim = "القوات الروسية انسحبت من مطار القامشلي"
    evidence = (
        "وقال مسؤول محلي في حديث لوسائل إعلام كردية إن القوات الروسية لم تنسحب من مطار "
        "القامشلي، وإن الدوريات المشتركة مستمرة على الطريق الدولي منذ مطلع الأسبوع الماضي"
    )
    assert both_ways(claim, evidence) == [Relation.contradicts] * 2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two headlines of about one length: a particle negates the whole statement
        ("روسيا: لا أدلة على هجوم كيماوي في دوما", "هجوم كيماوي في دوما"),
        ("الهدنة لا تشمل ريف حمص الشمالي", "الهدنة تشمل ريف حمص الشمالي"),
    ],
)
def test_in_statements_of_about_one_length_a_particle_negates_the_whole(a, b):
    assert both_ways(a, b) == [Relation.contradicts] * 2


# Each pair: two statements of opposed outcomes, then a near miss that tells the same in other
# words (opposites.txt: repelled / captured, cut / restored, reinforced / withdrew, open /
# closed; an imperfect of form IV, 'يفرج', read as 'أفرج').
OPPOSED_OUTCOMES = [
    (
        "أحبطت قوات النظام هجوماً للتنظيم على مطار التيفور",
        "سيطر التنظيم على مطار التيفور",
        "تصدت قوات النظام لهجوم التنظيم على مطار التيفور",
    ),
    (
        "قطعت السلطات الكهرباء عن مدينة السويداء",
        "أعادت السلطات الكهرباء إلى مدينة السويداء",
        "قطع التيار الكهربائي عن مدينة السويداء",
    ),
    (
        "تعزز القوات التركية نقاطها في ريف إدلب",
        "تسحب القوات التركية نقاطها من ريف إدلب",
        "دفعت القوات التركية بتعزيزات إلى نقاطها في ريف إدلب",
    ),
    (
        "الأردن يفتح معبر جابر أمام الشاحنات",
        "معبر جابر مغلق أمام الشاحنات",
        "افتتح الأردن معبر جابر أمام حركة الشاحنات",
    ),
    (
        "الأمن العسكري يفرج عن ثلاثة شبان في جاسم",
        "اعتقل الأمن العسكري ثلاثة شبان في جاسم",
        "أفرج الأمن العسكري عن ثلاثة شبان من جاسم",
    ),
    (
        "أسعار الذهب تهوي في الأسواق المحلية",
        "أسعار الذهب ترتفع في الأسواق المحلية",
        "هبوط أسعار الذهب في الأسواق المحلية",
    ),
    (
        "نسبة المشاركة في الانتخابات البلدية تتدنى",
        "نسبة المشاركة في الانتخابات البلدية تزيد",
        "انخفاض نسبة المشاركة في الانتخابات البلدية",
    ),
    (
        "عقد اجتماع سري بين الوفدين في عمّان",
        "عقد اجتماع علني بين الوفدين في عمّان",
        "اجتماع سري جمع الوفدين في عمّان",
    ),
    (
        "العاصفة تقترب من سواحل اللاذقية",
        "العاصفة تبتعد عن سواحل اللاذقية",
        "اقتراب العاصفة من سواحل اللاذقية",
    ),
    (
        "الحكومة تبيع القمح للتجار بغير الدولار",
        "الحكومة تبيع القمح للتجار بالدولار",
        "الحكومة تبيع القمح للتجار بعملة غير الدولار",
    ),
]


@pytest.mark.parametrize(("claim", "opposite", "reworded"), OPPOSED_OUTCOMES)
def test_opposed_outcomes_contradict_and_rewordings_corroborate(claim, opposite, reworded):
    assert both_ways(claim, opposite) == [Relation.contradicts] * 2
    assert both_ways(claim, reworded) == [Relation.corroborates] * 2


def test_figures_of_the_dead_and_of_the_captured_are_other_facts():
    dead = "مقتل 30 عنصراً من قوات النظام في معارك ريف حماة"
    assert (
        both_ways(dead, "أسرت الفصائل 3 عناصر من قوات النظام في معارك ريف حماة")
        == [Relation.unrelated] * 2
    )
    # the same event with another figure is still a conflict
    assert (
        both_ways(dead, "مقتل 3 عناصر من قوات النظام في معارك ريف حماة")
        == [Relation.contradicts] * 2
    )


@pytest.mark.parametrize(
    ("claim", "sentence", "relation"),
    [
        # a vague figure against the sentence's figure, told just after the death
        (
            "مقتل العشرات في تفجير سيارة مفخخة بإدلب",
            "قتل 28 شخصاً في تفجير سيارة مفخخة بإدلب",
            Relation.corroborates,
        ),
        (
            "مقتل العشرات في تفجير سيارة مفخخة بإدلب",
            "قتل 3 أشخاص في تفجير سيارة مفخخة بإدلب",
            Relation.contradicts,
        ),
        # a tally's figure counts the noun told before it
        (
            "عدد النازحين في المخيم يتجاوز 11 ألفاً",
            "بلغ عدد النازحين في المخيم 11300 نازح",
            Relation.corroborates,
        ),
    ],
)
def test_figures_counted_by_the_words_before_them(claim, sentence, relation):
    assert both_ways(claim, sentence) == [relation, relation]


# A long sentence of the kind an article prints: the claims below are checked against it.
LONG = (
    "وقال ناشطون من المنطقة إن سبعة مدنيين بينهم طفلان قتلوا صباح اليوم جراء غارات شنها "
    "سلاح الجو الروسي على بلدة كفرنبل في ريف إدلب الجنوبي، فيما أصيب آخرون بجروح ونقلوا إلى "
    "مشفى قريب في بلدة حاس."
)


@pytest.mark.parametrize(
    ("claim", "relation"),
    [
        # the fact told with another place or actor in the claim's place: what a false claim is
        ("مقتل سبعة مدنيين بغارات روسية على بلدة سرمين", Relation.contradicts),
        ("مقتل سبعة مدنيين بغارات لطيران النظام على كفرنبل", Relation.contradicts),
        # the sentence names the claim's place and actor in its own words, and others besides
        ("مقتل سبعة مدنيين بغارات روسية على كفرنبل", Relation.corroborates),
        # another story of the same war shares too little to be checked against it
        ("قوات النظام تسيطر على قرية في ريف حلب الشمالي", Relation.unrelated),
    ],
)
def test_a_claim_against_a_sentence_that_tells_more(claim, relation):
    assert both_ways(claim, LONG) == [relation, relation]


def test_two_short_statements_of_other_places_stay_other_events():
    """What a claim checked against a long sentence reads as an altered slot, two headlines of
    one length read as two events."""
    a = "مقتل سبعة مدنيين بغارات روسية على بلدة كفرنبل"
    b = "مقتل سبعة مدنيين بغارات روسية على بلدة سرمين"
    assert both_ways(a, b) == [Relation.unrelated, Relation.unrelated]


@pytest.mark.parametrize(
    ("claim", "sentence", "relation"),
    [
        # a denial denied ('لم ينفِ') is no denial: against a denial, it contradicts
        (
            "نفى المتحدث مقتل القيادي في الغارة",
            "لم ينفِ المتحدث مقتل القيادي في الغارة",
            Relation.contradicts,
        ),
        # praise against criticism, with the weak verb's imperfect 'يشيد'
        (
            "الوزير يشيد بخطة الحكومة الجديدة للكهرباء",
            "الوزير ينتقد خطة الحكومة الجديدة للكهرباء",
            Relation.contradicts,
        ),
        # another year in a sentence that names the claim's place and actor: a date altered
        (
            "قوات النظام تحاصر بلدة مضايا منذ 2015",
            "وتحاصر قوات النظام السوري بلدة مضايا في ريف دمشق الغربي منذ عام 2013، ولم تدخلها أي "
            "قافلة مساعدات منذ أشهر بحسب ناشطين من البلدة تحدثوا لوسائل إعلام محلية.",
            Relation.contradicts,
        ),
    ],
)
def test_denials_praise_and_dates_read_in_their_forms(claim, sentence, relation):
    assert both_ways(claim, sentence) == [relation, relation]


@pytest.mark.parametrize(
    ("claim", "sentence", "relation"),
    [
        # 'لم نلتقِ مطلقاً بأي ممثل': the particle bears on the meeting and the representative,
        # 'مطلقاً' only stresses it
        (
            "وفد المعارضة التقى ممثلين عن الحكومة خلال جولة المحادثات",
            "وقال المتحدث باسم وفد المعارضة في مؤتمر صحفي عقده مساء أمس إن الوسطاء نقلوا "
            'الرسائل بين الطرفين، "ولم نلتقِ مطلقاً بأي ممثل عن الحكومة أو حلفائها".',
            Relation.contradicts,
        ),
        # a sentence longer than a headline leaves many words over against a claim: the
        # judge's weights for the shape of that difference (fitted on headlines) decide nothing
        (
            "تركيا تزود فصائل حلب بصواريخ مضادة للدروع",
            'ونقلت وكالة "الأناضول" عن قائد في المعارضة أن تركيا زودت الفصائل بصواريخ مضادة '
            "للدروع خلال الأسابيع الماضية.",
            Relation.corroborates,
        ),
    ],
)
def test_a_claim_against_a_longer_sentence_is_read_in_the_words_that_decide(
    claim, sentence, relation
):
    assert both_ways(claim, sentence) == [relation, relation]


def test_another_event_of_the_same_war_is_no_slot_altered():
    """A sentence that shares the claim's actor and region but not what was done (an advance
    elsewhere, not the capture) does not tell the claim's fact with another place."""
    claim = "سيطرت فصائل المعارضة على بلدة اللطامنة في ريف حماة"
    elsewhere = (
        "وما تزال فصائل المعارضة مستمرة في تقدمها باتجاه بلدة كفرزيتا في ريف حماة الشمالي ضمن "
        "معارك المنطقة الوسطى"
    )
    other_actor = (
        "وقال ناشطون من المنطقة إن قوات النظام سيطرت صباح اليوم على بلدة اللطامنة في ريف "
        "حماة الشمالي بعد معارك عنيفة استمرت عدة أيام"
    )
    assert Relation.contradicts not in both_ways(claim, elsewhere)
    assert both_ways(claim, other_actor) == [Relation.contradicts, Relation.contradicts]

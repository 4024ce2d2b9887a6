"""The judge: words aligned after light stemming, the signals read in what is left over, the
fitted weights and their reproduction from ANS."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.judge import (
    REWRITTEN_REASON,
    Difference,
    JudgeModel,
    align,
    few_words_differ,
    load_model,
    strongest_reason,
    told_again_as_headlines,
    verdict,
    word_forms,
)
from claims.link import (
    Relation,
    compare,
    compare_features,
    features,
    judge_features,
    word_difference,
)
from claims.link.relations import _rewritten_headlines
from claims.link.signals import _imperfect_verb, similarity
from tests.pairs import both_ways

ANS = Path(__file__).resolve().parents[2] / "shared" / "stance" / "ans"
needs_ans = pytest.mark.skipif(not (ANS / "dev.csv").exists(), reason="no ../shared/stance/ans")
# Issue 9's bar for the shipped judge on ANS dev (macro-F1 over agree/disagree; 0.802 now).
DEV_FLOOR = 0.80
# The honest estimate (`python -m claims.train_judge --folds 5`: 0.746 on 2026-12-07): dev chose
# the thresholds, so dev's figure flatters the judge.
OUT_OF_FOLD_FLOOR = 0.74


def signals(a: str, b: str) -> set[str]:
    return {n for n in judge_features(features(a), features(b)) if n.startswith("s:")}


def differing(a: str, b: str) -> set[str]:
    """The judge's features of the words left over on either side."""
    return {n for n in judge_features(features(a), features(b)) if n.startswith("w:")}


def test_light_stemming_takes_off_clitics_and_pronoun_suffixes():
    assert "قصف" in word_forms("وبقصفها")
    assert "طاير" in word_forms("للطايرات") or "طايرات" in word_forms("للطايرات")
    assert align(["الحكومه", "ترفض", "الاتفاق"], ["وحكومتها", "ترفض", "اتفاقا"]).coverage == 1.0


def test_other_forms_of_a_word_are_aligned_not_left_over():
    found = align(["مستثمرين", "مطمينين"], ["المستثمرون", "مطمينون"])
    assert found.only_a == found.only_b == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ارتفاع كبير في أسعار القمح هذا الشهر", "هبوط كبير في أسعار القمح هذا الشهر"),
        ("هبوط كبير في أسعار القمح هذا الشهر", "ارتفاع كبير في أسعار القمح هذا الشهر"),
    ],
)
def test_opposed_words_are_read_both_ways(a, b):
    assert "s:opposed words" in signals(a, b)


def test_a_near_miss_without_opposed_words():
    a, b = "ارتفاع كبير في أسعار القمح هذا الشهر", "ارتفاع ملحوظ في أسعار القمح هذا الشهر"
    assert "s:opposed words" not in signals(a, b)
    assert compare(a, b).relation is not Relation.contradicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("المنتخب الوطني مستعد للمباراة النهائية", "المنتخب الوطني غير مستعد للمباراة النهائية"),
        ("المنتخب الوطني غير مستعد للمباراة النهائية", "المنتخب الوطني مستعد للمباراة النهائية"),
    ],
)
def test_negation_on_one_side_is_read_both_ways(a, b):
    assert "s:negation left over" in signals(a, b)
    # 'غير' alone, with nothing else changed, weighs too little in the ANS fit to decide
    assert compare(a, b).relation is compare(b, a).relation


def test_negation_on_one_side_decides_with_another_change():
    a = "إسرائيل غير مدربة على التعامل مع منظومة الدفاع الجوي"
    b = "تدربت إسرائيل على التعامل مع منظومة الدفاع الجوي"
    for one, other in ((a, b), (b, a)):
        found = compare(one, other)
        assert found.relation is Relation.contradicts
        assert any("negation on one side: غير" in r for r in found.reasons)


def test_negation_on_both_sides_is_no_signal():
    a = "المنتخب الوطني غير مستعد للمباراة النهائية"
    b = "المنتخب الوطني غير جاهز للمباراة النهائية"
    assert "s:negation left over" not in signals(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("بيعت اللوحة في المزاد بمبلغ 165 ألف دولار", "بيعت اللوحة في المزاد بمبلغ 900 ألف دولار"),
        ("بيعت اللوحة في المزاد بمبلغ 900 ألف دولار", "بيعت اللوحة في المزاد بمبلغ 165 ألف دولار"),
    ],
)
def test_another_figure_in_the_same_place_is_read_both_ways(a, b):
    assert "s:other figure" in signals(a, b)
    assert compare(a, b).relation is Relation.contradicts


def test_the_same_figure_is_no_other_figure():
    a = "بيعت اللوحة في المزاد بمبلغ 165 ألف دولار"
    b = "بيعت اللوحة بمبلغ 165 ألف دولار في المزاد"
    assert "s:other figure" not in signals(a, b)
    assert compare(a, b).relation is Relation.corroborates


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("سعر الذهب يرتفع في الأسواق العالمية اليوم", "سعر الذهب يهبط في الأسواق العالمية اليوم"),
        ("سعر الذهب يهبط في الأسواق العالمية اليوم", "سعر الذهب يرتفع في الأسواق العالمية اليوم"),
        ("القوات تنسحب من أطراف البلدة بعد المعارك", "القوات تسيطر على أطراف البلدة بعد المعارك"),
    ],
)
def test_an_imperfect_verb_of_forms_vii_and_viii_is_read_as_its_perfect(a, b):
    # 'يرتفع' is 'ارتفع', 'تنسحب' is 'انسحب': the alif of the perfect is back after the prefix
    found = compare(a, b)
    assert found.relation is Relation.contradicts
    assert any("opposed" in r for r in found.reasons)


def test_an_imperfect_verb_of_the_same_sense_is_no_opposition():
    a, b = "سعر الذهب يرتفع في الأسواق العالمية اليوم", "سعر الذهب يصعد في الأسواق العالمية اليوم"
    assert compare(a, b).relation is Relation.corroborates
    # a word that merely opens like a verb form is not read as one ('اسرائيل', 'تقرير')
    assert "s:opposed words" not in signals("تقرير عن إسرائيل اليوم", "تقرير عن إسرائيل أمس")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("الدولار يصل لأعلى مستوى منذ شهرين", "الدولار يصل لأدنى مستوى منذ شهرين"),
        ("الدولار يصل لأدنى مستوى منذ شهرين", "الدولار يصل لأعلى مستوى منذ شهرين"),
    ],
)
def test_a_glued_lam_is_taken_off_before_the_opposites(a, b):
    assert compare(a, b).relation is Relation.contradicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("البرلمان يقر مقترح الحكومة لدعم المزارعين", "البرلمان يرفض مقترح الحكومة لدعم المزارعين"),
        ("البرلمان يرفض مقترح الحكومة لدعم المزارعين", "البرلمان يقر مقترح الحكومة لدعم المزارعين"),
        ("الشركة تحصل على عقد تصدير الغاز", "الشركة تفشل في الحصول على عقد تصدير الغاز"),
        ("الشركة تفشل في الحصول على عقد تصدير الغاز", "الشركة تحصل على عقد تصدير الغاز"),
    ],
)
def test_a_denial_on_one_side_is_read_both_ways(a, b):
    assert "s:denial left over" in signals(a, b)
    found = compare(a, b)
    assert found.relation is compare(b, a).relation is Relation.contradicts
    assert any("denial on one side" in r for r in found.reasons)


def test_a_denial_on_both_sides_is_no_signal():
    a = "البرلمان يرفض مقترح الحكومة لدعم المزارعين"
    b = "البرلمان رفض مقترح الحكومة لدعم المزارعين"
    assert "s:denial left over" not in signals(a, b)
    assert compare(a, b).relation is Relation.corroborates
    # one refusal told with emphasis ('رفضا قاطعا' left over) against the refusal alone, both ways
    emphatic = "الحكومة ترفض رفضا قاطعا أي تفاوض مع المعارضة"
    plain = "الحكومة ترفض أي تفاوض مع المعارضة"
    assert "s:denial left over" not in signals(emphatic, plain)
    assert compare(emphatic, plain).relation is compare(plain, emphatic).relation
    assert compare(emphatic, plain).relation is Relation.corroborates
    # near miss: the emphasis against a statement that refuses nothing is still a denial
    assert "s:denial left over" in signals(emphatic, "الحكومة تقبل أي تفاوض مع المعارضة")
    # near miss: a word that opens like a denial stem ('تخليد' is not 'تخلى')
    assert "s:denial left over" not in signals(
        "تخليد ذكرى الشهداء في المدينة", "ذكرى الشهداء في المدينة"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وزارة الخارجية تعلن دراسة المقترح الأممي لحماية المدنيين في المدينة المحاصرة",
            "رفض المقترح الأممي لحماية المدنيين",
        ),
        (
            "رفض المقترح الأممي لحماية المدنيين",
            "وزارة الخارجية تعلن دراسة المقترح الأممي لحماية المدنيين في المدينة المحاصرة",
        ),
    ],
)
def test_a_denial_decides_in_a_sentence_told_again_in_other_words(a, b):
    # more than three words differ a side: only a denial lets the judge speak ('دراسة'; an
    # acceptance, 'قبول', the opposites read against 'رفض' before the judge)
    found = compare(a, b)
    assert found.relation is Relation.contradicts
    assert any("denial on one side: رفض" in r for r in found.reasons)


def test_a_sentence_told_again_without_a_denial_is_not_judged():
    a = "وزارة الخارجية تعلن قبول المقترح الأممي لحماية المدنيين في المدينة المحاصرة"
    b = "قبول المقترح الأممي لحماية المدنيين"
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


def test_a_phrase_that_only_looks_like_a_negation_leaves_no_negation_over():
    # 'ما لا يقل عن' is 'at least': no negation, and 30 at least agrees with 35
    a = "قتل ما لا يقل عن 30 مدنيا في الغارات على الغوطة الشرقية"
    b = "قتل 35 مدنيا في الغارات على الغوطة الشرقية"
    assert "s:negation left over" not in signals(a, b)
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أعلنت الفصائل إنهاء وجود التنظيم في المحافظة", "التنظيم لا يزال موجودا في المحافظة"),
        ("التنظيم لا يزال موجودا في المحافظة", "أعلنت الفصائل إنهاء وجود التنظيم في المحافظة"),
    ],
)
def test_still_there_is_opposed_to_an_end(a, b):
    assert compare(a, b).relation is Relation.contradicts


OPPOSITES_FROM_ANS = [
    ("إنتاج المصنع مرتفع هذا العام", "إنتاج المصنع منخفض هذا العام"),
    ("الحكومة تؤجل الانتخابات البلدية في المحافظة", "الحكومة تباشر الانتخابات البلدية في المحافظة"),
    ("النائب مناصر لسياسة الحكومة الجديدة", "النائب مناهض لسياسة الحكومة الجديدة"),
    ("المحكمة تقرر إسقاط الجنسية عن الناشط", "المحكمة تقرر إبقاء الجنسية للناشط"),
    # the perfect only: 'يشيد' is also 'builds'
    ("أشاد الوزير بسياسة البنك المركزي", "انتقد الوزير سياسة البنك المركزي"),
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # 'تهويد' opens like 'تهوي' (falls), 'من أجل' like 'أجل' (postpone): neither is listed
        ("الحكومة تواصل تهويد القدس", "الحكومة تواصل تهويد المدينة القديمة في القدس"),
        ("اجتماع من أجل بدء المفاوضات", "اجتماع من أجل بدء المفاوضات بين الطرفين"),
        ("الإنتاج مرتفع هذا العام", "الإنتاج مرتفع جدا هذا العام"),
    ],
)
def test_near_misses_of_the_new_opposites_corroborate(a, b):
    assert compare(a, b).relation is Relation.corroborates


# Mined from ANS train (`python -m claims.train_judge --mine`: words swapped in their slot in
# contradictions, never in agreements) and kept where they are opposites in general.
OPPOSITES_MINED = [
    ("البرلمان يصادق على مشروع الموازنة الجديدة", "البرلمان يرفض مشروع الموازنة الجديدة"),
    ("الحكومة تزيد أسعار الخبز في المحافظة", "الحكومة تخفض أسعار الخبز في المحافظة"),
    ("الشركة تقلص عدد موظفيها هذا العام", "الشركة تزيد عدد موظفيها هذا العام"),
    ("الاقتصاد المحلي يتعافى بعد أزمة الوقود", "الاقتصاد المحلي يتفاقم بعد أزمة الوقود"),
    ("الوزارة ترحب بقرار مجلس الأمن الجديد", "الوزارة تحذر من قرار مجلس الأمن الجديد"),
    ("نتائج إيجابية لتجربة الدواء الجديد", "نتائج سلبية لتجربة الدواء الجديد"),
    ("حضور وزير الخارجية اجتماع الجامعة العربية", "غياب وزير الخارجية عن اجتماع الجامعة العربية"),
    ("الخدمة العسكرية إجبارية للشباب في البلاد", "الخدمة العسكرية اختيارية للشباب في البلاد"),
    ("عودة طوعية للاجئين إلى القرى الحدودية", "عودة قسرية للاجئين إلى القرى الحدودية"),
    ("التجار قلقون من أسعار الصرف", "التجار واثقون من أسعار الصرف"),
]


# Read in ANS dev's contradictions judged corroborations, kept where they hold in general.
OPPOSITES_READ_IN_DEV = [
    ("أجرى وزير الخارجية مقابلة مع قناة روسية", "ألغى وزير الخارجية مقابلة مع قناة روسية"),
    ("اختطف مسلحون عمال الإغاثة في ريف درعا", "أفرج مسلحون عن عمال الإغاثة في ريف درعا"),
    ("المغني يعلن خطوبته على الممثلة المصرية", "المغني يعلن انفصاله عن الممثلة المصرية"),
    # a peak against a fall, a rise against a trough ('أعلى' / 'أدنى' on two entries)
    ("صعود أسعار النفط جراء الأزمة في الخليج", "أسعار النفط لأدنى مستوياتها جراء الأزمة في الخليج"),
    ("الليرة التركية تسجل أعلى مستوى لها أمام الدولار", "هبوط الليرة التركية أمام الدولار"),
]


OPPOSITES = OPPOSITES_FROM_ANS + OPPOSITES_MINED + OPPOSITES_READ_IN_DEV


@pytest.mark.parametrize(("a", "b"), both_ways(OPPOSITES))
def test_opposites_read_or_mined_from_ans_contradict_both_ways(a, b):
    assert compare(a, b).relation is Relation.contradicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one side of an entry on both, or a word that only opens like one ('حضري' is urban)
        ("حضور جماهيري كبير في المهرجان", "حضور جماهيري واسع في المهرجان"),
        ("السكان الحضريون يعانون من انقطاع المياه", "السكان يعانون من انقطاع المياه في المدن"),
        ("غياب الكهرباء عن أحياء المدينة", "غياب الكهرباء عن أحياء المدينة منذ يومين"),
        ("تفاؤل حذر في أسواق المال", "تفاؤل حذر في أسواق المال العربية"),
        ("التجار قلقون من أسعار الصرف", "التجار قلقون جدا من أسعار الصرف"),
        # 'خطب' is also giving a speech, 'يجري' also what is going on: one side on both
        ("خطب الرئيس في الحشود بساحة المدينة", "خطب الرئيس في الحشود بساحة المدينة أمس"),
        ("ما يجري في ريف حلب الشمالي يثير القلق", "ما يجري في ريف حلب الشمالي يثير قلق الأهالي"),
        # a rise to a peak, a fall to a trough, told again
        (
            "ارتفع الدولار إلى أعلى مستوى له منذ عام",
            "سجل الدولار أعلى مستوى له منذ عام بعد ارتفاعه",
        ),
        ("تراجع الذهب إلى أدنى مستوى في شهرين", "انخفض الذهب إلى أدنى مستوى له في شهرين"),
        # with the article an elative names a bound or a body: no level reached
        (
            "الحكومة تقرر رفع أجور العمال إلى 3000 جنيه",
            "الحكومة تقرر الحد الأدنى لأجور العمال 3000 جنيه",
        ),
        ("زيادة رواتب الموظفين في القطاع العام", "الحد الأدنى لرواتب الموظفين في القطاع العام"),
    ],
)
def test_near_misses_of_the_mined_opposites_corroborate(a, b):
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


def test_mining_lists_words_swapped_in_their_slot_in_contradictions_only():
    from claims.train_judge import mine, swapped_words

    assert swapped_words(
        "ارتفاع أسعار الذهب في السوق المحلية", "انخفاض أسعار الذهب في السوق المحلية"
    ) == ("ارتفاع", "انخفاض")
    # the verb moved, or more words than one changed: no swap in a slot
    assert (
        swapped_words("الحكومة تقرر رفع الدعم عن الوقود", "قررت الحكومة رفع الدعم عن الوقود")
        is None
    )
    assert (
        swapped_words("ارتفاع أسعار الذهب في السوق", "ارتفاع كبير لأسعار الذهب في السوق المحلية")
        is None
    )
    pairs = [
        ("ارتفاع أسعار الذهب في السوق المحلية", "انخفاض أسعار الذهب في السوق المحلية", "disagree"),
        (
            "ارتفاع أسعار النفط في السوق العالمية",
            "انخفاض أسعار النفط في السوق العالمية",
            "disagree",
        ),
        ("ترسل الفلبين وفدا إلى المؤتمر", "ترسل باكستان وفدا إلى المؤتمر", "disagree"),
        # swapped in an agreement once: not listed
        ("ترسل الفلبين وفدا إلى القمة", "ترسل باكستان وفدا إلى القمة", "agree"),
        ("ارتفاع أسعار الذهب", "انخفاض أسعار الذهب", "other"),
    ]
    assert mine(pairs) == [("ارتفاع", "انخفاض", 2, 0)]


def test_figures_the_rules_read_as_one_are_no_other_figure():
    # 'نحو 150' takes in 147: the rules see figures that agree, the judge no other figure
    a = "قتل 147 شخصا في القصف على البلدة"
    b = "قتل نحو 150 شخصا في القصف على البلدة"
    assert "s:other figure" not in signals(a, b)
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


def test_the_shipped_weights_are_small_and_readable():
    model = load_model()
    assert 0 < model.threshold < 1
    assert model.weights and "ANS train" in model.trained_on


@needs_ans
def test_the_shipped_weights_are_reproduced_by_the_training_command():
    from claims.train_judge import main

    assert main(["--check", "--ans", str(ANS)]) == 0


@needs_ans
def test_train_out_of_fold_keeps_a_headlines_rewrites_together_and_scores_each_pair_once():
    from claims.train_judge import cross_validate, fold_of, read_pairs

    pairs = read_pairs(ANS / "train.csv")
    folds_of_headline: dict[str, set[int]] = {}
    for pair in pairs:
        folds_of_headline.setdefault(pair[0], set()).add(fold_of(pair, 5))
    assert all(len(folds) == 1 for folds in folds_of_headline.values())
    assert len({fold_of(pair, 5) for pair in pairs}) == 5
    scores = cross_validate(pairs, 5, load_model())
    assert scores.n == len(pairs)
    assert scores.macro_f1 >= OUT_OF_FOLD_FLOOR


@needs_ans
def test_ans_dev_score_does_not_fall():
    from claims.train_judge import read_pairs, score

    assert score(read_pairs(ANS / "dev.csv")).macro_f1 >= DEV_FLOOR


@pytest.mark.parametrize(
    ("only_a", "only_b", "few"),
    [
        (("ذهب",), ("نفط",), True),
        (("ا", "ب", "ج"), ("د", "ه", "و"), True),
        # one word against six: the shorter statement is the longer one with one word changed
        (("هدوء",), ("انفجارات", "قرب", "عاصم", "دمشق", "حرب", "سوريا"), True),
        # near misses: told again in other words
        (("هدوء",), ("انفجارات", "قرب", "عاصم", "دمشق", "حرب", "سوريا", "ليل"), False),
        (("ا", "ب"), ("د", "ه", "و", "ز"), False),
    ],
)
def test_few_words_differ_in_one_place(only_a, only_b, few):
    assert few_words_differ(Difference(only_a, only_b, 0.5, 0)) is few
    assert few_words_differ(Difference(only_b, only_a, 0.5, 0)) is few


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "بسطت قوات النظام سيطرتها على البلدة بعد معارك عنيفة",
            "سيطرت قوات النظام على البلدة بعد معارك عنيفة",
        ),
        ("قصفت الطائرات الحربية مستودعا للذخيرة", "استهدفت الطائرات الحربية مستودعا للذخيرة"),
    ],
)
def test_synonyms_of_the_lexicon_are_aligned_not_left_over(a, b):
    for x, y in ((a, b), (b, a)):
        assert not {"w:بسطت", "w:قصفت", "w:استهدفت"} & differing(x, y)
        assert compare(x, y).relation is Relation.corroborates


def test_a_word_outside_the_synonyms_stays_left_over():
    # near miss: 'دمرت' (destroyed) is no synonym of 'قصفت' (shelled)
    a, b = "قصفت الطائرات الحربية مستودعا للذخيرة", "دمرت الطائرات الحربية مستودعا للذخيرة"
    assert {"w:قصفت", "w:دمرت"} <= differing(a, b)


SWAPPED_ORIGIN = [
    (
        "عرض فيلم أجنبي في افتتاح مهرجان القاهرة السينمائي",
        "عرض فيلم عربي في افتتاح مهرجان القاهرة السينمائي",
    ),
    ("فوز المنتخب المغربي بكأس أمم أفريقيا", "فوز المنتخب المصري بكأس أمم أفريقيا"),
    # adjectives opening with ت or ي, as an imperfect verb does: their stem names a country
    ("وصول وفد تركي إلى دمشق لبحث ملف المعابر", "وصول وفد إيراني إلى دمشق لبحث ملف المعابر"),
    ("احتجاز سفينة شحن يمنية في البحر الأحمر", "احتجاز سفينة شحن مصرية في البحر الأحمر"),
    # told again in other words, but the embassy or the sanctions are another country's: the
    # adjectives left over after a word both tell
    (
        "السفارة الإيرانية في لندن تتعرض لهجوم من جماعة متشددة",
        "جماعة متشددة تهاجم السفارة الإسرائيلية في لندن",
    ),
    (
        "العقوبات الأمريكية تضرب قطاع النفط في فنزويلا",
        "قطاع النفط الفنزويلي يتضرر من العقوبات الروسية",
    ),
]


@pytest.mark.parametrize(("a", "b"), both_ways(SWAPPED_ORIGIN))
def test_an_adjective_of_origin_in_another_s_place_is_judged_a_contradiction(a, b):
    assert "s:other origin" in signals(a, b)
    found = compare(a, b)
    assert found.relation is Relation.contradicts
    assert any("in the place of" in r for r in found.reasons)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the adjectives are not the one word changed: told again with other words too
        (
            "سيطرت فصائل المعارضة على منطقة في البادية الشامية بشكل كامل",
            "تمكنت المعارضة السورية من السيطرة على منطقة في البادية",
        ),
        # a verb in ي is no adjective ('ينتهي' / 'يمضي')
        ("المؤتمر ينتهي اليوم في العاصمة", "المؤتمر يمضي اليوم في العاصمة"),
        # nor one in ت or ي whose stem names no place or people ('تجري' / 'يجري')
        ("الانتخابات البلدية تجري في موعدها المحدد", "الانتخابات البلدية تنتهي في موعدها المحدد"),
        ("الوزارة تنفي وجود إصابات بين المدنيين", "الوزارة تلغي وجود إصابات بين المدنيين"),
        # adjectives after different words: the delegation's origin against the plane's
        ("وصل وفد تركي إلى دمشق صباح اليوم", "الوفد وصل إلى دمشق اليوم على متن طائرة روسية"),
        # the same adjective on both sides is no word left over
        (
            "الحكومة السورية تعلن خطة لدعم المزارعين",
            "أعلنت الحكومة السورية عن خطة زراعية لدعم المزارعين",
        ),
    ],
)
def test_near_misses_of_an_adjective_in_another_s_place(a, b):
    assert "s:other origin" not in signals(a, b)
    assert "s:other origin" not in signals(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # reordered words and an added detail
        (
            "الحكومة تعلن خطة جديدة لدعم المزارعين",
            "أعلنت الحكومة خطة جديدة لدعم المزارعين هذا العام",
        ),
        (
            "افتتاح معرض الكتاب الدولي بمشاركة واسعة",
            "معرض الكتاب الدولي يفتتح أبوابه بمشاركة واسعة من دور النشر",
        ),
        # a synonym the judge reads as one: no swap of what the statement is about
        ("الشركة تطلق هاتفا ذكيا جديدا في الأسواق", "الشركة تطرح هاتفا ذكيا جديدا في الأسواق"),
    ],
)
def test_a_paraphrase_is_no_difference_to_judge(a, b):
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


SWAPPED_IN_PLACE = [
    (
        "وصل وفد من الصليب الأحمر إلى المستشفى صباح اليوم",
        "وصل وفد من الهلال الأحمر إلى المستشفى صباح اليوم",
    ),
    ("البنك المركزي يرفع سعر الفائدة على الودائع", "البنك المركزي يرفع سعر الفائدة على القروض"),
    # words swapped together in their slot
    (
        "وقعت الحكومة اتفاقا مع صندوق النقد الدولي لتمويل المشاريع",
        "وقعت الحكومة اتفاقا مع البنك الإسلامي للتنمية لتمويل المشاريع",
    ),
    # another place in the slot, beside a place both name
    (
        "اتفقت أنقرة وواشنطن على خارطة طريق بشأن منبج",
        "اتفقت أنقرة وواشنطن على خارطة طريق بشأن إدلب",
    ),
]


@pytest.mark.parametrize(("a", "b"), both_ways(SWAPPED_IN_PLACE))
def test_one_word_swapped_between_the_same_words_is_read_both_ways(a, b):
    assert "s:swapped in place" in signals(a, b)
    found = compare(a, b)
    assert found.relation is Relation.contradicts
    assert any("the words around kept" in r for r in found.reasons)


@pytest.mark.parametrize(
    ("a", "b", "stored", "shown"),
    [
        # stems of the words both tell, as each writes them
        (
            "أفرجت هيئة تحرير الشام عن 15 معتقلاً من سجونها في إدلب",
            "اعتقلت هيئة تحرير الشام 15 شخصاً في مدينة سرمدا",
            ["shared content: تحرير شام هيي", "opposed predicates: افرجت/اعتقلت"],
            ["shared content: تحرير الشام هيئة", "opposed predicates: أفرجت/اعتقلت"],
        ),
        # one content said with synonyms: both words; two of one root: each side's
        (
            "الحكومة السورية ترفع أسعار الوقود",
            "النظام السوري يقرر رفع أسعار المحروقات",
            ["similarity 0.72", "shared content: اسعار نظام ترفع/رفع"],
            ["similarity 0.72", "shared content: أسعار الحكومة/النظام ترفع/رفع"],
        ),
        # the other reasons are left as they are, a form neither writes too
        ("قتل 30 مدنيا", "قتل 30 مدنيا", ["same wording", "shared content: زعم"], None),
    ],
)
def test_a_links_reasons_are_shown_in_the_statements_words(a, b, stored, shown):
    from claims.link import reasons_as_written

    assert reasons_as_written(stored, a, b) == (shown or stored)


def test_compare_gives_its_reasons_in_the_statements_words():
    found = compare(
        "الليرة التركية تسجل أعلى مستوى لها أمام الدولار", "هبوط الليرة التركية أمام الدولار"
    )
    assert "shared content: أمام التركية الدولار الليرة" in found.reasons
    assert "opposed predicates: أعلى/هبوط" in found.reasons


def test_the_judges_words_are_shown_as_the_statements_write_them():
    # its keys are normalised with the article off: 'إلغاء' was shown as 'غاء', 'زيادة' as 'زياد'
    found = compare("الحكومة تقرر إلغاء الدعم عن الوقود", "الحكومة تقرر زيادة الدعم للوقود")
    assert found.relation is Relation.contradicts
    judged = found.reasons[-1]
    assert "إلغاء in the place of زيادة" in judged
    assert "differing word إلغاء" in judged
    assert "غاء " not in judged.replace("إلغاء", "")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the changed word moved: the words around it are not the same
        ("أعلنت الشركة أرباحا قياسية هذا العام", "أرباح قياسية تعلنها الشركة هذا العام"),
        # words changed in two places: no one slot swapped
        (
            "أعلنت الوزارة خطة جديدة لدعم المزارعين هذا العام",
            "أعلنت الوزارة أمس خطة لدعم المزارعين هذا العام",
        ),
        # the same told otherwise: two adjectives grading a change upwards, two verbs
        ("سجلت الأسعار ارتفاعا كبيرا هذا الشهر", "سجلت الأسعار ارتفاعا ملحوظا هذا الشهر"),
        ("الوزارة تطلق حملة تطعيم جديدة في المدارس", "الوزارة تبدأ حملة تطعيم جديدة في المدارس"),
        # one place named with another kind of place before it
        ("انقطعت الكهرباء عن مدينة حماة منذ الصباح", "انقطعت الكهرباء عن محافظة حماة منذ الصباح"),
        # a town for its province, beside a place both name: the rules read them as one place
        (
            "اتفقت أنقرة وموسكو على وقف إطلاق النار في سراقب",
            "اتفقت أنقرة وموسكو على وقف إطلاق النار في إدلب",
        ),
        # an hour of the same day told otherwise
        ("سقطت قذائف على حي الميدان فجر اليوم", "سقطت قذائف على حي الميدان صباح اليوم"),
        # the verb and its subject opening the statement, told again in other words
        (
            "نفذت الطائرات الحربية غارات على أطراف المدينة",
            "شنت المقاتلات الحربية غارات على أطراف المدينة",
        ),
        # the same word on each side, kept in place: nothing swapped
        ("البنك المركزي يرفع سعر الفائدة", "البنك المركزي يرفع سعر الفائدة مجددا"),
    ],
)
def test_near_misses_of_a_word_swapped_in_place(a, b):
    assert "s:swapped in place" not in signals(a, b)
    assert "s:swapped in place" not in signals(b, a)
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


OTHER_ORDINAL = [
    (
        "انطلقت المرحلة الأولى من حملة التطعيم في المدارس",
        "انطلقت المرحلة الثانية من حملة التطعيم في المدارس",
    ),
    ("يقام معرض الكتاب في المدينة لأول مرة", "يقام معرض الكتاب في المدينة للمرة العاشرة"),
]


@pytest.mark.parametrize(("a", "b"), both_ways(OTHER_ORDINAL))
def test_another_ordinal_in_the_same_place_is_read_both_ways(a, b):
    assert "s:other ordinal" in signals(a, b)
    assert compare(a, b).relation is Relation.contradicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same ordinal on both sides, another word changed
        ("بدأت الجولة الثالثة من المفاوضات أمس", "انطلقت الجولة الثالثة من المفاوضات أمس"),
        # an ordinal on one side only: an added detail
        ("فاز الفريق بالبطولة هذا العام", "فاز الفريق بالبطولة للمرة الثانية هذا العام"),
    ],
)
def test_near_misses_of_another_ordinal(a, b):
    assert "s:other ordinal" not in signals(a, b)
    assert "s:other ordinal" not in signals(b, a)


@pytest.mark.parametrize(
    ("key", "verb"),
    [("يرتفع", True), ("تنسحب", True), ("نطالب", True), ("تركي", False), ("يمني", False)],
)
def test_an_adjective_of_origin_opening_with_ta_or_ya_is_no_imperfect_verb(key, verb):
    assert _imperfect_verb(key) is verb


# A headline told again in other words, denying the other: no opposite of the lexicon, no
# negation, more words changed than `few_words_differ` takes.
REWRITTEN_HEADLINE = (
    "هدوء حذر في الأسواق رغم استمرار التوترات التجارية",
    "انهيار الأسواق مع تصاعد التوترات التجارية بين البلدين",
)


@pytest.mark.parametrize(("a", "b"), [REWRITTEN_HEADLINE, REWRITTEN_HEADLINE[::-1]])
def test_a_headline_rewritten_against_the_other_is_judged_both_ways(a, b):
    fa, fb = features(a), features(b)
    assert not few_words_differ(word_difference(fa, fb))
    assert told_again_as_headlines(fa.norm.split(), fb.norm.split())
    found = compare(a, b)
    assert found.relation is Relation.contradicts
    assert "judged a contradiction" in found.reasons[-1]


# The same denial in a sentence longer than a headline: the judge would read a contradiction,
# but what a long sentence leaves over is other facts, and it is not asked.
LONG_AGAINST_HEADLINE = (
    REWRITTEN_HEADLINE[0],
    "وقال محللون في تقرير نشر اليوم إن الأسواق شهدت انهيارا مع تصاعد التوترات التجارية بين البلدين",
)


@pytest.mark.parametrize(("a", "b"), [LONG_AGAINST_HEADLINE, LONG_AGAINST_HEADLINE[::-1]])
def test_a_sentence_longer_than_a_headline_told_otherwise_is_not_judged(a, b):
    fa, fb = features(a), features(b)
    assert not told_again_as_headlines(fa.norm.split(), fb.norm.split())
    assert verdict(judge_features(fa, fb)).contradiction >= load_model().rewritten_threshold
    assert compare(a, b).relation is not Relation.contradicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "الرئيس يصل إلى باريس في زيارة رسمية تستمر يومين",
            "بدأ الرئيس زيارة رسمية لفرنسا تستغرق يومين بوصوله إلى باريس",
        ),
        (
            "وافق البرلمان على الموازنة العامة للعام المقبل بأغلبية كبيرة",
            "أقر مجلس النواب موازنة العام المقبل بأغلبية واسعة",
        ),
    ],
)
def test_a_headline_told_again_in_other_words_still_corroborates(a, b):
    fa, fb = features(a), features(b)
    assert not few_words_differ(word_difference(fa, fb))
    assert compare(a, b).relation is compare(b, a).relation is Relation.corroborates


# Headlines told again in other words that share a figure (ours): the one fact a reader can
# check agrees, so the words around it are not judged; another figure leaves them to the judge.
SAME_FIGURE_REWORDED = (
    "سجلت وزارة الصحة 40 إصابة جديدة بالكوليرا في المحافظة خلال الأسبوع",
    "أعلنت الصحة تسجيل أربعين حالة كوليرا جديدة في المحافظة",
)
OTHER_FIGURE_REWORDED = (SAME_FIGURE_REWORDED[0], SAME_FIGURE_REWORDED[1].replace("أربعين", "400"))
# Two headlines sharing a verb of change and a place, and too little else to corroborate.
LITTLE_SHARED = (
    "ارتفع سعر صرف الدولار أمام الليرة في حمص",
    "ارتفع عدد المصابين بالحصبة بين الأطفال في حمص",
)


@pytest.mark.parametrize(
    ("pair", "judged"),
    [
        (SAME_FIGURE_REWORDED, False),
        (OTHER_FIGURE_REWORDED, True),
        (LITTLE_SHARED, False),
        (REWRITTEN_HEADLINE, True),
    ],
)
def test_which_rewritten_headlines_the_judge_reads(pair, judged):
    for a, b in (pair, pair[::-1]):
        fa, fb = features(a), features(b)
        assert not few_words_differ(word_difference(fa, fb))
        assert _rewritten_headlines(fa, fb, similarity(fa, fb)) is judged


def test_the_shape_of_a_difference_is_no_reason_of_its_own():
    model = JudgeModel(
        bias=0.0,
        threshold=0.5,
        rewritten_threshold=0.5,
        weights={"s:leftover 3-4": 5.0, "s:coverage": 1.0, "w:انهيار": 0.8, "w:هدوء": -0.2},
        trained_on="test",
    )
    feats = {"s:leftover 3-4": 1.0, "s:coverage": 0.5, "w:انهيار": 0.5, "w:هدوء": 0.5}
    assert strongest_reason(feats, model) == pytest.approx(0.4)
    assert strongest_reason({"s:leftover 3-4": 1.0, "s:coverage": 0.5}, model) == 0.0


def _model_pushed_by(weights: dict[str, float]) -> JudgeModel:
    """A judge that calls every rewritten headline a contradiction by its shape, plus `weights`."""
    shape = {f"s:leftover {f}-{m}": 5.0 for f in range(4) for m in range(5)}
    return JudgeModel(
        bias=0.0,
        threshold=0.99,
        rewritten_threshold=0.7,
        weights=shape | weights,
        trained_on="test",
    )


@pytest.mark.parametrize(("a", "b"), [REWRITTEN_HEADLINE, REWRITTEN_HEADLINE[::-1]])
def test_a_rewritten_headline_contradicts_only_when_a_word_speaks_for_it(a, b):
    assert 0.5 * 0.4 < REWRITTEN_REASON <= 0.5 * 0.8
    fa, fb = features(a), features(b)
    by_shape = compare_features(fa, fb, _model_pushed_by({}))
    assert by_shape.relation is Relation.corroborates
    # 'انهيار' at half a signal's value: 0.5 x 0.8 = 0.4, over REWRITTEN_REASON
    by_word = compare_features(fa, fb, _model_pushed_by({"w:انهيار": 0.8}))
    assert by_word.relation is Relation.contradicts
    assert "انهيار" in by_word.reasons[-1]
    # 0.5 x 0.4 = 0.2: a word that barely leans is no reason either
    assert compare_features(fa, fb, _model_pushed_by({"w:انهيار": 0.4})).relation is not (
        Relation.contradicts
    )


OPPOSED_BESIDE_ONE_WORD = [
    ("الذهب يرتفع مع تراجع الدولار", "تراجع الذهب مع ارتفاع الدولار"),
    (
        "ارتفاع الصادرات وانخفاض الواردات خلال العام الماضي",
        "انخفاض الصادرات وارتفاع الواردات خلال العام الماضي",
    ),
    ("الأسهم الأوروبية تصعد مع هبوط اليورو", "هبوط الأسهم الأوروبية مع صعود اليورو"),
]


@pytest.mark.parametrize(("a", "b"), both_ways(OPPOSED_BESIDE_ONE_WORD))
def test_opposed_predicates_beside_one_shared_word_are_read_both_ways(a, b):
    assert "s:opposed beside one word" in signals(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same sense beside each shared word, in other words
        ("ارتفاع الذهب مع تراجع الدولار", "الذهب يرتفع مع هبوط الدولار"),
        # a predicate of the same sense beside the word on both sides, its opposite too on one
        ("الذهب يرتفع مع تراجع الدولار", "ارتفاع أسعار الذهب بسبب تراجع الدولار"),
        # no opposites at all
        ("الذهب يرتفع مع تراجع الدولار", "الذهب يصعد مع تراجع الدولار"),
    ],
)
def test_near_misses_of_opposed_predicates_beside_one_word(a, b):
    assert "s:opposed beside one word" not in signals(a, b)
    assert "s:opposed beside one word" not in signals(b, a)


# Ours: one figure in digits and in words. Read as one by the rules, it is no word changed;
# another figure in words stays in the difference.
FIGURE_IN_WORDS = (
    "قتل 25 عنصراً من قوات النظام في هجوم على بادية السخنة",
    "قتل خمسة وعشرون عنصراً من قوات النظام بهجوم على بادية السخنة",
)
OTHER_FIGURE_IN_WORDS = (FIGURE_IN_WORDS[0], FIGURE_IN_WORDS[1].replace("وعشرون", "وثلاثون"))


@pytest.mark.parametrize(("a", "b"), [FIGURE_IN_WORDS, FIGURE_IN_WORDS[::-1]])
def test_a_figure_the_rules_read_as_the_others_is_no_word_changed(a, b):
    assert differing(a, b) == set()
    assert compare(a, b).relation is Relation.corroborates


@pytest.mark.parametrize(("a", "b"), [OTHER_FIGURE_IN_WORDS, OTHER_FIGURE_IN_WORDS[::-1]])
def test_another_figure_in_words_stays_in_the_difference(a, b):
    assert {"w:25", "w:وثلاثون"} <= differing(a, b)
    assert compare(a, b).relation is Relation.contradicts


WORDS_ALONE = "from the words changed alone"


@pytest.mark.parametrize(("a", "b"), [REWRITTEN_HEADLINE, REWRITTEN_HEADLINE[::-1]])
def test_a_contradiction_decided_by_a_topic_word_says_so(a, b):
    fa, fb = features(a), features(b)
    # 'بلدين' (the two countries) is what the pair is about, no opposition of its own
    by_topic = compare_features(fa, fb, _model_pushed_by({"w:بلدين": 0.8}))
    assert by_topic.relation is Relation.contradicts
    assert WORDS_ALONE in by_topic.reasons[-1]
    # 'انهيار' is an opposed predicate of the lexicon: it explains the verdict
    by_opposite = compare_features(fa, fb, _model_pushed_by({"w:انهيار": 0.8}))
    assert by_opposite.relation is Relation.contradicts
    assert WORDS_ALONE not in by_opposite.reasons[-1]


@pytest.mark.parametrize(
    ("hurt", "unharmed"),
    [
        ("قتل 5 مدنيين في قصف مدفعي على بلدة كفرنبل", "قصف مدفعي على بلدة كفرنبل دون وقوع إصابات"),
        ("أصيب 4 مدنيين بجروح في قصف على كفرنبل", "لم يسفر القصف على كفرنبل عن أي إصابات"),
        ("سقوط قتلى وجرحى في غارة على سوق كفرنبل", "غارة على سوق كفرنبل بلا ضحايا"),
        (
            "مقتل جنود بصواريخ سقطت على موقع عسكري في كفرنبل",
            "سقطت صواريخ على موقع عسكري في كفرنبل واقتصرت الخسائر على الأضرار المادية",
        ),
    ],
)
def test_no_one_hurt_contradicts_the_dead_and_wounded_and_agrees_with_itself(hurt, unharmed):
    assert [compare(hurt, unharmed).relation, compare(unharmed, hurt).relation] == [
        Relation.contradicts
    ] * 2
    assert "no one was hurt" in " ".join(compare(hurt, unharmed).reasons)
    told_otherwise = "لم يسفر القصف على بلدة كفرنبل عن سقوط ضحايا"
    assert compare(unharmed, told_otherwise).relation is not Relation.contradicts
    # the same event told with no word of the hurt: nothing to contradict
    assert (
        compare(unharmed, "قصف مدفعي وغارة على بلدة كفرنبل وسوقها").relation
        is not Relation.contradicts
    )


@pytest.mark.parametrize(
    ("text", "unharmed"),
    [
        ("سقطت قذيفة على الحي دون وقوع إصابات", True),
        ("لم يخلف القصف ضحايا", True),
        ("سقطت صواريخ على الموقع واقتصرت الخسائر على الأضرار المادية", True),
        ("لم تقتصر الخسائر على الأضرار المادية بل قتل 3 جنود", False),  # not only
        ("لم يعرف بعد عدد الضحايا في الحي", False),  # unknown, not none
        ("قتل 3 عناصر من قوات النظام دون وقوع إصابات في صفوف الفصائل", False),  # dead besides
    ],
)
def test_a_statement_says_no_one_was_hurt_only_in_so_many_words(text, unharmed):
    assert features(text).unharmed is unharmed


def test_a_statement_that_adds_only_a_negation_to_another_denies_it():
    said = "الوزارة مسؤولة عن انقطاع الكهرباء في حلب"
    denied = "الوزارة غير مسؤولة عن انقطاع الكهرباء في حلب"
    assert compare(said, denied).relation is compare(denied, said).relation is Relation.contradicts


def test_a_public_figure_in_anothers_place_is_no_verb():
    """'ترامب' and 'نتنياهو' open with ت and ن as imperfect verbs do: as people.txt names them,
    one in another's place is another actor."""
    a = "تراجع أسهم شركات الصلب بعد تصريحات ترامب عن الرسوم الجمركية"
    b = "تراجع أسهم شركات الصلب بعد تصريحات نتنياهو عن الرسوم الجمركية"
    assert compare(a, b).relation is compare(b, a).relation is Relation.contradicts
    assert any("in the place of" in r for r in compare(a, b).reasons)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # one subject in few shared words, told opposite ways
        ("الدولار يصل لأعلى مستوى", "الدولار يهبط لأدنى مستوياته في أسبوعين", Relation.contradicts),
        (
            "الليرة السورية تصل إلى أعلى مستوى لها",
            "الليرة السورية تهبط لأدنى مستوياتها منذ عامين أمام الدولار",
            Relation.contradicts,
        ),
        # as few shared words and no opposition between them: other things
        (
            "الدولار يصل لأعلى مستوى",
            "الدولار عملة الاحتياط الأولى في المصارف المركزية",
            Relation.unrelated,
        ),
    ],
)
def test_an_opposition_decides_between_statements_that_share_few_words(a, b, relation):
    assert compare(a, b).relation is compare(b, a).relation is relation


def test_a_verdict_does_not_hang_on_the_order_its_features_come_in():
    """A pair's words reach the judge in an order that varies between processes (sets): the
    probability and the deciding features, ties included, must not."""
    weights = {"w:أ": 0.25, "w:ب": 0.25, "s:x": 0.1}
    model = JudgeModel(
        bias=0.0, threshold=0.5, rewritten_threshold=0.7, weights=weights, trained_on="test"
    )
    forwards = {"w:أ": 1.0, "w:ب": 1.0, "s:x": 1.0}
    backwards = dict(reversed(forwards.items()))
    assert verdict(forwards, model) == verdict(backwards, model)

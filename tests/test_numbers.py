"""Figures in Arabic reporting: digits, number words, approximators, the thing counted."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.arabic import normalize
from claims.numbers import dates, quantities


def one(text: str):
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_arabic_indic_and_persian_digits_are_read():
    assert one("أسرت الفصائل ٤٠٠ عنصر").low == 400
    assert one("مقتل ۱۲ مدنياً").low == 12


def test_exact_figure_with_counted_noun():
    q = one("سقط 30 قتيلاً في القصف")
    assert (q.low, q.high, q.unit, q.kind) == (30, 30, "قتيل", "killed")
    assert q.text == "30 قتيلاً"


def test_akthar_min_is_a_range_above():
    q = one("قتل أكثر من 400 عنصر")
    assert q.low == 400 and q.high > 400 and q.unit == "عنصر"


def test_hawali_is_a_range_around():
    q = one("يضم حوالي 80 مقاتلاً")
    assert q.low < 80 < q.high and q.kind == "fighters"


def test_akthar_min_400_and_hawali_400_overlap():
    assert one("أكثر من 400 قتيل").overlaps(one("حوالي 400 قتيل"))


def test_30_and_150_do_not_overlap():
    assert not one("30 قتيلاً").overlaps(one("150 قتيلاً"))


def test_aqall_min_is_a_range_below():
    q = one("أقل من 20 عنصراً")
    assert q.high == 20 and q.low < 20


def test_ala_al_aqall_after_the_noun():
    q = one("30 قتيلاً على الأقل")
    assert q.low == 30 and q.high > 30


def test_number_words_compound_and_gender():
    assert one("قتل خمسة وعشرون مدنياً").low == 25
    assert one("شنت الطائرات ثلاث غارات").low == 3
    assert one("ثلاثمائة وخمسين عنصرا").low == 350
    assert one("إحدى عشرة غارة").low == 11
    assert one("نحو ثمانين مقاتلاً").high > 80


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يتجاوز تعداد سكانها 147 ألف شخص", 147_000),
        ("ثلاثة آلاف نازح", 3000),
        ("1.5 مليون لاجئ", 1_500_000),
        ("تستثمر الشركة 165 مليار درهم", 165_000_000_000),
        ("خمسة مليارات دولار", 5_000_000_000),
        ("عشرين مليارا", 20_000_000_000),
        ("ثلاثين ألفاً من السكان", 30_000),
        # a scale in construct where a figure starts is its dual ('مليارا دولار' = 'ملياران')
        ("مليارا دولار من صندوق النقد", 2_000_000_000),
        ("ملياران من صندوق النقد", 2_000_000_000),
        ("مليونا دولار", 2_000_000),
        # at the end or before a particle it is one, in the accusative
        ("بلغ عدد النازحين مليوناً", 1_000_000),
        ("تجاوز عدد القتلى ألفاً", 1000),
        ("نزح ألفاً من السكان", 1000),
    ],
)
def test_scales_multiply_and_a_scale_in_construct_is_its_dual(text, value):
    assert one(text).low == value


def test_a_billion_is_no_million():
    assert not one("165 مليار درهم").overlaps(one("165 مليون درهم"))


def test_vague_plurals_are_ranges():
    q = one("سقوط عشرات القتلى")
    assert (q.low, q.high, q.kind) == (20, 99, "killed")
    assert one("نزوح آلاف المدنيين").low == 2000
    assert one("عشرات الآلاف من المدنيين").low == 20_000


def test_dual_noun_is_two():
    assert one("شنت الطائرات غارتين").low == 2
    assert one("سقط قتيلان").kind == "killed"


def test_dual_of_any_singular_form_listed_is_two():
    q = one("قتل طفلان في القصف")
    assert (q.low, q.high, q.kind) == (2, 2, "civilians")


def test_years_are_dates():
    assert dates([normalize(w) for w in "في آب 2017".split()]) == {"2017"}
    assert dates(["17", normalize("تموز"), "2016"]) == {"17/7", "2016"}


def test_town_named_like_a_dual_is_not_a_figure():
    assert quantities("عاد لواء شهداء القريتين") == []


def test_dates_and_times_are_not_figures():
    assert quantities("في 17 تموز/يوليو") == []
    assert quantities("الأربعاء 2017/08/02") == []
    assert quantities("نهاية العام 2016") == []
    assert quantities("الساعة 10 صباحاً") == []


def test_weekdays_are_not_numbers():
    assert quantities("يوم الاثنين") == []
    assert quantities("أمس الأحد") == []
    assert quantities("أحد العناصر") == []


def test_generic_people_take_the_class_of_the_event():
    assert one("مقتل 150 شخصاً في الغارات").kind == "killed"


def test_a_tally_names_what_its_figure_counts_before_it():
    for text in ("ارتفع عدد القتلى في المدينة إلى 50", "بلغت حصيلة الضحايا 50 حتى مساء اليوم"):
        q = one(text)
        assert (q.low, q.unit, q.kind) == (50, "قتيل", "killed"), text
    assert one("عدد النازحين في المخيم يتجاوز 11 ألفاً").kind == "displaced"
    # a tally too far before the figure, or none: the figure counts nothing named
    assert one("أعلنت الوزارة عدد المصابين ثم قالت إن المستشفى استقبل 50").unit is None


def test_a_death_told_just_before_a_figure_of_no_noun_is_what_it_counts():
    assert one("مقتل العشرات في تفجير سيارة").kind == "killed"
    assert one("قتل 3 بينهم طفل").kind == "killed"
    assert one("إصابة 7 في حادث سير").kind == "wounded"
    # a noun between: the figure names a brigade, it counts nobody
    assert one("مقتل قائد اللواء 313 في ريف حلب").kind is None


def test_percent_and_range():
    assert one("80 بالمئة من المدينة").unit == "بالمئة"
    q = one("بين 30 و40 قتيلاً")
    assert (q.low, q.high) == (30, 40)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_without_error(text):
    for q in quantities(text):
        assert q.low <= q.high


ARABIC = st.sampled_from(
    list("٠١٢٣٤٥٦٧٨٩۰۱۲0123456789 ,.%/-")
    + ["أكثر من ", "حوالي ", "عشرات ", "آلاف ", "ألف ", "قتيلاً ", "و", "ثلاثة ", "عشر ", "مئة "]
    + ["على الأقل ", "غارتين ", "بين ", "الآلاف ", "مليون ", "أحد ", "\u064b", "\u0640"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC, max_size=30).map("".join))
def test_arabic_number_soup_parses_without_error(text):
    for q in quantities(text):
        assert 0 <= q.low <= q.high
        assert q.text == text[q.start : q.end]


def test_dual_of_thousand_in_construct():
    q = one("يضم الفصيل قرابة ألفي مقاتل")
    assert q.low < 2000 < q.high and q.kind == "fighters"


def test_the_word_after_a_figure_of_no_known_noun_is_kept():
    q = one("استشهد 4 فلسطينيين")
    assert q.unit is None and q.noun == "فلسطينيين"

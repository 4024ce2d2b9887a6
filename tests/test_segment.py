"""Sentence boundaries, and furniture glued in front of a page's first sentence."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.pipeline import extract_bytes
from claims.segment import segment

GLUED = (
    "موقع الخبر - القوات تسيطر على البلدة 2024/03/05 حجم الخط "
    "أعلنت وزارة الدفاع أن قواتها سيطرت على البلدة بالكامل صباح اليوم."
)


def test_furniture_glued_before_the_first_sentence_is_cut_off():
    texts = [s.text for s in segment(GLUED)]
    assert texts == [
        "موقع الخبر - القوات تسيطر على البلدة 2024/03/05 حجم الخط",
        "أعلنت وزارة الدفاع أن قواتها سيطرت على البلدة بالكامل صباح اليوم.",
    ]


def test_the_sentence_cut_free_is_attributed_and_the_furniture_dropped():
    page = GLUED + "\nوقال المتحدث باسم الوزارة إن العملية انتهت بعد ثلاثة أيام من المعارك العنيفة."
    claims = extract_bytes(page.encode(), "page.txt").claims
    assert claims[0].text.startswith("أعلنت وزارة الدفاع")
    assert (claims[0].kind.value, claims[0].source) == ("organization", "وزارة الدفاع")


def test_a_headline_printed_twice_is_cut_after_its_last_copy():
    line = (
        "الجيش يتقدم في ريف حلب الشمالي الجيش يتقدم في ريف حلب الشمالي "
        "تقدمت قوات الجيش اليوم في ريف حلب الشمالي وسيطرت على ثلاث قرى."
    )
    assert [s.text for s in segment(line)][-1].startswith("تقدمت قوات الجيش")


def test_a_date_inside_a_sentence_is_no_cut():
    line = "سيطرت القوات على البلدة يوم 23 آب 2016، حيث بدأ الأهالي بالنزوح نحو الشمال."
    assert [s.text for s in segment(line)] == [line]
    line = "ولد الرئيس في 14 يونيو 1946 وهو الابن الرابع لعائلة مكونة من خمسة أطفال."
    assert [s.text for s in segment(line)] == [line]


def test_initials_written_with_dots_end_no_sentence():
    line = (
        "وذكرت قناة (إن. تي. في) الإخبارية أن الوفد وصل إلى العاصمة مساء أمس. "
        "ونقلت وكالة أ. ف. ب عن مصدر أن المحادثات ستبدأ غدا. وبقي الوضع كما هو. في "
        "المساء عاد الوفد."
    )
    assert [s.text for s in segment(line)] == [
        "وذكرت قناة (إن. تي. في) الإخبارية أن الوفد وصل إلى العاصمة مساء أمس.",
        "ونقلت وكالة أ. ف. ب عن مصدر أن المحادثات ستبدأ غدا.",
        "وبقي الوضع كما هو.",
        "في المساء عاد الوفد.",
    ]


def test_a_link_label_run_into_a_sentence_is_cut_off_wherever_it_stands():
    # The label of a related-article link, the link's text lost, left in front of the next
    # sentence: mid-line, or at a line's start with its first word split by dashes.
    line = (
        "وعاد الهدوء إلى المدينة مساء أمس. اقرأ أيضاً: وقالت وزارة الداخلية في بيان لها إن "
        "الطرق ستفتح غداً.\nاقـ - - ـرأ أيضاً وكان المحافظ قد أعلن، الأحد، خطة لإعادة الإعمار."
    )
    texts = [(s.text, s.glued_furniture) for s in segment(line)]
    assert texts[1:3] == [
        ("اقرأ أيضاً", True),
        ("وقالت وزارة الداخلية في بيان لها إن الطرق ستفتح غداً.", False),
    ]
    assert texts[-1] == ("وكان المحافظ قد أعلن، الأحد، خطة لإعادة الإعمار.", False)


PIECES = st.sampled_from(
    [
        "قال", "الوزير", "إن", "القوات", "سيطرت", "على", "البلدة", "2024/03/05", "10:15",
        "|", "-", "حجم الخط", "(Getty)", "Reuters", "ع", ".", "؟", "،", '"', "\n", "  ",
        "الأكثر قراءة", "١٥ فبراير ٢٠١٨", "(الصورة: أرشيف)", "اقرأ أيضاً", "اق - رأ أيضا",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60))
# found by CI: spaces after a share icon were left in front of the sentence
@example(pieces=["10:15", "ع", "  ", "قال", "قال", "قال", "قال", "قال", "."])
def test_every_sentence_is_the_text_at_its_offsets(pieces):
    text = " ".join(pieces)
    sentences = segment(text)
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end

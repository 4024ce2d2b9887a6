"""The publication date found for each real page of ../shared/realdev/ against the date the page
prints, read by hand (tests/data/realdev_dates.csv): a wrong date is worse than none, so
precision is held high (issue 15 item 5). Skipped when ../shared is absent."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claims.dates import find_published
from claims.pipeline import extract_path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realdev" / "text"
GOLD = ROOT / "tests" / "data" / "realdev_dates.csv"


def gold_dates() -> dict[str, str | None]:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return {row["doc"]: row["date"] or None for row in csv.DictReader(lines)}


def date_figures() -> tuple[float, float, list[str]]:
    """Precision (right / dates given) and recall (right / dates printed), and the pages
    given a wrong date."""
    found = right = printed = 0
    wrong = []
    for doc, gold in gold_dates().items():
        published = extract_path(PAGES / doc).article.published
        printed += gold is not None
        if published is None:
            continue
        found += 1
        if published == gold:
            right += 1
        else:
            wrong.append(f"{doc}: {published} (printed: {gold})")
    return right / max(found, 1), right / printed, wrong


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/realdev is not here")
def test_gold_names_every_real_page():
    assert set(gold_dates()) == {path.name for path in PAGES.glob("*.txt")}


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/realdev is not here")
def test_dates_found_on_real_pages_are_right_and_most_are_found():
    precision, recall, wrong = date_figures()
    assert precision >= 0.95, wrong
    assert recall >= 0.90


HEADLINE = "الجيش يستعيد السيطرة على بلدة في ريف المحافظة الشرقي"
LEAD = "قال مصدر عسكري إن وحدات الجيش دخلت البلدة بعد اشتباكات استمرت ساعات مع المسلحين."


def page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("12/03/2019", "2019-03-12"),  # day first, as Arab outlets print it
        ("12.03.2019", "2019-03-12"),
        ("12-03-2019", "2019-03-12"),
        ("2019-03-12", "2019-03-12"),
        ("2019/3/12", "2019-03-12"),
        ("12. 03. 2019", "2019-03-12"),  # the spaces a scraper leaves after the marks
        ("١٢/٠٣/٢٠١٩", "2019-03-12"),
        ("١٢ آذار ٢٠١٩", "2019-03-12"),
        ("12 آذار 2019", "2019-03-12"),
        ("12 اذار 2019", "2019-03-12"),
        ("12 مارس 2019", "2019-03-12"),
        ("12 آذار / مارس 2019", "2019-03-12"),
        ("12 مارس (آذار) 2019", "2019-03-12"),
        ("12 / آذار / 2019", "2019-03-12"),
        ("21 كانون الثاني / يناير 2018", "2018-01-21"),
        ("21 يناير / كانون الثاني 2018", "2018-01-21"),
        ("14 جانفي 2019", "2019-01-14"),
        ("3 شباط 2016", "2016-02-03"),
        ("9 ابريل 2017", "2017-04-09"),
        ("9 أبريل 2017", "2017-04-09"),
        ("9 إبريل 2017", "2017-04-09"),
        ("9 نيسان 2017", "2017-04-09"),
        ("5 أفريل 2018", "2018-04-05"),
        ("2 مايو 2016", "2016-05-02"),
        ("2 أيار 2016", "2016-05-02"),
        ("30 يونيو 2013", "2013-06-30"),
        ("30 يونيه 2013", "2013-06-30"),
        ("30 حزيران 2013", "2013-06-30"),
        ("23 يوليو 2012", "2012-07-23"),
        ("23 يوليه 2012", "2012-07-23"),
        ("23 تموز 2012", "2012-07-23"),
        ("14 اغسطس 2014", "2014-08-14"),
        ("14 أغسطس 2014", "2014-08-14"),
        ("14 آب 2014", "2014-08-14"),
        ("11 سبتمبر 2014", "2014-09-11"),
        ("11 أيلول 2014", "2014-09-11"),
        ("29 تشرين الأول 2017", "2017-10-29"),
        ("29 اكتوبر 2017", "2017-10-29"),
        ("9 تشرين الثاني 2017", "2017-11-09"),
        ("10 كانون الأول / ديسمبر، 2017", "2017-12-10"),
    ],
)
def test_a_date_line_in_each_form_gives_the_date(line, iso):
    assert find_published(page(HEADLINE, line, LEAD)) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("الثلاثاء 12 آذار 2019", "2019-03-12"),
        ("الثلاثاء، 12/03/2019", "2019-03-12"),
        ("الأربعاء 12 آذار 2019", None),  # 12 March 2019 was a Tuesday: the line is no date
        ("Tue, 03/12/2019 - 14:05", "2019-03-12"),  # an English site's month first
        ("12/03/2019 - 14:05", "2019-03-12"),
        ("12 آذار 2019 | 02:15 مساء", "2019-03-12"),
        ("14:05 الثلاثاء 12 آذار 2019", "2019-03-12"),
        ("2019 الثلاثاء 12 آذار", "2019-03-12"),  # the year's piece printed first
        ("2019 الأربعاء 12 آذار", None),
    ],
)
def test_a_weekday_beside_a_date_must_agree_and_a_time_beside_it_is_read_past(line, iso):
    assert find_published(page(HEADLINE, line, LEAD)) == iso


def test_hijri_dates_are_left_alone():
    assert find_published(page(HEADLINE, "5 رجب 1440 هـ", LEAD)) is None
    assert find_published(page(HEADLINE, "1440/7/5 هـ", LEAD)) is None
    line = "الثلاثاء ٥ رجب ١٤٤٠ هـ - ١٢ آذار ٢٠١٩ م"
    assert find_published(page(HEADLINE, line, LEAD)) == "2019-03-12"


@pytest.mark.parametrize(
    "label",
    ["نشر في: 12/03/2019 - 14:05", "تاريخ النشر: الثلاثاء 12 آذار 2019", "Published: 12.03.2019"],
)
def test_a_labelled_date_is_the_page_date_even_below_the_story(label):
    story = "وكان الجيش قد خسر البلدة يوم 5 آذار 2013 بعد معارك عنيفة."
    assert find_published(page(HEADLINE, "الأحد 10 آذار 2019", LEAD, story, label)) == "2019-03-12"


def test_an_update_date_is_taken_only_where_no_other_is_printed():
    story = "وكان الجيش قد خسر البلدة يوم 5 آذار 2013 بعد معارك عنيفة."
    updated = "آخر تحديث: 13/03/2019 09:30"
    assert find_published(page(HEADLINE, LEAD, story, updated)) == "2019-03-13"
    assert find_published(page(HEADLINE, "12/03/2019", LEAD, updated)) == "2019-03-12"
    assert find_published(page(HEADLINE, LEAD, updated, "نشر في 12/03/2019")) == "2019-03-12"
    # Some sites print the label after the date.
    assert find_published(page(HEADLINE, "13/03/2019 م (آخر تحديث)", LEAD)) == "2019-03-13"
    after = page(HEADLINE, "12/03/2019", "13/03/2019 م (آخر تحديث) الساعة 09:30", LEAD)
    assert find_published(after) == "2019-03-12"


@pytest.mark.parametrize(
    "story",
    [
        "وكان الجيش قد خسر البلدة يوم 5 آذار 2013 بعد معارك عنيفة.",
        "وسيطر المسلحون على البلدة في 5 آذار 2013 بعد معارك عنيفة.",
        "وتعود السيطرة على البلدة إلى ما قبل 5 آذار 2013 بحسب المصدر.",
        "وأعلن الجيش اليوم الثلاثاء 12 آذار 2019 أنه استعاد البلدة.",
    ],
)
def test_a_date_inside_a_sentence_of_the_story_is_not_the_page_date(story):
    assert find_published(page(HEADLINE, LEAD, story)) is None


def test_the_header_date_wins_over_a_date_further_down():
    far = "وأفاد المرصد في تقرير 20/02/2019 بأن المعارك مستمرة."
    assert find_published(page(HEADLINE, "12/03/2019", LEAD, *[LEAD] * 8, far)) == "2019-03-12"
    assert find_published(page(HEADLINE, LEAD, *[LEAD] * 8, "20/02/2019")) is None


def test_behind_a_title_bar_the_date_under_the_printed_headline_is_the_page_date():
    # A scraped page: its title with the site's name, the site's date of the day, the headline
    # printed again, then the article's date and the story, run together on one line.
    title_bar = f"{HEADLINE} - موقع الأخبار الأحد 21 كانون الثاني 2018"
    assert find_published(f"{title_bar} {HEADLINE} 12/03/2019 {LEAD}") == "2019-03-12"
    assert find_published(f"{title_bar} {HEADLINE} {LEAD}") is None
    site_update = f"{HEADLINE} - موقع الأخبار 21/01/2018 (آخر تحديث) {HEADLINE} {LEAD}"
    assert find_published(site_update) is None


def test_of_two_header_dates_the_site_clock_comes_first():
    clock = "2019/3/13 الساعة 01:15 (مكة المكرمة)"
    assert find_published(page(clock, HEADLINE, "12/3/2019", LEAD)) == "2019-03-12"


def test_a_list_of_time_stamped_dates_is_a_list_of_articles_not_the_page_date():
    teasers = [
        f"{day}/03/2019 - 14:00 {teaser}"
        for day, teaser in (
            (10, "وفد المعارضة يصل إلى العاصمة لبدء جولة جديدة من المفاوضات"),
            (11, "انقطاع الكهرباء عن أحياء المدينة لليوم الثالث على التوالي"),
            (12, "منظمة إغاثية تحذر من نقص الدواء في مخيمات النازحين"),
        )
    ]
    assert find_published(page("أرشيف الكاتب", *teasers)) is None


def test_a_date_the_story_contradicts_by_its_today_is_dropped():
    today = "وقال المصدر اليوم الجمعة إن الوحدات ما زالت تمشط البلدة."
    assert find_published(page(HEADLINE, "الثلاثاء 12 آذار 2019", LEAD, today)) is None
    # A story of Monday evening that went out after midnight still calls Monday today.
    monday = "وقال المصدر اليوم الاثنين إن الوحدات ما زالت تمشط البلدة."
    assert find_published(page(HEADLINE, "12 آذار 2019", LEAD, monday)) == "2019-03-12"

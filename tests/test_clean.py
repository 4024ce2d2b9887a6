"""The page's own metadata: the outlet that publishes it."""

from claims.pipeline import extract_bytes


def test_the_site_named_beside_the_headline_is_the_outlet():
    def outlet(first_line: str) -> str | None:
        page = first_line + "\nوقال مصدر محلي إن الاشتباكات تجددت في المدينة مساء أمس بعد هدوء حذر."
        return extract_bytes(page.encode(), "p.txt").article.outlet

    assert outlet("القوات تتقدم في ريف حلب - عنب بلدي الأحد 21 كانون الثاني 2018") == "عنب بلدي"
    assert outlet("الميادين | الجيش يتقدم في ريف حلب") == "الميادين"
    # a headline that opens with an outlet's name is no site label
    assert outlet("الجزيرة تبث صورا جديدة من المدينة") is None


def test_a_company_holding_the_copyright_is_not_the_outlet():
    page = (
        "وقال مصدر محلي إن الاشتباكات تجددت في المدينة مساء أمس بعد هدوء حذر.\n"
        "جميع الحقوق محفوظة للشركة العربية المتحدة للنشر والتوزيع والإعلان"
    )
    assert extract_bytes(page.encode(), "p.txt").article.outlet is None


def test_an_interview_given_once_to_a_channel_does_not_make_it_the_page_s_outlet():
    page = (
        "وقال وزير الدفاع أفيغدور ليبرمان إن الطائرة أسقطت فوق الجولان صباح اليوم.\n"
        'وتابع في حديثه لـ"القناة العاشرة" الإسرائيلية، أن النظام السوري مسؤول عن الحادث.'
    )
    assert extract_bytes(page.encode(), "p.txt").article.outlet is None
    straight = 'وأكدت مصادر محلية لـ"المدن" أن الطريق الدولي مغلق منذ يومين.'
    assert extract_bytes(straight.encode(), "p.txt").article.outlet == "المدن"


def test_the_outlet_that_received_or_translated_what_the_page_reports_is_its_own():
    def outlet(sentence: str) -> str | None:
        page = "قصفت قوات النظام بلدات في ريف إدلب الجنوبي صباح اليوم.\n" + sentence
        return extract_bytes(page.encode(), "p.txt").article.outlet

    assert outlet('وقال الفصيل في بيان تلقت "شبكة الراصد" نسخة منه إن مقاتليه صدوا الهجوم.') == (
        "شبكة الراصد"
    )
    assert outlet('وجاء في التقرير، الذي ترجمه "موقع الحدث"، أن الغارات استهدفت مشفى.') == (
        "موقع الحدث"
    )
    assert outlet("وبحسب وثيقة حصلت «صوت العاصمة» على نسخة منها، فإن المعبر سيغلق.") == (
        "صوت العاصمة"
    )
    # the verbs take other objects too: a blow, a promise
    assert outlet('وقال القائد إن قواته تلقت "ضربة" قوية في الجبهة الشمالية.') is None
    assert outlet('وأضاف أن الأهالي تلقوا "وعودا" بإعادة فتح الطريق.') is None


def test_interviews_that_lost_their_quotation_marks_still_name_the_outlet():
    interviews = (
        "الطريق إلى البلدة مغلق منذ يومين\n"
        "ويقول الباحث سامر خليل، في حديثه ل - عنب بلدي إن الطريق مغلق منذ يومين.\n"
        "ويضيف الباحث في حديثه ل - عنب بلدي أن القوافل لم تصل بعد إلى البلدة.\n"
        "ويرى خليل أن الأزمة ستطول."
    )
    page = extract_bytes(interviews.encode(), "p.txt")
    assert page.article.outlet == "عنب بلدي"
    assert page.claims[1].via is None  # spoken to the page's own outlet
    # words after the cut that name no known outlet name none
    unknown = interviews.replace("عنب بلدي", "الباحثين الشباب")
    assert extract_bytes(unknown.encode(), "p.txt").article.outlet is None


BODY = "وقال مصدر محلي إن الاشتباكات تجددت في المدينة مساء أمس بعد هدوء حذر.\n"


def page_outlet(page: str) -> str | None:
    return extract_bytes(page.encode(), "p.txt").article.outlet


def test_a_known_outlet_just_before_the_copyright_years_is_the_outlet():
    assert page_outlet(BODY + "الرئيسية روسيا اليوم 2005 - 2019 جميع الحقوق محفوظة") == (
        "روسيا اليوم"
    )
    # a company or a menu before the years names no outlet
    assert page_outlet(BODY + "اتصل بنا سياسة الخصوصية 2019 جميع الحقوق محفوظة") is None


PLACES = ("بغداد", "الموصل", "دمشق")


def test_the_name_after_the_dash_of_datelines_with_several_places_is_the_outlet():
    teasers = (
        "حلب - شبكة الفرات قصفت الطائرات مدرسة في المدينة...\n"
        "دمشق - شبكة الفرات: أعلنت الحكومة رفع أسعار الخبز...\n"
        "إدلب - شبكة الفرات قال ناشطون إن القصف مستمر...\n"
    )
    assert page_outlet(BODY + teasers) == "شبكة الفرات"
    # one place given twice, or two places, is a story's own dateline, not the site's teasers
    two = "حلب - شبكة الفرات قصفت الطائرات مدرسة.\nدمشق - شبكة الفرات أعلنت الحكومة خطة.\n"
    assert page_outlet(BODY + two) is None
    # a menu of sections: the word after each dash differs
    assert page_outlet(BODY + "أخبار - سياسة - اقتصاد - رياضة - منوعات - ثقافة\n") is None
    # a dateline's credit in the outlet's place, or one word that is a team's name
    for credit in ("وكالات", "وكالات الأنباء", "خاص"):
        runs = "".join(f"{place} - {credit} قال مسؤول إن الهجوم أحبط...\n" for place in PLACES)
        assert page_outlet(BODY + runs) is None, credit
    scores = "".join(f"{team} - النصر 2...\n" for team in ("الهلال", "الاتحاد", "الشباب"))
    assert page_outlet(BODY + scores) is None


def test_a_known_outlet_whose_domain_the_page_prints_again_and_again_is_the_outlet():
    links = (
        "شارك الرابط http: / / p. dw. com / p / 2xY\nطباعة الرابط http: / / p. dw. com / p / 2xY\n"
    )
    assert page_outlet(BODY + links) == "دويتشه فيله"
    # printed once, or the domain of no known outlet (a share button's), names none
    assert page_outlet(BODY + "شارك الرابط http: / / p. dw. com / p / 2xY\n") is None
    assert page_outlet(BODY + "twitter. com / share\ntwitter. com / share\n") is None


def test_the_title_is_kept_whatever_the_models_doubt_unless_it_ends_with_a_full_stop(monkeypatch):
    import claims.clean
    from claims.furniture import Verdict
    from claims.read import read_bytes
    from claims.segment import segment

    # a model in doubt about every line: past its threshold, short of sure
    def doubtful(sentences, rules, forms=None):
        return [Verdict(probability=0.6, reason="looks like page furniture (0.60)")] * len(
            sentences
        )

    monkeypatch.setattr(claims.clean, "learned_furniture", doubtful)
    text = (
        "رئيس مؤسسة النفط: الإغلاق يكلف ليبيا 120 مليون دولار يوميا\n"
        "أعلنت المؤسسة الوطنية للنفط في ليبيا، الأحد، حالة القوة القاهرة في حقل الشرارة النفطي"
        " جنوب غربي البلاد.\n"
    )
    article, marked = claims.clean.clean(read_bytes(text.encode(), "a.txt"), segment(text))
    assert article.title == marked[0].text and not marked[0].junk
    assert marked[1].junk  # below the title, the model's verdict stands

    text = "اختر اللغة العربية كلغة الإعدادات الخاصة بك.\n" + text.split("\n", 1)[1]
    article, marked = claims.clean.clean(read_bytes(text.encode(), "b.txt"), segment(text))
    assert article.title == marked[0].text and marked[0].junk

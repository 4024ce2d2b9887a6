"""Reporting frames met on real news pages: participles, verbs of writing and concluding,
second clauses, hearers, quotations that run on, statements as sources.

The sentences are written for these tests, in the registers of Arabic news reporting.
"""

from __future__ import annotations

from claims.models import Kind
from claims.pipeline import extract_bytes


def attributions(*paragraphs: str) -> list[tuple[Kind, str | None, str | None, str | None]]:
    text = "\n\n".join(paragraphs)
    return [(c.kind, c.source, c.cue, c.via) for c in extract_bytes(text.encode(), "t.txt").claims]


INTRODUCED = "قال وزير الخارجية التركي مولود تشاووش أوغلو إن المحادثات مع موسكو مستمرة."


def test_a_quotation_right_after_the_verb_is_the_last_speakers_words():
    said = attributions(INTRODUCED, 'وأضاف " نحن لن نقبل بأي تقسيم للبلاد، والجيش مستعد ".')
    assert said[-1] == (Kind.named_person, "مولود تشاووش أوغلو", "وأضاف", None)


def test_a_verb_of_saying_right_after_the_verb_leaves_it_without_a_subject():
    said = attributions(INTRODUCED, 'وتابع يقول " على الطرفين الالتزام بالاتفاق ".')
    assert said[-1][:2] == (Kind.named_person, "مولود تشاووش أوغلو")


def test_the_subject_ends_where_a_participle_takes_up_the_saying():
    said = attributions(INTRODUCED, 'وأردف الوزير التركي قائلا: " الجيش مستعد لكل الاحتمالات ".')
    assert said[-1][:2] == (Kind.named_person, "مولود تشاووش أوغلو")


def test_a_quoted_name_after_the_verb_is_still_its_subject():
    said = attributions('وقالت "هيئة تحرير الشام" إن مقاتليها صدوا الهجوم على التلة.')
    assert said[-1][:2] == (Kind.organization, "هيئة تحرير الشام")


def test_a_participle_opening_a_sentence_carries_on_the_last_speaker():
    said = attributions(
        "وقالت مصادر محلية إن الاتفاق يشمل ثلاث بلدات.",
        "مضيفا، أنه تم الاتفاق أيضا على فتح الطريق الدولي.",
    )
    assert said[-1] == (Kind.anonymous, "مصادر محلية", "مضيفا", None)


def test_participle_after_a_comma_takes_the_main_verbs_subject():
    said = attributions("وحذت الحكومة الفرنسية حذو برلين، معلنة أنها ستعلق صادرات السلاح.")
    assert said[-1] == (Kind.organization, "الحكومة الفرنسية", "معلنة", None)


def test_participle_without_a_complementizer_is_an_adjective():
    said = attributions("وصل الوزير إلى دمشق في زيارة غير معلنة، والتقى عددا من المسؤولين.")
    assert said[-1][0] is Kind.author


def test_a_quote_mark_opening_a_sentence_closes_the_quotation_left_open():
    said = attributions(
        'وقال زعيم الجماعة عبد الملك الحوثي: " صواريخنا تصل إلى العاصمة.',
        '" وفي الأثناء، قالت مصادر محلية إن القصف استمر طوال الليل.',
    )
    assert said[-1][:2] == (Kind.anonymous, "مصادر محلية")


def test_verbs_of_writing_and_concluding_report_when_content_follows():
    said = attributions(
        "أعلنت وزارة الدفاع الروسية انتهاء العملية في ريف حماة.",
        "وختم البيان بالتأكيد على أن القوات ستبقى في مواقعها.",
    )
    assert said[-1] == (Kind.organization, "وزارة الدفاع الروسية", "وختم", None)
    tweeted = attributions('وكتب المتحدث باسم الهلال الأحمر، محمد الحسن، على تويتر: "الطريق مغلق".')
    assert tweeted[-1][:3] == (Kind.named_person, "محمد الحسن", "وكتب")
    quoted = attributions(
        "أعلنت اللجنة الدولية للصليب الأحمر بدء عمليات الإجلاء من الغوطة الشرقية.",
        'وكتبت اللجنة في تغريدة على حسابها " بدأت فرقنا الليلة إجلاء الحالات الحرجة ".',
    )
    assert quoted[-1][:3] == (Kind.organization, "اللجنة الدولية للصليب الأحمر", "وكتبت")


def test_verbs_of_writing_and_concluding_without_content_are_acts():
    said = attributions(
        "قالت وزارة الخارجية إن الوزير سيزور موسكو.", "وختم الوزير زيارته بلقاء مع الجالية."
    )
    assert said[-1][0] is Kind.author


def test_playing_down_is_reported_speech():
    said = attributions(
        "ويقلل الخبير العسكري أحمد الرحال من أهمية الهجوم، معتبرا أنه لن يغير موازين القوى."
    )
    assert said[-1][:3] == (Kind.named_person, "أحمد الرحال", "ويقلل")


def test_a_second_clause_far_into_the_sentence_carries_the_attribution():
    said = attributions(
        "وشنت قوات النظام أمس هجوما واسعا على أحياء المدينة الشرقية بغطاء من الطائرات الحربية "
        "الروسية، فيما ذكرت مصادر ميدانية أن التنظيم استغل العاصفة الرملية لشن هجمات معاكسة."
    )
    assert said[-1] == (Kind.anonymous, "مصادر ميدانية", "ذكرت", None)


def test_as_x_said_closing_a_long_sentence_attributes_it():
    said = attributions(
        "وانطلق اليوم في جنيف المؤتمر السنوي للمعارضة بحضور وفود من عشرات الدول للمطالبة "
        "بإطلاق سراح المعتقلين وعودة اللاجئين، كما قال الائتلاف الوطني السوري في بيان."
    )
    assert said[-1][:3] == (Kind.organization, "الائتلاف الوطني السوري", "قال")


def test_a_far_clause_without_its_own_subject_or_content_stays_the_authors():
    said = attributions(
        "وأمر رئيس الوزراء الإسرائيلي وزراءه بعدم التعليق على بلاغ الرئيس الأميركي بشأن القدس "
        "أمس الثلاثاء في الجلسة الأسبوعية للحكومة، نقل السفارة الأميركية إلى المدينة."
    )
    assert said[-1][0] is Kind.author


def test_an_outlet_heard_after_an_omitted_subject_relays_the_statement_and_its_sequel():
    said = attributions(
        "وقال وزير الدفاع الإسرائيلي أفيغدور ليبرمان إن الطائرة أسقطت فوق الجولان.",
        'وتابع في حديثه لـ"القناة العاشرة" الإسرائيلية، أن النظام السوري مسؤول عن الحادث.',
        "وأضاف أن إسرائيل لن تسمح بتكرار ذلك.",
    )
    # the adjective after the closing mark describes the channel; the marks hold its name
    assert [s[3] for s in said] == [None, "القناة العاشرة", "القناة العاشرة"]


def test_what_came_in_a_statement_is_its_issuers():
    said = attributions(
        "أعلنت وزارة الخارجية التركية في بيان التوصل إلى اتفاق لوقف إطلاق النار.",
        "وجاء في البيان أن ممثلين عن الطرفين سيجتمعون قريبا في أستانة.",
    )
    assert said[-1][:3] == (Kind.organization, "وزارة الخارجية التركية", "وجاء")


def test_what_came_after_an_event_is_narrative():
    said = attributions("وجاءت السيطرة على البلدة عقب هجوم واسع شنته القوات فجر اليوم.")
    assert said[-1][0] is Kind.author


def test_a_quotation_runs_on_over_paragraphs_when_its_closing_mark_comes_soon():
    said = attributions(
        'وقال الرئيس التركي رجب طيب أردوغان في مؤتمر صحفي " أقولها بكل وضوح، لن نتراجع.',
        "لا يمكننا القبول بهذا الوضع على حدودنا.",
        'إذا قبلنا بذلك سنخذل شعبنا " بحسب تعبيره.',
        "وتستمر المعارك في ريف حلب الشمالي.",
    )
    assert [s[1] for s in said] == ["رجب طيب أردوغان"] * 3 + [None]


def test_a_quotation_left_open_with_no_closing_mark_ahead_stops_at_the_paragraph():
    said = attributions(
        'وقال الرئيس التركي رجب طيب أردوغان " لن نتراجع عن موقفنا.',
        "وتستمر المعارك في ريف حلب الشمالي.",
        "وقصفت الطائرات قرى المنطقة.",
        "ونزح مئات السكان.",
        "ووصلت تعزيزات إلى الجبهة.",
    )
    assert [s[0] for s in said[1:]] == [Kind.author] * 4


def test_a_lone_closing_mark_heading_a_sentence_ends_the_quotation():
    said = attributions(
        'وقال المعارض السوري جورج صبرا لوكالة رويترز " الحكومة لا يمكن أن تكون جزءا من الحل.',
        "إن ما يتحدث عنه النظام لا علاقة له بالعملية السياسية.",
        '" وتتفق القوى الكبرى على ضرورة إيجاد عملية انتقال سياسي.',
    )
    assert [s[0] for s in said] == [Kind.named_person, Kind.named_person, Kind.author]


def test_points_glued_after_a_statements_colon_open_its_list():
    said = attributions(
        "وأوضحت هيئة التفاوض السورية بنود الاتفاق وهي: 1 - وقف إطلاق النار في كل المناطق.",
        "2 - إطلاق سراح المعتقلين خلال شهر.",
        "3 - عودة المهجرين إلى بلداتهم.",
        "وكانت المعارك قد توقفت في معظم الجبهات منذ أسبوعين بعد وساطة تركية روسية.",
    )
    assert [s[:2] for s in said[:3]] == [(Kind.organization, "هيئة التفاوض السورية")] * 3


def test_a_sentence_glued_after_a_photo_credit_or_date_is_read_for_its_frame():
    said = attributions(
        "المدينة - الطائرات تقصف ريف إدلب الجنوبي 12/03/2018 صورة من مكان القصف في خان شيخون "
        "(AFP) أعلنت وزارة الدفاع الروسية تدمير مستودع للأسلحة قرب البلدة."
    )
    assert said[0][:3] == (Kind.organization, "وزارة الدفاع الروسية", "أعلنت")


def test_a_title_glued_after_the_site_name_gives_its_speaker_before_the_colon():
    said = attributions(
        "شبكة الأخبار | ناشطون: قوات النظام تسيطر على ثلاث قرى في ريف حلب الشرقي",
        "وقالت مصادر محلية إن المعارك مستمرة.",
    )
    assert said[0][:2] == (Kind.anonymous, "ناشطون")


def test_a_reporter_named_in_a_dateline_before_a_colon_is_no_speaker():
    said = attributions(
        'الرباط - "الصحيفة" - سمير الحسني: نظم العشرات وقفة احتجاجية أمام مقر السفارة في العاصمة.'
    )
    assert said[0][0] is Kind.author


def test_a_lead_in_with_the_subject_as_a_pronoun_keeps_the_frame():
    said = attributions("وسبق أن أوضح المتحدث باسم الهيئة، يحيى العريضي، أن الوفد لن يحضر.")
    assert said[-1][:3] == (Kind.named_person, "يحيى العريضي", "أوضح")
    went_on = attributions(
        "وقالت مصادر محلية إن القصف استهدف السوق.", "إلا أنها أكدت أن المعبر ما زال مفتوحا."
    )
    assert went_on[-1][:3] == (Kind.anonymous, "مصادر محلية", "أكدت")


def test_the_outlets_own_correspondent_passing_on_a_report_gives_its_frame():
    page = (
        "© جميع الحقوق محفوظة لقناة العربية\n\n"
        'وأفاد مراسل "العربية" في أنقرة أن مصادر في المعارضة السورية أكدت التوقيع على الاتفاق.\n\n'
        'وأفاد مراسل "العربية" في أنقرة بوصول وفد روسي إلى العاصمة التركية.'
    )
    claims = extract_bytes(page.encode(), "t.txt").claims
    said = [(c.kind, c.source, c.cue) for c in claims if "مراسل" in c.text]
    assert said == [
        (Kind.anonymous, "مصادر في المعارضة السورية", "أكدت"),
        (Kind.author, None, None),
    ]


def test_a_subordinator_with_its_conjunction_still_subordinates():
    said = attributions(
        "لم يحصلوا على أي ضمانات، وعندما نقل الرئيس اليمني البنك المركزي إلى عدن تراجعت العملة."
    )
    assert said[-1][0] is Kind.author


def test_here_is_no_congratulating():
    said = attributions("وهنا يجب الالتفات إلى ما يلي: أي ضربة عسكرية ستشعل المنطقة بأكملها.")
    assert said[-1][0] is Kind.author


def test_the_rest_of_a_sentence_cut_at_a_decimal_point_keeps_its_labels():
    said = attributions(
        "وأعلنت المفوضية السامية للأمم المتحدة لشؤون اللاجئين أن عدد اللاجئين ارتفع إلى 2.",
        "5 مليون لاجئ بعد ثلاثة أعوام على اندلاع الحرب.",
        "وكانت الحرب قد اندلعت عام 2011.",
        "12 منظمة أغاثية تعمل في المنطقة.",
    )
    assert [s[0] for s in said] == [Kind.organization, Kind.organization, Kind.author, Kind.author]


def test_the_rest_of_a_sentence_cut_at_an_initial_keeps_its_labels():
    said = attributions(
        "وقال مصدر محلي لوكالة الأنباء الألمانية (د.",
        "ب.",
        'أ) إن "الهدنة لم تصمد سوى ساعات".',
    )
    assert {s[:2] for s in said} == {(Kind.anonymous, "مصدر محلي")}


def test_an_outlet_speaking_in_its_own_words_is_not_its_own_intermediary():
    said = attributions('وذكرت وكالة "سانا" أن القوات فكت الحصار عن المدينة، على حد قول الوكالة.')
    assert said[-1] == (Kind.media, "سانا", "وذكرت", None)


def test_an_outlet_reporting_that_someone_said_relays_that_speaker():
    said = attributions(
        'وذكرت وكالة "سبوتنيك" أن رئيس الأركان الروسي فاليري غيراسيموف قال إن العمليات انتهت.'
    )
    assert said[-1][0::3] == (Kind.named_person, "سبوتنيك")
    assert said[-1][1] == "فاليري غيراسيموف"


def test_an_outlet_describing_a_stance_speaks_for_itself():
    said = attributions('وأشارت صحيفة "الشرق الأوسط" إلى أن روسيا ترى في المؤتمر فرصة للحل.')
    assert said[-1][:2] == (Kind.media, "الشرق الأوسط")


def test_what_an_outlet_publishes_is_its_report_and_what_others_publish_an_act():
    aired = attributions("وبثت قناة الجزيرة صورا تظهر حجم الدمار في أحياء المدينة الشرقية.")
    assert aired[-1][:3] == (Kind.media, "الجزيرة", "وبثت")
    deployed = attributions("ونشر الجيش السوري تعزيزات عسكرية على أطراف المدينة الشرقية.")
    assert deployed[-1][0] is Kind.author


def test_a_verb_split_where_the_scraper_dropped_its_shadda_is_read_whole():
    said = attributions("ورج حت مصادر محلية أن يكون القصف قد استهدف مستودعا للذخيرة.")
    assert said[-1][:2] == (Kind.anonymous, "مصادر محلية")


def test_two_words_that_each_stand_alone_are_not_joined():
    from claims.clean import repair

    assert repair("وقال أن ها مشير ا إلى الحادث في جيب المعارضة.") == (
        "وقال أنها مشيرا إلى الحادث في جيب المعارضة."
    )


def test_a_word_ending_in_a_marked_letter_is_not_joined_to_the_next():
    """The letter after a tanwin, a shadda or a damma is the end of a written word, not a
    piece split off by the scraper ('ردًا' + 'على' made 'ردًاعلى', read as 'ا' + 'على')."""
    from claims.clean import repair

    for sentence in (
        "جاءت الحملة ردًا على التظاهرات الأخيرة.",
        "لكنه لم يقدّم أي ضمانات للمعتقلين.",
        "ولم يُعرف مصير المعتقلين حتى الآن.",
        "وعادت القرية إلى سيطرة النظام مجددًا في هذه المنطقة.",
    ):
        assert repair(sentence) == sentence


def test_an_agency_named_back_in_an_according_relay_is_the_agency_named_before():
    said = attributions(
        "ومن جهتها ذكرت وكالة الأناضول أن الغارات استهدفت معسكرات تدريب في صنعاء.",
        "وفي مأرب قصفت الطائرات معسكرا للحوثيين، حسب ما نقلت الوكالة عن مصادر قبلية.",
    )
    assert said[-1] == (Kind.anonymous, "مصادر قبلية", "حسب ما نقلت", "الأناضول")


def test_the_outlet_holding_the_copyright_after_the_year_is_no_intermediary_of_its_sources():
    said = attributions(
        "وقالت مصادر للجزيرة إن الحوثيين انسحبوا من بعض مواقعهم في صعدة.",
        "جميع الحقوق محفوظة 2018 شبكة الجزيرة الاعلامية",
    )
    assert said[0] == (Kind.anonymous, "مصادر", "وقالت", None)


def test_outlets_that_carried_a_statement_relay_it_whatever_the_verbs_gender():
    said = attributions(
        "وأوضحت وزارة الدفاع الروسية، في بيان تداولته وكالات إعلام روسية، أن الغارة نفذت ليلا.",
        "وقال الرئيس السوري بشار الأسد في مقابلة أجرتها معه وكالة نوفوستي إن الحكومة ستتشكل قريبا.",
    )
    assert [s[3] for s in said] == [
        "وكالات إعلام روسية",
        "نوفوستي",
    ]  # the kind word is not part of the name


def test_what_outlets_carried_is_the_matter_of_a_denial_not_its_channel():
    said = attributions("ونفى مصدر في الفصيل ما تداولته وسائل إعلام روسية عن انسحاب مقاتليه.")
    assert said[-1] == (Kind.anonymous, "مصدر في الفصيل", "ونفى", None)


REPORT_OPENS = 'كشف موقع "ميدل إيست آي" البريطاني أن مفاوضات سرية جرت في مسقط.'
QUOTED_AFTER = "وقال مسؤولون عمانيون إن اللقاءات ستستمر حتى نهاية العام."


def test_the_relaying_outlet_named_back_ends_before_the_report_it_gave():
    said = attributions(
        REPORT_OPENS, "ونقل الموقع، في تقرير له اليوم، عن مسؤولين عمانيين أن اللقاءات ستستمر."
    )
    assert said[-1] == (Kind.anonymous, "مسؤولين عمانيين", "ونقل", "ميدل إيست آي")


def test_an_outlet_relaying_a_counted_group_passes_it_on_and_its_report_speaks_after():
    # whom it relays is read past its 'من' (rule 11: 'نقلت شبكة X عن مصدر …' is the source's)
    said = attributions(
        REPORT_OPENS,
        "ونقل الموقع، في تقرير له اليوم، المعلومات عن ثلاثة من كبار الدبلوماسيين؛ وأشار إلى "
        "أن الوسيط يميل إلى طرف.",
        "وقال التقرير إن الوساطة فشلت مرتين.",
    )
    assert said[1][::3] == (Kind.anonymous, "ميدل إيست آي")
    assert said[1][1].startswith("ثلاثة من كبار الدبلوماسيين")
    assert said[2][:2] == (Kind.media, "ميدل إيست آي")


def test_those_quoted_in_a_relayed_report_speak_through_its_outlet():
    said = attributions(
        REPORT_OPENS, "وقال التقرير إن الوفدين التقيا ثلاث مرات خلال الشهر الماضي.", QUOTED_AFTER
    )
    assert said[1] == (Kind.media, "ميدل إيست آي", "وقال", None)
    assert said[2] == (Kind.anonymous, "مسؤولون عمانيون", "وقال", "ميدل إيست آي")


def test_an_outlet_cited_once_does_not_relay_the_speakers_after_it():
    said = attributions(REPORT_OPENS, QUOTED_AFTER)
    assert said[-1] == (Kind.anonymous, "مسؤولون عمانيون", "وقال", None)


def test_a_continuation_goes_on_with_the_last_speaker_its_verb_agrees_with_in_number():
    said = attributions(
        INTRODUCED,
        "ويقول مسؤولون فلسطينيون إن الرياض كانت تعمل منذ أسابيع على اتفاق جديد.",
        'وأضاف " لا أعتقد أن أي اتفاق سيصمد دون ضمانات ".',
        "وأضافوا أن الوفد التركي سيصل إلى موسكو غدا.",
    )
    assert [s[1] for s in said[2:]] == ["مولود تشاووش أوغلو", "مسؤولون فلسطينيون"]


def test_after_a_concession_the_main_clause_gives_the_frame():
    said = attributions(
        "وفي حين أعلن الجيش تطويق البلدة بالكامل وبدء اقتحامها، قال مدير المرصد السوري رامي "
        "عبد الرحمن إن المعارك لا تزال على أطرافها."
    )
    assert said[-1] == (Kind.named_person, "رامي عبد الرحمن", "قال", None)


def test_a_concession_with_no_main_clause_of_saying_keeps_its_own_frame():
    said = attributions("فيما قال ناشطون إن الطريق مقطوع منذ الصباح، ما أدى إلى نقص في الوقود.")
    assert said[-1] == (Kind.anonymous, "ناشطون", "قال", None)


def test_an_outlet_named_before_its_verb_of_relaying_passes_on_whom_it_names():
    said = attributions("وكانت وكالة سانا قد نقلت عن مصدر عسكري قوله إن الطريق الدولي فتح.")
    assert said[-1] == (Kind.anonymous, "مصدر عسكري", "نقلت", "سانا")


def test_refusing_and_renewing_a_position_are_speech_acts():
    said = attributions(
        "ورفض مسؤولون أميركيون نفي أو تأكيد الإعلان الروسي عن مقتل زعيم التنظيم.",
        "وجدد الرئيس التركي رجب طيب أردوغان في خطاب التأكيد على موقفه من الحل في سوريا.",
    )
    assert [s[:3] for s in said] == [
        (Kind.anonymous, "مسؤولون أميركيون", "ورفض"),
        (Kind.named_person, "رجب طيب أردوغان", "وجدد"),
    ]


def test_an_according_phrase_reaches_its_source_past_the_verb_and_its_pronouns():
    said = attributions(
        "وقتل خمسة مدنيين في القصف على البلدة، بحسب ما أوردته وكالة سانا.",
        "وأعلن الرئيس الروسي فلاديمير بوتين توقيع الاتفاق، بحسب ما نقلت عنه وكالات روسية.",
    )
    assert said[0][:2] == (Kind.media, "سانا")
    assert said[1][3] == "وكالات روسية"


def test_the_body_that_issued_a_statement_speaks_in_it():
    said = attributions(
        'وأصدرت غرفة عمليات "الفتح المبين" بيانا، أوضحت فيه أسباب انسحاب المقاتلين من التلة.',
        "وأوضح البيان أن المقاتلين أعادوا التموضع في خطوط خلفية.",
        "وأصدرت المحكمة حكما بسجن المتهمين خمس سنوات.",
    )
    assert said[0] == (Kind.organization, "غرفة عمليات الفتح المبين", "أوضحت", None)
    assert said[1][:2] == (Kind.organization, "غرفة عمليات الفتح المبين")
    assert said[2][0] is Kind.author


def test_the_report_named_back_in_a_relaying_article_is_the_outlets_after_others_spoke():
    said = attributions(
        REPORT_OPENS,
        "وقال التقرير إن الوفدين التقيا ثلاث مرات خلال الشهر الماضي.",
        "وأكدت وزارة الخارجية العمانية أن الوساطة مستمرة.",
        "وقال التقرير إن الجولة المقبلة ستعقد في الدوحة.",
    )
    assert said[-1] == (Kind.media, "ميدل إيست آي", "وقال", None)


def test_an_according_phrase_takes_any_reporting_verb_after_ma_and_a_leading_wa():
    said = attributions(
        "وسقطت قذائف على الحي الشرقي، حسب ما ذكر ناشطون.",
        "وبحسب ما نشرت صحيفة الغارديان، فقد غادر المقاتلون المدينة.",
        "ووفقاً لمصادر محلية، فإن الطريق أغلق مساء أمس.",
    )
    assert said[0] == (Kind.anonymous, "ناشطون", "حسب ما ذكر", None)
    assert said[1][:3] == (Kind.media, "الغارديان", "وبحسب ما نشرت")
    assert said[2][:2] == (Kind.anonymous, "مصادر محلية")


def test_a_negated_denial_still_takes_a_position_where_a_negated_report_says_nothing():
    said = attributions(
        "ولم ينف وزير الداخلية سامر الخطيب وجود اتصالات مع الجانب التركي.",
        "ولا يستبعد مراقبون أن تنهار الهدنة قريباً.",
        "ولم تذكر الوزارة عدد الموقوفين.",
    )
    assert said[0][:3] == (Kind.named_person, "سامر الخطيب", "ينف")
    assert said[1][:2] == (Kind.anonymous, "مراقبون")
    assert said[2][0] is Kind.author


def test_a_person_described_before_the_name_that_precedes_the_verb_is_the_subject():
    said = attributions(
        "وذكر التلفزيون الرسمي أن رجل الدين البارز أحمد خاتمي قال للمصلين إن على الجميع التحرك.",
        "وأحرق المتظاهرون صورا للرئيس سامر الخطيب وأخذوا يهتفون ضد الحكومة.",
    )
    assert said[0] == (Kind.named_person, "أحمد خاتمي", "قال", "التلفزيون الرسمي")
    assert said[1][0] is Kind.author


def test_congratulating_praising_objecting_and_defending_are_speech_acts():
    said = attributions(
        "وهنأت وزارة الخارجية القطرية الحكومة العراقية بتحرير المدينة.",
        "وثمنت الأمم المتحدة جهود الوسطاء في التوصل إلى الهدنة.",
        "ودافع وزير الداخلية سامر الخطيب عن قرار إغلاق المعبر.",
    )
    assert said[0][:3] == (Kind.organization, "وزارة الخارجية القطرية", "وهنأت")
    assert said[1][:2] == (Kind.organization, "الأمم المتحدة")
    assert said[2][:3] == (Kind.named_person, "سامر الخطيب", "ودافع")
    objected = attributions("واعترض السفير الأميركي على تسليم الشحنة.")
    assert objected[0][:3] == (Kind.anonymous, "السفير الأميركي", "واعترض")
    assert attributions("وهنا يجب الالتفات إلى حجم الخسائر.")[0][0] is Kind.author


def test_a_verb_followed_by_its_preposition_goes_on_with_the_last_speaker():
    said = attributions(
        "وقال وزير الخارجية سامر الخطيب إن الحوار هو الحل.",
        "وأعرب عن تطلعه إلى توافق قريب بين الأطراف.",
        "وحذر من عواقب التصعيد على المدنيين.",
    )
    assert said[1][:3] == (Kind.named_person, "سامر الخطيب", "وأعرب")
    assert said[2][:3] == (Kind.named_person, "سامر الخطيب", "وحذر")


def test_an_according_phrase_between_dashes_names_back_the_relayed_source_and_its_via():
    said = attributions(
        'وكشف مصدر عسكري مطلع في تصريحات نقلها موقع "الخبر اليوم" عن بنود الاتفاق.',
        "ويشمل الاتفاق - بحسب المصدر - انسحاب الفصائل من البلدة.",
        "مضيفا أن القوات ستنتشر على الطريق الدولي خلال أيام.",
    )
    relayed = (Kind.anonymous, "مصدر عسكري مطلع")
    assert said[1][:2] == relayed and said[1][3] == "الخبر اليوم"
    assert said[2][:2] == relayed and said[2][3] == "الخبر اليوم"


def test_monitoring_peoples_and_a_regime_named_by_its_ruler_are_sources():
    said = attributions(
        "ورصد المرصد السوري لحقوق الإنسان تحركات عسكرية على أطراف المدينة.",
        "ويقول السوريون في مخيمات اللجوء إن العودة غير آمنة.",
        "وأعلن نظام الأسد سيطرته على البلدة بعد معارك عنيفة.",
    )
    assert said[0][:3] == (Kind.organization, "المرصد السوري لحقوق الإنسان", "ورصد")
    assert said[1][:2] == (Kind.anonymous, "السوريون في مخيمات اللجوء")
    assert said[2][:2] == (Kind.organization, "نظام الأسد")


def test_an_outlet_reporting_what_a_body_deems_likely_relays_the_body():
    said = attributions(
        "ونقلت صحيفة يديعوت أحرنوت أن الجيش الإسرائيلي يرجح أن الطائرة تابعة للنظام.",
        "وذكرت صحيفة الوطن أن روسيا ترى في الاتفاق فرصة للتهدئة.",
    )
    assert said[0] == (Kind.organization, "الجيش الإسرائيلي", "يرجح", "يديعوت أحرنوت")
    assert said[1][:2] == (Kind.media, "الوطن")  # a view held, described by the paper


def test_a_person_quoted_again_from_a_relayed_interview_keeps_its_via():
    said = attributions(
        "تركي الفيصل: القرار سيشعل المنطقة - عنب بلدي",  # the page's own outlet, named
        'قال الأمير تركي الفيصل لـ"رويترز" في مقابلة أمس إن القرار سيشعل المنطقة.',
        "ويقول مسؤولون فلسطينيون إن الرياض تعمل على خطة جديدة.",
        "وقال الأمير تركي إنه لا علم له بتفاصيل الخطة.",
    )
    assert said[-3][1:] == ("تركي الفيصل", "قال", "رويترز")
    assert said[-2][3] is None  # another voice, not relayed
    assert said[-1][1] == "تركي الفيصل" and said[-1][3] == "رويترز"


def test_an_interview_with_a_station_between_dashes_is_the_via_of_what_follows():
    said = attributions(
        "أنقرة - العربية",
        "وقال تشاووش أوغلو - في مقابلة مع محطة خبر - إن تركيا وروسيا ستضمنان وقف إطلاق النار.",
        "كما شدد على ضرورة مغادرة كل الجماعات المقاتلة الأجنبية سوريا.",
    )
    assert said[-2][3] == "خبر" and said[-1][3] == "خبر"


def test_a_title_naming_back_a_person_stops_at_what_the_verb_governs():
    said = attributions(
        "وقال وزير الخارجية سامر الخطيب إن الحوار هو الحل.",
        "وأشار الوزير إلى الزيارات التي قام بها الأمير لكل من السعودية وقطر.",
        "قال مبعوث الرئيس الإيراني إلى الجزائر، مرتضى سرمدي، إنه لا مانع من الحوار.",
    )
    assert said[1][:2] == (Kind.named_person, "سامر الخطيب")  # not 'لكل', after 'الأمير'
    assert said[2][:2] == (Kind.named_person, "مرتضى سرمدي")


def test_a_story_glued_after_a_dateline_takes_the_first_frame_after_one():
    # a teaser run: the first glued story has no frame, the second opens with its verb
    said = attributions(
        "وزار الوفد الأممي المدينة القديمة والتقى بعدد من سكانها ووجهائها في جولة استمرت "
        "ساعات طويلة بين الأحياء المدمرة، فيما... حمص - الخبر اليوم عاد مئات النازحين إلى "
        "قراهم في الريف الشمالي بعد توقف المعارك، وبدأوا ترميم منازلهم... حلب - الخبر اليوم "
        "نفت مصادر أمنية الأنباء عن اعتقال صحافيين في المدينة."
    )
    assert said[0] == (Kind.anonymous, "مصادر أمنية", "نفت", None)


def test_a_verb_glued_by_wa_with_its_own_subject_opens_a_statement():
    # 'وكانت الحكومة أعلنت' is background; the verb joined by و alone opens the statement
    said = attributions(
        "وتعاني البلدة من انقطاع الكهرباء والمياه منذ أسابيع بسبب القصف المتواصل على محطات "
        "التوليد في المنطقة وكانت الحكومة أعلنت في الشهر الماضي أن الإصلاحات ستبدأ قريبا "
        "وقال رئيس البلدية سامر يوسف إن العمل لم يبدأ بعد."
    )
    assert said[0] == (Kind.named_person, "سامر يوسف", "وقال", None)


def test_a_verb_glued_after_a_caption_or_menu_opens_a_statement():
    said = attributions(
        "وتظهر الصور المنشورة على مواقع التواصل طوابير طويلة من الأهالي أمام المخابز في "
        "الأحياء الشرقية للمدينة منذ ساعات الصباح الأولى قالت وزارة التجارة إن الطحين سيصل "
        "الأسبوع المقبل.",
        "الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة ثقافة وفنون منوعات صحة تكنولوجيا "
        "فيديو صور كاريكاتير اتصل بنا أعلنت هيئة الطيران المدني أن المطار سيفتح غدا.",
    )
    assert said[0][:3] == (Kind.organization, "وزارة التجارة", "قالت")
    assert said[1][:3] == (Kind.organization, "هيئة الطيران المدني", "أعلنت")


def test_narration_that_mentions_a_speaker_far_into_the_sentence_stays_the_authors():
    said = attributions(
        "ووصل الوزير إلى المدينة صباح اليوم والتقى بالمسؤولين المحليين وعدد من ممثلي المنظمات "
        "الإنسانية العاملة في المنطقة كما صرح المتحدث باسم الوزارة بأن الزيارة تستمر يومين.",
        "واستقبل الرئيس في القصر الجمهوري صباح اليوم وفدا من رجال الأعمال القادمين من دول "
        "الخليج العربي برئاسة وزير التجارة الذي قال إن المحادثات كانت مثمرة.",
        "وزار الوزير المخيمات الحدودية صباح اليوم برفقة وفد من المنظمات الإنسانية الدولية "
        "واطلع على أوضاع النازحين فيها وقال إنه سيعمل على زيادة المساعدات.",
        "وخرجت مساء أمس تظاهرة حاشدة في ساحة البلدة الرئيسية طالب المشاركون فيها بالإفراج "
        "عن المعتقلين ورفعوا لافتات تندد بممارسات الفصائل.",
        # the colon after the glued verb belongs to a dateline past the site's name
        "تونس تحتج على قرار منع مواطناتها من السفر.. ان المطارات آمنة والقرار كان مفاجئا "
        'وشخصية بارزة تستهجن استغلال الحادث للإساءة | الخبر اليوم الرباطـ"الخبر اليوم" - '
        "سمير الحسني: رغم مساعي التهدئة تواصل الغضب حيث نظم العشرات وقفة أمام السفارة.",
    )
    assert [s[0] for s in said] == [Kind.author] * 5


def test_a_body_glued_after_a_headline_discloses_what_comes_after_an():
    said = attributions(
        "نحاول الآن كل أسبوع إدخال مواد غذائية وإمدادات طبية إلى المدينة المحاصرة منذ أشهر "
        "طويلة شبكة الخبر: اتفاق لإخراج عشرين جريحا من المدينة المحاصرة كشفت مصادر محلية في "
        'المدينة لـ"شبكة الخبر" عن اتفاق لإخلاء الجرحى على أن يتولى الصليب الأحمر نقلهم.',
        # joined by و, 'عن' goes on with the narration's own subject
        "وزار وزير الصحة المخيمات الحدودية صباح اليوم برفقة وفد من المنظمات الإنسانية الدولية "
        "واطلع على أوضاع النازحين فيها وتحدث الوزير عن خطة لزيادة المساعدات.",
    )
    assert said[0] == (Kind.anonymous, "مصادر محلية في المدينة", "كشفت", "شبكة الخبر")
    assert said[1][0] is Kind.author


def test_a_reporter_named_in_a_dateline_before_the_verb_is_no_subject():
    said = attributions(
        "وعادت العائلات إلى الحي بعد أشهر من النزوح... حلب - الخبر اليوم، سامر يوسف نفت "
        "مصادر أمنية الأنباء عن اعتقال صحافيين في المدينة.",
        "وعادت العائلات إلى الحي بعد أشهر من النزوح الطويل في المخيمات الحدودية مع تركيا... "
        "حلب - الخبر اليوم، سامر يوسف نفت مصادر أمنية الأنباء عن اعتقال صحافيين في المدينة.",
    )
    assert said == [(Kind.anonymous, "مصادر أمنية", "نفت", None)] * 2


def test_paragraphs_ending_on_a_closing_mark_they_never_opened_go_on_with_the_speaker():
    said = attributions(
        'وقال رئيس الوفد الحكومي أحمد الراشد "إن الجولة الأخيرة كانت صعبة".',
        "عليكم أن توقعوا الاتفاق كما هو.",
        'وإلا فسنغلق المعابر ونوقف الرواتب ".',
        "وغادر الوفد العاصمة مساء الأحد.",
    )
    assert [s[:2] for s in said[1:3]] == [(Kind.named_person, "أحمد الراشد")] * 2
    assert said[3][0] is Kind.author


def test_a_quotation_closed_where_it_opened_carries_no_speaker_back():
    said = attributions(
        'وقال رئيس الوفد الحكومي أحمد الراشد "إن الجولة الأخيرة كانت صعبة".',
        "وغادر الوفد العاصمة مساء الأحد.",
        'ورفع المتظاهرون لافتات كتب عليها "لا للحصار".',
    )
    assert [s[0] for s in said[1:]] == [Kind.author] * 2


def test_verbs_of_commenting_fearing_mocking_and_recalling_report():
    sentences = (
        "وعلّق المتحدث باسم الخارجية على القرار بالقول إن بلاده لن تعترف به.",
        "ويتخوف الأهالي من أن تتجدد المعارك مع اقتراب الشتاء.",
        'وسخر الناشط من الوعود الحكومية قائلاً: "سمعنا هذا الكلام مراراً".',
        "وهزأ المتحدث باسم المعارضة من تصريحات الرئيس عن الانتخابات.",
        "ويتذكر شاهد عيان كيف دخل المسلحون القرية فجراً.",
    )
    assert [attributions(sentence)[0][:3] for sentence in sentences] == [
        (Kind.organization, "الخارجية", "وعلّق"),
        (Kind.anonymous, "الأهالي", "ويتخوف"),
        (Kind.anonymous, "الناشط", "وسخر"),
        (Kind.organization, "المعارضة", "وهزأ"),
        (Kind.anonymous, "شاهد عيان", "ويتذكر"),
    ]


def test_suspending_harnessing_and_hanging_hopes_report_nothing():
    said = attributions(
        "وعلقت الحكومة الرحلات الجوية إلى المدينة حتى إشعار آخر.",
        "وسخرت الوزارة كل إمكاناتها لإغاثة المنكوبين.",
        "وتعلق الحكومة آمالها على المفاوضات المقبلة.",
    )
    assert [s[0] for s in said] == [Kind.author] * 3


def test_an_outlet_relays_a_speaker_whose_hearer_and_setting_run_long():
    said = attributions(
        "وذكر التلفزيون الرسمي أن رجل الدين البارز أحمد خاتمي قال للمصلين في خطبة الجمعة "
        "بجامعة طهران إن على المسلمين الاتحاد."
    )
    assert said[0] == (Kind.named_person, "أحمد خاتمي", "قال", "التلفزيون الرسمي")


def test_a_verb_deep_in_what_an_outlet_reports_is_part_of_the_events():
    said = attributions(
        "وقالت الوكالة الوطنية للإعلام إن القصف أسفر كذلك عن إصابة أربعة عمال بجروح، "
        "نقلوا إلى مستشفى الشهيد أحمد الخطيب."
    )
    assert said[0][:2] == (Kind.media, "الوكالة الوطنية للإعلام")


def test_abbara_an_expresses_what_its_subject_holds():
    assert attributions("وعبّر وزير الخارجية الأردني عن قلقه من التصعيد في الجنوب.")[0][:3] == (
        Kind.named_person,  # one known person, unnamed (the real-page gold's reading)
        "وزير الخارجية الأردني",
        "وعبّر",
    )
    said = attributions(
        "قال الوزير سامي الحداد إن المفاوضات صعبة.", "وعبر عن أمله في أن تنجح المفاوضات."
    )
    assert said[1][:2] == (Kind.named_person, "سامي الحداد")


def test_abbara_through_or_crossed_reports_nothing():
    said = attributions(
        "ونشر الناشط عبر حسابه صورا عن الدمار في الحي.",
        "وعبرت الشاحنات الحدود عن طريق معبر باب الهوى.",
        "وعبر مئات اللاجئين الحدود هربا من القصف.",
    )
    assert [s[0] for s in said] == [Kind.author] * 3


def test_an_agency_named_in_full_before_its_acronym_relays_as_its_subject():
    said = attributions(
        "وكانت الوكالة الرسمية الأردنية للأنباء (بترا) قد نقلت عن مصدر أمني قوله إن الحدود مغلقة."
    )
    assert said[-1][1:4:2] == ("مصدر أمني", "الوكالة الرسمية الأردنية للأنباء")


def test_the_outlet_that_published_a_speakers_article_relays_it():
    said = attributions(
        'وكتب المحلل سليم الخوري في مقال له في صحيفة "الغد" أن الحكومة ستستقيل قريباً.'
    )
    assert said[-1][1:4:2] == ("سليم الخوري", "الغد")
    said = attributions('وقال الوزير في مقابلة على قناة "الميادين" إن المفاوضات متوقفة.')
    assert said[-1][3] == "الميادين"


def test_an_outlet_in_the_setting_before_the_verb_relays_the_statement():
    said = attributions(
        'وفي رسالة إلى البرلمان نشرتها صحيفة "الأخبار" أمس قال الوزير خالد النمر إن الموازنة عاجزة.'
    )
    assert said[-1][1:4:2] == ("خالد النمر", "الأخبار")
    said = attributions(
        "وفي تقرير نشرته منظمة العفو الدولية، قالت منظمة العفو الدولية إن السجون مكتظة."
    )
    assert said[-1][3] is None  # a body publishing its own report relays nothing


def test_a_relayed_role_is_its_holder_named_after_the_commas():
    said = attributions(
        "ووفق ما نقلت الصحيفة عن قائد اللواء، المدعوم من الحكومة، سامي الجبوري، فإن "
        "مقاتليه استعادوا البلدة."
    )
    assert said[-1][:2] == (Kind.named_person, "سامي الجبوري")


def test_an_outlet_giving_room_to_or_celebrating_a_matter_reports_it():
    said = attributions(
        'إلى ذلك، أفردت "لوموند" جانبا للحديث عن أوضاع اللاجئين في الجزر اليونانية.',
        "واحتفت قناة روسيا اليوم بنجاح الضربات الجوية على مواقع التنظيم.",
        "وأفرد الجيش قسما من قواته لحماية الحدود الشمالية.",
    )
    assert said[0][:3] == (Kind.media, "لوموند", "أفردت")
    assert said[1][:2] == (Kind.media, "روسيا اليوم")
    assert said[2][0] is Kind.author


def test_the_outlet_a_source_was_told_to_or_wrote_in_relays_it():
    told = attributions('وأفادت مصادر محلية "عنب بلدي" بأن الطريق أغلق صباحا.')
    assert told[0] == (Kind.anonymous, "مصادر محلية", "وأفادت", "عنب بلدي")
    wrote = attributions(
        'وقالت الكاتبة سلمى الحسن، في مقال لها في "الغارديان"، إن الحصار يجب أن ينتهي.',
        "وأضافت أن العقوبات لم تحقق أهدافها.",
    )
    assert [w[3] for w in wrote] == ["الغارديان", "الغارديان"]


def test_named_unnamed_outlets_relay_and_the_press_at_large_does_not():
    said = attributions(
        "أما المقدم أبو بكر فقد صرح لمواقع معارضة بأنه استقال من الوفد.",
        "وقال الوزير سامي العلي لوسائل الإعلام إن الاتفاق وقع.",
    )
    assert said[0][3] == "مواقع معارضة"
    assert said[1][3] is None


AL_JAZEERA_FOOTER = "جميع الحقوق محفوظة 2018 شبكة الجزيرة الاعلامية"


def test_the_outlets_own_correspondent_before_the_verb_and_what_follows_are_its_own():
    said = attributions(
        INTRODUCED,
        "وكان مراسل الجزيرة في أنقرة أفاد في وقت سابق بوجود اجتماع بين الطرفين.",
        "وأوضح أن الوفد الروسي غادر قبل ثلاثة أيام.",
        "وقال تشاووش أوغلو إن الاجتماع كان مثمرا.",
        "وأضاف أن الجولة المقبلة في موسكو.",
        AL_JAZEERA_FOOTER,
    )
    assert [s[0] for s in said[1:3]] == [Kind.author, Kind.author]
    assert said[4][:2] == (Kind.named_person, "مولود تشاووش أوغلو")


def test_a_clause_opened_by_wa_kana_starts_the_subject_after_a_run_in_headline():
    said = attributions(
        INTRODUCED,
        "لقاء في أنقرة بين الطرفين وكان مراسل الجزيرة في أنقرة أفاد في وقت سابق بوجود اجتماع.",
        "وأوضح أن الوفد الروسي غادر قبل ثلاثة أيام.",
        AL_JAZEERA_FOOTER,
    )
    assert [s[0] for s in said[1:3]] == [Kind.author, Kind.author]


def test_a_correspondent_named_in_brackets_is_the_person():
    said = attributions(
        "وأفاد مراسل الجزيرة في حلب (سامر العلي)، أن القصف استمر طوال الليل.",
        'ومراسل "الجزيرة" خالد الأحمد قال إن الطريق مقطوع.',
        AL_JAZEERA_FOOTER,
    )
    assert said[0][:2] == (Kind.named_person, "سامر العلي")
    assert said[1][:2] == (Kind.named_person, "خالد الأحمد")


def test_a_name_set_off_by_its_role_before_the_verb_is_the_subject():
    said = attributions(
        "وقال السفير الأميركي ماثيو تولر إن الحوثيين يتفاوضون بسوء نية.",
        "محمد عبد السلام، المتحدث باسم الحوثيين، قال في وقت لاحق إن السفير يهدد اليمنيين.",
    )
    assert said[1][:2] == (Kind.named_person, "محمد عبد السلام")


def test_an_outlet_dwelling_on_a_scene_reports_what_it_points_out():
    said = attributions(
        'أما عن الحالة الأمنية، فقد توقفت "الغارديان" عند مشهد الحواجز على مداخل المدينة، '
        "لافتة إلى أن السكان يخشونها.",
        "وتوقفت قناة الجزيرة عن البث في القاهرة.",
        "وتوقف الجيش عند الحاجز قبل أن يتقدم.",
    )
    assert said[0][:2] == (Kind.media, "الغارديان")
    assert [s[0] for s in said[1:]] == [Kind.author, Kind.author]


def test_an_adverb_after_the_verb_leaves_the_subject_in_the_verb():
    said = attributions(
        "وقال مسؤولون إسرائيليون إن الخط الأحمر واضح.",
        "ولكنهم يقولون هناك إن هذا الخط يمكن تجاوزه.",
    )
    assert said[1][:2] == (Kind.anonymous, "مسؤولون إسرائيليون")


def test_an_earlier_statement_in_the_pluperfect_is_not_relayed_by_todays_interview():
    said = attributions(
        'وقال الرئيس السوري بشار الأسد في مقابلة مع وكالة "نوفوستي" إن الحرب كلفت البلاد كثيرا.',
        "وأضاف أن إعادة الإعمار ستستغرق سنوات.",
        "وكان الأسد قال سابقا إن الشعب هو من يختار حكومته.",
    )
    assert said[1][3] == "نوفوستي"
    assert said[2][:2] == (Kind.named_person, "بشار الأسد") and said[2][3] is None


def test_a_name_a_bad_cut_left_before_the_verb_gives_way_to_the_verbs_own_subject():
    said = attributions(
        'وفي الرسالة التي وقعها المنسق د.\nسامر الخطيب، كتب الناشطون إلى المبعوث: " نحن قلقون ".',
        "محمد عبد السلام، المتحدث باسم الحوثيين، قال إن السفير يهدد اليمنيين.",
    )
    assert said[-2][:2] == (Kind.anonymous, "الناشطون")
    assert said[-1][:2] == (Kind.named_person, "محمد عبد السلام")


def test_the_sentence_after_the_relayed_report_speaks_goes_on_with_it():
    said = attributions(
        'ونشر موقع "ميدل إيست آي" تقريرا عن صفقات السلاح في المنطقة.',
        "وقال التقرير إن طائرات التحالف قصفت أربع رافعات في الميناء عام 2015.",
        "وتبرعت الحكومة الأميركية بثلاثة ملايين دولار لشراء رافعات جديدة.",
        "وتأخر وصول الرافعات أشهرا بسبب الحصار.",
    )
    assert [s[:2] for s in said[1:3]] == [(Kind.media, "ميدل إيست آي")] * 2
    assert said[3][0] is Kind.author


def test_a_page_cut_mid_statement_goes_on_with_the_speaker_named_next():
    said = attributions(
        'وأضاف أنه " لا حل في اليمن إلا بالحوار بين جميع الأطراف ".',
        "كما دعا الوزير سامي العلي المجتمع الدولي إلى دعم جهود الإغاثة.",
    )
    assert said[0][:3] == (Kind.named_person, "سامي العلي", "وأضاف")
    narrated = attributions(
        "وصلت القافلة إلى المدينة صباح اليوم.", "وقال الوزير سامي العلي إن القافلة تحمل الدواء."
    )
    assert narrated[0][0] is Kind.author


def test_the_outlet_that_printed_a_letter_or_interview_before_the_verb_relays_it():
    said = attributions(
        "وقال الأمير فيصل بن خالد لوكالة رويترز إن المملكة تدعم الحل السياسي.",
        'وفي رسالة إلى الرئيس الأميركي نشرتها صحيفة "الرياض" قال الأمير فيصل إن القرار خاطئ.',
    )
    assert said[1][:2] == (Kind.named_person, "فيصل بن خالد")
    assert said[1][3] == "الرياض"


def test_an_agency_cited_with_according_to_relays_the_one_it_goes_on_to_quote():
    said = attributions(
        'وبحسب وكالة "سبوتنيك" الروسية؛ فقد "أكد رئيس الأركان الروسي، (سيرغي رودسكوي)، '
        'أن القوات دمرت مواقع التنظيم".',
        'وبحسب وكالة "سانا"، قتل خمسة مدنيين في القصف الذي استهدف السوق.',
    )
    assert said[0] == (Kind.named_person, "سيرغي رودسكوي", "أكد", "سبوتنيك")
    assert said[1][:2] == (Kind.media, "سانا")


def test_the_outlet_told_between_according_to_and_the_speaker():
    said = attributions(
        'وقتل عشرة عناصر من قوات النظام، بحسب ما صرح إلى "سمارت" مدير المكتب الإعلامي للفصيل.',
        'وقتل عشرة عناصر، بحسب ما قال لـ"عنب بلدي" القيادي في الفصيل خالد العمر.',
        AL_JAZEERA_FOOTER,
    )
    assert said[0] == (Kind.anonymous, "مدير المكتب الإعلامي للفصيل", "بحسب ما صرح", "سمارت")
    assert said[1][:2] == (Kind.named_person, "خالد العمر") and said[1][3] == "عنب بلدي"


def test_a_preposition_written_onto_the_word_after_the_verb_leaves_the_subject_in_it():
    said = attributions(
        "وقال القائد العسكري أحمد بري إن القوات ستدخل الأحياء.",
        "وتعهد بحماية قوافل المساعدات وإدخالها إلى الأحياء المحاصرة.",
        "وطالب بالإفراج عن المعتقلين.",
        "وقالت بثينة شعبان إن الحكومة مستعدة للحوار.",
        "وأعربت بعثة الأمم المتحدة عن قلقها من الاشتباكات.",
        "وقالت بلدية المدينة إن فرق الإطفاء أخمدت الحريق.",
        "وقال القائد العسكري أحمد بري إن القوات ستدخل الأحياء.",
        "وقالت بطريركية الروم الأرثوذكس إن الكنائس ستغلق أبوابها.",
    )
    assert [s[1] for s in said[:4]] == ["أحمد بري", "أحمد بري", "أحمد بري", "بثينة شعبان"]
    assert said[4][0] is Kind.organization
    # a body whose name opens with bi-, after a verb of saying, is the subject
    assert said[5][:2] == (Kind.organization, "بلدية المدينة")
    assert said[7][1] != "أحمد بري"  # a body no lexicon knows is still no preposition


def test_a_body_speaking_through_its_own_outlet_is_no_relay():
    text = 'وأكد التنظيم، عبر وكالة "أعماق" التابعة له، أن مقاتليه سيطروا على التلة.'
    claim = extract_bytes(text.encode("utf-8"), "t.txt").claims[-1]
    assert (claim.kind, claim.via) == (Kind.organization, None)


def test_an_according_clause_joined_after_the_content_relays_nothing_before_it():
    joined = attributions(
        "وذكرت مصادر محلية أن الطريق أغلق صباح اليوم، وحسب وكالة رويترز فإن الجيش أرسل تعزيزات."
    )
    assert joined[-1][:2] == (Kind.anonymous, "مصادر محلية") and joined[-1][3] is None
    closing = attributions("وقال مسؤولون أتراك إن الحدود ستبقى مغلقة، بحسب وكالة رويترز.")
    assert closing[-1][3] == "رويترز"


def test_radda_reports_a_reply_only_with_the_words_of_the_reply():
    said = attributions(
        "قال السفير ماثيو تولر إن الخطة جاهزة منذ أسابيع.",
        "ورد تولر بالقول إن الطرف الآخر يفاوض بسوء نية.",
        "ورد في التقرير أن عدد القتلى بلغ عشرة.",
        'كيف سيكون رد موسكو على هذا التحالف الذي يضم "فصائل" قريبة منها؟',
    )
    assert said[1][:3] == (Kind.named_person, "ماثيو تولر", "ورد")
    assert said[2][0] is not Kind.named_person and said[3][0] is Kind.author


def test_a_sentence_in_the_speakers_voice_after_a_statement_goes_on_with_the_speaker():
    said = attributions(
        "وأوضح الشيخ سالم العبيدي أن العشائر لن تقف على الحياد في هذه المعركة.",
        "وكنتم أنتم أول من وقف مع أهل المدينة حين حوصرت.",
        "ثم إن أي تسوية لا تضمن عودة المهجرين لن تصمد طويلاً.",
        "ونحن لن نقبل بتسوية تفرض على الأهالي.",  # the voice's word behind a conjunction
        "وسيطرت القوات على ثلاث قرى في ريف المدينة الشرقي.",
    )
    assert [s[:2] for s in said[1:4]] == [(Kind.named_person, "سالم العبيدي")] * 3
    assert said[4][0] is Kind.author


def test_other_unnamed_sources_after_a_relayed_one_come_through_the_same_outlet():
    said = attributions(
        'ونقلت صحيفة "وول ستريت جورنال" عن مسؤول أميركي رفيع ترجيحه أن يكون الإعلان دعائياً.',
        "وبحسب مسؤولين آخرين في الإدارة، فإن التوقيت مرتبط بحسابات داخلية.",
        "وبحسب مسؤولين في الكونغرس، فإن الإدارة لم تطلعهم على التفاصيل.",
    )
    assert said[1][3] == "وول ستريت جورنال"
    assert said[2][3] is None


def test_a_teaser_cut_short_gives_way_to_the_story_glued_after_it():
    said = attributions(
        "وحذرت... بيروت - الخبر اليوم أكد وزير الصحة اللبناني، فراس الأبيض، أن المستشفيات "
        "جاهزة لاستقبال الجرحى.",
        "ولفتت إلى... رئيس بلدية المدينة سامر الحسن يقول: إن المياه ستعود خلال يومين.",
    )
    assert said[0][:3] == (Kind.named_person, "فراس الأبيض", "أكد")
    assert said[1][2] == "يقول" and said[1][0] is Kind.named_person


def test_a_reporting_verb_glued_to_the_word_before_still_opens_the_frame():
    said = attributions(
        "قال الرئيس اللبناني ميشال عون إن الحكومة ستتشكل قريباً.",
        "صور من الدماروقال الرئيس عون أيضا إن الإعمار سيكلف كثيرا.",
    )
    assert said[-1][:3] == (Kind.named_person, "ميشال عون", "وقال")
    # 'السودان' ends with the letters of 'دان', which is no verb glued on
    assert attributions("وصلت المساعدات إلى السودان أمس.")[-1][0] is Kind.author


def test_an_outlet_named_by_initials_with_dots_relays_the_speaker_it_reports():
    said = attributions(
        "فيما ذكرت قناة (إن. بي. سي) الأمريكية، إن جون كيري أبلغ المراسلين بأن الاتفاق بات قريباً.",
        'ونقلت وكالة "أ. ف. ب" عن مصدر دبلوماسي أن الجولة المقبلة ستعقد في جنيف.',
    )
    assert said[0][0] is Kind.named_person and said[0][3] == "إن. بي. سي"
    assert said[1][::3] == (Kind.anonymous, "أ. ف. ب")


def test_a_speech_of_its_own_after_a_relayed_remark_comes_through_no_outlet():
    said = attributions(
        'قال الرئيس الفرنسي إيمانويل ماكرون لصحيفة "لوموند" إن بلاده لن تسحب قواتها.',
        'وقال في كلمة ألقاها أمام البرلمان "لن نتخلى عن حلفائنا".',
        'وأضاف " الحرب على الإرهاب لم تنته بعد ".',
    )
    assert said[0][3] == "لوموند"
    assert [s[3] for s in said[1:]] == [None, None]


def test_a_column_quoted_to_the_pages_end_runs_on_over_its_paragraphs():
    # The quotation opens after the frame, runs over a sentence, and is never closed.
    column = (
        'وكتب المحلل سامي الخطيب، في مقال له في صحيفة "الحياة"، أن " الأزمة لن تنتهي قريبا. '
        "فالأطراف كلها متمسكة بمواقفها."
    )
    said = attributions(
        column,
        "كل الوسطاء فشلوا حتى الآن في تقريب المواقف.",
        "ولا يبدو أن أحدا مستعد للتنازل في المدى المنظور.",
        "ويطالب المعارضون بانتخابات مبكرة في الربيع المقبل.",
    )
    assert said[2][::3] == said[3][::3] == (Kind.named_person, "الحياة")
    assert said[4][:2] == (Kind.anonymous, "المعارضون")


def test_an_unclosed_quotation_of_one_sentence_stops_at_the_paragraph():
    said = attributions(
        'وقال الناطق باسم البلدية سامي الخطيب " سنعيد فتح الطرق خلال أيام.',
        "وتعاني المدينة من نقص حاد في الوقود منذ أسابيع.",
    )
    assert said[1][0] is Kind.author


def test_a_statement_opening_the_sentence_makes_its_verb_a_speech_act_relayed_by_its_outlet():
    said = attributions(
        'وفي تصريح نشره موقع "الوسط" الليبي، بدد وزير الخارجية محمد سيالة المخاوف من '
        "تأثير الأزمة على الجالية.",
        "وقال سيالة إن أوضاع الجالية مستقرة.",
        "وفي مقابلة مطولة، تحدث الرجل عن طفولته في القرية.",
        "وفي زيارة إلى المخيم، تفقد وزير الداخلية محمد العلي أوضاع اللاجئين.",
    )
    assert said[0] == (Kind.named_person, "محمد سيالة", "بدد", "الوسط")
    assert said[1][3] == "الوسط"
    assert said[2][0] is Kind.author
    assert said[3][0] is Kind.author  # a visit is no statement


def test_a_statement_glued_to_bi_after_the_verb_goes_on_through_the_body_that_carried_it():
    said = attributions(
        "وقالت منظمة الصحة العالمية في تقرير لها إن حالات الإصابة تضاعفت.",
        'وقال المدير الإقليمي للمنظمة أحمد المنظري: " الوضع يزداد سوءاً ".',
        'وأضاف بتصريح تضمنه التقرير " نحتاج إلى تمويل عاجل ".',
    )
    assert said[2] == (Kind.named_person, "أحمد المنظري", "وأضاف", "منظمة الصحة العالمية")


def test_an_outlet_reporting_a_speaker_named_before_whose_quotation_opens_at_its_verb():
    said = attributions(
        "أعلن الجيش الأردني إسقاط طائرة مسيرة قرب الحدود.",
        'وذكرت صحيفة "الغد" أن الجيش الأردني "يرجح أن الطائرة قادمة من الجنوب".',
        'وذكرت صحيفة "الغد" أن الجثث نقلت إلى المستشفى الحكومي.',
    )
    assert said[1] == (Kind.organization, "الجيش الأردني", "يرجح", "الغد")
    assert said[2][:2] == (Kind.media, "الغد")


def test_the_main_clause_after_a_concession_is_the_outlets_unless_it_has_a_frame():
    said = attributions(
        "وفيما تقول الوزارة إنها تحترم الإجراءات، إلا أن الأرقام التي تنشرها أقل بكثير من "
        "الحقيقية.",
        "وفيما تقول الوزارة إنها تحترم الإجراءات، إلا أن مصادر محلية أكدت أن الأرقام أقل بكثير.",
        "فيما قال ناشطون إن الطريق مقطوع منذ يومين.",
    )
    assert said[0][0] is Kind.author
    assert said[1][:3] == (Kind.anonymous, "مصادر محلية", "أكدت")
    assert said[2][:2] == (Kind.anonymous, "ناشطون")


def test_a_clause_far_in_frames_the_sentence_with_the_matter_its_verb_governs():
    said = attributions(
        "وقالت مصادر خاصة إن الطائرات قصفت البلدة.",
        "في سياق مواز، استهدفت الطائرات معبرا نهريا في بلدة صغيرة، الواقعة في الجهة الجنوبية "
        "للنهر، وأشارت المصادر إلى مقتل ستة مدنيين.",
        "وبدأ المغردون بالتغريد على وسم خاص في إشارة إلى أن الوثيقة صحيحة، فيما ادعى آخرون "
        "بأنها مزورة.",
    )
    assert said[1][:3] == (Kind.anonymous, "مصادر خاصة", "وأشارت")
    assert said[2][:2] == (Kind.anonymous, "آخرون")


def test_a_verb_with_only_an_object_gives_way_to_the_coordinated_frame_with_content():
    said = attributions(
        "وانتقدت الحكومة الأردنية الخطوة وذكرت وكالة الأنباء الرسمية أن الملك عبد الله الثاني "
        "قال للرئيس الأميركي إن القرار خطير.",
        "وانتقدت الحكومة الأردنية الخطوة وقالت إنها تخالف القانون الدولي.",
        "وأعلن الجيش حظر التجول وقال سكان إن الشوارع خالية.",
    )
    assert said[0][0] is Kind.named_person and said[0][1].startswith("عبد الله")
    assert said[0][3] == "وكالة الأنباء الرسمية"
    # the same speaker goes on: the first frame stands
    assert (said[1][0], said[1][2]) == (Kind.organization, "وانتقدت")
    assert said[2][2] == "وأعلن"  # another speaker after 'و' leaves the first frame


def test_the_outlet_that_withheld_its_sources_name_relays_it():
    said = attributions(
        "وقال مصدر أمني، لم تكشف وكالة رويترز عن هويته، إن المهاجمين فروا نحو الجبال.",
        "كما لا شيء يشير في الصور إلى أن المبنى مأهول.",
    )
    assert said[0] == (Kind.anonymous, "مصدر أمني", "وقال", "رويترز")
    assert said[1][0] is Kind.author


def test_a_statement_named_back_after_a_relayed_source_stays_the_bodys():
    said = attributions(
        "وأصدرت وزارة الخارجية بياناً حول الزيارة.",
        "ونقلت وكالة رويترز عن دبلوماسيين غربيين أن الزيارة تأجلت.",
        "وقال البيان إن الوزير سيزور المنطقة الشهر المقبل.",
    )
    assert said[1][::3] == (Kind.anonymous, "رويترز")
    assert said[2][:2] == (Kind.organization, "وزارة الخارجية")


def test_some_unnamed_speak_and_a_participle_with_its_complementizer_needs_no_comma():
    said = attributions(
        "ويرى البعض أن الهدنة لن تصمد طويلاً.",
        "وتلقى المتابعون الخبر بسخرية معتبرين أنه مزحة.",
        "ووصلت أنباء مؤكدة عن سقوط الطائرة.",
    )
    assert said[0][:2] == (Kind.anonymous, "البعض")
    assert said[1][:3] == (Kind.anonymous, "المتابعون", "معتبرين")
    assert said[2][0] is Kind.author


def test_a_verb_after_a_lead_in_setting_a_statement_frames_the_sentence():
    text = 'وفي تصريح نشره موقع "الحدث" المحلي، بدد وزير الداخلية سمير الكردي أي مخاوف من القرار.'
    assert attributions(text)[-1][:3] == (Kind.named_person, "سمير الكردي", "بدد")
    # no verb after the lead-in: nothing frames it
    assert attributions("وفي تصريح للإذاعة، الحكومة ماضية في خطتها.")[-1][0] is Kind.author


def test_a_continuation_with_the_statement_it_was_made_in_takes_the_last_speaker():
    text = (
        "قال مدير المنظمة كريم السالم إن الوضع صعب. "
        'وأضاف بتصريح نشرته الوكالة " إن الاستجابة أقل بكثير مما هو مطلوب ".'
    )
    assert attributions(text)[-1][:2] == (Kind.named_person, "كريم السالم")


def test_a_verb_of_directing_reports_with_a_speech_act_as_its_object():
    introduced = "قال وزير الخارجية السعودي عادل الجبير إن بلاده تدعم الحل."
    said = "ووجه الجبير في ختام كلمته الشكر لكل من ساعد اللاجئين."
    assert attributions(introduced, said)[-1][:3] == (Kind.named_person, "عادل الجبير", "ووجه")
    # strikes directed are no speech act
    assert attributions("ووجه الطيران الحربي ضربات إلى مواقع المعارضة.")[-1][0] is Kind.author


def test_a_statement_of_someone_named_before_is_their_account_of_what_another_did():
    said = attributions(
        "وقال فارس الخطيب، المتحدث باسم الحركة، إن المفاوضات متعثرة.",
        "وفي تصريحات الخطيب، هدد الوسيط بأن الحصار سيشتد إذا رفضت الحركة الخطة.",
        "وفي تصريح لوكالة محلية، حذر الوزير خالد العمر من موجة نزوح.",
        "وفي تصريحات صحفية، انتقد النائب سامر الحسن الحكومة.",
    )
    assert said[1][:3] == (Kind.named_person, "فارس الخطيب", "تصريحات")
    assert said[2][:2] == (Kind.named_person, "خالد العمر")  # a hearer, not the owner
    assert said[3][:2] == (Kind.named_person, "سامر الحسن")  # an adjective, not the owner
    # an owner whose name opens with the letter of a hearer ('ل')
    said = attributions(
        "وقال وزير الدفاع أفيغدور ليبرمان إن الرد سيكون قاسيا.",
        "وفي تصريحات ليبرمان، هدد الوزير سامر الحسن بالرد.",
    )
    assert said[1][:2] == (Kind.named_person, "أفيغدور ليبرمان")


def test_publishing_words_said_or_written_is_the_publishers_speech_act():
    said = attributions(
        "ونشر المحلل السياسي الأردني سامر الحسن تغريدات على تويتر انتقد فيها القرار.",
        "ونشرت وزارة الصحة بيانا حول أعداد المصابين.",
        "ونشر الجيش تعزيزات جديدة على الحدود الشمالية.",
    )
    assert said[0][:3] == (Kind.named_person, "سامر الحسن", "ونشر")
    assert said[1][:2] == (Kind.organization, "وزارة الصحة")
    assert said[2][0] is Kind.author  # troops, not words
    # the words right behind the name are no part of it
    assert attributions("ونشر الوزير خالد العمر بيانا حول الزيارة.")[0][:2] == (
        Kind.named_person,
        "خالد العمر",
    )


def test_an_outlet_withholding_a_name_on_a_line_cut_after_its_preposition_is_no_error():
    said = attributions("وعبّر مصدر، لم تذكر وكالة رويترز عن")
    assert said[0][0] in (Kind.anonymous, Kind.author)


def test_a_station_a_body_owns_still_relays_the_statement_it_broadcast():
    said = attributions(
        "وجاء في بيان للجماعة بثته قناة المنار التلفزيونية التابعة لها أن مقاتليها صدوا الهجوم."
    )
    assert said[0][0] is Kind.organization
    assert said[0][3] == "المنار"
    # the body's own media office is the body itself: no relay
    said = attributions("وأعلنت الفصائل في بيان نشره المركز الإعلامي التابع لها أنها صدت الهجوم.")
    assert said[0][3] is None


def test_reuters_misspelt_as_the_web_often_spells_it_is_still_the_agency():
    said = attributions(
        'يقول مسؤولون فلسطينيون إن الحكومة تعمل على خطة جديدة، حسب ما تقول "روتيرز".'
    )
    assert said[0][:2] == (Kind.anonymous, "مسؤولون فلسطينيون")
    assert said[0][3] == "روتيرز"  # the agency, in the article's own spelling


def test_according_to_what_came_in_a_statement_names_its_issuer():
    said = attributions("وقتل عشرة مدنيين في القصف، وفق ما جاء في تقرير المرصد السوري.")
    assert said[0][:2] == (Kind.organization, "المرصد السوري")
    said = attributions("وقتل عشرة مدنيين في القصف، بحسب ما ورد في بيان للدفاع المدني.")
    assert said[0][:2] == (Kind.organization, "الدفاع المدني")
    # at the end of a frame, an outlet's article relays the speaker
    said = attributions("وقال مسؤولون إن القصف استمر، بحسب ما ورد في صحيفة الغارديان.")
    assert said[0] == (Kind.anonymous, "مسؤولون", "وقال", "الغارديان")


def test_ala_ma_with_a_verb_of_reporting_attributes_and_relays():
    said = attributions("وانسحبت القوات من البلدة، على ما أفادت وكالة فرانس برس.")
    assert said[0][:2] == (Kind.media, "فرانس برس")
    said = attributions("وقال مسؤولون إن القوات انسحبت من البلدة، على ما أفادت وكالة فرانس برس.")
    assert said[0] == (Kind.anonymous, "مسؤولون", "وقال", "فرانس برس")
    # without a verb of reporting, 'على ما' is no 'according to'
    assert attributions("وحصل الفريق على ما أراد من الصفقة.")[0][0] is Kind.author


def test_mithlama_with_a_verb_of_reporting_attributes_the_words_before_it():
    said = attributions("والغارات ترقى لجرائم حرب، مثلما صرح وزير الخارجية البريطاني سامر الحسن.")
    assert said[0][:2] == (Kind.named_person, "سامر الحسن")
    said = attributions("وقال مسؤولون إن الطريق مغلق منذ أسبوع، مثلما ذكرت وكالة رويترز.")
    assert said[0] == (Kind.anonymous, "مسؤولون", "وقال", "رويترز")


def test_an_interview_called_hiwar_gives_the_outlet_spoken_to():
    said = attributions("وقال الوزير سامر الحسن في حوار مع صحيفة الحياة إن الطريق مغلق.")
    assert said[0] == (Kind.named_person, "سامر الحسن", "وقال", "الحياة")
    # a word of a body's quoted name is not the statement it issued
    said = attributions('وأصدرت غرفة "عمليات حوار كلس" بيانا، أوضحت فيه سبب الانسحاب.')
    assert said[0][:2] == (Kind.organization, "غرفة عمليات حوار كلس")


def test_an_interview_with_an_outlet_opening_the_sentence_is_the_via_of_its_speaker():
    said = attributions("وفي مقابلة مع صحيفة الغارديان، انتقد الكاتب سعيد ناصر الحصار.")
    assert said[0] == (Kind.named_person, "سعيد ناصر", "انتقد", "الغارديان")
    # a meeting with a person names no outlet
    said = attributions("وفي لقاء مع الرئيس، أكد الوزير خالد العمر أن الدعم مستمر.")
    assert said[0][3] is None


def test_words_an_outlet_relayed_from_the_speaker_name_it_as_the_via():
    said = attributions(
        "وقال الوزير سامر الحسن، في تصريحات نقلتها عنه وكالة سبوتنيك، إن الطريق مغلق."
    )
    assert said[0] == (Kind.named_person, "سامر الحسن", "وقال", "سبوتنيك")

"""Source phrases: where a name, a body, an outlet or an anonymous source starts and ends,
and which kind it is. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from claims.models import Kind
from claims.pipeline import extract_bytes


def attribution(text: str, index: int = -1):
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    claim = claims[index]
    return claim.kind, claim.source, claim.cue, claim.via


def test_a_quotation_right_after_the_verb_is_words_said_not_the_source():
    text = 'قال سامر الخطيب إن الهدنة صامدة. وأضاف " لم نسجل أي خرق منذ صباح اليوم في المدينة ".'
    assert attribution(text)[:2] == (Kind.named_person, "سامر الخطيب")


def test_a_name_after_a_quoted_body_in_the_role_is_the_person():
    text = 'وقال المتحدث باسم "تجمع أحرار حوران" عمر الحريري، في اتصال هاتفي، إن القصف مستمر.'
    assert attribution(text)[:2] == (Kind.named_person, "عمر الحريري")


def test_a_role_then_a_lone_family_name_names_the_person():
    text = "وقال وزير الخارجية شويغو، في مؤتمر صحافي، إن المحادثات مستمرة."
    assert attribution(text)[:2] == (Kind.named_person, "شويغو")


def test_an_adverb_after_a_role_is_no_family_name():
    _, source, _, _ = attribution("وقال وزير الدفاع مجدداً إن المحادثات مستمرة.")
    assert source == "وزير الدفاع"  # the minister, unnamed; 'مجدداً' is no name


def test_an_unnamed_source_keeps_the_adjectives_of_its_standing():
    assert attribution("وأكد مصدر أمني مطلع أن القافلة عبرت.")[1] == "مصدر أمني مطلع"


def test_an_unnamed_source_keeps_the_place_or_body_it_comes_from():
    assert attribution("لكن مصادر ميدانية من درعا، نفت دخول التعزيزات.")[1] == (
        "مصادر ميدانية من درعا"
    )
    assert attribution("وقال مصدر من المعارضة إن الوفد انسحب.")[1] == "مصدر من المعارضة"


def test_the_verb_complement_after_an_unnamed_source_is_not_its_circle():
    assert attribution("وحذر ناشطون من تفاقم الأزمة في المخيم.")[1] == "ناشطون"


def test_an_unnamed_source_keeps_a_second_place_and_a_joined_genitive():
    text = "وقال مسؤول في وزارة الصحة في دمشق إن المستشفيات ممتلئة."
    assert attribution(text)[1] == "مسؤول في وزارة الصحة في دمشق"
    text = "وأكد مصدر رسمي في وزارة الخارجية والمغتربين أن الوجود غير شرعي."
    assert attribution(text)[1] == "مصدر رسمي في وزارة الخارجية والمغتربين"


def test_a_sound_plural_source_takes_only_a_plural_adjective():
    assert attribution("ويرى مراقبون إمكانية حصول اتفاق قريب.")[1] == "مراقبون"
    assert attribution("ويرى مراقبون غربيون أن الاتفاق قريب.")[1] == "مراقبون غربيون"


def test_an_adjective_of_side_or_owner_is_not_part_of_the_body_name():
    assert attribution("وقال المرصد السوري المعارض إن الغارات قتلت عشرة.")[1] == "المرصد السوري"
    text = "وقال برنامج الأغذية العالمي التابع للأمم المتحدة إن المخزون نفد."
    assert attribution(text)[1] == "برنامج الأغذية العالمي"
    # after an indefinite noun the same word is the genitive that names the body
    assert attribution("وأعلنت فصائل المعارضة أنها توصلت إلى اتفاق.")[1] == "فصائل المعارضة"


def test_the_observatory_is_named_as_fully_as_the_article_names_it():
    assert attribution("وأفاد المرصد السوري بمقتل عشرة مدنيين.")[1] == "المرصد السوري"
    text = "وأفاد المرصد السوري لحقوق الإنسان بمقتل عشرة. وقال المرصد إن القصف مستمر."
    assert attribution(text)[1] == "المرصد السوري لحقوق الإنسان"


def test_a_prince_or_king_is_a_rank_before_any_given_name():
    text = "قال الأمير فهد الدوسري، السفير السابق في لندن، إن القرار خاطئ."
    assert attribution(text)[:2] == (Kind.named_person, "فهد الدوسري")


def test_rukn_after_a_rank_is_part_of_the_rank_not_of_the_name():
    text = (
        "وقال المتحدث العميد ركن سامي الحسن إن الغارات استهدفت المنصات. وقال الحسن إن الهدوء عاد."
    )
    assert attribution(text, 0)[1] == "سامي الحسن"
    assert attribution(text)[1] == "سامي الحسن"


def test_a_foreign_given_name_opens_the_name():
    text = "وقالت المتحدثة باسم الخارجية الأميركية هيذر جونز إن واشنطن تدعم المحادثات."
    assert attribution(text)[:2] == (Kind.named_person, "هيذر جونز")


def test_a_name_keeps_to_one_script():
    text = "Sun, 02/12/2017 - 14:22 قالت مزن حسن Sun, 02/12/2017 إن الحكم مسيس."
    assert attribution(text)[1] == "مزن حسن"


def test_a_regional_outlet_is_known_by_its_bare_name_and_its_full_agency_name():
    assert attribution("وذكرت نون بوست أن المعتقلين نقلوا.")[:2] == (Kind.media, "نون بوست")
    text = "وقالت وكالة الأنباء الكويتية إن الأمير استقبل الوفد."
    assert attribution(text)[:2] == (Kind.media, "وكالة الأنباء الكويتية")


def test_an_outlet_is_its_quoted_name_after_words_that_qualify_its_kind():
    text = 'وذكرت وكالة أنباء النظام "سانا" أن الجيش تقدم.'
    assert attribution(text)[:2] == (Kind.media, "سانا")
    text = 'ونقلت صحيفة " "كوميرسانت" الروسية أن موسكو لن تنسحب.'
    assert attribution(text)[:2] == (Kind.media, "كوميرسانت")


def test_words_said_in_quotation_marks_are_no_outlet_name():
    text = 'وقالت وكالة الأنباء الرسمية "إن الجيش تقدم".'
    assert attribution(text)[1] == "وكالة الأنباء الرسمية"


def test_unnamed_media_keep_whom_they_belong_to():
    text = "وأفادت وسائل إعلام تابعة لميليشيات كردية بوجود أربعة آلاف عسكري."
    assert attribution(text)[:2] == (Kind.media, "وسائل إعلام تابعة لميليشيات كردية")


def test_a_social_media_page_is_an_outlet():
    assert attribution('وقالت صفحة "حمص الآن" إن الحافلات دخلت.')[:2] == (Kind.media, "حمص الآن")


def test_a_role_resolves_to_the_person_the_article_names_with_it():
    text = (
        "وقال المتحدث باسم جيش الإسلام حمزة بيرقدار إن الهجوم صد. "
        "واعتبر المتحدث باسم جيش الإسلام أن المعركة استباقية."
    )
    assert attribution(text)[:2] == (Kind.named_person, "حمزة بيرقدار")
    text = (
        "وكشف فيصل المقداد، وزير الخارجية السوري، عن زيارة قريبة. "
        "وكان وزير الخارجية السوري، قد صرح أن دمشق ترحب بالوساطة."
    )
    assert attribution(text)[:2] == (Kind.named_person, "فيصل المقداد")


def test_a_role_that_runs_on_into_the_verb_s_object_still_names_its_holder():
    opened = 'وقال مدير المكتب الإعلامي في لواء الفتح "سامر العلي" إن القوات تقدمت. '
    text = opened + "وختم مدير المكتب الإعلامي في لواء الفتح حديثه بالقول إن المعركة مستمرة."
    assert attribution(text)[:2] == (Kind.named_person, "سامر العلي")
    # a relational adjective narrows the role: another country's minister is not that one
    text = (
        "وقال وزير الدفاع التركي خلوصي أكار إن القوات تقدمت. "
        "وأكد وزير الدفاع الروسي الهدنة في المدينة."
    )
    assert attribution(text)[1] != "خلوصي أكار"


def test_a_role_the_article_names_no_one_with_stays_anonymous():
    text = "وقال مدير المكتب الإعلامي في الفرقة إن القصف مستمر."
    assert attribution(text)[:2] == (Kind.anonymous, "مدير المكتب الإعلامي في الفرقة")


def test_a_body_s_spokesman_without_a_name_speaks_for_the_body():
    assert attribution("وقال الناطق باسم وزارة الدفاع التركية إن الطائرات عادت.")[:2] == (
        Kind.organization,
        "وزارة الدفاع التركية",
    )
    assert attribution("وأضافت المتحدثة باسم الجيش أن القصف مستمر.")[:2] == (
        Kind.organization,
        "الجيش",
    )
    # an indefinite spokesman is one unnamed voice; a person's spokesman speaks for no body
    assert attribution("وقال متحدث باسم وزارة الدفاع التركية إن الطائرات عادت.")[0] is (
        Kind.anonymous
    )
    assert attribution("وقال المتحدث باسم دي ميستورا إن الجولة تأجلت.")[0] is Kind.anonymous


def test_the_verbal_noun_of_the_speech_closes_the_source_phrase():
    text = "ونقلت الوكالة عن مسؤول أوروبي رفيع ترجيحه أن تستأنف المحادثات."
    assert attribution(text)[1] == "مسؤول أوروبي رفيع"


def test_a_relative_pronoun_or_a_time_adverb_ends_a_name():
    text = "وقال الأمير بندر الذي لا يشغل منصباً إن الرد كان غاضباً."
    assert attribution(text)[1] == "بندر"
    text = "وقال قائد القوات المشتركة كينيث ماكينزي حينها إن العدد سيعلن."
    assert attribution(text)[1] == "كينيث ماكينزي"


def test_the_newspaper_told_is_not_part_of_the_source():
    assert attribution("وأضاف مسؤول أمريكي للصحيفة أن الغارة نجحت.")[1] == "مسؤول أمريكي"


def test_a_given_name_alone_after_a_rank_is_the_one_full_name_the_article_gives():
    text = (
        "قال الأمير خالد الفيصل، أمير منطقة مكة، إن الموسم ناجح. "
        "وقال الأمير خالد إن الاستعدادات اكتملت."
    )
    assert attribution(text)[1] == "خالد الفيصل"
    text = "قال الأمير خالد الفيصل إن الموسم ناجح. وقال الأمير خالد بن سلمان إن الاستعدادات اكتملت. وأكد الأمير خالد أن الحج آمن."
    assert attribution(text)[1] == "خالد"


def test_the_object_after_a_body_name_is_not_part_of_it():
    text = "وطالبت الحكومة الأردنية السلطات الإسرائيلية بفتح المعبر."
    assert attribution(text)[1] == "الحكومة الأردنية"
    assert attribution("وأعلنت قوات النظام السوري التزامها بالهدنة.")[1] == "قوات النظام السوري"


def test_adjectives_that_agree_carry_the_body_name_on():
    assert attribution("وقال الجيش السوري الحر إن الهجوم صد.")[1] == "الجيش السوري الحر"
    assert attribution("وقالت الهيئة الإسلامية العليا إن المسجد مغلق.")[1] == (
        "الهيئة الإسلامية العليا"
    )


def test_a_capital_or_a_state_speaks_under_its_bare_name():
    assert attribution("ونددت أنقرة بشدة بالضربات الجوية.")[:2] == (Kind.organization, "أنقرة")
    assert attribution("ورحبت أميركا بالاتفاق، معتبرة أنه خطوة إيجابية.")[:2] == (
        Kind.organization,
        "أميركا",
    )


def test_a_state_adjective_stays_in_the_body_name():
    text = "ورحبت وزارة الخارجية السعودية بالجهود المبذولة."
    assert attribution(text)[1] == "وزارة الخارجية السعودية"


def test_a_family_name_alone_is_a_person_when_the_article_gives_it_a_title_and_a_verb():
    text = "وقال الوزير الصفدي إن الحدود مغلقة. وشدد الصفدي على أن الأردن لن يقبل التهجير."
    assert attribution(text)[:2] == (Kind.named_person, "الصفدي")
    assert attribution(text, 0)[:2] == (Kind.named_person, "الصفدي")


def test_a_family_name_alone_is_the_subject_before_the_object_of_its_verb():
    text = "وقال الوزير الصفدي إن الحدود مغلقة. كما دان الصفدي الهجمات المتكررة على القرى الحدودية."
    assert attribution(text)[:3] == (Kind.named_person, "الصفدي", "دان")
    assert attribution("ودان الهجوم الأخير على القرى الحدودية.")[0] is Kind.author


def test_a_role_adjective_is_no_family_name():
    assert attribution("وقال الرئيس السابق إن الحل سياسي.")[0] is Kind.anonymous


def test_a_reference_described_by_a_relative_clause_or_participle_resolves():
    text = (
        "وكشف مصدر أمني مطلع أن الاتفاق تم. "
        "وقال المصدر الذي رفض الكشف عن اسمه، إن الاتفاق يشمل ثلاثة أطراف. "
        "وأشار المصدر مفضلاً عدم الكشف عن هويته، إلى أن التنفيذ قريب."
    )
    assert attribution(text, 1)[1] == "مصدر أمني مطلع"
    assert attribution(text, 2)[1] == "مصدر أمني مطلع"


def test_an_unnamed_source_keeps_a_plural_of_nationality():
    assert attribution("وقال دبلوماسيون أجانب إن الاجتماع تأجل.")[1] == "دبلوماسيون أجانب"


def test_a_definite_body_with_its_own_qualifiers_is_not_the_body_named_before():
    text = (
        "وقال إن دول مجلس التعاون الخليجي متضامنة. "
        "وقال المجلس الوطني للمقاومة في بيان إن النقمة تزايدت."
    )
    assert attribution(text)[:2] == (Kind.organization, "المجلس الوطني للمقاومة")


def test_a_role_named_before_takes_its_holder_over_the_last_person():
    text = (
        "قال الرئيس اللبناني جوزيف عون إن الحوار قائم. "
        "وقال نبيه بري إن المجلس سينعقد. "
        "وقال الرئيس اللبناني لوكالة الأنباء إن الجيش سينتشر."
    )
    assert attribution(text)[1] == "جوزيف عون"


def test_a_role_past_its_adjectives_resolves_to_the_one_holder():
    text = (
        "وأكد وزير الخارجية الكويتي الشيخ سالم الصباح أن الوساطة مستمرة. "
        "وأضاف وزير الخارجية أن الحوار هو الحل."
    )
    assert attribution(text)[1] == "سالم الصباح"


def test_a_time_word_after_a_rank_before_a_plain_word_is_the_given_name():
    assert attribution("وأعرب الشيخ صباح الخالد عن تقدير الكويت.")[1] == "صباح الخالد"


def test_quotation_marks_around_a_body_hold_its_whole_name():
    text = 'وأعلنت "فرقة السلطان سليمان شاه" أن قيادياً فر من صفوفها.'
    assert attribution(text)[:2] == (Kind.organization, "فرقة السلطان سليمان شاه")


def test_a_relational_adjective_after_an_indefinite_role_is_no_name():
    text = "وقال متحدث إعلامي باسم الأجهزة الأمنية إن العمليات شهدت مواجهات."
    assert attribution(text)[0] is Kind.anonymous
    assert attribution("وقال الناشط علي الأحمد إن القصف عنيف.")[1] == "علي الأحمد"


def test_a_bare_family_name_given_after_a_role_and_after_a_verb_is_the_person():
    text = "قال وزير الخارجية شويغو، إن الحل سياسي. ودعا شويغو إلى عدم التصعيد."
    assert attribution(text)[:2] == (Kind.named_person, "شويغو")
    assert attribution("ودعا رجل إلى التظاهر أمام البرلمان.")[0] is not Kind.named_person


def test_a_given_name_alone_is_the_one_full_name_the_article_gives():
    text = (
        "وقال الصحفي شاكر أحمد خالد إن القصف استهدف المعسكر. "
        "واستهدف القصف - حسب شاكر - معسكر القوات الخاصة."
    )
    assert attribution(text)[1] == "شاكر أحمد خالد"


def test_an_unnamed_role_leaves_out_its_relative_clause_not_a_foreign_name():
    text = "وأكد المتحدث باسم عملية درع الجزيرة التي بدأت منذ يومين أن الغارات مستمرة."
    assert attribution(text)[1] == "المتحدث باسم عملية درع الجزيرة"
    text = 'وقالت متحدثة باسم دي ميستورا في بيان " إن التطورات مشجعة ".'
    assert attribution(text)[1] == "متحدثة باسم دي ميستورا"


def test_an_unnamed_source_keeps_whom_it_is_loyal_to_and_a_place_opened_by_a_place_word():
    text = "ونقلت الوكالة عن مصدر عسكري موال للنظام في دير الزور قوله إن التعزيزات وصلت."
    assert attribution(text)[1] == "مصدر عسكري موال للنظام في دير الزور"
    text = "وقال مصدر مقرب من الفصائل في محافظة درعا إن الهدنة صامدة."
    assert attribution(text)[1] == "مصدر مقرب من الفصائل في محافظة درعا"


def test_plain_words_with_a_definite_word_inside_or_a_pronoun_are_no_name():
    text = "قال هادي البحرة إن الوفد جاهز. خروج الميليشيات الإيرانية وأكد البحرة أن الشرط قائم."
    assert attribution(text)[1] == "هادي البحرة"
    text = "وقال المستشار الإعلامي للقائد، عز الدين الصافي، إن القوات دخلت المدينة."
    assert attribution(text)[1] == "عز الدين الصافي"


def test_an_outlet_takes_its_longest_spelling_the_article_uses():
    text = 'ونشرت هيئة الإذاعة البريطانية صوراً للموقع. وبحسب "BBC"، فإن المباني حديثة.'
    assert attribution(text)[:2] == (Kind.media, "هيئة الإذاعة البريطانية")


def test_a_circumstantial_participle_ends_the_source_phrase():
    text = (
        "قال الرئيس الفرنسي إيمانويل ماكرون إن الحل سياسي. "
        "وقال أولاف شولتس إن برلين توافق. "
        'وأردف الرئيس الفرنسي قائلا: " لن نترك الشعب وحده ".'
    )
    assert attribution(text)[1] == "إيمانويل ماكرون"


def test_a_state_speaking_as_a_body_is_named_without_the_object_of_its_verb():
    said = attribution("ورفضت روسيا مشروع القرار الذي قدمته بريطانيا.")
    assert said[:2] == (Kind.organization, "روسيا")
    assert attribution("وقالت حركة أحرار الشام إن الهجوم فشل.")[1] == "حركة أحرار الشام"


def test_a_states_name_is_whole_where_the_article_says_more_of_it():
    text = "وتحدث الوفد عن روسيا الاتحادية الجديدة. وأكدت روسيا أنها لن تسمح بالهجوم."
    assert attribution(text)[:2] == (Kind.organization, "روسيا")


def test_unnamed_sources_counted_by_a_number_are_anonymous_with_their_count():
    said = attribution("وقال ثلاثة مسؤولين أمنيين إن الهجوم فشل.")
    assert said[:2] == (Kind.anonymous, "ثلاثة مسؤولين أمنيين")
    assert attribution("وقال 4 شهود عيان إن الانفجار هز الحي.")[:2] == (
        Kind.anonymous,
        "4 شهود عيان",
    )
    assert attribution("وأصيب ثلاثة مقاتلين في القصف.")[0] is Kind.author


def test_a_quoted_name_followed_by_its_role_is_the_person():
    text = (
        'وقال "عكيد الحسكاوي" القائد الميداني في "لواء الحمزة" إن المعركة بدأت. '
        "وأضاف عكيد أن الهجوم يستهدف ثلاث قرى."
    )
    assert attribution(text, 0)[:2] == (Kind.named_person, "عكيد الحسكاوي")
    assert attribution(text)[:2] == (Kind.named_person, "عكيد الحسكاوي")


def test_an_officials_role_then_a_name_after_the_comma_is_the_person():
    text = "مسؤول العلاقات العامة في لواء الحمزة، سعد الخلف، قال إن العملية وشيكة."
    assert attribution(text)[:2] == (Kind.named_person, "سعد الخلف")
    unnamed = "ونقلت الوكالة عن مسؤول عسكري أمريكي، طلب عدم الكشف عن اسمه، أن القوات باقية."
    assert attribution(unnamed)[:2] == (Kind.anonymous, "مسؤول عسكري أمريكي")


def test_the_verbal_noun_of_saying_after_a_relayed_name_is_no_part_of_it():
    text = "ونقلت وكالة رويترز عن سامر الخطيب قوله إن القرار غير حكيم."
    assert attribution(text) == (Kind.named_person, "سامر الخطيب", "ونقلت", "رويترز")


def test_a_family_name_in_al_after_a_title_ends_before_the_definite_object():
    text = (
        "وقال الأمير سلطان الفيصل إن الخطة سيئة. "
        "وخاطب الأمير الفيصل الآلاف من المشاركين بالقول إن مسعاكم مشروع."
    )
    assert attribution(text)[:2] == (Kind.named_person, "سلطان الفيصل")
    titled = "وقال العميد الطاهر عبد المنعم إن القوات تسيطر على المقر."
    assert attribution(titled)[1] == "الطاهر عبد المنعم"


def test_the_un_agencies_are_bodies_in_the_spellings_arabic_pages_give_them():
    text = (
        "ودعت منظمة الأمم المتحدة للطفولة إلى فتح المعابر.\n"
        "وذكرت اليونيسيف أن ثلث المدارس خرجت من الخدمة."
    )
    assert attribution(text)[:2] == (Kind.organization, "منظمة الأمم المتحدة للطفولة")
    assert attribution("ودعت اليونسكو إلى حماية المواقع الأثرية.")[0] is Kind.organization


def test_an_outlet_spelled_in_full_after_a_glued_preposition_keeps_that_spelling():
    said = attribution("وصرح سامر الخطيب لوكالة الصحافة الفرنسية بأن المئات فروا.")
    assert said == (Kind.named_person, "سامر الخطيب", "وصرح", "وكالة الصحافة الفرنسية")


def test_a_faction_speaking_is_a_body_not_a_name():
    said = attribution("وصرح فصيل آخر للمعارضة لرويترز بأنه يتوقع غارة وشيكة.")
    assert said[:2] == (Kind.organization, "فصيل آخر للمعارضة")


def test_a_title_followed_by_a_full_name_is_that_person_not_the_last_one_named():
    from claims.pipeline import extract_bytes

    text = (
        "وقال وزير الخارجية سامر الخطيب إن المحادثات ستستأنف.\n"
        "وقال الرئيس فلاديمير بوتين إن العملية انتهت.\n"
        "وأضاف الرئيس أن القوات ستبقى في قاعدتها.\n"
    )
    sources = [c.source for c in extract_bytes(text.encode(), "t.txt").claims]
    assert sources == ["سامر الخطيب", "فلاديمير بوتين", "فلاديمير بوتين"]


def test_a_public_figure_named_by_surname_alone_is_a_person_speaking():
    from claims.pipeline import extract_bytes

    text = (
        "وكان لافروف قد أعلن أن المحادثات ستستمر في أستانا.\n"
        'ونقلت "إنترفاكس" أن بوتين أبلغ نظيره التركي بأن العملية انتهت.\n'
        "وقال الخطيب إن الحل سياسي.\n"  # a surname the article never gave in full: no one
    )
    said = [(c.kind, c.source, c.via) for c in extract_bytes(text.encode(), "t.txt").claims]
    assert said[0] == (Kind.named_person, "لافروف", None)
    assert said[1] == (Kind.named_person, "بوتين", "إنترفاكس")
    assert said[2][0] is not Kind.named_person


def test_a_relative_clause_after_an_unnamed_outlet_is_not_part_of_its_name():
    from claims.pipeline import extract_bytes

    text = "كما لفت تقرير الصحيفة الأمريكية الذي حمل عنوان التحول، إلى أن العملية تأتي في سياقها.\n"
    [claim] = extract_bytes(text.encode(), "t.txt").claims
    assert (claim.kind, claim.source) == (Kind.media, "الصحيفة الأمريكية")


def test_a_definite_noun_glued_to_li_after_an_unnamed_source_is_the_hearer():
    text = "وتقدمت القوات نحو البلدة، وفق ما أفاد مصدر عسكري للوكالة."
    assert attribution(text)[:2] == (Kind.anonymous, "مصدر عسكري")
    assert attribution("وقالت إحدى النازحات للمنظمة إنها فقدت منزلها.")[1] == "إحدى النازحات"


def test_an_indefinite_object_after_a_definite_outlet_is_not_its_name():
    text = "وبث التلفزيون الحكومي لقاءات مع سكان العاصمة."
    assert attribution(text)[:2] == (Kind.media, "التلفزيون الحكومي")
    assert attribution("وقالت وسائل إعلام تابعة للمعارضة إن الطريق مغلق.")[1] == (
        "وسائل إعلام تابعة للمعارضة"
    )


def test_a_quoted_accusative_after_a_definite_body_is_the_object():
    text = 'ورصد المرصد "تذمراً" بين السكان بعد إغلاق الطريق.'
    assert attribution(text)[:2] == (Kind.organization, "المرصد")


def test_a_reference_noun_followed_by_its_setting_resolves_to_the_body_named_before():
    text = (
        "أعلنت وزارة الداخلية التركية أنها أوقفت عشرة مشتبهين. "
        "وأضافت الوزارة في بيانها أن التحقيق مستمر."
    )
    assert attribution(text)[:2] == (Kind.organization, "وزارة الداخلية التركية")


def test_an_outlet_referred_to_by_its_nationality_is_the_outlet_named_before():
    text = (
        'ونشرت صحيفة "لوموند" تحقيقاً عن المعابر. '
        "وأشار تقرير الصحيفة الفرنسية إلى أن الشاحنات تنتظر أياماً."
    )
    assert attribution(text)[:2] == (Kind.media, "لوموند")


def test_a_body_called_on_to_do_something_is_named_without_what_it_is_called_to():
    text = (
        "وطالب المجلس المحلي قوات حرس الحدود للانسحاب من القرية. "
        "وقالت قوات حرس الحدود إن دورياتها باقية."
    )
    assert attribution(text)[:2] == (Kind.organization, "قوات حرس الحدود")


def test_a_body_described_by_who_backs_it_still_speaks_before_its_verb():
    text = "قوات حرس الحدود المدعومة من بغداد تعلن السيطرة على المعبر."
    assert attribution(text)[:2] == (Kind.organization, "قوات حرس الحدود")


def test_a_channels_website_is_the_channel_named_with_its_number():
    text = "وقال موقع القناة 13 العبرية إن الاجتماع تأجل. وبحسب القناة 13 فإن الوزير غادر."
    assert attribution(text, 0)[:2] == (Kind.media, "القناة 13 العبرية")
    assert attribution(text)[:2] == (Kind.media, "القناة 13 العبرية")


def test_a_bare_outlet_noun_is_the_one_outlet_of_that_kind_the_article_names():
    text = (
        'وعرضت قناة "فرانس 24" صوراً للمعبر في تقرير لها. '
        "وتوقعت القناة في تقريرها أن يعاد فتح المعبر قريباً."
    )
    assert attribution(text)[:2] == (Kind.media, "فرانس 24")


def test_an_office_of_a_body_given_by_its_short_name_in_marks_is_named_in_full():
    text = 'وأعلن المكتب الإعلامي لـ"قسد" أن مقاتليه صدوا الهجوم.'
    assert attribution(text)[:2] == (Kind.organization, "المكتب الإعلامي لقوات سوريا الديمقراطية")
    text = 'المكتب الإعلامي لـ"قسد" نفى في بيان انسحاب مقاتليه.'
    assert attribution(text)[:2] == (Kind.organization, "المكتب الإعلامي لقوات سوريا الديمقراطية")


def test_the_spelling_masoul_with_ya_hamza_is_an_unnamed_official():
    assert attribution("وقال مسئول في وزارة النقل إن الرحلات ستستأنف الأسبوع المقبل.")[:2] == (
        Kind.anonymous,
        "مسئول في وزارة النقل",
    )


def test_worshippers_chanting_are_an_unnamed_group():
    assert attribution("وهتف مصلون في المسجد الأقصى ضد قرار إغلاق البوابات.")[:2] == (
        Kind.anonymous,
        "مصلون في المسجد الأقصى",
    )


def test_a_countrys_side_is_its_government_but_a_side_of_a_town_is_a_place():
    assert attribution("وأكد الجانب التركي أن نقاط المراقبة باقية في مواقعها.")[:2] == (
        Kind.organization,
        "الجانب التركي",
    )
    assert attribution("وسيطرت القوات على الجانب الشرقي من المدينة.")[0] is Kind.author


def test_countries_speak_as_their_governments():
    assert attribution("وأكدت تونس أن مطاراتها تخضع لأعلى معايير الأمن.")[:2] == (
        Kind.organization,
        "تونس",
    )
    # the name ends at the country: what it rejects is no part of it
    assert attribution("ورفضت الجزائر القرار الفرنسي، مضيفة أن الحدود ستبقى مغلقة.")[:2] == (
        Kind.organization,
        "الجزائر",
    )


def test_a_statement_issued_by_a_body_names_that_body_not_the_last_one():
    text = (
        "وقال الجيش اللبناني إن دورية تعرضت لإطلاق نار.\n"
        "وذكر بيان صادر عن هيئة الأركان العامة للقوات المسلحة في بيروت أن الدورية عادت سالمة."
    )
    assert attribution(text)[:2] == (
        Kind.organization,
        "هيئة الأركان العامة للقوات المسلحة",
    )


def test_a_setting_with_the_speakers_pronoun_ends_the_source_phrase():
    text = (
        "أعلنت وزارة الصحة الأردنية أن المستشفيات استقبلت الجرحى.\n"
        "وأضافت الوزارة في بيانها نتيجة للقصف، تم نقل عشرة مصابين إلى عمان."
    )
    assert attribution(text)[:2] == (Kind.organization, "وزارة الصحة الأردنية")


def test_a_given_name_alone_is_the_fullest_of_the_nested_forms_known():
    # the collected names hold 'نبيل سمير' and 'نبيل سمير داود': forms of one name
    text = (
        "وقال المحامي السوري نبيل سمير داود من حلب للإذاعة إن المحكمة أجلت الجلسة.\n"
        "كما أرجئت - حسب نبيل - جلسات أخرى حتى الشهر المقبل."
    )
    assert attribution(text)[:2] == (Kind.named_person, "نبيل سمير داود")


def test_a_family_name_with_its_complement_closes_a_compound_name():
    text = (
        "قال اللواء عبد الكريم نصر الله، قائد العمليات في المنطقة، إن الطريق فتح.\n"
        "وأضاف نصر الله، خلال مؤتمر صحافي، أن القوافل عبرت."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert [c.source for c in claims] == ["عبد الكريم نصر الله"] * 2


def test_a_name_may_run_to_five_words_with_its_family_link():
    text = (
        "استقبل ولي العهد الشيخ خليفة بن سلمان آل خليفة الوفد الزائر.\n"
        "وقال الشيخ خليفة إن العلاقات بين البلدين متينة."
    )
    assert attribution(text)[:2] == (Kind.named_person, "خليفة بن سلمان آل خليفة")


def test_a_bare_body_keeps_who_leads_it_and_a_named_one_does_not():
    text = (
        "وقالت القوات التي تقودها فرنسا إن الدورية تعرضت لكمين.\n"
        "وأكدت القوات بقيادة فرنسا أن جنديين أصيبا.\n"
        "ونقلت الإذاعة عن بيان القوات قوله إن التحقيق بدأ.\n"
        "وأعلن التحالف الدولي بقيادة واشنطن أنه شن ثلاث غارات."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert [c.source for c in claims] == ["القوات التي تقودها فرنسا"] * 3 + ["التحالف الدولي"]


def test_a_known_outlet_spelled_out_with_its_kind_is_named_whole():
    text = "وذكرت وكالة الجمهورية الإسلامية الإيرانية للأنباء أن الوفد وصل إلى أنقرة."
    assert attribution(text)[:2] == (Kind.media, "وكالة الجمهورية الإسلامية الإيرانية للأنباء")


def test_an_adjective_outside_an_outlets_quotation_marks_is_not_its_name():
    quoted = 'وقال النائب في مقابلة مع "القناة الثانية" الإسرائيلية إن الحكومة ستسقط.'
    assert attribution(quoted)[3] == "القناة الثانية"
    bare = "وقال النائب في مقابلة مع القناة الثانية الإسرائيلية إن الحكومة ستسقط."
    assert attribution(bare)[3] == "القناة الثانية الإسرائيلية"


def test_an_outlets_generic_name_takes_the_adjectives_the_article_writes_after_it():
    text = (
        "وبث التلفزيون الرسمي صوراً لطوابير الناخبين.\n"
        "ونقل التلفزيون الرسمي المصري عن رئيس اللجنة أن الإقبال كبير."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert claims[0].source == "التلفزيون الرسمي المصري"
    text = "وذكرت وكالة الأنباء الكويتية الرسمية (كونا) أن الوزير وصل إلى الرياض."
    assert attribution(text)[1] == "وكالة الأنباء الكويتية الرسمية"


def test_an_unnamed_group_keeps_the_genitive_that_names_it():
    assert attribution("ويرى قادة تركيا أن الحل سياسي.")[1] == "قادة تركيا"
    text = "وتقول قادة أجهزة الأمن إن الخلية فككت."
    assert attribution(text)[1] == "قادة أجهزة الأمن"
    assert attribution("وقالت مصادر المعارضة السورية إن الهجوم فشل.")[1] == (
        "مصادر المعارضة السورية"
    )
    # a sound plural would drop its nun before a genitive: the noun after it is the object
    assert attribution("وحذر ناشطون الأهالي من الاقتراب.")[1] == "ناشطون"


def test_an_unnamed_official_keeps_the_body_glued_to_bi():
    text = "وانتقد مسؤول بوزارة الزراعة المصرية، القرار الجديد بأنه متسرع."
    assert attribution(text)[1] == "مسؤول بوزارة الزراعة المصرية"


def test_a_short_name_is_shown_in_full_only_when_the_article_spells_the_full_name():
    alone = "وقال البنتاغون إن الغارة استهدفت مستودعاً للذخيرة."
    assert attribution(alone)[:2] == (Kind.organization, "البنتاغون")
    both = "وأكدت وزارة الدفاع الأمريكية وصول التعزيزات.\n" + alone
    assert attribution(both)[:2] == (Kind.organization, "وزارة الدفاع الأمريكية")
    # the article's own full name under another head noun
    other_head = (
        "وحذر صندوق الأمم المتحدة للطفولة (يونيسف) من انتشار الكوليرا.\n"
        "وقالت اليونيسف إن الأطفال هم الأكثر تضرراً."
    )
    assert attribution(other_head)[:2] == (Kind.organization, "صندوق الأمم المتحدة للطفولة")


def test_a_name_after_a_rank_runs_on_through_its_lineage_in_al():
    text = (
        "وقال الشيخ ناصر محمد الأحمد الصباح وزير الديوان إن الزيارة ناجحة.\n"
        "وأكد الشيخ ناصر المحمد أن الوفد سيعود الأسبوع المقبل."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert [c.source for c in claims] == ["ناصر محمد الأحمد الصباح"] * 2
    # a time word after the rank is the given name
    text = "وقال الشيخ صباح سالم العلي رئيس اللجنة إن الحوار مستمر."
    assert attribution(text)[1] == "صباح سالم العلي"
    # a description in al- after the rank does not open a lineage
    text = "ويرى العميد المنشق سامر الحسين أن الهدنة انتهت."
    assert attribution(text)[1] == "سامر الحسين"


def test_unnamed_sources_named_back_with_the_article_are_the_same_sources():
    text = (
        "وبحسب دبلوماسيين سابقين في السفارة البريطانية، فإن المفاوضات تعثرت.\n"
        "وقال الوزير إن الحوار مستمر.\n"
        "وأكد الدبلوماسيون السابقون في السفارة البريطانية أن الوفد انسحب."
    )
    assert attribution(text)[1] == "دبلوماسيين سابقين في السفارة البريطانية"


def test_the_bare_spokesman_after_an_unnamed_official_is_that_official():
    text = (
        "وقال مسؤول في هيئة الطيران المدني إن الرحلات ستستأنف غداً.\n"
        "وأضاف المتحدث أن المطار جاهز لاستقبال المسافرين."
    )
    assert attribution(text)[1] == "مسؤول في هيئة الطيران المدني"


def test_an_unnamed_sources_circle_keeps_its_participle_and_the_places_adjective():
    text = "وأكدت مصادر مقربة من الفصائل المسلحة في درعا أن الهدنة انهارت."
    assert attribution(text)[1] == "مصادر مقربة من الفصائل المسلحة في درعا"
    text = "وقال ناشطون في الغوطة الشرقية إن القصف تجدد."
    assert attribution(text)[1] == "ناشطون في الغوطة الشرقية"


def test_a_feminine_body_keeps_its_feminine_adjective_in_an_unnamed_sources_circle():
    text = "وأكد مصدر في الأمانة العامة للحكومة أن الجلسة تأجلت."
    assert attribution(text)[1] == "مصدر في الأمانة العامة للحكومة"


def test_a_body_is_named_as_the_article_spells_it_out_with_words_inside():
    text = (
        "وأكد الجيش السوري أن الطريق مؤمن.\n"
        "وكان الجيش العربي السوري قد أعلن فتح الطريق الأسبوع الماضي."
    )
    assert attribution(text, 0)[1] == "الجيش العربي السوري"
    # punctuation between the words: two phrases, not one name
    text = "وأكد الجيش السوري أن الطريق مؤمن.\nوقصف الجيش، السوري المنشأ، المنطقة."
    assert attribution(text, 0)[1] == "الجيش السوري"


def test_a_role_names_the_person_named_before_a_run_of_roles():
    text = (
        "وقال اللواء ماجد سالم العتيبي نائب رئيس الأركان قائد القوات البرية إن التدريبات انتهت.\n"
        "وأوضح قائد القوات البرية أن المناورات ستتكرر."
    )
    assert attribution(text)[:2] == (Kind.named_person, "ماجد سالم العتيبي")


def test_a_role_names_the_one_person_the_article_calls_by_its_title_and_family_name():
    text = (
        "وقال الصفدي إن الحدود ستبقى مغلقة.\n"
        "وأوضح الوزير الصفدي أن اللاجئين سيعودون طوعاً.\n"
        "وأكد وزير الخارجية الأردني أن بلاده تدعم الحل السياسي."
    )
    assert attribution(text)[:2] == (Kind.named_person, "الصفدي")


def test_a_title_and_where_its_holder_works_names_back_the_person_just_named():
    text = (
        "ونقلت الإذاعة عن الباحثة المتخصصة في الشأن العراقي، هدى الربيعي، قولها إن الأزمة طويلة.\n"
        "وأكملت الأستاذة في جامعة بغداد أن الحل يبدأ بالانتخابات."
    )
    assert attribution(text)[:2] == (Kind.named_person, "هدى الربيعي")


def test_a_document_or_record_speaks_for_whoever_published_it():
    text = 'وأشارت الوثيقة التي نشرها موقع "بوليتيكو" الأمريكي إلى أن الاتفاق سيوقع الشهر المقبل.'
    assert attribution(text) == (Kind.media, "بوليتيكو", "وأشارت", None)
    text = 'وتشير معلومات موسوعة "بريتانيكا" إلى أن القلعة بنيت في القرن الثاني عشر.'
    assert attribution(text)[:2] == (Kind.media, "بريتانيكا")
    text = "نسبة لبيانات البنك الدولي فإن معدل الفقر ارتفع إلى أربعين في المئة."
    assert attribution(text)[:2] == (Kind.organization, "البنك الدولي")
    assert attribution("وارتفعت نسبة البطالة في المدينة إلى ثلاثين في المئة.")[0] is Kind.author


def test_a_document_does_not_make_its_publisher_the_relay_of_later_speakers():
    text = (
        'وتشير معلومات موسوعة "بريتانيكا" إلى أن القلعة بنيت في القرن الثاني عشر. '
        "وقال مدير الآثار سامر العلي إن الترميم يبدأ في الربيع."
    )
    assert attribution(text) == (Kind.named_person, "سامر العلي", "وقال", None)


def test_the_pages_own_records_are_its_own_reporting():
    text = "وبحسب معلومات عنب بلدي فإن الفصيل نقل مقاتليه إلى ريف درعا."
    assert attribution(text)[:2] == (Kind.media, "عنب بلدي")
    assert attribution("عنب بلدي - درعا\n\n" + text)[0] is Kind.author


def test_information_or_reports_of_the_press_are_unnamed_media():
    assert attribution("وأفادت معلومات صحفية أن الوفد غادر العاصمة فجرا.")[:2] == (
        Kind.media,
        "معلومات صحفية",
    )
    assert attribution("وأشارت تقارير إعلامية إلى أن المفاوضات تعثرت.")[:2] == (
        Kind.media,
        "تقارير إعلامية",
    )
    assert attribution("وتحدثت وسائل إعلامية عن نية الحكومة إغلاق المعبر.")[:2] == (
        Kind.media,
        "وسائل إعلامية",
    )


def test_a_governments_minister_unnamed_is_one_known_person():
    text = "وأكد وزير الدفاع الروسي أن الهدنة تسري من منتصف الليل. وأضاف أن المراقبين سيصلون غدا."
    assert attribution(text, 0)[:2] == (Kind.named_person, "وزير الدفاع الروسي")
    assert attribution(text)[:2] == (Kind.named_person, "وزير الدفاع الروسي")
    text = "وقال مدير المكتب السياسي لفرقة الحمزة إن المفاوضات متعثرة."
    assert attribution(text)[0] is Kind.anonymous


def test_an_unnamed_source_in_the_accusative_after_lakin_or_anna_is_still_the_source():
    text = "قال الوزير سامي العلي إن الوفد سيحضر. ولكن متحدثا باسم الهيئة قال إن الوفد لن يحضر."
    assert attribution(text)[0] is Kind.anonymous
    assert attribution("إلا أن مصدرا في الوزارة أكد أن الاتفاق لم يوقع.")[:2] == (
        Kind.anonymous,
        "مصدرا في الوزارة",
    )


def test_a_bodys_own_website_speaks_for_the_body():
    assert attribution("وحسب موقع الأمم المتحدة فإن اليوم العالمي للتسامح أقر عام 1996.")[:2] == (
        Kind.organization,
        "الأمم المتحدة",
    )
    assert attribution('وقال موقع "عنب بلدي" إن المعبر أغلق.')[:2] == (Kind.media, "عنب بلدي")


def test_a_definite_genitive_after_a_role_is_no_name():
    text = "وقال مدير المكتب السياسي للفرقة إن المفاوضات متعثرة."
    assert attribution(text)[:2] == (Kind.anonymous, "مدير المكتب السياسي للفرقة")
    assert attribution("وقال الناشط الإعلامي بلال الأحمد إن القصف مستمر.")[:2] == (
        Kind.named_person,
        "بلال الأحمد",
    )


def test_unnamed_sources_counted_as_some_of_a_group():
    assert (
        attribution("وقال ثلاثة من المسؤولين الأتراك إن الحدود ستبقى مغلقة.")[0] is Kind.anonymous
    )
    assert attribution("وقال أربعة مسؤولين فلسطينيين إن الخطة مرفوضة.")[:2] == (
        Kind.anonymous,
        "أربعة مسؤولين فلسطينيين",
    )


def test_unnamed_sources_counted_by_a_word_of_quantity_are_anonymous_as_written():
    assert attribution("ويقول كثير من اللاجئين إنهم غادروا البلاد كخيار أخير.")[:2] == (
        Kind.anonymous,
        "كثير من اللاجئين",
    )
    assert attribution("وقال بعض السكان إن المياه عادت إلى الحي.")[:2] == (
        Kind.anonymous,
        "بعض السكان",
    )
    assert attribution("وأكد عدد من الناشطين أن القصف استمر طوال الليل.")[:2] == (
        Kind.anonymous,
        "عدد من الناشطين",
    )
    # a word of quantity before what is no source counts no speaker
    assert attribution("وأصيب عدد من المدنيين في القصف.")[0] is Kind.author


def test_two_unknown_words_are_a_name_only_in_apposition_after_a_role():
    # Plain words the gazetteer lacks name a person after a role set off by commas ...
    named = "وقال الناطق باسم البلدية، كريستوف مارتان، إن الطريق أغلق."
    assert attribution(named)[:2] == (Kind.named_person, "كريستوف مارتان")
    # ... not a subject that is a phrase, nor the words before a parenthetical cue.
    assert attribution("وأعلنت معظم الحكومات أن الاتفاق يجب أن يحترم.")[0] is not Kind.named_person
    aside = "كما قصفت مدفعية ثقيلة - قالت مصادر أهلية إنها تابعة للنظام - أطراف البلدة."
    assert attribution(aside)[:2] == (Kind.anonymous, "مصادر أهلية")


def test_a_place_with_a_preposition_is_no_given_name_before_a_name():
    _, source, _, _ = attribution("وقال مدير مكتب القناة بالكويت سعد الراشد إن الزيارة مهمة.")
    assert "بالكويت" not in (source or "")


def test_an_office_right_after_its_holder_spoke_names_that_holder_back():
    text = (
        "قال الشيخ ناصر سالم الأحمد النائب الأول لرئيس الحكومة وزير الداخلية القطري إن "
        "الحدود آمنة.\n\nوأكد وزير الداخلية - في تصريحات نقلتها وكالة الأنباء القطرية - أن "
        "الدوريات ستتضاعف."
    )
    kind, source, _, via = attribution(text)
    assert (kind, source, via) == (Kind.named_person, "ناصر سالم الأحمد", "وكالة الأنباء القطرية")


def test_a_group_of_unknown_words_in_marks_after_according_to_is_an_outlet():
    text = 'وحسب "أحرار الريف الشمالي"، فإن الحاجز أزيل صباح اليوم.'
    assert attribution(text)[:2] == (Kind.media, "أحرار الريف الشمالي")


def test_a_quoted_outlet_name_holding_inna_is_one_name():
    for sentence in (
        'وبحسب قناة "سي إن إن" الأمريكية فإن الرئيس سيزور المنطقة الأسبوع المقبل.',
        'وذكرت قناة "سي إن إن" أن الرئيس سيزور المنطقة الأسبوع المقبل.',
    ):
        claim = extract_bytes(sentence.encode(), "t.txt").claims[0]
        assert (claim.kind, claim.source) == (Kind.media, "سي إن إن"), sentence
    # words said in quotation marks are still no name
    said = extract_bytes('وأضاف "إن الجيش تقدم" في المدينة.'.encode(), "t.txt").claims[0]
    assert said.kind is not Kind.media


def test_an_indefinite_genitive_names_the_unnamed_group():
    assert attribution("وقال أعضاء مجلس إن الحكومة ستستقيل.")[1] == "أعضاء مجلس"
    text = "وقال أعضاء برلمان، طلبوا عدم ذكر أسمائهم، إن التصويت سيؤجل."
    assert attribution(text)[1] == "أعضاء برلمان"
    # a time of day or an adjective is no genitive
    assert attribution("وقال مسؤول مساء إن الحكومة ستستقيل.")[1] == "مسؤول"
    assert attribution("وقال مصدر مطلع إن الحكومة ستستقيل.")[1] == "مصدر مطلع"


def test_a_place_glued_to_bi_after_a_name_is_no_part_of_it():
    for text, name in (
        ("وقال قائد الشرطة خالد المصري بحلب إن الوضع هادئ.", "خالد المصري"),
        ("وقال رئيس البلدية محمد العلي بمدينة حمص إن المياه ستعود.", "محمد العلي"),
    ):
        assert attribution(text)[:2] == (Kind.named_person, name), text


def test_li_before_a_quoted_body_says_whose_office_not_the_hearer():
    text = 'وقال مدير المكتب الإعلامي لـ"لواء التوحيد" التابع للجيش الحر إن الهجوم صد.'
    assert attribution(text)[:2] == (Kind.anonymous, "مدير المكتب الإعلامي للواء التوحيد")
    # a quoted outlet after li- is still the hearer
    text = 'وقال مدير المكتب الإعلامي لـ"الجزيرة" إن الهجوم صد.'
    assert attribution(text)[1] == "مدير المكتب الإعلامي"


def test_a_body_named_short_takes_the_type_noun_the_article_writes_before_it():
    text = (
        "يحتفل العالم باليوم الذي أقرته منظمة اليونيسيف عام 1990.\n\n"
        "ودعت اليونيسيف إلى حماية المدارس من القصف."
    )
    assert attribution(text)[:2] == (Kind.organization, "منظمة اليونيسيف")


def test_a_counted_group_keeps_its_count():
    for text, source in (
        ("وقال 12 مسؤولا في الوزارة إن الخطة جاهزة.", "12 مسؤولا في الوزارة"),
        ("وقالت 25 شخصية أكاديمية إن الجامعة يجب أن تبقى مستقلة.", "25 شخصية أكاديمية"),
        ("وقال 30 ناشطا حقوقيا إن المعتقلين يتعرضون للتعذيب.", "30 ناشطا حقوقيا"),
    ):
        assert attribution(text)[:2] == (Kind.anonymous, source), text


def test_the_fullest_form_of_a_body_takes_no_adjective_that_makes_another_body():
    text = (
        "وقال الجيش السوري الحر إن مقاتليه صدوا الهجوم على القرية.\n\n"
        "ونفى الجيش السوري الاتهامات وقال إن القصف استهدف مواقع المسلحين."
    )
    assert attribution(text, 1)[:2] == (Kind.organization, "الجيش السوري")


def test_an_agent_of_a_named_principal_is_the_agent_named_before():
    text = (
        "قال مبعوث الرئيس الفرنسي إلى المغرب، أحمد الراشد، إن الزيارة ناجحة.\n\n"
        "وعن الاتفاق التجاري، قال مبعوث الرئيس ماكرون، إن العلاقات متينة."
    )
    assert attribution(text)[:2] == (Kind.named_person, "أحمد الراشد")
    # a person named before without that role is not the envoy
    text = "قال أحمد الراشد إن الزيارة ناجحة.\n\nوقال مبعوث الرئيس ماكرون إن العلاقات متينة."
    assert attribution(text)[1] != "أحمد الراشد"


def test_a_family_name_named_back_in_another_spelling_is_the_known_person():
    text = (
        "وقالت المتحدثة باسم الخارجية الأمريكية هيذر نويرت إن بلادها تراقب الوضع. "
        'وقال نايورت " إن السفير لم يؤيد أبدا هذه الإجراءات ".'
    )
    assert attribution(text)[:2] == (Kind.named_person, "هيذر نويرت")
    # a word of another skeleton is no spelling of the name
    text = "وقالت المتحدثة باسم الخارجية هيذر نويرت إن بلادها تراقب الوضع. وقال نادر إن الوضع هادئ."
    assert attribution(text)[1] != "هيذر نويرت"


def test_a_title_then_a_known_family_name_is_the_person_whatever_follows():
    text = (
        "قال وزير الخارجية السعودي عادل الجبير إن بلاده تدعم الحل. "
        "وقال الوزير الجبير في ختام كلمته إن اللاجئين بحاجة للدعم."
    )
    assert attribution(text)[:2] == (Kind.named_person, "عادل الجبير")


def test_a_state_or_its_side_speaks_as_the_government_the_article_names():
    text = (
        "من جانبها عبرت مصر عن رفضها للقرار. "
        "وطالبت الحكومة المصرية السفارة بتقديم توضيح رسمي. "
        "وشدد الجانب المصري على أن المطارات آمنة."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert [(c.kind, c.source) for c in claims] == [(Kind.organization, "الحكومة المصرية")] * 3
    # no government named: the state as written
    assert attribution("من جانبها عبرت مصر عن رفضها للقرار.")[1] == "مصر"


def test_a_role_left_unnamed_is_the_holder_the_next_sentence_names_with_it():
    text = (
        "أكد رئيس أركان الفرقة الساحلية، في تصريح خاص، أن الفصائل لن تقبل بالهدنة. "
        "وقال رئيس أركان الفرقة، العميد خالد الراشد، إن القصف لم يتوقف."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert (claims[0].kind, claims[0].source) == (Kind.named_person, "خالد الراشد")
    # the next sentence names someone else in another role: the role stays unnamed
    text = (
        "أكد رئيس أركان الفرقة الساحلية أن الفصائل لن تقبل بالهدنة. "
        "وقال وزير الدفاع خالد الراشد إن القصف لم يتوقف."
    )
    assert extract_bytes(text.encode("utf-8"), "t.txt").claims[0].source != "خالد الراشد"
    # one unnamed source, named next with a rank between ('أبو …' also known alone)
    text = (
        "كشف قيادي في الفرقة الساحلية عن مبادرة لإنهاء الخلاف. "
        "وقال القيادي، الرائد سامر أبو حمدان، إن المبادرة جدية."
    )
    claims = extract_bytes(text.encode("utf-8"), "t.txt").claims
    assert (claims[0].kind, claims[0].source) == (Kind.named_person, "سامر أبو حمدان")


def test_a_continuation_goes_on_with_the_speaker_a_glued_story_ends_with():
    text = (
        "تركيا ترجح انسحاب المقاتلين من المدينة أعلنت وزارة الدفاع التركية، اليوم الجمعة، "
        "أنها تتحقق من المعلومات. وأشارت إلى أن الانسحاب بدأ ليلا."
    )
    assert attribution(text)[:2] == (Kind.organization, "وزارة الدفاع التركية")


def test_the_seat_of_a_body_is_part_of_its_name_unless_the_body_is_national():
    assert attribution("وأعلن الدفاع المدني في محافظة إدلب تعليق عمله.")[1] == (
        "الدفاع المدني في محافظة إدلب"
    )
    assert attribution("وأعربت السفارة الفرنسية لدى ليبيا عن قلقها.")[1] == (
        "السفارة الفرنسية لدى ليبيا"
    )
    assert attribution("وأعلنت المؤسسة الوطنية للنفط في ليبيا حالة القوة القاهرة.")[1] == (
        "المؤسسة الوطنية للنفط"
    )


def test_a_reference_noun_names_back_whatever_object_or_setting_follows_it():
    text = (
        "وقال حزب الله في بيان إن مقاتليه استهدفوا الثكنة. "
        "وفي وقت لاحق، أعلن الحزب استهداف موقع عسكري بالأسلحة الصاروخية."
    )
    assert attribution(text)[:2] == (Kind.organization, "حزب الله")
    text = (
        "وقال تنظيم داعش إن مقاتليه استهدفوا الحاجز. "
        "وأعلن التنظيم، عبر وكالة أعماق التابعة له، مسؤوليته عن الهجوم."
    )
    assert attribution(text)[:2] == (Kind.organization, "تنظيم داعش")


def test_an_unnamed_source_in_a_body_named_back_takes_the_bodys_full_name():
    text = (
        "وقالت هيئة تحرير الشام إن مقاتليها صدوا الهجوم. "
        'ونقلت شبكة محلية عن مصدر في "الهيئة" أن القائد عقد اجتماعات مع الوجهاء.'
    )
    assert attribution(text)[:2] == (Kind.anonymous, "مصدر في هيئة تحرير الشام")


def test_a_definite_plural_of_a_participle_is_an_unnamed_group_of_people():
    assert attribution("وطالب المعتصمون بالإفراج عن المعتقلين.")[:2] == (
        Kind.anonymous,
        "المعتصمون",
    )
    # those of the event just told, with a pronoun pointing back to it: the narration
    text = "خرجت تظاهرة في البلدة، طالب المشاركون فيها بالإفراج عن المعتقلين."
    assert attribution(text)[0] is Kind.author


def test_one_quoted_word_before_the_words_said_is_a_person_named_in_full_before():
    text = (
        'في كتاب "قانون الرحمة" لكريستوف مولر الصادر في فيينا، نرى شهادة جديدة. '
        'يقول "مولر": هناك قلة من المسلمين يدافعون عن النبي.'
    )
    assert attribution(text)[:2] == (Kind.named_person, "كريستوف مولر")
    # a group set off in quotation marks before its verb still speaks as a body
    assert attribution("«الدعم السريع» تعلن السيطرة على المدينة.")[0] is Kind.organization


def test_most_of_a_kind_of_body_speak_as_written():
    text = "وقالت الدول العربية إن القرار باطل. وأعلنت أغلب الدول أن وضع المدينة يحسم بالتفاوض."
    assert attribution(text)[:2] == (Kind.organization, "أغلب الدول")
    text = "وقال مسؤولون عراقيون إن الهجوم فشل. وأكد معظم المسؤولين أن الوضع هادئ."
    assert attribution(text)[:2] == (Kind.anonymous, "معظم المسؤولين")


def test_the_states_as_a_body_end_before_the_object():
    assert attribution("وأكدت الدول الضامنة أن وقف إطلاق النار صامد.")[:2] == (
        Kind.organization,
        "الدول الضامنة",
    )


def test_a_quoted_name_headed_by_an_outlet_noun_is_an_outlet():
    text = 'لكن "الإعلام الحربي" أعلن التقاء القوات، لافتا إلى أن القوات التقت عند الحدود.'
    assert attribution(text)[:2] == (Kind.media, "الإعلام الحربي")
    assert attribution('وأعلنت "قناة الرشيد" أن البث سيتوقف.')[0] is Kind.media


def test_a_calling_and_a_gentilic_name_back_the_one_person_introduced_with_that_gentilic():
    text = (
        "وقال وزير الخارجية الأردني أيمن الصفدي إن الزيارة ناجحة.\n"
        "وانتقد مدير المركز للدراسات والمحاضر السابق العراقي سامر النعيمي قرار الحكومة.\n"
        "وفي مقابلة أخرى، استنكر الباحث العراقي ما وصفه بحملة منظمة ضده.\n"
    )
    assert attribution(text)[:2] == (Kind.named_person, "سامر النعيمي")
    text = (
        "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات بناءة.\n"
        "وأكد المبعوث الأممي ستيفان دي ميستورا أن الجولة المقبلة ستعقد في جنيف.\n"
        "وفي رد على سؤال عن العقوبات، قال الدبلوماسي الروسي المخضرم إن بلاده لن تتراجع.\n"
    )
    assert attribution(text)[:2] == (Kind.named_person, "سيرغي لافروف")


def test_a_calling_and_a_gentilic_name_no_one_when_two_people_fit():
    text = (
        "وقال وزير الخارجية العراقي فؤاد حسين إن الزيارة ناجحة.\n"
        "وانتقد مدير المركز للدراسات والمحاضر السابق العراقي سامر النعيمي قرار الحكومة.\n"
        "وفي مقابلة أخرى، استنكر الباحث العراقي ما وصفه بحملة منظمة ضده.\n"
    )
    assert attribution(text)[:2] == (Kind.anonymous, "الباحث العراقي")


def test_a_name_does_not_run_into_the_words_its_bearer_published():
    text = "ونشر الوزير خالد العمر تغريدة قال فيها إن الحكومة لن تتراجع."
    assert attribution(text)[:2] == (Kind.named_person, "خالد العمر")
    text = "وأصدر القيادي سامر الحسن بيانا أكد فيه أن الهدنة انتهت."
    assert attribution(text)[:2] == (Kind.named_person, "سامر الحسن")
    assert attribution("وقال رجب طيب أردوغان إن القوات ستبقى.")[1] == "رجب طيب أردوغان"


def test_a_counted_group_keeps_its_definite_gentilic_and_where_it_serves():
    text = (
        "ونقلت الصحيفة عن أربعة من كبار المسؤولين الفرنسيين في الخارجية والإليزيه أن الاتفاق قريب."
    )
    assert attribution(text)[:2] == (
        Kind.anonymous,
        "أربعة من كبار المسؤولين الفرنسيين في الخارجية والإليزيه",
    )
    assert attribution("وقال ثلاثة من كبار الضباط الأتراك إن العملية ستبدأ.")[1] == (
        "ثلاثة من كبار الضباط الأتراك"
    )


def test_an_unnamed_faction_keeps_the_group_it_is_one_of():
    text = "وقال فصيل آخر للمعارضة من الجيش الوطني لرويترز إن الهجوم صد."
    assert attribution(text)[:2] == (Kind.organization, "فصيل آخر للمعارضة من الجيش الوطني")
    text += "\nالجيش الوطني نفى من جهته أي انسحاب من المنطقة."
    # the group the faction is of, named again, is that group and not the faction
    assert attribution(text)[:2] == (Kind.organization, "الجيش الوطني")


def test_a_body_named_only_by_a_common_noun_takes_its_owner_and_subject():
    text = (
        "وأكدت لجنة التحقيق التابعة للأمم المتحدة حول حقوق الإنسان في اليمن أنها تحقق في الهجوم.\n"
        "وشددت على واجب محاسبة المسؤولين."
    )
    name = "لجنة التحقيق التابعة للأمم المتحدة حول حقوق الإنسان في اليمن"
    assert attribution(text, 0)[:2] == (Kind.organization, name)
    assert attribution(text)[:2] == (Kind.organization, name)
    text = "وأعلن فريق التحقيق التابع للمنظمة الدولية أنه وصل إلى المدينة."
    assert attribution(text)[1] == "فريق التحقيق التابع للمنظمة الدولية"
    # a body with a name of its own: the owner only describes it
    text = "وقال برنامج الأغذية العالمي التابع للأمم المتحدة إن المخزون نفد."
    assert attribution(text)[1] == "برنامج الأغذية العالمي"


def test_a_given_name_after_a_title_opens_a_name_and_names_no_son_of_it():
    text = (
        "وكان الأمير فيصل بن خالد قال إنه سيعمل على الإصلاح.\n"
        "وأكد الأمير خالد بن عبد الله أن الزيارة ناجحة."
    )
    assert attribution(text)[:2] == (Kind.named_person, "خالد بن عبد الله")


def test_a_body_named_back_takes_the_seat_the_article_gave_it():
    text = (
        "وقررت المرجعيات الدينية المسيحية في القدس الثلاثاء استمرار الصلاة في الشوارع.\n"
        "وشددت المرجعيات على ضرورة فتح الأبواب أمام المصلين."
    )
    assert attribution(text)[:2] == (Kind.organization, "المرجعيات الدينية المسيحية في القدس")


def test_an_unnamed_witness_or_source_from_an_outlet_is_that_outlet():
    assert attribution("وقال شاهد من رويترز إن طائرات حربية قصفت البلدة.")[:2] == (
        Kind.media,
        "رويترز",
    )
    assert attribution("وأكد مصدر من رويترز أن الطريق مغلق.")[:2] == (Kind.media, "رويترز")
    assert attribution("وقال مصدر من المعارضة إن الوفد انسحب.")[1] == "مصدر من المعارضة"


def test_a_plural_group_is_not_the_man_whose_family_name_it_shares():
    text = (
        "من جهته اعتبر عبد الملك الحوثي زعيم جماعة أنصار الله أن الهجوم رد.\n"
        "وقال الحوثيون إن الهجوم رد."
    )
    assert attribution(text)[:2] == (Kind.organization, "الحوثيون")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("وقال مصدر في الجيش الحر إن الهجوم صد.", "مصدر في الجيش الحر"),
        ("وقال مصدر في الهلال الأحمر إن القافلة دخلت.", "مصدر في الهلال الأحمر"),
        (
            "وقال مسؤول في اللجنة الدولية للصليب الأحمر إن الأسرى بخير.",
            "مسؤول في اللجنة الدولية للصليب الأحمر",
        ),
        # an adjective that names no body still ends the phrase
        ("وقال ناشطون من أبناء الريف الكبير إن القصف مستمر.", "ناشطون من أبناء الريف"),
    ],
)
def test_a_bodys_known_name_is_not_cut_at_its_adjective(sentence, source):
    assert attribution(sentence)[:2] == (Kind.anonymous, source)


@pytest.mark.parametrize(
    ("sentence", "source", "claim"),
    [
        (
            "وأعلنت هيئة تحرير الشام السيطرة على البلدة.",
            "هيئة تحرير الشام",
            "السيطرة على البلدة.",
        ),
        (
            "وأعلن الجيش الإسرائيلي الرد على مصادر النيران.",
            "الجيش الإسرائيلي",
            "الرد على مصادر النيران.",
        ),
        # a genitive or a feminine adjective before the preposition is the name's own
        ("وأعلنت وزارة الصحة عن تسجيل إصابات جديدة.", "وزارة الصحة", "عن تسجيل إصابات جديدة."),
        ("وحذرت القيادة العامة من التصعيد.", "القيادة العامة", "من التصعيد."),
    ],
)
def test_a_verbal_noun_after_a_bodys_name_is_what_the_verb_governs(sentence, source, claim):
    found = extract_bytes(sentence.encode(), "g.txt").claims[0]
    assert (found.kind, found.source, found.claim) == (Kind.organization, source, claim)

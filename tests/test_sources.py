"""Source phrases: where a name, a body, an outlet or an anonymous source starts and ends,
and which kind it is. The sentences are written for these tests."""

from __future__ import annotations

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
    kind, source, _, _ = attribution("وقال وزير الدفاع مجدداً إن المحادثات مستمرة.")
    assert kind is not Kind.named_person

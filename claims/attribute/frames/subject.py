"""The source phrase around the verb: a subject before it ('مصادر مطلعة، قالت …') or after it,
the object or setting that is not the source, a pluperfect clause, a byline, a source named in
passing ('ويدعى خالد العمر')."""

from __future__ import annotations

from claims.arabic import normalize, normalize_key
from claims.attribute.frames.frame import Frame, _complement_at
from claims.attribute.lexicons import (
    _cue_forms,
    _first_names,
    _name_form,
    _participles,
    _particles,
    _phrases,
    _set,
    _strip_conjunction,
)
from claims.attribute.memory import Memory, _sound_plural
from claims.attribute.names import _name_at
from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.people import is_public_figure
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import _span_end
from claims.attribute.tokens import (
    OPEN_QUOTES,
    STRAIGHT_QUOTES,
    Token,
    _cue_lemma,
    _starts_with,
    _text,
    _words,
    in_lexicon,
    tokenize,
)
from claims.lexicon import word_class
from claims.models import Kind

# A story the page glued on without a full stop (teasers, captions, headlines; rules 13, 15)
# opens after a dateline 'CITY - OUTLET' or 'CITY - OUTLET، REPORTER' ('… حلب - الخبر اليوم
# نفت مصادر أمنية …'), or at a reporting verb joined to the words before it by و alone or by
# nothing ('… طوابير أمام المخابز وقال مدير الفرن إن …', '… في حلب قالت الوزارة إن …').
DATELINE_DASHES = frozenset("-–—")
MAX_DATELINE_WORDS = 5


def _ends_in_byline(before: list[Token]) -> bool:
    """'حلب - الخبر اليوم، سامر يوسف نفت مصادر …': the words before the verb close with a
    dateline and its reporter, who is no subject; the verb's subject comes after it. A dateline
    alone, a place and the outlet, is none either: 'واشنطن - عرب لايف أكد وزير الخارجية …'."""
    dash = next(
        (j for j in range(len(before) - 1, 0, -1) if before[j].text in DATELINE_DASHES), None
    )
    if dash is None or not before[dash - 1].is_word:
        return False
    byline = before[dash + 1 :]
    return all(t.is_word or t.text in "،," for t in byline) and (
        any(t.text in "،," for t in byline)
        and len(_words(byline)) <= MAX_DATELINE_WORDS + 2
        or dash == 1
        and len(byline) <= MAX_DATELINE_WORDS
    )


# 'نقلت "إنترفاكس" أن بوتين أبلغ الأسد بأن …': how many words of the content may open it up to
# the reported speaker's verb, the verb included: a subject with its title and description
# ('أن رجل الدين البارز أحمد خاتمي قال للمصلين في خطبة الجمعة إن …'; the hearer and the
# setting after the verb do not count). A verb further in belongs to the reported events.
MAX_REPORTED_FRAME_WORDS = 7


def _named_in(content: list[Token], frame: Frame, sentence: str) -> bool:
    """Whether the content names the frame's source before its verb, whole or in part ('أن
    الجيش الإسرائيلي يرجح …', 'أن ليبرمان قال …' after the source was named), not only by
    the verb's pronoun ('أن الجثث نُقلت …' is no one's words)."""
    before = [t for t in content if t.end <= frame.claim_start and t.text != frame.cue]
    return not set(normalize_key(frame.source.name).split()).isdisjoint(
        normalize_key(_text(before, sentence)).split()
    )


# Verbs that in the present tense describe a standing view rather than report words said.
STANCE_VERBS = frozenset(normalize(w) for w in ("رأى", "اعتبر", "اعتقد", "توقع", "أمل"))


# Prepositions a reporting verb governs ('أشار إلى', 'شدد على'): what follows is what was
# said, not the speaker's name ('عن' stays: 'النائب عن كتلة … حسن فضل الله').
GOVERNED = frozenset(normalize(w) for w in ("إلى", "على"))


def _before_the_object(tokens: list[Token]) -> list[Token]:
    """The tokens before the verb's governed preposition or a relative clause."""
    end = next(
        (
            k
            for k, t in enumerate(tokens)
            if t.norm in GOVERNED or t.norm in _particles("subordinate")
        ),
        len(tokens),
    )
    return tokens[:end]


def _describes_a_stance(cue: str | None) -> bool:
    """'ترى', 'يعتبر': a verb of holding a view in the present tense (its form carries a
    present prefix its past form lacks); 'يرجح' and 'يؤكد' report what was said."""
    if not cue:
        return False
    token = tokenize(cue)[0]
    lemma = _cue_lemma(token)
    if lemma is None or normalize(lemma) not in STANCE_VERBS:
        return False
    form = _strip_conjunction(token.norm, _cue_forms()) or token.norm
    return form[:1] in "يت" and normalize(lemma)[:1] != form[:1]


def _in_plural(cue: Token) -> bool:
    """'وأضافوا', 'يقولون', 'مضيفين': the verb or participle of several speakers."""
    return cue.bare.endswith("وا") or _sound_plural(cue.bare)


def _says(token: Token) -> bool:
    return token.norm in _participles() or _cue_lemma(token) is not None


def _speech_follows(tokens: list[Token], k: int) -> bool:
    """The verb is followed at once by the words said ('وأضاف " نحن لن نقبل …"', not a quoted
    name: 'وقالت "هيئة تحرير الشام"') or by another verb of saying ('وأردف قائلاً',
    'وتابعت تقول'): it has no subject of its own."""
    if k >= len(tokens):
        return False
    if tokens[k].text in OPEN_QUOTES + STRAIGHT_QUOTES:
        return _quoted_name(tokens, k, "") is None
    return _says(tokens[k])


# A preposition or adverb right after the verb: the subject is the pronoun in the verb ('وأعرب
# عن …', 'وحذر من …', 'ولكنهم يقولون هناك إن …').
OMITTED_SUBJECT_OPENERS = frozenset(
    normalize(w)
    for w in ("في", "الى", "إلى", "عبر", "خلال", "على", "عن", "من", "ل", "لـ", "بالقول", "هناك")
)


def _governed_first(word: Token, lemma: str) -> bool:
    """A preposition opens what follows the verb ('وأعرب عن …'), alone or written onto a
    definite noun ('وطالب بالإفراج') or a statement ('وأضاف بتصريح'), or, after a verb that
    takes its matter with bi-, onto a verbal noun ('وتعهد بحماية القوافل'; 'وقالت بلدية
    المدينة' names a body, and 'بثينة' or 'بعثة' are never prepositions): the subject is the
    pronoun in the verb."""
    if word.norm in OMITTED_SUBJECT_OPENERS:
        return True
    rest = word.norm[1:]
    return (
        word.norm[:1] == "ب"
        and len(rest) > 2
        and (
            rest.startswith("ال")
            or rest in word_class("utterance_nouns")  # 'وأضاف بتصريح …': the statement it was in
            or rest.endswith("ه")
            and normalize(lemma) in word_class("matter_with_bi")
        )
        and _name_form(word.text) not in _first_names()
        and not any(_starts_with([word], _phrases(kind)) for kind in SOURCE_HEADS)  # 'بعثة'
    )


# The lexicons whose heads open a source phrase ('أعربت بعثة الأمم المتحدة').
SOURCE_HEADS = ("organizations", "media", "anonymous")


def _named_as(tokens: list[Token], sentence: str, parser: SourceParser) -> Source | None:
    """A source named in passing: 'أحد المشاركين، ويدعى خالد العمر، …', 'واسمه …'."""
    for k, tok in enumerate(tokens[:-1]):
        # An aside of its own ('، ويدعى …', '، اسمه …'), not 'طلب عدم ذكر اسمه'.
        opens_aside = tok.norm[:1] == "و" or (k > 0 and tokens[k - 1].text in "،,")
        if tok.bare in word_class("naming_words") and opens_aside:
            name = _name_at(tokens, k + 1, sentence)
            if name:
                return Source(Kind.named_person, parser.memory.full_name(name))
    return None


ASIDE_DASHES = frozenset({"-", "–", "—"})


def _subject_after_the_verb(tokens, i, before_subject, sentence, parser) -> bool:
    """'رون فونداك، كتب الناشطون إلى …': a name set off by a comma before the verb, and a
    subject of the verb's own after it; the name is what a bad cut left of the sentence before.
    After a dash the verb opens an aside with its own subject: 'كما قصفت مدفعية - قالت مصادر
    أهلية إنها للنظام - البلدة'."""
    if i + 1 >= len(tokens):
        return False
    first = tokens[i + 1]
    aside = tokens[i - 1].text in ASIDE_DASHES
    if not aside and (
        tokens[i - 1].text not in "،,"
        or not first.is_word
        or not first.norm.startswith("ال")
        or first.norm in OMITTED_SUBJECT_OPENERS
    ):
        return False
    after = parser.parse(tokens[i + 1 : _span_end(tokens, i + 1)], sentence)
    return after is not None and after.kind is not Kind.author and after.name != before_subject.name


PLUPERFECT_LEADS = frozenset(normalize(w) for w in ("كان", "كانت", "كانوا"))


def _pluperfect(before_verb: list[Token]) -> bool:
    """'وكان الرئيس قال سابقاً إن …': a statement made before, on another occasion than the
    interview or report the article relays, so that no relaying outlet carries over to it."""
    return any(_strip_conjunction(t.norm, PLUPERFECT_LEADS) for t in before_verb)


OCCASION_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "خلال"))


def _another_occasion(tokens: list[Token], start: int, stop: int) -> bool:
    """'وقال في كلمة وجهها لأعضاء الحزب …': a speech, interview or statement of its own named
    in the frame, indefinite, is another occasion than the report relayed before ('في حديثه',
    'في التصريح' go on with it), so that the relaying outlet does not carry over."""
    return any(
        tokens[k].norm in OCCASION_PREPOSITIONS
        and tokens[k + 1].norm in word_class("utterance_nouns")
        for k in range(start, min(stop, len(tokens) - 1))
    )


def _not_carried(tokens: list[Token], i: int) -> bool:
    """Whether no relaying outlet carries over to the frame of the verb at i: a statement
    made before, or on another occasion."""
    return _pluperfect(tokens[:i]) or _another_occasion(
        tokens, i + 1, _complement_at(tokens, i + 1)
    )


def _compact_subject(subject: Source, before: list[Token], memory: Memory) -> bool:
    """Whether the words before the verb are the subject itself, not a clause mentioning it.

    'مصادر مطلعة، قالت' and 'وزير الخارجية الروسي، سيرغي لافروف، أعلن' are; 'الجيش السوري بدأ
    معركة دير الزور و«داعش» يدعو' is not.
    """
    if subject.kind is Kind.author:
        return False
    n_before = len(_words(before))
    if subject.kind is Kind.named_person and n_before == 1:
        # A bare surname is a subject only when the article named the person in full, or
        # the news names the person so ('بوتين').
        return (
            len(subject.name.split()) > 1 or subject.is_reference or is_public_figure(subject.name)
        )
    first = _words(before)[0]
    if in_lexicon(first, _set("statements")):
        return True
    # 'الوزير …' or 'رجل الدين البارز أحمد خاتمي قال': a person's role or description before
    # the name that closes the subject
    # (or 'الوكالة الرسمية السورية للأنباء (سانا) نقلت': an outlet's kind and name)
    ends_with_name = normalize(_words(before)[-1].text) == normalize(subject.name.split()[-1])
    described = (
        subject.kind is Kind.named_person
        and (
            first.norm in _set("titles")
            or ends_with_name
            or _name_then_apposition(before, subject.name)
        )
        or (subject.kind is Kind.media and ends_with_name)
    )
    slack = 12 if described else 2
    if any(w.norm in word_class("describing_adjectives") for w in _words(before)):
        # 'قوات سوريا الديمقراطية المدعومة من واشنطن تعلن': who backs the body, and whom
        slack += DESCRIBED_BY_WHOM
    return n_before <= len(subject.name.split()) + slack


def _name_then_apposition(before: list[Token], name: str) -> bool:
    """'محمد عبد السلام، المتحدث باسم الحوثيين، قال': the name opens the subject and a comma
    sets off the role that describes it."""
    n = len(name.split())
    words = _words(before)
    if len(words) <= n or [normalize(w.text) for w in words[:n]] != normalize(name).split():
        return False
    after_name = before.index(words[n - 1]) + 1
    return after_name < len(before) and before[after_name].text in "،,"


# The words of a describing adjective and its complement ('المدعومة من واشنطن').
DESCRIBED_BY_WHOM = 3


def _before_span(tokens, i, word_positions, lead) -> list[Token]:
    """Tokens between the lead-in and the verb, less 'كان قد' and an intro clause that a comma
    closes ('من جانب آخر، ذكرت …')."""
    start = word_positions[lead] if lead < len(word_positions) else i
    if start and tokens[start - 1].text in OPEN_QUOTES + STRAIGHT_QUOTES + "(":
        start -= 1  # '«الدعم السريع» تعلن': the subject's quotation marks are its own
    span = [t for t in tokens[start:i]]
    # 'اجتماع في أنقرة … وكان مراسل "العربية" أفاد': a clause opened by 'وكان' inside the span
    # starts the subject; what stands before it is another sentence run in (a glued headline).
    opens = [k for k, t in enumerate(span) if k and _opens_pluperfect_clause(t)]
    if opens:
        span = span[opens[-1] + 1 :]
    while span and (span[-1].norm in _particles("lead") or span[-1].text in "،,"):
        if span[-1].text in "،," and len(span) >= 2 and span[-2].norm in _particles("lead"):
            span = span[:-1]
            continue
        if span[-1].text in "،,":
            break
        span = span[:-1]
    if span and span[-1].text in "،,":
        # 'مصادر مطلعة، قالت' keeps its subject; 'من جانب آخر، ذكرت' is an intro clause.
        inner = span[:-1]
        return inner if _subject_like(inner) else []
    return span


def _opens_pluperfect_clause(token: Token) -> bool:
    """'وكان', 'فكانت': kana with its conjunction, opening a clause of its own."""
    return token.norm[:1] in "وف" and token.norm[1:] in PLUPERFECT_LEADS


def _subject_like(span: list[Token]) -> bool:
    words = _words(span)
    if not words:
        return False
    first = words[0]
    return bool(
        _starts_with(words, _phrases("anonymous"))
        or _starts_with(words, _phrases("organizations"))
        or _starts_with(words, _phrases("media"))
        or first.norm in _set("titles")
        or _name_form(first.text) in _first_names()
        or in_lexicon(first, _set("statements"))
    )

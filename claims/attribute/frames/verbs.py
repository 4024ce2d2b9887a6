"""A reporting verb and its source: the main-clause verb near the sentence's start, before or
after its source ('وقال المتحدث …', 'القاسم أوضح …'), a participle ('…، مشيراً إلى أن'),
verbs that report only with a complement ('بيّن', 'عبّر'), and a speaker an outlet reports."""

from __future__ import annotations

from functools import lru_cache

from claims.arabic import is_arabic, normalize
from claims.attribute.frames.frame import (
    ABOUT,
    MAX_CUE_POSITION,
    MAX_FRAME_TAIL,
    Frame,
    _claim_start,
    _complement_at,
    _lead_length,
    _own_report_frame,
    _past_setting,
    _quote_depth_at,
    _words_to_cue,
)
from claims.attribute.frames.relays import (
    _carried_via,
    _hearer_outlet,
    _relayed_by_subject,
    _relayed_phrase_end,
    _relayed_source,
    _setting_via,
    _told_outlet,
    _unnamed_group,
    _via_in,
    _withholding_outlet,
)
from claims.attribute.frames.subject import (
    GOVERNED,
    MAX_REPORTED_FRAME_WORDS,
    OMITTED_SUBJECT_OPENERS,
    _before_span,
    _before_the_object,
    _compact_subject,
    _describes_a_stance,
    _ends_in_byline,
    _governed_first,
    _in_plural,
    _named_as,
    _named_in,
    _not_carried,
    _speech_follows,
    _subject_after_the_verb,
)
from claims.attribute.lexicons import (
    _content_cues,
    _hedge_words,
    _media_cues,
    _participles,
    _particles,
    _set,
    _strip_conjunction,
)
from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import _span_end, _without_quoting_noun
from claims.attribute.tokens import (
    QUOTES,
    STRAIGHT_QUOTES,
    Token,
    _comma_chunks,
    _cue_lemma,
    _cue_lemma_of,
    _words,
    in_lexicon,
)
from claims.lexicon import word_class
from claims.models import Kind

# How many words may stand between a glued verb and its complementizer: its subject with a
# title and a body ('وقال يان إيغلاند رئيس مجموعة العمل الإنساني التابعة للأمم المتحدة، إن').
MAX_GLUED_SUBJECT = 14


# 'وجاء في البيان أن …', 'وجاء في نص البيان: …', 'ورد في تقرير للمنظمة أن …'.
CAME_IN_VERBS = frozenset(normalize(w) for w in ("جاء", "ورد"))


# 'ورد السفير بالقول إن …', 'وردت الوزارة على الاتهامات بأن …': 'replied' reports only with
# the words of the reply after it; 'رد موسكو' is also the noun 'the reply'.
REPLY_VERB = normalize("رد")
REPLY_OPENERS = frozenset(normalize(w) for w in ("بالقول", "بأن", "بأنه", "بأنها"))


def _reply_said(tokens: list[Token], k: int) -> bool:
    return any(t.norm in REPLY_OPENERS for t in tokens[k : k + MAX_FRAME_TAIL])


def _came_in_at(tokens: list[Token], k: int) -> bool:
    """'وجاء في', 'ورد في' at token k: the content came in a statement."""
    return (
        k + 1 < len(tokens)
        and _strip_conjunction(tokens[k].norm, CAME_IN_VERBS) is not None
        and tokens[k + 1].norm == normalize("في")
    )


def _verb_frame(
    sentence: str, tokens: list[Token], parser: SourceParser, lead: int
) -> Frame | None:
    word_positions = [i for i, t in enumerate(tokens) if t.is_word]
    for w_index, i in enumerate(word_positions):
        token = tokens[i]
        if not _may_report(token.norm):
            continue
        opens_clause = w_index == lead or i == 0 or not tokens[i - 1].is_word
        lemma = (
            _cue_lemma(token)
            or _explaining_bayyana(tokens, i)
            or _expressing_abbara(tokens, i, opens_clause)
        )
        if lemma is None and _conveys_speech(tokens, i):
            lemma = token.norm  # 'ووجه الوزير في ختام كلمته الشكر لـ…'
        if lemma is None and _participle_frame_at(tokens, i, opens_sentence=w_index == lead):
            if w_index == lead:
                lemma = token.norm  # 'مضيفاً أن …': the last speaker goes on
            else:
                frame = _participle_frame(sentence, tokens, i, parser)
                if frame:
                    return frame
        if lemma is None or lemma in _content_cues() and not _content_follows(tokens, i + 1):
            continue
        if _came_in_at(tokens, i) or lemma == REPLY_VERB and not _reply_said(tokens, i + 1):
            # 'ورد في التقرير أن …' came in the report; 'كيف سيكون رد موسكو' is the noun
            continue
        clause = _clause_opening(tokens, word_positions, w_index)
        far_clause = w_index > MAX_CUE_POSITION and not _statement_subject(tokens, word_positions)
        if far_clause and not (
            clause is not None
            and _states_with_own_subject(tokens, i, word_positions[clause:w_index])
        ):
            continue
        # The last word of a lead-in is no subordinator: 'في حين تحدثت …' but 'حين قال …'.
        previous = tokens[i - 1] if i and w_index != lead and clause is None else None
        if previous is not None and (
            _strip_conjunction(previous.norm, _particles("subordinate"))  # 'وعندما نقل'
            or previous.norm in ("ان", "بان", "لان", "بعد", "قبل")
            or previous.norm in THINGS  # 'لا شيء يشير إلى …': a thing, not a speaker
            or _strip_conjunction(previous.norm, NEGATED_CUE_PARTICLES)
        ):
            continue
        if _quote_depth_at(tokens, i):
            continue
        opening = clause if far_clause and clause is not None else lead
        frame = _frame_at(sentence, tokens, i, lemma, parser, word_positions, opening)
        if frame and (lemma not in _media_cues() or frame.source.kind is Kind.media):
            return frame
    return None


@lru_cache(maxsize=1 << 16)
def _may_report(norm: str) -> bool:
    """Whether a word of this form can be a reporting verb or participle at all, remembered:
    `_verb_frame` asks it of every word and reads further only for the few that can."""
    return bool(
        _cue_lemma_of(norm)
        or _strip_conjunction(norm, BAYYANA)
        or _strip_conjunction(norm, ABBARA)
        or _strip_conjunction(norm, word_class("conveying_verbs"))
        or norm in _participles()
    )


# 'لا شيء يشير إلى …', 'كل شيء يؤكد أن …': a thing as the subject of a verb of showing.
THINGS = frozenset({normalize("شيء")})
# How many words after a verb of directing its speech object may stand, behind the subject and
# the setting ('ووجه الوزير الجبير في ختام كلمة بلاده الشكر').
MAX_SPEECH_OBJECT_REACH = 9


def _conveys_speech(tokens: list[Token], i: int) -> bool:
    """A verb of directing whose object, before the clause ends, is a speech act: 'وجه الشكر',
    'وجهت انتقادات' report; 'وجه الطيران ضربات' does not."""
    if not _strip_conjunction(tokens[i].norm, word_class("conveying_verbs")):
        return False
    for token in tokens[i + 1 : i + 1 + MAX_SPEECH_OBJECT_REACH]:
        if token.text in "،,.:؛":
            return False
        if token.norm in word_class("speech_objects"):
            return True
    return False


def _states_with_own_subject(tokens: list[Token], i: int, lead_in: list[int]) -> bool:
    """A clause far into a sentence frames it only with a subject of its own ('…، أكد في
    تصريح' goes on about someone the clause before named) and either the content behind
    ('…، فيما ذكرت مصادر ميدانية أن …', '…، وأشارت المصادر إلى …'; '…، نقل سفارة بلاده' is a
    noun), or standing as a sentence of its own after a lead-in ('… إلى ذلك، أعلن الرئيس
    الروسي توقيع …'), or closing the sentence as its source ('…، كما قال المجلس في بيان.')."""
    end = _span_end(tokens, i + 1)
    subject = _words(tokens[i + 1 : end])
    if not subject or subject[0].norm in OMITTED_SUBJECT_OPENERS:
        return False
    if _complement_at(tokens, i + 1) < len(tokens):
        return True
    if (
        end < len(tokens)
        and tokens[end].norm in GOVERNED
        and _cue_lemma(tokens[i]) != normalize("نقل")  # 'نقل السفارة إلى …' moves it there
    ):
        return True  # '…، وأشارت المصادر إلى استشهاد ستة مدنيين': the matter it governs
    if not lead_in:
        return _after_lead_in(tokens, i - 1) or _ends_furniture(tokens[i - 1])
    as_said = [tokens[k].norm for k in lead_in] == [AS]
    return as_said and len(_words(tokens[i + 1 :])) <= MAX_AS_SAID_WORDS


# '…، كما قال المجلس الوطني للمقاومة في بيان.': 'as X said' closing a sentence.
AS = normalize("كما")
MAX_AS_SAID_WORDS = 8


def _ends_furniture(token: Token) -> bool:
    """'… (Getty) أعلن الجيش …', '… 29 أغسطس 2014 أعلنت المفوضية …': a photo credit, a date or
    a Latin word of the page glued before the first sentence, which opens after it (rule 13)."""
    return token.text == ")" or token.is_word and not is_arabic(token.text)


def _after_lead_in(tokens: list[Token], comma: int) -> bool:
    """The comma at `comma` closes a lead-in ('إلى ذلك،', 'من جهته،'): a sentence opens there."""
    words = _words(tokens[max(0, comma - 4) : comma])
    return any(_lead_length(words[-n:]) == n for n in range(1, len(words) + 1))


def _content_follows(tokens: list[Token], k: int) -> bool:
    """A complementizer, a colon or a quotation ('وكتبت اللجنة على تويتر " هذه الليلة …"') from
    token k on: what a verb of writing or concluding reports."""
    return _complement_at(tokens, k) < len(tokens) or any(
        tokens[j].text in STRAIGHT_QUOTES and _quoted_name(tokens, j, "") is None
        for j in range(k, len(tokens))
    )


def _clause_opening(tokens: list[Token], word_positions: list[int], w_index: int) -> int | None:
    """Word index where the clause of the verb at word `w_index` opens, when only a lead-in
    ('فيما', 'كما', 'في حين', none at all) stands between a comma and the verb."""
    i = word_positions[w_index]
    if i and _ends_furniture(tokens[i - 1]):
        return w_index
    k = i - 1
    while k >= 0 and tokens[k].is_word:
        k -= 1
    if k < 0 or tokens[k].text not in "،,؛":
        return None
    opening = w_index - (i - 1 - k)
    between = [tokens[p] for p in word_positions[opening:w_index]]
    return opening if _lead_length(between) == len(between) else None


def _explaining_bayyana(tokens: list[Token], i: int) -> str | None:
    """'وبيّن أنه …': the verb 'بيّن' is written like the preposition 'بين', so it is a cue
    only right before a complementizer."""
    if not _strip_conjunction(tokens[i].norm, BAYYANA):
        return None
    # 'وبيّن أنه …', 'وبيّن المصدر أن …': a complementizer within a short subject's reach.
    for k in range(i + 1, min(len(tokens), i + 4)):
        if tokens[k].norm in _particles("complement"):
            return "بين"
        if not tokens[k].is_word or tokens[k].norm[:1] == "و":
            return None  # 'بين الجيش والفصائل': the preposition between two parties
    return None


BAYYANA = frozenset({"بين"})


def _expressing_abbara(tokens: list[Token], i: int, opens_clause: bool) -> str | None:
    """'وعبّر الوزير عن قلقه …': the verb 'عبّر' is written like the preposition 'عبر'
    (through) and like 'عبَر' (crossed), so it reports only opening its clause and with the
    'عن' it governs after its subject ('عبرت القوات الحدود عن طريق …' crossed by way of)."""
    if not opens_clause or not _strip_conjunction(tokens[i].norm, ABBARA):
        return None
    words = 0
    for k in range(i + 1, len(tokens)):
        if tokens[k].norm == ABOUT:
            after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
            return "عبر" if after != BY_WAY_OF else None
        if tokens[k].text in ".؟?!:" or tokens[k].norm in _particles("complement"):
            return None
        words += tokens[k].is_word
        if words > MAX_GLUED_SUBJECT:
            return None
    return None


ABBARA = frozenset(normalize(w) for w in ("عبر", "عبرت", "عبروا", "يعبر", "تعبر", "يعبرون"))
BY_WAY_OF = normalize("طريق")

# 'مشيراً إلى أن', 'مؤكدةً على أن': how far the complementizer may stand behind a participle.
MAX_PARTICIPLE_TAIL = 3


def _participle_frame_at(tokens: list[Token], i: int, opens_sentence: bool) -> bool:
    """A participle of saying that opens a clause with its complementizer right behind:
    'مضيفاً أن …' at the head of a sentence, '…، مشيراً إلى أن …' after a comma. Without the
    complementizer the forms are adjectives or nouns ('أنباء مؤكدة', 'لافتة')."""
    if tokens[i].norm not in _participles():
        return False
    opens_clause = opens_sentence or (i > 0 and tokens[i - 1].text in "،,")
    complement = _complement_at(tokens, i + 1)
    # 'تعامل البعض مع الخبر بسخرية معتبرين أنها …': with its complementizer right behind, a
    # participle opens its clause without a comma
    return (opens_clause or complement == i + 1) and complement - i <= MAX_PARTICIPLE_TAIL


def _participle_frame(
    sentence: str, tokens: list[Token], i: int, parser: SourceParser
) -> Frame | None:
    """'وحذت روسيا حذو فرنسا، معلنةً أن …': the participle's speaker is the subject of the
    main verb, read after the first word of the clause before the participle or of the
    sentence's first clause."""
    clauses = [c for c in _comma_chunks(tokens[:i]) if len(_words(c)) >= 2]
    for clause in clauses[-1:] + clauses[:1] if len(clauses) > 1 else clauses:
        words = _words(clause)
        verb = clause.index(words[min(_lead_length(words), len(words) - 1)])
        if _cue_lemma(clause[verb]):
            continue  # a reporting verb whose frame did not read: no guess past it
        subject = parser.parse(clause[verb + 1 : _span_end(clause, verb + 1)], sentence)
        if subject and subject.kind is not Kind.author:
            claim_start = _claim_start(tokens, i + 1, sentence)
            return Frame(subject, tokens[i].text, None, claim_start, 0.8)
    return None


# 'ولم تذكر الوكالة أي تفاصيل': a negated report asserts nothing for its subject.
NEGATED_CUE_PARTICLES = frozenset({"لم", "لن", "لا"})


def _statement_subject(tokens: list[Token], word_positions: list[int]) -> bool:
    return bool(word_positions) and in_lexicon(tokens[word_positions[0]], _set("statements"))


def _frame_at(sentence, tokens, i, lemma, parser, word_positions, lead) -> Frame | None:
    cue = tokens[i].text
    memory = parser.memory
    before = _before_span(tokens, i, word_positions, lead)
    # Subject before the verb: 'مصادر مطلعة، قالت …', 'القاسم أوضح …'.
    if before and not _ends_in_byline(before):
        subject = parser.parse(before, sentence)
        if subject and subject.kind is Kind.author:
            # 'وكان مراسل الجزيرة في أنقرة أفاد …' is the outlet's; 'مراسل "المدن" ينال الحمدان
            # قال …' names the person who speaks.
            subject = parser.person(before, sentence)
            if subject is None or subject.kind is not Kind.named_person:
                return _own_report_frame()
        if (
            subject
            and _compact_subject(subject, before, memory)
            and not _subject_after_the_verb(tokens, i, subject, sentence, parser)
        ):
            if lemma == normalize("نقل"):
                relayed = _relayed_by_subject(sentence, tokens, i, subject, parser)
                if relayed:
                    return relayed
            via = (
                _via_in(tokens[i + 1 :], sentence, parser)
                or _hearer_outlet(tokens, i + 1, _complement_at(tokens, i + 1), sentence, parser)
                or (None if _not_carried(tokens, i) else _carried_via(subject, memory))
            )
            # The words after the verb are the hearer, the setting or already the content.
            claim_start = _claim_start(tokens, _past_setting(tokens, i + 1), sentence)
            return Frame(subject, cue, via, claim_start, 0.9)
    # Subject after the verb: 'وقال المتحدث باسم الوزارة، اللواء …، إن …'.
    end = _span_end(tokens, i + 1)
    after = tokens[i + 1 : end]
    via = None
    if lemma == normalize("نقل"):
        # 'نقلت شبكة X المقربة من Y، عن مصدر في Z، أن …': X relays the source after عن.
        relay = next(
            (k for k in range(i + 1, _complement_at(tokens, i + 1)) if tokens[k].norm == "عن"), None
        )
        if relay is not None:
            # 'ونقل الموقع، في تقرير له، عن …': the outlet's phrase ends before its setting.
            relayed_by = parser.parse(
                tokens[i + 1 : min(relay, _span_end(tokens, i + 1))], sentence
            )
            via = relayed_by.name if relayed_by else None
            end = _span_end(tokens, relay + 1)
            wider = _relayed_phrase_end(tokens, relay + 1)
            if (
                parser.parse(tokens[relay + 1 : end], sentence) is None
                and wider > end
                and parser.parse(tokens[relay + 1 : wider], sentence) is not None
            ):
                # 'عن ستة من كبار المسؤولين الأمريكيين': the phrase runs past its 'من'
                end = wider
            after = tokens[relay + 1 : end]
            if parser.parse(after, sentence) is None:
                # 'عن مهندسين في الحقل قولهم'; else whom it relays is unread and the outlet's
                # report stands in its own voice.
                group = _unnamed_group(after, sentence)
                certainty = 0.9 if end < len(tokens) else 0.75
                claim_start = _claim_start(tokens, end, sentence)
                if group:
                    return Frame(group, cue, via, claim_start, certainty)
                if relayed_by and relayed_by.kind is Kind.media:
                    return Frame(relayed_by, cue, None, claim_start, certainty)
    if _words(after) and _governed_first(_words(after)[0], lemma) and memory.last:
        after = []  # 'وأضافت في بيان …', 'وأشار إلى أن …': the subject is the last speaker
        end = _complement_at(tokens, i + 1)
    elif _speech_follows(tokens, i + 1) and memory.last:
        after, end = [], i + 1  # 'وأضاف "نحن …"', 'وتابعت تقول …': the last speaker goes on
    else:
        # 'وأردف الرئيس قائلاً: …': the subject ends where the participle takes up the saying.
        said = next((k for k, t in enumerate(after) if t.norm in _participles()), len(after))
        after = after[:said]
    if not _words(after):
        # 'وأضاف أن …', 'وتابع: …': the statement goes on ('ويُرجَّح أن …' is impersonal).
        if memory.own_report:
            return _own_report_frame()  # the correspondent's
        last = memory.last_agreeing(plural=_in_plural(tokens[i]))
        if last and not in_lexicon(tokens[i], _hedge_words()):
            source = Source(last.kind, last.source, is_reference=True)
            # 'وأضاف في تصريح نشرته الوكالة …', 'وتابع في حديثه لقناة "X"، …': the outlet that
            # published it or it was said to relays the rest.
            complement = _complement_at(tokens, i + 1)
            heard_by = _via_in(tokens[i + 1 : complement], sentence, parser) or _hearer_outlet(
                tokens, i + 1, complement, sentence, parser
            )
            if heard_by == source.name:
                heard_by = None  # 'وأضافت في بيان نشرته على موقعها': its own publishing
            via = heard_by or (None if _not_carried(tokens, i) else last.via)
            return Frame(source, cue, via, _claim_start(tokens, end, sentence), 0.85)
        return None
    source = parser.parse(after, sentence)
    complement = _complement_at(tokens, i + 1)
    if source is None and complement > end:
        # The phrase ran past a preposition of its own: 'أكبر مسؤول في الوزارة عن السياسة … مايكل راتني إن'.
        source = parser.parse(tokens[i + 1 : complement], sentence)
        end = complement
    if source is None:
        return None
    named = (
        parser.person(tokens[i + 1 : complement], sentence) if source.kind is Kind.author else None
    )
    if named and named.kind is Kind.named_person:
        source = named  # 'وأفاد مراسل بلدي نيوز في دمشق (مالك الحرك) أن …': the person named
    elif source.kind is Kind.author:
        # 'وأفاد مراسل "العربية" أن مصادر في المعارضة أكدت …': the outlet's own correspondent
        # passes on what someone else said; that report is the frame.
        if complement < len(tokens) and tokens[complement].norm in _particles("complement"):
            passed_on = _verb_frame(sentence, tokens[complement + 1 :], parser, 0)
            if passed_on and passed_on.source.kind is not Kind.author:
                return passed_on
        return Frame(source, None, None, 0, 0.8)
    rest = _without_quoting_noun(tokens[end:complement])
    # a title naming back a known person stops at what the verb governs; an unnamed role may
    # run on with its own preposition ('مبعوث الرئيس الإيراني إلى الجزائر، مرتضى سرمدي')
    named_after = _before_the_object(rest) if source.is_reference else rest
    if after[0].norm in _set("titles") and (source.kind is Kind.anonymous or source.is_reference):
        # 'قال القائد العام لـ"قسد"، مظلوم عبدي، إن …': the name comes after the body; not in
        # what the verb governs ('وأشار الوزير إلى الزيارات التي قام بها الأمير …').
        source = (parser.person(named_after, sentence) if _words(named_after) else None) or source
    if source.kind is Kind.anonymous:
        named = _named_as(tokens[i + 1 : complement], sentence, parser)
        source = named or source  # 'أحد المشاركين، ويدعى خالد العمر، …'

    source, relayed_by = _relayed_source(tokens, i + 1, complement, source, sentence, parser)
    if source.kind is Kind.media and via is None and relayed_by is None:
        reported = _reported_speaker(sentence, tokens, complement, source.name, parser)
        if reported:
            return reported
    via = (
        via
        or relayed_by
        or _via_in(tokens[i + 1 :], sentence, parser)
        or _setting_via(tokens[:i], source, sentence, parser)
        or _hearer_outlet(tokens, end, complement, sentence, parser)
        or _told_outlet(tokens, i + 1, end, source, sentence, parser)
        or _withholding_outlet(tokens, i + 1, complement, sentence, parser)
        or (None if _not_carried(tokens, i) else _carried_via(source, memory))
    )
    if via == source.name:
        via = None  # 'وأشارت الوثيقة التي نشرها موقع X': the outlet publishing is the source
    certainty = 0.9 if end < len(tokens) else 0.75
    # where the name ends in the phrase, as written (a name from memory is not there: -1)
    name_at = sentence.find(source.name, tokens[i + 1].start, tokens[end - 1].end)
    name_end = name_at + len(source.name) if name_at >= 0 else -1
    return Frame(source, cue, via, _claim_start(tokens, end, sentence, name_end), certainty)


def _reported_speaker(
    sentence: str, tokens: list[Token], complement: int, outlet: str, parser: SourceParser
) -> Frame | None:
    """An outlet reporting that someone said something relays that speaker (rule 11):
    'وذكرت الوكالة أن غيراسيموف قال …' is Gerasimov's, via the agency."""
    if complement >= len(tokens) or tokens[complement].norm not in _particles("complement"):
        return None
    content = tokens[complement + 1 :]
    # 'أن الجيش "يرجح أن …"': the quotation of the speaker's words may open at its verb
    content = [
        t
        for k, t in enumerate(content)
        if not (t.text in QUOTES and k + 1 < len(content) and _cue_lemma(content[k + 1]))
    ]
    inner = _verb_frame(sentence, content, parser, 0)
    if (
        inner is None
        or inner.source.kind in (Kind.author, Kind.media)
        or inner.source.is_reference
        and not _named_in(content, inner, sentence)
        or _describes_a_stance(inner.cue)  # 'أن روسيا ترى …': a stance, not words said
        or _words_to_cue(content, inner.cue) > MAX_REPORTED_FRAME_WORDS
    ):
        return None
    inner.via = inner.via or outlet
    return inner

"""Reporting frames: a reporting verb with its source before or after it, "according to"
phrases, relays (`نقلت X عن Y`), a headline's `X: …`; the hearer and the relaying outlet; and
where the claim begins."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claims.arabic import is_arabic, normalize, normalize_key, normalize_word
from claims.attribute.lexicons import (
    _content_cues,
    _cue_forms,
    _first_names,
    _hedge_words,
    _lead_phrases,
    _media_cues,
    _name_form,
    _participles,
    _particles,
    _phrases,
    _set,
    _strip_conjunction,
)
from claims.attribute.memory import Memory, _sound_plural
from claims.attribute.names import _name_at, _opens_with_given_name, _plain_word
from claims.attribute.sources import (
    Source,
    SourceParser,
    _is_utterance_noun,
    _names_known_outlet,
    _opens_quotation,
    _quoted_name,
    _span_end,
    _without_quoting_noun,
    is_public_figure,
)
from claims.attribute.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    QUOTES,
    STRAIGHT_QUOTES,
    Token,
    _according_at,
    _according_token_forms,
    _clean_name,
    _comma_chunks,
    _cue_lemma,
    _cue_lemma_of,
    _is_function_word,
    _starts_with,
    _text,
    _unglue_li,
    _without_article,
    _words,
    in_lexicon,
    singular_forms,
    tokenize,
)
from claims.lexicon import word_class
from claims.models import Kind

# A main-clause reporting verb sits near the start of the sentence (after a short lead-in).
MAX_CUE_POSITION = 14


@dataclass
class Frame:
    source: Source
    cue: str | None
    via: str | None
    claim_start: int  # offset in the repaired sentence where the asserted content begins
    certainty: float


def _own_report_frame() -> Frame:
    """The outlet's own correspondent speaking: the article's own narration."""
    return Frame(Source(Kind.author, ""), None, None, 0, 0.8)


def _lead_length(words: list[Token]) -> int:
    """Words of a lead-in that do not change the frame ('وكان', 'وقد', 'في المقابل')."""
    i = 0
    while i < len(words):
        n = _starts_with(words[i:], _lead_phrases()) or _negates_a_stance(words, i)
        if not n:
            break
        i += n
    return i


def _negates_a_stance(words: list[Token], i: int) -> int:
    """'ولم ينف', 'لا يستبعد': a negation before a verb of denying or ruling out leaves the
    frame standing (the speaker still takes a position)."""
    negation = _strip_conjunction(words[i].norm, _particles("negation"))
    lemma = _cue_lemma(words[i + 1]) if negation and i + 1 < len(words) else None
    return 1 if lemma and normalize(lemma) in word_class("negated_stances") else 0


def _quote_depth_at(tokens: list[Token], index: int) -> int:
    depth = 0
    straight = 0
    for tok in tokens[:index]:
        if tok.text in OPEN_QUOTES:
            depth += 1
        elif tok.text in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif tok.text == '"':
            straight ^= 1
    return depth + straight


# 'معه', 'معها', 'معهم': the speaker an interview was held with, between its verb and its outlet.
WITH_THE_SPEAKER = frozenset(normalize(w) for w in ("معه", "معها", "معهم", "معهما"))


def _via_in(tokens: list[Token], sentence: str, parser: SourceParser) -> str | None:
    """A relaying body named in the frame: 'في تصريح صحافي نشرته وزارة الخارجية'."""
    for i, tok in enumerate(tokens):
        # 'نفى ما تداولته وسائل إعلام': what the outlets carried is the matter, not the channel.
        if tok.norm in word_class("relaying_verbs") and not (i and tokens[i - 1].norm == "ما"):
            start = i + 1
            if start < len(tokens) and tokens[start].norm in WITH_THE_SPEAKER:
                start += 1  # 'في مقابلة أجرتها معه وكالة نوفوستي'
            end = _span_end(tokens, start)
            found = parser.parse(tokens[start:end], sentence)
            if (
                found
                and found.kind in (Kind.organization, Kind.media)
                and not _own_channel(tokens[start:end])
            ):
                return found.name
    return None


def _setting_via(
    setting: list[Token], source: Source, sentence: str, parser: SourceParser
) -> str | None:
    """The outlet of a setting before the verb: 'وفي رسالة نشرتها صحيفة سعودية، قال الأمير
    …'; a body that published its own report ('في تقرير نشرته المفوضية، قالت المفوضية')
    relays nothing."""
    via = _via_in(setting, sentence, parser)
    return None if via is None or normalize(via) == normalize(source.name) else via


def find_frame(sentence: str, tokens: list[Token], parser: SourceParser) -> Frame | None:
    """The reporting frame of the main clause, if the sentence has one."""
    if tokens and tokens[0].text in STRAIGHT_QUOTES and parser.memory.quote_open:
        tokens = tokens[1:]  # '" بصمة إيرانية، قالت …': it closes the quotation left open
    rest = _after_cut_teaser(tokens)
    if rest is not None:
        # 'وهدد... واشنطن - عرب لايف أكد وزير الخارجية …': a teaser cut short, then the next
        # story glued on; the first complete frame is the next story's (rule 15).
        inner = find_frame(sentence, tokens[rest:], parser)
        if inner:
            return inner
    words = _words(tokens)
    lead = _lead_length(words)
    # 'يُذكر أن X أعلن …' is X's statement: read the frame after it.
    if len(words) > lead + 1 and _strip_conjunction(words[lead].norm, word_class("reminders")):
        k = tokens.index(words[lead]) + 1
        while k < len(tokens) and tokens[k].norm not in _particles("complement"):
            k += 1
        if k < len(tokens) and k - tokens.index(words[lead]) <= 3:
            inner = find_frame(sentence, tokens[k + 1 :], parser)
            return inner
        return None

    according = _according_frame(sentence, tokens, parser)
    opening = tokens.index(words[lead]) if lead < len(words) else 0
    if according and _according_at(tokens, opening):
        # 'وبحسب عضو في اللجنة، تحدث إلى …': the opening phrase attributes; 'وبحسب وكالة
        # "سبوتنيك"، فقد أكد رئيس الأركان أن …': the agency relays the one it quotes (rule 11).
        return _quoted_through(according, sentence, tokens, parser) or according
    verb_frame = (
        _issued_frame(sentence, tokens, parser, opening)
        or _owned_statement_frame(sentence, tokens, parser, opening)
        or _verb_frame(sentence, tokens, parser, lead)
        or _came_in_frame(sentence, tokens, parser, opening)
        or _spoken_setting_frame(sentence, tokens, parser, opening)
    )
    if verb_frame and not _has_content(tokens, verb_frame):
        verb_frame = _coordinated_frame(sentence, tokens, verb_frame, parser) or verb_frame
    if verb_frame and _opens_concessive(words, lead):
        main = _main_clause_after(tokens, verb_frame)
        verb_frame = _main_clause_frame(sentence, tokens, verb_frame, parser) or (
            verb_frame if main is None else _verb_frame(sentence, tokens[main:], parser, 0)
        )
    if (
        verb_frame
        and according
        and according.source.kind == Kind.media
        and verb_frame.source.kind is not Kind.media  # 'وذكرت وكالة سانا … على حد قول الوكالة'
        and verb_frame.via is None
        and not _according_opens_a_clause(tokens, verb_frame.claim_start)
    ):
        verb_frame.via = according.source.name
        return verb_frame
    return (
        verb_frame
        or according
        or _glued_frame(sentence, tokens, parser)
        or _headline_frame(tokens, sentence, parser)
    )


def _cue_index(tokens: list[Token], frame: Frame) -> int | None:
    """Where the frame's cue word stands among the tokens (its first copy), if it does."""
    return next((k for k, t in enumerate(tokens) if t.text == frame.cue), None)


def _has_content(tokens: list[Token], frame: Frame) -> bool:
    """Whether the frame's content opens after a complementizer, a colon or a quotation,
    with no other reporting verb before it ('أدانت السعودية القرار' has an object, no
    content: the 'أن' after 'وذكرت وسائل الإعلام' is that verb's)."""
    before = [t for t in tokens if t.end <= frame.claim_start]
    cue = _cue_index(before, frame)
    cue = len(before) if cue is None else cue
    if any(_cue_lemma(t) for t in before[cue + 1 :]):
        return False
    return bool(before) and (
        before[-1].norm in _particles("complement")
        or before[-1].text == ":"
        or before[-1].text in QUOTES
        or any(t.start == frame.claim_start and t.text in QUOTES for t in tokens)
    )


def _coordinated_frame(
    sentence: str, tokens: list[Token], first: Frame, parser: SourceParser
) -> Frame | None:
    """'وأدانت السعودية القرار وذكرت وسائل الإعلام الرسمية أن الملك قال …': a first verb with
    only an object, then an outlet's report joined by 'و' with a content of its own: the
    report gives the statement, its first complete frame (rule 15). Another speaker after
    'و' ('وأعلن الجيش حظر التجول وقال سكان إن …') leaves the first frame standing."""
    cue = _cue_index(tokens, first)
    if cue is None:
        return None
    for k in range(cue + 1, min(len(tokens), cue + MAX_CUE_POSITION)):
        token = tokens[k]
        if token.norm[:1] != "و" or not _cue_lemma(token) or not tokens[k - 1].is_word:
            continue
        clause = tokens[k:]
        word_positions = [i for i, t in enumerate(clause) if t.is_word]
        frame = _frame_at(sentence, clause, 0, _cue_lemma(token), parser, word_positions, 0)
        if (
            frame is not None
            and (frame.source.kind is Kind.media or frame.via is not None)
            and frame.source.name != first.source.name
            and not frame.source.is_reference
            and _has_content(clause, frame)
        ):
            return frame
    return None


def _according_opens_a_clause(tokens: list[Token], claim_start: int) -> bool:
    """'وذكرت مصادر أن مفاوضات تجري …، وحسب وكالة X فإن …': an 'according to' phrase in the
    content, after a comma and joined by 'و', opens a clause of its own with its own source; it
    relays nothing of the frame before it ('…، حسب ما تقول رويترز' at the end does)."""
    for k, tok in enumerate(tokens):
        if _according_at(tokens, k) and not _quote_depth_at(tokens, k):
            return (
                tok.start >= claim_start
                and k > 0
                and tokens[k - 1].text in "،,"
                and tok.norm[:1] == "و"
                and tok.norm[1:] in _according_token_forms()  # 'وحسب', not 'وفق'
            )
    return False


# A teaser cut short: so few words before its ellipsis that no frame in them is complete.
MAX_CUT_TEASER_WORDS = 4
ELLIPSIS = ("...", "…")


def _after_cut_teaser(tokens: list[Token]) -> int | None:
    """Index after the ellipsis that cuts a teaser short ('ولفتت إلى... '), else None."""
    dots = 0
    for k, tok in enumerate(tokens[: MAX_CUT_TEASER_WORDS * 2 + 3]):
        dots = dots + 1 if tok.text == "." else 0
        if tok.text in ELLIPSIS or dots == len(ELLIPSIS[0]):
            before = _words(tokens[:k])
            after = _words(tokens[k + 1 :])
            if 0 < len(before) <= MAX_CUT_TEASER_WORDS and len(after) > MAX_CUT_TEASER_WORDS:
                return k + 1
            return None
    return None


def _quoted_through(
    according: Frame, sentence: str, tokens: list[Token], parser: SourceParser
) -> Frame | None:
    """The speaker an outlet's 'according to' phrase goes on to quote in its own frame."""
    if according.source.kind is not Kind.media or according.via:
        return None
    rest = [t for t in tokens if t.start >= according.claim_start]
    while rest and not rest[0].is_word:
        rest = rest[1:]  # '؛ فقد …'
    # 'فقد "أكد رئيس الأركان …"': marks that wrap the agency's whole sentence, frame included
    rest = [
        t for k, t in enumerate(rest) if not (k < 2 and t.text in OPEN_QUOTES + STRAIGHT_QUOTES)
    ]
    inner = _verb_frame(sentence, rest, parser, 0)
    if (
        inner is None
        or inner.source.kind in (Kind.author, Kind.media)
        or inner.source.is_reference
        or _words_to_cue(rest, inner.cue) > MAX_REPORTED_FRAME_WORDS
    ):
        return None
    inner.via = according.source.name
    return inner


# A story the page glued on without a full stop (teasers, captions, headlines; rules 13, 15)
# opens after a dateline 'CITY - OUTLET' or 'CITY - OUTLET، REPORTER' ('… حلب - الخبر اليوم
# نفت مصادر أمنية …'), or at a reporting verb joined to the words before it by و alone or by
# nothing ('… طوابير أمام المخابز وقال مدير الفرن إن …', '… في حلب قالت الوزارة إن …').
DATELINE_DASHES = frozenset("-–—")
MAX_DATELINE_WORDS = 5
# How many words may stand between a glued verb and its complementizer: its subject with a
# title and a body ('وقال يان إيغلاند رئيس مجموعة العمل الإنساني التابعة للأمم المتحدة، إن').
MAX_GLUED_SUBJECT = 14
# Words after which a reporting verb sits in the narration's own clause, not a glued story:
# 'بعد أن أعلنت الوزارة أن …', 'كما صرح المتحدث بأن …', 'حيث قال الوزير إن …'.
NARRATING_WORDS = frozenset(
    normalize(w) for w in ("ان", "بان", "لان", "بعد", "قبل", "كما", "مثلما", "حيث", "فيما", "بينما")
)


def _glued_frame(sentence: str, tokens: list[Token], parser: SourceParser) -> Frame | None:
    """The first complete frame of a story glued into the sentence (rule 15): its verb opens
    the glued clause with a subject of its own ('وقال إنه …' goes on with the narration's
    subject), and unless a dateline opened the story, a complementizer or colon soon after it
    with no page furniture in between ('… تستهجن استغلال الحادث | رأي اليوم - فلان: …')."""
    for k, after_dateline in _glue_points(tokens):
        if _quote_depth_at(tokens, k):
            continue
        clause = tokens[k:]
        frame = _verb_frame(sentence, clause, parser, 0)
        if (
            frame is None
            or frame.cue != clause[0].text
            or frame.source.kind is Kind.author
            or frame.source.is_reference
        ):
            continue
        complement = _glued_content_at(clause, frame.source)
        if after_dateline or (
            complement < len(clause)
            and len(_words(clause[1:complement])) <= MAX_GLUED_SUBJECT
            and not any(_separates_title(t) for t in clause[1:complement])
        ):
            return frame
    return None


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


# '… من الغوطة كشفت مصادر … عن اتفاق …': what a body, a group or an outlet discloses or
# speaks of, after a headline glued on without even a و.
ABOUT = normalize("عن")


def _glued_content_at(clause: list[Token], source: Source) -> int:
    """Where the content of a glued verb opens: a complementizer, a colon or a quotation, or
    'عن' after a bare verb of a body, a group or an outlet ('كشفت مصادر … لـ"الموقع" عن
    اتفاق …'); '… وتحدث الوزير عن خطة' goes on with the narration's own subject."""
    complement = _complement_at(clause, 1)
    bare = clause[0].norm in _cue_forms()
    if bare and source.kind in (Kind.anonymous, Kind.organization, Kind.media):
        about = next((j for j in range(1, complement) if clause[j].norm == ABOUT), complement)
        return min(complement, about)
    return complement


def _glue_points(tokens: list[Token]) -> list[tuple[int, bool]]:
    """Where a glued story may open, in reading order, and whether a dateline opens it."""
    points = []
    for i, token in enumerate(tokens):
        if i < 2 or not token.is_word or _cue_lemma(token) is None:
            continue
        previous = tokens[i - 1]
        dash = next(
            (
                j
                for j in range(i - 1, max(0, i - 2 - MAX_DATELINE_WORDS), -1)
                if tokens[j].text in DATELINE_DASHES
            ),
            None,
        )
        if (
            dash is not None
            and tokens[dash - 1].is_word
            and all(t.is_word or t.text in "،," for t in tokens[dash + 1 : i])
        ):
            points.append((i, True))
        elif previous.is_word and not (
            _strip_conjunction(previous.norm, _particles("subordinate"))
            or _strip_conjunction(previous.norm, NARRATING_WORDS)
            or _strip_conjunction(previous.norm, NEGATED_CUE_PARTICLES)
            or previous.norm in _particles("lead")
        ):
            points.append((i, False))
    return points


# 'وفي حين أعلن النظام …، قال المرصد …': leads that make their clause the concession and the
# clause after the comma the main one.
CONCESSIVE_LEADS = frozenset(normalize(w) for w in ("في حين", "ففي حين", "فيما", "بينما"))


def _opens_concessive(words: list[Token], lead: int) -> bool:
    opening = " ".join(w.norm for w in words[:lead])
    return opening in CONCESSIVE_LEADS or (opening[:1] == "و" and opening[1:] in CONCESSIVE_LEADS)


def _main_clause_frame(
    sentence: str, tokens: list[Token], conceded: Frame, parser: SourceParser
) -> Frame | None:
    """The frame of the main clause after a concession ('وفي حين أعلن النظام تطويق البلدة،
    قال مدير المرصد إن …', rule 15): a clause opening with a reporting verb and a subject of
    its own after a comma past the conceded statement's content."""
    for k, token in enumerate(tokens):
        if token.text not in "،," or token.start < conceded.claim_start:
            continue
        clause = tokens[k + 1 :]
        frame = _verb_frame(sentence, clause, parser, 0) if clause else None
        if (
            frame
            and frame.cue == clause[0].text
            and frame.source.kind is not Kind.author
            and not frame.source.is_reference
        ):
            return frame
    return None


# 'وفيما يقول الجيش …، إلا أن الأرقام …': what opens the main clause after a concession.
MAIN_CLAUSE_OPENERS = frozenset(
    tuple(normalize(w).split()) for w in ("إلا أن", "فإن", "غير أن", "لكن", "ولكن")
)


def _main_clause_after(tokens: list[Token], conceded: Frame) -> int | None:
    """Where the main clause after a concession opens, past a comma and its opener: in
    'وفيما يدعي البنتاغون حرصه على …، إلا أن الأرقام التي ينشرها أقل …' the conceded
    statement is a subordinate clause, and the main clause is the outlet's unless it has a
    frame of its own (rule 10)."""
    cue = _cue_index(tokens, conceded)
    for k in range(len(tokens) if cue is None else cue + 1, len(tokens) - 2):
        if tokens[k].text in "،,":
            words = tuple(t.norm for t in tokens[k + 1 : k + 3])
            if words in MAIN_CLAUSE_OPENERS:
                return k + 3
            if words[:1] in MAIN_CLAUSE_OPENERS:
                return k + 2
    return None


# 'وجاء في البيان أن …', 'وجاء في نص البيان: …', 'ورد في تقرير للمنظمة أن …'.
CAME_IN_VERBS = frozenset(normalize(w) for w in ("جاء", "ورد"))
CAME_IN_WORDS = frozenset(normalize(w) for w in ("في", "نص"))


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


def _came_in_frame(
    sentence: str, tokens: list[Token], parser: SourceParser, k: int
) -> Frame | None:
    """'وجاء في بيان للحوثيين أن …': the statement the content came in speaks for its issuer.
    'وجاءت السيطرة عقب هجوم …' is narrative: the verb must be followed by 'في' and a statement."""
    if k + 2 >= len(tokens) or not _came_in_at(tokens, k):
        return None
    start = k + 2
    while start < len(tokens) and tokens[start].norm in CAME_IN_WORDS:
        start += 1  # 'وجاء في نص البيان'
    if start >= len(tokens) or not in_lexicon(tokens[start], _set("statements")):
        return None
    complement = _complement_at(tokens, start)
    source = parser.parse(tokens[start:complement], sentence)
    if source is None or source.kind is Kind.author:
        return None
    via = _via_in(tokens[start:complement], sentence, parser) or _carried_via(source, parser.memory)
    return Frame(source, tokens[k].text, via, _claim_start(tokens, complement, sentence), 0.85)


# 'وفي تغريدة أخرى جلبت إليه ردوداً كثيرة، استهجن …': how many words the setting of a
# statement may run before the comma that closes it.
MAX_SPOKEN_SETTING_WORDS = 10


def _spoken_setting(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """Where the setting of a statement opening the sentence at k ends (its comma) and the
    verb after it stands: 'وفي تصريح نشره موقع "X"، بدّد …'; None when the sentence does not
    open so."""
    if (
        k + 1 >= len(tokens)
        or not _strip_conjunction(tokens[k].norm, SETTING_PREPOSITIONS)
        or tokens[k + 1].norm not in word_class("spoken_settings")
    ):
        return None
    setting_end = k + 2
    while (
        setting_end < len(tokens)
        and tokens[setting_end].text not in "،,"
        and len(_words(tokens[k:setting_end])) <= MAX_SPOKEN_SETTING_WORDS
    ):
        setting_end += 1
    verb = setting_end + 1
    if (
        verb + 1 >= len(tokens)
        or tokens[setting_end].text not in "،,"
        or not _plain_verb(tokens[verb])
    ):
        return None
    return setting_end, verb


def _owned_statement_frame(
    sentence: str, tokens: list[Token], parser: SourceParser, k: int
) -> Frame | None:
    """'وفي تصريحات عبد السلام، هدد تولر بأن …': the words of someone the article named,
    then what another did or said in them, is the owner's account, whatever the verb."""
    setting = _spoken_setting(tokens, k)
    if setting is None:
        return None
    owner = _statement_owner(sentence, tokens[k + 2 : setting[0]], parser)
    if owner is None:
        return None
    return Frame(owner, tokens[k + 1].text, None, tokens[setting[1]].start, 0.75)


def _spoken_setting_frame(
    sentence: str, tokens: list[Token], parser: SourceParser, k: int
) -> Frame | None:
    """'وفي تصريح نشره موقع "X"، بدّد الوزير فلان المخاوف': a sentence that opens with the
    words said or written it comes from (not a visit or a meeting), then a verb and its
    subject, is the subject's speech act, of whatever verb; the outlet that published the
    statement relays it."""
    setting = _spoken_setting(tokens, k)
    if setting is None:
        return None
    verb = setting[1]
    word_positions = [i for i, t in enumerate(tokens) if t.is_word]
    frame = _frame_at(
        sentence,
        tokens,
        verb,
        tokens[verb].norm,
        parser,
        word_positions,
        word_positions.index(verb),
    )
    if frame is None or frame.source.kind not in (Kind.named_person, Kind.organization):
        return None
    frame.certainty = 0.75
    return frame


def _statement_owner(sentence: str, setting: list[Token], parser: SourceParser) -> Source | None:
    """Whose words the setting names when a name follows its noun as possessor ('تصريحات عبد
    السلام', 'بيان الخارجية'): a person or body the article knows, the whole rest of the
    setting; not a hearer ('تصريح لوكالة محلية'), nor an adjective ('تصريحات صحفية')."""
    if not setting or not setting[0].is_word:
        return None
    if setting[0].norm[:1] == "ل" and not parser.memory.is_name_word(
        normalize_word(setting[0].text)
    ):
        return None  # 'تصريح لوكالة محلية': a hearer; 'تصريحات ليبرمان': the owner
    owner = parser.parse(setting, sentence)
    if owner is None or owner.kind not in (Kind.named_person, Kind.organization):
        return None
    if owner.kind is Kind.named_person and not (
        parser.memory.has_name(owner.name) or parser.memory.knows(owner.name)
    ):
        return None  # 'وفي مقال نشرته …' parsed as a name: only a person already named
    return owner


def _plain_verb(token: Token) -> bool:
    """A word that may be a verb of any meaning: no article, no particle, no punctuation."""
    return (
        token.is_word
        and not token.norm.startswith("ال")
        and not _is_function_word(token)
        and not token.norm.isdigit()
    )


# 'وأصدرت غرفة العمليات بياناً، أوضحت فيه …', 'ونشر الأكاديمي فلان تغريدات انتقد فيها …':
# who issued or published a statement speaks in it.
ISSUE_VERBS = frozenset(
    normalize(w) for w in ("أصدر", "أصدرت", "أصدروا", "نشر", "نشرت", "نشروا", "بث", "بثت")
)
# How far into the sentence the statement may stand after the verb ('أصدر المكتب الإعلامي
# لفيلق الرحمن اليوم الإثنين، بياناً'; 'ونشر أستاذ العلوم السياسية ومستشار ولي العهد السابق
# فلان تغريدات').
MAX_ISSUER_WORDS = 14
IN_IT = frozenset(normalize(w) for w in ("فيه", "فيها"))


def _issued_frame(sentence: str, tokens: list[Token], parser: SourceParser, k: int) -> Frame | None:
    """'وأصدرت غرفة العمليات بياناً، أوضحت فيه سبب …', 'أصدر المجلس بياناً دعا فيه …': the
    issuer of the statement is the source, its verb of saying inside the statement the cue."""
    if k >= len(tokens) or not _strip_conjunction(tokens[k].norm, ISSUE_VERBS):
        return None
    statement = next(
        (
            j
            for j in range(k + 2, min(len(tokens), k + 2 + MAX_ISSUER_WORDS))
            if _names_a_statement(tokens[j])
        ),
        None,
    )
    if statement is None:
        return None
    issuer = [t for t in tokens[k + 1 : statement] if t.text not in "،,"]
    source = parser.parse(issuer[: _span_end(issuer, 0)], sentence)
    if source is None or source.kind not in (Kind.organization, Kind.named_person, Kind.media):
        return None
    # 'بياناً، أوضحت فيه …': the verb of saying right after the statement, inside it.
    said = statement + 1
    if said < len(tokens) and tokens[said].text in "،,":
        said += 1
    inside = (
        said + 1 < len(tokens)
        and tokens[said + 1].norm in IN_IT
        and _cue_lemma(tokens[said]) is not None
    )
    cue = tokens[said] if inside else tokens[k]
    claim_start = (
        tokens[said + 2].start if inside and said + 2 < len(tokens) else tokens[statement].end
    )
    return Frame(source, cue.text, None, claim_start, 0.8)


def _names_a_statement(token: Token) -> bool:
    """'بيان', 'بياناً', 'تغريدات': a statement, or words said or written, also in the
    accusative or the plural."""
    forms = singular_forms(token.norm)
    return in_lexicon(token, _set("statements")) or any(
        form in _set("statements") or form in word_class("spoken_settings") for form in forms
    )


# 'مظلوم عبدي: لن ننسحب من منبج': a headline that gives the speaker, a colon, the words.
MAX_HEADLINE_SPEAKER_WORDS = 4


def _headline_frame(tokens: list[Token], sentence: str, parser: SourceParser) -> Frame | None:
    """'مظلوم عبدي: لن ننسحب …', also a title glued after the page's furniture: 'الميادين |
    الجيش السوري: الدفاعات الجوية تصدت …' (the speaker starts after the site name)."""
    for colon, token in enumerate(tokens):
        if token.text != ":" or len(_words(tokens[colon + 1 :])) < MIN_HEADLINE_WORDS:
            continue
        start = colon
        while start and not _separates_title(tokens[start - 1]):
            start -= 1
        speaker_tokens = tokens[start:colon]
        if not 1 <= len(_words(speaker_tokens)) <= MAX_HEADLINE_SPEAKER_WORDS or _byline_at(
            tokens, start
        ):
            continue
        speaker = parser.parse(speaker_tokens, sentence)
        # A person the article names in full, a body of several words ('القوات المسلحة: …'), a
        # group of people ('ناشطون: …') or an outlet; 'دمشق: …' or 'عاجل: …' is a place or a label.
        if speaker is not None and (
            parser.memory.has_name(speaker.name)
            or speaker.kind is Kind.organization
            and len(_words(speaker_tokens)) >= 2
            or speaker.kind in (Kind.anonymous, Kind.media)
            and not speaker.is_reference
        ):
            return Frame(speaker, None, None, tokens[colon].end, 0.7)
    return None


# The words said after a headline's colon, at least: 'تاريخ النشر: 12/3' is a label.
MIN_HEADLINE_WORDS = 3
TITLE_SEPARATORS = frozenset("|-–—.؟!:)")


def _byline_at(tokens: list[Token], start: int) -> bool:
    """'الرباط - "رأي اليوم" - نبيل بكاني: …': the reporter named after the outlet's name in a
    dateline, whose colon opens the report, not a quotation."""
    return start >= 2 and tokens[start - 1].text in "-–" and tokens[start - 2].text in QUOTES


def _separates_title(token: Token) -> bool:
    """What stands between a page's furniture and a title: '|', '-', a date, a Latin word."""
    return token.text in TITLE_SEPARATORS or token.is_word and not is_arabic(token.text)


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
    return Frame(source, cue, via, _claim_start(tokens, end, sentence), certainty)


# 'نقلت "إنترفاكس" أن بوتين أبلغ الأسد بأن …': how many words of the content may open it up to
# the reported speaker's verb, the verb included: a subject with its title and description
# ('أن رجل الدين البارز أحمد خاتمي قال للمصلين في خطبة الجمعة إن …'; the hearer and the
# setting after the verb do not count). A verb further in belongs to the reported events.
MAX_REPORTED_FRAME_WORDS = 7


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


def _named_in(content: list[Token], frame: Frame, sentence: str) -> bool:
    """Whether the content names the frame's source before its verb, whole or in part ('أن
    الجيش الإسرائيلي يرجح …', 'أن ليبرمان قال …' after the source was named), not only by
    the verb's pronoun ('أن الجثث نُقلت …' is no one's words)."""
    before = [t for t in content if t.end <= frame.claim_start and t.text != frame.cue]
    return not set(normalize_key(frame.source.name).split()).isdisjoint(
        normalize_key(_text(before, sentence)).split()
    )


def _words_to_cue(tokens: list[Token], cue: str | None) -> int:
    """How many words open the tokens up to their cue, the cue included (all when it is
    not among them)."""
    words = _words(tokens)
    return next((k + 1 for k, word in enumerate(words) if word.text == cue), len(words))


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


def _unnamed_group(tokens: list[Token], sentence: str) -> Source | None:
    """People relayed without a lexicon head: 'عن مهندسين في الحقل', 'عن متعاملين في السوق'."""
    tokens = _without_quoting_noun(tokens)
    words = _words(tokens)
    if not words or words[0].bare.startswith("ال") or not _plain_word(words[0]):
        return None
    if not words[0].norm.endswith(PLURAL_ENDINGS):
        return None
    return Source(Kind.anonymous, _clean_name(_text(tokens, sentence)))


PLURAL_ENDINGS = ("ون", "ين")


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


def _relayed_source(
    tokens, start, complement, source, sentence, parser
) -> tuple[Source, str | None]:
    """'كشفت صحيفة X، نقلاً عن مسؤولين، أن …': the paper relays the officials."""
    for k in range(start, complement):
        n = _according_at(tokens, k)
        if n and normalize_key(_text(tokens[k : k + n], sentence)) == RELAY_KEY:
            relayed = parser.parse(tokens[k + n : _span_end(tokens, k + n)], sentence)
            if relayed and relayed.kind is not Kind.author:
                return relayed, source.name
    return source, None


RELAY_KEY = normalize_key("نقلاً عن")


def _relayed_by_subject(
    sentence: str, tokens: list[Token], i: int, outlet: Source, parser: SourceParser
) -> Frame | None:
    """'وكانت وكالة سانا قد نقلت عن مصدر عسكري قوله …': an outlet named before its verb of
    relaying passes on whom it names after 'عن'."""
    if outlet.kind is not Kind.media or i + 1 >= len(tokens) or tokens[i + 1].norm != "عن":
        return None
    end = _span_end(tokens, i + 2)
    relayed = parser.parse(tokens[i + 2 : end], sentence) or _unnamed_group(
        tokens[i + 2 : end], sentence
    )
    if relayed is None or relayed.kind is Kind.author:
        return None
    return Frame(relayed, tokens[i].text, outlet.name, _claim_start(tokens, end, sentence), 0.9)


def _relayed_phrase_end(tokens: list[Token], start: int) -> int:
    """Where the phrase of whom an outlet relays may end at the furthest: the complementizer,
    or the semicolon that closes the clause before it."""
    complement = _complement_at(tokens, start)
    return next((k for k in range(start, complement) if tokens[k].text == "؛"), complement)


def _hearer_outlet(tokens, end, complement, sentence, parser) -> str | None:
    """Another outlet the source spoke to or wrote in: 'قال مصدر لـ"سانا"', 'في مقابلة مع قناة
    "العربية"', 'في مقال له في "الغارديان"'.
    The article's own outlet is no intermediary (the outlet asserts its own reporting)."""
    for k in range(end, min(complement, len(tokens))):
        tok = tokens[k]
        if (
            tok.norm in ("ل", "لـ", "مع")
            or (
                (tok.norm in ("في", "عبر") or tok.text == "على")  # 'على' is not the name 'علي'
                and any(_is_utterance_noun(t) for t in tokens[end:k])
            )
        ):  # 'في مقال لها في "يديعوت أحرونوت"', 'في مقابلة على قناة "الميادين"'
            phrase = tokens[k + 1 : _span_end(tokens, k + 2)]
        elif (
            tok.norm[:1] == "ل"
            and len(tok.norm) > 3
            and tok.norm not in word_class("function_words")
        ):
            quoted = _quoted_name(tokens, k + 1, sentence)  # 'لقناة «العربية»'
            rest_end = quoted[1] if quoted else _span_end(tokens, k + 1)
            phrase = [_unglue_li(tok), *tokens[k + 1 : rest_end]]
        else:
            continue
        heard = parser.parse(phrase, sentence) if _words(phrase) else None
        if (
            heard
            and heard.kind is Kind.media
            and not _unnamed_media(heard.name)
            and not parser.memory.is_own_outlet(heard.name)
        ):
            return heard.name
    return None


def _told_outlet(tokens, start, end, source, sentence, parser) -> str | None:
    """'وأفادت مصادر محلية "عنب بلدي" بأن …': a known outlet in quotation marks after the
    source, outside its name, is the verb's object: the outlet told, which relays the words."""
    for k in range(start, end):
        quoted = _quoted_name(tokens, k, sentence) if tokens[k].text in QUOTES else None
        if quoted is None or normalize(quoted[0]) in normalize(source.name):
            continue
        told = parser.parse(tokens[k : quoted[1]], sentence)
        if (
            told
            and told.kind is Kind.media
            and not parser.memory.is_own_outlet(told.name)
            and not _own_channel(tokens[quoted[1] : quoted[1] + OWN_CHANNEL_REACH])
        ):
            return told.name
    return None


# 'مصدر، لم تذكر الوكالة هويته': the words naming what an outlet withheld of its source.
WITHHELD = ("هويت", "اسم")
MAX_WITHHOLDING_OUTLET_WORDS = 4


def _withholding_outlet(tokens, start, end, sentence, parser) -> str | None:
    """'وعبّر مصدر، لم تذكر "بي بي سي" هويته، عن …': the outlet that kept its source's name
    back is the one that relays the source."""
    for k in range(start, min(end, len(tokens)) - 2):
        if tokens[k].norm != "لم":
            continue
        stop = k + 2
        while stop < min(end, k + 2 + MAX_WITHHOLDING_OUTLET_WORDS) and not (
            tokens[stop].norm.startswith(WITHHELD) or tokens[stop].norm == ABOUT
        ):
            stop += 1
        if stop < len(tokens) and stop > k + 2:
            about = tokens[stop].norm == ABOUT
            if about and stop + 1 == len(tokens):
                continue  # 'لم تذكر الوكالة عن' and the line cut: nothing withheld to read
            withheld = tokens[stop + 1] if about else tokens[stop]
            outlet = parser.parse(tokens[k + 2 : stop], sentence)
            if (
                withheld.norm.startswith(WITHHELD)
                and outlet is not None
                and outlet.kind is Kind.media
                and not parser.memory.is_own_outlet(outlet.name)
            ):
                return outlet.name
    return None


# 'عبر وكالة "أعماق" التابعة له': how far after an outlet's name the word making it the
# speaker's own may stand.
OWN_CHANNEL_REACH = 2


def _own_channel(tokens: list[Token]) -> bool:
    """'المركز الإعلامي التابع لها', 'وكالة "أعماق" التابعة له': the speaker's own outlet, through
    which the speaker itself speaks; it relays nothing (rule 11)."""
    return any(t.bare in word_class("own_channel_words") for t in tokens)


def _unnamed_media(name: str) -> bool:
    """'لوسائل الإعلام': the press at large, which published nothing one could name; 'لمواقع
    معارضة', 'لوسائل إعلام إسرائيلية' name the outlets that carried the words (rule 11)."""
    words = normalize(name).split()
    return _without_article(words[0]) in word_class("unnamed_media_heads") and (
        len(words) == 1 or words[-1].startswith("ال")
    )


def _carried_via(source: Source, memory: Memory) -> str | None:
    """A via carries over to the continuations of the same speaker's statement: the last
    speaker going on, one named back ('وأضاف المسؤول' back to an official quoted through a
    paper), or a person the article quotes again from the interview it relays ('وقال الأمير
    تركي' after other voices, in a report on his interview with Reuters)."""
    last = memory.last
    if last and last.kind is source.kind and (last.source == source.name or _others(source)):
        # 'وبحسب مسؤولين آخرين في الإدارة' after officials quoted through a paper: others of
        # the same report
        return last.via
    if source.is_reference or source.kind is Kind.named_person:
        earlier = memory.latest_named(source.kind, source.name)
        return earlier.via if earlier else None
    return None


ASIDE_DASHES = frozenset({"-", "–", "—"})


# 'مسؤولون آخرون', 'مصادر أخرى': unnamed sources set beside those quoted just before.
OTHERS = frozenset(normalize(w) for w in ("آخر", "آخرون", "آخرين", "أخرى", "اخرى"))


def _others(source: Source) -> bool:
    return source.kind is Kind.anonymous and any(
        w in OTHERS for w in normalize(source.name).split()
    )


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


def _complement_at(tokens: list[Token], i: int) -> int:
    """Index of the first complementizer, quotation or colon from i (or the end); 'إن.' with
    its dot is an initial ('قناة (إن. تي. في)'), no complementizer."""
    for j in range(i, len(tokens)):
        if tokens[j].text == ":" or (
            tokens[j].norm in _particles("complement")
            and not (j + 1 < len(tokens) and tokens[j + 1].text == ".")
        ):
            return j
        if _opens_quotation(tokens, j):
            return j
    return len(tokens)


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


# 'وفقاً لوكالة سانا': phrases after which li- may be glued to the source's first word.
LI_PHRASE_ENDS = frozenset(normalize(w) for w in ("وفقا", "طبقا", "نسبة"))
# 'نسبةً لبيانات الأمم المتحدة' attributes only through its li- ('نسبة البطالة' is a ratio).
LI_ONLY_PHRASES = frozenset({normalize("نسبة")})


def _past_known_outlet(tokens: list[Token], k: int) -> int:
    """The index after a known outlet's name quoted at token k (a name may hold a word that
    otherwise ends the phrase: '"سي إن إن"'), else after token k."""
    if tokens[k].text in QUOTES:
        quoted = _quoted_name(tokens, k, "")
        if quoted and _names_known_outlet(tokens, k, quoted[1]):
            return quoted[1]
    return k + 1


def _according_frame(sentence: str, tokens: list[Token], parser: SourceParser) -> Frame | None:
    opening_forms = _according_token_forms()
    for i in range(len(tokens)):
        # Most words open no 'according to' phrase: tested on the set, with no call.
        if tokens[i].norm not in opening_forms:
            continue
        n = _according_at(tokens, i)
        if not n or _quote_depth_at(tokens, i):
            continue
        said = _past_reporting_verb(tokens, i + n)  # the cue runs to the verb
        j = said + 1 if said < len(tokens) and tokens[said].norm in ABOUT_THE_SPEAKER else said
        told = None
        if said > i + n and j + 1 < len(tokens) and tokens[j].norm in TOLD_TO:
            # 'بحسب ما صرح إلى "سمارت" مدير المكتب': the outlet told stands before the speaker
            told = _quoted_name(tokens, j + 1, sentence)
            j = told[1] if told else j
        if j < len(tokens) and tokens[j].norm in ("ل", "لـ"):
            j += 1
        elif (
            _strip_conjunction(tokens[j - 1].norm, LI_PHRASE_ENDS)  # 'ووفقاً لمصادر محلية'
            and j < len(tokens)
            and tokens[j].norm[:1] == "ل"
        ):
            tokens = [*tokens[:j], _unglue_li(tokens[j]), *tokens[j + 1 :]]
        elif _strip_conjunction(tokens[j - 1].norm, LI_ONLY_PHRASES):
            continue
        end = j
        while (
            end < len(tokens)
            and tokens[end].text not in "،,.:؛-–—"  # a dash closes 'الاتفاق - بحسب المصدر -'
            and tokens[end].norm not in _particles("complement")
            and tokens[end].norm not in ("فان", "فقد")
            and end - j < 12
        ):
            end = _past_known_outlet(tokens, end)  # 'بحسب قناة "سي إن إن"' holds إن
        source = parser.parse(tokens[j:end], sentence)
        if (
            source
            and source.kind is Kind.named_person
            and not _reads_as_person(tokens[j:end], parser)
        ):
            source = None  # 'وفق القانون', 'وفقاً للاتفاق الروسي التركي': not a source
        if source and source.kind is Kind.anonymous and tokens[j].norm in _set("titles"):
            # 'وبحسب المتحدث باسم المفوضية، فيليب ماير، فإن …': the name after the comma.
            source = _named_after_comma(tokens, end, source, sentence, parser)
        quoted = _quoted_name(tokens, j, sentence)
        if (
            quoted
            and quoted[1] >= end
            and (source is None or _unknown_quoted_body(source, tokens[j:end]))
        ):
            source = Source(Kind.media, quoted[0])  # 'وحسب "تجمع أحرار حوران"': a named outlet
        if source is None or source.kind is Kind.author:
            continue
        via = told[0] if told and not parser.memory.is_own_outlet(told[0]) else None
        relay = next((k for k in range(j, end) if tokens[k].norm == "عن"), None)
        if source.kind is Kind.media and relay is not None:
            # 'بحسب ما نقلته وكالة الأناضول عن مصادر أمنية': the agency relays the sources.
            relayed = parser.parse(tokens[relay + 1 : end], sentence) or _unnamed_group(
                tokens[relay + 1 : end], sentence
            )
            if relayed and relayed.kind is not Kind.author:
                # Read alone, 'ما نقلت الصحيفة' names back the paper the article named.
                outlet = parser.parse(tokens[j:relay], sentence)
                relaying = outlet if outlet and outlet.kind is Kind.media else source
                source, via = relayed, relaying.name
                if relayed.kind is Kind.anonymous and tokens[relay + 1].norm in _set("titles"):
                    # 'عن قائد القوة، المدعومة من أبوظبي، محمد القميشي، فإن …'
                    source = _named_after_comma(tokens, end, relayed, sentence, parser)
        if via is None and (source.is_reference or _others(source)):
            via = _carried_via(source, parser.memory)  # 'بحسب المصدر' back to a relayed source
        cue = _text(tokens[i:said], sentence)
        claim_start = _claim_start(tokens, end, sentence) if i <= 2 else 0
        return Frame(source, cue, via, claim_start, 0.85)
    return None


def _named_after_comma(
    tokens: list[Token], end: int, source: Source, sentence: str, parser: SourceParser
) -> Source:
    """An unnamed role's holder named after the comma that ends it, else the role."""
    return parser.person(tokens[end : _complement_at(tokens, end)], sentence) or source


def _unknown_quoted_body(source: Source, phrase: list[Token]) -> bool:
    """A group named in marks of plain words no lexicon knows, read as a body: after 'according
    to', the news names an outlet so more often than a body."""
    words = _words(phrase)
    return (
        source.kind is Kind.organization and len(words) >= 2 and all(_plain_word(w) for w in words)
    )


# 'بحسب ما صرح إلى "سمارت"', 'لـ"عنب بلدي"': the outlet told, before the speaker.
TOLD_TO = frozenset(normalize(w) for w in ("إلى", "ل", "لـ"))
# 'بحسب ما نقلت عنه وكالات روسية': the speaker the outlet relays, named back after the verb.
ABOUT_THE_SPEAKER = frozenset(normalize(w) for w in ("عنه", "عنها", "عنهم", "به", "بها"))


def _past_reporting_verb(tokens: list[Token], j: int) -> int:
    """Past the verb of reporting, bare or with its object pronoun, that stands between
    'بحسب ما', 'وفقاً لما', 'حسبما' and its subject: 'حسب ما ذكر ناشطون', 'بحسب ما أوردته
    وكالة سانا'."""
    if tokens[j - 1].norm.endswith("ما") and j < len(tokens) and _reporting_verb(tokens[j]):
        j += 1
    return j


def _reporting_verb(token: Token) -> bool:
    """'ذكر', 'أوردته', 'أعلنه', 'نقلتها': a reporting verb, bare or carrying its object
    pronoun."""
    if token.norm in _cue_forms() or token.norm in word_class("relaying_verbs"):
        return True
    for suffix in ("ه", "ها"):
        if token.norm.endswith(suffix) and token.norm[: -len(suffix)] in _cue_forms():
            return True
    return False


def _reads_as_person(tokens: list[Token], parser: SourceParser) -> bool:
    """A phrase that names a person by a given name, a title or a name the article gave."""
    return any(
        _opens_with_given_name(tokens, k)
        or tok.norm in _set("titles")
        or parser.memory.is_name_word(tok.norm)
        for k, tok in enumerate(tokens)
        if tok.is_word
    )


# 'في بيان لها، في 28 تموز،': how far a setting before the content may run to its comma.
MAX_SETTING_WORDS = 6
SETTING_PREPOSITIONS = frozenset({"في", "عبر", "خلال"})


def _past_setting(tokens: list[Token], k: int) -> int:
    """Index after the settings that open with a preposition and close with a comma."""
    while k < len(tokens) and tokens[k].norm in SETTING_PREPOSITIONS:
        comma = next(
            (
                c
                for c in range(k + 1, min(len(tokens), k + MAX_SETTING_WORDS + 1))
                if tokens[c].text in "،,"
            ),
            None,
        )
        if comma is None:
            break
        k = comma + 1
    return k


# How far past the source phrase the complementizer may stand, behind the hearer or the
# setting of the statement: 'قالت لـ"المدن"، إن …', 'أوضح في بيان نشره على موقعه: …'.
MAX_FRAME_TAIL = 8


def _claim_start(tokens: list[Token], end: int, sentence: str) -> int:
    """Offset where the asserted content begins: after the complementizer or the colon, or at
    the opening quotation, past a hearer or setting between them and the source phrase."""
    if end >= len(tokens):
        return len(sentence)
    k = _complement_at(tokens, end)
    if (
        k < len(tokens)
        and k - end <= MAX_FRAME_TAIL
        and not any(_cue_lemma(t) for t in tokens[end:k])
        and (k == end or tokens[k - 1].norm not in word_class("content_conjunctions"))
    ):
        tok = tokens[k]
        return tok.start if tok.text in "«“" else tok.end
    return tokens[end].start

"""Frames beyond the sentence's first verb: a report coordinated after a verb with only an
object, a teaser cut short, a story glued on after a dateline, a main clause after a
concessive one ('في حين …'), and a headline's 'X: …'."""

from __future__ import annotations

from claims.arabic import is_arabic, normalize
from claims.attribute.frames.frame import (
    ABOUT,
    MAX_CUE_POSITION,
    Frame,
    _complement_at,
    _cue_index,
    _quote_depth_at,
)
from claims.attribute.frames.subject import DATELINE_DASHES, MAX_DATELINE_WORDS
from claims.attribute.frames.verbs import (
    MAX_GLUED_SUBJECT,
    NEGATED_CUE_PARTICLES,
    _frame_at,
    _verb_frame,
)
from claims.attribute.lexicons import _cue_forms, _particles, _strip_conjunction
from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.source import Source
from claims.attribute.tokens import QUOTES, Token, _cue_lemma, _words
from claims.models import Kind


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

"""The reporting frame of a sentence (`find_frame`): the readings tried in order."""

from __future__ import annotations

from claims.attribute.frames.according import (
    _according_frame,
    _according_opens_a_clause,
    _quoted_through,
)
from claims.attribute.frames.clauses import (
    _after_cut_teaser,
    _coordinated_frame,
    _glued_frame,
    _has_content,
    _headline_frame,
    _main_clause_after,
    _main_clause_frame,
    _opens_concessive,
)
from claims.attribute.frames.frame import Frame, _lead_length
from claims.attribute.frames.statements import (
    _came_in_frame,
    _issued_frame,
    _owned_statement_frame,
    _spoken_setting_frame,
)
from claims.attribute.frames.verbs import _verb_frame
from claims.attribute.lexicons import _particles, _strip_conjunction
from claims.attribute.sources.parser import SourceParser
from claims.attribute.tokens import STRAIGHT_QUOTES, Token, _according_at, _words
from claims.lexicon import word_class
from claims.models import Kind


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

"""The reporting frame (`Frame`): its source, cue, relaying outlet and where its claim begins;
and what every kind of frame reads: the lead-in before the verb, the depth of quotation, the
complementizer that opens the content."""

from __future__ import annotations

from dataclasses import dataclass

from claims.arabic import normalize
from claims.attribute.lexicons import _lead_phrases, _particles, _strip_conjunction
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import _opens_quotation
from claims.attribute.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Token,
    _cue_lemma,
    _starts_with,
    _words,
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


def _cue_index(tokens: list[Token], frame: Frame) -> int | None:
    """Where the frame's cue word stands among the tokens (its first copy), if it does."""
    return next((k for k, t in enumerate(tokens) if t.text == frame.cue), None)


# '… من الغوطة كشفت مصادر … عن اتفاق …': what a body, a group or an outlet discloses or
# speaks of, after a headline glued on without even a و.
ABOUT = normalize("عن")


def _words_to_cue(tokens: list[Token], cue: str | None) -> int:
    """How many words open the tokens up to their cue, the cue included (all when it is
    not among them)."""
    words = _words(tokens)
    return next((k + 1 for k, word in enumerate(words) if word.text == cue), len(words))


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

"""The reporting frame (`Frame`): its source, cue, relaying outlet and where its claim begins;
and what every kind of frame reads: the lead-in before the verb, the depth of quotation, the
complementizer that opens the content."""

from __future__ import annotations

from dataclasses import dataclass

from claims.arabic import normalize
from claims.attribute.bodies import _is_definite_nisba
from claims.attribute.lexicons import _lead_phrases, _particles, _strip_conjunction
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import _opens_quotation
from claims.attribute.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Token,
    _cue_lemma,
    _is_function_word,
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
    # where it ends, when the frame closes the sentence ('…، بحسب المرصد.'): None, its end
    claim_end: int | None = None


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


def _claim_start(tokens: list[Token], end: int, sentence: str, name_end: int = -1) -> int:
    """Offset where the asserted content begins: after the complementizer or the colon, or at
    the opening quotation, past a hearer or setting between them and the source phrase that
    ends at token `end`. With none of them, at what the verb governs after the source's name
    (`_governed_start`), given `name_end`, the offset where the name ends in the sentence."""
    if end < len(tokens):
        k = _complement_at(tokens, end)
        if (
            k < len(tokens)
            and k - end <= MAX_FRAME_TAIL
            and not any(_cue_lemma(t) for t in tokens[end:k])
            and (k == end or tokens[k - 1].norm not in word_class("content_conjunctions"))
        ):
            tok = tokens[k]
            return tok.start if tok.text in "«“" else tok.end
        if tokens[end].text in ':"«“':
            return tokens[end].start  # the words said, right after the phrase
    governed = _governed_start(tokens[:end], name_end) if name_end >= 0 else None
    if governed is not None:
        return governed
    # 'ونفى الجيش الروسي، في بيان، استهداف المدنيين': past the statement's setting, when
    # commas set it off ('نفى في بيان هذه الاتهامات، وقال …' has its content inside)
    set_off = 0 < end < len(tokens) and tokens[end - 1].text in "،,"
    past = _past_setting(tokens, end) if set_off else end
    return tokens[past].start if past < len(tokens) else len(sentence)


def _governed_start(phrase: list[Token], name_end: int) -> int | None:
    """Where the noun the verb governs starts, when the source phrase ran on into it past the
    name ending at offset `name_end`: 'أعلن الجيش الإسرائيلي إسقاط طائرة من دون طيار' ->
    'إسقاط', not 'من' (the figures of 'أعلنت الوزارة مقتل خمسة أشخاص من …' would be lost to
    the linker). None when a comma, a bracket or a time follows the name ('، الجمعة، عن …'):
    its apposition or the statement's setting, no noun governed."""
    after = [k for k, t in enumerate(phrase) if t.start >= name_end]
    while after and _is_definite_nisba(phrase[after[0]]):
        after = after[1:]  # 'موقع انترسبت الأمريكي': the name's own adjective
    if not after or not phrase[after[0]].is_word or _is_function_word(phrase[after[0]]):
        return None
    # 'وقال شاهد عيان فضل عدم ذكر اسمه، "…"': the name's relative clause, then the words said
    said = (
        phrase[k].start for k in after[1:] if phrase[k].text in '"«“' and phrase[k - 1].text in "،,"
    )
    return next(said, phrase[after[0]].start)

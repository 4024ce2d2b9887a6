"""Statements, documents and publishing: 'وجاء في البيان', 'في بيان أصدرته الوزارة', 'في تصريح
له', a statement that speaks for the one who issued it."""

from __future__ import annotations

from claims.arabic import normalize, normalize_word
from claims.attribute.frames.frame import (
    SETTING_PREPOSITIONS,
    Frame,
    _claim_start,
    _complement_at,
    _quote_depth_at,
)
from claims.attribute.frames.relays import _carried_via, _via_in
from claims.attribute.frames.verbs import _came_in_at, _frame_at
from claims.attribute.lexicons import _set, _strip_conjunction
from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import _span_end
from claims.attribute.tokens import (
    Token,
    _cue_lemma,
    _is_function_word,
    _words,
    in_lexicon,
    singular_forms,
)
from claims.lexicon import word_class
from claims.models import Kind

# 'وجاء في نص البيان: …': the words between the verb and the statement it came in.
CAME_IN_WORDS = frozenset(normalize(w) for w in ("في", "نص"))


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
            # 'غرفة "عمليات حوار كلس"': a word of the issuer's quoted name is no statement
            if _names_a_statement(tokens[j]) and not _quote_depth_at(tokens, j)
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

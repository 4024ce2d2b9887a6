"""'According to' phrases: 'بحسب مسار برس', 'وفقاً لـ"سانا"', '… على حد قول الوكالة', and the
speaker an outlet's 'according to' phrase goes on to quote."""

from __future__ import annotations

from claims.arabic import normalize
from claims.attribute.frames.frame import (
    Frame,
    _claim_start,
    _complement_at,
    _quote_depth_at,
    _words_to_cue,
)
from claims.attribute.frames.relays import _carried_via, _others, _unnamed_group
from claims.attribute.frames.subject import MAX_REPORTED_FRAME_WORDS
from claims.attribute.frames.verbs import _came_in_at, _verb_frame
from claims.attribute.lexicons import _cue_forms, _particles, _set, _strip_conjunction
from claims.attribute.names import _opens_with_given_name, _plain_word
from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.quoted import _names_known_outlet, _quoted_name
from claims.attribute.sources.source import Source
from claims.attribute.tokens import (
    OPEN_QUOTES,
    QUOTES,
    STRAIGHT_QUOTES,
    Token,
    _according_at,
    _according_token_forms,
    _text,
    _unglue_li,
    _words,
)
from claims.lexicon import word_class
from claims.models import Kind


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
        if i <= 2:
            return Frame(source, cue, via, _claim_start(tokens, end, sentence), 0.85)
        # 'قتل خمسة مدنيين في القصف، بحسب المرصد.': the phrase closing the sentence is no part
        # of what it says
        closes = all(not t.is_word for t in tokens[end:])
        claim_end = len(sentence[: tokens[i].start].rstrip(" ،,-–—")) if closes else None
        return Frame(source, cue, via, 0, 0.85, claim_end)
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
    وكالة سانا'; past 'ورد في', 'جاء في' before the statement the words came in."""
    if tokens[j - 1].norm.endswith("ما") and j < len(tokens):
        if _came_in_at(tokens, j):
            return j + 2  # 'بحسب ما ورد في التقرير', 'وفق ما جاء في البيان': the statement
        if _reporting_verb(tokens[j]):
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

"""Relays and the outlet between source and reader: 'نقلت شبكة X عن مصدر في Y', 'في تصريح
نشرته وزارة الخارجية', 'قال مصدر لـ"سانا"', 'كشفت صحيفة X، نقلاً عن مسؤولين'."""

from __future__ import annotations

from claims.arabic import normalize, normalize_key
from claims.attribute.frames.frame import ABOUT, Frame, _claim_start, _complement_at
from claims.attribute.memory import Memory
from claims.attribute.names import _plain_word
from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import (
    OTHERS,
    _is_utterance_noun,
    _span_end,
    _without_quoting_noun,
)
from claims.attribute.tokens import (
    QUOTES,
    Token,
    _according_at,
    _clean_name,
    _text,
    _unglue_li,
    _without_article,
    _words,
)
from claims.lexicon import word_class
from claims.models import Kind

# 'معه', 'معها', 'معهم': the speaker an interview was held with, between its verb and its outlet;
# 'عنه', 'عنها': the speaker words were relayed from ('في تصريحات نقلتها عنه وكالة سبوتنيك').
WITH_THE_SPEAKER = frozenset(
    normalize(w) for w in ("معه", "معها", "معهم", "معهما", "عنه", "عنها", "عنهم", "عنهما")
)


def _via_in(tokens: list[Token], sentence: str, parser: SourceParser) -> str | None:
    """A relaying body named in the frame: 'في تصريح صحافي نشرته وزارة الخارجية'."""
    for i, tok in enumerate(tokens):
        # 'نفى ما تداولته وسائل إعلام': what the outlets carried is the matter, not the channel.
        if tok.norm in word_class("relaying_verbs") and not (i and tokens[i - 1].norm == "ما"):
            start = i + 1
            if start < len(tokens) and tokens[start].norm in WITH_THE_SPEAKER:
                start += 1  # 'في مقابلة أجرتها معه وكالة نوفوستي', 'نقلتها عنه'
            end = _span_end(tokens, start)
            found = parser.parse(tokens[start:end], sentence)
            if (
                found
                and found.kind in (Kind.organization, Kind.media)
                and not (found.kind is Kind.organization and _own_channel(tokens[start:end]))
            ):
                # 'في بيان نشره المركز الإعلامي التابع لها': a body's own office is the body;
                # 'في بيان بثته قناة المنار التابعة له': a station it owns still broadcast it.
                return found.name
    return None


def _setting_via(
    setting: list[Token], source: Source, sentence: str, parser: SourceParser
) -> str | None:
    """The outlet of a setting before the verb: 'وفي رسالة نشرتها صحيفة سعودية، قال الأمير
    …', or the one spoken to: 'وفي مقابلة مع صحيفة الغارديان، انتقد الكاتب …'; a body that
    published its own report ('في تقرير نشرته المفوضية، قالت المفوضية') relays nothing."""
    via = _via_in(setting, sentence, parser) or _hearer_outlet(
        setting, 0, len(setting), sentence, parser
    )
    return None if via is None or normalize(via) == normalize(source.name) else via


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


def _others(source: Source) -> bool:
    return source.kind is Kind.anonymous and any(
        w in OTHERS for w in normalize(source.name).split()
    )

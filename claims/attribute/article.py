"""Sentences and articles: one sentence's attribution, and an article's sentences in reading
order with its memory threaded through them."""

from __future__ import annotations

from functools import cache

from claims.arabic import normalize
from claims.attribute.confidence import confidence, find_hedges
from claims.attribute.frames import Frame, find_frame
from claims.attribute.frames.clauses import _glued_frame
from claims.attribute.lexicons import _cue_forms, _set, _strip_conjunction
from claims.attribute.memory import (
    FIRST_POINT_AFTER_COLON,
    LIST_ITEM,
    Memory,
    Speaker,
    _closes_quote,
    _continued,
    _continues,
    _cut_before,
    _ends_quotation,
    _in_speakers_voice,
    _opens_quote,
    _opens_with_quotation,
    _starts_with_quote,
    collect_names,
)
from claims.attribute.sources import Source, SourceParser
from claims.attribute.tokens import (
    CLOSE_QUOTES,
    QUOTES,
    Token,
    _cue_lemma,
    _words,
    in_lexicon,
    tokenize,
)
from claims.clean import repair
from claims.cycles import no_cycle_collection
from claims.lexicon import fields, word_class
from claims.models import Article, Attribution, Claim, Kind, Sentence, Speech


def attribute_sentence(
    sentence: Sentence,
    repaired: str,
    form: str,
    tokens: list[Token],
    memory: Memory,
    parser: SourceParser,
    doc: str = "",
    lost_opening: bool = False,
) -> Claim:
    """Attribute one kept sentence (its repaired text, that text's matching form and its
    tokens), reading and updating the article's memory. `lost_opening`: the sentence is, or
    soon runs into, the end of a quotation whose opening mark was lost."""
    new_paragraph = sentence.paragraph != memory.paragraph
    memory.paragraph = sentence.paragraph
    frame = find_frame(repaired, tokens, parser)
    if frame:
        # 'وقال مراسل الجزيرة …' on Al Jazeera's page: its 'وأوضح أن …' goes on with the outlet.
        memory.own_report = frame.source.kind is Kind.author
    attribution = Attribution(hedges=find_hedges(form))
    claim_text = repaired
    ran_on = False
    if frame and frame.source.kind is not Kind.author:
        if _report_speaks(frame, tokens):
            if frame.source.kind is Kind.media:
                memory.relayed_report = frame.source.name
            elif memory.relayed_report:
                # 'وقال التقرير' in an article relaying an outlet's report: that report.
                frame.source = Source(Kind.media, memory.relayed_report, is_reference=True)
                frame.via = None
        elif frame.via is None and frame.source.kind is not Kind.media:
            frame.via = memory.relayed_report  # someone quoted inside the relayed report
        attribution = attribution.model_copy(
            update={
                "kind": frame.source.kind,
                "source": frame.source.name,
                "cue": frame.cue,
                "via": frame.via,
                "continuation": frame.source.is_reference,
                "certainty": frame.certainty,
            }
        )
        start = _past_fa_inna(tokens, _denial_at(tokens, frame))
        claim_text = repaired[start : frame.claim_end].strip() or repaired
        memory.remember(Speaker(frame.source.kind, frame.source.name, frame.via))
        closing = _closing_frame(repaired, tokens, frame, parser)
        if closing:
            # '… نبأ تبني "سرية X" العملية وأعلنت "سرية X" في بيان …' then 'وأشارت إلى أن …':
            # the speaker the sentence ends with goes on in the next one.
            memory.remember(Speaker(closing.source.kind, closing.source.name, closing.via))
        memory.quote_open = _opens_quote(repaired)
    elif memory.previous and _cut_before(memory.previous_text, repaired):
        # '5 مليون لاجئ …' after '… ارتفع العدد إلى 2.': the rest of the sentence a bad cut split.
        attribution = _continued(attribution, memory.previous, 0.7)
    elif memory.list_open and memory.last and LIST_ITEM.match(repaired):
        # '- وقف استيراد السلع الكمالية.' after 'وشملت الإجراءات، بحسب بيان المجلس:'
        attribution = _continued(attribution, memory.last, 0.7)
    elif (
        memory.last
        and not new_paragraph
        and memory.last_paragraph_attributed
        and _continues(tokens)
    ):
        # 'كما نفذ هجوماً …' in the paragraph of a statement goes on with that statement.
        attribution = _continued(attribution, memory.last, 0.6)
    elif not _closes_at_once(repaired, memory) and (
        memory.quote_open
        and memory.last
        and (
            not new_paragraph
            or _starts_with_quote(repaired)
            or memory.quote_closes_ahead
            or (memory.quote_never_closes and memory.quote_ran_on)
        )
        or memory.last_sentence_attributed
        and memory.last
        and _opens_with_quotation(repaired)
    ):
        # The rest of a quotation that runs over several sentences or paragraphs, or a quotation
        # standing alone right after a statement: its speaker goes on. One that already ran
        # over a sentence and is never closed on the page (a column quoted to its end) runs on
        # over paragraph breaks until a frame of its own.
        attribution = _continued(attribution, memory.last, 0.8)
        ran_on = True
        memory.quote_open = (
            not _opens_quote(repaired)
            if _starts_with_quote(repaired) is False
            else _opens_quote(repaired)
        )
        memory.quote_open = memory.quote_open if not _closes_quote(repaired) else False
    elif lost_opening and memory.last_sentence_attributed and memory.last:
        # 'سنغلق المطار ".' after a speaker's quotation: the rest of it, its opening mark lost
        # (rule 12); the closing mark still shows where it ends.
        attribution = _continued(attribution, memory.last, 0.7)
    elif (
        not frame and memory.last_sentence_attributed and memory.last and _in_speakers_voice(tokens)
    ):
        # 'ثم إن أي انتخابات …' right after a statement: the speaker's own words go on (rule 12).
        attribution = _continued(attribution, memory.last, 0.6)
    elif memory.report_spoke and memory.previous and not frame:
        # 'وقال التقرير إن …' then 'وتبرعت الحكومة …': the relayed report goes on, its
        # sentence plainly continuing the one that quoted it (rules 12, 16).
        attribution = _continued(attribution, memory.previous, 0.6)
    else:
        memory.quote_open = False
    memory.quote_ran_on = ran_on
    memory.last_paragraph_attributed = attribution.kind is not Kind.author
    memory.previous = (
        Speaker(attribution.kind, attribution.source, attribution.via)
        if attribution.kind is not Kind.author and attribution.source
        else None
    )
    memory.previous_text = repaired
    memory.report_spoke = bool(
        frame and frame.source.kind is Kind.media and frame.source.name == memory.relayed_report
    )
    memory.last_sentence_attributed = memory.last_paragraph_attributed
    memory.list_open = memory.last_sentence_attributed and (
        repaired.rstrip().endswith(":")
        or bool(FIRST_POINT_AFTER_COLON.search(repaired))
        or (memory.list_open and bool(LIST_ITEM.match(repaired)))
    )
    claim_text = claim_text.strip(" ،,:")
    speech = _speech(claim_text) if attribution.kind is not Kind.author else None
    attribution = attribution.model_copy(update={"speech": speech})
    value, reasons = confidence(attribution)
    return Claim(
        doc=doc,
        index=sentence.index,
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        kind=attribution.kind,
        source=attribution.source,
        cue=attribution.cue,
        via=attribution.via,
        claim=claim_text,
        confidence=value,
        dup_of=sentence.dup_of,
        speech=speech,
        reasons=reasons,
        paragraph=sentence.paragraph,
    )


# 'ولم ينف الوزير أن …': a denial negated states the speaker's position, denies nothing.
NOT_DENYING = frozenset({"لم", "لا", "لن", "ما"})


@cache
def _denial_lemmas() -> frozenset[str]:
    """The verbs of reporting that deny what they report ('نفى', 'كذب'): those the negation
    lexicon holds."""
    denials = {normalize(entry[0]) for entry in fields("negation") if len(entry) == 1}
    return frozenset(lemma for form, lemma in _cue_forms().items() if form in denials)


def _denial_at(tokens: list[Token], frame: Frame) -> int:
    """Where the claim starts when its frame's verb denies it: at the verb ('نفت الوزارة أن
    تكون طائراتها قصفت المدينة' claims no strike, and is linked as a negation of one, not as
    its corroboration); else the frame's `claim_start`. 'لم ينف' denies nothing."""
    cue = frame.cue.split() if frame.cue else []
    for k, token in enumerate(tokens):
        if token.start >= frame.claim_start:
            break
        if token.text in cue and _cue_lemma(token) in _denial_lemmas():
            negated = k and _strip_conjunction(tokens[k - 1].norm, NOT_DENYING)
            return frame.claim_start if negated else token.start
    return frame.claim_start


# 'فإن', 'فإنه': the particle that opens the content after 'وبحسب المرصد،' is no word of it.
OPENING_FA_INNA = frozenset({"فان", "فانه", "فانها", "فانهم"})


def _past_fa_inna(tokens: list[Token], start: int) -> int:
    """`start`, or past the 'فإن' the claim would open with."""
    first = next((k for k, t in enumerate(tokens) if t.start >= start and t.is_word), None)
    if first is not None and first + 1 < len(tokens) and tokens[first].norm in OPENING_FA_INNA:
        return tokens[first + 1].start
    return start


def _closing_frame(
    repaired: str, tokens: list[Token], frame: Frame, parser: SourceParser
) -> Frame | None:
    """Another speaker's frame glued into the content of the sentence's frame, with a source
    of its own named afresh."""
    content = [t for t in tokens if t.start >= frame.claim_start]
    later = _glued_frame(repaired, content, parser) if len(content) > 2 else None
    if later is None or later.source.is_reference or later.source.name == frame.source.name:
        return None
    return later


def _report_speaks(frame: Frame, tokens: list[Token]) -> bool:
    """'وقال التقرير إن …', 'كما لفت تقرير الصحيفة إلى …': a report is the subject. An
    outlet's report makes the article a relay of it, and those quoted from there on speak
    through that outlet (rule 16)."""
    words = _words(tokens)
    cue = next((k for k, word in enumerate(words) if word.text == frame.cue), None)
    return (
        cue is not None
        and cue + 1 < len(words)
        and in_lexicon(words[cue + 1], _set("statements"))
        and not in_lexicon(words[cue + 1], word_class("documents"))  # "وتشير الوثيقة"
    )


def _closes_at_once(text: str, memory: Memory) -> bool:
    """'" وتتفق القوى الكبرى …': a straight quote opening a sentence while a quotation is open,
    set apart and left without a partner, is its closing mark pushed to the head of the next
    sentence; what follows is not the quote. ('"لدينا …"' opens a paragraph of the quote.)"""
    text = text.lstrip()
    return (
        memory.quote_open and text[:1] == '"' and text[1:2].isspace() and text.count('"') % 2 == 1
    )


def _speech(claim: str) -> Speech:
    return Speech.direct if claim[:1] in QUOTES else Speech.reported


@no_cycle_collection()  # many small objects, no cycles (claims.cycles)
def attribute_article(article: Article, sentences: list[Sentence]) -> list[Claim]:
    """Attribute every kept sentence of an article, in reading order."""
    kept = [s for s in sentences if not s.junk]
    passages = [(repaired, tokenize(repaired)) for repaired in (repair(s.text) for s in kept)]
    memory = Memory(outlet=article.outlet, names=collect_names(passages))
    parser = SourceParser(memory, passages)
    ends_quotation = [_ends_quotation(repaired) for repaired, _tokens in passages]
    last_closing = max((n for n, ends in enumerate(ends_quotation) if ends), default=-1)
    closes_unopened = [_closes_unopened(repaired) for repaired, _tokens in passages]
    claims = []
    for n, (sentence, (repaired, tokens)) in enumerate(zip(kept, passages, strict=True)):
        # A quotation left open runs on over paragraph breaks when its closing mark comes soon.
        memory.quote_closes_ahead = any(ends_quotation[n : n + QUOTE_LOOKAHEAD])
        memory.quote_never_closes = n > last_closing  # once per article, not per sentence
        lost_opening = closes_unopened[n] or (
            not any(q in repaired for q in QUOTES)
            and any(closes_unopened[n + 1 : n + QUOTE_LOOKAHEAD])
        )
        claims.append(
            attribute_sentence(
                sentence,
                repaired,
                parser.concordance.forms[n],
                tokens,
                memory,
                parser,
                article.doc,
                lost_opening,
            )
        )
    if claims and claims[0].kind is Kind.author:
        opening = _opening_mid_statement(claims, kept[0], passages, article)
        claims[0] = opening or claims[0]
    return claims


def _opening_mid_statement(
    claims: list[Claim],
    sentence: Sentence,
    passages: list[tuple[str, list[Token]]],
    article: Article,
) -> Claim | None:
    """'وأضاف أنه " …' opening a page cut mid-statement goes on with the speaker the next
    sentences name (rule 17), read again as if that speaker had just been quoted."""
    repaired, tokens = passages[0]
    words = _words(tokens)
    if not words or words[0].norm[:1] != "و" or _cue_lemma(words[0]) is None:
        return None  # only a verb that goes on ('وأضاف', 'وتابع') opens in mid-statement
    named = next(
        (c for c in claims[1 : 1 + SPEAKER_NAMED_AHEAD] if c.kind is not Kind.author), None
    )
    if named is None or not named.source:
        return None
    memory = Memory(outlet=article.outlet, names=collect_names(passages))
    memory.remember(Speaker(named.kind, named.source, named.via))
    parser = SourceParser(memory, passages)
    reread = attribute_sentence(
        sentence, repaired, parser.concordance.forms[0], tokens, memory, parser, article.doc
    )
    return reread if reread.kind is not Kind.author and reread.source == named.source else None


def _closes_unopened(text: str) -> bool:
    """'… ونغلق مطار صنعاء ".': the sentence ends on the closing mark of a quotation it did
    not open."""
    return text.rstrip(" .،,؛")[-1:] in CLOSE_QUOTES + '"' and _ends_quotation(text)


# How many sentences ahead the closing mark of a quotation that crosses paragraphs may stand.
QUOTE_LOOKAHEAD = 3
# How many sentences after a page's cut opening the speaker it goes on with may be named.
SPEAKER_NAMED_AHEAD = 3

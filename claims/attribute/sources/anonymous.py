"""Unnamed sources: the head noun and what describes it ('مصادر محلية في طفس', 'مسؤول بوزارة
النقل', 'أحد المهجرين', 'قادة إسرائيل'), and the people doing something named by a participle
('المعتصمون')."""

from __future__ import annotations

from claims.arabic import normalize
from claims.attribute.bodies import _definite_run, _is_nisba_adjective, _looks_adjective
from claims.attribute.lexicons import _number_words, _phrases, _references, _set, _strip_conjunction
from claims.attribute.sources.organizations import _Organizations
from claims.attribute.sources.outlets import _Outlets
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import (
    _is_li_genitive,
    _is_place,
    _names_a_circle,
    _noun_phrase_end,
)
from claims.attribute.tokens import (
    Token,
    _clean_name,
    _starts_with,
    _text,
    _without_article,
    _without_conjunction,
    _words,
    in_lexicon,
    tokenize,
)
from claims.lexicon import word_class
from claims.models import Kind


class _Anonymous(_Outlets, _Organizations):
    """Unnamed sources: 'مصادر محلية في طفس', 'مسؤول بوزارة النقل', 'أحد المهجرين'."""

    def _anonymous(self, tokens: list[Token], i: int, sentence: str) -> Source:
        head = tokens[i]
        j = i + 1
        if head.bare in word_class("partitives") and j < len(tokens) and tokens[j].is_word:
            j += 1  # 'أحد المهجرين', 'إحدى الناشطات': one of a group
        # 'مصادر "المدن"': the article's own sources, named before.
        quoted = _quoted_name(tokens, j, sentence)
        if quoted and self.memory.outlet and normalize(quoted[0]) == normalize(self.memory.outlet):
            earlier = self.memory.latest_told_the_outlet()
            if earlier:
                return Source(Kind.anonymous, earlier.source, is_reference=True)
            return Source(Kind.anonymous, _clean_name(_text(tokens[i : quoted[1]], sentence)))
        genitive = _genitive_end(tokens, head, j)
        if genitive > j:
            # 'قادة إسرائيل', 'قادة مكافحة الإرهاب': the group whose members speak
            return Source(Kind.anonymous, _clean_name(_text(tokens[i:genitive], sentence)))
        while j < len(tokens) and j - i <= 4:
            tok = tokens[j]
            if _in_body(tok):
                # 'مسؤول بوزارة النقل': the body it comes from, with bi- glued
                end = _noun_phrase_end(tokens, j)
                return Source(Kind.anonymous, _clean_name(_text(tokens[i:end], sentence)))
            if (
                _looks_adjective(tok)
                and _agrees_with_plural(head, tok)
                or _definite_nisba_after(head, tok)
                or tok.bare in word_class("close_to")
                or _is_li_genitive(tok)
                and tokens[j - 1].bare in word_class("close_to")
                or tok.norm in word_class("rank_adjectives")
                or tok.norm in word_class("plural_gentilics")
            ):
                j += 1
            elif tok.norm[:1] == "و" and _strip_conjunction(tok.norm, _set("anonymous")):
                j += 1  # 'ناشطون ومراقبون'
            elif j + 1 < len(tokens) and (
                tok.norm == "في" or tok.norm == "من" and _names_a_circle(tokens, j)
            ):
                # 'مصدر في التحالف الدولي', 'مصادر محلية في طفس', 'مصدر مقرب من عائلة القتيل',
                # 'مصدر في الأخير' (the body named just before)
                outlet = self._bare_outlet(_words(tokens[j + 1 :])) if tok.norm == "من" else None
                if outlet:
                    # 'شاهد من رويترز', 'صحفي من وكالة فرانس برس': the outlet's own man (rule 8)
                    return Source(Kind.media, outlet)
                quoted = _quoted_name(tokens, j + 1, sentence)
                end = quoted[1] if quoted else _noun_phrase_end(tokens, j + 1)
                if end == j + 1:
                    break
                if (
                    end + 1 < len(tokens)
                    and tokens[end].norm == "في"
                    and _is_place(tokens[end + 1])
                ):
                    end = _noun_phrase_end(tokens, end + 1)  # 'مسؤول في وزارة الصحة في صنعاء'
                target = _clean_name(_text(tokens[j + 1 : end], sentence))
                if normalize(target) in ("الاخير", "الاخيره"):
                    target = self._last_body(sentence, tokens[i].start) or target
                elif _references().get(normalize(target)) == "organization":
                    # 'مصدر في "الهيئة"' after 'هيئة تحرير الشام': the body named before
                    target = self._body_with_head(_without_article(normalize(target))) or target
                name = _without_conjunction(
                    _clean_name(_text(tokens[i:j], sentence)), head, _set("anonymous")
                )
                return Source(Kind.anonymous, f"{name} {tok.text} {target}")
            else:
                break
        return Source(
            Kind.anonymous,
            _without_conjunction(
                _clean_name(_text(tokens[i:j], sentence)), head, _set("anonymous")
            ),
        )

    def _last_body(self, sentence: str, before: int) -> str | None:
        """The organization named last before offset `before` ('عن مصدر في الأخير')."""
        tokens = tokenize(sentence[:before])
        words = _words(tokens)
        for k in range(len(words) - 1, -1, -1):
            n = _starts_with(words[k:], _phrases("organizations"))
            if n:
                idx = tokens.index(words[k + n - 1]) + 1
                return _clean_name(
                    _text(tokens[tokens.index(words[k]) : _definite_run(tokens, idx)], sentence)
                )
        return None


def _participle_plural(word: Token) -> bool:
    """'المعتصمون', 'المحتجون': the definite sound plural of a participle of a derived verb, in
    the subject's case, names the people doing it ('أن المعتقلين نقلوا' are those it was done
    to); a gentilic ('الحوثيون') names a people or a body."""
    bare = word.bare
    return (
        bare.startswith("الم")
        and bare.endswith("ون")
        and not bare.endswith("يون")
        and len(bare) >= MIN_PARTICIPLE_PLURAL_LETTERS
    )


def _looks_definite_adjective(word: Token) -> bool:
    return word.norm.startswith("ال") and word.norm.endswith(("ون", "ين"))


# 'المسلحون' and longer: shorter words of this shape are nouns.
MIN_PARTICIPLE_PLURAL_LETTERS = 8
# A preposition with a pronoun after a group: 'المشاركون فيها' are those of the event told.
ABOUT_IT = frozenset(
    normalize(w) for w in ("فيها", "فيه", "فيهم", "منها", "منه", "منهم", "عنها", "عنه", "بها", "به")
)


def _sound_plural_head(head: Token) -> bool:
    """'ناشطون', 'مسؤولين': many who speak, never one person named next."""
    return head.norm.endswith(("ون", "ين"))


def _in_body(token: Token) -> bool:
    """'بوزارة', 'بالحكومة': bi- glued to a body's head, the body a source is in."""
    return (
        token.norm[:1] == "ب"
        and len(token.norm) > 3
        and in_lexicon(token._replace(norm=token.norm[1:]), _set("organizations"))
    )


def _genitive_end(tokens: list[Token], head: Token, j: int) -> int:
    """Index after the genitive that names the group of an unnamed source ('قادة إسرائيل',
    'قادة مكافحة الإرهاب', 'مصادر المعارضة السورية'), when it runs to the end of the source
    phrase: a place or a state, or a noun phrase whose first definite word is a noun, after
    one indefinite noun at most. A sound plural drops its nun before a genitive: after 'مراقبون'
    the noun is the verb's object. j when there is none."""
    if j >= len(tokens) or head.bare.endswith(("ون", "ين")) or not tokens[j].is_word:
        return j
    end = _noun_phrase_end(tokens, j)
    # the phrase ends there, or an aside between commas follows: 'أعضاء كنيست، رفضوا …،'
    aside = end < len(tokens) and tokens[end].text in "،,"
    if end == j or not aside and any(t.is_word for t in tokens[end:]):
        return j
    if _is_place(tokens[j]) or tokens[j].bare in word_class("proper_bodies"):
        return end if end == j + 1 else j  # 'قادة إسرائيل'

    definite = next((k for k in range(j, min(end, j + 2)) if tokens[k].norm.startswith("ال")), None)
    if definite is None and end == j + 1 and _indefinite_group_noun(tokens[j]):
        return end  # 'أعضاء كنيست', 'أعضاء مجلس': an indefinite genitive, an unnamed group
    if (
        definite is None
        or tokens[definite].norm.endswith(("ي", "يه"))  # 'مسؤول العسكري': no noun
        or any(_is_nisba_adjective(t) for t in tokens[j:definite])  # 'مصادر محلية'
    ):
        return j
    return end


def _indefinite_group_noun(token: Token) -> bool:
    """A bare noun that can stand as an indefinite genitive: not an adjective ('مصادر محلية'),
    a number, a time of day ('مسؤول مساء') or a noun glued to li-, the hearer ('للمنظمة')."""
    return (
        token.is_word
        and not token.norm.startswith(("لل", "بال"))
        and not _is_li_genitive(token)
        and not token.norm[:1].isdigit()
        and not _looks_adjective(token)
        and not _is_nisba_adjective(token)
        and token.norm not in _number_words()
        and token.bare not in word_class("times_of_day")
    )


def _definite_nisba_after(head: Token, adjective: Token) -> bool:
    """'كبار المسؤولين الأمريكيين': a definite relational adjective agreeing with a definite
    head describes the unnamed group."""
    return (
        head.norm.startswith("ال")
        and adjective.norm.startswith("ال")
        and _is_nisba_adjective(adjective._replace(norm=adjective.norm[2:]))
        and _agrees_with_plural(head, adjective)
    )


def _agrees_with_plural(head: Token, adjective: Token) -> bool:
    """A sound masculine plural takes only a sound plural adjective: 'مراقبون غربيون', while in
    'ويرى مراقبون إمكانية …' the noun after is the object."""
    if not head.bare.endswith(("ون", "ين")):
        return True
    return adjective.norm.endswith(("ون", "ين"))

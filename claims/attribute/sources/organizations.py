"""Bodies and their documents: a body's name in the fullest form the article gives ('وزارة
الخزانة' -> 'وزارة الخزانة الأميركية'), a short name or acronym in full, a state speaking as
its government, the seat a body sits in, and a statement or report that speaks for its issuer."""

from __future__ import annotations

from claims.arabic import normalize
from claims.attribute.bodies import (
    _alias,
    _article_spelling,
    _body_name_end,
    _definite_run,
    _full_name_with_other_head,
    _led_by_end,
    _prefer_article_spelling,
)
from claims.attribute.lexicons import (
    _aliases,
    _particles,
    _place_words,
    _places,
    _set,
    _strip_conjunction,
)
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.source import Source, _ArticleSources
from claims.attribute.sources.span import (
    _names_a_circle,
    _noun_phrase_end,
    _owned_by_alias,
    _span_end,
    _unnamed_body,
)
from claims.attribute.tokens import (
    Token,
    _clean_name,
    _cue_lemma,
    _indefinite_accusative,
    _is_function_word,
    _text,
    _unglue_li,
    _without_article,
    _without_conjunction,
    _words,
    in_lexicon,
)
from claims.lexicon import word_class
from claims.models import Kind


class _Organizations(_ArticleSources):
    """Bodies and their documents: a body's name in the fullest form the article gives, a
    short name or acronym in full, a statement or report that speaks for its issuer."""

    def _statement(self, tokens, i, sentence) -> Source | None:
        """'البيان' speaks for the body that issued it; 'التحقيقات التي أجرتها X' for X;
        'تقرير صادر عن X', 'بيان للوزارة' for X."""
        if i + 1 < len(tokens) and tokens[i + 1].norm in word_class("press_adjectives"):
            # 'أفادت معلومات صحفية': unnamed media, kept as the phrase (rule 9)
            return Source(Kind.media, _clean_name(_text(tokens[i : i + 2], sentence)))
        issuer = self.parse(tokens[i + 1 : _span_end(tokens, i + 1)], sentence)
        if issuer and issuer.kind is Kind.media and self.memory.is_own_outlet(issuer.name):
            return Source(Kind.author, "")  # 'وبحسب معلومات عنب بلدي' on Enab Baladi's page
        if issuer and issuer.kind in (Kind.organization, Kind.media):
            return issuer  # 'إحصاءات وزارة الصحة', 'تقديرات الأمم المتحدة'
        for j in range(i + 1, min(len(tokens), i + 6)):
            tok = tokens[j]
            if tok.norm in _particles("subordinate") and j + 2 < len(tokens):
                agent_tokens = tokens[j + 2 :]
            elif tok.norm in ISSUER_PREPOSITIONS or tok.norm in word_class("relaying_verbs"):
                agent_tokens = tokens[j + 1 :]
            elif (
                tok.norm[:1] == "ل"
                and tok.norm not in word_class("function_words")
                and len(tok.norm) > 3
            ):
                agent_tokens = [_unglue_li(tok), *tokens[j + 1 :]]
            else:
                continue
            agent = self.parse(agent_tokens, sentence)
            if agent and agent.kind in (Kind.organization, Kind.media):
                return agent
        last = self.memory.last
        if (
            last
            and last.kind not in (Kind.organization, Kind.media)
            and last.via
            and _without_article(tokens[i].bare) == normalize("تقرير")
        ):
            # 'وقال التقرير' after 'ونقل الموقع عن ستة من المسؤولين': the relaying outlet's
            # report ('البيان' stays a body's)
            return Source(Kind.media, last.via, is_reference=True)
        earlier = (
            last
            if last and last.kind in (Kind.organization, Kind.media)
            else self.memory.last_by_kind.get(Kind.organization)
        )
        if earlier:
            return Source(earlier.kind, earlier.source, is_reference=True)
        return None

    def _organization(self, tokens, j, sentence, head: list[Token]) -> Source:
        start = tokens.index(head[0])
        quoted = _quoted_name(tokens, j, sentence)
        whole = _quoted_name(tokens, start - 1, sentence) if start else None
        if whole:
            end = whole[1] - 1  # '"فرقة السلطان مراد"': the marks hold the whole name
        elif quoted and not (
            head[-1].bare.startswith("ال")
            and quoted[1] - j == 3  # one word in its marks
            and _indefinite_accusative(tokens[j + 1])
        ):
            # 'ورصد المرصد "استياءً"': after a definite head, a quoted indefinite accusative is
            # the verb's object, not the body's name
            if normalize(quoted[0]) in _aliases():
                return Source(Kind.organization, self._alias_name(quoted[0]))
            end = quoted[1]
            if _strip_conjunction(head[0].norm, word_class("pejorative_heads")):
                return Source(Kind.organization, self._org_name(quoted[0]))
        else:
            end = _body_name_end(tokens, j, head[-1])
            if end == j and len(head) == 1 and head[0].bare.startswith("ال"):
                # 'التحالف الذي تقوده السعودية', 'التحالف بقيادة السعودية': one body, named
                # in the fullest of the two forms the article gives
                led_by = _led_by_end(tokens, end)
                if led_by > end:
                    written = _clean_name(_text(tokens[start:led_by], sentence))
                    fullest = self._org_name(_clean_name(_text(head, sentence)))
                    longer = len(fullest.split()) > len(written.split())
                    return Source(Kind.organization, fullest if longer else written)
        owned = _owner_naming_end(tokens, start, end)
        if owned > end:
            # 'لجنة التحقيق التابعة للأمم المتحدة حول حقوق الإنسان في سوريا', as written
            return Source(Kind.organization, _clean_name(_text(tokens[start:owned], sentence)))
        end = _past_body_seat(tokens, start, end)
        if (
            end + 1 < len(tokens)
            and tokens[end].norm == "من"
            and _names_a_circle(tokens, end)
            and _unnamed_body(_words(tokens[start:end]))
        ):
            # 'فصيل آخر للمعارضة من الجيش الحر': one of a group, as written
            group = tokens[end + 1]
            end = (
                _body_name_end(tokens, end + 2, group)
                if in_lexicon(group, _set("organizations"))
                else _noun_phrase_end(tokens, end + 1)
            )
            return Source(Kind.organization, _clean_name(_text(tokens[start:end], sentence)))
        name = _clean_name(_text(tokens[start:end], sentence))
        name = _without_conjunction(name, head[0], _set("organizations"))
        owner = _owned_by_alias(tokens, end, sentence)
        if owner and tokens[end - 1].norm.startswith("ال"):
            # 'المركز الإعلامي لـ"قسد"': the office of the body the short name stands for
            return Source(Kind.organization, f"{name} ل{owner}")
        return Source(Kind.organization, self._org_name(name))

    def _alias_name(self, short: str) -> str:
        """A body's short name or acronym in full when the article spells the full name
        anywhere ('البنتاغون' -> 'وزارة الدفاع الأميركية'), else as the article writes it
        ('أوتشا'): the fullest form the article gives."""
        full = _alias(short)
        spelled = _article_spelling(full, self.concordance) or _full_name_with_other_head(
            full, self.concordance
        )
        return self._org_name(spelled or short)  # 'منظمة اليونيسكو' when the article says so

    def _org_name(self, name: str) -> str:
        if name not in self._org_names:
            self._org_names[name] = self._fullest_body_name(
                _prefer_article_spelling(name, self.concordance)
            )
        return self._org_names[name]

    def _body_with_head(self, head: str) -> str | None:
        """The first body in the article named with this head noun: 'مجلس' -> 'مجلس القيادة
        الرئاسي'."""
        if head not in self._bodies_with_head:
            self._bodies_with_head[head] = next(
                (
                    _clean_name(_text(tokens[k:end], text))
                    for text, tokens, k in self._words_with_bare(head)
                    if k + 1 < len(tokens)
                    and (end := _body_name_end(tokens, k + 1, tokens[k])) > k + 1
                ),
                None,
            )
        return self._bodies_with_head[head]

    def _fullest_body_name(self, name: str) -> str:
        """The fullest form of a body's name in the article: 'وزارة الخزانة' ->
        'وزارة الخزانة الأميركية' when the article says so somewhere. A state's own name is
        whole: 'روسيا الاتحادية' elsewhere in the text is what is said of it."""
        key = normalize(name).split()
        gentilic = _gentilic_of_state(key)
        if gentilic:
            # 'تونس', 'الجانب التونسي' speak for the state: its government when the article
            # names it ('الحكومة التونسية')
            government = self._government_named(gentilic)
            if government:
                return government
        if len(key) == 1 and key[0] in word_class("proper_bodies"):
            return name
        if name not in self._fullest_bodies:
            best = name
            for p, k in self.concordance.words_with_norm(key[0]):
                words = self.concordance.words[p]
                if [w.norm for w in words[k : k + len(key)]] != key:
                    continue
                opening = k  # 'منظمة اليونيسيف': the kind of body, then its one-word name
                if k and len(key) == 1 and words[k - 1].bare in word_class("type_nouns"):
                    opening = k - 1
                elif k and in_lexicon(words[k - 1], _set("organizations")):
                    continue  # 'الأمم المتحدة' inside 'مكتب الأمم المتحدة …'
                if _after_calling_verb(words, k):
                    continue  # 'يدعو قوات سوريا الديمقراطية للانسحاب': what it is called to
                text, tokens = self.passages[p]
                at = self.concordance.word_tokens[p]
                last = at[k + len(key) - 1]
                if last - at[opening] != k - opening + len(key) - 1:
                    continue  # 'الجيش، السوري المنشأ': punctuation between, two phrases
                if last + 1 < len(tokens) and tokens[last + 1].norm in _set("organizations"):
                    continue  # 'جماعة الحوثيين الحكومة': the object, another body
                if last + 1 < len(tokens) and tokens[last + 1].norm in word_class(
                    "other_body_adjectives"
                ):
                    continue  # 'الجيش السوري الحر' is not 'الجيش السوري' in full
                end = _definite_run(tokens, last + 1)
                if end == last + 1 and len(key) == 1:
                    end = _led_by_end(tokens, end)
                end = _past_body_seat(tokens, at[opening], end)  # 'المرجعيات الدينية في القدس'
                found = _clean_name(_text(tokens[at[opening] : end], text))
                if len(found.split()) > len(best.split()):
                    best = found
            if len(key) == 2:
                best = max([best, *self._bodies_spelled_out(key)], key=lambda n: len(n.split()))
            self._fullest_bodies[name] = best
        return self._fullest_bodies[name]

    def _government_named(self, gentilic: str) -> str | None:
        """'الحكومة التونسية' as the article writes it, for the gentilic 'التونسيه'."""
        for p, k in self.concordance.words_with_norm(GOVERNMENT):
            words, at = self.concordance.words[p], self.concordance.word_tokens[p]
            if k + 1 < len(words) and words[k + 1].norm == gentilic and at[k + 1] == at[k] + 1:
                text, tokens = self.passages[p]
                return _clean_name(_text(tokens[at[k] : at[k + 1] + 1], text))
        return None

    def _bodies_spelled_out(self, key: list[str]) -> list[str]:
        """A two-word body name as the article spells it out with words between: 'جماعة
        الحوثي' -> 'جماعة أنصار الله الحوثي', 'قوات الأسد' -> 'قوات نظام بشار الأسد'."""
        found = []
        for p, k in self.concordance.words_with_norm(key[0]):
            words, at = self.concordance.words[p], self.concordance.word_tokens[p]
            for m in range(2, MAX_WORDS_SPELLED_OUT + 2):
                if k + m >= len(words) or at[k + m] - at[k] != m:
                    break  # punctuation between: another phrase
                between = words[k + 1 : k + m]
                if any(_is_function_word(w) or _cue_lemma(w) for w in between):
                    break
                if words[k + m].norm == key[1]:
                    text, tokens = self.passages[p]
                    found.append(_clean_name(_text(tokens[at[k] : at[k + m] + 1], text)))
                    break
        return found


# 'جماعة أنصار الله الحوثي' for 'جماعة الحوثي': the words a body's full name may add inside.
MAX_WORDS_SPELLED_OUT = 3


# How far before a body a verb of calling on it may stand: 'دعا المجلس المحلي قوات …'.
CALLING_VERB_REACH = 4


GOVERNMENT = normalize("الحكومة")
SIDE = normalize("الجانب")


def _gentilic_of_state(key: list[str]) -> str | None:
    """The feminine gentilic, in matching form, of a state named by its own name ('تونس' ->
    'التونسيه', 'روسيا' -> 'الروسيه') or as a side ('الجانب التونسي'); None for other bodies."""
    if len(key) == 2 and key[0] == SIDE and key[1].startswith("ال") and key[1].endswith("ي"):
        return f"{key[1]}ه"
    if len(key) != 1 or key[0] not in word_class("proper_bodies"):
        return None
    stem = key[0].removeprefix("ال")
    for ending in ("يا", "يه", "ا"):  # 'روسيا', 'السعودية', 'أمريكا'
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    return f"ال{stem}يه"


SEAT_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "لدى"))
# A national or general body ('المؤسسة الوطنية للنفط', 'هيئة الأركان العامة') is the one of its
# kind: the place after it says where it sits, not which it is.
ONE_OF_ITS_KIND = frozenset(normalize(w) for w in ("الوطني", "الوطنية", "العام", "العامة"))


def _past_seat(tokens: list[Token], end: int) -> int:
    """Past the place a body sits in or is accredited to, part of its name: 'الدفاع المدني في
    محافظة حمص', 'بعثة الأمم المتحدة للدعم في ليبيا', 'السفارة الأميركية لدى ليبيا'."""
    if end + 1 >= len(tokens) or tokens[end].norm not in SEAT_PREPOSITIONS:
        return end
    place = tokens[end + 1]
    if place.bare in _place_words() and end + 2 < len(tokens) and tokens[end + 2].is_word:
        return end + 3  # 'في محافظة حمص'
    return end + 2 if place.bare in _places() else end


def _past_body_seat(tokens: list[Token], start: int, end: int) -> int:
    """Past the seat of the body named by tokens[start:end], unless it is the one of its kind
    ('المؤسسة الوطنية للنفط في ليبيا' is the one: the place says where it sits)."""
    if any(t.norm in ONE_OF_ITS_KIND for t in tokens[start:end]):
        return end
    return _past_seat(tokens, end)


def _after_calling_verb(words: list[Token], k: int) -> bool:
    """Word k follows a verb of calling on someone ('دعا', 'طالب'), whose complement comes
    after the body it calls on."""
    for word in words[max(0, k - CALLING_VERB_REACH) : k]:
        lemma = _cue_lemma(word)
        if lemma and normalize(lemma) in word_class("calling_verbs"):
            return True
    return False


def _owner_naming_end(tokens: list[Token], start: int, end: int) -> int:
    """Index after the owner and the subject that name a body whose own name is only a head and
    a common noun ('لجنة التحقيق التابعة للأمم المتحدة حول حقوق الإنسان في سوريا'); `end` when
    the body has a name of its own ('برنامج الأغذية العالمي التابع للأمم المتحدة')."""
    common = tokens[start + 1] if end - start == 2 else None
    if (
        common is None
        or tokens[start].norm.startswith("ال")
        or not common.norm.startswith("ال")
        or common.norm.endswith(("ي", "يه"))
        or end + 1 >= len(tokens)
        or tokens[end].norm not in word_class("describing_adjectives")
        or not tokens[end + 1].norm.startswith("ل")
    ):
        return end
    owned = _definite_run(tokens, end + 1)
    if owned + 1 < len(tokens) and tokens[owned].norm in ("حول", "بشان"):
        owned = _past_seat(tokens, _noun_phrase_end(tokens, owned + 1))
    return owned


# 'تقرير صادر عن المنظمة', 'بيان لـ"الهيئة"': the preposition before a document's issuer.
ISSUER_PREPOSITIONS = frozenset({"عن", "ل", "لـ"})

"""The source phrase classified (`SourceParser.parse`): a named person, a body, an outlet, an
anonymous source, a document and its issuer, or a reference back to a source named before
('وأضاف المصدر', 'بيان المجلس'), tried in that order against the lexicons and the article's
memory."""

from __future__ import annotations

from claims.arabic import normalize
from claims.attribute.bodies import _is_nisba_adjective
from claims.attribute.lexicons import (
    CONJUNCTIONS,
    _aliases,
    _first_names,
    _name_form,
    _particles,
    _phrases,
    _references,
    _set,
    _strip_conjunction,
)
from claims.attribute.names import _opens_with_given_name, _plain_word
from claims.attribute.sources.anonymous import (
    ABOUT_IT,
    _agrees_with_plural,
    _Anonymous,
    _looks_definite_adjective,
    _participle_plural,
    _sound_plural_head,
)
from claims.attribute.sources.outlets import MEDIA_NOUNS
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.roles import _Roles
from claims.attribute.sources.source import Source
from claims.attribute.sources.span import (
    _before_circumstantial,
    _is_li_genitive,
    _is_number,
    _office_owner,
    _owned_by_alias,
    _without_quoting_noun,
)
from claims.attribute.tokens import (
    Token,
    _clean_name,
    _comma_chunks,
    _is_function_word,
    _starts_with,
    _stem,
    _text,
    _without_article,
    _words,
    in_lexicon,
)
from claims.lexicon import word_class
from claims.models import Kind


class SourceParser(_Anonymous, _Roles):
    """Classifies a source phrase against the lexicons and the article's memory. Each kind of
    phrase is read by the part of the reading it inherits: `_People` and `_Roles`,
    `_Organizations`, `_Outlets`, `_Anonymous`; the phrases that name back are read here."""

    def parse(self, tokens: list[Token], sentence: str) -> Source | None:
        tokens = [t for t in tokens if t.text not in "،,:؛"] if len(_words(tokens)) <= 1 else tokens
        tokens = _before_circumstantial(_without_quoting_noun(tokens))
        words = _words(tokens)
        if not words:
            return None
        first = words[0]
        i0 = tokens.index(first)

        if (
            len(words) > 2
            and first.bare in word_class("agent_roles")
            and words[1].norm in _set("titles")
            and not words[2].norm.startswith("ال")
        ):
            # 'مبعوث الرئيس روحاني' is the president's envoy: the person the article names
            # with that role ('مبعوث الرئيس الإيراني، مرتضى سرمدي'), not the president
            agent = self._last_named_after_role(_clean_name(_text(words[:2], sentence)))
            if agent:
                return Source(Kind.named_person, agent, is_reference=True)
        one_unnamed = _starts_with(words, _phrases("anonymous")) and not _sound_plural_head(first)
        if (first.norm in _set("titles") or one_unnamed) and not any(
            _name_form(w.text) in _first_names() for w in words
        ):
            holder = self._holder_named_next(words, sentence)
            if holder:
                return Source(Kind.named_person, holder, is_reference=True)
        if first.norm in _set("titles") and not self.person(tokens, sentence):
            # 'وقال الرئيس السوري' in an article that says 'الرئيس السوري بشار الأسد'
            role = _words(_comma_chunks(tokens)[0])
            holder = self._role_holder(role) or self._family_name_with_title(role)
            if holder:
                return Source(Kind.named_person, holder, is_reference=True)
        reference = _strip_conjunction(first.norm, _references())
        # 'وأعلن الحزب استهداف …', 'وأعلن التنظيم، عبر وكالة أعماق، …': the noun and its
        # qualifiers, not the object or setting after them
        qualified = words[: 1 + len(_qualifiers(tokens[i0 + 1 :]))]
        if len(qualified) < len(words) and (
            _is_li_genitive(words[len(qualified)]) or words[len(qualified)].norm == "باسم"
        ):
            qualified = words  # 'المكتب الإعلامي لفيلق الرحمن': whose it is names it afresh
        if reference and len(_before_relative_clause(qualified)) <= 3:
            named = self.person(tokens, sentence) if len(words) > 1 else None
            if named and named.kind is Kind.named_person:
                return named  # 'الرئيس فلاديمير بوتين': the name given, not the last president
            resolved = self._resolve_reference(_references()[reference], tokens, i0, sentence)
            if resolved:
                return resolved
        if len(words) == 1 and first.bare.startswith("ال"):
            # 'وأضاف المهندسون' after 'عن مهندسين في الحقل': a definite noun naming back.
            earlier = self.memory.named_with(_stem(first.bare))
            # 'وقال الحوثيون' after 'عبد الملك الحوثي': a plural names the group, not one man
            if earlier and not (
                earlier.kind is Kind.named_person and first.bare.endswith(("ون", "ين"))
            ):
                return Source(earlier.kind, earlier.source, is_reference=True)

        if (
            _participle_plural(first)
            and not self.memory.named_with(_stem(first.bare))
            and not (len(words) > 1 and words[1].norm in ABOUT_IT)
        ):
            # 'وطالب المعتصمون بالإفراج …': the people doing it, unnamed ('طالب المشاركون
            # فيها' are those of the event just told)
            n = 1
            while (
                n < len(words)
                and _agrees_with_plural(first, words[n])
                and _looks_definite_adjective(words[n])
            ):
                n += 1
            return Source(Kind.anonymous, _clean_name(_text(words[:n], sentence)))
        if first.norm in _set("titles") and first.norm not in _set("anonymous"):
            person = self.person(tokens, sentence)  # 'الناشط الإعلامي …، عامر هويدي'
            if person:
                return person
            if (
                first.bare in word_class("professions")
                and len(words) > 1
                and words[1].norm.startswith("ال")
                and words[1].norm.endswith(("ي", "يه"))
            ):
                # 'استهجن الأكاديمي الإماراتي' after 'أستاذ العلوم السياسية الإماراتي فلان':
                # the one person who spoke, introduced with that gentilic.
                introduced = self._sole_speaker_after(words[1].norm)
                if introduced:
                    return Source(Kind.named_person, introduced, is_reference=True)
            earlier = self.memory.last_by_kind.get(Kind.named_person)
            if (
                earlier
                and first.bare.startswith("ال")
                and (
                    all(
                        w.norm in _set("titles")
                        or _is_nisba_adjective(w)
                        or w.norm.startswith("ال")
                        for w in words
                    )
                    and len(words) <= 2
                    or _title_where(_words(_comma_chunks(tokens)[0]))
                )
            ):
                # 'وأردف الشيخ العشائري', 'وأكملت الأستاذة في جامعة أوكسفورد' after the
                # person was named: the same person.
                return Source(Kind.named_person, earlier.source, is_reference=True)
            last = self.memory.last
            if (
                len(words) == 1
                and first.bare in word_class("spokesmen")
                and last
                and last.kind is Kind.anonymous
            ):
                # 'وأضاف المتحدث' after 'مسؤول بوزارة النقل': the one who spoke goes on
                return Source(last.kind, last.source, is_reference=True)
            if not _starts_with(words, _phrases("organizations")):
                # 'وأضاف عضو اللجنة' after 'عضو في اللجنة المركزية …': the same unnamed member.
                named_back = self._named_back(first, _words(_comma_chunks(tokens)[0]))
                if named_back:
                    return named_back
                role = _comma_chunks(tokens)[0]
                body = self._spokesman_of(role, sentence)
                if body:
                    return body
                # An unnamed official is an anonymous source: 'مدير المكتب السياسي للفرقة';
                # a government's minister ('وزير الدفاع الروسي') is one known person.
                described = _before_relative_clause(_words(role))  # '… التي تجري منذ يومين'
                one_known = (
                    first.norm in word_class("offices")
                    and len(described) > 1
                    and described[1].norm.startswith("ال")
                )
                office = _clean_name(_text(role[: role.index(described[-1]) + 1], sentence))
                for k in range(1, len(role)):
                    owner = _office_owner(role, k, sentence)
                    if owner:
                        # 'مدير المكتب السياسي لـ"لواء الفتح" التابع للجيش': the body's office
                        office = f"{_clean_name(_text(role[:k], sentence))} ل{owner}"
                        break
                holder = self._last_speaker_holding(office) if one_known else None
                if holder:
                    return Source(Kind.named_person, holder, is_reference=True)
                return Source(Kind.named_person if one_known else Kind.anonymous, office)
        if _starts_with(words, _phrases("anonymous")):
            if first.bare.startswith("ال"):
                # 'وقال المسؤولون الحاليون والسابقون في الوزارة' after 'مسؤولين حاليين
                # وسابقين في الوزارة': the same unnamed sources
                named_back = self._named_back(first, words)
                if named_back:
                    return named_back
            chunks = _comma_chunks(tokens)
            if first.norm in _set("titles") and len(chunks) > 1:
                # 'مسؤول العلاقات في الجبهة الشامية، سعد طيبة، قال': the role's holder is named
                # after the comma, by a given name ('مسؤول أميركي، طلب عدم الكشف عن اسمه' is not)
                named = self.person(chunks[1], sentence)
                if named and _opens_with_given_name(chunks[1], 0):
                    return named
            return self._anonymous(tokens, i0, sentence)
        if first.norm in MOST_OF and len(words) > 1:
            # 'وأعلنت أغلب الدول أن …': most of a kind of body speak as those bodies
            most = self.parse(tokens[tokens.index(words[1]) :], sentence)
            if most and most.kind in (Kind.organization, Kind.anonymous):
                # as written: 'الدول' here is no body the article names in full elsewhere
                most_of = words[: 2 + len(_qualifiers(tokens[tokens.index(words[1]) + 1 :]))]
                return Source(most.kind, _clean_name(_text(most_of, sentence)))
        if _is_number(first) or _strip_conjunction(first.norm, word_class("quantifiers")):
            # 'وقال أربعة مسؤولين فلسطينيين', 'ستة من كبار المسؤولين': unnamed sources, counted;
            # 'ويقول كثير من اللاجئين', 'وقال بعض السكان': counted by a word of quantity
            head = 1
            while head < len(words) - 1 and words[head].norm in word_class("counted_links"):
                head += 1
            if head < len(words) and _starts_with(words[head:], _phrases("anonymous")):
                counted = self._anonymous(tokens, tokens.index(words[head]), sentence)
                count = _text(tokens[i0 : tokens.index(words[head])], sentence)
                return Source(Kind.anonymous, f"{count} {counted.name}")
        outlet = self._bare_outlet(words)
        if outlet:
            return Source(Kind.media, outlet)
        n = _starts_with(words, _phrases("media"))
        if n and n >= _starts_with(words, _phrases("organizations")):
            return self._media(tokens, tokens.index(words[n - 1]) + 1, sentence, words[:n])
        if in_lexicon(first, _set("statements")):
            return self._statement(tokens, i0, sentence)
        alias = _strip_conjunction(first.norm, _aliases())
        if alias:
            written = first.text if first.norm == alias else first.text[1:]  # 'وقسد'
            return Source(Kind.organization, self._alias_name(written))
        if first.norm in _set("titles") or _name_form(first.text) in _first_names():
            person = self.person(tokens, sentence)
            if person:
                return person
        n = _starts_with(words, _phrases("organizations"))
        if n:
            return self._organization(tokens, tokens.index(words[n - 1]) + 1, sentence, words[:n])
        person = self.person(tokens, sentence)
        quoted = _quoted_name(tokens, 0, sentence)
        if (
            person is None
            and quoted
            and quoted[1] == len(tokens)
            and all(_plain_word(w) for w in words)  # a name, not words said: '"لن ننسحب"'
        ):
            if len(words) == 1 and sentence[tokens[-1].end :].lstrip().startswith(":"):
                # 'يقول "هوفمان": …': one unknown word the writer sets off before the words
                # said is a person, named in full where the article gives a name before it
                in_full = (
                    self._given_name_before(words[0])
                    if not words[0].norm.startswith("ال")
                    else None
                )
                if in_full:
                    return Source(Kind.named_person, in_full)
            if _without_article(words[0].bare) in word_class("outlet_heads") | MEDIA_NOUNS:
                # '"الإعلام الحربي" أعلن …', '«قناة المنار»': an outlet by its head noun
                return Source(Kind.media, quoted[0])
            # '«الدعم السريع» تعلن …': a group named in quotation marks speaks as a body.
            return Source(Kind.organization, self._alias_name(quoted[0]))
        return person

    def _named_back(self, head: Token, words: list[Token]) -> Source | None:
        """The latest source named before with this head whose words hold all these words, as
        stems less their conjunction: 'عضو اللجنة' after 'عضو في اللجنة المركزية'."""
        if self.memory.named_with(head.bare) is None:
            return None  # no source so named: the common case, without a pass over them
        said = {_stem(w.bare) for w in words}
        for earlier in reversed(self.memory.speakers):
            if said <= _stems(earlier.source):
                return Source(earlier.kind, earlier.source, is_reference=True)
        return None

    def _spokesman_of(self, role: list[Token], sentence: str) -> Source | None:
        """'الناطق باسم الجيش الإسرائيلي' with no name speaks for the body: that body."""
        words = _words(role)
        if words[0].norm not in word_class("spokesmen"):
            return None
        at = next((k for k, w in enumerate(words[1:3], 1) if w.norm == "باسم"), None)
        if at is None or at + 1 >= len(words):
            return None
        body = self.parse(role[role.index(words[at + 1]) :], sentence)
        return body if body and body.kind is Kind.organization else None

    def _resolve_reference(self, kind_name: str, tokens, i0, sentence) -> Source | None:
        wanted = {
            "person": Kind.named_person,
            "anonymous": Kind.anonymous,
            "organization": Kind.organization,
            "media": Kind.media,
        }[kind_name]
        head = _without_article(_strip_conjunction(tokens[i0].norm, _references()) or "")
        if _owned_by_alias(tokens, i0 + 1 + len(_qualifiers(tokens[i0 + 1 :])), sentence):
            return None  # 'المركز الإعلامي لـ"قسد"': a body named afresh by whose it is
        speaker = self.memory.named_with(head) or self.memory.last_by_kind.get(wanted)
        if speaker and _of_group_named(speaker.source, head):
            speaker = None  # 'الجيش' after 'فصيل آخر من الجيش الحر': the group, not the faction
        # 'الجيش الإسرائيلي' names a body afresh unless the body named before is that one;
        # 'وأضافت الوزارة في بيانها' qualifies it with nothing: the setting follows.
        qualifiers = {_without_article(w.norm) for w in _qualifiers(tokens[i0 + 1 :])}
        if wanted is Kind.media:
            if self._bare_outlet(_words(tokens[i0:])):
                return None  # 'الوكالة الألمانية': a known outlet's own short name
            # 'تقرير الصحيفة الأمريكية' after 'صحيفة "واشنطن بوست"': an outlet's nationality
            # describes it, its name does not hold it
            qualifiers = {q for q in qualifiers if not q.endswith(("ي", "يه"))}
        if speaker is None and wanted is Kind.organization:
            named = self._body_with_head(
                head
            )  # 'بيان المجلس' in an article on 'مجلس القيادة الرئاسي'
            if named is None or not qualifiers <= _name_words(named):
                return None  # 'المجلس الوطني للمقاومة' in an article on 'مجلس التعاون'
            return Source(Kind.organization, named, is_reference=True)
        if speaker is None and wanted is Kind.media:
            # 'وبحسب الصحيفة' after 'كشفت صحيفة X، نقلاً عن مسؤولين': the paper that relayed.
            via = self.memory.latest_via()
            # 'وتوقعت القناة' after 'عرضتها قناة "سي أن أن"': the one channel the article names
            via = via or self._outlet_with_head(head)
            return Source(Kind.media, via, is_reference=True) if via else None
        if speaker is None:
            return None
        if wanted in (Kind.organization, Kind.media) and not qualifiers <= _name_words(
            speaker.source
        ):
            return None
        return Source(speaker.kind, speaker.source, is_reference=True)


# 'وأعلنت أغلب الدول أن …': most of a kind of body, who speak as those bodies.
MOST_OF = frozenset(normalize(w) for w in ("أغلب", "معظم", "غالبية", "أكثرية"))


def _qualifiers(tokens: list[Token]) -> list[Token]:
    """The words that qualify a reference noun: its definite adjectives and genitives and a
    number ('القناة 20 الإسرائيلية'), up to the first other word ('الوزارة في بيانها')."""
    taken = []
    for word in _words(tokens):
        if (
            not (word.norm.startswith(("ال", "لل")) or word.norm.isdigit())
            or _is_function_word(word)
            or word.norm in _particles("subordinate")
        ):
            break
        taken.append(word)
    return taken


def _name_words(name: str) -> set[str]:
    return {_without_article(w) for w in normalize(name).split()}


def _before_relative_clause(words: list[Token]) -> list[Token]:
    """The words before a relative clause, which describes the source without naming it:
    'المصدر الذي رفض الكشف عن اسمه'."""
    for k, word in enumerate(words):
        if k and word.norm in _particles("subordinate"):
            return words[:k]
    return words


def _of_group_named(name: str, head: str) -> bool:
    """The head names only the group after 'من' in this source's name: 'الجيش' in 'فصيل آخر
    للمعارضة من الجيش السوري الحر'."""
    words = normalize(name).split()
    if "من" not in words:
        return False
    at = words.index("من")
    stem = _stem(head)
    return all(_stem(w) != stem for w in words[:at]) and any(
        _stem(w) == stem for w in words[at + 1 :]
    )


def _stems(name: str) -> set[str]:
    """The stems of a name's words, less a leading و/ف as `Token.bare` has it."""
    return {
        _stem(w[1:] if w[:1] in CONJUNCTIONS and len(w) > 3 else w) for w in normalize(name).split()
    }


# 'الأستاذة في جامعة أوكسفورد': a definite title and where its holder works.
MAX_TITLE_WHERE_WORDS = 5


def _title_where(words: list[Token]) -> bool:
    """A definite title and the place or body its holder works in, with no name: 'الأستاذة
    في جامعة أوكسفورد'."""
    return (
        2 < len(words) <= MAX_TITLE_WHERE_WORDS
        and words[1].norm == "في"
        and all(_plain_word(w) or w.norm.startswith("ال") for w in words[2:])
        and not any(_opens_with_given_name(words, k) for k in range(2, len(words)))
    )

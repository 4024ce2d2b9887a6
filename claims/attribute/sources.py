"""The source phrase: a named person, a body, an outlet, an anonymous source, a document and
its issuer, or a reference back to a source named before (`SourceParser`); and where the
phrase ends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from claims.arabic import normalize, normalize_key, normalize_sentence, normalize_word
from claims.attribute.bodies import (
    _alias,
    _article_spelling,
    _body_name_end,
    _definite_run,
    _full_name_with_other_head,
    _is_nisba_adjective,
    _led_by_end,
    _looks_adjective,
    _prefer_article_spelling,
)
from claims.attribute.concordance import Concordance
from claims.attribute.lexicons import (
    CONJUNCTIONS,
    _aliases,
    _first_names,
    _name_form,
    _number_words,
    _outlet_max_words,
    _outlet_spellings,
    _outlets,
    _particles,
    _phrases,
    _place_words,
    _places,
    _public_figures,
    _references,
    _set,
    _strip_conjunction,
)
from claims.attribute.memory import Memory
from claims.attribute.names import (
    DEFINITE_FORMS,
    MAX_NAME_WORDS,
    PRONOUN_SUFFIXES,
    _after_title,
    _family_name_after_role,
    _is_quoting_noun,
    _name_at,
    _opens_with_given_name,
    _plain_word,
    _unknown_given_name_before,
)
from claims.attribute.tokens import (
    QUOTES,
    STRAIGHT_QUOTES,
    Token,
    _clean_name,
    _comma_chunks,
    _cue_lemma,
    _glued_hearer,
    _indefinite_accusative,
    _is_function_word,
    _starts_with,
    _stem,
    _text,
    _unglue_li,
    _without_article,
    _without_conjunction,
    _words,
    in_lexicon,
    tokenize,
)
from claims.lexicon import word_class
from claims.models import Kind


@dataclass
class Source:
    kind: Kind
    name: str
    is_reference: bool = False  # resolved to a source named earlier


def _quoted_name(tokens: list[Token], i: int, sentence: str) -> tuple[str, int] | None:
    """A name in quotes or brackets starting at token i: ('فرات بوست', index after it)."""
    if i >= len(tokens) or tokens[i].text not in QUOTES + "(":
        return None
    for j in range(i + 1, min(len(tokens), i + 8)):
        if tokens[j].text in QUOTES + ")":
            inner = tokens[i + 1 : j]
            if not inner and j == i + 1:
                return _quoted_name(tokens, j, sentence)  # a stray mark: 'صحيفة " "X"'
            if inner and (all(t.is_word for t in inner) or _initials(inner)):
                return _clean_name(_text(inner, sentence)), j + 1
            return None
    return None


# 'قناة (إن. تي. في)', 'وكالة "أ. ف. ب"': an outlet's initials, letters written with dots.
MAX_INITIAL_LETTERS = 2


def _initials(inner: list[Token]) -> bool:
    """Words of one or two letters, each but perhaps the last followed by a dot."""
    words = inner[::2]
    dots = inner[1::2]
    return (
        len(words) >= 2
        and all(t.is_word and len(t.text) <= MAX_INITIAL_LETTERS for t in words)
        and all(t.text == "." for t in dots)
    )


# 'صحيفة " "نيزافيسيمايا غازيتا"', 'وكالة أنباء النظام "سانا"': words before an outlet's
# quoted name.
MAX_WORDS_BEFORE_QUOTED_NAME = 3


def _quoted_name_after(tokens: list[Token], i: int, sentence: str) -> tuple[str, int] | None:
    """A quoted name at token i, or after a few words that qualify an outlet's kind."""
    for k in range(i, min(len(tokens), i + MAX_WORDS_BEFORE_QUOTED_NAME + 1)):
        quoted = _quoted_name(tokens, k, sentence)
        if quoted:
            # '"إن الجيش تقدم"' is words said; '"سي إن إن"' a known outlet's name
            said = (
                not _names_known_outlet(tokens, k, quoted[1])
                and not _initials(tokens[k + 1 : quoted[1] - 1])
                and any(_is_said(t) for t in tokens[k : quoted[1]])
            )
            return None if said else quoted
        tok = tokens[k]
        if not tok.is_word or _is_function_word(tok) or _is_said(tok):
            return None
    return None


def _names_known_outlet(tokens: list[Token], opening: int, after: int) -> bool:
    """The words between the quotation marks at `opening` and before `after` spell a known
    outlet."""
    return tuple(t.norm for t in tokens[opening + 1 : after - 1]) in _outlets()


def _is_said(token: Token) -> bool:
    """A reporting verb or a complementizer: words said, or their frame, not a name."""
    return bool(_cue_lemma(token)) or token.norm in _particles("complement")


def _is_li_genitive(token: Token) -> bool:
    """'للنظام', 'لميليشيات': a noun glued to li-, which says whose."""
    return token.norm.startswith("لل") or (
        token.norm[:1] == "ل" and len(token.norm) > 3 and not _is_function_word(token)
    )


MAX_NOUN_PHRASE_WORDS = 5


def _noun_phrase_end(tokens: list[Token], i: int) -> int:
    """Index after a place or body named by a chain of nouns: 'حكومة ولاية شمال دارفور',
    'قيادة عمليات نينوى', 'إدارة المطار'; it stops at punctuation, verbs and particles."""
    j = i
    while j < len(tokens) and j - i < MAX_NOUN_PHRASE_WORDS:
        tok = tokens[j]
        if (
            not tok.is_word
            or _is_function_word(tok)
            or _cue_lemma(tok)
            or tok.norm in _particles("complement")
            or tok.norm in _particles("subordinate")
            or _is_quoting_noun(tok)
            or (j > i and _glued_hearer(tok))
            or (j > i and _ends_construct(tokens[j - 1], tok))
            or (
                j > i
                and tokens[j - 1].bare in _places()  # 'ناشطون في درعا' | 'الأفرع الأمنية'
                and not (tok.norm.startswith("ال") and tok.norm.endswith(("ي", "يه")))
            )  # but 'في الغوطة الشرقية'
        ):
            break
        j += 1
    return j


def _ends_construct(previous: Token, token: Token) -> bool:
    """A definite noun closes a chain of nouns; only its adjectives (relational, a feminine
    participle, a feminine noun's feminine adjective) and a genitive with li- follow:
    'أبناء المنطقة' | 'الأجهزة الأمنية', but 'القيادة العامة للقوات المسلحة'."""
    if not previous.norm.startswith(("ال", "لل")):
        return False
    norm = token.norm
    if norm.startswith("وال"):
        return False  # 'وزارة الخارجية والمغتربين': a second genitive joined to the first
    # 'الفصائل المسلحة', and after a feminine noun its feminine adjective: 'القيادة العامة'
    feminine = norm.endswith("ه") and (
        norm.startswith("الم") and len(norm) > 5 or previous.norm.endswith("ه")
    )
    return not (
        norm.startswith("لل") or norm.startswith("ال") and (norm.endswith(("ي", "يه")) or feminine)
    )


def is_public_figure(name: str) -> bool:
    """A surname the news uses alone for one well-known person (`claims/lexicon/people.txt`)."""
    return normalize_key(name) in _public_figures()


class SourceParser:
    """Classifies a source phrase against the lexicons and the article's memory."""

    def __init__(self, memory: Memory, passages: list[tuple[str, list[Token]]]) -> None:
        self.memory = memory
        self.passages = passages  # the article's sentences and tokens, for names' fullest forms
        self.concordance = Concordance(passages)
        # What the article says anywhere, looked up once for each name, role or word asked of.
        self._fullest_bodies: dict[str, str] = {}
        self._org_names: dict[str, str] = {}
        self._bodies_with_head: dict[str, str | None] = {}
        self._outlets_with_head: dict[str, str | None] = {}
        self._fullest_outlets: dict[str, str] = {}
        self._named_with_role: dict[tuple[str, tuple[str, ...]], set[str]] = {}
        self._family_name_places: dict[str, tuple[bool, bool]] = {}

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
        if _is_number(first):
            # 'وقال أربعة مسؤولين فلسطينيين', 'ستة من كبار المسؤولين': unnamed sources, counted
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

    def _last_speaker_holding(self, office: str) -> str | None:
        """'وأكد وزير الخارجية' right after 'قال الشيخ صباح خالد الحمد الصباح النائب الأول
        لرئيس مجلس الوزراء وزير الخارجية الكويتي إن …': the person who just spoke, when the
        article gave the office among the roles following the name (rule 1)."""
        last = self.memory.last
        if last is None or last.kind is not Kind.named_person:
            return None
        return last.source if self._role_beside(last.source, office, after_name=True) else None

    def _last_named_after_role(self, role: str) -> str | None:
        """The person named last, when the article gives this role shortly before the name:
        'مبعوث الرئيس' in 'مبعوث الرئيس الفرنسي إلى المغرب، أحمد الراشد'."""
        last = self.memory.last_by_kind.get(Kind.named_person)
        if last is None:
            return None
        return last.source if self._role_beside(last.source, role, after_name=False) else None

    @cached_property
    def _passage_index(self) -> dict[str, int]:
        """Where each passage stands in the article, by its text (the first of copies)."""
        index: dict[str, int] = {}
        for p, (text, _tokens) in enumerate(self.passages):
            index.setdefault(text, p)
        return index

    def _holder_named_next(self, role: list[Token], sentence: str) -> str | None:
        """'كشف قيادي في "الفرقة 13" …' then 'وقال القيادي، الرائد موسى أبو حمود، …': a role
        left unnamed whose holder the next sentence names with that role is that person, the
        fullest form the article gives. The role is its head and the noun it governs."""
        p = self._passage_index.get(sentence)
        if p is None or p + 1 >= len(self.passages):
            return None
        key = [_without_article(role[0].norm)]
        if len(role) > 1 and not role[1].norm.startswith("ال") and not _is_function_word(role[1]):
            key.append(role[1].norm)  # 'رئيس أركان', not 'قيادي في'
        said_with_role = re.compile(r"(?:^|\s)(?:ال)?" + r"\s+".join(map(re.escape, key)) + r"\b")
        # 'أركان الجيش' after 'رئيس', 'النحاس يريد' after 'السيد' are no names (the article's
        # names are asked of for every role: their matching forms are remembered)
        people = [
            n
            for n in self.memory.names
            if not normalize_word(n).startswith("ال")
            and not any(normalize_word(w) in _set("organizations") for w in n.split())
        ]
        phrase = normalize(" ".join(w.text for w in role))
        if any(
            normalize_word(name) in phrase
            and _without_article(normalize_word(name.split()[0])) not in key
            for name in self.memory.names
        ):
            return None  # 'رئيس المخابرات السابق تركي الفيصل' names its holder itself
        following = self._passage_forms[p + 1]
        holders = set()
        for name in people:
            at = following.find(normalize_word(name))
            if at >= 0 and said_with_role.search(following, max(0, at - MAX_ROLES_AFTER_NAME), at):
                holders.add(name)
        # 'أبو حمود' inside 'موسى أبو حمود': one person, in the fullest form
        fullest = {h for h in holders if not any(h != o and h in o for o in holders)}
        return fullest.pop() if len(fullest) == 1 else None

    def _sole_speaker_after(self, gentilic: str) -> str | None:
        """The one person who spoke before whom the article names right after this gentilic
        ('… الروسي سيرغي لافروف'), when only one fits."""
        people = {s.source for s in self.memory.speakers if s.kind is Kind.named_person}
        fits = {
            name
            for name in people
            if any(f"{gentilic} {normalize(name)}" in form for form in self._passage_forms)
        }
        return fits.pop() if len(fits) == 1 else None

    @cached_property
    def _passage_forms(self) -> list[str]:
        """The matching form of each passage, made once for the look-ups of roles by name."""
        return [normalize_sentence(text) for text, _tokens in self.passages]

    def _role_beside(self, name: str, role: str, *, after_name: bool) -> bool:
        """Whether a passage gives the role within MAX_ROLES_AFTER_NAME characters after the
        name (its first mention there) or before it."""
        name, role = normalize(name), normalize(role)
        for form in self._passage_forms:
            at = form.find(name)
            if at < 0:
                continue
            if after_name:
                if 0 <= form.find(role, at) - at - len(name) <= MAX_ROLES_AFTER_NAME:
                    return True
            elif (before := form.rfind(role, 0, at)) >= 0 and (
                at - before - len(role) <= MAX_ROLES_AFTER_NAME
            ):
                return True
        return False

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

    # -- each kind of phrase

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

    def _outlet_with_head(self, head: str) -> str | None:
        """The outlet the article names with this kind of outlet before its own name ('قناة
        "سي أن أن"' for 'القناة'), when it names one only."""
        if head not in word_class("outlet_heads"):
            return None
        if head not in self._outlets_with_head:
            named = set()
            for text, tokens, k in self._words_with_bare(head):
                if k + 1 < len(tokens):
                    outlet = self._media(tokens, k + 1, text, [tokens[k]])
                    if outlet.kind is Kind.media and normalize(outlet.name) != head:
                        named.add(outlet.name)
            self._outlets_with_head[head] = named.pop() if len(named) == 1 else None
        return self._outlets_with_head[head]

    def _words_with_bare(self, bare: str) -> Iterator[tuple[str, list[Token], int]]:
        """Each word of the article of this form less a leading و/ف, as (its passage's text,
        the passage's tokens, its position among them), in reading order."""
        for p, k in self.concordance.words_with_bare(bare):
            text, tokens = self.passages[p]
            yield text, tokens, self.concordance.word_tokens[p][k]

    def _role_holder(self, role: list[Token]) -> str | None:
        """The person the article names with this role anywhere: 'وزير الخارجية التركي' ->
        'مولود تشاووش أوغلو' from 'وزير الخارجية التركي، مولود تشاووش أوغلو' or from
        'مولود تشاووش أوغلو، وزير الخارجية التركي'. A role of one word names no one. Words
        after the role that the phrase ran on into are let go one by one from its end, never a
        relational adjective that narrows it."""
        while len(role) >= MIN_ROLE_WORDS:
            key = (role[0].bare, tuple(w.norm for w in role[1:]))
            if key not in self._named_with_role:
                self._named_with_role[key] = self._names_with_role(*key)
            holders = {self.memory.full_name(named) for named in self._named_with_role[key]}
            if holders:
                # 'وزير الخارجية' in an article on two foreign ministers names neither
                return holders.pop() if len(holders) == 1 else None
            if role[-1].norm.endswith(("ي", "يه", "يون", "يين")):
                return None  # 'وزير الدفاع الروسي' is not any 'وزير الدفاع'
            role = role[:-1]  # 'الرئيس التركي التأكيد': the verb's object ran on
        return None

    def _family_name_with_title(self, role: list[Token]) -> str | None:
        """The one person the article names by a family name after this role's title ('وزير
        الخارجية السعودي' in an article on 'الوزير الجبير'), when the role names no one in full.
        A role of one word names no one."""
        if len(role) < MIN_ROLE_WORDS:
            return None
        head = role[0].norm if role[0].norm in _set("titles") else role[0].bare  # 'وزير'
        title = "ال" + _without_article(head)
        named = set()
        for text, tokens, k in self._words_with_bare(title):
            after = _words(tokens[k + 1 : k + 2])
            family_name = self._lone_family_name(after, text) if after else None
            if family_name:
                named.add(self.memory.full_name(family_name))
        return named.pop() if len(named) == 1 else None

    def _names_with_role(self, first: str, rest: tuple[str, ...]) -> set[str]:
        """The names the article puts right after or right before this role."""
        names = set()
        for p, k in self.concordance.words_with_bare(first):
            words = self.concordance.words[p]
            if (
                k >= len(words) - len(rest)
                or tuple(w.norm for w in words[k + 1 : k + 1 + len(rest)]) != rest
            ):
                continue
            text, tokens = self.passages[p]
            at = self.concordance.word_tokens[p]
            named = _name_after_role(tokens, at[k + len(rest)] + 1, text) or _name_before_role(
                tokens, at[k], text
            )
            if named:
                names.add(named)
        return names

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

    def _media(self, tokens, j, sentence, head: list[Token]) -> Source:
        if _without_article(head[-1].bare) == normalize("موقع") and _starts_with(
            _words(tokens[j:]), _phrases("organizations")
        ):
            # 'موقع الأمم المتحدة', 'موقع وزارة الدفاع': a body's own website speaks for it
            body = self.parse(tokens[j:], sentence)
            if body and body.kind is Kind.organization:
                return body
        if (
            _without_article(head[-1].bare) == normalize("موقع")
            and j < len(tokens)
            and tokens[j].norm.startswith("ال")
            and _without_article(tokens[j].norm) in word_class("outlet_heads")
        ):
            # 'وقال موقع القناة 20 الإسرائيلية': a channel's or paper's website is that outlet
            return self._media(tokens, j + 1, sentence, [tokens[j]])
        quoted = _quoted_name_after(tokens, j, sentence)
        head_norm = _without_article(
            _strip_conjunction(head[0].norm, _set("media")) or head[0].bare
        )
        if quoted:
            name = self._outlet_name(quoted[0])
            opening = next(k for k in range(j, quoted[1]) if tokens[k].text in QUOTES + "(")
            generic = tokens[tokens.index(head[0]) : opening]
            if opening > j and all(_qualifies_outlet(t) for t in tokens[j:opening]):
                # 'الوكالة الرسمية السورية للأنباء (سانا)': the agency's full name, as written
                written = _clean_name(_text(generic, sentence))
                if len(written.split()) >= len(name.split()):
                    name = _without_conjunction(written, head[0], _set("media"))
        else:
            outlet = self._bare_outlet(_words(tokens[j:]))
            if outlet:
                name = outlet
            else:
                end = j
                while (
                    end < len(tokens)
                    and end - j < 2
                    and (
                        _looks_adjective(tokens[end])
                        or tokens[end].norm.startswith("ال")
                        or end == j
                        and tokens[end].norm.isdigit()  # 'القناة 20', 'القناة 12'
                    )
                    and not _is_function_word(tokens[end])
                    and tokens[end].norm not in _particles("subordinate")  # 'الذي حمل عنوان'
                ):
                    end += 1
                if (
                    end > j
                    and end < len(tokens)
                    and _is_li_genitive(tokens[end])
                    and (
                        tokens[end - 1].bare in word_class("close_to")
                        or tokens[end].norm[:2] == "لل"
                    )
                ):
                    # 'وسائل إعلام موالية للنظام': whom the outlets side with; in 'وأذاع
                    # التلفزيون الرسمي لقطات' the indefinite noun is the verb's object
                    end += 1
                    if end < len(tokens) and _is_nisba_adjective(tokens[end]):
                        end += 1  # 'تابعة لميليشيات كردية'
                start = tokens.index(head[0])
                if (
                    end == j
                    and end < len(tokens)
                    and tokens[end].is_word
                    and not _is_function_word(tokens[end])
                    and not _cue_lemma(tokens[end])
                ):
                    end += 1
                    if head[-1].bare in word_class("outlet_heads") and _plain_word(tokens[j]):
                        start = j  # 'وكالة بلومبرغ': the outlet's own name, without its kind
                # 'وكالة الأنباء اليمنية سبأ': the generic phrase, then the outlet's own name.
                known = self._bare_outlet(_words(tokens[end:]))
                name = known or self._with_written_adjectives(
                    _clean_name(_text(tokens[start:end], sentence))
                )
                name = _without_conjunction(name, head[0], _set("media"))
        bare_correspondent = normalize(name) in (normalize("المراسل"), normalize("الموفد"))
        if head_norm in (normalize("مراسل"), normalize("موفد")) and (
            self.memory.is_own_outlet(name) or bare_correspondent  # 'وأضاف المراسل'
        ):
            return Source(Kind.author, "")  # the outlet's own correspondent
        return Source(Kind.media, name)

    def _outlet_name(self, name: str) -> str:
        canonical = _outlets().get(tuple(normalize(name).split()))
        return self._fullest_outlet(canonical) if canonical else name

    def _bare_outlet(self, words: list[Token]) -> str | None:
        """A known outlet the words open with: a spelling with its kind ('وكالة الجمهورية
        الإسلامية الإيرانية للأنباء'), else the name after its kind ('مراسل قناة الجزيرة': the
        outlet is the channel's name)."""
        heads = [words]
        if len(words) > 1 and words[0].bare in word_class("outlet_heads"):
            heads.append(words[1:])
        for opening in heads:
            for length in range(min(len(opening), _outlet_max_words()), 0, -1):
                key = tuple(w.norm for w in opening[:length])
                if key in _outlets():
                    return self._fullest_outlet(_outlets()[key])
                if key[0][:1] in CONJUNCTIONS:
                    key = (key[0][1:], *key[1:])
                    if key in _outlets():
                        return self._fullest_outlet(_outlets()[key])
        return None

    def _fullest_outlet(self, canonical: str) -> str:
        """The fullest of a known outlet's spellings that the article uses: 'وكالة الأنباء
        السورية (سانا)' names 'وكالة الأنباء السورية', a bare 'سانا' stays 'سانا', and a page
        that writes 'انترسبت' keeps its spelling. The canonical name when the article uses none."""
        if canonical not in self._fullest_outlets:
            norms = self.concordance.article_norms
            used = []
            canonical_key = normalize(canonical).split()
            for spelling in (canonical, *_outlet_spellings().get(canonical, ())):
                key = normalize(spelling).split()
                if key[1:] == canonical_key and key[0] in word_class("outlet_heads"):
                    continue  # 'وكالة سانا' is the kind and the name, not a fuller name
                if any(
                    norms[k + 1 : k + len(key)] == key[1:]
                    and self.concordance.in_one_name(k, len(key))
                    for first in (key[0], *(glued + key[0] for glued in "لبو"))
                    for k in self.concordance.article_positions(first)
                ):  # 'لوكالة الصحافة الفرنسية': a preposition or و glued to its first word
                    used.append(spelling)
            fullest = max(used, key=len, default=canonical)
            if in_lexicon(tokenize(fullest)[0], _set("media")):
                # 'وكالة الأنباء القطرية الرسمية (قنا)': a generic spelling, as the article
                # qualifies it
                fullest = self._with_written_adjectives(fullest)
            self._fullest_outlets[canonical] = fullest
        return self._fullest_outlets[canonical]

    def _with_written_adjectives(self, name: str) -> str:
        """An outlet's generic name with the relational adjectives the article writes after it
        anywhere, unbroken by quotation marks: 'التلفزيون الرسمي' -> 'التلفزيون الرسمي
        الإيراني'."""
        key = normalize(name).split()
        if not key or not key[-1].startswith("ال"):
            return name  # 'وسائل إعلام إيرانية': an indefinite phrase takes no definite adjective
        words, norms = self.concordance.article_words, self.concordance.article_norms
        best = name
        for k in self.concordance.article_positions(key[0]):
            if norms[k : k + len(key)] != key:
                continue
            end = k + len(key)
            while (
                end < len(words)
                and end - k - len(key) < MAX_WRITTEN_ADJECTIVES
                and _relational_adjective(words[end])
                and self.concordance.in_one_name(k, end + 1 - k)
            ):
                end += 1
            if end - k > len(best.split()):
                best = " ".join(w.text for w in words[k:end])
        return best

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

    def _full_name(self, name: str) -> str:
        """The fullest form of a name; a given name alone after a rank ('الأمير تركي') is
        the one name the article gives that opens with it ('تركي الفيصل')."""
        full = self.memory.full_name(name)
        if full != name or len(name.split()) != 1:
            return full
        return self.memory.sole_name_opening_with(name) or name

    def person(self, tokens: list[Token], sentence: str) -> Source | None:
        """A named person in the phrase: after a rank title, from a given name, or a comma
        chunk of plain words; titles and roles are left out."""
        words = _words(tokens)
        for n in (2, 1):  # a surname named before: 'وقال راتني لجماعات المعارضة …'
            if len(words) >= n and all(_plain_word(w) for w in words[:n]):
                name = _clean_name(_text(words[:n], sentence))
                if self._full_name(name) != name:  # 'حسب شاكر' after 'شاكر أحمد خالد'
                    return Source(Kind.named_person, self._full_name(name))
                if is_public_figure(name):  # 'وكان بوتين قد لخص': named by surname alone
                    return Source(Kind.named_person, name)
        if (
            len(words) > 1
            and words[0].norm in _set("titles")
            and _plain_word(words[1])
            # 'الملك سلمان بن عبد العزيز' is no 'محمد بن سلمان': a link after it opens a name
            and not (len(words) > 2 and words[2].norm in word_class("name_links"))
            and len(self.memory.full_name(words[1].text).split()) > 1
        ):
            # 'وقال الوزير الجبير في ختام كلمته' after 'عادل الجبير': the known person
            return Source(Kind.named_person, self.memory.full_name(words[1].text))
        if words and _plain_word(words[0]) and not self.memory.is_name_word(words[0].norm):
            variant = self.memory.spelled_otherwise(words[0].text)
            if variant:  # 'وقال نايورت' after 'هيذر نويرت'
                return Source(Kind.named_person, variant)
        # A given name first ('وزيرة خارجية ألمانيا أنالينا بيربوك'), then the word after a
        # title ('العميد X').
        # Of several, the last: 'مدير مستشفى كمال عدوان، الطبيب عبد الرؤوف أبو شمالة'.
        for opens_name in (_opens_with_given_name, _after_title):
            last, i = None, 0
            while i < len(tokens):
                if tokens[i].is_word and opens_name(tokens, i):
                    opened = _name_at(tokens, _unknown_given_name_before(tokens, i), sentence)
                    if opened:
                        last = opened
                        i += len(opened.split())
                        continue
                i += 1
            if last:
                return Source(Kind.named_person, self._full_name(last))
        quoted = _quoted_name(tokens, 0, sentence)
        if quoted and quoted[1] < len(tokens) and tokens[quoted[1]].norm in _set("titles"):
            # 'قال "مورو كفر ناصح" القائد العسكري في …': the marks hold a name, a role follows
            inner = _words(tokens[1 : quoted[1] - 1])
            if len(inner) <= MAX_NAME_WORDS and all(_plain_word(w) for w in inner):
                return Source(Kind.named_person, self._full_name(quoted[0]))
        chunks = _comma_chunks(tokens)
        for n, chunk in enumerate(chunks):
            chunk_words = _words(chunk)
            if 1 <= len(chunk_words) <= 3 and all(_plain_word(w) for w in chunk_words):
                name = _clean_name(_text(chunk, sentence))
                if self.memory.knows(name) or (
                    len(chunk_words) >= 2
                    and _reads_as_name(chunk_words)
                    and (_after_role(chunks[:n]) or n == 0 and _bare_name_shape(chunk))
                ):
                    return Source(Kind.named_person, self.memory.full_name(name))
        family_name = _family_name_after_role(tokens, sentence) or self._lone_family_name(
            words, sentence
        )
        if family_name:
            return Source(Kind.named_person, self.memory.full_name(family_name))
        return None

    def _given_name_before(self, family: Token) -> str | None:
        """'هوبرتس هوفمان' for 'هوفمان' where the article writes 'لهوبرتس هوفمان': the one
        plain word, a preposition written onto it dropped, that the family name follows."""
        found = set()
        for p, k in self.concordance.words_with_norm(family.norm):
            if k == 0:
                continue
            given = self.concordance.words[p][k - 1]
            if given.norm[:1] in GLUED_PREPOSITIONS and not in_lexicon(given, _first_names()):
                given = (
                    _unglue_li(given)
                    if given.norm[:1] == "ل"
                    else given._replace(text=given.text[1:], norm=given.norm[1:])
                )
            if (
                _plain_word(given)
                and not given.norm.startswith("ال")
                and not _is_function_word(given)
                and given.norm not in _set("titles")
                and not _cue_lemma(given)
            ):
                found.add(f"{given.text} {family.text}")
        return found.pop() if len(found) == 1 else None

    def _lone_family_name(self, words: list[Token], sentence: str) -> str | None:
        """'قال الجبير', 'الوزير الجبير', 'ودعا لافروف': a word first, or after a title, is a
        family name when the article puts it both after a role ('الوزير الجبير', 'وزير
        الخارجية لافروف') and right after a reporting verb; a role's adjective ('الرئيس
        السابق') never stands alone after the verb. What follows it is the object of a verb
        that takes one: 'دان الجبير سياسة القمع'."""
        if not words:
            return None
        name = words[1] if words[0].norm in _set("titles") and len(words) > 1 else words[0]
        if not _plain_word(name) or _is_function_word(name):
            return None
        if name.norm not in self._family_name_places:
            self._family_name_places[name.norm] = self._after_title_and_verb(name.norm)
        after_title, after_verb = self._family_name_places[name.norm]
        return _clean_name(_text([name], sentence)) if after_title and after_verb else None

    def _after_title_and_verb(self, norm: str) -> tuple[bool, bool]:
        """Whether the word stands somewhere in the article after a title (or a title and its
        definite adjective), and somewhere right after a reporting verb."""
        after_title = after_verb = False
        for p, k in self.concordance.words_with_norm(norm):
            tokens = self.passages[p][1]
            t = self.concordance.word_tokens[p][k]
            if t == 0:
                continue
            after_title |= tokens[t - 1].norm in _set("titles") or (
                t > 1
                and tokens[t - 1].norm.startswith("ال")
                and tokens[t - 2].norm in _set("titles")
            )
            after_verb |= bool(_cue_lemma(tokens[t - 1]))
        return after_title, after_verb


# 'جماعة أنصار الله الحوثي' for 'جماعة الحوثي': the words a body's full name may add inside.
MAX_WORDS_SPELLED_OUT = 3
# How far from a person's name (in characters) the office or role it holds may stand: after it,
# behind other roles ('صباح خالد الحمد الصباح النائب الأول لرئيس مجلس الوزراء وزير الخارجية'), or
# before it ('مبعوث الرئيس الفرنسي إلى المغرب، أحمد الراشد').
MAX_ROLES_AFTER_NAME = 60


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


# Prepositions written onto the word after them: 'لهوبرتس هوفمان', 'بحسب'.
GLUED_PREPOSITIONS = frozenset("لبو")


def _sound_plural_head(head: Token) -> bool:
    """'ناشطون', 'مسؤولين': many who speak, never one person named next."""
    return head.norm.endswith(("ون", "ين"))


# 'الإعلام الحربي', 'إعلام المقاومة': the media of a side, an outlet by its head noun.
MEDIA_NOUNS = frozenset(normalize(w) for w in ("إعلام",))
MOST_OF = frozenset(normalize(w) for w in ("أغلب", "معظم", "غالبية", "أكثرية"))


def _qualifies_outlet(word: Token) -> bool:
    """'الرسمية', 'للأنباء': a word of an outlet's generic name after its kind."""
    return _relational_adjective(word) or word.norm.startswith("لل") and len(word.norm) > 4


# 'وكالة الأنباء القطرية الرسمية', 'التلفزيون الرسمي الإيراني': adjectives after a generic name.
MAX_WRITTEN_ADJECTIVES = 2


def _relational_adjective(word: Token) -> bool:
    """'الرسمية', 'الإيراني': a definite relational adjective that may qualify an outlet's
    name; not one of side or owner ('المعارض', 'التابع')."""
    norm = word.norm
    return (
        norm.startswith("ال")
        and norm.endswith(("ي", "يه"))
        and norm not in word_class("describing_adjectives")
        and norm not in _particles("subordinate")  # 'الذي'
        and not _is_function_word(word)
    )


def _after_calling_verb(words: list[Token], k: int) -> bool:
    """Word k follows a verb of calling on someone ('دعا', 'طالب'), whose complement comes
    after the body it calls on."""
    for word in words[max(0, k - CALLING_VERB_REACH) : k]:
        lemma = _cue_lemma(word)
        if lemma and normalize(lemma) in word_class("calling_verbs"):
            return True
    return False


def _owned_by_alias(tokens: list[Token], i: int, sentence: str) -> str | None:
    """At token i, a detached li- and a body's short name in marks ('لـ"قسد"'): that body's
    full name."""
    if i >= len(tokens) or tokens[i].norm != "ل":
        return None
    quoted = _quoted_name(tokens, i + 1, sentence)
    if quoted is None:
        return None
    short = " ".join(t.text for t in tokens[i + 2 : quoted[1] - 1])
    return _alias(short) if normalize(short) in _aliases() else None


def _office_owner(tokens: list[Token], j: int, sentence: str) -> str | None:
    """At j, a detached li- and a quoted body's name, opened by a body's head and not an
    outlet: whose office it is ('مدير المكتب السياسي لـ"لواء الفتح"'), not the hearer. The
    body's name, None when the li- is no owner's."""
    quoted = _quoted_name(tokens, j + 1, sentence)
    if (
        tokens[j].norm != "ل"
        or quoted is None
        or not in_lexicon(tokens[j + 2], _set("organizations"))
        or _names_known_outlet(tokens, j + 1, quoted[1])
    ):
        return None
    return quoted[0]


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


def _reads_as_name(words: list[Token]) -> bool:
    """Plain words that may be an unknown person's name: only the last definite ('المنسقة
    الأممية' is a role, 'خروج الميليشيات الإيرانية' a phrase), none with a pronoun ('لكنها
    محتلة', 'فيها البعض')."""
    inner_definite = any(
        w.bare.startswith("ال") and w.norm not in word_class("name_complements")  # 'عز الدين'
        for w in words[:-1]
    )
    return not inner_definite and not any(w.norm.endswith(("ها", "هم")) for w in words)


def _after_role(chunks_before: list[list[Token]]) -> bool:
    """Unknown plain words in apposition after a role name its holder: 'وزير الإعلام في
    الحكومة، معمر الإرياني،'."""
    return bool(chunks_before) and any(t.norm in _set("titles") for t in chunks_before[-1])


def _bare_name_shape(chunk: list[Token]) -> bool:
    """Unknown plain words right after the verb with no role before them name a person only
    in a name's shape, none definite nor quoted ('وقال تشاووش أوغلو'): 'أغلب الدول' is a
    phrase of the sentence, '"فك الحصار"' words quoted."""
    return not any(t.text in QUOTES or t.norm.startswith(DEFINITE_FORMS) for t in chunk)


def _name_words(name: str) -> set[str]:
    return {_without_article(w) for w in normalize(name).split()}


def _before_relative_clause(words: list[Token]) -> list[Token]:
    """The words before a relative clause, which describes the source without naming it:
    'المصدر الذي رفض الكشف عن اسمه'."""
    for k, word in enumerate(words):
        if k and word.norm in _particles("subordinate"):
            return words[:k]
    return words


def _is_circumstantial(word: Token) -> bool:
    """'مفضلاً', 'مضيفاً', 'قائلاً': an indefinite participle in the accusative, its tanwin
    written as a final alif ('ميستورا' is a name: a participle has no long i after its mu-)."""
    norm = word.norm
    if not norm.endswith("ا"):
        return False
    derived = norm.startswith("م") and norm[1:2] != "ي" and len(norm) > 4  # مُفعِلاً
    simple = len(norm) == 5 and norm[1] == "ا"  # فاعلاً
    return derived or simple


def _before_circumstantial(tokens: list[Token]) -> list[Token]:
    """'وأردف الرئيس التركي قائلاً', 'وأشار المصدر مفضلاً عدم …': the source phrase ends
    before the participle, which describes how it spoke."""
    for k, tok in enumerate(tokens):
        if k and tok.is_word and _is_circumstantial(tok) and not _is_number(tokens[k - 1]):
            return tokens[:k]  # but 'وقال 12 مسؤولا': the accusative a number counts
    return tokens


def _is_number(token: Token) -> bool:
    return token.norm.isdigit() or token.norm in _number_words()


# 'وزير الخارجية', 'المتحدث باسم الجيش': a role that may name one person in an article.
MIN_ROLE_WORDS = 2


def _name_after_role(tokens: list[Token], i: int, sentence: str) -> str | None:
    """The person named right after a role, past commas, quotation marks, ranks and the
    role's relational adjectives: 'وزير الخارجية التركي، مولود تشاووش أوغلو'."""
    while i < len(tokens) and (
        tokens[i].text in "،," + QUOTES
        or tokens[i].norm in word_class("ranks")
        or tokens[i].norm.startswith("ال")
        and tokens[i].norm.endswith(("ي", "يه"))
    ):
        i += 1  # 'وزير الخارجية الكويتي الشيخ صباح الخالد'
    if i < len(tokens) and (_opens_with_given_name(tokens, i) or _after_title(tokens, i)):
        return _name_at(tokens, i, sentence)
    return None


def _name_before_role(tokens: list[Token], i: int, sentence: str) -> str | None:
    """The person named right before a role in apposition: 'مولود تشاووش أوغلو، وزير الخارجية',
    or before other roles that run on to it: 'صباح خالد الحمد الصباح النائب الأول لرئيس مجلس
    الوزراء وزير الخارجية'."""
    if i >= 2 and tokens[i - 1].text in "،,":
        return _name_ending_at(tokens, i - 1, sentence)
    k = i
    while k > 0 and i - k < MAX_ROLES_BEFORE and _in_a_role(tokens[k - 1]):
        k -= 1
        if tokens[k].norm in _set("titles"):
            name = _name_ending_at(tokens, k, sentence)
            if name:
                return name
    return None


# 'النائب الأول لرئيس مجلس الوزراء': how many words of other roles may stand between a name
# and the role that names it.
MAX_ROLES_BEFORE = 8


def _in_a_role(token: Token) -> bool:
    """A word of a role phrase: a title, a definite or li- genitive noun, a plain noun."""
    return token.is_word and not _cue_lemma(token) and not _is_function_word(token)


def _name_ending_at(tokens: list[Token], end: int, sentence: str) -> str | None:
    """The person's name, opened by a given name or after a rank, that ends at token end."""
    for start in range(max(0, end - MAX_NAME_WORDS), end):
        if _opens_with_given_name(tokens, start) or _after_title(tokens, start):
            name = _name_at(tokens, start, sentence)
            if name and len(name.split()) == end - start:
                return name
    return None


# Prepositions that open a reporting verb's complement ('أعلنت الوزارة عن', 'أشار إلى', 'حذر من'),
# compared as written so that the name 'علي' is not 'على'.
VERB_COMPLEMENT_PREPOSITIONS = frozenset({"عن", "إلى", "الى", "من", "على"})


def _span_end(tokens: list[Token], i: int) -> int:
    """Index of the token that closes a source phrase starting at i: a complementizer,
    a quotation, a colon, or a preposition that opens the verb's complement."""
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok.norm in _particles("complement") or tok.text == ":" or _opens_quotation(tokens, j):
            return j
        if tok.text in STRAIGHT_QUOTES + "(" + "«“":
            quoted = _quoted_name(tokens, j, "")
            if quoted is None:
                return j  # words said: 'وأضاف " كان هناك …"' has no source phrase
            j = quoted[1]  # a quoted name inside the phrase: 'غرفة عمليات "دحر الغزاة"'
            continue
        if (
            _name_form(tok.text) in VERB_COMPLEMENT_PREPOSITIONS
            and j > i
            # 'بيان صادر عن القيادة': the preposition names the document's issuer
            and tokens[j - 1].norm not in word_class("issuing_participles")
            and not (
                tok.norm == "من"
                and _names_a_circle(tokens, j)
                and (
                    _opens_unnamed_source(_words(tokens[i:j])) or _unnamed_body(_words(tokens[i:j]))
                )
            )
        ):
            return j
        if (
            tok.norm in ("في", "عبر", "خلال")
            and j > i
            and j + 1 < len(tokens)
            and _is_utterance_noun(tokens[j + 1])
        ):
            return j
        if (
            tok.norm in ("ل", "لـ")
            and j > i
            and not _owned_by_alias(tokens, j, "")
            and _office_owner(tokens, j, "") is None
        ):
            return j  # a hearer; but 'المركز الإعلامي لـ"قسد"' is whose the office is
        if j > i and _glued_hearer(tok):
            return j  # 'وقال تيننتي للجزيرة نت إن …'
        if tok.norm in ("خلال", "اثناء") and j > i:
            return j  # 'وقال الدبيبة خلال اجتماع …'
        if (
            j > i
            and tok.text in "،,"
            and j + 1 < len(tokens)
            and tokens[j + 1].norm in (_particles("subordinate"))
        ):
            return j  # 'وأضاف المصدر، الذي طلب عدم الكشف عن اسمه، أن …'

        if (
            tok.norm.startswith("ب")
            and j > i
            and _cue_lemma(tokens[j - 1]) is None
            and tok.norm[1:3] == "ال"
            and j - i >= 2
        ):
            return j
        j += 1
    return j


def _names_a_circle(tokens: list[Token], j: int) -> bool:
    """'من' at j says whom an unnamed source comes from: 'مصدر مقرب من الحكومة', 'ناشطون من
    أبناء المنطقة', 'مصادر عسكرية من عفرين', 'مصدر من المعارضة'; not the verb's complement."""
    if j + 1 >= len(tokens):
        return False
    after = tokens[j + 1]
    return (
        tokens[j - 1].bare in word_class("close_to")
        or _without_article(after.bare) in word_class("affiliation_nouns")
        or _is_place(after)
        or in_lexicon(after, _set("organizations"))
        or _opens_known_outlet(tokens, j + 1)
    )


def _opens_known_outlet(tokens: list[Token], i: int) -> bool:
    """A known outlet's name, or its kind then its name, starts at i: 'رويترز', 'وكالة
    فرانس برس'."""
    for start in (i, i + 1):
        words = [t.norm for t in tokens[start : start + _outlet_max_words()]]
        if any(tuple(words[:n]) in _outlets() for n in range(1, len(words) + 1)):
            return start == i or tokens[i].bare in word_class("outlet_heads")
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


def _unnamed_body(words: list[Token]) -> bool:
    """'فصيل آخر للمعارضة', 'فصيل معارض': an indefinite body's head that only its adjectives
    and the side it is on describe; 'من' after it says which group it is of."""
    return (
        len(words) > 1
        and words[0].norm in _set("organizations")
        and not words[0].norm.startswith("ال")
        and all(
            w.norm in OTHERS or _is_nisba_adjective(w) or w.norm.startswith("لل") for w in words[1:]
        )
    )


def _opens_unnamed_source(words: list[Token]) -> bool:
    """'مصادر عسكرية …', not a person's title: 'الصحفي اليمني شاكر أحمد خالد من صنعاء'."""
    return bool(_starts_with(words, _phrases("anonymous"))) and words[0].norm not in _set("titles")


def _in_body(token: Token) -> bool:
    """'بوزارة', 'بالحكومة': bi- glued to a body's head, the body a source is in."""
    return (
        token.norm[:1] == "ب"
        and len(token.norm) > 3
        and in_lexicon(token._replace(norm=token.norm[1:]), _set("organizations"))
    )


def _stems(name: str) -> set[str]:
    """The stems of a name's words, less a leading و/ف as `Token.bare` has it."""
    return {
        _stem(w[1:] if w[:1] in CONJUNCTIONS and len(w) > 3 else w) for w in normalize(name).split()
    }


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


def _is_place(token: Token) -> bool:
    """A place named by one word ('درعا') or opened by a place word ('محافظة درعا')."""
    return token.bare in _places() or token.bare in _place_words()


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


# 'تقرير صادر عن المنظمة', 'بيان لـ"الهيئة"': the preposition before a document's issuer.
ISSUER_PREPOSITIONS = frozenset({"عن", "ل", "لـ"})


# 'فصيل آخر', 'مصادر أخرى': another one of a kind.
OTHERS = frozenset(normalize(w) for w in ("آخر", "آخرون", "آخرين", "أخرى", "اخرى"))
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


def _without_quoting_noun(tokens: list[Token]) -> list[Token]:
    for k, tok in enumerate(tokens):
        if k and _is_quoting_noun(tok):
            return tokens[:k]
    return tokens


def _is_utterance_noun(token: Token) -> bool:
    """'بيان', and with the speaker's pronoun 'بيانها', 'رسالته' (its ta marbuta written open)."""
    norm = token.norm
    stems = [norm] + [norm[: -len(s)] for s in PRONOUN_SUFFIXES if norm.endswith(s)]
    return any(
        stem in word_class("utterance_nouns")
        or stem.endswith("ت")
        and stem[:-1] + "ه" in word_class("utterance_nouns")
        for stem in stems
    )


def _opens_quotation(tokens: list[Token], j: int) -> bool:
    """«…» and “…” open a quotation, except a name after the body it names: 'قناة «السومرية»'."""
    if tokens[j].text not in "«“":
        return False
    names_body = j > 0 and (
        in_lexicon(tokens[j - 1], _set("media")) or in_lexicon(tokens[j - 1], _set("organizations"))
    )
    return not (names_body and _quoted_name(tokens, j, "") is not None)

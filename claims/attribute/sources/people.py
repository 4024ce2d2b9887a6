"""A named person in the phrase, in the fullest form the article gives: after a rank title,
from a given name, a comma chunk of plain words, a family name alone ('قال الجبير'), a name
spelled otherwise."""

from __future__ import annotations

from claims.arabic import normalize_key
from claims.attribute.lexicons import _first_names, _public_figures, _set
from claims.attribute.names import (
    DEFINITE_FORMS,
    MAX_NAME_WORDS,
    _after_title,
    _family_name_after_role,
    _name_at,
    _opens_with_given_name,
    _plain_word,
    _unknown_given_name_before,
)
from claims.attribute.sources.quoted import _quoted_name
from claims.attribute.sources.source import Source, _ArticleSources
from claims.attribute.tokens import (
    QUOTES,
    Token,
    _clean_name,
    _comma_chunks,
    _cue_lemma,
    _is_function_word,
    _text,
    _unglue_li,
    _words,
    in_lexicon,
)
from claims.lexicon import word_class
from claims.models import Kind


class _People(_ArticleSources):
    """A named person in the phrase, in the fullest form the article gives; a family name
    alone, a name spelled otherwise."""

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


def is_public_figure(name: str) -> bool:
    """A surname the news uses alone for one well-known person (`claims/lexicon/people.txt`)."""
    return normalize_key(name) in _public_figures()


# Prepositions written onto the word after them: 'لهوبرتس هوفمان', 'بحسب'.
GLUED_PREPOSITIONS = frozenset("لبو")


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

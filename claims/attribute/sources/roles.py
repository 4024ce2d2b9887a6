"""A role named without its holder ('وزير الخارجية التركي', 'مبعوث الرئيس'): the person the
article names with that role, right after it or right before it."""

from __future__ import annotations

import re
from functools import cached_property

from claims.arabic import normalize, normalize_word
from claims.attribute.lexicons import _set
from claims.attribute.names import MAX_NAME_WORDS, _after_title, _name_at, _opens_with_given_name
from claims.attribute.sources.people import _People
from claims.attribute.tokens import (
    QUOTES,
    Token,
    _cue_lemma,
    _is_function_word,
    _without_article,
    _words,
)
from claims.lexicon import word_class
from claims.models import Kind


class _Roles(_People):
    """A role without its holder ('وزير الخارجية التركي'): the person the article names with it."""

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
        """Where each passage stands in the article, by its text: a sentence printed again looks
        for its role's holder after its first copy, and keeps that copy's labels (ANNOTATION.md
        rule 14), even where the sentence after the second copy names someone."""
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
        if (
            len(role) > 1
            and not _is_function_word(role[1])
            and not (role[0].norm.startswith("ال") and role[1].norm.startswith("ال"))
        ):
            # the noun it governs: 'رئيس أركان', 'رئيس الوزراء' (no 'رئيس مجلس إدارة …'); not
            # 'قيادي في', nor the adjective of a definite head ('القيادي البارز')
            key.append(role[1].norm)
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
        following = self.concordance.forms[p + 1]
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
            name for name in people if self.concordance.contains(f"{gentilic} {normalize(name)}")
        }
        return fits.pop() if len(fits) == 1 else None

    def _role_beside(self, name: str, role: str, *, after_name: bool) -> bool:
        """Whether a passage gives the role within MAX_ROLES_AFTER_NAME characters after the
        name (its first mention there) or before it."""
        name, role = normalize(name), normalize(role)
        for form in self.concordance.forms:
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


# How far from a person's name (in characters) the office or role it holds may stand: after it,
# behind other roles ('صباح خالد الحمد الصباح النائب الأول لرئيس مجلس الوزراء وزير الخارجية'), or
# before it ('مبعوث الرئيس الفرنسي إلى المغرب، أحمد الراشد').
MAX_ROLES_AFTER_NAME = 60


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

"""Outlets: a known outlet in the fullest spelling the article uses, an outlet after its kind
('قناة "سي أن أن"', 'وكالة بلومبرغ'), a generic name with the adjectives the article writes
after it, and the outlet's own correspondent."""

from __future__ import annotations

from claims.arabic import normalize
from claims.attribute.bodies import _is_nisba_adjective, _looks_adjective
from claims.attribute.lexicons import (
    CONJUNCTIONS,
    _outlet_max_words,
    _outlet_spellings,
    _outlets,
    _particles,
    _phrases,
    _set,
    _strip_conjunction,
)
from claims.attribute.names import _plain_word
from claims.attribute.sources.quoted import _quoted_name_after
from claims.attribute.sources.source import Source, _ArticleSources
from claims.attribute.sources.span import _is_li_genitive
from claims.attribute.tokens import (
    QUOTES,
    Token,
    _clean_name,
    _cue_lemma,
    _is_function_word,
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


class _Outlets(_ArticleSources):
    """Outlets: a known outlet in the fullest spelling the article uses, an outlet after its
    kind ('قناة "سي أن أن"'), a generic name with the adjectives the article writes."""

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


# 'الإعلام الحربي', 'إعلام المقاومة': the media of a side, an outlet by its head noun.
MEDIA_NOUNS = frozenset(normalize(w) for w in ("إعلام",))


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

"""A name in quotation marks or brackets ('فرات بوست', 'قناة (إن. تي. في)'), told apart from
words said ('"إن الجيش تقدم"')."""

from __future__ import annotations

from claims.attribute.lexicons import _outlets, _particles
from claims.attribute.tokens import QUOTES, Token, _clean_name, _cue_lemma, _is_function_word, _text


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

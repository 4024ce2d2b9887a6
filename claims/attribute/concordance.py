"""Where each word of an article stands: the article's passages indexed by the words' matching
forms, made once, so that a look-up of the fuller forms of a name anywhere in the article costs
the places of that word and not a pass over the whole article (which made a long article's
cost grow with the square of its length)."""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict

from claims.arabic import normalize_sentence
from claims.attribute.lexicons import CONJUNCTIONS
from claims.attribute.tokens import QUOTES, Token, bare_form

Place = tuple[int, int]  # (passage, position among that passage's words)


class Concordance:
    """An article's (text, tokens) passages, their words, and the places of the words by
    matching form, each list of places in reading order."""

    def __init__(self, passages: list[tuple[str, list[Token]]]) -> None:
        self.passages = passages
        # Each passage's matching form, made once for the hedges and the roles looked up in it.
        self.forms = [normalize_sentence(text) for text, _tokens in passages]
        # Each passage's words, and where each of them stands among the passage's tokens.
        self.word_tokens = [
            [k for k, t in enumerate(tokens) if t.is_word] for _, tokens in passages
        ]
        self.words = [
            [tokens[k] for k in positions]
            for (_, tokens), positions in zip(passages, self.word_tokens, strict=True)
        ]
        # The article's words end to end, across sentence ends.
        self.article_words = [w for words in self.words for w in words]
        self.article_norms = [w.norm for w in self.article_words]
        # The article position of each passage's first word.
        self._first_words = list(itertools.accumulate(map(len, self.words[:-1]), initial=0))
        self._article_positions: dict[str, list[int]] = defaultdict(list)
        for k, norm in enumerate(self.article_norms):
            self._article_positions[norm].append(k)
        # The places of a form, and of a bare form, made when it is first looked up: an
        # article asks for a few hundred of its thousands of forms.
        self._by_norm: dict[str, list[Place]] = {}
        self._by_bare: dict[str, list[Place]] = {}
        # The forms end to end, and the texts looked for in them (`contains`).
        self._joined = "\n".join(self.forms)
        self._contains: dict[str, bool] = {}

    def contains(self, text: str) -> bool:
        """Whether a passage's matching form holds this text (in matching form). One search
        of the whole article, once for each text: asked for each pair of gentilic and person
        at each gentilic, a loop over the passages made 1 MB of text take 16 times the CPU of
        100 KB."""
        found = self._contains.get(text)
        if found is None:
            if "\n" in text:  # would span two passages in the joined forms
                found = any(text in form for form in self.forms)
            else:
                found = text in self._joined
            self._contains[text] = found
        return found

    def _word_place(self, k: int) -> Place:
        """Article word k's passage and position among that passage's words."""
        passage = bisect.bisect_right(self._first_words, k) - 1
        return passage, k - self._first_words[passage]

    def words_with_norm(self, norm: str) -> list[Place]:
        """Places of the words of this matching form."""
        found = self._by_norm.get(norm)
        if found is None:
            positions = self._article_positions.get(norm, [])
            found = self._by_norm[norm] = [self._word_place(k) for k in positions]
        return found

    def words_with_bare(self, bare: str) -> list[Place]:
        """Places of the words of this matching form less a leading و/ف (`Token.bare`)."""
        found = self._by_bare.get(bare)
        if found is None:
            # the forms that have this bare form: itself, and itself behind a conjunction
            forms = [
                form
                for form in (bare, *(conjunction + bare for conjunction in CONJUNCTIONS))
                if form in self._article_positions and bare_form(form) == bare
            ]
            places = [self.words_with_norm(form) for form in forms]
            # forms that meet under one bare form merge back into reading order
            found = places[0] if len(places) == 1 else sorted(itertools.chain(*places))
            self._by_bare[bare] = found
        return found

    def article_positions(self, norm: str) -> list[int]:
        """Positions, in `article_words`, of the words of this matching form."""
        return self._article_positions.get(norm, [])

    def in_one_name(self, k: int, n: int) -> bool:
        """Whether the n article words from position k stand in one passage with no quotation
        mark between them: in 'لـ"القناة العاشرة" الإسرائيلية' the marks close the name."""
        end = min(k + n, len(self.article_words)) - 1
        (passage, first), (last_passage, last) = self._word_place(k), self._word_place(end)
        if last_passage != passage:
            return False
        positions = self.word_tokens[passage]
        between = self.passages[passage][1][positions[first] : positions[last] + 1]
        return not any(t.text in QUOTES for t in between)

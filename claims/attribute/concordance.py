"""Where each word of an article stands: the article's passages indexed by the words' matching
forms, made once, so that a look-up of the fuller forms of a name anywhere in the article costs
the places of that word and not a pass over the whole article (which made a long article's
cost grow with the square of its length)."""

from __future__ import annotations

from collections import defaultdict

from claims.attribute.tokens import QUOTES, Token, bare_form

Place = tuple[int, int]  # (passage, position among that passage's words)


class Concordance:
    """An article's (text, tokens) passages, their words, and the places of the words by
    matching form, each list of places in reading order."""

    def __init__(self, passages: list[tuple[str, list[Token]]]) -> None:
        self.passages = passages
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
        self._article_positions: dict[str, list[int]] = defaultdict(list)
        for k, norm in enumerate(self.article_norms):
            self._article_positions[norm].append(k)
        word_places = [(p, k) for p, words in enumerate(self.words) for k in range(len(words))]
        self._by_norm: dict[str, list[Place]] = {
            norm: [word_places[k] for k in positions]
            for norm, positions in self._article_positions.items()
        }
        # Made from the distinct forms, not word by word; forms that meet under one bare form
        # merge back into reading order.
        self._by_bare: dict[str, list[Place]] = {}
        for norm, places in self._by_norm.items():
            bare = bare_form(norm)
            found = self._by_bare.get(bare)
            self._by_bare[bare] = places if found is None else sorted(found + places)
        # Each article word's passage and place among that passage's tokens.
        self._article_places = [
            (p, t) for p, positions in enumerate(self.word_tokens) for t in positions
        ]

    def words_with_norm(self, norm: str) -> list[Place]:
        """Places of the words of this matching form."""
        return self._by_norm.get(norm, [])

    def words_with_bare(self, bare: str) -> list[Place]:
        """Places of the words of this matching form less a leading و/ف (`Token.bare`)."""
        return self._by_bare.get(bare, [])

    def article_positions(self, norm: str) -> list[int]:
        """Positions, in `article_words`, of the words of this matching form."""
        return self._article_positions.get(norm, [])

    def in_one_name(self, k: int, n: int) -> bool:
        """Whether the n article words from position k stand in one passage with no quotation
        mark between them: in 'لـ"القناة العاشرة" الإسرائيلية' the marks close the name."""
        places = self._article_places[k : k + n]
        passage = places[0][0]
        if any(p != passage for p, _ in places):
            return False
        tokens = self.passages[passage][1]
        between = tokens[places[0][1] : places[-1][1] + 1]
        return not any(t.text in QUOTES for t in between)

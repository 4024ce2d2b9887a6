"""The source a phrase names (`Source`), and the article it is read against: its memory, its
passages and their concordance, with what has been looked up in them once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from claims.attribute.concordance import Concordance
from claims.attribute.memory import Memory
from claims.attribute.tokens import Token
from claims.models import Kind


@dataclass
class Source:
    kind: Kind
    name: str
    is_reference: bool = False  # resolved to a source named earlier


class _ArticleSources:
    """The article a source phrase is read against: its memory, its passages and their
    concordance, and what has been looked up in them once."""

    # the phrase inside a phrase (a document's issuer, a body's website) is read again
    # from its start: `SourceParser.parse`
    parse: Callable[[list[Token], str], Source | None]

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

    def _words_with_bare(self, bare: str) -> Iterator[tuple[str, list[Token], int]]:
        """Each word of the article of this form less a leading و/ف, as (its passage's text,
        the passage's tokens, its position among them), in reading order."""
        for p, k in self.concordance.words_with_bare(bare):
            text, tokens = self.passages[p]
            yield text, tokens, self.concordance.word_tokens[p][k]

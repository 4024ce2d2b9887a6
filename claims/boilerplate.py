"""Boilerplate learned from the corpus: a passage that recurs verbatim on several pages of one
outlet is that outlet's page furniture (its slogan, an "about us" blurb, a newsletter prompt, a
standing disclaimer, the related-story headlines every page prints), not reporting.

A passage is a sentence in its matching form (`claims.arabic.normalize`, whitespace folded),
counted once per article text (a file and its copy under another name are one page). Articles
whose outlet is unknown teach nothing and lose nothing. Plain data in and out: `claims extract`
and `claims eval` learn from the articles they are given; the store learns from every article
it holds (`claims.store.passages`) by the same rule, `is_recurring`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from functools import lru_cache

from claims.arabic import is_arabic, normalize_key, normalize_word
from claims.clean import tokens
from claims.models import Claim, ExtractedArticle, Sentence

RECURRING = "recurring on this outlet's pages"
# Shorter passages are too common to be an outlet's own: 'وأضاف:', 'د.', a bare figure.
MIN_WORDS = 3
# Furniture is printed on every page, so two pages of an outlet that share a headline, a menu
# or a prompt already show it (2 and 3 measured on realdev: README, "Page furniture learned
# from the corpus").
FURNITURE_ARTICLES = 2
# Outlets also repeat their own background between stories of one series ('وكانت قوات النظام
# قد سيطرت على …'), word for word; such a sentence is a claim. A passage that reads as
# reporting must therefore recur on more pages than furniture-shaped ones (headlines, menus,
# unpunctuated lines, Latin widget text) before it is taken for furniture.
PROSE_ARTICLES = 3
# A sentence of reporting ends as a statement does, or introduces a quotation.
PROSE_END = re.compile(r"[.!:][\"'»”)]*$")


def passage_key(text: str) -> str | None:
    """The passage a sentence is on its outlet's pages: its matching form (word by word, as
    the words of news pages repeat), whitespace folded; None when it is too short to be
    learned."""
    words = text.split()
    return " ".join(map(normalize_word, words)) if len(words) >= MIN_WORDS else None


@lru_cache(maxsize=1 << 12)  # a recurring passage is asked about again and again
def articles_needed(key: str) -> int:
    """On how many of an outlet's pages a passage must recur to be taken for furniture: more
    when it ends as a sentence and is mostly Arabic words, as reporting is."""
    words = tokens(key)
    arabic = sum(1 for word in words if is_arabic(word))
    if PROSE_END.search(key) and 2 * arabic > len(words):
        return PROSE_ARTICLES
    return FURNITURE_ARTICLES


def is_recurring(key: str, articles: int) -> bool:
    """Whether a passage found on this many pages of one outlet is that outlet's furniture."""
    # most passages are on one page: no need to read them then
    return articles >= min(FURNITURE_ARTICLES, PROSE_ARTICLES) and articles >= articles_needed(key)


def outlet_key(extracted: ExtractedArticle) -> str | None:
    """The outlet whose pages the article's passages are counted with, keyed as the store
    keys outlets; None when the page does not say."""
    outlet = extracted.article.outlet
    return (normalize_key(outlet) if outlet else "") or None


def sentence_passages(extracted: ExtractedArticle) -> list[tuple[int, str]]:
    """(sentence index, passage key) of every learnable sentence of an article, kept or junk:
    furniture that clean caught on one page counts towards the pages where it did not."""
    sentences = [(c.index, c.text) for c in extracted.claims]
    sentences += [(s.index, s.text) for s in extracted.junk]
    return [(index, key) for index, text in sentences if (key := passage_key(text)) is not None]


def recurring_passages(articles: Iterable[ExtractedArticle]) -> dict[str, frozenset[str]]:
    """Per outlet key, the passages that recur on enough of these articles' pages."""
    pages: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for extracted in articles:
        outlet = outlet_key(extracted)
        if outlet is None:
            continue
        for _index, key in sentence_passages(extracted):
            pages[outlet][key].add(extracted.article.content_hash)
    return {
        outlet: frozenset(key for key, seen in keys.items() if is_recurring(key, len(seen)))
        for outlet, keys in pages.items()
    }


def mark_recurring(
    articles: Sequence[ExtractedArticle], recurring: Mapping[str, Set[str]]
) -> list[ExtractedArticle]:
    """The articles with every claim that is a recurring passage of its outlet moved to junk."""
    marked = []
    for extracted in articles:
        outlet = outlet_key(extracted)
        furniture = recurring.get(outlet, frozenset()) if outlet is not None else frozenset()
        kept: list[Claim] = []
        moved: list[Claim] = []
        for claim in extracted.claims:
            (moved if furniture and passage_key(claim.text) in furniture else kept).append(claim)
        if not moved:
            marked.append(extracted)
            continue
        junk = [
            Sentence(
                index=c.index,
                start=c.start,
                end=c.end,
                text=c.text,
                paragraph=c.paragraph,
                junk=True,
                junk_reason=RECURRING,
                dup_of=c.dup_of,
            )
            for c in moved
        ]
        marked.append(
            extracted.model_copy(
                update={
                    "claims": kept,
                    "junk": sorted([*extracted.junk, *junk], key=lambda s: s.index),
                }
            )
        )
    return marked

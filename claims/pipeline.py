"""The extraction flow for one article: read -> segment -> clean -> attribute."""

from __future__ import annotations

from pathlib import Path

from claims.attribute import attribute_article
from claims.clean import clean
from claims.models import Article, ExtractedArticle
from claims.read import iter_inputs, read_bytes, read_path
from claims.segment import segment

__all__ = ["extract_article", "extract_bytes", "extract_path", "iter_inputs"]


def extract_article(article: Article) -> ExtractedArticle:
    """Claims of a decoded article; page furniture set aside."""
    article, sentences = clean(article, segment(article.text))
    return ExtractedArticle(
        article=article,
        claims=attribute_article(article, sentences),
        junk=[s for s in sentences if s.junk],
    )


def extract_bytes(raw: bytes, doc: str) -> ExtractedArticle:
    return extract_article(read_bytes(raw, doc))


def extract_path(path: Path) -> ExtractedArticle:
    """Read and extract one file; raises `claims.read.UnreadableFile` with the reason."""
    return extract_article(read_path(path))

"""Hand-made extracted articles for the store, linking and review-app tests and the benchmarks:
no extractor needed. One builder, `make_article`, with keyword overrides for what varies."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import NamedTuple

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from claims.models import Article, Claim, ExtractedArticle, Kind, Reason, Speech
from claims.store.engine import _schema_engine, alembic_config, make_engine
from claims.store.search_index import include_name
from claims.store.tables import metadata


class Said(NamedTuple):
    """One sentence of a hand-made article and who says it; a plain tuple in this order works
    too: (text, kind, source), optionally followed by cue, via and claim."""

    text: str
    kind: Kind = Kind.author
    source: str | None = None
    cue: str | None = None  # default: "قال" when there is a source
    via: str | None = None
    claim: str | None = None  # the asserted content, when it is not the whole sentence


# Confidence of the claims by position, repeated.
CONFIDENCES = (0.5, 0.6, 0.7, 0.8, 0.9)
REASONS = (Reason(label="cue word", delta=0.2),)


def make_article(
    doc: str,
    sentences: Sequence[Said | tuple],
    *,
    outlet: str | None = "المدن",
    title: str | None = "عنوان",
    published: str | None = "2017-08-02",
    paragraphs: Sequence[int] | None = None,
    paragraph_break: str = "\n",
    confidence: float | Sequence[float] = CONFIDENCES,
    reasons: Sequence[Reason] = REASONS,
) -> ExtractedArticle:
    """An article of the given sentences, each a claim.

    Each sentence is its own paragraph unless `paragraphs` numbers them: sentences of one
    paragraph are joined by a space, paragraphs by `paragraph_break`. `confidence` is one
    figure for all, or figures taken in turn.
    """
    said = [Said(*s) for s in sentences]
    paragraphs = list(paragraphs) if paragraphs is not None else list(range(len(said)))
    figures = [confidence] if isinstance(confidence, int | float) else list(confidence)
    parts: list[str] = []
    claims = []
    offset = 0
    for index, (s, paragraph) in enumerate(zip(said, paragraphs, strict=True)):
        if parts:
            sep = " " if paragraph == paragraphs[index - 1] else paragraph_break
            parts.append(sep)
            offset += len(sep)
        parts.append(s.text)
        cue = s.cue if s.cue is not None or s.source is None else "قال"
        claims.append(
            Claim(
                doc=doc,
                index=index,
                text=s.text,
                start=offset,
                end=offset + len(s.text),
                kind=s.kind,
                source=s.source,
                cue=cue,
                via=s.via,
                claim=s.claim if s.claim is not None else s.text,
                confidence=figures[index % len(figures)],
                dup_of=None,
                speech=Speech.reported if s.source else None,
                reasons=list(reasons),
                paragraph=paragraph,
            )
        )
        offset += len(s.text)
    text = "".join(parts)
    article = Article(
        doc=doc,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
        title=title,
        published=published,
        outlet=outlet,
    )
    return ExtractedArticle(article=article, claims=claims)


SAMPLE = [
    (
        "قال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف إن القوات تقدمت.",
        Kind.named_person,
        "إيغور كوناشينكوف",
    ),
    (
        "وأكّدت وزارة الدفاع الروسية أن الطائرات قصفت مواقع المعارضة.",
        Kind.organization,
        "وزارة الدفاع الروسية",
    ),
    ("وقالت مصادر مطلعة إن الهجوم بدأ ليلاً.", Kind.anonymous, "مصادر مطلعة"),
    ("سيطرت فصائل المعارضة على منطقة محروثة.", Kind.author, None),
]


def sample(doc: str = "a.txt", **kwargs) -> ExtractedArticle:
    return make_article(doc, SAMPLE, **kwargs)


def migrate_to(url: str, revision: str, *, as_claims_upgrades: bool = False) -> None:
    """Bring the store at `url` to an older `revision`, as the claims that stopped there did:
    by default as the oldest did (foreign keys on), else as `claims db upgrade` does (on
    SQLite, foreign keys off while tables are rebuilt)."""
    engine = _schema_engine(url) if as_claims_upgrades else make_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def differences_from_the_models(conn) -> list:
    """What the database on `conn` has that the models have not, or the other way round, as
    alembic compares them (the search index, made beside the models, left out)."""
    opts = {"compare_type": True, "include_name": include_name}
    return compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)

"""Hand-made extracted articles for the store tests: no extractor needed."""

from __future__ import annotations

import hashlib

from claims.models import Article, Claim, ExtractedArticle, Kind, Reason, Speech


def make_article(
    doc: str,
    sentences: list[tuple[str, Kind, str | None]],
    *,
    outlet: str | None = "المدن",
    title: str | None = "عنوان",
    published: str | None = "2017-08-02",
) -> ExtractedArticle:
    """An article whose paragraphs are the given sentences, one a line, each a claim."""
    text = "\n".join(sentence for sentence, _, _ in sentences)
    claims = []
    offset = 0
    for index, (sentence, kind, source) in enumerate(sentences):
        claims.append(
            Claim(
                doc=doc,
                index=index,
                text=sentence,
                start=offset,
                end=offset + len(sentence),
                kind=kind,
                source=source,
                cue="قال" if source else None,
                via=None,
                claim=sentence,
                confidence=0.5 + (index % 5) / 10,
                dup_of=None,
                speech=Speech.reported if source else None,
                reasons=[Reason(label="cue word", delta=0.2)],
                paragraph=index,
            )
        )
        offset += len(sentence) + 1
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

"""A small store of hand-made claims for the review app's tests: no extractor needed."""

from __future__ import annotations

import pytest

from claims.models import Kind, Reason
from tests.store_helpers import make_article

# (sentence, kind, source, cue, via) — one paragraph of two sentences, then one a paragraph.
MINISTRY = "وزارة الدفاع الروسية"
FIRST = [
    (
        "وأكّدت وزارة الدفاع الروسية أن الطائرات قصفت مواقع المعارضة.",
        Kind.organization,
        MINISTRY,
        "وأكّدت",
        None,
    ),
    (
        'وقالت مصادر مطلعة لـ"المدن" إن الهجوم بدأ ليلاً.',
        Kind.anonymous,
        "مصادر مطلعة",
        "وقالت",
        "المدن",
    ),
    ("سيطرت فصائل المعارضة على منطقة محروثة [bold]بالكامل[/bold].", Kind.author, None, None, None),
    (
        "ونقلت رويترز عن مسؤول [link=http://evil.example]قوله[/link] إن الطرق مفتوحة.",
        Kind.media,
        "رويترز",
        "ونقلت",
        None,
    ),
]
SECOND = [
    (
        "نفت وزارة الدفاع الروسية أن تكون الطائرات قصفت أي موقع.",
        Kind.organization,
        MINISTRY,
        "نفت",
        None,
    ),
    (
        "وقال الناطق إيغور كوناشينكوف إن الوضع هادئ.",
        Kind.named_person,
        "إيغور كوناشينكوف",
        "وقال",
        None,
    ),
]


# What the app's snapshots were made with: paragraphs apart by a blank line, confidences and
# reasons that exercise the detail pane.
AS_SHOWN = {
    "paragraph_break": "\n\n",
    "confidence": [0.9, 0.4, 0.7, 0.55, 0.8, 0.65],
    "reasons": [Reason(label="cue word", delta=0.2), Reason(label="anonymous", delta=-0.1)],
}


ARTICLES = [
    make_article(
        "a.txt",
        FIRST,
        outlet="المدن",
        title="المعارضة تتقدم في البادية",
        paragraphs=[0, 0, 1, 2],
        **AS_SHOWN,
    ),
    make_article(
        "b.txt", SECOND, outlet="روسيا اليوم", title="موسكو تنفي", paragraphs=[0, 1], **AS_SHOWN
    ),
]


# (claim id, other claim id, link kind, score): the ministry confirms in a.txt and denies in
# b.txt; the anonymous sources back the ministry; the spokesman repeats the author's line.
LINKS = [
    (1, 5, "contradicts", 0.82),
    (1, 2, "corroborates", 0.64),
    (3, 6, "duplicate", 0.95),
]


def add_links(store, links=LINKS) -> None:
    """Links as the linker would write them (the linker's store API is not in these tests)."""
    from claims.store.tables import LinkRow

    with store.session() as session:
        for claim_id, other_id, kind, score in links:
            session.add(
                LinkRow(
                    claim_id=claim_id, other_id=other_id, kind=kind, score=score, reasons=["test"]
                )
            )


@pytest.fixture
def db_path(tmp_path):
    """A SQLite store file holding the two sample articles and their links."""
    from claims.store import Store, ingest

    path = tmp_path / "review.db"
    store = Store.open(str(path))
    for extracted in ARTICLES:
        ingest(store, extracted)
    add_links(store)
    store.close()
    return path


@pytest.fixture
def store(db_path):
    from claims.store import Store

    opened = Store.open(str(db_path))
    yield opened
    opened.close()

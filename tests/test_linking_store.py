"""Incremental linking against the store: new claims only, links written, confidence moved."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from claims.models import Article, Claim, ExtractedArticle, Kind, Reason, Status
from claims.store import Store, ingest, set_status
from claims.store.linking import link_store, refresh_confidence
from claims.store.tables import ClaimRow, LinkRow


def article(doc: str, rows: list[tuple[str, str | None, Kind]]) -> ExtractedArticle:
    text = "\n".join(t for t, _, _ in rows)
    claims, offset = [], 0
    for n, (t, source, kind) in enumerate(rows):
        claims.append(
            Claim(
                doc=doc,
                index=n,
                text=t,
                start=offset,
                end=offset + len(t),
                kind=kind,
                source=source,
                cue="قال" if source else None,
                via=None,
                claim=t,
                confidence=0.6,
                dup_of=None,
                reasons=[Reason(label="named source", delta=0.6)],
            )
        )
        offset += len(t) + 1
    art = Article(
        doc=doc,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
        outlet="المدن",
    )
    return ExtractedArticle(article=art, claims=claims)


def links(store: Store) -> list[LinkRow]:
    with store.session() as s:
        return list(s.execute(select(LinkRow)).scalars())


def confidences(store: Store) -> dict[str, float]:
    with store.session() as s:
        return {r.claim: r.confidence for r in s.execute(select(ClaimRow)).scalars()}


A1 = "سقط 30 قتيلاً في غارات روسية على مدينة إدلب"
B1 = "سقط 150 قتيلاً في غارات روسية على مدينة إدلب"
C1 = "سيطرت فصائل المعارضة على منطقة محروثة في البادية الشامية"
D1 = "تمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية"


def test_link_is_incremental_and_moves_confidence(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        ingest(
            store,
            article(
                "a.txt", [(A1, "المرصد السوري", Kind.organization), (C1, "فصيل", Kind.organization)]
            ),
        )
        first = link_store(store)
        assert first.new == 2 and links(store) == []
        ingest(
            store,
            article(
                "b.txt", [(B1, "الدفاع المدني", Kind.organization), (D1, "ناشطون", Kind.anonymous)]
            ),
        )
        second = link_store(store)
        assert second.new == 2
        kinds = sorted(x.kind for x in links(store))
        assert kinds == ["contradicts", "corroborates"]
        conf = confidences(store)
        assert conf[A1] < 0.6 and conf[C1] > 0.6
        assert link_store(store).new == 0  # nothing new, nothing done
        assert len(links(store)) == 2


def test_relink_all_is_idempotent_and_verdict_overrides(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        ingest(store, article("a.txt", [(C1, "فصيل", Kind.organization)]))
        ingest(store, article("b.txt", [(D1, "ناشطون", Kind.anonymous)]))
        link_store(store)
        before = confidences(store)
        link_store(store, all=True)
        assert confidences(store) == before and len(links(store)) == 1
        with store.session() as s:
            claim = s.execute(select(ClaimRow).where(ClaimRow.claim == C1)).scalar_one()
        set_status(store, claim.id, Status.disputed, reviewer="r", expected_version=claim.version)
        refresh_confidence(store, [claim.id])
        assert confidences(store)[C1] == 0.0


def test_an_edited_article_is_relinked_and_its_old_version_unlinked(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        ingest(store, article("a.txt", [(A1, "المرصد السوري", Kind.organization)]))
        ingest(store, article("b.txt", [(B1, "الدفاع المدني", Kind.organization)]))
        link_store(store)
        assert [x.kind for x in links(store)] == ["contradicts"]
        edited = A1.replace("30", "150").replace("مدينة", "محافظة")
        ingest(store, article("a.txt", [(edited, "المرصد السوري", Kind.organization)]))
        result = link_store(store)
        assert result.new == 1
        assert [x.kind for x in links(store)] == ["corroborates"]

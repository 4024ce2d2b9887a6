"""Incremental linking against the store: new claims only, links written, confidence moved."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from claims.link import workers
from claims.models import ExtractedArticle, Kind, Status
from claims.store import Store, ingest, set_status
from claims.store.linking import link_store, refresh_confidence
from claims.store.tables import ArticleRow, ClaimRow, LinkIndexRow, LinkRow
from tests.store_helpers import make_article


def article(doc: str, rows: list[tuple[str, Kind, str | None]]) -> ExtractedArticle:
    """Claims of confidence 0.6, so that links visibly raise or lower it, in an outlet of their
    own (agreement within one outlet is no independent corroboration)."""
    return make_article(doc, rows, confidence=0.6, outlet=f"منصة {doc.removesuffix('.txt')}")


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


def test_link_is_incremental_and_moves_confidence(store):
    ingest(
        store,
        article(
            "a.txt", [(A1, Kind.organization, "المرصد السوري"), (C1, Kind.organization, "فصيل")]
        ),
    )
    first = link_store(store)
    assert first.new == 2 and links(store) == []
    ingest(
        store,
        article(
            "b.txt", [(B1, Kind.organization, "الدفاع المدني"), (D1, Kind.anonymous, "ناشطون")]
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


def test_relink_all_is_idempotent_and_verdict_overrides(store):
    ingest(store, article("a.txt", [(C1, Kind.organization, "فصيل")]))
    ingest(store, article("b.txt", [(D1, Kind.anonymous, "ناشطون")]))
    link_store(store)
    before = confidences(store)
    link_store(store, all=True)
    assert confidences(store) == before and len(links(store)) == 1
    with store.session() as s:
        claim = s.execute(select(ClaimRow).where(ClaimRow.claim == C1)).scalar_one()
    set_status(store, claim.id, Status.disputed, reviewer="r", expected_version=claim.version)
    refresh_confidence(store, [claim.id])
    assert confidences(store)[C1] == 0.0


def test_an_edited_article_is_relinked_and_its_old_version_unlinked(store):
    ingest(store, article("a.txt", [(A1, Kind.organization, "المرصد السوري")]))
    ingest(store, article("b.txt", [(B1, Kind.organization, "الدفاع المدني")]))
    link_store(store)
    assert [x.kind for x in links(store)] == ["contradicts"]
    edited = A1.replace("30", "150").replace("مدينة", "محافظة")
    ingest(store, article("a.txt", [(edited, Kind.organization, "المرصد السوري")]))
    result = link_store(store)
    assert result.new == 1
    assert [x.kind for x in links(store)] == ["corroborates"]


# A wire sentence two articles of one outlet print word for word: with its full stop, for an
# unpunctuated line on two of an outlet's pages is taken for its furniture (claims.boilerplate).
WIRE = "سقط نحو 30 قتيلاً في غارات روسية على مدينة إدلب."

# Articles of a small store, ingested one after the other: the Idlib toll (30 against 150),
# the fall of Mahrutha told twice, a denial against a confirmation, a wire relayed word for
# word, and claims about other things.
STORY = [
    [
        (A1, Kind.organization, "المرصد السوري"),
        (C1, Kind.organization, "فصيل"),
        (
            "أكدت وزارة الدفاع الروسية مقتل القيادي في الغارة على ريف حماة",
            Kind.organization,
            "وزارة الدفاع الروسية",
        ),
    ],
    [
        (B1, Kind.organization, "الدفاع المدني"),
        ("وصلت تعزيزات عسكرية تركية إلى معبر باب الهوى", Kind.author, None),
    ],
    [
        (D1, Kind.anonymous, "ناشطون"),
        (
            "نفت وزارة الدفاع الروسية مقتل القيادي في الغارة على ريف حماة",
            Kind.organization,
            "الكرملين",
        ),
        (WIRE, Kind.media, "وكالة سانا"),
    ],
    [
        (WIRE, Kind.author, None),
        ("افتتحت مدرسة جديدة في مدينة الباب بريف حلب", Kind.author, None),
    ],
]


def snapshot(store: Store) -> tuple[list[tuple], dict[str, float]]:
    rows = sorted((x.claim_id, x.other_id, x.kind, x.score, tuple(x.reasons)) for x in links(store))
    return rows, confidences(store)


def test_incremental_linking_gives_the_links_of_a_full_run(store):
    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
        assert link_store(store).new == len(rows)
    incremental = snapshot(store)
    kinds = sorted(x[2] for x in incremental[0])
    assert kinds.count("contradicts") >= 3 and "corroborates" in kinds and "duplicate" in kinds
    full = link_store(store, all=True)
    assert full.new == sum(map(len, STORY))
    assert snapshot(store) == incremental


def test_incremental_ranks_candidates_as_a_full_run_when_each_claim_keeps_one(store):
    # With top_k=1 a stored claim takes a new candidate only if it beats the best it has met.
    # A link that a later claim displaces from both ends stays until a full relink.
    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
        link_store(store, top_k=1)
    incremental = set(snapshot(store)[0])
    with store.session() as s:
        last = set(
            s.execute(
                select(ClaimRow.id)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .where(ArticleRow.doc == f"{len(STORY) - 1}.txt")
            ).scalars()
        )
    link_store(store, all=True)
    assert len(snapshot(store)[0]) > len(incremental)  # top_k=1 keeps fewer
    link_store(store, all=True, top_k=1)
    full = set(snapshot(store)[0])
    assert full <= incremental
    assert {x for x in full if {x[0], x[1]} & last} == {
        x for x in incremental if {x[0], x[1]} & last
    }


def test_linking_in_small_batches_gives_the_links_of_one_batch(store, monkeypatch):
    # batch=1: every claim read and analysed in a batch of its own, every pair judged in a
    # step of its own; then in two worker processes, each sent one part at a time
    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store, all=True, workers=1)
    whole = snapshot(store)
    assert len(whole[0]) >= 5
    link_store(store, all=True, batch=1, workers=1)
    assert snapshot(store) == whole
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    monkeypatch.setattr(workers, "PARTS", 1)
    monkeypatch.setattr(workers, "JUDGED_AT_ONCE", 1)
    link_store(store, all=True, workers=2)
    assert snapshot(store) == whole
    extra = [(A1.replace("30", "45"), Kind.anonymous, "ناشطون"), (D1, Kind.author, None)]
    ingest(store, article("late.txt", extra))
    link_store(store, batch=1, workers=2)
    incremental = snapshot(store)
    link_store(store, all=True)
    assert snapshot(store) == incremental


def test_the_claims_set_aside_are_found_alike_looked_up_or_searched_for(store, monkeypatch):
    # a write that asks about many claims searches the index for every claim set aside
    from claims.store import linking

    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
    ingest(store, article("0.txt", STORY[0][1:]))  # edited: its first claim is no longer current
    with store.session() as s:
        ids = set(s.scalars(select(ClaimRow.id)))
        looked_up = linking._set_aside(s, ids)
        some = set(sorted(ids)[::2])
        monkeypatch.setattr(linking, "SET_ASIDE_SEARCHED_FROM", 0)
        assert len(looked_up) == 1
        assert linking._set_aside(s, ids) == looked_up
        assert linking._set_aside(s, some) == looked_up & some


def test_readings_are_read_back_as_written_one_by_one_or_several_at_once(monkeypatch):
    from claims.store import linking

    readings = linking._Readings()
    written = {cid: bytes([cid % 251]) * (1 + cid * 37 % 5000) for cid in range(0, 3000, 3)}
    ids = sorted(written)
    for part in (ids[1::2], ids[::2]):  # neighbours in id order apart in the file
        readings.add(part, [written[cid] for cid in part])
    asked = list(range(-3, 3003, 2))
    expected = [written.get(cid) for cid in asked]
    assert readings.get(asked) == expected
    monkeypatch.setattr(linking, "READ_AT_ONCE", 1)
    assert readings.get(asked) == expected
    readings.close()


def test_reasons_are_stored_as_written_not_escaped(store):
    from sqlalchemy import Text, cast

    ingest(store, article("a.txt", [(A1, Kind.organization, "المرصد السوري")]))
    ingest(store, article("b.txt", [(B1, Kind.organization, "الدفاع المدني")]))
    link_store(store)
    with store.session() as s:
        stored = s.scalar(select(cast(LinkRow.reasons, Text)))
    assert "«30 قتيلاً»" in stored and "\\u" not in stored


def test_related_claims_quote_the_words_of_their_link_as_the_claims_write_them(store):
    from claims.store import related

    ingest(store, article("c.txt", [(C1, Kind.organization, "فصيل")]))
    ingest(store, article("d.txt", [(D1, Kind.anonymous, "ناشطون")]))
    link_store(store)
    with store.session() as s:
        [stored] = s.scalars(select(LinkRow)).all()
        own = s.scalar(select(ClaimRow.id).where(ClaimRow.claim == C1))
    # the link keeps the matching forms (stems, article off); a reader is shown the words
    assert "shared content: باد سيطر محروث معارض منطق" in stored.reasons
    [link] = related(store, own)
    shown = next(r for r in link.reasons if r.startswith("shared content: "))
    assert shown == "shared content: البادية سيطرت محروثة المعارضة منطقة"


def test_a_new_claim_is_compared_only_with_stored_claims_that_share_its_keys(store):
    for n, rows in enumerate(STORY[:3]):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store)
    ingest(
        store,
        article("other.txt", [("ارتفعت أسعار الخبز والوقود في الأسواق", Kind.author, None)]),
    )
    unrelated = link_store(store)
    assert unrelated.compared == 0 and unrelated.judged == 0
    ingest(store, article("toll.txt", [(A1.replace("30", "35"), Kind.anonymous, "ناشطون")]))
    result = link_store(store)
    assert result.new == 1 and 1 <= result.compared < 8
    # each pair judged joins the new claim to one of the stored claims compared with it
    assert 1 <= sum(result.links.values()) <= result.judged <= result.compared


def test_keys_made_with_other_lexicons_are_made_again_without_relinking(store, monkeypatch):
    from claims import link as linker
    from claims.store.tables import LinkIndexRow

    for n, rows in enumerate(STORY[:2]):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store)
    before = snapshot(store)
    monkeypatch.setattr(linker, "keys_version", lambda: "edited-lexicon")
    result = link_store(store)
    assert result.new == 0 and result.rekeyed == sum(map(len, STORY[:2]))
    assert link_store(store).rekeyed == 0
    with store.session() as s:
        assert {r.version for r in s.execute(select(LinkIndexRow)).scalars()} == {"edited-lexicon"}
    assert snapshot(store) == before


def test_a_link_between_two_chunks_of_claims_counts_once(store, monkeypatch):
    # Claims are read in chunks of ids; a link whose ends fall in two chunks is read twice.
    from claims.store import linking, queries

    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store)
    expected = snapshot(store)
    monkeypatch.setattr(linking, "CHUNK", 1)
    monkeypatch.setattr(queries, "RECOMPUTED_AT_ONCE", 1)  # a claim's links read a claim at a time
    link_store(store, all=True)
    assert snapshot(store) == expected
    with store.session() as s:
        for claim in s.execute(select(ClaimRow)).scalars():
            steps = [
                r["label"] for r in claim.reasons if r["label"].startswith(("contra", "corro"))
            ]
            assert len(steps) == len(set(steps)), claim.reasons


def test_a_rejected_link_is_dropped_with_its_confidence_and_never_made_again(store):
    from claims.store import NotFound, reject_link
    from claims.store.tables import RejectedLinkRow

    ingest(store, article("a.txt", [(A1, Kind.organization, "المرصد السوري")]))
    alone = confidences(store)[A1]
    ingest(store, article("b.txt", [(B1, Kind.organization, "الدفاع المدني")]))
    link_store(store)
    [contradiction] = links(store)
    assert confidences(store)[A1] < alone
    assert (
        reject_link(
            store,
            contradiction.other_id,
            contradiction.claim_id,
            reviewer="amina",
            reason="two strikes on two days",
        )
        == 1
    )
    assert links(store) == [] and confidences(store)[A1] == alone
    with store.session() as s:
        [kept] = s.execute(select(RejectedLinkRow)).scalars().all()
    assert (kept.claim_id, kept.other_id, kept.kind) == (
        contradiction.claim_id,
        contradiction.other_id,
        "contradicts",
    )
    assert (kept.reviewer, kept.reason) == ("amina", "two strikes on two days")
    ingest(store, article("c.txt", [(A1.replace("30", "35"), Kind.anonymous, "ناشطون")]))
    link_store(store)
    link_store(store, all=True)
    assert all(
        {x.claim_id, x.other_id} != {contradiction.claim_id, contradiction.other_id}
        for x in links(store)
    )
    with pytest.raises(NotFound):
        reject_link(store, contradiction.claim_id, contradiction.other_id, reviewer="a", reason="x")
    with pytest.raises(ValueError):
        reject_link(store, 1, 2, reviewer="amina", reason=" ")


@pytest.mark.parametrize("first", [Kind.organization, Kind.media])
def test_an_intermediary_named_like_entities_of_two_kinds_is_the_outlet_whichever_came_first(
    store, first
):
    """The intermediary's entity must not hang on the order the store returns rows in (nor on
    the order articles came in): the outlet of that name, before a body of that name."""
    from claims.arabic import normalize_key
    from claims.store.linking import _via_entities
    from claims.store.tables import ENTITY

    key = normalize_key("المدن")
    second = Kind.media if first is Kind.organization else Kind.organization
    with store.session() as session:
        for kind in (first, second):
            session.execute(
                ENTITY.insert().values(kind=kind.value, name="المدن", key=key, scope="")
            )
        media_id = session.execute(
            select(ENTITY.c.id).where(ENTITY.c.kind == Kind.media.value, ENTITY.c.key == key)
        ).scalar_one()
        assert _via_entities(session)[key] == media_id


def test_read_ahead_makes_no_more_features_than_the_cache_keeps(monkeypatch):
    import claims.link as linker
    from claims.store.linking import read_ahead

    statements = ["نفى الجيش الخبر", "أكد المرصد الخبر", "قالت الوزارة إن الطريق أغلق"]
    linker.features.cache_clear()
    try:
        monkeypatch.setattr(linker, "FEATURES_KEPT", 2)  # room for two
        read_ahead(iter(statements))
        assert linker.features.cache_info().currsize == 2
        read_ahead(iter(statements))  # no room left: nothing made to be pushed out unread
        assert linker.features.cache_info().misses == 2
    finally:
        linker.features.cache_clear()


def reasons_and_confidences(store: Store) -> dict[int, tuple[float, list]]:
    with store.session() as s:
        return {r.id: (r.confidence, r.reasons) for r in s.execute(select(ClaimRow)).scalars()}


def test_a_full_run_moves_each_confidence_as_the_stored_links_do(store):
    """A full run recomputes the confidences from the links it has just written, without
    reading them back: they must be what the links in the store give, a link a reviewer
    rejected left out and a verdict kept."""
    from claims.store import reject_link

    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store)
    rejected, *_ = [x for x in links(store) if x.kind == "contradicts"]
    reject_link(store, rejected.claim_id, rejected.other_id, reviewer="amina", reason="two days")
    with store.session() as s:
        verified = s.execute(select(ClaimRow).where(ClaimRow.claim == C1)).scalar_one()
    set_status(store, verified.id, Status.verified, reviewer="r", expected_version=verified.version)
    link_store(store, all=True)
    after = reasons_and_confidences(store)
    assert after[verified.id][0] == 1.0
    assert any("corroborated by claim" in r["label"] for _c, rs in after.values() for r in rs)
    refresh_confidence(store, sorted(after))  # from the links read from the store
    assert reasons_and_confidences(store) == after


def test_the_claims_to_link_are_counted_only_as_far_as_sizing_the_workers_needs(store, monkeypatch):
    from claims import link as linker
    from claims.store.linking import _to_link

    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
    version = linker.keys_version()
    with store.session() as s:
        assert _to_link(s, all=True, version=version) == sum(map(len, STORY))
        monkeypatch.setattr(linker, "PARALLEL_FROM", 3)
        assert _to_link(s, all=True, version=version) == 3
        assert _to_link(s, all=False, version=version) == 3
    link_store(store)
    with store.session() as s:
        assert _to_link(s, all=False, version=version) == 0
        assert _to_link(s, all=True, version=version) == 3


def test_a_plan_made_before_a_full_relink_numbered_the_keys_again_is_not_written(store):
    # the plan read the keys' old numbers; the relink numbered them again past the old ones
    from claims import link as linker
    from claims.store import link_keys, linking

    for n, rows in enumerate(STORY[:-1]):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store)
    ingest(store, article("last.txt", STORY[-1]))
    version = linker.keys_version()
    with linker.Workers(1) as pool, store.session() as session:
        before = link_keys.generation(session)
        plan = linking._plan(
            session,
            all=False,
            version=version,
            top_k=linker.TOP_K,
            workers=1,
            pool=pool,
            batch=linking.BATCH,
        )
    assert plan.new_ids and plan.generation == before
    link_store(store, all=True)
    with store.session() as session:  # as if the last article came after the relink read
        session.execute(delete(LinkIndexRow).where(LinkIndexRow.claim_id.in_(plan.new_ids)))
    with store.session() as session:
        after = link_keys.generation(session)
        assert after is not None and before is not None and after > before
        assert linking._write(session, plan) is None
    plan.links.close()
    assert link_store(store).new == len(STORY[-1])  # planned again, with the new numbers
    linked = snapshot(store)
    link_store(store, all=True)
    assert snapshot(store) == linked


def test_confidences_are_recomputed_together_in_three_statements_as_one_by_one(store):
    """Claims set aside as furniture, and their partners, get their figures back in one
    read of their rows, one of their links and one update: not three statements a claim."""
    from sqlalchemy import event
    from sqlalchemy.exc import NoResultFound

    from claims.store.queries import recompute_confidence, recompute_confidences

    for n, rows in enumerate(STORY):
        ingest(store, article(f"{n}.txt", rows))
    link_store(store)
    linked = reasons_and_confidences(store)
    with store.session() as s:  # figures that the links do not give, to be recomputed
        s.execute(ClaimRow.__table__.update().values(confidence=0.6, reasons=[]))
        s.commit()
    statements: list[str] = []

    def count(*args) -> None:
        statements.append(args[2])

    event.listen(store.engine, "before_cursor_execute", count)
    with store.session() as s:
        recompute_confidences(s, sorted(linked), linked=False)
        s.commit()
    event.remove(store.engine, "before_cursor_execute", count)
    together = reasons_and_confidences(store)
    assert len(linked) > 3 and len(statements) == 3
    assert together != {cid: (0.6, []) for cid in linked}  # the links moved some figures
    with store.session() as s:
        s.execute(ClaimRow.__table__.update().values(confidence=0.6, reasons=[]))
        for claim_id in sorted(linked):
            recompute_confidence(s, claim_id, linked=False)
        s.commit()
    assert reasons_and_confidences(store) == together
    with store.session() as s, pytest.raises(NoResultFound, match="no claim 999999"):
        recompute_confidences(s, [999999])


def test_no_claim_is_linked_to_itself(store):
    # the time of a page glued to its title gives 2 twice: its figure key, held twice, once
    # made a block of the claim with itself, stored as a link 'duplicate: the same statement'
    twice = "قتل 2 من المدنيين في قصف على ريف إدلب الساعة 00: 02 بتوقيت القدس 21: 02"
    ingest(store, article("a.txt", [(twice, Kind.organization, "المرصد السوري")]))
    ingest(store, article("b.txt", [(B1, Kind.organization, "الدفاع المدني")]))
    for everything in (False, True):
        link_store(store, all=everything)
        assert [x for x in links(store) if x.claim_id == x.other_id] == []

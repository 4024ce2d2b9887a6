"""The store's one door: paging, filters, review with optimistic concurrency, undo, history."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claims.models import Kind, LinkKind, Status
from claims.store import (
    ClaimFilter,
    ConflictError,
    NotFound,
    Store,
    UndoRefused,
    add_note,
    count_claims,
    get_claim,
    history,
    ingest,
    last_article_id,
    paragraph_of,
    query_claims,
    related,
    set_status,
    undo_last,
)
from claims.store.queries import LINK, count_statement
from tests.store_helpers import sample


def test_query_claims_pages_in_article_order(store):
    ingest(store, sample("a.txt"))
    ingest(store, sample("b.txt", outlet="الجزيرة", title="آخر"))
    assert count_claims(store) == 8
    page = query_claims(store, ClaimFilter(), offset=3, limit=3)
    assert [(view.doc, view.index) for view in page] == [("a.txt", 3), ("b.txt", 0), ("b.txt", 1)]
    assert page[0].kind == Kind.author and page[2].kind == Kind.organization


def _plan(store: Store, statement) -> list[str]:
    sql = statement.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})
    with store.session() as session:
        return [row[-1] for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]


PINNED_VIEWS = [
    ClaimFilter(hide_duplicates=True),  # the review app's
    ClaimFilter(hide_duplicates=True, status=Status.unreviewed),
    ClaimFilter(),
]


@pytest.mark.parametrize("flt", PINNED_VIEWS)
def test_a_pinned_view_is_counted_and_paged_without_reading_every_claim(tmp_path, flt):
    """The review app pins its view to the articles stored when read (`up_to_article`), a
    range that holds nearly every claim. SQLite, with no statistics, sought that range: it
    counted a million claims through the table (1.06 s, now 0.11 from the count index
    alone) and sorted them all to show 50 by confidence (1.6 s, now 0.002 s)."""
    from claims.store.queries import _VIEW_COLUMNS, _base, _ordered

    with Store.open(str(tmp_path / "plan.db")) as store:
        ingest(store, sample())
        pinned = flt.model_copy(update={"up_to_article": last_article_id(store)})
        count = _plan(store, count_statement(pinned))
        pages = {
            order: _plan(store, _ordered(_base(_VIEW_COLUMNS, pinned), order).limit(50))
            for order in ("position", "confidence")
        }
    assert count[0].startswith("SEARCH claim USING COVERING INDEX ix_claim_current_count ("), count
    assert "ix_claim_current_position" in pages["position"][0], pages
    assert "ix_claim_current_confidence" in pages["confidence"][0], pages
    assert not any("TEMP B-TREE" in step for plan in pages.values() for step in plan), pages


def test_search_without_hamza_finds_text_with_it(store):
    ingest(store, sample())
    found = query_claims(store, ClaimFilter(search="اكدت وزاره"))
    assert [view.source for view in found] == ["وزارة الدفاع الروسية"]
    assert count_claims(store, ClaimFilter(search="100%_")) == 0


def test_filters_by_kind_status_source_outlet_article(store):
    ingest(store, sample())
    assert count_claims(store, ClaimFilter(kind=Kind.anonymous)) == 1
    assert count_claims(store, ClaimFilter(kind=[Kind.anonymous, Kind.author])) == 2
    assert count_claims(store, ClaimFilter(status=Status.unreviewed)) == 4
    assert count_claims(store, ClaimFilter(source="كوناشينكوف")) == 1
    assert count_claims(store, ClaimFilter(outlet="المدن")) == 4
    assert count_claims(store, ClaimFilter(outlet="الجزيرة")) == 0
    assert count_claims(store, ClaimFilter(article="a.txt")) == 4
    article_id = query_claims(store, limit=1)[0].article_id
    assert count_claims(store, ClaimFilter(article=str(article_id))) == 4


def test_order_by_confidence_puts_highest_first(store):
    ingest(store, sample())
    confidences = [view.confidence for view in query_claims(store, order="confidence")]
    assert confidences == sorted(confidences, reverse=True)


def test_second_reviewer_on_one_claim_gets_conflict(store):
    ingest(store, sample())
    claim = query_claims(store, limit=1)[0]
    first = set_status(
        store, claim.id, Status.verified, reviewer="amina", expected_version=claim.version
    )
    assert first.status == Status.verified and first.version == claim.version + 1
    with pytest.raises(ConflictError) as caught:
        set_status(
            store, claim.id, Status.disputed, reviewer="omar", expected_version=claim.version
        )
    assert caught.value.changed_by == "amina"
    assert "amina" in str(caught.value)
    after = get_claim(store, claim.id)
    assert after.status == Status.verified and after.reviewer == "amina"
    assert [entry.reviewer for entry in history(store, claim.id)] == ["amina"]


def test_status_note_and_undo_are_history(store):
    ingest(store, sample())
    claim = query_claims(store, limit=1)[0]
    v1 = set_status(
        store, claim.id, Status.disputed, reviewer="amina", expected_version=1, note="مشكوك"
    )
    v2 = add_note(store, claim.id, "راجع المصدر", reviewer="amina", expected_version=v1.version)
    assert v2.note == "راجع المصدر" and v2.status == Status.disputed
    back = undo_last(store, reviewer="amina")
    assert back is not None and back.note == "مشكوك"
    back = undo_last(store, reviewer="amina")
    assert back.status == Status.unreviewed and back.reviewer is None and back.note is None
    assert undo_last(store, reviewer="amina") is None
    actions = [(e.action, e.old_status, e.new_status) for e in history(store, claim.id)]
    assert actions == [
        ("status", Status.unreviewed, Status.disputed),
        ("note", Status.disputed, Status.disputed),
        ("undo", Status.disputed, Status.disputed),
        ("undo", Status.disputed, Status.unreviewed),
    ]
    assert all(entry.at.tzinfo is not None for entry in history(store, claim.id))


def test_undo_after_someone_else_changed_is_refused(store):
    ingest(store, sample())
    claim = query_claims(store, limit=1)[0]
    mine = set_status(store, claim.id, Status.verified, reviewer="amina", expected_version=1)
    set_status(store, claim.id, Status.disputed, reviewer="omar", expected_version=mine.version)
    with pytest.raises(UndoRefused, match="omar's verdict came after yours"):
        undo_last(store, reviewer="amina")
    assert get_claim(store, claim.id).status == Status.disputed


def test_undo_never_walks_back_into_another_reviewers_verdict(store):
    """Issue 14 item 8: alice's second undo reached past bob's verdict and dropped it."""
    ingest(store, sample())
    claim = query_claims(store, limit=1)[0]
    first = set_status(store, claim.id, Status.verified, reviewer="alice", expected_version=1)
    bobs = set_status(
        store, claim.id, Status.disputed, reviewer="bob", expected_version=first.version
    )
    set_status(store, claim.id, Status.verified, reviewer="alice", expected_version=bobs.version)
    back = undo_last(store, reviewer="alice")
    assert back is not None and (back.status, back.reviewer) == (Status.disputed, "bob")
    entries = len(history(store, claim.id))
    with pytest.raises(UndoRefused, match="bob's verdict came after yours; nothing undone"):
        undo_last(store, reviewer="alice")
    after = get_claim(store, claim.id)
    assert (after.status, after.reviewer, after.version) == (Status.disputed, "bob", back.version)
    assert len(history(store, claim.id)) == entries


def test_unknown_claim_is_not_found(store):
    with pytest.raises(NotFound):
        get_claim(store, 999)
    with pytest.raises(NotFound):
        set_status(store, 999, Status.verified, reviewer="x", expected_version=1)


def test_paragraph_of_gives_sentence_offsets(store):
    ingest(store, sample())
    claim = query_claims(store, ClaimFilter(kind=Kind.anonymous))[0]
    paragraph, start, end = paragraph_of(store, claim.id)
    assert paragraph[start:end] == claim.sentence


def test_related_reads_links_both_ways(store):
    ingest(store, sample())
    first, second, third = (view.id for view in query_claims(store, limit=3))
    with store.session() as session:
        session.execute(
            LINK.insert(),
            [
                dict(
                    claim_id=first, other_id=second, kind="corroborates", score=0.9, reasons=["x"]
                ),
                dict(claim_id=third, other_id=first, kind="contradicts", score=0.7, reasons=[]),
            ],
        )
    links = related(store, first)
    assert [(link.claim.id, link.kind) for link in links] == [
        (second, LinkKind.corroborates),
        (third, LinkKind.contradicts),
    ]
    view = get_claim(store, first)
    assert (view.n_corroborating, view.n_contradicting) == (1, 1)
    assert count_claims(store, ClaimFilter(contradicted=True)) == 2
    assert count_claims(store, ClaimFilter(contradicted=False)) == 2


def test_two_reviewers_at_the_same_moment_one_wins_one_conflicts(store):
    import threading

    ingest(store, sample())
    claim = query_claims(store, limit=1)[0]
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def review(reviewer: str, status: Status) -> None:
        barrier.wait()
        try:
            outcomes[reviewer] = set_status(
                store, claim.id, status, reviewer=reviewer, expected_version=claim.version
            )
        except ConflictError as exc:
            outcomes[reviewer] = exc

    threads = [
        threading.Thread(target=review, args=("amina", Status.verified)),
        threading.Thread(target=review, args=("omar", Status.disputed)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    conflicts = [o for o in outcomes.values() if isinstance(o, ConflictError)]
    winners = [o for o in outcomes.values() if not isinstance(o, ConflictError)]
    assert len(conflicts) == 1 and len(winners) == 1
    final = get_claim(store, claim.id)
    assert final.status == winners[0].status and final.version == claim.version + 1
    assert conflicts[0].changed_by == final.reviewer
    assert len(history(store, claim.id)) == 1


def test_search_ignores_diacritics_and_spacing(store):
    ingest(store, sample())
    assert count_claims(store, ClaimFilter(search="  مصادر\nمطلعه ")) == 1
    assert count_claims(store, ClaimFilter(search="أكَّدَت")) == 1


# Sentences whose text is hard on a search: quotes (FTS5's phrase syntax), % and _ (LIKE's),
# a backslash (the escape), Latin in either case.
AWKWARD = [
    'قال "المصدر" إن 100% من_الأسرى خرجوا',
    "نقلت وكالة Reuters عن مصدر أن back\\slash وصل",
    "ذكرت مصادر أن الحصار مستمر",
]


@pytest.mark.parametrize(
    ("needle", "hits"),
    [
        ("مصادر", 2),  # a trigram and more: the index (FTS5 on SQLite, pg_trgm on PostgreSQL)
        ('"المصدر"', 1),
        ("100%", 1),
        ("100%%", 0),
        ("من_الاسري", 1),
        ("من-الاسري", 0),
        ("REUTERS", 3),  # the source of the three is searched too
        ("back\\slash", 1),
        ("%", 1),  # one character: LIKE, its % taken literally
        ("ذك", 1),  # two letters: no trigram, LIKE
        ("غير موجود في أي خبر", 0),
    ],
)
def test_search_finds_exactly_the_claims_that_hold_the_needle(store, needle, hits):
    from claims.store.queries import search_form

    searched = _awkward_store(store, "search")
    holding = {cid for cid, text in searched.items() if search_form(needle) in text}
    found = query_claims(store, ClaimFilter(search=needle), limit=100)
    assert {view.id for view in found} == holding
    assert count_claims(store, ClaimFilter(search=needle)) == len(holding) == hits


@pytest.mark.parametrize(
    ("needle", "hits"),
    [
        ("مصادر", 1),  # "مصادر مطلعة" of the sample; the index
        ("وزارة الدفاع", 1),
        ("كوناشينكوف", 1),
        ("Reuters", 1),
        ("وكالة رويترز", 0),
        ("مص", 1),  # no trigram: LIKE
    ],
)
def test_a_source_filter_finds_exactly_the_claims_whose_source_holds_the_needle(
    store, needle, hits
):
    from claims.arabic import normalize_key

    keys = _awkward_store(store, "source_key")
    holding = {cid for cid, key in keys.items() if key and normalize_key(needle) in key}
    found = query_claims(store, ClaimFilter(source=needle), limit=100)
    assert {view.id for view in found} == holding
    assert count_claims(store, ClaimFilter(source=needle)) == len(holding)
    assert len({view.source for view in found}) == hits


def _awkward_store(store, column: str) -> dict[int, str]:
    """The sample and the AWKWARD sentences stored; each claim's value of `column`."""
    from sqlalchemy import select

    from claims.store.tables import CLAIM
    from tests.store_helpers import make_article

    ingest(store, sample())
    said = [(t, Kind.organization, "وكالة Reuters") for t in AWKWARD]
    ingest(store, make_article("awkward.txt", said))
    with store.session() as session:
        return dict(session.execute(select(CLAIM.c.id, CLAIM.c[column])).all())


def test_searches_one_after_another_find_each_its_own(store):
    # one engine, so one cache of compiled statements: the needle must be a bound value
    ingest(store, sample())
    for needle, ids in (("مصادر مطلعه", 1), ("وزاره الدفاع", 2), ("مصادر مطلعه", 1)):
        assert count_claims(store, ClaimFilter(search=needle)) == ids
        assert count_claims(store, ClaimFilter(source=needle)) == 1


def test_a_search_reads_the_index_when_the_needle_holds_a_trigram(tmp_path):
    """The FTS5 table finds the claims whose text or source holds the needle; a LIKE read
    every claim's (2.1 s for a search of a million claims, a count 1.6 s)."""
    with Store.open(str(tmp_path / "plan.db")) as store:
        ingest(store, sample())
        indexed = [
            _plan(store, count_statement(ClaimFilter(search="مصادر مطلعه"))),
            _plan(store, count_statement(ClaimFilter(source="مصادر مطلعه"))),
        ]
        short = _plan(store, count_statement(ClaimFilter(search="مص")))
    for plan in indexed:
        assert any("claim_search VIRTUAL TABLE" in step for step in plan), plan
    assert not any("claim_search" in step for step in short), short


def test_a_store_without_its_search_index_is_searched_all_the_same(tmp_path):
    """A SQLite store whose FTS5 table is gone (dropped, or a copy of some tables) is
    searched with LIKE instead of failing, until `claims db reindex` makes the index again."""
    from claims.store.search_index import drop, reindex

    path = str(tmp_path / "without.db")
    with Store.open(path) as store:
        ingest(store, sample())
        with store.engine.begin() as conn:
            drop(conn)
    needle = ClaimFilter(search="مصادر مطلعه")
    with Store.open(path) as store:
        assert count_claims(store, needle) == 1
        assert not any("claim_search" in step for step in _plan(store, count_statement(needle)))
        assert reindex(store)
        assert count_claims(store, needle) == 1
        assert any("claim_search" in step for step in _plan(store, count_statement(needle)))


def test_the_search_index_follows_every_change_of_the_claims(tmp_path):
    """Triggers keep SQLite's FTS5 table in step with the claim table it indexes: FTS5's
    integrity check compares the two."""
    with Store.open(str(tmp_path / "changed.db")) as store:
        ingest(store, sample())
        first, second = (view.id for view in query_claims(store, limit=2))
        with store.session() as session:
            session.execute(
                text("UPDATE claim SET search = 'نص جديد تماما' WHERE id = :id"), {"id": first}
            )
            session.execute(text("DELETE FROM claim WHERE id = :id"), {"id": second})
            session.execute(
                text("INSERT INTO claim_search(claim_search, rank) VALUES ('integrity-check', 1)")
            )
            session.commit()
        assert [view.id for view in query_claims(store, ClaimFilter(search="جديد تماما"))] == [
            first
        ]
        assert count_claims(store, ClaimFilter(search="اكدت وزاره")) == 0  # the first's text


def test_postgresql_can_search_through_the_trigram_index(store):
    """The LIKE a search makes (with its ESCAPE) is one pg_trgm's index serves. Which plan
    PostgreSQL picks depends on its statistics: on a table this small, the count index."""
    from sqlalchemy import select

    from claims.store.search_index import holds
    from claims.store.tables import CLAIM

    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's pg_trgm index")
    ingest(store, sample())
    sql = (
        select(CLAIM.c.id)
        .where(holds(CLAIM.c.search, "مصادر مطلعه"))
        .compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})
    )
    with store.session() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))  # as on a large table
        plan = [row[0] for row in session.execute(text(f"EXPLAIN {sql}"))]
    assert any("Bitmap Index Scan on ix_claim_search_trigram" in step for step in plan), plan


CORROBORATED = "سيطرت فصائل المعارضة على منطقة محروثة في البادية الشامية"
CORROBORATING = "تمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية"


def _linked_pair(store) -> int:
    """Two articles whose claims corroborate each other, linked; the first claim's id."""
    from claims.store.linking import link_store
    from tests.store_helpers import make_article

    ingest(store, make_article("a.txt", [(CORROBORATED, Kind.organization, "فصيل")]))
    # another outlet's: agreement within one outlet is no independent corroboration
    ingest(
        store,
        make_article("b.txt", [(CORROBORATING, Kind.anonymous, "ناشطون")], outlet="عنب بلدي"),
    )
    assert link_store(store).links == {"corroborates": 1}
    return query_claims(store, ClaimFilter(article="a.txt"))[0].id


def test_verdict_overrides_confidence_says_why_and_undo_puts_it_back(store):
    claim = get_claim(store, _linked_pair(store))
    labels = [reason.label for reason in claim.reasons]
    assert any(label.startswith("corroborated by claim") for label in labels)
    assert 0 < claim.confidence < 1

    verified = set_status(
        store, claim.id, Status.verified, reviewer="amina", expected_version=claim.version
    )
    assert verified.confidence == 1.0
    last_steps = [(r.label, r.delta) for r in verified.reasons][-2:]
    assert last_steps[0] == ("reviewer: verified", round(1.0 - claim.confidence, 4))
    assert last_steps[1][0].startswith("linked:")  # the linker's mark stays last
    assert verified.reasons[: len(claim.reasons) - 1] == claim.reasons[:-1]
    assert get_claim(store, claim.id).confidence == 1.0  # stored, not only returned

    back = undo_last(store, reviewer="amina")
    assert back is not None and back.status == Status.unreviewed
    assert back.confidence == pytest.approx(claim.confidence, abs=1e-4)
    assert back.reasons == claim.reasons

    disputed = set_status(
        store, claim.id, Status.disputed, reviewer="omar", expected_version=back.version
    )
    assert disputed.confidence == 0.0
    assert ("reviewer: disputed", -claim.confidence) in [
        (r.label, pytest.approx(r.delta, abs=1e-4)) for r in disputed.reasons
    ]
    again = set_status(
        store, claim.id, Status.unreviewed, reviewer="omar", expected_version=disputed.version
    )
    assert again.confidence == pytest.approx(claim.confidence, abs=1e-4)
    assert again.reasons == claim.reasons


def test_a_verdict_that_conflicts_moves_no_confidence(store):
    claim = get_claim(store, _linked_pair(store))
    set_status(store, claim.id, Status.disputed, reviewer="amina", expected_version=claim.version)
    with pytest.raises(ConflictError):
        set_status(
            store, claim.id, Status.verified, reviewer="omar", expected_version=claim.version
        )
    assert get_claim(store, claim.id).confidence == 0.0


def test_relinking_keeps_the_verdict_and_a_note_moves_nothing(store):
    from claims.store.linking import link_store

    claim = get_claim(store, _linked_pair(store))
    verified = set_status(
        store, claim.id, Status.verified, reviewer="amina", expected_version=claim.version
    )
    noted = add_note(
        store, claim.id, "بيان رسمي", reviewer="amina", expected_version=verified.version
    )
    assert (noted.confidence, noted.reasons) == (verified.confidence, verified.reasons)
    link_store(store, all=True)
    assert get_claim(store, claim.id).confidence == 1.0


def test_verdict_on_a_claim_not_linked_yet_leaves_it_new_to_the_linker(store):
    from claims.store.linking import link_store

    ingest(store, sample())
    claim = query_claims(store, limit=1)[0]
    verified = set_status(store, claim.id, Status.verified, reviewer="amina", expected_version=1)
    assert verified.confidence == 1.0
    assert not any(r.label.startswith("linked:") for r in verified.reasons)
    assert link_store(store).new == 4  # the verified claim too
    assert get_claim(store, claim.id).confidence == 1.0
    back = undo_last(store, reviewer="amina")
    assert back is not None and back.confidence == claim.confidence


@pytest.mark.parametrize("order", ["position", "confidence"])
def test_pages_after_a_cursor_or_from_the_end_are_the_pages_by_offset(store, order):
    for doc in ("a.txt", "b.txt", "c.txt"):  # equal confidences across articles: ties by id
        ingest(store, sample(doc))
    for flt in (ClaimFilter(), ClaimFilter(kind=[Kind.anonymous, Kind.author])):
        total = count_claims(store, flt)
        by_offset = [
            [view.id for view in query_claims(store, flt, order=order, offset=start, limit=5)]
            for start in range(0, total, 5)
        ]
        by_cursor, last = [], None
        while page := query_claims(store, flt, order=order, after=last, limit=5):
            by_cursor.append([view.id for view in page])
            last = page[-1]
        assert by_cursor == by_offset
        assert sum(map(len, by_cursor)) == total
        from_end = [
            [
                view.id
                for view in query_claims(
                    store,
                    flt,
                    order=order,
                    offset=max(0, total - start - 5),
                    limit=min(5, total - start),
                    from_end=True,
                )
            ]
            for start in range(0, total, 5)
        ]
        assert from_end == by_offset
        with pytest.raises(ValueError, match="not both"):
            query_claims(store, flt, order=order, after=last, from_end=True)


def test_a_view_pinned_to_the_articles_stored_leaves_out_those_stored_after(store):
    assert last_article_id(store) == 0
    ingest(store, sample("a.txt"))
    pin = last_article_id(store)
    first = count_claims(store)
    ingest(store, sample("b.txt"))
    pinned = ClaimFilter(up_to_article=pin)
    assert count_claims(store, pinned) == first < count_claims(store)
    assert {v.article_id for v in query_claims(store, pinned, limit=1000)} == {pin}
    assert last_article_id(store) > pin

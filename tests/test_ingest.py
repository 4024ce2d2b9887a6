"""Ingest: idempotent by content hash, edited files become versions that keep reviews,
entities merged across articles (anonymous ones never), and no half-written article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from claims.models import Kind, Status
from claims.store import (
    ClaimFilter,
    Store,
    count_claims,
    get_claim,
    history,
    ingest,
    query_claims,
    set_status,
)
from claims.store.queries import ARTICLE, CLAIM, ENTITY, A, C, E
from tests.store_helpers import SAMPLE, make_article, sample

ROOT = Path(__file__).resolve().parent.parent


def _snapshot(store) -> list[tuple]:
    """Everything ingest writes, without the ingest time."""
    with store.session() as session:
        articles = session.execute(
            select(A.id, A.doc, A.version, A.current, A.content_hash, A.n_claims).order_by(A.id)
        ).all()
        claims = session.execute(select(CLAIM).order_by(C.id)).all()
        entities = session.execute(select(ENTITY).order_by(E.id)).all()
    return [tuple(rows) for rows in (articles, claims, entities)]


def test_same_article_twice_changes_nothing(store):
    first = ingest(store, sample())
    before = _snapshot(store)
    again = ingest(store, sample())
    assert (first.outcome, again.outcome) == ("new", "unchanged")
    assert again.article_id == first.article_id and again.claims == 4
    assert _snapshot(store) == before


def test_same_text_under_another_name_is_its_own_article_naming_its_twin(store):
    ingest(store, sample("a.txt"))
    copy = ingest(store, sample("copy-of-a.txt"))
    assert copy.outcome == "new" and copy.same_as == "a.txt"
    assert count_claims(store) == 8
    assert ingest(store, sample("copy-of-a.txt")).outcome == "unchanged"


def test_file_edited_to_match_another_file_is_still_its_new_version(store):
    ingest(store, sample("a.txt"))
    other = make_article("b.txt", SAMPLE[:2])
    ingest(store, other)
    result = ingest(store, make_article("a.txt", SAMPLE[:2]))
    assert (result.outcome, result.version, result.same_as) == ("updated", 2, "b.txt")
    assert count_claims(store, ClaimFilter(article="a.txt")) == 2


def test_edited_file_is_a_new_version_keeping_reviews_of_unchanged_sentences(store):
    ingest(store, sample())
    kept, changed = query_claims(store, limit=2)
    set_status(store, kept.id, Status.verified, reviewer="amina", expected_version=1, note="ok")
    set_status(store, changed.id, Status.disputed, reviewer="amina", expected_version=1)

    edited = list(SAMPLE)
    edited[1] = (
        "وأكدت الوزارة أن الطائرات لم تقصف أي موقع.",
        Kind.organization,
        "وزارة الدفاع الروسية",
    )
    edited.append(("وأضاف كوناشينكوف أن العملية مستمرة.", Kind.named_person, "كوناشينكوف"))
    result = ingest(store, make_article("a.txt", edited))

    assert (result.outcome, result.version, result.claims) == ("updated", 2, 5)
    assert result.kept_reviews == 1
    assert count_claims(store) == 5  # only the current version's claims
    assert count_claims(store, ClaimFilter(include_superseded=True)) == 6
    carried = get_claim(store, kept.id)
    assert carried.article_id == result.article_id
    assert (carried.status, carried.note, carried.reviewer) == (Status.verified, "ok", "amina")
    assert [entry.action for entry in history(store, kept.id)] == ["status"]
    new_sentence = query_claims(store, ClaimFilter(search="لم تقصف"))[0]
    assert new_sentence.status == Status.unreviewed
    old = get_claim(store, changed.id)
    assert old.article_id != result.article_id and old.status == Status.disputed


def _entities(store, kind: Kind) -> list[tuple[str, str]]:
    with store.session() as session:
        rows = session.execute(select(E.name, E.scope).where(E.kind == kind.value).order_by(E.id))
        return [tuple(row) for row in rows]


def test_named_sources_merge_across_articles_anonymous_never(store):
    ingest(store, sample("a.txt", outlet="المدن"))
    other = [
        ("وقال كوناشنكوف إن الغارات دقيقة.", Kind.named_person, "كوناشنكوف"),
        ("وأعلنت وزاره الدفاع الروسيه مقتل قائد.", Kind.organization, "وزاره الدفاع الروسيه"),
        ("وذكرت وزارة الدفاع السورية أن الجيش تقدم.", Kind.organization, "وزارة الدفاع السورية"),
        ("وقالت مصادر مطلعة إن القصف استمر.", Kind.anonymous, "مصادر مطلعة"),
    ]
    ingest(store, make_article("b.txt", other, outlet="المدن"))
    assert [name for name, _ in _entities(store, Kind.organization)] == [
        "وزارة الدفاع الروسية",
        "وزارة الدفاع السورية",
    ]
    assert _entities(store, Kind.named_person) == [("إيغور كوناشينكوف", "")]
    kona = query_claims(store, ClaimFilter(search="كوناش"))
    assert len(kona) == 2 and len({view.source_id for view in kona}) == 1
    assert _entities(store, Kind.anonymous) == [("مصادر مطلعة", "a.txt"), ("مصادر مطلعة", "b.txt")]
    assert len(_entities(store, Kind.media)) == 1  # the outlet, shared


def test_fuzzy_merge_of_one_person_spelled_two_ways(store):
    ingest(store, make_article("a.txt", [("قال كوناشينكوف كذا.", Kind.named_person, "كوناشينكوف")]))
    ingest(store, make_article("b.txt", [("قال كوناشنكوف كذا.", Kind.named_person, "كوناشنكوف")]))
    assert len(_entities(store, Kind.named_person)) == 1
    # a fresh process (no cache) still finds the same entity
    fresh = Store.open(store.url)
    try:
        ingest(fresh, make_article("c.txt", [("صرح كوناشينكوف.", Kind.named_person, "كوناشينكوف")]))
        assert len(_entities(fresh, Kind.named_person)) == 1
    finally:
        fresh.close()


def test_a_person_is_named_by_the_fullest_name_whichever_mention_came_first(store):
    surname_first = [("قال لافروف كذا.", Kind.named_person, "لافروف")]
    ingest(store, make_article("a.txt", surname_first))
    full_name = [("قال وزير الخارجية سيرغي لافروف كذا.", Kind.named_person, "سيرغي لافروف")]
    ingest(store, make_article("b.txt", full_name))
    ingest(store, make_article("c.txt", surname_first))
    assert _entities(store, Kind.named_person) == [("سيرغي لافروف", "")]
    assert len({view.source_id for view in query_claims(store, ClaimFilter())}) == 1
    fresh = Store.open(store.url)  # a fresh process finds the person under either name
    try:
        ingest(fresh, make_article("d.txt", surname_first))
        assert _entities(fresh, Kind.named_person) == [("سيرغي لافروف", "")]
    finally:
        fresh.close()


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from claims.models import Kind
    from claims.store import Store, ingest
    from tests.store_helpers import make_article

    store = Store.open(sys.argv[1])
    for n in range(10_000):
        sentences = [(f"مقال {n} جملة {i} قالت مصادر.", Kind.anonymous, f"مصادر {i % 7}")
                     for i in range(300)]
        ingest(store, make_article(f"doc{n}.txt", sentences))
        print(n, flush=True)
    """
)


def test_process_killed_mid_ingest_leaves_no_half_written_article(db_url):
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, db_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for _ in range(3):  # let it commit a few articles, then kill it inside the next one
            assert writer.stdout.readline(), "the writer died before committing"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    store = Store.open(db_url)
    try:
        with store.session() as session:
            counts = session.execute(
                select(A.id, A.n_claims, func.count(C.id))
                .select_from(ARTICLE.outerjoin(CLAIM, C.article_id == A.id))
                .group_by(A.id, A.n_claims)
            ).all()
        assert len(counts) >= 3
        assert all(expected == found == 300 for _, expected, found in counts), counts
        # and the store still takes writes
        assert ingest(store, sample()).outcome == "new"
    finally:
        store.close()


def test_edited_file_keeps_verdicts_and_links_in_the_confidence_of_unchanged_sentences(store):
    from claims.store.linking import link_store

    corroborated = "سيطرت فصائل المعارضة على منطقة محروثة في البادية الشامية"
    contradicted = "سقط 30 قتيلاً في غارات روسية على مدينة إدلب"
    a = [(corroborated, Kind.organization, "فصيل"), (contradicted, Kind.organization, "المرصد")]
    b = [
        ("تمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية", Kind.anonymous, "ناشطون"),
        ("سقط 150 قتيلاً في غارات روسية على مدينة إدلب", Kind.organization, "الدفاع المدني"),
    ]
    ingest(store, make_article("a.txt", a))
    ingest(store, make_article("b.txt", b, outlet="عنب بلدي"))  # an independent outlet
    link_store(store)
    first, second = query_claims(store, ClaimFilter(article="a.txt"))
    assert first.confidence > 0.5 and second.confidence < 0.6  # corroborated, contradicted
    verified = set_status(store, first.id, Status.verified, reviewer="amina", expected_version=1)
    assert verified.confidence == 1.0

    edited = [*a, ("وقالت مصادر إن القصف استمر حتى الصباح.", Kind.anonymous, "مصادر")]
    assert ingest(store, make_article("a.txt", edited)).outcome == "updated"
    link_store(store)

    kept = get_claim(store, first.id)
    assert (kept.status, kept.confidence) == (Status.verified, 1.0)
    assert "reviewer: verified" in [reason.label for reason in kept.reasons]
    again = get_claim(store, second.id)
    assert again.confidence == second.confidence
    assert [r.label for r in again.reasons] == [r.label for r in second.reasons]


NEW_SOURCES = [
    (
        "قال الناطق باسم الدفاع المدني سامر حداد إن فرق الإنقاذ وصلت.",
        Kind.named_person,
        "سامر حداد",
    ),
    ("وقالت منظمة أطباء بلا حدود إن المستشفى توقف.", Kind.organization, "منظمة أطباء بلا حدود"),
    ("وأكد مدير المرصد رامي عبد الرحمن أن القصف استمر.", Kind.named_person, "رامي عبد الرحمن"),
    ("وذكرت وكالة الأنباء الألمانية أن الطريق أغلق.", Kind.media, "وكالة الأنباء الألمانية"),
    ("وقال المجلس المحلي للمدينة إن المياه انقطعت.", Kind.organization, "المجلس المحلي للمدينة"),
]


def test_the_new_sources_of_an_article_are_looked_up_in_one_query(store):
    from sqlalchemy import event

    ingest(store, sample())  # the store's names are known: only the new ones are looked up
    selects: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        if statement.lstrip().startswith("SELECT") and "FROM entity" in statement:
            selects.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        ingest(store, make_article("b.txt", NEW_SOURCES))
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert len(selects) == 1, selects  # not one a source
    with store.session() as session:
        keys = session.scalars(select(E.key).where(E.scope == "")).all()
    assert len(keys) == len(set(keys)) == 2 + 1 + len(NEW_SOURCES)  # SAMPLE's two, its outlet


def test_a_source_another_ingester_stored_since_is_found_not_added_again(db_url):
    first, other = Store.open(db_url), Store.open(db_url)
    try:
        ingest(first, sample())  # `first` holds the store's names from now on
        person = NEW_SOURCES[0]
        ingest(other, make_article("b.txt", [person]))
        ingest(first, make_article("c.txt", [person, NEW_SOURCES[1]]))
        with first.session() as session:
            ids = session.execute(
                select(C.source_id).where(C.source == person[2]).order_by(C.id)
            ).all()
        assert len(ids) == 2 and ids[0] == ids[1]
    finally:
        first.close()
        other.close()

"""`claims db upgrade` on stores with data, from every older revision, on both backends:
every value survives, a failed upgrade changes nothing, and every other command refuses an
older store with the command that fixes it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from claims.arabic import normalize, normalize_key
from claims.cli import _register_plugins, app
from claims.models import Kind, LinkKind, Status
from claims.store import (
    ClaimFilter,
    Store,
    StoreError,
    StoreOutdated,
    count_claims,
    get_claim,
    history,
    ingest,
    link_keys,
    query_claims,
    related,
    set_status,
    stats,
    upgrade,
)
from claims.store.engine import (
    LEFTOVER,
    _newest_revision_in_files,
    _schema_engine,
    alembic_config,
    head_revision,
    make_engine,
)
from claims.store.linking import link_store
from claims.store.queries import search_form
from claims.store.tables import CLAIM, PASSAGE, metadata
from claims.store.tables import LINK_INDEX as STORED_INDEX
from claims.store.tables import LINK_KEY as KEY
from tests.store_helpers import differences_from_the_models, migrate_to, sample
from tests.test_linking_store import STORY, snapshot
from tests.test_linking_store import article as story_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Every revision before the newest: a store from each older claims.
OLDER = sorted(
    rev.revision
    for rev in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()
    if rev.revision != head_revision()
)
AMINA_AT = datetime(2026, 11, 20, 9, 30, 15, tzinfo=timezone.utc)
NOTE_AT = datetime(2026, 11, 20, 9, 41, 2, tzinfo=timezone.utc)
OMAR_AT = datetime(2026, 11, 21, 14, 5, 0, tzinfo=timezone.utc)
UNDO_AT = datetime(2026, 11, 21, 14, 6, 30, tzinfo=timezone.utc)
INGESTED_AT = datetime(2026, 11, 19, 8, 0, 0, tzinfo=timezone.utc)


def _engine(url: str) -> sa.Engine:
    return make_engine(url)


# The tables as each older revision has them: only the columns written below.
ENTITY = sa.table(
    "entity",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("name", sa.String),
    sa.column("key", sa.String),
    sa.column("scope", sa.String),
)
ARTICLE = sa.table(
    "article",
    sa.column("id", sa.Integer),
    sa.column("doc", sa.String),
    sa.column("version", sa.Integer),
    sa.column("current", sa.Boolean),
    sa.column("content_hash", sa.String),
    sa.column("encoding", sa.String),
    sa.column("title", sa.String),
    sa.column("byline", sa.String),
    sa.column("published", sa.String),
    sa.column("outlet", sa.String),
    sa.column("outlet_key", sa.String),
    sa.column("outlet_id", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("n_claims", sa.Integer),
    sa.column("n_junk", sa.Integer),
    sa.column("ingested_at", sa.DateTime(timezone=True)),
)
CLAIM_COLUMNS = [
    ("id", sa.Integer),
    ("article_id", sa.Integer),
    ("sentence_index", sa.Integer),
    ("char_start", sa.Integer),
    ("char_end", sa.Integer),
    ("paragraph", sa.Integer),
    ("sentence", sa.Text),
    ("claim", sa.Text),
    ("kind", sa.String),
    ("source", sa.String),
    ("source_key", sa.String),
    ("source_id", sa.Integer),
    ("cue", sa.String),
    ("via", sa.String),
    ("confidence", sa.Float),
    ("reasons", sa.JSON),
    ("speech", sa.String),
    ("dup_of", sa.Integer),
    ("search", sa.Text),
    ("status", sa.String),
    ("version", sa.Integer),
    ("reviewer", sa.String),
    ("reviewed_at", sa.DateTime(timezone=True)),
    ("note", sa.Text),
]
REVIEW = sa.table(
    "review",
    sa.column("id", sa.Integer),
    sa.column("claim_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("old_status", sa.String),
    sa.column("new_status", sa.String),
    sa.column("old_note", sa.Text),
    sa.column("note", sa.Text),
    sa.column("prev_reviewer", sa.String),
    sa.column("prev_reviewed_at", sa.DateTime(timezone=True)),
    sa.column("reviewer", sa.String),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("version", sa.Integer),
    sa.column("undoes", sa.Integer),
)
LINK = sa.table(
    "link",
    sa.column("id", sa.Integer),
    sa.column("claim_id", sa.Integer),
    sa.column("other_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("score", sa.Float),
    sa.column("reasons", sa.JSON),
)
LINK_INDEX = sa.table(
    "link_index",
    sa.column("claim_id", sa.Integer),
    sa.column("blocking", sa.Text),
    sa.column("best", sa.Text),
    sa.column("version", sa.String),
)


def _claim_table(revision: str) -> sa.TableClause:
    extra = [("current", sa.Boolean)] if revision >= "0003" else []
    return sa.table("claim", *(sa.column(name, kind) for name, kind in CLAIM_COLUMNS + extra))


def _search(revision: str, sentence: str, claim: str, source: str | None) -> str:
    """The search column as claims wrote it at that revision (word form from 0004)."""
    if revision < "0004":
        return normalize("\n".join((sentence, claim, source or "")))
    parts = [sentence] + ([claim] if claim not in sentence else []) + ([source] if source else [])
    return search_form(" ".join(parts))


def _insert(conn, table, values: dict) -> int:
    return conn.execute(table.insert().values(**values).returning(table.c.id)).scalar_one()


A1 = "قال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف إن القوات تقدمت نحو تدمر."
A2 = "وقالت مصادر مطلعة لـ«المدن» إن الهجوم بدأ ليلاً."
A3 = "سيطرت فصائل المعارضة على منطقة محروثة في البادية."
OLD = "قال المتحدث إن القوات تقدمت."
B1 = "وأكّدت وزارة الدفاع الروسية أن الطائرات قصفت 30 موقعاً للمعارضة."
B2 = "وأضاف كوناشينكوف أن القوات تقدمت نحو تدمر."
# On both articles of المدن: its furniture, which 0006 sets aside.
SLOGAN = "اشترك في النشرة البريدية لموقع المدن"


def _fill(url: str, revision: str) -> dict:
    """Articles (one edited, so with a superseded version), shared and anonymous sources,
    claims with reasons, reviews with a note and an undo, and links from 0002: the rows the
    claims of that revision wrote, with the SQL of that revision. Returns what to expect."""
    claim_table = _claim_table(revision)
    engine = _engine(url)
    ids: dict = {}
    try:
        with engine.begin() as conn:
            person = _insert(
                conn,
                ENTITY,
                dict(
                    kind="named_person", name="إيغور كوناشينكوف", key="ايغور كوناشينكوف", scope=""
                ),
            )
            ministry = _insert(
                conn,
                ENTITY,
                dict(
                    kind="organization",
                    name="وزارة الدفاع الروسية",
                    key="وزاره الدفاع الروسيه",
                    scope="",
                ),
            )
            anonymous = _insert(
                conn,
                ENTITY,
                dict(kind="anonymous", name="مصادر مطلعة", key="مصادر مطلعه", scope="a.txt"),
            )
            outlet = _insert(conn, ENTITY, dict(kind="media", name="المدن", key="المدن", scope=""))

            def article(doc, version, current, text, n):
                return _insert(
                    conn,
                    ARTICLE,
                    dict(
                        doc=doc,
                        version=version,
                        current=current,
                        content_hash=f"{doc}-{version}",
                        encoding="utf-8",
                        title="تقدم في البادية",
                        byline="مراسل المدن",
                        published="2017-08-02",
                        outlet="المدن",
                        outlet_key="المدن",
                        outlet_id=outlet,
                        text=text,
                        n_claims=n,
                        n_junk=1,
                        ingested_at=INGESTED_AT,
                    ),
                )

            a_old = article("a.txt", 1, False, OLD, 1)
            a_new = article("a.txt", 2, True, "\n".join((A1, A2, A3, SLOGAN)), 4)
            b = article("b.txt", 1, True, "\n".join((B1, B2, SLOGAN)), 3)

            def claim(article_id, index, sentence, kind, source, source_id, confidence, **more):
                values = dict(
                    article_id=article_id,
                    sentence_index=index,
                    char_start=0,
                    char_end=len(sentence),
                    paragraph=index,
                    sentence=sentence,
                    claim=sentence,
                    kind=kind,
                    source=source,
                    source_key=normalize_key(source) if source else None,
                    source_id=source_id,
                    cue="قال" if source else None,
                    via=None,
                    confidence=confidence,
                    reasons=[
                        {"label": "فعل إسناد: قال", "delta": 0.3},
                        {"label": "named source", "delta": round(confidence - 0.3, 4)},
                    ],
                    speech="reported" if source else None,
                    dup_of=None,
                    search=_search(revision, sentence, sentence, source),
                    status="unreviewed",
                    version=1,
                    reviewer=None,
                    reviewed_at=None,
                    note=None,
                )
                values.update(more)
                if revision >= "0003":
                    values["current"] = article_id != a_old
                return _insert(conn, claim_table, values)

            ids["old"] = claim(a_old, 0, OLD, "named_person", "المتحدث", None, 0.55)
            ids["a1"] = claim(
                a_new,
                0,
                A1,
                "named_person",
                "إيغور كوناشينكوف",
                person,
                0.9,
                status="verified",
                version=3,
                reviewer="amina",
                reviewed_at=AMINA_AT,
                note="تحقّقت من البيان الرسمي",
            )
            ids["a2"] = claim(a_new, 1, A2, "anonymous", "مصادر مطلعة", anonymous, 0.45, version=3)
            ids["a3"] = claim(a_new, 2, A3, "author", None, None, 0.6)
            ids["b1"] = claim(b, 0, B1, "organization", "وزارة الدفاع الروسية", ministry, 0.8)
            ids["b2"] = claim(b, 1, B2, "named_person", "كوناشينكوف", person, 0.7, dup_of=0)
            ids["slogan_a"] = claim(a_new, 3, SLOGAN, "author", None, None, 0.5)
            ids["slogan_b"] = claim(b, 2, SLOGAN, "author", None, None, 0.5)

            def review(claim_id, action, old, new, version, reviewer, at, **more):
                return _insert(
                    conn,
                    REVIEW,
                    dict(
                        claim_id=claim_id,
                        action=action,
                        old_status=old,
                        new_status=new,
                        reviewer=reviewer,
                        at=at,
                        version=version,
                        **more,
                    ),
                )

            ids["r1"] = review(ids["a1"], "status", "unreviewed", "verified", 2, "amina", AMINA_AT)
            ids["r2"] = review(
                ids["a1"],
                "note",
                "verified",
                "verified",
                3,
                "amina",
                NOTE_AT,
                note="تحقّقت من البيان الرسمي",
                prev_reviewer="amina",
                prev_reviewed_at=AMINA_AT,
            )
            ids["r3"] = review(ids["a2"], "status", "unreviewed", "disputed", 2, "omar", OMAR_AT)
            ids["r4"] = review(
                ids["a2"],
                "undo",
                "disputed",
                "unreviewed",
                3,
                "omar",
                UNDO_AT,
                undoes=ids["r3"],
                prev_reviewer="omar",
            )
            if revision >= "0002":
                ids["corroborates"] = _insert(
                    conn,
                    LINK,
                    dict(
                        claim_id=ids["a1"],
                        other_id=ids["b2"],
                        kind="corroborates",
                        score=0.82,
                        reasons=["نفس المضمون", "مصدران مستقلان"],
                    ),
                )
                ids["contradicts"] = _insert(
                    conn,
                    LINK,
                    dict(
                        claim_id=ids["b1"],
                        other_id=ids["a3"],
                        kind="contradicts",
                        score=0.64,
                        reasons=["سيطر / انسحب"],
                    ),
                )
                _insert(
                    conn,
                    LINK,
                    dict(
                        claim_id=ids["a3"],
                        other_id=ids["slogan_b"],
                        kind="corroborates",
                        score=0.5,
                        reasons=["نفس المضمون"],
                    ),
                )
            if revision >= "0005":
                for linked in ("a1", "a3", "slogan_b"):
                    conn.execute(
                        LINK_INDEX.insert().values(
                            claim_id=ids[linked], blocking="قوات", best="82", version="1"
                        )
                    )
        ids.update(person=person, ministry=ministry, anonymous=anonymous, outlet=outlet)
        ids.update(a_old=a_old, a_new=a_new, b=b)
        return ids
    finally:
        engine.dispose()


def _everything(url: str) -> dict[str, list[tuple]]:
    """Every row of every table (and the revision), to compare before and after."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            names = sorted(sa.inspect(conn).get_table_names())
            tables = {}
            for name in names:
                columns = [c["name"] for c in sa.inspect(conn).get_columns(name)]
                rows = conn.exec_driver_sql(f'SELECT * FROM "{name}"').all()
                tables[name] = [columns, sorted(map(tuple, rows), key=repr)]
            return tables
    finally:
        engine.dispose()


def _revision_of(url: str) -> str | None:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


@pytest.fixture(params=OLDER)
def old_store(request, db_url):
    """A store with data at each older revision: (url, revision, ids of its rows). From 0006
    on, the furniture and passages that ingest wrote are those 0006 learns from 0005's rows."""
    filled_at = min(request.param, "0005")
    migrate_to(db_url, filled_at)
    ids = _fill(db_url, filled_at)
    migrate_to(db_url, request.param, as_claims_upgrades=True)
    return db_url, request.param, ids


def test_the_revision_read_from_the_migration_files_is_alembics_head():
    # Opening a store at this revision skips alembic: the two must agree.
    assert _newest_revision_in_files() == head_revision()


def test_a_new_store_is_made_without_alembic_as_alembic_would_make_it(empty_databases, monkeypatch):
    ours, alembics = empty_databases(), empty_databases()
    engine = _engine(alembics)
    try:
        with engine.begin() as conn:  # the newest schema, stamped by alembic itself
            metadata.create_all(conn)
            script = ScriptDirectory.from_config(alembic_config(alembics))
            MigrationContext.configure(conn).stamp(script, "head")
    finally:
        engine.dispose()
    with monkeypatch.context() as patched:
        for module in ("alembic", "alembic.script", "alembic.runtime.migration"):
            patched.setitem(sys.modules, module, None)  # importing them now fails
        Store.open(ours).close()
    inspected = {}
    for url in (ours, alembics):
        engine = _engine(url)
        try:
            with engine.connect() as conn:
                assert MigrationContext.configure(conn).get_current_revision() == head_revision()
                assert differences_from_the_models(conn) == []
                found = sa.inspect(conn)
                inspected[url] = (
                    [
                        (c["name"], str(c["type"]), c["nullable"])
                        for c in found.get_columns("alembic_version")
                    ],
                    found.get_pk_constraint("alembic_version"),
                )
        finally:
            engine.dispose()
    assert inspected[ours] == inspected[alembics]
    upgrade(ours)  # nothing to do, and alembic agrees
    with Store.open(ours) as store:
        assert stats(store).claims == 0


def test_upgrade_keeps_every_value_of_a_store_with_data(old_store):
    url, revision, ids = old_store
    assert upgrade(url) == (revision, head_revision())
    assert _revision_of(url) == head_revision()

    engine = _engine(url)
    try:
        with engine.connect() as conn:
            assert differences_from_the_models(conn) == []  # exactly the newest schema
            assert not [n for n in sa.inspect(conn).get_table_names() if n.startswith(LEFTOVER)]
            rows = conn.execute(sa.text("SELECT sentence, claim, source, search FROM claim"))
            for sentence, claim, source, search in rows:
                assert search == _search("0004", sentence, claim, source)
    finally:
        engine.dispose()

    with Store.open(url) as store:
        a1 = get_claim(store, ids["a1"])
        assert (a1.doc, a1.article_id, a1.index, a1.title, a1.outlet, a1.published) == (
            "a.txt",
            ids["a_new"],
            0,
            "تقدم في البادية",
            "المدن",
            "2017-08-02",
        )
        assert (a1.sentence, a1.claim, a1.kind, a1.source, a1.source_id) == (
            A1,
            A1,
            Kind.named_person,
            "إيغور كوناشينكوف",
            ids["person"],
        )
        assert a1.confidence == 0.9
        assert [(r.label, r.delta) for r in a1.reasons] == [
            ("فعل إسناد: قال", 0.3),
            ("named source", 0.6),
        ]
        assert (a1.status, a1.version, a1.reviewer, a1.reviewed_at, a1.note) == (
            Status.verified,
            3,
            "amina",
            AMINA_AT,
            "تحقّقت من البيان الرسمي",
        )
        assert get_claim(store, ids["b2"]).dup_of == 0
        # the search index (0013) holds the claims stored before it
        found = query_claims(store, ClaimFilter(search=" ".join(A1.split()[1:3])))
        assert ids["a1"] in {view.id for view in found}
        a2 = get_claim(store, ids["a2"])
        assert (a2.status, a2.version, a2.reviewer, a2.source_id) == (
            Status.unreviewed,
            3,
            None,
            ids["anonymous"],
        )

        assert [
            (e.id, e.action, e.reviewer, e.at, e.version) for e in history(store, ids["a1"])
        ] == [
            (ids["r1"], "status", "amina", AMINA_AT, 2),
            (ids["r2"], "note", "amina", NOTE_AT, 3),
        ]
        undo = history(store, ids["a2"])[-1]
        assert (undo.action, undo.undoes, undo.new_status) == ("undo", ids["r3"], Status.unreviewed)

        # the superseded version's claim is no longer current (0003 copied the flag); the
        # slogan on both articles of المدن is furniture (0006 learned it), readable by id only
        assert count_claims(store) == 5
        assert get_claim(store, ids["slogan_a"]).sentence == SLOGAN
        with store.session() as session:  # where their files were read from is not known
            assert set(session.execute(sa.text("SELECT origin FROM article")).scalars()) == {None}
            # nor any page: they were read from text files (0008)
            assert set(session.execute(sa.text("SELECT url FROM article")).scalars()) == {None}
            assert not session.execute(sa.text("SELECT count(*) FROM page")).scalar()
        assert not [v for v in query_claims(store, limit=100) if v.sentence == SLOGAN]
        with store.session() as session:
            assert set(
                session.execute(sa.select(CLAIM.c.id).where(CLAIM.c.furniture)).scalars()
            ) == {
                ids["slogan_a"],
                ids["slogan_b"],
            }
            # a passage for every claim of the current articles, the old version's left out
            assert session.execute(sa.select(sa.func.count()).select_from(PASSAGE)).scalar() == 7
            # the furniture and what it was linked to are linked again by the next link run
            indexed = set(session.execute(sa.select(LINK_INDEX.c.claim_id)).scalars())
            assert indexed == ({ids["a1"]} if revision >= "0005" else set())
        assert count_claims(store, ClaimFilter(include_superseded=True)) == 6
        assert count_claims(store, ClaimFilter(article=ids["a_old"])) == 1
        assert count_claims(store, ClaimFilter(search="مصادر مطلعه")) == 1
        assert count_claims(store, ClaimFilter(source="كوناشينكوف")) == 2

        figures = stats(store)
        assert (figures.articles, figures.versions, figures.claims, figures.reviews) == (
            2,
            3,
            5,
            4,
        )
        assert figures.entities == {
            "anonymous": 1,
            "media": 1,
            "named_person": 1,
            "organization": 1,
        }
        if revision >= "0002":
            assert figures.links == {"contradicts": 1, "corroborates": 1}
            [link] = related(store, ids["a1"])
            assert (link.claim.id, link.kind, link.score, link.reasons) == (
                ids["b2"],
                LinkKind.corroborates,
                0.82,
                ["نفس المضمون", "مصدران مستقلان"],
            )
            [link] = related(store, ids["a3"])
            assert (link.claim.id, link.kind) == (ids["b1"], LinkKind.contradicts)

        # and the store goes on working: new rows get new ids, reviews keep their rule
        added = ingest(store, sample("c.txt"))
        assert added.outcome == "new" and added.article_id > ids["b"]
        changed = set_status(store, ids["a3"], Status.disputed, reviewer="hala", expected_version=1)
        assert changed.version == 2 and len(history(store, ids["a3"])) == 1


def _damage(url: str) -> None:
    """A claim whose article is gone (a store damaged by hand): 0003 cannot give it the
    article's `current` flag, so the upgrade fails there, after rebuilding the claim table."""
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction yet
            else:
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            conn.execute(
                _claim_table("0002")
                .insert()
                .values(
                    article_id=999,
                    sentence_index=0,
                    char_start=0,
                    char_end=3,
                    paragraph=0,
                    sentence="نصّ",
                    claim="نصّ",
                    kind="author",
                    confidence=0.5,
                    reasons=[],
                    search="نص",
                    status="unreviewed",
                    version=1,
                )
            )
    finally:
        engine.dispose()


def test_failed_upgrade_leaves_the_store_as_it_was_and_a_retry_works(db_url):
    migrate_to(db_url, "0002")
    ids = _fill(db_url, "0002")
    _damage(db_url)
    before = _everything(db_url)
    with pytest.raises(StoreError) as failed:
        upgrade(db_url)
    message = str(failed.value)
    assert "from revision 0002" in message and "Nothing has been changed" in message
    assert "current" in message  # the failing step is named
    assert _everything(db_url) == before  # no stray copy of a table, no half-added column
    with pytest.raises(StoreOutdated, match="claims db upgrade"):
        Store.open(db_url)

    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM claim WHERE article_id = 999"))
    finally:
        engine.dispose()
    assert upgrade(db_url) == ("0002", head_revision())
    with Store.open(db_url) as store:
        assert get_claim(store, ids["a1"]).reviewer == "amina"


def test_upgrade_clears_the_copy_an_earlier_failed_upgrade_left(tmp_path):
    """The bug this file was written for: claims before this fix upgraded SQLite with
    foreign keys on and each DDL statement committed on its own, so 0002 -> 0003 failed at
    dropping `claim` (review and link point at it) and left `_alembic_tmp_claim` behind."""
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    migrate_to(url, "0002")
    ids = _fill(url, "0002")
    with pytest.raises(IntegrityError):  # the old way of upgrading, reproduced
        migrate_to(url, "0003")
    left = _everything(url)
    assert "_alembic_tmp_claim" in left and _revision_of(url) == "0002"

    assert upgrade(url) == ("0002", head_revision())
    after = _everything(url)
    assert "_alembic_tmp_claim" not in after
    assert len(after["claim"][1]) == len(left["claim"][1]) == 8
    with Store.open(url) as store:
        assert get_claim(store, ids["a1"]).note == "تحقّقت من البيان الرسمي"
        assert len(history(store, ids["a2"])) == 2


def test_upgrade_refuses_a_store_whose_table_is_only_in_a_leftover_copy(tmp_path):
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    migrate_to(url, "0002")
    _fill(url, "0002")
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE link RENAME TO _alembic_tmp_link")
    finally:
        engine.dispose()
    before = _everything(url)
    with pytest.raises(StoreError, match="damaged: table link is missing"):
        upgrade(url)
    assert _everything(url) == before


def test_upgrade_of_a_newer_or_foreign_database_is_refused_clearly(db_url):
    Store.open(db_url).close()
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="newer version of claims"):
        upgrade(db_url)


runner = CliRunner()


def _cli(*args) -> object:
    if not any(c.name == "review" for c in app.registered_commands):
        _register_plugins()
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


COMMANDS = [
    ("list",),
    ("show", "1"),
    ("stats",),
    ("export", "--out", "-"),
    ("ingest", SEEDS / "000_f3f47a71a113346b.txt"),
    ("link",),
    ("review",),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_every_command_refuses_an_older_store_and_changes_nothing(old_store, args):
    url, revision, _ids = old_store
    before = _everything(url)
    result = _cli(*args, "--db", url)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "older version of claims" in said and "claims db upgrade" in said
    assert f"schema revision {revision}" in said
    assert _everything(url) == before
    upgraded = _cli("db", "upgrade", "--db", url)
    assert upgraded.exit_code == 0 and f"from revision {revision}" in upgraded.output
    assert _cli("stats", "--db", url).exit_code == 0


def test_db_upgrade_command_reports_a_failure_and_exits_2(db_url):
    migrate_to(db_url, "0002")
    _fill(db_url, "0002")
    _damage(db_url)
    result = _cli("db", "upgrade", "--db", db_url)
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "Could not upgrade the store" in said and "Nothing has been changed" in said
    assert _revision_of(db_url) == "0002"


@contextmanager
def _downgraded(url: str, revision: str) -> Iterator[sa.Connection]:
    """The store at `url` taken back to an older `revision`, in one transaction: a connection
    to work on it as that revision's claims would have."""
    engine = _schema_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            yield conn
    finally:
        engine.dispose()


def _spelled_keys(url: str) -> dict[int, list[str]]:
    """Each linked claim's blocking keys as text, from their numbers (0014 on)."""
    with Store.open(url) as store, store.session() as session:
        spelled = {n: key for n, key in session.execute(sa.select(KEY.c.id, KEY.c.key))}
        return {
            claim_id: [spelled[n] for n in link_keys.decode(numbers).tolist()]
            for claim_id, numbers in session.execute(
                sa.select(STORED_INDEX.c.claim_id, STORED_INDEX.c.key_numbers)
            )
        }


def test_numbered_keys_spell_the_text_keys_and_a_new_article_links_as_in_a_full_run(db_url):
    # a linked store taken back to keys as text (0013) and numbered again (0014)
    with Store.open(db_url) as store:
        for n, rows in enumerate(STORY[:-1]):
            ingest(store, story_article(f"{n}.txt", rows))
            link_store(store)
    numbered = _spelled_keys(db_url)
    assert len(numbered) >= 8 and all(numbered.values())
    with _downgraded(db_url, "0013") as conn:
        query = sa.select(LINK_INDEX.c.claim_id, LINK_INDEX.c.blocking)
        as_text = {claim_id: keys for claim_id, keys in conn.execute(query)}
    assert as_text == {cid: "\t".join(keys) for cid, keys in numbered.items()}
    upgrade(db_url)
    assert _spelled_keys(db_url) == numbered
    with Store.open(db_url) as store:
        ingest(store, story_article("last.txt", STORY[-1]))
        assert link_store(store).new == len(STORY[-1])
        incremental = snapshot(store)
        assert link_store(store, all=True).new == sum(map(len, STORY))
        assert snapshot(store) == incremental


def _best_scores(url: str) -> dict[int, str]:
    """Each linked claim's best scores as stored ("100 91")."""
    with Store.open(url) as store, store.session() as session:
        return dict(session.execute(sa.select(STORED_INDEX.c.claim_id, STORED_INDEX.c.best)).all())


def test_upgrade_drops_a_claims_link_to_itself_and_writes_what_a_linking_run_would(db_url):
    # a store that an older linker linked: the claim giving 2 twice is its own duplicate
    # (score 1, its 100 among its best scores) and its summary counted that link twice
    twice = "قتل 2 من المدنيين في قصف على ريف إدلب الساعة 00: 02 بتوقيت القدس 21: 02"
    near = "قتل 2 من المدنيين في قصف على ريف إدلب صباح اليوم"
    with Store.open(db_url) as store:
        ingest(store, story_article("a.txt", [(twice, Kind.organization, "المرصد السوري")]))
        ingest(store, story_article("b.txt", [(near, Kind.organization, "المرصد السوري")]))
        link_store(store)
        right = snapshot(store)
    best = _best_scores(db_url)
    (one, _other, kind, _score, _reasons), *more = right[0]
    assert kind == "duplicate" and not more
    with _downgraded(db_url, "0015") as conn:
        reasons = conn.scalar(sa.select(CLAIM.c.reasons).where(CLAIM.c.id == one))
        assert reasons[-1]["label"] == "linked: 1 duplicate"
        reasons[-1]["label"] = "linked: 3 duplicate"
        conn.execute(sa.update(CLAIM).where(CLAIM.c.id == one).values(reasons=reasons))
        conn.execute(
            sa.insert(LINK).values(
                claim_id=one,
                other_id=one,
                kind="duplicate",
                score=1.0,
                reasons=["same wording", "duplicate: the same statement again"],
            )
        )
        conn.execute(
            sa.update(STORED_INDEX)
            .where(STORED_INDEX.c.claim_id == one)
            .values(best=f"100 {best[one]}")
        )
    upgrade(db_url)
    assert _best_scores(db_url) == best
    with Store.open(db_url) as store:
        assert snapshot(store) == right

"""Writers that meet other writers (issue 14 item 9): a new store opened by several at once is
made once; a writer blocked by another's lock waits, retries with back-off and says so, and
gives up with a clear error after its allowed wait, storing nothing; linking reads and judges
without the write lock, and a linking run that another one overtook starts again."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from claims import link as linker
from claims.models import Kind, Status
from claims.store import ClaimFilter, Store, StoreBusy, ingest, query_claims, set_status
from claims.store import engine as store_engine
from claims.store.engine import head_revision
from claims.store.linking import link_store
from claims.store.queries import ARTICLE
from claims.store.tables import ClaimRow, LinkRow
from tests.store_helpers import make_article
from tests.test_cli_store import SEEDS, claims

TOLL = "سقط 30 قتيلاً في غارات روسية على مدينة إدلب"
OTHER_TOLL = "سقط 150 قتيلاً في غارات روسية على مدينة إدلب"


@pytest.fixture
def quick_tries(monkeypatch):
    """Each try waits 0.1 s for a lock, so that tests see retries without waiting long."""
    monkeypatch.setattr(store_engine, "LOCK_TRY", 0.1)


@contextmanager
def held_lock(url: str, seconds: float) -> Iterator[None]:
    """Another writer holds the store's write lock for `seconds` from the moment the block is
    entered (or until it ends) on SQLite, and on PostgreSQL a lock that stops every write to articles and claims."""
    taken, done = threading.Event(), threading.Event()

    def hold() -> None:
        if url.startswith("sqlite"):
            conn = sqlite3.connect(make_url(url).database, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            taken.set()
            done.wait(seconds)
            conn.execute("COMMIT")
            conn.close()
        else:
            engine = create_engine(url)
            with engine.begin() as conn:
                conn.exec_driver_sql("LOCK TABLE article, claim IN EXCLUSIVE MODE")
                taken.set()
                done.wait(seconds)
            engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(10)
    try:
        yield
    finally:
        done.set()  # released when the block ends, if not before
        thread.join()


def articles(url: str) -> int:
    with Store.open(url) as store, store.session() as session:
        return session.scalar(select(func.count()).select_from(ARTICLE)) or 0


def test_a_new_store_opened_by_three_at_once_is_made_once(empty_databases):
    failures: list[Exception] = []
    for _ in range(8):
        url = empty_databases()
        start = threading.Barrier(3)

        def open_it(url: str = url, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                Store.open(url).close()
            except Exception as exc:  # noqa: BLE001 - any refusal is the failure looked for
                failures.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        with Store.open(url) as store, store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [
                (head_revision(),)
            ]


def test_a_blocked_writer_waits_retries_and_says_so(db_url, quick_tries):
    store = Store.open(db_url)
    heard: list[str] = []
    store.on_wait = heard.append
    try:
        with held_lock(db_url, 1.5):
            result = ingest(store, make_article("a.txt", [(TOLL, Kind.author, None)]))
    finally:
        store.close()
    assert result.outcome == "new"
    assert heard and all("storing a.txt: waiting for another writer" in m for m in heard)
    assert articles(db_url) == 1


def test_a_writer_gives_up_after_its_wait_says_why_and_stores_nothing(
    db_url, quick_tries, monkeypatch
):
    Store.open(db_url).close()  # made before the lock is taken
    monkeypatch.setenv("CLAIMS_LOCK_WAIT", "0.5")
    with held_lock(db_url, 10):
        result = runner_ingest(db_url)
    assert result.exit_code == 2
    output = " ".join(result.output.split())
    assert "waiting for another writer" in output
    assert "Gave up storing" in output and "CLAIMS_LOCK_WAIT" in output
    assert "Traceback" not in output
    assert articles(db_url) == 0


def runner_ingest(db_url: str):
    return claims("ingest", sorted(SEEDS.glob("*.txt"))[0], "--db", db_url)


def test_storing_goes_on_while_linking_judges(db_url, quick_tries, monkeypatch):
    store = Store.open(db_url)
    ingest(store, make_article("a.txt", [(TOLL, Kind.organization, "المرصد السوري")]))
    ingest(store, make_article("b.txt", [(OTHER_TOLL, Kind.organization, "الدفاع المدني")]))
    store.lock_wait = 0.3  # a writer blocked for the whole judging would give up
    stored_meanwhile = []
    real_judge = linker.judge

    def judge_while_another_stores(*args, **kwargs):
        stored_meanwhile.append(
            ingest(
                store, make_article("c.txt", [("افتتحت مدرسة في مدينة الباب", Kind.author, None)])
            )
        )
        return real_judge(*args, **kwargs)

    monkeypatch.setattr(linker, "judge", judge_while_another_stores)
    try:
        first = link_store(store)
        monkeypatch.setattr(linker, "judge", real_judge)
        assert first.new == 2 and first.links == {"contradicts": 1}
        assert [r.outcome for r in stored_meanwhile] == ["new"]
        assert link_store(store).new == 1  # stored while the first run judged: linked next
    finally:
        store.close()


def test_a_linking_run_overtaken_by_another_starts_again(db_url, monkeypatch):
    store = Store.open(db_url)
    ingest(store, make_article("a.txt", [(TOLL, Kind.organization, "المرصد السوري")]))
    ingest(store, make_article("b.txt", [(OTHER_TOLL, Kind.organization, "الدفاع المدني")]))
    real_judge = linker.judge
    overtaken: list = []

    def judge_then_let_another_run_write(*args, **kwargs):
        found = real_judge(*args, **kwargs)
        if not overtaken:
            overtaken.append(None)
            overtaken[0] = link_store(store)  # judges and writes before this run writes
        return found

    monkeypatch.setattr(linker, "judge", judge_then_let_another_run_write)
    try:
        late = link_store(store)
        with store.session() as session:
            links = session.execute(select(LinkRow)).scalars().all()
    finally:
        store.close()
    assert overtaken[0].new == 2 and late.new == 0  # found them linked when it came to write
    assert [x.kind for x in links] == ["contradicts"]


def test_a_blocked_verdict_is_refused_after_its_wait(db_url, quick_tries):
    store = Store.open(db_url)
    ingest(store, make_article("a.txt", [(TOLL, Kind.author, None)]))
    store.lock_wait = 0.3
    claim = query_claims(store, ClaimFilter())[0]
    try:
        with held_lock(db_url, 10), pytest.raises(StoreBusy, match="verdict on claim"):
            set_status(
                store, claim.id, Status.verified, reviewer="r", expected_version=claim.version
            )
    finally:
        store.close()


def test_concurrent_ingesters_of_overlapping_files_end_with_the_store_of_one(empty_databases):
    """Issue 16 item 3: ingesters started at once on overlapping sets of files (4 on
    PostgreSQL, 2 on SQLite) end with every article once, every claim linked, no error shown,
    and the store that one ingest of all the files makes."""
    from tests.test_batches import CORPUS, content

    url = empty_databases()
    many = 4 if url.startswith("postgresql") else 2
    files = [str(path) for path in CORPUS]
    sets = [files[k::many] + files[: len(files) // 2] for k in range(many)]  # they overlap
    claims_cli = str(Path(sys.executable).with_name("claims"))
    runs = [
        subprocess.Popen(
            [claims_cli, "ingest", "--jobs", "1", "--db", url, *dict.fromkeys(chosen)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for chosen in sets
    ]
    for run in runs:
        _said, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors
        assert "error" not in errors.lower(), errors
    one = empty_databases()
    single = subprocess.run(
        [claims_cli, "ingest", "--jobs", "1", "--db", one, *files], capture_output=True, text=True
    )
    assert single.returncode == 0, single.stderr
    assert content(url) == content(one)


def test_a_claim_made_page_furniture_while_linking_judges_gets_no_links(db_url, monkeypatch):
    """A linking run reads claims, an ingest meanwhile finds one of them is a passage its
    outlet prints on every page: the run's links to it are not written (page furniture never
    links), on SQLite and PostgreSQL alike."""
    headline = "تركيا تعزز نقاط المراقبة في ريف حلب الغربي"
    page = "قصفت قوات النظام قرى في ريف إدلب الجنوبي صباح اليوم"
    store = Store.open(db_url)
    ingest(store, make_article("a.txt", [(page, Kind.author, None), (headline, Kind.author, None)]))
    ingest(store, make_article("c.txt", [(headline, Kind.author, None)], outlet="عنب بلدي"))
    real_judge = linker.judge

    def judge_while_the_outlets_second_page_comes(*args, **kwargs):
        other_page = "نزحت عشرات العائلات من قرى جبل الزاوية نحو المخيمات"
        ingest(
            store,
            make_article("b.txt", [(other_page, Kind.author, None), (headline, Kind.author, None)]),
        )
        return real_judge(*args, **kwargs)

    monkeypatch.setattr(linker, "judge", judge_while_the_outlets_second_page_comes)
    try:
        link_store(store)
        monkeypatch.setattr(linker, "judge", real_judge)
        link_store(store)
        with store.session() as session:
            furniture = set(
                session.execute(select(ClaimRow.id).where(ClaimRow.furniture)).scalars()
            )
            links = session.execute(select(LinkRow)).scalars().all()
    finally:
        store.close()
    assert len(furniture) == 2, "the headline is on both of the outlet's pages"
    assert not [x for x in links if {x.claim_id, x.other_id} & furniture]

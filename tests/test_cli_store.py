"""The store's commands end to end: seeds ingested twice, refused files, export, db upgrade."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DataError
from typer.testing import CliRunner

from claims.cli import app
from claims.store import Store, count_claims, linking
from claims.store.doctor import examine
from claims.store.queries import A, C
from claims.store.tables import LINK, LINK_INDEX
from tests.store_helpers import migrate_to
from tests.test_ingest import _snapshot

L, K = LINK.c, LINK_INDEX.c
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()

pytest.importorskip("claims.pipeline")


def claims(*args: str):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def test_seeds_ingested_twice_give_the_same_rows(db_url):
    first = claims("ingest", SEEDS, "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "5 articles stored (5 new" in first.output
    store = Store.open(db_url)
    try:
        before = _snapshot(store)
        assert count_claims(store) > 0
        second = claims("ingest", SEEDS, "--db", db_url)
        assert second.exit_code == 0 and "5 unchanged" in second.output
        assert _snapshot(store) == before
    finally:
        store.close()


def test_ingest_in_two_jobs_stores_what_one_job_stores(empty_databases):
    snapshots = []
    for jobs in (1, 2):
        url = empty_databases()
        result = claims("ingest", SEEDS, "--db", url, "--jobs", jobs)
        assert result.exit_code == 0, result.output
        store = Store.open(url)
        try:
            snapshots.append(_snapshot(store))
        finally:
            store.close()
    assert snapshots[0] == snapshots[1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_makes_the_link_features_before_the_last_article_is_stored(
    tmp_path, monkeypatch, jobs
):
    # made while the workers extract, not in the linking run after them
    from claims.link import features

    misses_while_linking = []
    real = linking.link_store

    def link_store(store):
        before = features.cache_info().misses
        linked = real(store)
        misses_while_linking.append(features.cache_info().misses - before)
        return linked

    monkeypatch.setattr(linking, "link_store", link_store)
    features.cache_clear()  # features made by other tests would hide the misses
    try:
        result = claims("ingest", SEEDS, "--db", tmp_path / "c.db", "--jobs", jobs)
    finally:
        features.cache_clear()
    assert result.exit_code == 0, result.output
    with Store.open(tmp_path / "c.db") as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(LINK)) > 0
    assert misses_while_linking == [0]


def test_bad_file_is_reported_skipped_and_fails_the_exit_status(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    db = tmp_path / "c.db"
    result = claims("ingest", bad, SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], "--db", db)
    assert result.exit_code == 1
    assert "1 refused" in result.output and "bad.txt" in result.output
    assert "1 articles stored" in result.output


def test_export_to_stdout_as_csv_without_bom_and_jsonl(tmp_path):
    db = tmp_path / "c.db"
    claims("ingest", SEEDS, "--db", db)
    result = claims("export", "--out", "-", "--no-bom", "--kind", "anonymous", "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("claim_id,article,")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {row["source_kind"] for row in rows} == {"anonymous"}
    out = tmp_path / "claims.jsonl"
    assert claims("export", "--out", out, "--format", "jsonl", "--db", db).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) > len(rows)


def test_list_show_stats(tmp_path):
    db = tmp_path / "c.db"
    claims("ingest", SEEDS, "--db", db)
    listed = claims("list", "--limit", "3", "--db", db)
    assert listed.exit_code == 0 and "3 of" in listed.output
    assert claims("show", "1", "--db", db).exit_code == 0
    assert claims("show", "99999", "--db", db).exit_code == 1
    stats = claims("stats", "--db", db)
    assert stats.exit_code == 0 and "articles (current)" in stats.output


def test_older_store_is_refused_until_db_upgrade(tmp_path):
    db = tmp_path / "old.db"
    migrate_to(f"sqlite:///{db}", "0001")
    refused = claims("list", "--db", db)
    assert refused.exit_code == 2
    assert "claims db upgrade" in refused.output
    upgraded = claims("db", "upgrade", "--db", db)
    assert upgraded.exit_code == 0 and "from revision 0001" in upgraded.output
    assert claims("list", "--db", db).exit_code == 0


def test_a_store_that_cannot_be_opened_stops_the_workers_started_before_it(tmp_path):
    # With --jobs the workers extract while the store is opened: a refusal must not leave
    # them running, nor files queued for them.
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("not a database, only words " * 100)
    result = claims("ingest", SEEDS, "--db", not_a_store, "--jobs", 2)
    assert result.exit_code == 2
    assert "notes.db" in result.output
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_extractor_failure_on_one_file_is_refused_and_the_rest_stored(tmp_path, monkeypatch, jobs):
    from claims import pipeline

    real = pipeline.extract_article

    # extract_article, not extract_path: the pool sends extract_path to its workers by name,
    # and they are forked after this patch, so the failure happens in them too.
    def flaky(article):
        if article.doc.startswith("000"):
            raise IndexError("boom")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    result = claims("ingest", SEEDS, "--db", tmp_path / "c.db", "--jobs", jobs)
    assert result.exit_code == 1
    assert "4 articles stored" in result.output and "1 refused" in result.output
    assert "IndexError: boom" in result.output


def test_list_keeps_ids_kinds_and_status_readable_in_80_columns(tmp_path):
    db = tmp_path / "c.db"
    claims("ingest", SEEDS, "--db", db)
    result = runner.invoke(
        app, ["list", "--kind", "anonymous", "--limit", "3", "--db", str(db)], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    with Store.open(db) as store:
        from claims.models import Kind
        from claims.store import ClaimFilter, query_claims

        shown = query_claims(store, ClaimFilter(kind=Kind.anonymous), limit=3)
    lines = [line for line in result.output.splitlines() if line.startswith("│")]
    assert len(lines) == 3
    for line, view in zip(lines, shown, strict=True):
        assert len(line) <= 80
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        assert cells[0] == str(view.id) and cells[2] == str(view.index)
        assert cells[3] == "anonymous" and cells[6] == "unreviewed"
        assert cells[7] and view.claim.startswith(cells[7].rstrip("…"))


# --- what a folder of real-world files holds (issue 14, items 1 to 5)

SEED_FILES = sorted(SEEDS.iterdir())
BODY = "وقال الوزير إن المحادثات ستستأنف يوم الاثنين."


def _current_docs(db_url: str) -> list[str]:
    store = Store.open(db_url)
    try:
        with store.session() as session:
            return sorted(session.scalars(select(A.doc).where(A.current.is_(True))))
    finally:
        store.close()


def test_same_file_name_in_two_folders_is_two_articles_and_survives_moving_the_folder(
    db_url, tmp_path
):
    for folder, seed in (("a", SEED_FILES[0]), ("b", SEED_FILES[1])):
        (tmp_path / "t" / folder).mkdir(parents=True)
        (tmp_path / "t" / folder / "article.txt").write_bytes(seed.read_bytes())
    first = claims("ingest", tmp_path / "t", "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "2 articles stored (2 new" in first.output
    assert _current_docs(db_url) == ["a/article.txt", "b/article.txt"]
    moved = (tmp_path / "t").rename(tmp_path / "moved")
    again = claims("ingest", moved, "--db", db_url)
    assert again.exit_code == 0 and "2 unchanged" in again.output


def test_same_file_name_given_twice_in_one_run_is_refused_not_a_new_version(db_url, tmp_path):
    for folder, seed in (("a", SEED_FILES[0]), ("b", SEED_FILES[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_bytes(seed.read_bytes())
    result = claims("ingest", tmp_path / "a", tmp_path / "b", "--db", db_url)
    assert result.exit_code == 1
    assert "1 articles stored (1 new, 0 updated)" in result.output
    assert f"refused {tmp_path / 'b' / 'article.txt'}: has the same name as" in result.output


def test_same_file_name_from_another_folder_in_a_later_run_is_refused_an_edit_or_move_is_not(
    db_url, tmp_path
):
    for folder, seed in (("a", SEED_FILES[0]), ("b", SEED_FILES[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_bytes(seed.read_bytes())
    assert claims("ingest", tmp_path / "a", "--db", db_url).exit_code == 0
    later = claims("ingest", tmp_path / "b", "--db", db_url)
    assert later.exit_code == 1
    output = " ".join(later.output.split())
    assert f"refused {tmp_path / 'b' / 'article.txt'}: has the name article.txt" in output
    assert f"stored before from {tmp_path / 'a' / 'article.txt'}, which is still there" in output
    with Store.open(db_url) as store:
        assert count_claims(store) == count_claims_of(SEED_FILES[0])
    # the same file edited in place is a new version of its article
    edited = tmp_path / "a" / "article.txt"
    edited.write_bytes(SEED_FILES[1].read_bytes())
    again = claims("ingest", edited, "--db", db_url)
    assert again.exit_code == 0 and "(0 new, 1 updated)" in again.output
    # moved to another folder, then edited there: the file it was read from is gone, so this
    # is the same article, not another
    (tmp_path / "c").mkdir()
    moved = edited.rename(tmp_path / "c" / "article.txt")
    moved.write_bytes(SEED_FILES[2].read_bytes())
    last = claims("ingest", moved, "--db", db_url)
    assert last.exit_code == 0 and "(0 new, 1 updated)" in last.output
    assert _current_docs(db_url) == ["article.txt"]


def count_claims_of(path: Path) -> int:
    from claims.pipeline import extract_path

    return len(extract_path(path).claims)


def test_empty_blank_and_non_arabic_files_are_refused_by_name_and_the_batch_goes_on(
    db_url, tmp_path
):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t \n")
    (tmp_path / "english.txt").write_text("The minister said the talks would resume on Monday.\n")
    (tmp_path / "seed.txt").write_bytes(SEED_FILES[0].read_bytes())
    result = claims("ingest", tmp_path, "--db", db_url)
    assert result.exit_code == 1
    assert "1 articles stored (1 new, 0 updated), 0 unchanged, 3 refused" in result.output
    output = " ".join(result.output.split())
    assert f"refused {tmp_path / 'blank.txt'}: is blank" in output
    assert f"refused {tmp_path / 'empty.txt'}: is empty" in output
    assert f"refused {tmp_path / 'english.txt'}: is not Arabic text" in output
    assert _current_docs(db_url) == ["seed.txt"]


def test_loops_dangling_links_and_unreadable_folders_are_named_and_the_batch_goes_on(
    tmp_path, monkeypatch
):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "seed.txt").write_bytes(SEED_FILES[0].read_bytes())
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "back").symlink_to(root, target_is_directory=True)
    scandir = os.scandir

    def unreadable_locked(path):  # the tests run as root, whom no permission stops
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", unreadable_locked)
    result = claims("ingest", root, "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    assert "1 articles stored (1 new, 0 updated), 0 unchanged, 4 refused" in result.output
    output = " ".join(result.output.split())
    assert f"refused {root / 'back'}: is a link back to a folder it is in (a loop)" in output
    assert f"refused {root / 'gone.txt'}: is a symbolic link to something that no longer" in output
    assert f"refused {root / 'locked'}: is a folder that cannot be read (Permission" in output
    assert f"refused {root / 'self.txt'}: is a symbolic link that leads back to itself" in output


def test_file_over_the_size_limit_is_refused_with_the_option_that_reads_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((BODY + "\n") * 20_000)  # 1.6 MB
    result = claims("ingest", big, SEED_FILES[0], "--db", tmp_path / "c.db", "--max-size", 1)
    assert result.exit_code == 1
    assert "1 articles stored" in result.output
    output = " ".join(result.output.split())
    assert "refused" in output and "big.txt: is larger than the limit of 1 MB" in output
    assert "give --max-size 2 to read it" in output


def test_a_huge_outlet_line_refuses_its_file_and_the_batch_goes_on(db_url, tmp_path):
    (tmp_path / "a.txt").write_text(BODY + "\nجميع الحقوق محفوظة ل" + "ب" * 300_000 + "\n")
    (tmp_path / "b.txt").write_bytes(SEED_FILES[0].read_bytes())
    result = claims("ingest", tmp_path, "--db", db_url)
    assert result.exit_code == 1, result.output
    assert "1 articles stored (1 new, 0 updated), 0 unchanged, 1 refused" in result.output
    output = " ".join(result.output.split())
    assert "a.txt: has a line taken for its outlet that is 300,000 characters" in output
    assert _current_docs(db_url) == ["b.txt"]


def test_utf8_file_with_a_bad_byte_is_stored_as_utf8_with_a_warning(db_url, tmp_path):
    raw = SEED_FILES[0].read_bytes()
    offset = raw.index(b" ", 200)  # between two Arabic words
    (tmp_path / "damaged.txt").write_bytes(raw[:offset] + b"\xff" + raw[offset:])
    result = claims("ingest", tmp_path, "--db", db_url)
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert f"warning: damaged.txt: the byte at offset {offset} is not valid UTF-8" in output
    store = Store.open(db_url)
    try:
        with store.session() as session:
            encoding, stored = session.execute(select(A.encoding, A.text)).one()
    finally:
        store.close()
    assert encoding == "utf-8"
    assert stored.replace("\ufffd", "") == SEED_FILES[0].read_text().replace("\r\n", "\n")


def test_an_article_the_store_refuses_for_its_data_is_named_and_the_batch_goes_on(
    db_url, tmp_path, monkeypatch
):
    from claims import store as store_module

    real = store_module.ingest

    def too_long_for_an_index(store, extracted):
        if extracted.article.doc == SEED_FILES[0].name:
            orig = Exception("index row requires 295480 bytes, maximum size is 8191")
            raise DataError("INSERT INTO entity ...", {}, orig)
        return real(store, extracted)

    monkeypatch.setattr(store_module, "ingest", too_long_for_an_index)
    result = claims("ingest", SEED_FILES[0], SEED_FILES[1], "--db", db_url)
    assert result.exit_code == 1, result.output
    assert "1 articles stored (1 new, 0 updated), 0 unchanged, 1 refused" in result.output
    output = " ".join(result.output.split())
    assert f"{SEED_FILES[0].name}: could not be stored (index row requires 295480" in output
    assert _current_docs(db_url) == [SEED_FILES[1].name]


# --- a kill while linking (issue 14, item 6)


class Killed(Exception):
    """Stands in for a kill -9 or a full disk in the middle of linking."""


def _linked_state(db_url: str) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Each claim's figure and reasons, the links (without their ids: a sequence on PostgreSQL
    moves on past a rolled-back insert) and the linking record of each claim."""
    store = Store.open(db_url)
    try:
        with store.session() as session:
            figures = session.execute(select(C.id, C.confidence, C.reasons).order_by(C.id)).all()
            links = session.execute(
                select(L.claim_id, L.other_id, L.kind, L.score, L.reasons).order_by(
                    L.claim_id, L.other_id, L.kind
                )
            ).all()
            index = session.execute(select(LINK_INDEX).order_by(K.claim_id)).all()
    finally:
        store.close()
    return [tuple(r) for r in figures], [tuple(r) for r in links], [tuple(r) for r in index]


def test_a_kill_while_linking_is_finished_by_the_next_ingest_as_a_clean_run(
    empty_databases, monkeypatch
):
    clean = empty_databases()
    assert claims("ingest", SEEDS, "--db", clean).exit_code == 0
    expected = _linked_state(clean)
    assert expected[1], "the seeds should give links"

    def killed_before_the_confidences(session, rows, links):
        raise Killed  # part-way: the links and the keys are written, not yet committed

    killed = empty_databases()
    with monkeypatch.context() as patched:
        patched.setattr(linking, "_refresh", killed_before_the_confidences)
        with pytest.raises(Killed):
            claims("ingest", SEEDS, "--db", killed)
    _, links, index = _linked_state(killed)
    assert links == [] and index == []
    unlinked = next(f for f in examine(killed)[1] if f.check == "linking")
    assert not unlinked.ok and unlinked.found.startswith(f"{len(expected[2])} claims not linked")

    again = claims("ingest", SEEDS, "--db", killed)
    assert again.exit_code == 0, again.output
    assert "5 unchanged" in again.output
    assert f"linked {len(expected[2])} claims not linked before" in again.output
    assert _linked_state(killed) == expected
    assert all(finding.ok for finding in examine(killed)[1])


def test_the_store_ingest_name_is_the_function_whatever_was_imported_first():
    # the review app's article screen imports the store's modules before anyone asks for it
    import tui.screens.article  # noqa: F401
    from claims.store import ingest

    assert callable(ingest) and ingest.__module__ == "claims.store.ingesting"

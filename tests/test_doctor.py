"""`claims doctor`: a healthy store passes; each kind of damage is named with its repair and
fails the exit status, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from claims.cli import app
from claims.store import ClaimFilter, Store, count_claims, ingest
from claims.store.doctor import examine
from claims.store.linking import link_store
from tests.store_helpers import sample
from tests.test_terminal_safety import _damaged_store

runner = CliRunner()


def doctor(db: object):
    return runner.invoke(app, ["doctor", "--db", str(db)])


def _linked_store(url: str) -> None:
    with Store.open(url) as store:
        ingest(store, sample("a.txt"))
        ingest(store, sample("b.txt", outlet="الجزيرة"))
        link_store(store)


def _run(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_a_healthy_store_has_no_problems(db_url):
    _linked_store(db_url)
    result = doctor(db_url)
    assert result.exit_code == 0, result.output
    assert "No problems found." in result.output


def test_unlinked_claims_are_named_with_the_command_that_links_them(db_url):
    _linked_store(db_url)
    _run(db_url, "DELETE FROM link_index")
    result = doctor(db_url)
    assert result.exit_code == 1
    assert "not linked yet" in result.output and "claims link" in result.output


def test_keys_missing_from_the_key_table_are_named_and_a_full_link_numbers_them_again(db_url):
    _linked_store(db_url)
    assert _finding(db_url, "link keys").ok
    _run(db_url, "DELETE FROM link_key WHERE id = 2")
    finding = _finding(db_url, "link keys")
    assert not finding.ok and "claims link --all" in finding.repair
    assert int(finding.found.split()[0]) >= 1
    result = doctor(db_url)
    assert result.exit_code == 1 and "link_key" in result.output
    with Store.open(db_url) as store:
        link_store(store, all=True)
    assert _finding(db_url, "link keys").ok
    assert doctor(db_url).exit_code == 0


def test_a_claim_linked_to_itself_is_named_and_a_full_link_drops_it(db_url):
    _linked_store(db_url)
    _run(
        db_url,
        "INSERT INTO link (claim_id, other_id, kind, score, reasons)"
        " SELECT id, id, 'duplicate', 1.0, '[]' FROM claim ORDER BY id LIMIT 1",
    )
    assert doctor(db_url).exit_code == 1
    finding = _finding(db_url, "self-links")
    assert finding.found == "links joining a claim to itself: 1"
    assert "claims link --all" in finding.repair
    with Store.open(db_url) as store:
        link_store(store, all=True)
    assert doctor(db_url).exit_code == 0


def _finding(url: str, check: str):
    _, findings = examine(url)
    return next(finding for finding in findings if finding.check == check)


def test_rows_pointing_at_missing_rows_are_found(db_url):
    _linked_store(db_url)
    if db_url.startswith("sqlite"):
        # the engine turns foreign keys on for claims only; this plain one leaves them off
        _run(db_url, "DELETE FROM article WHERE id = 1")
    else:  # the foreign keys' triggers off for this session, as a faulty restore might leave
        _run(db_url, "SET session_replication_role = replica", "DELETE FROM article WHERE id = 1")
    result = doctor(db_url)
    assert result.exit_code == 1
    assert "claim.article_id" in "".join(result.output.split())


def test_an_outdated_schema_is_named_with_the_upgrade(db_url):
    _linked_store(db_url)
    _run(db_url, "UPDATE alembic_version SET version_num = '0001'")
    result = doctor(db_url)
    assert result.exit_code == 1
    assert "claims db upgrade" in " ".join(result.output.split())


def test_a_damaged_sqlite_file_fails_the_integrity_check(tmp_path):
    db = _damaged_store(tmp_path)
    result = doctor(db)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    _, findings = examine(db)
    integrity = next(finding for finding in findings if finding.check == "integrity")
    assert not integrity.ok and "found damage" in integrity.found
    assert "backup" in integrity.repair


def test_an_invalid_postgresql_index_is_named_with_the_reindex(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has integrity_check; this is PostgreSQL's failed index build")
    _linked_store(db_url)
    # what a CREATE INDEX CONCURRENTLY that failed leaves behind
    _run(
        db_url,
        "UPDATE pg_index SET indisvalid = false WHERE indexrelid = "
        "(SELECT oid FROM pg_class WHERE relname = 'ix_claim_article_id' "
        "AND relnamespace = current_schema()::regnamespace)",
    )
    result = doctor(db_url)
    assert result.exit_code == 1
    _, findings = examine(db_url)
    integrity = next(finding for finding in findings if finding.check == "integrity")
    assert not integrity.ok and "ix_claim_article_id" in integrity.found
    assert "REINDEX" in integrity.repair


def test_a_path_with_no_store_is_a_problem_and_creates_no_file(tmp_path):
    result = doctor(tmp_path / "typo.db")
    assert result.exit_code == 1
    assert "no store file" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_a_search_index_out_of_step_is_named_and_made_again(db_url):
    _linked_store(db_url)
    if db_url.startswith("sqlite"):
        # a tool writing to the claims without the triggers that keep the index in step
        _run(
            db_url,
            "DROP TRIGGER claim_search_update",
            "UPDATE claim SET search = 'نص لم يفهرس' WHERE id = 1",
        )
        expected = "out of step"
    else:  # a store made where pg_trgm was refused
        _run(db_url, "DROP INDEX ix_claim_search_trigram", "DROP INDEX ix_claim_source_key_trigram")
        expected = "no trigram index"
    result = doctor(db_url)
    assert result.exit_code == 1
    _, findings = examine(db_url)
    index = next(finding for finding in findings if finding.check == "search index")
    assert not index.ok and expected in index.found and "claims db reindex" in index.repair

    reindexed = runner.invoke(app, ["db", "reindex", "--db", str(db_url)])
    assert reindexed.exit_code == 0, reindexed.output
    assert doctor(db_url).exit_code == 0
    with Store.open(db_url) as store:
        assert count_claims(store, ClaimFilter(search="لم يفهرس")) == (
            1 if db_url.startswith("sqlite") else 0
        )

"""schema/ matches the models, the migrations build the models' tables, and a store at an
older revision is refused with the command that fixes it."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from claims import schema_gen
from claims.store import Store, StoreError, StoreOutdated, upgrade
from claims.store.engine import head_revision, make_engine
from tests.store_helpers import differences_from_the_models, migrate_to


def test_schema_files_match_the_models():
    assert schema_gen.drift() == [], "run `python -m claims.schema_gen` and commit schema/"


def test_drift_is_detected(tmp_path):
    (tmp_path / "export-record.schema.json").write_text("{}", encoding="utf-8")
    assert "export-record.schema.json" in schema_gen.drift(tmp_path)


def test_migrations_build_exactly_the_model_tables(db_url):
    before, after = upgrade(db_url)
    assert (before, after) == (None, head_revision())
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert differences_from_the_models(conn) == []
    finally:
        engine.dispose()
    Store.open(db_url).close()


def test_store_at_older_revision_says_run_claims_db_upgrade(db_url):
    migrate_to(db_url, "0001")
    with pytest.raises(StoreOutdated, match="claims db upgrade"):
        Store.open(db_url)
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert "link" not in inspect(conn).get_table_names()  # nothing silently changed
    finally:
        engine.dispose()
    assert upgrade(db_url) == ("0001", head_revision())
    Store.open(db_url).close()


def test_store_from_a_newer_claims_is_refused(db_url):
    Store.open(db_url).close()
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="newer version of claims"):
        Store.open(db_url)


def test_database_with_foreign_claim_table_is_refused(db_url):
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE claim (x INTEGER)"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="not made by"):
        Store.open(db_url)


def test_unreachable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="Cannot open"):
        Store.open(tmp_path / "no-such-dir" / "claims.db")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match="Cannot open the store"):
        Store.open("postgresql://postgres@127.0.0.1:1/nothing?connect_timeout=2")


def test_upgrade_rewrites_the_search_column_of_existing_claims(db_url):
    from sqlalchemy import select, update

    from claims.arabic import normalize
    from claims.store import ClaimFilter, count_claims, ingest
    from claims.store.queries import CLAIM, search_form
    from tests.store_helpers import sample

    with Store.open(db_url) as store:
        ingest(store, sample())
        with store.engine.begin() as conn:
            conn.execute(update(CLAIM).values(search=normalize("old  form\n" + "x")))
            conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    with pytest.raises(StoreOutdated):
        Store.open(db_url)
    assert upgrade(db_url) == ("0003", head_revision())
    with Store.open(db_url) as store:
        assert count_claims(store, ClaimFilter(search="مصادر مطلعه")) == 1
        with store.engine.connect() as conn:
            rows = conn.execute(select(CLAIM.c.sentence, CLAIM.c.search)).all()
        assert all(search.startswith(search_form(sentence)) for sentence, search in rows)

"""Shared fixtures. `store` runs each test against SQLite and, when CLAIMS_TEST_POSTGRES_URL is
set, against PostgreSQL too (in a fresh schema per test); set and unreachable is a failure."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get("CLAIMS_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


@pytest.fixture(params=BACKENDS)
def empty_databases(request, tmp_path):
    """Makes URLs of empty databases on each backend under test, as many as a test asks for:
    SQLite files, or PostgreSQL schemas dropped after the test."""
    made: list[str] = []
    admin = create_engine(POSTGRES_URL) if request.param == "postgresql" else None

    def make() -> str:
        name = f"test_{uuid.uuid4().hex[:16]}"
        if admin is None:
            url = f"sqlite:///{tmp_path / name}.db"
        else:
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{name}"'))
            in_schema = {"options": f"-csearch_path={name}"}
            url = make_url(POSTGRES_URL).update_query_dict(in_schema).render_as_string(False)
        made.append(name)
        return url

    try:
        yield make
    finally:
        if admin is not None:
            try:
                with admin.begin() as conn:
                    for schema in made:
                        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            finally:
                admin.dispose()


@pytest.fixture
def db_url(empty_databases):
    """A URL of an empty database on each backend under test."""
    return empty_databases()


@pytest.fixture
def store(db_url):
    from claims.store import Store

    opened = Store.open(db_url)
    yield opened
    opened.close()

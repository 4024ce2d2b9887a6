"""`claims doctor`: what is wrong with a store and how to repair it, without changing anything.

Opens the store without the revision check of `Store.open`, so that an outdated or damaged
store can still be examined: each check reports a finding, and one that cannot run (a file too
damaged to read) is itself a finding.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from claims.store import link_keys, search_index
from claims.store.engine import (
    display_url,
    failure_message,
    head_revision,
    make_engine,
    missing_file,
    resolve_url,
)
from claims.store.linking import UNLINKED
from claims.store.tables import LINK, TABLES

# integrity_check lists at most this many problems: enough to say the file is damaged.
INTEGRITY_LINES = 20


@dataclass(frozen=True)
class Finding:
    """One check: what it found, whether that is a problem, and the repair when it is."""

    check: str
    found: str
    ok: bool
    repair: str = ""


def examine(url: str | os.PathLike[str] | None = None) -> tuple[str, list[Finding]]:
    """The store's URL as shown (no password) and the findings of every check."""
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    if missing_file(engine):
        engine.dispose()  # connecting would create an empty file: the doctor changes nothing
        return display_url(resolved), [
            Finding(
                "store",
                "no store file at this path",
                False,
                "Check the path given with --db or CLAIMS_DB.",
            )
        ]
    findings: list[Finding] = []
    try:
        with engine.connect() as conn:
            for check in (
                _revision,
                _integrity,
                _orphans,
                _linking,
                _self_links,
                _link_keys,
                _search_index,
            ):
                try:
                    findings.append(check(conn))
                except SQLAlchemyError as exc:
                    conn.rollback()
                    findings.append(
                        Finding(check.__name__.strip("_"), failure_message(resolved, exc), False)
                    )
    except SQLAlchemyError as exc:  # not even a connection
        findings.append(Finding("connection", failure_message(resolved, exc, "open"), False))
    finally:
        engine.dispose()
    return display_url(resolved), findings


def _revision(conn: Connection) -> Finding:
    current = MigrationContext.configure(conn).get_current_revision()
    head = head_revision()
    if current == head:
        return Finding("revision", f"schema revision {current}, the newest", True)
    if current is None:
        return Finding(
            "revision",
            "no schema revision: an empty database, or one not made by claims",
            False,
            "Open it with any claims command to create a store, or use another database.",
        )
    return Finding(
        "revision",
        f"schema revision {current}; this version of claims needs {head}",
        False,
        "Back the store up, then run `claims db upgrade` (a newer claims if it is newer).",
    )


def _integrity(conn: Connection) -> Finding:
    if conn.dialect.name == "postgresql":
        return _postgres_indexes(conn)
    problems = [
        row[0] for row in conn.exec_driver_sql(f"PRAGMA integrity_check({INTEGRITY_LINES})")
    ]
    if problems == ["ok"]:
        return Finding("integrity", "SQLite integrity_check: ok", True)
    return Finding(
        "integrity",
        f"SQLite integrity_check found damage: {'; '.join(problems[:3])}",
        False,
        "Stop using this file and restore the store from a backup; `sqlite3 FILE .recover` "
        "may save what is left.",
    )


def _postgres_indexes(conn: Connection) -> Finding:
    """PostgreSQL checks pages as it reads them; what a store can lose there is an index left
    invalid by a build that failed, which queries then silently skip."""
    invalid = conn.scalars(
        text(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready) "
            "ORDER BY c.relname"
        )
    ).all()
    if not invalid:
        return Finding(
            "integrity",
            "PostgreSQL: every index valid (to check the server's files, `pg_amcheck`)",
            True,
        )
    return Finding(
        "integrity",
        f"PostgreSQL: invalid indexes {', '.join(invalid)}",
        False,
        f"Ask the database administrator to run REINDEX INDEX on {', '.join(invalid)}.",
    )


def _orphans(conn: Connection) -> Finding:
    """Rows whose reference (article, claim, source, review) points at no row."""
    counts = []
    for table in TABLES:
        for key in table.foreign_keys:
            child = key.parent
            referenced = key.column.table.alias("referenced")  # a review may undo a review
            parent = referenced.c[key.column.name]
            orphans = conn.scalar(
                select(func.count())
                .select_from(table.outerjoin(referenced, child == parent))
                .where(child.is_not(None), parent.is_(None))
            )
            if orphans:
                counts.append(f"{orphans} in {table.name}.{child.name}")
    if not counts:
        return Finding("orphans", "no rows pointing at missing rows", True)
    return Finding(
        "orphans",
        f"rows pointing at missing rows: {', '.join(counts)}",
        False,
        "Restore the store from a backup, or re-ingest the articles into a new store.",
    )


def _linking(conn: Connection) -> Finding:
    unlinked = conn.scalar(select(func.count()).select_from(UNLINKED.subquery()))
    if not unlinked:
        return Finding("linking", "every current claim is linked", True)
    return Finding(
        "linking",
        f"{unlinked} claims not linked yet (an ingest or link that did not finish)",
        False,
        "Run `claims link` (or the next `claims ingest`) to link them.",
    )


def _self_links(conn: Connection) -> Finding:
    """Links whose two ends are one claim: a claim is never its own duplicate (older linkers
    made some, revision 0016 dropped them)."""
    selves = conn.scalar(
        select(func.count()).select_from(LINK).where(LINK.c.claim_id == LINK.c.other_id)
    )
    if not selves:
        return Finding("self-links", "no claim is linked to itself", True)
    return Finding(
        "self-links",
        f"links joining a claim to itself: {selves}",
        False,
        "Run `claims link --all` to link the whole store again.",
    )


def _link_keys(conn: Connection) -> Finding:
    unspelled = link_keys.unspelled(conn)
    if not unspelled:
        return Finding("link keys", "every linked claim's keys are in the key table", True)
    return Finding(
        "link keys",
        f"{unspelled} linked claims hold keys missing from the key table (link_key)",
        False,
        "Run `claims link --all` to number every claim's keys again (it links the whole store).",
    )


def _search_index(conn: Connection) -> Finding:
    found = search_index.problem(conn)
    if found is None:
        return Finding("search index", "in step with the claims", True)
    if conn.dialect.name == "postgresql":
        repair = (
            f"Ask the database administrator to run `{search_index.PG_EXTENSION}` "
            "(it needs the right to create extensions), then run `claims db reindex`."
        )
    else:
        repair = "Run `claims db reindex` to make it again from the claims."
    return Finding("search index", found, False, repair)

"""The search index: the claims whose text or source holds a needle, found without reading
every claim.

`ClaimFilter.search` matches a substring of a claim's search form (`claim.search`), and
`ClaimFilter.source` one of its source's key (`claim.source_key`: the review app's "same
source"). As a plain `LIKE '%…%'` each read every claim: 2.1 s for a search of a store of a
million claims, 4.7 s in the order of confidence. The index holds the trigrams of both columns
(every three characters in a row, spaces included), so a needle of three characters or more is
looked up by its own:

- SQLite: an FTS5 table with the trigram tokenizer over both columns, holding no copy of the
  text (external content: it reads `claim`), kept in step by triggers on `claim`. The needle is
  asked as an FTS5 phrase, its trigrams one after another: exactly the substring.
- PostgreSQL: GIN indexes of pg_trgm's trigrams on both columns, which serve the LIKE as it is.
  A database that refuses the extension (no right to create it) keeps a store without them:
  searches read every claim there, as before.

Shorter needles have no trigram: they are matched by LIKE on both.

Neither is a table of the models (`tables.py`): they are made with the `claim` table
(`metadata.create_all`) and by revision 0013. A later revision that rebuilds `claim` on SQLite
must make them again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, ColumnElement, inspect, literal
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from claims.store.tables import CLAIM

if TYPE_CHECKING:
    from claims.store.engine import Store

log = logging.getLogger(__name__)

# The FTS5 table and its shadow tables (FTS5 makes `<name>_data`, `_idx`, `_docsize`, `_config`).
FTS_TABLE = "claim_search"
# The columns indexed, and their pg_trgm indexes.
COLUMNS = ("search", "source_key")
TRIGRAM_INDEXES = tuple(f"ix_claim_{column}_trigram" for column in COLUMNS)
# Set on the dialect of an opened store's engine (one per engine, as is its cache of compiled
# statements): whether its SQLite file holds the FTS5 table. One that does not (its index
# dropped, a copy of some tables) is searched with LIKE rather than failing.
_PRESENT = "claims_search_index"
# A needle this long or longer holds a trigram.
TRIGRAM = 3

_LISTED = ", ".join(COLUMNS)
# FTS5's own way to keep an external-content table in step: 'delete' takes the old values
_FORGET_OLD = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_LISTED}) "
    f"VALUES ('delete', old.id, {', '.join(f'old.{column}' for column in COLUMNS)});"
)
_INDEX_NEW = (
    f"INSERT INTO {FTS_TABLE}(rowid, {_LISTED}) "
    f"VALUES (new.id, {', '.join(f'new.{column}' for column in COLUMNS)});"
)
_SQLITE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    f"{_LISTED}, content='claim', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON claim BEGIN {_INDEX_NEW} END",
    f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON claim BEGIN {_FORGET_OLD} END",
    f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF {_LISTED} ON claim BEGIN "
    f"{_FORGET_OLD} {_INDEX_NEW} END",
)
# In one schema for the whole database, wherever a store's tables are: dropping the schema of
# one store would take the extension from the others.
PG_EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"
_PG_TRGM_SCHEMA = (
    "SELECT nspname FROM pg_extension JOIN pg_namespace ON pg_namespace.oid = extnamespace "
    "WHERE extname = 'pg_trgm'"
)
_SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{event}" for event in ("insert", "delete", "update")),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)


def _pg_indexes(trgm_schema: str) -> tuple[str, ...]:
    return tuple(
        f'CREATE INDEX {index} ON claim USING gin ({column} "{trgm_schema}".gin_trgm_ops)'
        for column, index in zip(COLUMNS, TRIGRAM_INDEXES, strict=True)
    )


def ddl(dialect_name: str) -> tuple[str, ...]:
    """The statements that make the search index (for schema/; pg_trgm in the schema public)."""
    return _SQLITE if dialect_name == "sqlite" else (PG_EXTENSION, *_pg_indexes("public"))


def create(conn: Connection) -> bool:
    """Make the search index of the `claim` table (of the claims it holds already too);
    False where PostgreSQL refused pg_trgm (a store without the index)."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        return True
    try:
        with conn.begin_nested():  # a refusal rolls back to here, not the whole creation
            conn.exec_driver_sql(PG_EXTENSION)
            schema = conn.exec_driver_sql(_PG_TRGM_SCHEMA).scalar_one()  # made there before?
            for statement in _pg_indexes(schema):
                conn.exec_driver_sql(statement)
    except DBAPIError as exc:
        log.warning("no search index: pg_trgm could not be used here (%s)", exc.orig)
        return False
    return True


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_DROP:
            conn.exec_driver_sql(statement)
    else:
        for index in TRIGRAM_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")


def rebuild(conn: Connection) -> bool:
    """Make the search index again from the claims."""
    drop(conn)
    return create(conn)


def reindex(store: Store) -> bool:
    """Make the store's search index again from its claims, in one transaction (`claims db
    reindex`); False where PostgreSQL refused pg_trgm."""

    def once() -> bool:
        with store.session() as session:
            return rebuild(session.connection())

    made = store.retrying(once, "rebuilding the search index")
    note_presence(store.engine)
    store.engine.clear_compiled_cache()  # searches compiled before, without the index
    return made


def note_presence(engine: Engine) -> None:
    """Note on the engine whether its store holds the FTS5 table (SQLite), for the searches
    compiled for it."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            setattr(engine.dialect, _PRESENT, inspect(conn).has_table(FTS_TABLE))


def problem(conn: Connection) -> str | None:
    """What is wrong with the search index (`claims doctor`), or None."""
    if conn.dialect.name == "sqlite":
        if not inspect(conn).has_table(FTS_TABLE):
            return "there is no search index: every search reads every claim"
        try:  # FTS5 compares its index with the claims it was made from
            with conn.begin_nested():
                conn.exec_driver_sql(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
                )
        except DBAPIError:
            return "the search index is out of step with the claims: searches miss some"
        return None
    present = {index["name"] for index in inspect(conn).get_indexes("claim")}
    if missing := [index for index in TRIGRAM_INDEXES if index not in present]:
        return f"no trigram index {', '.join(missing)}: searches read every claim"
    return None


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter of what it compares with the models: all but the search index."""
    return not (name and (name in TRIGRAM_INDEXES or name.startswith(FTS_TABLE)))


def _phrase(column: str, needle: str) -> str:
    """`needle` as an FTS5 phrase in `column`: a quoted string, its own quotes doubled."""
    return f'{column} : "' + needle.replace('"', '""') + '"'


def like_anywhere(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    """`column` holds `text` anywhere, read by LIKE: its own %, _ and backslash taken
    literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


class _Holds(ColumnElement[bool]):
    """Claims whose `column` holds a needle of a trigram or more: a LIKE, or on SQLite the
    claims the FTS5 table finds by the needle's phrase in that column."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it is, not "(…) = 1" (SQLite then probes
    # the FTS5 table's ids claim by claim instead of seeking the claims it found)
    _traverse_internals = [
        ("by_like", InternalTraversal.dp_clauseelement),
        ("by_phrase", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Column[str], needle: str) -> None:
        self.by_like = like_anywhere(column, needle)
        self.by_phrase = literal(_phrase(column.name, needle))


@compiles(_Holds)
def _holds_by_like(element: _Holds, compiler, **kw) -> str:
    return compiler.process(element.by_like, **kw)


@compiles(_Holds, "sqlite")
def _holds_by_phrase(element: _Holds, compiler, **kw) -> str:
    if not getattr(compiler.dialect, _PRESENT, False):
        return _holds_by_like(element, compiler, **kw)
    phrase = compiler.process(element.by_phrase, **kw)
    found = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {phrase}"
    return f"{compiler.process(CLAIM.c.id, **kw)} IN ({found})"


def holds(column: Column[str], needle: str) -> ColumnElement[bool]:
    """The claims whose `column` (one of COLUMNS) holds `needle` (in that column's form)."""
    if len(needle) < TRIGRAM:
        return like_anywhere(column, needle)
    return _Holds(column, needle)

"""Opening a store: the URL, the engine, and the check that the schema is the one this code knows."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    NullPool,
    PrimaryKeyConstraint,
    String,
    Table,
    cast,
    create_engine,
    event,
    func,
    inspect,
    literal,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlmodel import Session

from claims.store import search_index
from claims.store.tables import TABLES, metadata

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

DEFAULT_DB = "claims.db"
# How long in all a writer waits for other writers' locks before it gives up, by default
# (seconds; `$CLAIMS_LOCK_WAIT` sets another).
LOCK_WAIT = 600.0
# How long one try waits for a lock before the retry loop gets control back and says how long
# it has waited (SQLite's busy timeout, PostgreSQL's lock_timeout; seconds).
LOCK_TRY = 5.0
# PostgreSQL's codes for a transaction that lost a race for a lock: serialization failure,
# deadlock, lock timeout.
LOCK_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
MIGRATIONS = Path(__file__).parent / "migrations"
# Alembic's name for the copy of a SQLite table being rebuilt.
LEFTOVER = "_alembic_tmp_"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why and what to do."""


class StoreOutdated(StoreError):
    """The store was made by an older version of claims and needs `claims db upgrade`."""


class StoreBusy(StoreError):
    """Other writers held the store longer than this writer was allowed to wait."""


class StoreMissing(StoreError):
    """The SQLite file named does not exist, and the command only reads a store."""


class Stopped(Exception):
    """A read was stopped by its caller before it ended (`stoppable`)."""


# SQLite's virtual machine instructions between two looks at a read's stop.
STOP_CHECK_EVERY = 100_000


@contextmanager
def stoppable(session: Session, stop: threading.Event | None) -> Iterator[None]:
    """Reads in `session` meanwhile end with Stopped soon after `stop` is set (from another
    thread: the review app leaving a screen whose read takes seconds at a million claims):
    on SQLite through its progress handler, on PostgreSQL by asking the server to cancel the
    statement under way."""
    if stop is None:
        yield
        return
    connection = session.connection().connection.driver_connection
    if isinstance(connection, sqlite3.Connection):
        connection.set_progress_handler(stop.is_set, STOP_CHECK_EVERY)  # true: interrupt
        stopping: Callable[[], None] = partial(connection.set_progress_handler, None, 0)
    elif connection is not None and hasattr(connection, "cancel_safe"):  # psycopg
        stopping = _cancel_when(stop, connection.cancel_safe)
    else:
        stopping = lambda: None  # noqa: E731 (another driver: the read runs to its end)
    try:
        yield
    except DBAPIError as exc:
        if stop.is_set():
            raise Stopped() from exc
        raise
    finally:
        stopping()


def _cancel_when(stop: threading.Event, cancel: Callable[[], None]) -> Callable[[], None]:
    """Call `cancel` in a thread of its own if `stop` is set before the returned function is
    called: never after, when the connection has moved on (the thread then ends by itself)."""
    done = threading.Event()
    lock = threading.Lock()

    def watch() -> None:
        while not done.is_set():
            if stop.wait(0.05):
                with lock:
                    if not done.is_set():
                        # best effort: a connection lost meanwhile has nothing to cancel, and a
                        # thread's traceback would be printed over the review app's screen
                        with contextlib.suppress(Exception):
                            cancel()
                return

    threading.Thread(target=watch, name="claims-stop", daemon=True).start()

    def finish() -> None:
        with lock:
            done.set()

    return finish


T = TypeVar("T")


def lock_wait() -> float:
    """How long a writer waits for others in all: `$CLAIMS_LOCK_WAIT` seconds, else LOCK_WAIT."""
    try:
        return max(0.0, float(os.environ.get("CLAIMS_LOCK_WAIT", LOCK_WAIT)))
    except ValueError:
        return LOCK_WAIT


def is_lock_conflict(exc: BaseException) -> bool:
    """The store refused a step because another transaction held a lock it needed."""
    if not isinstance(exc, DBAPIError):
        return False
    if getattr(exc.orig, "sqlstate", None) in LOCK_SQLSTATES:
        return True
    words = str(exc.orig).lower()
    return "database is locked" in words or "database table is locked" in words


def retry_locked(
    work: Callable[[], T],
    *,
    url: str,
    doing: str,
    wait: float,
    on_wait: Callable[[str], None] | None = None,
) -> T:
    """Run `work` (one whole transaction) until no other writer's lock stops it, backing off
    from 0.1 s to 5 s between tries and telling `on_wait` how long it has waited; after `wait`
    seconds, StoreBusy. A try that failed was rolled back, so trying again is safe."""
    started = time.monotonic()
    delay = 0.1
    while True:
        try:
            return work()
        except DBAPIError as exc:
            if not is_lock_conflict(exc):
                raise
            waited = time.monotonic() - started
            so_far = f"{waited:.0f} s" if waited >= 10 else f"{waited:.1f} s"
            if waited >= wait:
                raise StoreBusy(
                    f"Gave up {doing}: other writers held the store {display_url(url)} for "
                    f"{so_far}. Nothing of this step was stored; run it again when they "
                    "are done, or let it wait longer with CLAIMS_LOCK_WAIT (seconds)."
                ) from exc
            if on_wait is not None:
                on_wait(f"{doing}: waiting for another writer of the store ({so_far})")
            time.sleep(min(delay * random.uniform(0.5, 1.0), max(wait - waited, 0.0)))
            delay = min(delay * 2, 5.0)


def resolve_url(url: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from a file path, a URL, `$CLAIMS_DB` or the default `./claims.db`."""
    if url is None:
        url = os.environ.get("CLAIMS_DB") or DEFAULT_DB
    url = os.fspath(url)
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        # The one PostgreSQL driver we depend on.
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(LOCK_TRY * 1000)}")  # first: WAL needs a lock
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _postgresql_lock_timeout(dbapi_connection, _record) -> None:
    # A writer blocked by another's row lock gets control back to say so and try again.
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {int(LOCK_TRY * 1000)}")
    dbapi_connection.commit()


@contextmanager
def _usable_url() -> Iterator[None]:
    """Turns SQLAlchemy's refusal of a store URL into a StoreError that says how to write one
    (its words never include the password)."""
    try:
        yield
    except (ArgumentError, ValueError) as exc:
        raise StoreError(
            f"The store URL given with --db or CLAIMS_DB cannot be used ({exc}). "
            "Write it as postgresql://USER:PASSWORD@HOST:PORT/DBNAME, or give a file path."
        ) from exc


# JSON columns (the reasons of claims and links) written as UTF-8, not with every Arabic letter
# as a six-byte \uXXXX escape: a link's reasons quote the figures and words of its claims, and
# escaped they made the link table half as large again (a full link of a million claims writes
# 3.9 million links). Both forms read back as the same values.
_JSON = partial(json.dumps, ensure_ascii=False)


def make_engine(url: str) -> Engine:
    """The engine of a store URL; StoreError when the URL cannot be read or names no database
    claims knows."""
    with _usable_url():
        if make_url(url).get_backend_name() != "sqlite":
            engine = create_engine(url, pool_pre_ping=True, json_serializer=_JSON)
            event.listen(engine, "connect", _postgresql_lock_timeout)
            return engine
        engine = create_engine(url, connect_args={"timeout": LOCK_TRY}, json_serializer=_JSON)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def missing_file(engine: Engine) -> bool:
    """A SQLite store whose file does not exist yet (connecting would create it empty)."""
    file = engine.url.database if engine.dialect.name == "sqlite" else None
    return file not in (None, "", ":memory:") and not Path(file or "").is_file()


def alembic_config(url: str) -> Config:
    from alembic.config import Config  # here: alembic is a fifth of start-up, not for `extract`

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def display_url(url: str) -> str:
    """The store's URL as every message shows it: the password, if any, as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # unparsable: show no part of what may hold a password
        return "(a store URL that cannot be read)"


def failure_message(url: str, exc: BaseException, doing: str = "use") -> str:
    """One line on a store that failed while in use, in words that say what to do: a damaged
    file, a full disk, a lost server. The driver's own words, never the statement or its
    parameters (article text)."""
    cause = getattr(exc, "orig", None) or exc
    reason = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    where = display_url(url)
    if _is_disk_full(cause):
        return (
            f"The disk holding the store {where} is full: nothing of this step was stored. "
            "Free some space and run the command again."
        )
    if any(word in reason.lower() for word in DAMAGE):
        return (
            f"The store {where} is damaged ({reason}). Check it with `claims doctor` "
            "(SQLite's PRAGMA integrity_check) and restore it from a backup."
        )
    return f"Cannot {doing} the store {where}: {reason}"


# What SQLite says of a file with bad pages or that is not a database at all.
DAMAGE = ("malformed", "not a database", "corrupt")


def _is_disk_full(cause: BaseException) -> bool:
    """An ENOSPC from a write, or SQLite's and PostgreSQL's words for it."""
    if isinstance(cause, OSError) and cause.errno == errno.ENOSPC:
        return True
    return any(words in str(cause).lower() for words in ("disk is full", "no space left"))


def _revision(conn: Connection, script: ScriptDirectory, url: str) -> str | None:
    """The store's schema revision; None for an empty database. Refuses a database that
    holds tables of ours without a revision, and a revision this version does not know."""
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        found = {table.name for table in TABLES} & set(inspect(conn).get_table_names())
        if found:
            # Read apart, the tables may be those another process committed, with their
            # revision, since the revision was read: read it again.
            current = MigrationContext.configure(conn).get_current_revision()
        if found and current is None:
            raise StoreError(
                f"The database {display_url(url)} has tables named like a claim store "
                f"({', '.join(sorted(found))}) but no schema revision; it was not made by "
                "`claims`. Use another database."
            )
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise StoreError(
            f"The store {display_url(url)} was made by a newer version of claims "
            f"(schema revision {current}, unknown here). Upgrade the claims program."
        )
    return current


# `revision = "0012"` and `down_revision = "0011"` in a migration file.
REVISION_LINE = re.compile(r"""^(down_)?revision\b[^=\n]*=\s*["']([^"'\n]+)["']""", re.M)


@cache
def _newest_revision_in_files() -> str | None:
    """The newest schema revision, read from the migration files without alembic (a fifth of
    a command's start-up); None unless their revisions make one line (alembic then decides)."""
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, revision in REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (replaced if down else revisions).add(revision)
    heads = revisions - replaced
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    """The store's one schema revision read with a plain query; None if it has none, several,
    or no table of revisions."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no such table (a new store), or the store refused: alembic looks again
        return None
    return rows[0][0] if len(rows) == 1 else None


def check_revision(engine: Engine, url: str) -> None:
    """Create the tables in an empty store; refuse a store at another revision, with the fix."""
    newest = _newest_revision_in_files()
    if newest is not None:
        if _stored_revision(engine) == newest:
            return  # the common case, without alembic
        if _create(url, newest, engine):
            return  # a new store, made without alembic either
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(url))
    head = script.get_current_head()
    assert head is not None
    with engine.connect() as conn:
        current = _revision(conn, script, url)
    if current == head:
        return
    if current is None:
        _create(url, head, engine)
        return
    raise StoreOutdated(
        f"The store {display_url(url)} was made by an older version of claims "
        f"(schema revision {current}; this version needs {head}). "
        f"Run `claims db upgrade --db {display_url(url)}` to bring it up to date; "
        "nothing has been changed."
    )


def _sqlite_for_migrations(dbapi_connection, _record) -> None:
    # The sqlite3 module begins transactions only before INSERT, UPDATE and DELETE, so that
    # CREATE, DROP and ALTER would each commit on their own; it must not begin any.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")  # first: WAL needs a lock
    cursor.execute("PRAGMA journal_mode=WAL")
    # Off while tables are rebuilt (copy, drop, rename): dropping a table that others
    # reference would fail. _foreign_key_problems checks them before the commit instead.
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.close()


def _begin_immediate(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock at once: one schema change at a time


def _schema_engine(url: str) -> Engine:
    """An engine whose transactions hold schema changes too (DDL), so that a failed change
    leaves the store exactly as it was. PostgreSQL does this by itself; SQLite needs the
    sqlite3 module's own transaction handling turned off and an explicit BEGIN."""
    with _usable_url():
        if make_url(url).get_backend_name() != "sqlite":
            return create_engine(url, poolclass=NullPool)
        engine = create_engine(url, connect_args={"timeout": 30}, poolclass=NullPool)
    event.listen(engine, "connect", _sqlite_for_migrations)
    event.listen(engine, "begin", _begin_immediate)
    return engine


# PostgreSQL advisory locks (any numbers; the same in every claims), each held to the end of
# its transaction; SQLite's one write lock does their work. CREATING: processes opening one
# new store create it one at a time. LINKING: one linking run writes at a time, and no claim
# becomes page furniture while it does. OUTLET_PASSAGES (with a hash of the outlet, in the
# two-key space): ingests count one outlet's recurring passages one at a time, each seeing
# what the one before wrote.
CREATING = 4_217_730_001
LINKING = 4_217_730_002
OUTLET_PASSAGES = 421_773


def hold_lock(conn: Connection | Session, key: int, name: str | None = None) -> None:
    """Take advisory lock `key` (with `name`'s hash as its second key) on PostgreSQL until the
    transaction ends; on SQLite the transaction holds the store's write lock already."""
    dialect = conn.dialect if isinstance(conn, Connection) else conn.get_bind().dialect
    if dialect.name != "postgresql":
        return
    if name is None:
        conn.execute(select(func.pg_advisory_xact_lock(key)))
    else:
        conn.execute(
            select(func.pg_advisory_xact_lock(cast(literal(key), Integer), func.hashtext(name)))
        )


# Alembic's table of the schema revision, as alembic makes it (`DefaultImpl.version_table_impl`):
# written here for a new store, so that opening one does not import alembic (a fifth of the
# start-up of `claims ingest` into a new store).
REVISION_TABLE = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def _create(url: str, head: str, opened: Engine) -> bool:
    """Create the newest schema, revision `head`, in a database that holds none of the store's
    tables, in one transaction; False, changing nothing, where it holds some (another process
    created the store meanwhile, or it is not a new store: alembic reads it then)."""
    if make_url(url).database in (None, "", ":memory:"):  # SQLite in memory: only `opened` sees it
        with opened.begin() as conn:
            return _create_in(conn, head)
    engine = _schema_engine(url)
    try:
        with engine.begin() as conn:
            hold_lock(conn, CREATING)  # SQLite's BEGIN IMMEDIATE does this
            return _create_in(conn, head)
    finally:
        engine.dispose()


def _create_in(conn: Connection, head: str) -> bool:
    ours = {table.name for table in (*TABLES, REVISION_TABLE)}
    if ours & set(inspect(conn).get_table_names()):
        return False
    metadata.create_all(conn)
    REVISION_TABLE.create(conn)
    conn.execute(REVISION_TABLE.insert().values(version_num=head))
    return True


def _leftovers(conn: Connection, url: str) -> list[str]:
    """Drop the copies that a failed table rebuild by an older claims left behind (SQLite).

    A rebuild copies a table into `_alembic_tmp_<name>`, drops the table and renames the
    copy; if it failed before the drop, the table is whole and the copy is dropped here. If
    the table is gone, the copy holds its rows: refuse rather than guess."""
    names = set(inspect(conn).get_table_names())
    dropped = []
    for name in sorted(n for n in names if n.startswith(LEFTOVER)):
        table = name.removeprefix(LEFTOVER)
        if table not in names:
            raise StoreError(
                f"The store {display_url(url)} is damaged: table {table} is missing and its rows "
                f"may be in {name}, left by an upgrade that failed. Nothing has been changed; "
                "restore the store from a backup or ask for help."
            )
        conn.exec_driver_sql(f'DROP TABLE "{name}"')
        dropped.append(name)
    return dropped


def _foreign_key_problems(conn: Connection) -> set[tuple]:
    """Rows of SQLite tables whose foreign key points at no row: (table, rowid, parent)."""
    return {tuple(row[:3]) for row in conn.exec_driver_sql("PRAGMA foreign_key_check")}


def upgrade(url: str | os.PathLike[str] | None = None) -> tuple[str | None, str]:
    """Bring the store's schema to the newest revision; returns (revision before, after).

    All the revisions run in one transaction, on SQLite as on PostgreSQL: if one fails,
    the store stays at its old revision with its data, usable by the claims that made it,
    and StoreError says what failed.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    resolved = resolve_url(url)
    script = ScriptDirectory.from_config(alembic_config(resolved))
    head = script.get_current_head()
    assert head is not None
    engine = _schema_engine(resolved)
    before: str | None = None
    started = False
    try:
        with engine.begin() as conn:
            started = True
            before = _revision(conn, script, resolved)
            if before == head:
                return before, head
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:
                _leftovers(conn, resolved)
                broken = _foreign_key_problems(conn)
            cfg = alembic_config(resolved)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if sqlite and (new := _foreign_key_problems(conn) - broken):
                shown = ", ".join(f"{table} row {rowid}" for table, rowid, _ in sorted(new)[:5])
                raise StoreError(
                    f"Upgrading the store {display_url(resolved)} would leave rows pointing at "
                    f"nothing ({shown}); nothing has been changed."
                )
        return before, head
    except StoreError:
        raise
    except Exception as exc:
        if not started:
            raise StoreError(f"Cannot open the store {display_url(resolved)}: {exc}") from exc
        raise StoreError(
            f"Could not upgrade the store {display_url(resolved)} from revision "
            f"{before or '(empty)'} to {head}: {type(exc).__name__}: {exc}\n"
            f"Nothing has been changed: the store is still at revision {before or '(empty)'}, "
            "with all its data, and the version of claims that made it can still use it."
        ) from exc
    finally:
        engine.dispose()


class Store:
    """An open claim store. Every read and write goes through the functions in
    `claims.store.queries` and `claims.store.ingesting`, which take a Store first."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        # Shared entities by kind: normalised key -> id, filled lazily by ingest.
        self.entity_cache: dict[str, dict[str, int]] = {}
        # How long a write waits for other writers in all, and who hears that it waits.
        self.lock_wait = lock_wait()
        self.on_wait: Callable[[str], None] | None = None

    def retrying(self, work: Callable[[], T], doing: str) -> T:
        """Run `work` (one whole transaction) again while other writers hold the store."""
        return retry_locked(
            work, url=self.url, doing=doing, wait=self.lock_wait, on_wait=self.on_wait
        )

    @classmethod
    def open(cls, url: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
        """Open (or create, at the newest schema) the store at a path or SQLAlchemy URL.

        None means `$CLAIMS_DB`, else `./claims.db`. Raises StoreOutdated when the store needs
        `claims db upgrade`, StoreError when it is not a claim store or is unreachable, and
        StoreMissing when `create` is False and no SQLite file is there (a mistyped path would
        otherwise become an empty store that shows nothing).
        """
        resolved = resolve_url(url)
        engine = make_engine(resolved)
        if not create and missing_file(engine):
            engine.dispose()  # before connecting, which would create the file
            path = engine.url.database
            raise StoreMissing(
                f"There is no store at {path}: check the path given with --db or CLAIMS_DB, "
                f"or create the store with `claims ingest FILES --db {path}`."
            )
        try:
            retry_locked(
                lambda: check_revision(engine, resolved),
                url=resolved,
                doing="opening the store",
                wait=lock_wait(),
            )
            search_index.note_presence(engine)
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:  # driver errors: unreachable server, unreadable file
            engine.dispose()
            raise StoreError(failure_message(resolved, exc, "open")) from exc
        return cls(engine, resolved)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

"""Opening a store: the URL, the engine, and the check that the schema is the one this code knows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlmodel import Session

from claims.store.tables import TABLES, metadata

DEFAULT_DB = "claims.db"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why and what to do."""


class StoreOutdated(StoreError):
    """The store was made by an older version of claims and needs `claims db upgrade`."""


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
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def _display(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def check_revision(engine: Engine, url: str) -> None:
    """Create the tables in an empty store; refuse a store at another revision, with the fix."""
    script = ScriptDirectory.from_config(alembic_config(url))
    head = script.get_current_head()
    with engine.begin() as conn:
        context = MigrationContext.configure(conn)
        current = context.get_current_revision()
        if current == head:
            return
        if current is None:
            ours = {table.name for table in TABLES}
            found = ours & set(inspect(conn).get_table_names())
            if found:
                raise StoreError(
                    f"The database {_display(url)} has tables named like a claim store "
                    f"({', '.join(sorted(found))}) but no schema revision; it was not made by "
                    "`claims`. Use another database."
                )
            metadata.create_all(conn)
            context.stamp(script, "head")
            return
    known = {rev.revision for rev in script.walk_revisions()}
    if current in known:
        raise StoreOutdated(
            f"The store {_display(url)} was made by an older version of claims "
            f"(schema revision {current}; this version needs {head}). "
            f"Run `claims db upgrade --db {_display(url)}` to bring it up to date; "
            "nothing has been changed."
        )
    raise StoreError(
        f"The store {_display(url)} was made by a newer version of claims "
        f"(schema revision {current}, unknown here). Upgrade the claims program."
    )


def upgrade(url: str | os.PathLike[str] | None = None) -> tuple[str | None, str]:
    """Bring the store's schema to the newest revision; returns (revision before, after)."""
    from alembic import command

    resolved = resolve_url(url)
    engine = make_engine(resolved)
    try:
        with engine.begin() as conn:
            before = MigrationContext.configure(conn).get_current_revision()
            cfg = alembic_config(resolved)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return before, head_revision()
    finally:
        engine.dispose()


class Store:
    """An open claim store. Every read and write goes through the functions in
    `claims.store.queries` and `claims.store.ingest`, which take a Store first."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        # Shared entities by kind: normalised key -> id, filled lazily by ingest.
        self.entity_cache: dict[str, dict[str, int]] = {}

    @classmethod
    def open(cls, url: str | os.PathLike[str] | None = None) -> Store:
        """Open (or create, at the newest schema) the store at a path or SQLAlchemy URL.

        None means `$CLAIMS_DB`, else `./claims.db`. Raises StoreOutdated when the store needs
        `claims db upgrade`, StoreError when it is not a claim store or is unreachable.
        """
        resolved = resolve_url(url)
        engine = make_engine(resolved)
        try:
            check_revision(engine, resolved)
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:  # driver errors: unreachable server, unreadable file
            engine.dispose()
            raise StoreError(f"Cannot open the store {_display(resolved)}: {exc}") from exc
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
        return f"Store({_display(self.url)!r})"

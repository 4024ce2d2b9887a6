"""The claim store: SQLModel tables on SQLite or PostgreSQL, and the one door to them.

from claims.store import Store, ClaimFilter, query_claims, set_status
store = Store.open("claims.db")          # or a SQLAlchemy URL, or None for $CLAIMS_DB
page = query_claims(store, ClaimFilter(status=Status.unreviewed), order="confidence")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.store.articles import article, correct_article
    from claims.store.engine import (
        Stopped,
        Store,
        StoreBusy,
        StoreError,
        StoreMissing,
        StoreOutdated,
        display_url,
        failure_message,
        resolve_url,
        upgrade,
    )
    from claims.store.ingesting import ingest
    from claims.store.ledger import count_sources, sources
    from claims.store.queries import (
        add_note,
        count_claims,
        export_rows,
        get_claim,
        history,
        iter_claims,
        last_article_id,
        paragraph_of,
        query_claims,
        reject_link,
        related,
        set_status,
        stats,
        undo_last,
    )
    from claims.store.views import (
        ArticleEdit,
        ArticleView,
        ClaimFilter,
        ClaimView,
        ConflictError,
        IngestResult,
        NameTaken,
        NotFound,
        Order,
        RelatedClaim,
        ReviewEntry,
        SourceFilter,
        SourceSort,
        SourceView,
        StoreStats,
        UndoRefused,
    )

# Each name and the module that defines it, imported when the name is first asked for: the
# store brings SQLAlchemy and SQLModel (about half of the `claims` command's start-up), which
# `claims extract` and `claims --help` never use, and `claims.store.views` (the store's
# records, plain pydantic) is read without them.
_HOME = {
    "article": "claims.store.articles",
    "correct_article": "claims.store.articles",
    "Store": "claims.store.engine",
    "StoreBusy": "claims.store.engine",
    "StoreError": "claims.store.engine",
    "StoreMissing": "claims.store.engine",
    "StoreOutdated": "claims.store.engine",
    "Stopped": "claims.store.engine",
    "display_url": "claims.store.engine",
    "failure_message": "claims.store.engine",
    "resolve_url": "claims.store.engine",
    "upgrade": "claims.store.engine",
    "ingest": "claims.store.ingesting",
    "count_sources": "claims.store.ledger",
    "sources": "claims.store.ledger",
    "add_note": "claims.store.queries",
    "count_claims": "claims.store.queries",
    "export_rows": "claims.store.queries",
    "get_claim": "claims.store.queries",
    "history": "claims.store.queries",
    "iter_claims": "claims.store.queries",
    "last_article_id": "claims.store.queries",
    "paragraph_of": "claims.store.queries",
    "query_claims": "claims.store.queries",
    "reject_link": "claims.store.queries",
    "related": "claims.store.queries",
    "set_status": "claims.store.queries",
    "stats": "claims.store.queries",
    "undo_last": "claims.store.queries",
    "ArticleEdit": "claims.store.views",
    "ArticleView": "claims.store.views",
    "ClaimFilter": "claims.store.views",
    "ClaimView": "claims.store.views",
    "ConflictError": "claims.store.views",
    "IngestResult": "claims.store.views",
    "NameTaken": "claims.store.views",
    "NotFound": "claims.store.views",
    "Order": "claims.store.views",
    "RelatedClaim": "claims.store.views",
    "ReviewEntry": "claims.store.views",
    "SourceFilter": "claims.store.views",
    "SourceSort": "claims.store.views",
    "SourceView": "claims.store.views",
    "StoreStats": "claims.store.views",
    "UndoRefused": "claims.store.views",
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "ArticleEdit",
    "ArticleView",
    "article",
    "correct_article",
    "ClaimFilter",
    "ClaimView",
    "ConflictError",
    "IngestResult",
    "NameTaken",
    "NotFound",
    "Order",
    "RelatedClaim",
    "ReviewEntry",
    "SourceFilter",
    "SourceSort",
    "SourceView",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreMissing",
    "StoreOutdated",
    "StoreStats",
    "Stopped",
    "UndoRefused",
    "add_note",
    "display_url",
    "failure_message",
    "count_claims",
    "count_sources",
    "export_rows",
    "get_claim",
    "history",
    "ingest",
    "iter_claims",
    "last_article_id",
    "paragraph_of",
    "query_claims",
    "reject_link",
    "related",
    "resolve_url",
    "set_status",
    "sources",
    "stats",
    "undo_last",
    "upgrade",
]

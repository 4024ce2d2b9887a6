"""The claim store: SQLModel tables on SQLite or PostgreSQL, and the one door to them.

from claims.store import Store, ClaimFilter, query_claims, set_status
store = Store.open("claims.db")          # or a SQLAlchemy URL, or None for $CLAIMS_DB
page = query_claims(store, ClaimFilter(status=Status.unreviewed), order="confidence")
"""

from claims.store.engine import (
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
from claims.store.ingest import ingest
from claims.store.ledger import count_sources, sources
from claims.store.queries import (
    add_note,
    count_claims,
    export_rows,
    get_claim,
    history,
    iter_claims,
    paragraph_of,
    query_claims,
    reject_link,
    related,
    set_status,
    stats,
    undo_last,
)
from claims.store.views import (
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

__all__ = [
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

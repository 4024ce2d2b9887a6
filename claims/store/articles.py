"""What a page says of itself, corrected by a reviewer: title, outlet, date and address.

Real pages often get these wrong or leave them out (a company's legal name in the footer read
as the outlet, the scrape day printed in the header read as the date). A correction is kept as
rows of `article_edit` (who, when, why, the value before and after), changes the current
version of the article at once, and is applied again to every later version of the same file,
so that a re-ingest never brings the page's own wrong value back.

An outlet changes more than a label: the article's passages count towards the new outlet's
page furniture (`claims.store.passages.move`), and its claims lose their links and keys, so
that the next `claims link` judges them again with the outlet they now have (agreement with
the same outlet is no independent corroboration).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import Connection, insert, select, update

from claims.arabic import normalize_key
from claims.models import Kind
from claims.store.engine import Store
from claims.store.ingesting import EDITS, X, resolve_entity
from claims.store.passages import move as move_passages
from claims.store.passages import unlink
from claims.store.queries import ARTICLE, A, C, utcnow
from claims.store.tables import ARTICLE_EDIT
from claims.store.views import ArticleEdit, ArticleView, NotFound

FIELDS = ("title", "outlet", "published", "url")

_CURRENT = select(
    A.id, A.doc, A.version, A.title, A.outlet, A.outlet_key, A.published, A.url, A.n_claims,
    A.content_hash,
).where(A.current.is_(True))  # fmt: skip


def _current(conn: Connection, doc: str):
    """The current version of the article of this file name (or article id)."""
    row = conn.execute(_CURRENT.where(A.doc == doc)).one_or_none()
    if row is None and doc.isdigit():
        row = conn.execute(_CURRENT.where(A.id == int(doc))).one_or_none()
    if row is None:
        raise NotFound(f"No article {doc!r}: give its file name as `claims list` shows it")
    return row


def _valid(field: str, value: str | None) -> str | None:
    if field not in FIELDS:
        raise ValueError(f"cannot correct {field!r}: only {', '.join(FIELDS)}")
    value = " ".join(value.split()) if value else None
    if field == "published" and value is not None:
        try:
            date.fromisoformat(value[:10])  # a time may follow the day
        except ValueError:
            raise ValueError(f"the date {value!r} is not YYYY-MM-DD") from None
    return value or None


def article(store: Store, doc: str) -> ArticleView:
    """The current version of an article, by file name (or article id), with its corrections."""
    with store.engine.connect() as conn:
        row = _current(conn, doc)
        edits = [ArticleEdit(**r._asdict()) for r in conn.execute(EDITS.where(X.doc == row.doc))]
    return ArticleView(
        id=row.id,
        doc=row.doc,
        version=row.version,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        url=row.url,
        claims=row.n_claims,
        edits=edits,
    )


def correct_article(
    store: Store,
    doc: str,
    changes: Mapping[str, str | None],
    *,
    reviewer: str,
    reason: str | None = None,
) -> ArticleView:
    """Set these fields of the article (None or "" clears one), as `reviewer` says, in one
    transaction with their history rows; fields already so are left alone. Raises NotFound
    for an unknown article, ValueError for an unknown field or a malformed date."""
    if not reviewer or not reviewer.strip():
        raise ValueError("A reviewer name is required")
    wanted = {field: _valid(field, value) for field, value in changes.items()}

    def once() -> None:
        with store.engine.begin() as conn:
            row = _current(conn, doc)
            changed = {f: v for f, v in wanted.items() if getattr(row, f) != v}
            if not changed:
                return
            values: dict = dict(changed)
            new_key = row.outlet_key
            if "outlet" in changed:
                outlet = changed["outlet"]
                new_key = normalize_key(outlet) if outlet else None
                values["outlet_key"] = new_key
                values["outlet_id"] = resolve_entity(store, conn, row.doc, Kind.media, outlet)
            conn.execute(update(ARTICLE).where(A.id == row.id).values(values))
            now = utcnow()
            conn.execute(
                insert(ARTICLE_EDIT),
                [
                    {
                        "doc": row.doc,
                        "article_id": row.id,
                        "field": field,
                        "old": getattr(row, field),
                        "new": value,
                        "reviewer": reviewer,
                        "reason": reason,
                        "at": now,
                    }
                    for field, value in changed.items()
                ],
            )
            if new_key != row.outlet_key:
                move_passages(conn, row.id, row.outlet_key, new_key, row.content_hash)
                claim_ids = conn.execute(
                    select(C.id).where(C.article_id == row.id, C.current.is_(True))
                ).scalars()
                unlink(conn, list(claim_ids))

    store.retrying(once, f"correcting {doc}")
    store.entity_cache.clear()  # an outlet entity may have been added
    return article(store, doc)

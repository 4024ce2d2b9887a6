"""The search column in word form: each word normalised, words joined by single spaces,
as `claims.store.queries.search_form` writes it and matches queries against it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 1000


def _rewrite(form) -> None:
    claim = sa.table(
        "claim",
        sa.column("id", sa.Integer),
        sa.column("sentence", sa.Text),
        sa.column("claim", sa.Text),
        sa.column("source", sa.String),
        sa.column("search", sa.Text),
    )
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(claim.c.id, claim.c.sentence, claim.c.claim, claim.c.source)
            .where(claim.c.id > last)
            .order_by(claim.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            sa.update(claim).where(claim.c.id == sa.bindparam("_id")),
            [{"_id": row.id, "search": form(row)} for row in rows],
        )
        last = rows[-1].id


def upgrade() -> None:
    from claims.store.queries import search_form

    def form(row) -> str:
        parts = [row.sentence]
        if row.claim not in row.sentence:
            parts.append(row.claim)
        if row.source:
            parts.append(row.source)
        return search_form(" ".join(parts))

    _rewrite(form)


def downgrade() -> None:
    from claims.arabic import normalize

    _rewrite(lambda row: normalize("\n".join((row.sentence, row.claim, row.source or ""))))

"""The search index (claims/store/search_index.py): the claims holding a needle found by its
trigrams instead of reading every claim's text (FTS5 on SQLite, pg_trgm on PostgreSQL). Made
from the claims stored: about a minute for a million on SQLite.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

from claims.store import search_index

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_index.rebuild(op.get_bind())  # a store stamped back keeps its index: made again whole


def downgrade() -> None:
    search_index.drop(op.get_bind())

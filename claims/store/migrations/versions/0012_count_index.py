"""An index holding every column the review views count by (current, furniture, status, the
printing a copy repeats, its article): a count of a million claims is read from the index
alone instead of the table (0.7 s to 0.14 s on SQLite).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = ["current", "furniture", "status", "dup_of", "article_id"]


def upgrade() -> None:
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("claim")}
    if "ix_claim_current_count" not in indexes:  # a store stamped back keeps its index
        op.create_index("ix_claim_current_count", "claim", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_claim_current_count", table_name="claim")

"""A verdict on a sentence a page prints more than once carries to its copies: each copy's
history row names the row of the verdict it was given with (`review.carried_from`), so that an
undo takes back the verdict and its copies together. Rows before carry nothing.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("review")}
    if "carried_from" in columns:
        return  # a store stamped back to an older revision (the tests do that) keeps its column
    op.add_column("review", sa.Column("carried_from", sa.Integer(), nullable=True))
    op.create_index("ix_review_carried_from", "review", ["carried_from"])


def downgrade() -> None:
    op.drop_index("ix_review_carried_from", table_name="review")
    with op.batch_alter_table("review") as batch:
        batch.drop_column("carried_from")

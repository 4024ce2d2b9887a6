"""A reviewer can reject a link: the table `rejected_link` holds each pair of claims a reviewer
said are not linked, with who, when and why, so that no later linking run makes the link again.
Stores before have none.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "rejected_link" in sa.inspect(op.get_bind()).get_table_names():
        return  # a store stamped back to an older revision (the tests do that) keeps its table
    op.create_table(
        "rejected_link",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reviewer", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["other_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id", "other_id"),
    )


def downgrade() -> None:
    op.drop_table("rejected_link")

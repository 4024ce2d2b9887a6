"""The blocking keys of linked claims, and the scores of each one's best candidates, so that
`claims link` compares new claims with the store without analysing every stored claim again
and ranks their candidates as a full run would. Stores upgraded from 0004 have no keys
yet: their next `claims link` links everything once.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "link_index" in sa.inspect(op.get_bind()).get_table_names():
        return  # a store stamped back to an older revision (the tests do that) keeps its table
    op.create_table(
        "link_index",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("blocking", sa.Text(), nullable=False),
        sa.Column("best", sa.Text(), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id"),
    )


def downgrade() -> None:
    op.drop_table("link_index")

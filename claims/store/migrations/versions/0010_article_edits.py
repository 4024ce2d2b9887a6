"""A reviewer can correct an article's title, outlet, date or address: the table
`article_edit` holds each correction (field, old and new value, who, when, why), the
article's history, carried to later versions of its file. Stores before have none.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "article_edit" in sa.inspect(op.get_bind()).get_table_names():
        return  # a store stamped back to an older revision (the tests do that) keeps its table
    op.create_table(
        "article_edit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("reviewer", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_article_edit_doc", "article_edit", ["doc"])


def downgrade() -> None:
    op.drop_index("ix_article_edit_doc", table_name="article_edit")
    op.drop_table("article_edit")

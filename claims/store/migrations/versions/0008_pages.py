"""Articles read from web pages keep their page: `article.url` holds the page's canonical URL,
and the table `page` the raw page of each such article version with the address, time and HTTP
status of its fetch. Articles stored before were read from text files and have neither.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "page" in sa.inspect(op.get_bind()).get_table_names():
        return  # a store stamped back to an older revision (the tests do that) keeps its table
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))
    op.create_table(
        "page",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("content_type", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("raw_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("article_id"),
    )


def downgrade() -> None:
    op.drop_table("page")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("url")

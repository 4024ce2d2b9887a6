"""Articles remember where their file was read from (`article.origin`, its absolute path), so
that a file of the same name from another folder, ingested in a later run, is refused rather
than taken for a new version. Articles stored before have none and are checked by name only,
as before.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("article")}
    if "origin" in columns:
        return  # a store stamped back to an older revision (the tests do that) keeps it
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_column("origin")

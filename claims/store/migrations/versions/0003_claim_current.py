"""Claims carry their article's `current` flag, so that pages of current claims are read
straight from an index in position or confidence order instead of being sorted.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.add_column(
            sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.execute(
        "UPDATE claim SET current = (SELECT article.current FROM article"
        " WHERE article.id = claim.article_id)"
    )
    op.drop_index("ix_claim_position", table_name="claim")
    op.drop_index("ix_claim_confidence", table_name="claim")
    op.drop_index("ix_article_current", table_name="article")
    op.create_index(
        "ix_claim_current_position", "claim", ["current", "article_id", "sentence_index"]
    )
    op.create_index("ix_claim_current_confidence", "claim", ["current", "confidence", "id"])


def downgrade() -> None:
    op.drop_index("ix_claim_current_confidence", table_name="claim")
    op.drop_index("ix_claim_current_position", table_name="claim")
    op.create_index("ix_article_current", "article", ["current"])
    op.create_index("ix_claim_confidence", "claim", ["confidence", "id"])
    op.create_index("ix_claim_position", "claim", ["article_id", "sentence_index"])
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("current")

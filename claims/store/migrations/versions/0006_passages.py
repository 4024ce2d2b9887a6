"""The store learns its outlets' page furniture: the `passage` table holds the sentences of
each current article of a known outlet by passage, and claims that are a passage recurring on
their outlet's pages are set aside (`claim.furniture`). A store upgraded from 0005 learns from
the claims it holds (the sentences its older claims dropped as junk were never stored): their
passages are written, the recurring ones set aside and their links dropped; the claims those
were linked to are linked again by the next `claims link`.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 1000

ARTICLE = sa.table(
    "article",
    sa.column("id", sa.Integer),
    sa.column("current", sa.Boolean),
    sa.column("outlet_key", sa.String),
    sa.column("content_hash", sa.String),
)
CLAIM = sa.table(
    "claim",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("current", sa.Boolean),
    sa.column("furniture", sa.Boolean),
    sa.column("sentence_index", sa.Integer),
    sa.column("sentence", sa.Text),
)
PASSAGE = sa.table(
    "passage",
    sa.column("article_id", sa.Integer),
    sa.column("sentence_index", sa.Integer),
    sa.column("outlet_key", sa.String),
    sa.column("digest", sa.String),
    sa.column("content_hash", sa.String),
)
LINK = sa.table("link", sa.column("claim_id", sa.Integer), sa.column("other_id", sa.Integer))
LINK_INDEX = sa.table("link_index", sa.column("claim_id", sa.Integer))


def _learn_from_stored_claims() -> None:
    from claims.boilerplate import is_recurring, passage_key
    from claims.store.passages import passage_digest

    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            CLAIM.c.id,
            CLAIM.c.article_id,
            CLAIM.c.sentence_index,
            CLAIM.c.sentence,
            ARTICLE.c.outlet_key,
            ARTICLE.c.content_hash,
        )
        .select_from(CLAIM.join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id))
        .where(ARTICLE.c.current.is_(True), ARTICLE.c.outlet_key.is_not(None))
        .where(ARTICLE.c.outlet_key != "")
        .order_by(CLAIM.c.id)
    ).all()
    passages = []
    pages: dict[tuple[str, str], set[str]] = defaultdict(set)
    keyed = []
    for row in rows:
        key = passage_key(row.sentence)
        if key is None:
            continue
        digest = passage_digest(key)
        passages.append(
            {
                "article_id": row.article_id,
                "sentence_index": row.sentence_index,
                "outlet_key": row.outlet_key,
                "digest": digest,
                "content_hash": row.content_hash,
            }
        )
        pages[row.outlet_key, digest].add(row.content_hash)
        keyed.append((row.id, key, (row.outlet_key, digest)))
    for start in range(0, len(passages), BATCH):
        bind.execute(PASSAGE.insert(), passages[start : start + BATCH])
    furniture = [cid for cid, key, at in keyed if is_recurring(key, len(pages[at]))]
    for start in range(0, len(furniture), BATCH):
        ids = furniture[start : start + BATCH]
        ends = (LINK.c.claim_id.in_(ids), LINK.c.other_id.in_(ids))
        partners = {
            end for link in bind.execute(sa.select(LINK).where(sa.or_(*ends))) for end in link
        }
        bind.execute(sa.update(CLAIM).where(CLAIM.c.id.in_(ids)).values(furniture=True))
        bind.execute(sa.delete(LINK).where(sa.or_(*ends)))
        bind.execute(sa.delete(LINK_INDEX).where(LINK_INDEX.c.claim_id.in_(partners | set(ids))))


def upgrade() -> None:
    if "passage" in sa.inspect(op.get_bind()).get_table_names():
        return  # a store stamped back to an older revision (the tests do that) keeps its table
    with op.batch_alter_table("claim") as batch:
        batch.add_column(
            sa.Column("furniture", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "passage",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("outlet_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("article_id", "sentence_index"),
    )
    op.create_index("ix_passage_outlet_digest", "passage", ["outlet_key", "digest", "content_hash"])
    _learn_from_stored_claims()


def downgrade() -> None:
    op.drop_index("ix_passage_outlet_digest", table_name="passage")
    op.drop_table("passage")
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("furniture")

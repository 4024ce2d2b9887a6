"""Blocking keys as numbers (claims/store/link_keys.py): each key once in `link_key`, each
linked claim's keys in `link_index.key_numbers` as 32-bit numbers instead of tab-separated text in
`link_index.blocking`. The keys of linked claims are numbered as they are, so that nothing
is linked again.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from claims.store import link_keys

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# Linked claims rewritten at once.
BATCH = 50_000
SEP = "\t"  # between the keys of a claim in the text column

INDEX = sa.table(
    "link_index",
    sa.column("claim_id", sa.Integer),
    sa.column("blocking", sa.Text),
    sa.column("key_numbers", sa.LargeBinary),
)
KEY = sa.table("link_key", sa.column("id", sa.Integer), sa.column("key", sa.Text))


def _rows(bind, column) -> Iterator[list]:
    """Every linked claim's id and `column`, `BATCH` claims at a time."""
    last = -1
    while True:
        batch = bind.execute(
            sa.select(INDEX.c.claim_id, column)
            .where(INDEX.c.claim_id > last)
            .order_by(INDEX.c.claim_id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        yield batch
        last = batch[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    if "blocking" not in {c["name"] for c in sa.inspect(bind).get_columns("link_index")}:
        return  # a store stamped back to an older revision (the tests do that) is numbered
    op.create_table(
        "link_key",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key", sa.Text(), nullable=False, unique=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.add_column("link_index", sa.Column("key_numbers", sa.LargeBinary(), nullable=True))
    numbers: dict[str, int] = {}
    number = sa.update(INDEX).where(INDEX.c.claim_id == sa.bindparam("id"))
    for batch in _rows(bind, INDEX.c.blocking):
        bind.execute(
            number.values(key_numbers=sa.bindparam("numbers")),
            [
                {
                    "id": claim_id,
                    "numbers": link_keys.encode(
                        numbers.setdefault(key, len(numbers) + 1)
                        for key in (blocking.split(SEP) if blocking else ())
                    ),
                }
                for claim_id, blocking in batch
            ],
        )
    rows = [{"id": n, "key": key} for key, n in numbers.items()]
    for start in range(0, len(rows), link_keys.INSERT_BATCH):
        bind.execute(sa.insert(KEY), rows[start : start + link_keys.INSERT_BATCH])
    with op.batch_alter_table("link_index") as batch_op:
        batch_op.drop_column("blocking")
        batch_op.alter_column("key_numbers", existing_type=sa.LargeBinary(), nullable=False)


def downgrade() -> None:
    bind = op.get_bind()
    op.add_column("link_index", sa.Column("blocking", sa.Text(), nullable=True))
    text = {n: key for n, key in bind.execute(sa.select(KEY.c.id, KEY.c.key))}
    spell = sa.update(INDEX).where(INDEX.c.claim_id == sa.bindparam("id"))
    for batch in _rows(bind, INDEX.c.key_numbers):
        bind.execute(
            spell.values(blocking=sa.bindparam("text")),
            [
                {"id": claim_id, "text": SEP.join(text[n] for n in link_keys.decode(keys).tolist())}
                for claim_id, keys in batch
            ],
        )
    with op.batch_alter_table("link_index") as batch_op:
        batch_op.drop_column("key_numbers")
        batch_op.alter_column("blocking", existing_type=sa.Text(), nullable=False)
    op.drop_table("link_key")

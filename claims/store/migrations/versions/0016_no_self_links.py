"""Links from a claim to itself are dropped. The linker before this revision held a figure
given twice in a statement ("الساعة 00: 02 بتوقيت القدس 21: 02") as two blocking keys, so the
claim met itself in that key's block and was stored as its own duplicate ("the same
statement again", score 1): its `linked:` summary counted that link twice, and the best
scores it ranks new candidates by held its 100. Both are written again here as a linking run
would now, from the claim's other links (a duplicate moves no confidence).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# ids at a time in an IN list (SQLite allows 32,766 parameters)
CHUNK = 500

LINK = sa.table("link", sa.column("claim_id", sa.Integer), sa.column("other_id", sa.Integer))
LINK_INDEX = sa.table("link_index", sa.column("claim_id", sa.Integer), sa.column("best", sa.Text))


def _without_one_100(best: str | None) -> str:
    scores = (best or "").split()
    if "100" in scores:
        scores.remove("100")
    return " ".join(scores)


def upgrade() -> None:
    from claims.store.linking import refresh_from_links

    bind = op.get_bind()
    selves = LINK.c.claim_id == LINK.c.other_id
    ids = sorted(
        {claim_id for (claim_id,) in bind.execute(sa.select(LINK.c.claim_id).where(selves))}
    )
    if not ids:
        return
    bind.execute(sa.delete(LINK).where(selves))
    best = {
        claim_id: _without_one_100(scores)
        for start in range(0, len(ids), CHUNK)
        for claim_id, scores in bind.execute(
            sa.select(LINK_INDEX.c.claim_id, LINK_INDEX.c.best).where(
                LINK_INDEX.c.claim_id.in_(ids[start : start + CHUNK])
            )
        )
    }
    if best:
        bind.execute(
            sa.update(LINK_INDEX)
            .where(LINK_INDEX.c.claim_id == sa.bindparam("k_id"))
            .values(best=sa.bindparam("k_best")),
            [{"k_id": claim_id, "k_best": scores} for claim_id, scores in best.items()],
        )
    refresh_from_links(bind, ids)


def downgrade() -> None:
    pass  # the links dropped were wrong: nothing to put back

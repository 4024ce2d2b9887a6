"""What the store says about a statement: the fact-checker's first question.

The statement is analysed as a claim would be and blocked against the stored claims' keys as
linking blocks a new claim (`claims.store.linking`): only stored claims that share one of its
rarer content words, places or figures are candidates. The best candidates by the blocking
score are read and judged by the linker's judge (`claims.link.compare_features`), and the
related ones ranked: contradictions and corroborations, by score.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from sqlalchemy import select

from claims import link as linker
from claims.arabic import normalize
from claims.store import link_keys
from claims.store.engine import Store
from claims.store.queries import get_claims
from claims.store.tables import CLAIM, LINK_INDEX
from claims.store.views import Evidence

C, K = CLAIM.c, LINK_INDEX.c

# A statement checked is short beside an article's sentence that holds it among other words:
# a lower blocking score than linking's lets such a sentence be judged.
CUTOFF = 25
# Stored claims judged against a statement at most: the best by the blocking score.
JUDGED = 50
# Contradictions first: the answer a fact-checker looks for.
RELATION_ORDER = {"contradicts": 0, "corroborates": 1, "unrelated": 2}


class Checker:
    """Checks statements against a store, its claims' keys read and counted once, as numbers
    (`claims.store.link_keys`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._read()

    def _read(self) -> None:
        with self.store.session() as session:
            self.generation = link_keys.generation(session)
            rows = session.execute(
                select(K.claim_id, K.key_numbers)
                .join(CLAIM, C.id == K.claim_id)
                .where(C.current.is_(True), C.furniture.is_(False))
            ).all()
        self.stored = link_keys.StoredKeys.of([r[0] for r in rows], [r[1] for r in rows])
        self.named: dict[int, str] = {}  # the text of the numbers read so far

    def check(
        self, statement: str, *, limit: int = 20, related_only: bool = True
    ) -> list[Evidence]:
        """The stored claims that contradict or corroborate `statement` (with `related_only`
        False, also the candidates judged unrelated), best first, at most `limit`."""
        asked = linker.features(statement)
        if not asked.blocking:
            return []
        with self.store.session() as session:
            if link_keys.generation(session) != self.generation:
                self._read()  # a full relink numbered the keys again since they were read
            numbered = link_keys.numbers(session, set(asked.blocking))
            self.named.update((n, key) for key, n in numbered.items())
            df = Counter(asked.blocking)  # the statement holds its keys, as a new claim would
            for key in df:
                df[key] += self.stored.count(numbered.get(key))
            wanted = linker.indexed_keys(asked.blocking, df)
            try:
                held_by, counts = self.stored.partners(
                    session, {numbered[k] for k in wanted if k in numbered}, self.named
                )
            except link_keys.Renumbered:  # a full relink since the keys were read
                self._read()
                return self.check(statement, limit=limit, related_only=related_only)
        if not held_by:
            return []
        ids = sorted(held_by)
        partners = linker.stored_keys_numbered(held_by, self.named)
        # the partners' other keys, counted too: blocking ranks each claim's keys by them
        df.update({key: held for key, held in counts.items() if key not in df})
        i, j, score = linker.candidates(
            [asked, *(partners[cid] for cid in ids)],
            [True, *(False for _ in ids)],
            df=df,
            cutoff=CUTOFF,
            top_k=None,
        )
        others = np.where(i == 0, j, i) - 1  # the stored claim of each pair, as an index in ids
        best = others[np.argsort(-score, kind="stable")][:JUDGED]
        found = []
        for view in get_claims(self.store, [ids[index] for index in best.tolist()]):
            told = _as_told(view.claim, view.source, statement)
            comparison = linker.compare_features(asked, linker.features(told))
            relation = comparison.relation.value
            if related_only and relation == "unrelated":
                continue
            found.append(
                Evidence(
                    claim=view,
                    relation=relation,
                    score=round(comparison.score, 3),
                    reasons=linker.reasons_as_written(comparison.reasons, statement, told),
                )
            )
        found.sort(key=lambda e: (RELATION_ORDER[e.relation], -e.score, e.claim.id))
        return found[:limit]


def _as_told(claim: str, source: str | None, statement: str) -> str:
    """The stored claim as the statement tells it: with its source in front when the statement
    names it. 'أسقط الجيش الإسرائيلي طائرة درون' against the army's claim 'إسقاط طائرة من دون
    طيار …' (its source outside the claim) is a corroboration, not two words changed; two
    stored claims are compared without their sources on either side."""
    if source and normalize(source) in normalize(statement):
        return f"{source} {claim}"
    return claim


def check(store: Store, statement: str, **options) -> list[Evidence]:
    """`Checker(store).check(statement, ...)`: one statement."""
    return Checker(store).check(statement, **options)

"""What the store says about a statement: the fact-checker's first question.

The statement is analysed as a claim would be and blocked against the stored claims' keys as
linking blocks a new claim (`claims.store.linking`): only stored claims that share one of its
rarer content words, places or figures are candidates. The best candidates by the blocking
score are read and judged by the linker's judge (`claims.link.compare_features`), and the
related ones ranked: contradictions and corroborations, by score.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import count

import numpy as np
from sqlalchemy import select

from claims import link as linker
from claims.store.engine import Store
from claims.store.linking import SEP
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
    """Checks statements against a store, its claims' keys read and counted once.

    The keys are held as numbers (`key_ids`), every claim's one after another in `flat`: the
    claims holding one of a statement's keys are found with one pass of numpy over them (at a
    million claims 2.5 s a statement in Python, splitting or walking every claim's keys)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        key_ids: defaultdict[str, int] = defaultdict(count().__next__)
        flat = array("i")
        ends: list[int] = []  # where each claim's keys end in `flat`
        ids: list[int] = []
        with store.session() as session:
            for claim_id, blocking in session.execute(
                select(K.claim_id, K.blocking)
                .join(CLAIM, C.id == K.claim_id)
                .where(C.current.is_(True), C.furniture.is_(False))
            ):
                if blocking:
                    flat.extend(map(key_ids.__getitem__, blocking.split(SEP)))
                ids.append(claim_id)
                ends.append(len(flat))
        self.key_ids = dict(key_ids)  # a key looked up must not be added
        self.keys = list(self.key_ids)  # by id
        self.flat = np.frombuffer(flat, np.int32) if flat else np.empty(0, np.int32)
        self.ends = np.asarray(ends, np.int64)
        self.starts = np.r_[0, self.ends[:-1]]  # where each claim's keys start
        self.ids = ids
        # how many stored claims hold each key
        self.held = np.bincount(self.flat, minlength=len(self.keys))

    def _counts(self, keys: Iterable[str]) -> Counter[str]:
        """How many stored claims hold each of these keys."""
        return Counter(
            {key: int(self.held[self.key_ids[key]]) for key in keys if key in self.key_ids}
        )

    def _holding(self, wanted: Iterable[str]) -> dict[int, linker.Keys]:
        """The stored claims that hold one of the `wanted` keys, by id."""
        wanted_ids = [self.key_ids[key] for key in wanted if key in self.key_ids]
        if not wanted_ids:
            return {}
        is_wanted = np.zeros(len(self.keys), bool)
        is_wanted[wanted_ids] = True
        found = np.unique(
            np.searchsorted(self.ends, np.flatnonzero(is_wanted[self.flat]), side="right")
        )
        return {
            self.ids[n]: linker.stored_keys(
                [self.keys[k] for k in self.flat[self.starts[n] : self.ends[n]].tolist()]
            )
            for n in found.tolist()
        }

    def check(
        self, statement: str, *, limit: int = 20, related_only: bool = True
    ) -> list[Evidence]:
        """The stored claims that contradict or corroborate `statement` (with `related_only`
        False, also the candidates judged unrelated), best first, at most `limit`."""
        asked = linker.features(statement)
        if not asked.blocking:
            return []
        df = self._counts(asked.blocking)
        df.update(asked.blocking)  # the statement holds its keys too, as a new claim would
        partners = self._holding(linker.indexed_keys(asked.blocking, df))
        if not partners:
            return []
        ids = sorted(partners)
        # the partners' other keys, counted too: blocking ranks each claim's keys by them
        df.update(self._counts({k for cid in ids for k in partners[cid].blocking} - set(df)))
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
            comparison = linker.compare_features(asked, linker.features(view.claim))
            relation = comparison.relation.value
            if related_only and relation == "unrelated":
                continue
            found.append(
                Evidence(
                    claim=view,
                    relation=relation,
                    score=round(comparison.score, 3),
                    reasons=linker.reasons_as_written(comparison.reasons, statement, view.claim),
                )
            )
        found.sort(key=lambda e: (RELATION_ORDER[e.relation], -e.score, e.claim.id))
        return found[:limit]


def check(store: Store, statement: str, **options) -> list[Evidence]:
    """`Checker(store).check(statement, ...)`: one statement."""
    return Checker(store).check(statement, **options)

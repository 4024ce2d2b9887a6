"""Blocking keys stored as numbers: each key once in `link_key`, each linked claim's keys in
`link_index.key_numbers` as 32-bit numbers, one after another.

Every linking run (so every ingest) and every `claims check` counts how many stored claims hold
each key: at a million claims, 33 million keys. Kept as tab-separated text, reading and
splitting them took 11–14 s a run; as numbers they are read as one buffer and counted with
`numpy.bincount`, and only the keys of the claims a run pairs are looked up as text.

Numbers are given by the linking run that writes, under the linking lock, and never given twice:
a full relink empties the table and numbers every key again past the old numbers, so that a run
planned with the old ones finds out (`generation`, `Renumbered`) and plans again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, count

import numpy as np
from sqlalchemy import delete, func, insert, select

from claims.store.tables import LINK_INDEX, LINK_KEY

N = LINK_KEY.c

# A claim's keys in `link_index.key_numbers`: little-endian whatever the machine, as the store may move.
NUMBER = np.dtype("<u4")
# Keys looked up per IN (...) list (a new article may meet a hundred thousand stored claims
# and their keys at a million: 500 a list took a second more).
CHUNK = 5000
# Keys inserted per statement.
INSERT_BATCH = 20_000
# Rows read at once by a pass over the whole table.
BATCH = 50_000


def encode(numbers: Iterable[int]) -> bytes:
    return np.fromiter(numbers, NUMBER).tobytes()


def decode(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, NUMBER)


def _joined(blobs: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """The numbers of these claims one after another, and where each claim's end."""
    flat = decode(b"".join(blobs))
    return flat, np.cumsum([len(blob) // NUMBER.itemsize for blob in blobs], dtype=np.int64)


def _holding(ends: np.ndarray, marked: np.ndarray) -> np.ndarray:
    """The claims (their positions, in order) holding a number marked in `marked` (one flag a
    number of `_joined`'s flat)."""
    return np.unique(np.searchsorted(ends, np.flatnonzero(marked), "right"))


class Renumbered(Exception):
    """The keys were numbered again (a full relink) while they were being read."""


def generation(session) -> int | None:
    """Which numbering the key table holds: its first number, which only a full relink
    changes (None before any key is numbered)."""
    return session.scalar(select(func.min(N.id)))


@dataclass
class StoredKeys:
    """The keys of stored claims as numbers: claim `n` (of `claim_ids`) holds
    `flat[starts[n]:ends[n]]`; `held[k - base]`: how many of them hold number `k`. Counted
    from the lowest number held, `base`: each full relink numbers the keys past the old
    numbers, and the counts must not grow with the relinks."""

    claim_ids: list[int]
    flat: np.ndarray
    ends: np.ndarray
    base: int
    held: np.ndarray

    @classmethod
    def of(cls, claim_ids: list[int], blobs: Sequence[bytes]) -> StoredKeys:
        flat, ends = _joined(blobs)
        base = int(flat.min()) if len(flat) else 0
        return cls(claim_ids, flat, ends, base, np.bincount(flat - np.uint32(base)))

    def _at(self, number: int) -> int | None:
        """Where `number` is counted in `held`, None for a number no claim holds."""
        at = number - self.base
        return at if 0 <= at < len(self.held) else None

    def count(self, number: int | None) -> int:
        """How many of these claims hold `number` (None: a key the store has not numbered)."""
        at = None if number is None else self._at(number)
        return 0 if at is None else int(self.held[at])

    def partners(
        self, session, wanted: Collection[int], named: dict[int, str]
    ) -> tuple[dict[int, list[int]], dict[str, int]]:
        """The claims that hold one of the `wanted` numbers, by claim id, with their keys'
        numbers, and how many of these claims hold each of those keys (by its text). `named`
        gives the text of the numbers it holds; the others are read from the store and added
        to it."""
        if not wanted or not len(self.flat):
            return {}, {}
        is_wanted = np.zeros(len(self.held), bool)
        is_wanted[[i for n in wanted if (i := self._at(n)) is not None]] = True
        claims = _holding(self.ends, is_wanted[self.flat - np.uint32(self.base)])
        found = {
            self.claim_ids[n]: self.flat[(self.ends[n - 1] if n else 0) : self.ends[n]].tolist()
            for n in claims.tolist()
        }
        held = set(chain.from_iterable(found.values()))
        named.update(texts(session, held - named.keys()))
        if not held <= named.keys():
            raise Renumbered
        return found, {named[n]: self.count(n) for n in held}


def numbers(session, keys: Collection[str]) -> dict[str, int]:
    """The numbers of those of these keys that the store has given one."""
    return _look_up(session, N.key, N.id, keys)


def texts(session, wanted: Collection[int]) -> dict[int, str]:
    """The keys these numbers stand for."""
    return _look_up(session, N.id, N.key, wanted)


def _look_up(session, by, give, values: Collection) -> dict:
    """`give` of the key table's rows whose `by` is one of `values`, by that value."""
    ordered = sorted(values)
    found: dict = {}
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        found.update(tuple(row) for row in session.execute(select(by, give).where(by.in_(chunk))))
    return found


def give_numbers(
    session,
    keys: Collection[str],
    *,
    first: int | None = None,
    known: dict[str, int] | None = None,
) -> dict[str, int]:
    """The number of each of these keys, new keys given the next free ones. Called by the
    linking run that writes, under the linking lock: no other run gives numbers meanwhile.
    `first`: the key table was just emptied (`forget_all`) and numbers from `first` on are
    free. `known`: numbers read earlier in this numbering (`generation`), not looked up again."""
    known = known or {}
    given = {key: known[key] for key in keys if key in known}
    if first is None:
        if generation(session) is None:  # nothing numbered yet: nothing to look up
            first = 1
        else:
            given.update(numbers(session, set(keys) - given.keys()))
    missing = sorted(set(keys) - given.keys())
    if missing:
        if first is None:
            first = next_free(session)
        new = dict(zip(missing, count(first), strict=False))
        rows = [{"id": number, "key": key} for key, number in new.items()]
        for start in range(0, len(rows), INSERT_BATCH):
            session.execute(insert(LINK_KEY), rows[start : start + INSERT_BATCH])
        given.update(new)
    return given


def unspelled(conn) -> int:
    """How many linked claims hold a number the key table does not spell (`claims doctor`):
    linking could not read their keys. Read `BATCH` claims at a time."""
    spelled = np.zeros(next_free(conn) + 1, bool)  # the last one: every number past the table
    spelled[np.fromiter(conn.execute(select(N.id)).scalars(), np.int64)] = True
    found = 0
    rows = conn.execute(select(LINK_INDEX.c.key_numbers).execution_options(yield_per=BATCH))
    for part in rows.partitions():
        flat, ends = _joined([numbers for (numbers,) in part])
        found += len(_holding(ends, ~spelled[np.minimum(flat, len(spelled) - 1)]))
    return found


def next_free(session) -> int:
    """The number the next new key gets."""
    return 1 + (session.scalar(select(func.max(N.id))) or 0)


def forget_all(session) -> int:
    """Empty the key table (a full relink, which writes every claim's keys again); the first
    number free for them, past every number given before."""
    first = next_free(session)
    session.execute(delete(LINK_KEY))
    return first

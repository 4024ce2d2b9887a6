"""Many claims at once: features and blocking keys of many statements (`analyse`, `blocking_of`,
`read_claims`), candidate pairs judged (`judge`), and linking a set of claims (`link_rows`,
`link`), in worker processes (`Workers`) when there are many."""

from __future__ import annotations

import gc
import multiprocessing as mp
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

import numpy as np

from claims.cores import available_cores
from claims.cycles import no_cycle_collection
from claims.link.blocking import TOP_K, candidates
from claims.link.independence import ClaimRef, LinkRow, _decide, _Who, _who
from claims.link.reading import Features, Keys, _blocking, _read, _token_key, features, stored_keys
from claims.link.relations import compare_features
from claims.models import Link, LinkKind

# From this many claims on, features and judgements are computed in worker processes.
PARALLEL_FROM = 20_000
# Parts of a call's work per worker process: the parts are sent in order, so that a worker
# that finishes early takes the next one.
PARTS = 4
T = TypeVar("T")
R = TypeVar("R")


def _processes(workers: int, n: int) -> int:
    if n < PARALLEL_FROM or workers == 1 or "fork" not in mp.get_all_start_methods():
        return 1
    return available_cores() if workers < 1 else workers


class Workers:
    """Worker processes for a whole linking run (`workers`, all cores for -1, when `n` claims
    are linked: none below PARALLEL_FROM). They are forked once, before the run reads its
    claims, not per step from a process that holds a million claims' keys (2-3 GB: a quarter
    of a CPU-second a fork of two, measured, and copy-on-write faults after it). Each call
    sends them what its part needs."""

    def __init__(self, workers: int = -1, n: int = 0) -> None:
        self.processes = _processes(workers, n)
        self._pool = None
        if self.processes > 1:
            self._pool = mp.get_context("fork").Pool(self.processes, initializer=_start_worker)

    def map(self, part: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> Iterator[R]:
        """`part` over `items` cut in parts, the results in order, one part held at a time."""
        if self._pool is None or len(items) < PARTS * self.processes:
            yield from part(items)
            return
        size = -(-len(items) // (PARTS * self.processes))
        parts = [items[k : k + size] for k in range(0, len(items), size)]
        for made in self._pool.imap(part, parts):
            yield from made

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# How a process makes a statement's features: through the cache in the process that links
# (an ingest's `read_ahead` fills it for the run that follows), afresh in a worker, which sends
# them away: there the cache held 65,536 features (about 180 MB in each worker at 1M claims)
# to answer only the repeats that lie close together, within one part of the claims.
_features_of: Callable[[str], Features] = features


def _start_worker() -> None:
    global _features_of
    # no cyclic collection in the workers: what they make holds no cycles, and each
    # collection walked their caches again (unpickling the parts sent to them took 2.4 times
    # as long)
    gc.disable()
    _features_of = features.__wrapped__


@no_cycle_collection()
def _features_part(texts: Sequence[str]) -> list[Features]:
    return [_features_of(t) for t in texts]


@no_cycle_collection()
def _blocking_part(texts: Sequence[str]) -> list[tuple[str, ...]]:
    return [_blocking(_read(t)) for t in texts]


def _distinct(
    part: Callable[[Sequence[str]], list[T]], texts: Sequence[str], pool: Workers
) -> list[T]:
    """`part` over these statements, each distinct one once; the results in their order."""
    unique = list(dict.fromkeys(texts))  # a statement repeated is analysed once
    found = list(pool.map(part, unique))
    if len(unique) == len(texts):
        return found
    by_text = dict(zip(unique, found, strict=True))
    return [by_text[t] for t in texts]


@no_cycle_collection()
def analyse(texts: Sequence[str], pool: Workers) -> list[Features]:
    """The features of many statements, in the worker processes of `pool` if it has any."""
    found = _distinct(_features_part, texts, pool)
    if pool.processes > 1:
        for f in found:  # the token characters must come from this process's vocabulary
            f.key = _token_key(f.stems)
    return found


@no_cycle_collection()
def blocking_of(texts: Sequence[str], pool: Workers | None = None) -> list[Keys]:
    """The blocking of many statements without the rest of their features (about half their
    cost), as `analyse` makes their features."""
    found = _distinct(_blocking_part, texts, pool or Workers(1))
    # the key made here: its token characters come from this process's vocabulary
    return [stored_keys(blocking) for blocking in found]


# What judging needs of a claim, both who said it and its features, pickled: made once, in the
# process that analysed the claim, and sent as it is to the process that judges its pairs.
Reading = bytes


def reading(claim: ClaimRef, feats: Features) -> Reading:
    return _reading(_who(claim), feats)


def _reading(who: _Who, feats: Features) -> Reading:
    return pickle.dumps((who, feats), protocol=pickle.HIGHEST_PROTOCOL)


@no_cycle_collection()
def _reading_part(claims: Sequence[tuple[_Who, str]]) -> list[tuple[tuple[str, ...], Reading]]:
    made: dict[str, Features] = {}  # a statement said again in the part is analysed once
    out = []
    for who, text in claims:
        feats = made.get(text)
        if feats is None:
            feats = made[text] = _features_of(text)
        out.append((feats.blocking, _reading(who, feats)))
    return out


@no_cycle_collection()
def read_claims(claims: Sequence[ClaimRef], pool: Workers) -> list[tuple[Keys, Reading]]:
    """The blocking keys and the reading of each of these claims, their features made once in
    the worker processes of `pool` (if any) and kept pickled: what a store's linking run
    holds of a claim from reading it to judging its pairs."""
    sent = [(_who(c), c.text) for c in claims]  # plain tuples: a model costs more to send
    return [(stored_keys(blocking), read) for blocking, read in pool.map(_reading_part, sent)]


Pairs = tuple[list[Reading], np.ndarray, np.ndarray]
# A link found, as a plain tuple with the kind as text (claim_id, other_id, kind, score,
# reasons): a tenth of the cost of sending a `LinkRow`, which holds an enum, between processes,
# and the store spills and writes it as it is.
Judged = tuple[int, int, str, float, list[str]]


def _judged(read: Sequence[tuple[_Who, Features]], i: np.ndarray, j: np.ndarray) -> list[Judged]:
    """The links among the pairs (read[i[k]], read[j[k]]) of claims read (who said them and
    their features)."""
    rows = []
    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        found = _decide(read[a][0], read[b][0], compare_features(read[a][1], read[b][1]))
        if found:
            rows.append((*found[:2], found.kind.value, *found[3:]))
    return rows


@no_cycle_collection()
def _judge_part(parts: Sequence[Pairs]) -> list[Judged]:
    """The links among the pairs of each part (i[k], j[k] index its readings)."""
    return [
        row
        for readings, i, j in parts
        for row in _judged([pickle.loads(r) for r in readings], i, j)
    ]


_LINK_KINDS = {kind.value: kind for kind in LinkKind}
# Pairs a worker judges at once, sent with the readings of their ends (an end met in several
# parts is sent and read back with each).
JUDGED_AT_ONCE = 10_000


def judge(readings: Sequence[Reading], i: np.ndarray, j: np.ndarray, pool: Workers) -> list[Judged]:
    """The links among candidate pairs (i[k], j[k]) of claims whose `reading`s these are, in
    the order of the pairs; in the worker processes of `pool` if it has any, each sent only the
    readings of the ends of its pairs."""
    parts: list[Pairs] = []
    for start in range(0, len(i), JUDGED_AT_ONCE):
        a, b = i[start : start + JUDGED_AT_ONCE], j[start : start + JUDGED_AT_ONCE]
        ends, local = np.unique(np.concatenate([a, b]), return_inverse=True)
        parts.append(([readings[k] for k in ends.tolist()], local[: len(a)], local[len(a) :]))
    return list(pool.map(_judge_part, parts))


def link_rows(
    claims: Sequence[ClaimRef],
    new: Sequence[bool] | None = None,
    *,
    top_k: int | None = TOP_K,
    workers: int = -1,
) -> list[LinkRow]:
    """Links among `claims` as plain rows (only those touching a new claim when `new` is
    given): features, candidates by blocking, then each candidate pair judged. Large sets use
    `workers` processes (all cores for -1) for the features and the judgements."""
    with Workers(workers, len(claims)) as pool:
        feats = analyse([c.text for c in claims], pool)
        i, j, _ = candidates(feats, new, top_k=top_k, workers=workers)
        if pool.processes == 1:  # in this process: the readings need no pickling
            found = _judged([(_who(c), f) for c, f in zip(claims, feats, strict=True)], i, j)
        else:
            found = judge([reading(c, f) for c, f in zip(claims, feats, strict=True)], i, j, pool)
    return [
        LinkRow(a, b, _LINK_KINDS[kind], score, reasons) for a, b, kind, score, reasons in found
    ]


def link(
    claims: Sequence[ClaimRef],
    new: Sequence[bool] | None = None,
    *,
    top_k: int | None = TOP_K,
    workers: int = -1,
) -> list[Link]:
    """Links among `claims` (only those touching a new claim when `new` is given)."""
    return [Link(**row._asdict()) for row in link_rows(claims, new, top_k=top_k, workers=workers)]

"""Many claims at once: features and blocking keys of many statements (`analyse`, `blocking_of`),
candidate pairs judged (`judge`), and linking a set of claims (`link_rows`, `link`), in worker
processes (fork) when there are many."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

from claims.cycles import no_cycle_collection
from claims.link.blocking import TOP_K, candidates
from claims.link.independence import ClaimRef, LinkRow, _decide, _who
from claims.link.reading import Features, Keys, _blocking, _read, _token_key, features, stored_keys
from claims.link.relations import compare_features
from claims.models import Link, LinkKind

# From this many claims on, features and judgements are computed in worker processes.
PARALLEL_FROM = 20_000
_SHARED: dict[str, object] = {}
T = TypeVar("T")


def _features_part(texts: Sequence[str]) -> list[Features]:
    return [features(t) for t in texts]


def _blocking_part(texts: Sequence[str]) -> list[tuple[str, ...]]:
    return [_blocking(_read(t)) for t in texts]


def _judge_part(bounds: tuple[int, int]) -> list[LinkRow]:
    feats, who, i, j = (_SHARED[k] for k in ("feats", "who", "i", "j"))
    start, end = bounds
    rows = []
    for a, b in zip(i[start:end].tolist(), j[start:end].tolist(), strict=True):  # type: ignore[index]
        found = _decide(who[a], who[b], compare_features(feats[a], feats[b]))  # type: ignore[index]
        if found:
            rows.append(found)
    return rows


def _judge_worker(bounds: tuple[int, int]) -> list[tuple]:
    """`_judge_part` in a worker process, as plain tuples with the kind as text: a tenth of
    the cost of sending named tuples holding an enum back."""
    return [(*row[:2], row.kind.value, *row[3:]) for row in _judge_part(bounds)]


_LINK_KINDS = {kind.value: kind for kind in LinkKind}


def _processes(workers: int, n: int) -> int:
    if n < PARALLEL_FROM or workers == 1 or "fork" not in mp.get_all_start_methods():
        return 1
    return (os.cpu_count() or 1) if workers < 1 else workers


def _each_text(
    part: Callable[[Sequence[str]], list[T]], texts: Sequence[str], workers: int
) -> tuple[list[T], bool]:
    """`part` over these statements, each distinct one once, in `workers` processes (all cores
    for -1) when there are many; the results in the order of `texts`, and whether worker
    processes made them."""
    unique = list(dict.fromkeys(texts))  # a statement repeated is analysed once
    procs = _processes(workers, len(unique))
    if procs == 1:
        found = part(unique)
    else:
        size = -(-len(unique) // (procs * 4))
        with mp.get_context("fork").Pool(procs) as pool:
            parts = pool.map(part, [unique[k : k + size] for k in range(0, len(unique), size)])
        found = [f for made in parts for f in made]
    if len(unique) == len(texts):
        return found, procs > 1
    by_text = dict(zip(unique, found, strict=True))
    return [by_text[t] for t in texts], procs > 1


@no_cycle_collection()
def analyse(texts: Sequence[str], *, workers: int = -1) -> list[Features]:
    """The features of many statements; in `workers` processes (all cores for -1) when there
    are many."""
    found, elsewhere = _each_text(_features_part, texts, workers)
    if elsewhere:
        for f in found:  # the token characters must come from this process's vocabulary
            f.key = _token_key(f.stems)
    return found


@no_cycle_collection()
def blocking_of(texts: Sequence[str], *, workers: int = -1) -> list[Keys]:
    """The blocking of many statements without the rest of their features (about half their
    cost), as `analyse` makes their features: what linking a store needs of the claims whose
    features it does not hold."""
    found, _elsewhere = _each_text(_blocking_part, texts, workers)
    # the key made here: its token characters come from this process's vocabulary
    return [stored_keys(blocking) for blocking in found]


@no_cycle_collection()
def judge(
    claims: Sequence[ClaimRef],
    feats: Sequence[Features],
    i: np.ndarray,
    j: np.ndarray,
    *,
    workers: int = -1,
) -> list[LinkRow]:
    """The links among candidate pairs (i[k], j[k]) of `claims`; in `workers` processes (all
    cores for -1) when there are many claims."""
    who = [_who(c) for c in claims]
    procs = _processes(workers, len(claims))
    _SHARED.update(feats=feats, who=who, i=i, j=j)
    pairs = len(i)
    try:
        if procs == 1:
            return _judge_part((0, pairs))
        size = -(-pairs // (procs * 4)) or 1
        rows: list[LinkRow] = []
        with mp.get_context("fork").Pool(procs) as pool:
            bounds = [(k, k + size) for k in range(0, pairs, size)]
            for part in pool.imap(_judge_worker, bounds):  # in order, one part held at a time
                rows.extend(
                    LinkRow(a, b, _LINK_KINDS[kind], score, reasons)
                    for a, b, kind, score, reasons in part
                )
        return rows
    finally:
        _SHARED.clear()


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
    feats = analyse([c.text for c in claims], workers=workers)
    i, j, _ = candidates(feats, new, top_k=top_k, workers=workers)
    return judge(claims, feats, i, j, workers=workers)


def link(
    claims: Sequence[ClaimRef],
    new: Sequence[bool] | None = None,
    *,
    top_k: int | None = TOP_K,
    workers: int = -1,
) -> list[Link]:
    """Links among `claims` (only those touching a new claim when `new` is given)."""
    return [Link(**row._asdict()) for row in link_rows(claims, new, top_k=top_k, workers=workers)]

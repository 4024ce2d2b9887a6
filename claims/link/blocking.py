"""Candidate pairs: each claim indexed under its rarest blocking keys (`indexed_keys`), the pairs
of a block scored with rapidfuzz on the content keys (`candidates`), each claim's best kept
(`rank`); `exhaustive` and `blocking_recall` measure what blocking misses."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from claims.cycles import no_cycle_collection
from claims.link.reading import Features, Keys

# rapidfuzz ratio (0-100) of the content keys, i.e. the Dice coefficient of the content stems
# in percent, below which a candidate pair is not kept.
CUTOFF = 45
# Blocks larger than this are scored with process.cdist; the pairs of smaller ones are pooled,
# made unique and scored with process.cpdist.
LARGE_BLOCK = 64
# Each claim keeps its best `TOP_K` candidates (a pair stays if either end keeps it).
TOP_K = 5
# Blocks larger than this are not scored all against all but by sorted neighbourhood windows.
MAX_BLOCK = 3000
WINDOW = 64
# Scored pairs held before those found in several blocks are made unique (memory).
COMPACT_AT = 4_000_000
# A scored pair is held as one integer, its code (i * n + j) shifted past its score (0-100).
SCORE_BITS = 7
MAX_SCORE = 100
# Rarest blocking keys of a claim that are indexed at least (prefix filtering) ...
PREFIX = 4
# ... and keys shared by more claims than this are not blocked on (stock phrases).
MAX_DF = 250


def indexed_keys(
    blocking: Sequence[str],
    df: Counter[str],
    *,
    cutoff: float = CUTOFF,
    prefix: int = PREFIX,
) -> list[str]:
    """The blocking keys a claim is indexed under, given how many claims hold each key.

    Prefix filtering: two claims with Dice >= t share at least `overlap` keys, so one of them
    is among the first len - overlap + 1 of the rarest (at least `prefix`); keys no other
    claim holds are useless, and keys in more than MAX_DF claims (stock phrases) are left
    out, which keeps blocks small and time linear.
    """
    alpha = (cutoff / 100) / (2 - cutoff / 100)  # Dice t -> least overlap share t / (2 - t)
    ranked = sorted(blocking, key=df.__getitem__)  # rarest first, stable on ties
    counts = list(map(df.__getitem__, ranked))
    first = bisect_right(counts, 1)  # keys no other claim holds are no use
    if first == len(ranked):
        return []
    overlap = math.ceil(alpha * len(blocking))
    length = max(prefix, len(blocking) - overlap + 1)
    last = min(first + length, bisect_right(counts, MAX_DF))
    return ranked[first:last] if last > first else ranked[first : first + 1]


def key_counts(feats: Iterable[Features | Keys]) -> Counter[str]:
    """How many of these claims hold each blocking key."""
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.blocking)
    return df


@no_cycle_collection()
def candidates(
    feats: Sequence[Features | Keys],
    new: Sequence[bool] | None = None,
    *,
    df: Counter[str] | None = None,
    held: np.ndarray | None = None,
    cutoff: float = CUTOFF,
    top_k: int | None = TOP_K,
    prefix: int = PREFIX,
    workers: int = -1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j, score) worth comparing, i < j, by blocking; never all pairs. Only the
    blocking keys and content keys of the claims are read (`Features` or `Keys`).

    Each claim is indexed under its rarest blocking keys (`indexed_keys`: content stems,
    places and exact figures) that some other claim shares. Pairs inside a block are scored
    with rapidfuzz on the content keys, large blocks with `process.cdist(workers=...)`; pairs
    under `cutoff` are dropped, and each claim keeps its `top_k` best (`rank`, with the
    `held` best scores of earlier runs). With `new`, only pairs with at least one new claim
    are made (incremental linking). `df` counts the claims that
    hold each key; by default these claims, but incremental linking passes the counts of the
    whole store so that each claim is indexed as a full run would index it.
    """
    n = len(feats)
    empty = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32))
    if n < 2:
        return empty
    _check_pair_keys_fit(n, "pair")
    if df is None:
        df = key_counts(feats)
    blocks: dict[str, list[int]] = defaultdict(list)
    for pos, f in enumerate(feats):
        for key in indexed_keys(f.blocking, df, cutoff=cutoff, prefix=prefix):
            blocks[key].append(pos)
    is_new = np.ones(n, bool) if new is None else np.asarray(new, bool)
    keys_ = [f.key for f in feats]
    keys_arr = np.array(keys_, dtype=object)
    scored: list[np.ndarray] = []  # pairs as (code << SCORE_BITS) | score
    pending: list[np.ndarray] = []
    ratio = fuzz.ratio
    held_pairs = 0

    def compact() -> None:
        """Keep each scored pair once (a pair shares several blocks): bounds the memory. A
        pair's score is the same in every block, so the lowest value of its code is it."""
        nonlocal held_pairs
        if len(scored) > 1:
            held = np.concatenate(scored)
            # in place (no permutation of tens of millions of pairs), and stable: timsort
            # merges the pairs held so far, one sorted run, with the new ones instead of
            # sorting them all again (the 1M bench store compacts 31 times: 1.2 s in all)
            held.sort(kind="stable")
            scored[:] = [held[_run_starts(held >> SCORE_BITS)]]
        held_pairs = len(scored[0]) if scored else 0

    def found(code: np.ndarray, score: np.ndarray) -> None:
        nonlocal held_pairs
        scored.append((code << SCORE_BITS) | score)
        held_pairs += len(code)
        if held_pairs > COMPACT_AT + len(scored[0]):
            compact()

    def score_pending() -> None:
        """Score the pairs of the small blocks met so far, each pair once, in one C call."""
        if not pending:
            return
        code = sorted_unique(np.concatenate(pending))
        pending.clear()
        a, b = code // n, code % n
        got = process.cpdist(
            keys_arr[a],
            keys_arr[b],
            scorer=ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=workers,
        )
        keep = got > 0
        found(code[keep], got[keep])

    waiting = 0
    for members in blocks.values():
        m = len(members)
        if m < 2:
            continue
        if new is not None and not any(is_new[i] for i in members):
            continue
        if m <= LARGE_BLOCK:
            idx = np.asarray(members, np.int64)
            x, y = _pairs_of(m)
            a, b = idx[x], idx[y]
            if new is not None:
                keep = is_new[a] | is_new[b]
                a, b = a[keep], b[keep]
            pending.append(np.minimum(a, b) * n + np.maximum(a, b))
            waiting += len(a)
            if waiting > 2_000_000:
                score_pending()
                waiting = 0
            continue
        idx = np.asarray(members, np.int64)
        if m > MAX_BLOCK:
            # A huge block (one story told thousands of times): sorted neighbourhood, each
            # claim against the WINDOW claims whose content keys sort next to its own.
            order = sorted(members, key=keys_.__getitem__)
            for start in range(0, m, WINDOW):
                window = np.asarray(order[start : start + 2 * WINDOW], np.int64)
                mat = process.cdist(
                    [keys_[i] for i in window],
                    [keys_[j] for j in window],
                    scorer=ratio,
                    score_cutoff=cutoff,
                    dtype=np.uint8,
                    workers=1,
                )
                r, c = np.nonzero(np.triu(mat, 1))
                a, b = window[r], window[c]
                keep = is_new[a] | is_new[b]
                found(np.minimum(a, b)[keep] * n + np.maximum(a, b)[keep], mat[r[keep], c[keep]])
            continue
        rows = idx[is_new[idx]] if new is not None else idx
        for start in range(0, len(rows), 2048):
            chunk = rows[start : start + 2048]
            mat = process.cdist(
                [keys_[i] for i in chunk],
                [keys_[j] for j in idx],
                scorer=ratio,
                score_cutoff=cutoff,
                dtype=np.uint8,
                workers=workers,
            )
            r, c = np.nonzero(mat)
            a, b = chunk[r], idx[c]
            keep = a != b
            a, b = a[keep], b[keep]
            found(np.minimum(a, b) * n + np.maximum(a, b), mat[r[keep], c[keep]])
    score_pending()
    if not scored:
        return empty
    compact()
    code, score = scored[0] >> SCORE_BITS, (scored[0] & (1 << SCORE_BITS) - 1).astype(np.float32)
    i, j = code // n, code % n
    if top_k is not None:
        keep, _best = rank(i, j, score, n, top_k, held)
        i, j, score = i[keep], j[keep], score[keep]
    return i, j, score


def _check_pair_keys_fit(n: int, doing: str) -> None:
    """ValueError unless a pair of `n` claims and its score fit one 64-bit key: a pair's code
    (i * n + j) shifted past its score, as `candidates` holds them and `rank` sorts them."""
    if n * n << SCORE_BITS >= 1 << 63:
        raise ValueError(f"{n} claims are too many to {doing} at once")


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of `values` (sorted in place), in order: `np.unique` without the
    hash table numpy 2 builds for it, whose cache misses made it cost 15 times as much for
    19M pairs as for 1.9M (a 1M-claim store against 100k); a sort grows as n log n."""
    values.sort(kind="stable")  # timsort: the sorted runs of `values` are merged, not sorted
    return values[_run_starts(values)]


def _run_starts(keys: np.ndarray) -> np.ndarray:
    """Where each run of equal keys of a sorted array starts (none in an empty one)."""
    starts = np.ones(len(keys), bool)
    starts[1:] = keys[1:] != keys[:-1]
    return starts


@lru_cache(maxsize=256)
def _pairs_of(m: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(m, 1)


def rank(
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
    n: int,
    top_k: int,
    held: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Which candidate pairs (i, j, score) of `n` claims stay, and each claim's best scores.

    Each claim ranks its candidates by score, ties to the earlier claim, and keeps its
    `top_k` best; a pair stays if either end keeps it. `held` (n x top_k, -1 for none) are
    the best scores of candidates met in earlier runs, earlier claims all, which rank before
    these on a tie: incremental linking ranks a stored claim's new candidates as a full run
    would. Returns the mask of pairs kept and the best scores (n x top_k) after them.
    """
    _check_pair_keys_fit(n, "rank")
    m = len(i)
    # claim positions in 32 bits: a full run of a million claims ranks tens of millions of
    # pairs, and these arrays are its peak memory
    index = np.int32
    ends = np.concatenate([i, j]).astype(index)
    scores = np.concatenate([score, score]).astype(np.int16)
    # by claim, best first, then earlier first: one 64-bit key per pair and direction (each
    # distinct), which sorts in a fraction of the time of `np.lexsort` over three columns
    key = ends.astype(np.int64)
    key <<= SCORE_BITS
    key += MAX_SCORE - scores
    key *= n
    key[:m] += j
    key[m:] += i
    order = np.argsort(key)
    del key
    sorted_ends = ends[order]
    del ends
    starts = np.flatnonzero(_run_starts(sorted_ends)).astype(index)
    place = np.arange(2 * m, dtype=index) - np.repeat(starts, np.diff(np.r_[starts, 2 * m]))
    before = place
    if held is not None:
        before = place + (held[sorted_ends] >= scores[order][:, None]).sum(axis=1)
    kept = np.zeros(2 * m, bool)
    kept[order[before < top_k]] = True
    best = np.full((n, top_k), -1, np.int16)
    top = place < top_k
    best[sorted_ends[top], place[top]] = scores[order][top]
    if held is not None:
        best = -np.sort(-np.concatenate([held, best], axis=1), axis=1)[:, :top_k]
    return kept[:m] | kept[m:], best


def blocking_recall(
    found: tuple[np.ndarray, np.ndarray], truth: tuple[np.ndarray, np.ndarray], n: int
) -> float:
    """Share of the `truth` pairs (i < j) that `found` also holds."""
    t = np.unique(truth[0] * n + truth[1])
    if not len(t):
        return 1.0
    f = np.unique(found[0] * n + found[1])
    return float(np.isin(t, f).mean())


def exhaustive(
    feats: Sequence[Features], *, cutoff: float = CUTOFF, workers: int = -1
) -> tuple[np.ndarray, np.ndarray]:
    """All pairs (i < j) scoring at least `cutoff`, by `process.cdist` over everything."""
    keys_ = [f.key for f in feats]
    ii, jj = [], []
    for start in range(0, len(keys_), 2048):
        mat = process.cdist(
            keys_[start : start + 2048],
            keys_,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=workers,
        )
        r, c = np.nonzero(mat)
        r = r + start
        keep = r < c
        ii.append(r[keep])
        jj.append(c[keep])
    return np.concatenate(ii).astype(np.int64), np.concatenate(jj).astype(np.int64)

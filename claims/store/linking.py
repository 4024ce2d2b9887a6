"""Linking against the store: new claims against all current ones. A run reads and judges
without the write lock, then writes its links, keys and confidences in one short transaction.

A claim is *linked* once the `link_index` table holds its blocking keys and the scores of its
best candidates so far, a row written in the transaction that writes its links; claims
ingested since (or re-extracted by an edit), and those of a run that was killed, have no row
there and are the new ones (`UNLINKED`). `link_store(store)`:

1. counts, over the stored keys, how many current claims hold each key, and finds the stored
   claims that hold a key some new claim is indexed under (`claims.link.indexed_keys`): the
   only ones a full run could pair with a new claim;
2. scores candidates from the keys alone and ranks them as a full run would (a stored claim
   takes a new candidate only if it is among its `top_k` best, counting those it has met);
3. reads and analyses only the stored claims of the pairs kept, and judges the pairs;
4. in the write transaction (another run that linked these claims meanwhile sends it back to
   step 1), drops the links of superseded claims, writes the links but those reviewers
   rejected, and recomputes the confidence and reasons of every claim whose links changed,
   with a `linked:` summary step (delta 0).

So a new claim gets the links a full run would give it. What an incremental run does not do
is take back an older link that later claims push out of both its ends' `top_k`: that
waits for `all=True`, which forgets every link and key and relinks the whole store. Keys
written with other lexicons (`claims.link.keys_version`) are made again, without relinking.

Memory is bounded by the blocking keys of every claim, not by their features: the new claims
are read `batch` at a time, analysed once (in worker processes started before the run reads
anything, `claims.link.Workers`), and their readings (who said them and their features,
pickled) wait in a temporary file; the stored claims that some kept pair joins are read and
analysed the same way. The pairs kept are then judged in order, in steps that each meet `batch`
claims not met before, each step sending the workers the readings of its pairs' ends; the
links found wait in a temporary file for the write, which reads them back and recomputes the
confidences `batch` claims at a time. So a full run of a million claims holds a million keys
(a few hundred bytes each), not a million features (a few kilobytes each), analyses each claim
once, and writes the links a run in one batch would, in the same order.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, count, islice

import numpy as np
from sqlalchemy import and_, bindparam, delete, exists, func, or_, select, text, update
from sqlalchemy.engine import Row
from sqlalchemy.sql.dml import Insert, Update

from claims import link as linker
from claims.arabic import normalize_key
from claims.cycles import no_cycle_collection
from claims.link.confidence import LINKED
from claims.models import Kind, LinkKind
from claims.store import link_keys
from claims.store.engine import LINKING, Store, hold_lock
from claims.store.queries import (
    SET_CONFIDENCE,
    LinksOf,
    confidence_from_links,
    links_of,
    rejected_pairs,
)
from claims.store.tables import ARTICLE, CLAIM, ENTITY, LINK, LINK_INDEX

C, A, L, E, K = CLAIM.c, ARTICLE.c, LINK.c, ENTITY.c, LINK_INDEX.c

# Ids per IN (...) list.
CHUNK = 500
# Links per INSERT (the statement's parameters are held in memory at once).
INSERT_BATCH = 20_000
# SQLite's page cache (KiB) in the write transaction: it writes millions of rows, its pages go
# to the WAL as the cache spills, and each page read again is looked up in the WAL's index,
# which grows with it (sqlite3WalFindFrame: 14 % of the CPU of a 1M run's confidences with the
# default 2 MB cache). The write holds about a gigabyte less than the run's peak.
WRITE_CACHE_KIB = 256 * 1024
# Claims read and analysed at once, met at once by the pairs judged together, and whose
# confidences are recomputed at once.
BATCH = 50_000
# Past this many claims a write asks about, it finds the claims set aside by searching the
# index for all of them instead of looking each claim up (a full run of 1M claims: 2,000 lookups
# of 500 ids, 2.7 CPU-s, 16 times the 100k figure, reading every page of the claim table).
SET_ASIDE_SEARCHED_FROM = 100_000
# Readings (a few KB each) read back from their temporary file at once when they lie closer
# together than READ_GAP bytes, up to READ_AT_ONCE bytes a read.
READ_GAP = 16 * 1024
READ_AT_ONCE = 4 * 1024 * 1024


# The current claims not linked yet (furniture is never linked): what every linking run, and
# so every ingest, links; what `claims doctor` counts.
UNLINKED = (
    select(C.id)
    .select_from(CLAIM.outerjoin(LINK_INDEX, K.claim_id == C.id))
    .where(C.current.is_(True), C.furniture.is_(False), K.claim_id.is_(None))
)


@dataclass
class LinkResult:
    """What one linking run did."""

    claims: int
    new: int
    links: dict[str, int]
    updated: int
    compared: int = 0  # stored claims whose keys were compared with the new claims' keys
    analysed: int = 0  # stored claims read and analysed: candidates of some new claim
    judged: int = 0  # candidate pairs judged: the work of a run besides its claims
    rekeyed: int = 0  # stored claims whose keys were made again (other rules or lexicons)


def _chunks(ids: Sequence[int], size: int = CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# What linking reads of a claim: its statement and who said it (`_ref`).
_COLUMNS = (C.id, C.claim, C.source_id, C.source_key, C.via, C.kind, A.doc, A.outlet_key)


def _claims(session, ids: Sequence[int]) -> list[Row]:
    """The rows linking needs of these claims (ids in increasing order) that are current, in
    id order."""
    query = select(*_COLUMNS).join(ARTICLE, A.id == C.article_id).where(C.current.is_(True))
    # fetched all at once, not row by row (reading claims was 14 % of the py-spy samples of a
    # full run of 1M claims)
    if ids and ids[-1] - ids[0] < 2 * len(ids):  # most ids of their range: read the range
        wanted = set(ids)
        found = session.execute(query.where(C.id.between(ids[0], ids[-1]))).all()
        rows = [r for r in found if r.id in wanted]
    else:
        rows = [
            r for chunk in _chunks(ids) for r in session.execute(query.where(C.id.in_(chunk))).all()
        ]
    return sorted(rows, key=lambda r: r.id)


def _read_keys(
    session, ids: Sequence[int], batch: int, pool: linker.Workers
) -> Iterator[tuple[list[Row], list[linker.Keys]]]:
    """The rows of these claims (ids in increasing order), `batch` at a time, with their
    blocking keys alone (made at half the cost of their features)."""
    for start in range(0, len(ids), batch):
        rows = _claims(session, ids[start : start + batch])
        yield rows, linker.blocking_of([r.claim for r in rows], pool)


def _analyse(
    session,
    ids: Sequence[int],
    batch: int,
    pool: linker.Workers,
    entity_ids: dict[str, int],
    readings: _Readings,
) -> Iterator[tuple[int, linker.Keys]]:
    """The blocking keys of those of these claims (ids in increasing order) that are current,
    read and analysed `batch` at a time; their readings go to `readings`."""
    for start in range(0, len(ids), batch):
        rows = _claims(session, ids[start : start + batch])
        made = linker.read_claims([_ref(r, entity_ids) for r in rows], pool)
        readings.add([r.id for r in rows], [read for _keys, read in made])
        yield from zip([r.id for r in rows], [keys for keys, _read in made], strict=True)


def _keys(f: linker.Keys, interned: dict[str, str]) -> linker.Keys:
    """What blocking needs of a claim, each key one string shared by the claims that hold it."""
    return linker.Keys(tuple(map(interned.setdefault, f.blocking, f.blocking)), f.key)


class _Spilled:
    """Links found, in a temporary file until the write reads them back: a full run of a
    million claims finds millions."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed once the plan is written)

    def add(self, rows: list[linker.Judged]) -> None:
        pickle.dump(rows, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[linker.Judged]:
        self.file.seek(0)
        while True:
            try:
                yield from pickle.load(self.file)
            except EOFError:
                return

    def close(self) -> None:
        self.file.close()


class _Readings:
    """The readings of claims (`claims.link.reading`: who said them and their features,
    pickled, a few hundred bytes each) in a temporary file from their analysis to the judging
    of their pairs: a million claims' features would not fit in memory."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed once the pairs are judged)
        self.size = 0
        # claim ids, and where each reading starts and ends in the file, as added
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.index: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # in id order

    def add(self, ids: Sequence[int], readings: Sequence[linker.Reading]) -> None:
        sizes = np.fromiter(map(len, readings), np.int64, len(readings))
        ends = self.size + np.cumsum(sizes)
        self.file.write(b"".join(readings))
        self.parts.append((np.asarray(ids, np.int64), ends - sizes, ends))
        self.size += int(sizes.sum())
        self.index = None

    def get(self, ids: Sequence[int]) -> list[linker.Reading | None]:
        """The readings of these claims (None for a claim not read: no longer current)."""
        if not self.parts:
            return [None] * len(ids)
        if self.index is None:
            self.file.flush()
            known, starts, ends = (np.concatenate(x) for x in zip(*self.parts, strict=True))
            order = np.argsort(known, kind="stable")
            self.index = known[order], starts[order], ends[order]
            self.parts = [self.index]
        known, starts, ends = self.index
        asked = np.asarray(ids, np.int64)
        at = np.minimum(np.searchsorted(known, asked), len(known) - 1)
        found = np.flatnonzero(known[at] == asked)
        first, last = starts[at[found]].tolist(), ends[at[found]].tolist()
        out: list[linker.Reading | None] = [None] * len(ids)
        fd = self.file.fileno()
        # readings that lie close together in the file (claims analysed one after another)
        # are read at once: a read each is a million reads at 1M claims (1.5-3.2 s of system
        # time, 10-21 times the 100k figure)
        k = 0
        while k < len(found):
            end = k + 1
            while (
                end < len(found)
                and 0 <= first[end] - last[end - 1] <= READ_GAP
                and last[end] - first[k] <= READ_AT_ONCE
            ):
                end += 1
            block = os.pread(fd, last[end - 1] - first[k], first[k])
            for pos, a, b in zip(found[k:end].tolist(), first[k:end], last[k:end], strict=True):
                out[pos] = block[a - first[k] : b - first[k]]
            k = end
        return out

    def close(self) -> None:
        self.file.close()


# A name held by entities of several kinds ('المدن' the outlet, and a body of that name) is read
# as a relaying intermediary's by this order, whatever order the store returns them in.
_VIA_KINDS = (Kind.media.value, Kind.organization.value, Kind.named_person.value)


def _via_entities(session) -> dict[str, int]:
    """The shared entity that each name of an intermediary (`via`) stands for."""
    rank = {kind: n for n, kind in enumerate(_VIA_KINDS)}
    found: dict[str, tuple[int, int]] = {}
    for row in session.execute(select(E.id, E.key, E.kind).where(E.scope == "")):
        ranked = (rank.get(row.kind, len(rank)), row.id)
        if row.key not in found or ranked < found[row.key]:
            found[row.key] = ranked
    return {key: entity_id for key, (_rank, entity_id) in found.items()}


def _ref(r: Row, entity_ids: dict[str, int]) -> linker.ClaimRef:
    source = r.source_id if r.source_id is not None else r.source_key
    if source is None and r.kind == "author" and r.outlet_key:
        source = f"outlet:{r.outlet_key}"
    via = normalize_key(r.via) if r.via else None
    return linker.ClaimRef(
        id=r.id,
        text=r.claim,
        source=source,
        via=entity_ids.get(via, via) if via else None,
        doc=r.doc,
        kind=r.kind,
        outlet=r.outlet_key,
    )


@dataclass
class _Plan:
    """What a linking run read and worked out, before it writes anything."""

    total: int
    all: bool
    version: str
    batch: int
    new_ids: list[int]
    new_keys: list[linker.Keys]
    outdated: dict[int, linker.Keys]  # stored claims whose keys are made again
    links: _Spilled = field(default_factory=_Spilled)
    ends: list[int] = field(default_factory=list)  # the claims the links were judged on
    new_best: dict[int, str] = field(default_factory=dict)
    # stored claims that met better candidates among the new
    changed_best: dict[int, str] = field(default_factory=dict)
    compared: int = 0
    analysed: int = 0
    judged: int = 0
    generation: int | None = None  # of the key numbers the plan read (link_keys.generation)
    known_numbers: dict[str, int] = field(default_factory=dict)  # of its claims' keys, read


def read_ahead(statements: Iterable[str]) -> None:
    """Make now the features of claims that the next linking run will link (those of an
    article just stored), as far as the linker's cache of features holds them: an ingest with
    --jobs makes them while its workers extract the next articles, not in the run after the
    last one, which has the cores to itself (a third of the CPU of linking 52 new pages)."""
    room = linker.FEATURES_KEPT - linker.features.cache_info().currsize
    for statement in islice(statements, max(room, 0)):
        linker.features(statement)


# No cyclic collection in a run (claims.cycles): it holds every claim's keys, and each
# collection of the oldest objects walked them all again to free nothing (a sixth of this
# process's CPU at 100k claims; 62 CPU-s at 1M, where there were four times as many).
@no_cycle_collection()
def link_store(
    store: Store,
    *,
    all: bool = False,
    top_k: int | None = linker.TOP_K,
    workers: int = -1,
    batch: int = BATCH,
) -> LinkResult:
    """Link the new claims of the store (every claim with `all`); see the module docstring.

    The claims are read and judged without taking the store's write lock, so that other
    writers (an ingest, a reviewer) go on meanwhile; the links are then written in one short
    transaction, after checking that no other linking run wrote in between (else it starts
    again from what that run left). `batch` bounds the memory (BATCH); `workers` processes
    (all cores for -1) analyse and judge when there are many claims to link."""
    version = linker.keys_version()
    with store.session() as session:
        to_link = _to_link(session, all=all, version=version)
    with linker.Workers(workers, to_link) as pool:
        while True:
            try:
                with store.session() as session:
                    plan = _plan(
                        session,
                        all=all,
                        version=version,
                        top_k=top_k,
                        workers=workers,
                        pool=pool,
                        batch=batch,
                    )
            except link_keys.Renumbered:
                continue  # a full relink meanwhile: plan again with its numbers
            if isinstance(plan, LinkResult):
                return plan
            try:
                written = store.retrying(partial(_write_plan, store, plan), "linking")
            finally:
                plan.links.close()
            if written is not None:
                return written


def _to_link(session, *, all: bool, version: str) -> int:
    """How many claims a run links or makes the keys of again, counted up to PARALLEL_FROM:
    all that sizing its workers needs (no count over every claim of a large store)."""
    if not all and not _left_to_link(session, version):
        return 0
    query = (
        select(C.id)
        .select_from(CLAIM.outerjoin(LINK_INDEX, K.claim_id == C.id))
        .where(C.current.is_(True), C.furniture.is_(False))
    )
    if not all:
        query = query.where(or_(K.claim_id.is_(None), K.version != version))
    bounded = query.limit(linker.PARALLEL_FROM).subquery()
    return session.scalar(select(func.count()).select_from(bounded)) or 0


def _write_plan(store: Store, plan: _Plan) -> LinkResult | None:
    with store.session() as session, _page_cache(session, WRITE_CACHE_KIB):
        return _write(session, plan)


@contextmanager
def _page_cache(session, kib: int) -> Iterator[None]:
    """SQLite's page cache of this session's connection at `kib` KiB meanwhile (others' own)."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    # on the connection itself: a write that finds itself overtaken has closed the session's
    # transaction when the cache is set back
    connection = session.connection().connection.dbapi_connection
    (before,) = connection.execute("PRAGMA cache_size").fetchone()
    connection.execute(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:  # dirty pages stay until the commit writes them; clean ones beyond it are let go
        connection.execute(f"PRAGMA cache_size={int(before)}")


def _partners(
    session,
    stored: link_keys.StoredKeys,
    numbered: dict[str, int],
    new_keys: Sequence[linker.Keys],
    interned: dict[str, str],
) -> tuple[Counter[str], dict[int, linker.Keys]]:
    """How many claims, stored and new, hold each key of the new claims and of their
    partners, and the partners: the stored claims that hold a key some new claim is indexed
    under, the only ones a full run could pair with a new claim. `numbered`: the number of
    each new claim's key (a provisional one past the store's for a key it has not numbered)."""
    df = Counter(chain.from_iterable(f.blocking for f in new_keys))
    for key in df:
        df[key] += stored.count(numbered.get(key))
    wanted: set[str] = set()
    for f in new_keys:
        wanted.update(linker.indexed_keys(f.blocking, df))
    named = {n: interned.setdefault(key, key) for key, n in numbered.items()}
    held_by, counts = stored.partners(
        session, {numbered[key] for key in wanted if key in numbered}, named
    )
    for key, held in counts.items():  # the partners' other keys: blocking ranks by them too
        if key not in df:
            df[key] = held
    return df, linker.stored_keys_numbered(held_by, named)


def _best_scores(session, ids: Sequence[int]) -> dict[int, str]:
    """The stored best scores of these linked claims (ids in increasing order)."""
    return {
        cid: best or ""
        for chunk in _chunks(ids, link_keys.CHUNK)
        for cid, best in session.execute(select(K.claim_id, K.best).where(K.claim_id.in_(chunk)))
    }


def _numbered(session, keys: Iterable[linker.Keys]) -> tuple[dict[str, int], dict[str, int]]:
    """The numbers of these keys: the store's, and the same with provisional ones past all of
    them, this run's alone, for keys it has not numbered (the write gives them theirs)."""
    wanted = set(chain.from_iterable(k.blocking for k in keys))
    known = link_keys.numbers(session, wanted)
    first = link_keys.next_free(session)
    return known, {**known, **dict(zip(sorted(wanted - known.keys()), count(first), strict=False))}


def _linked_meanwhile(session, new_ids: Sequence[int]) -> bool:
    """Another linking run linked some of these claims since they were read as new (it
    would have linked them all: they were new to it too)."""
    return any(
        session.scalar(select(exists().where(K.claim_id.in_(chunk)))) for chunk in _chunks(new_ids)
    )


def _plan(
    session,
    *,
    all: bool,
    version: str,
    top_k: int | None,
    workers: int,
    pool: linker.Workers,
    batch: int,
):
    """Read the store and judge the new claims' candidate pairs; writes nothing. A LinkResult
    when there is nothing to write."""
    if not all and not _left_to_link(session, version):
        # every ingest calls this: with nothing to do, it must not read the whole index
        total = session.scalar(
            select(func.count()).where(C.current.is_(True), C.furniture.is_(False))
        )
        return LinkResult(claims=total or 0, new=0, links={}, updated=0)
    generation = link_keys.generation(session)  # before the numbers are read
    index = session.execute(
        select(C.id, K.key_numbers, K.version)
        .select_from(CLAIM)
        .outerjoin(LINK_INDEX, K.claim_id == C.id)
        .where(C.current.is_(True), C.furniture.is_(False))  # furniture is never linked
        .order_by(C.id)
        .execution_options(yield_per=batch)  # fetched many at a time, not row by row
    )
    total = 0
    new_ids: list[int] = []
    stored_ids: list[int] = []
    stored_keys: list[bytes] = []  # their keys as stored: numbers
    outdated_ids: list[int] = []
    for part in index.partitions():  # one pass: a million rows at 1M claims
        for cid, keys, made_with in part:
            total += 1
            if all or keys is None:  # all: every claim is new
                new_ids.append(cid)
            elif made_with != version:
                outdated_ids.append(cid)
            else:
                stored_ids.append(cid)
                stored_keys.append(keys)
    del index
    linked_before = bool(stored_ids or outdated_ids)
    interned: dict[str, str] = {}
    outdated: dict[int, linker.Keys] = {}
    for rows, made in _read_keys(session, outdated_ids, batch, pool):
        # keys made with other lexicons: make them again
        outdated.update((r.id, _keys(k, interned)) for r, k in zip(rows, made, strict=True))
    if not new_ids:
        return _Plan(total, all, version, batch, [], [], outdated, generation=generation)
    # the new claims' keys, `batch` at a time; their readings wait for their pairs
    entity_ids = _via_entities(session)
    readings = _Readings()
    new_key = {
        cid: _keys(k, interned)
        for cid, k in _analyse(session, new_ids, batch, pool, entity_ids, readings)
    }
    new_ids = list(new_key)  # those still current
    plan = _Plan(
        total, all, version, batch, new_ids, list(new_key.values()), outdated, generation=generation
    )
    numbered: dict[str, int] = {}
    if linked_before:
        plan.known_numbers, numbered = _numbered(session, [*plan.new_keys, *outdated.values()])
    stored = link_keys.StoredKeys.of(
        [*stored_ids, *outdated],
        [
            *stored_keys,
            *(link_keys.encode(map(numbered.__getitem__, k.blocking)) for k in outdated.values()),
        ],
    )
    del stored_ids, stored_keys
    try:
        df, partners = _partners(session, stored, numbered, plan.new_keys, interned)
    except link_keys.Renumbered:  # the run plans again: its temporary files go now
        readings.close()
        plan.links.close()
        raise
    del stored
    # candidates from the keys alone, new claims and partners in id order so that each
    # pair is oriented and ranked as in a full run (claim_id < other_id; a stored claim
    # ranks its new candidates after the best it has met before); then only the
    # partners that keep a pair are read and analysed
    ids = sorted([*new_ids, *partners])
    i, j, score = linker.candidates(
        [new_key[cid] if cid in new_key else partners[cid] for cid in ids],
        [cid in new_key for cid in ids],
        df=df,
        top_k=None,
        workers=workers,
    )
    del df
    best = None
    best_of = _best_scores(session, sorted(partners)) if top_k is not None else {}
    if top_k is not None:
        # (none held when no claim is linked yet: a full run, whose pairs are millions)
        ranked = _held([best_of.get(cid, "") for cid in ids], top_k) if linked_before else None
        keep, best = linker.rank(i, j, score, len(ids), top_k, ranked)
        i, j = i[keep], j[keep]
    del score
    used = linker.sorted_unique(np.concatenate([i, j]))
    plan.ends = [ids[k] for k in used.tolist()]
    plan.compared = len(partners)
    plan.new_best = _scores(ids, best, new_key)
    if best is not None:  # stored claims that met better candidates among the new ones
        plan.changed_best = {
            cid: text
            for cid, text in _scores(ids, best, partners).items()
            if text != best_of.get(cid, "")
        }
    stored_ends = [cid for cid in plan.ends if cid not in new_key]
    del partners, best_of, best, new_key
    # the stored claims of the pairs kept, read and analysed now (their keys are stored)
    plan.analysed = sum(
        1 for _ in _analyse(session, stored_ends, batch, pool, entity_ids, readings)
    )
    plan.judged = len(i)
    try:
        _judge(ids, i, j, readings, plan.links, batch=batch, pool=pool)
    finally:
        readings.close()
    return plan


def _judge(
    ids: Sequence[int],
    i: np.ndarray,
    j: np.ndarray,
    readings: _Readings,
    links: _Spilled,
    *,
    batch: int,
    pool: linker.Workers,
) -> None:
    """Judge the pairs (ids[i], ids[j]), in their order, into `links`, in steps that each
    meet `batch` claims no step met before (the readings of a step's ends are held at once)."""
    pair = np.arange(len(i))
    first = np.full(len(ids), len(i), np.int64)  # the first pair of each claim
    np.minimum.at(first, i, pair)
    np.minimum.at(first, j, pair)
    met = np.cumsum(np.bincount(first[first < len(i)], minlength=len(i)))  # claims met so far
    starts = np.searchsorted(met, np.arange(batch, met[-1] if len(i) else 0, batch))
    bounds = np.unique(np.r_[0, starts, len(i)])
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        a, b = i[start:end], j[start:end]
        ends = linker.sorted_unique(np.concatenate([a, b]))
        found = readings.get([ids[k] for k in ends.tolist()])
        # an end no longer current when it was read is left out: its links would be dropped
        present = np.array([read is not None for read in found], bool)
        both = present[np.searchsorted(ends, a)] & present[np.searchsorted(ends, b)]
        ends = ends[present]
        links.add(
            linker.judge(
                [read for read in found if read is not None],
                np.searchsorted(ends, a[both]),
                np.searchsorted(ends, b[both]),
                pool,
            )
        )


def _write(session, plan: _Plan) -> LinkResult | None:
    """Write what `plan` worked out, in the caller's transaction; None, writing nothing, when
    another linking run wrote since the plan was read."""
    # one linking run writes at a time, and what it reads from here stays as read
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))  # the write lock, before any read
    hold_lock(session, LINKING)
    unlinked_partners = _drop_superseded(session)
    if not plan.all and _linked_meanwhile(session, plan.new_ids):
        session.rollback()
        return None
    if not plan.all and link_keys.generation(session) != plan.generation:
        session.rollback()  # a full relink numbered the keys again since the plan read them
        return None
    first_number = None
    if plan.all:
        session.execute(delete(LINK))
        session.execute(delete(LINK_INDEX))
        first_number = link_keys.forget_all(session)
    if plan.outdated:
        _write_keys(
            session,
            list(plan.outdated),
            list(plan.outdated.values()),
            plan.version,
            known=plan.known_numbers,
        )
    rejected = rejected_pairs(session)  # links reviewers took back are never made again
    # claims an ingest made page furniture (or replaced) since the plan read them
    gone = _set_aside(session, {*plan.new_ids, *plan.ends})
    new = [(cid, k) for cid, k in zip(plan.new_ids, plan.new_keys, strict=True) if cid not in gone]
    new_ids, new_keys = [cid for cid, _k in new], [k for _cid, k in new]
    if not new_ids:
        updated = refresh_from_links(session, sorted(unlinked_partners), plan.batch)
        return LinkResult(
            claims=plan.total, new=0, links={}, updated=updated, rekeyed=len(plan.outdated)
        )
    if not plan.all:
        for chunk in _chunks(new_ids):
            session.execute(delete(LINK).where(or_(L.claim_id.in_(chunk), L.other_id.in_(chunk))))
    touched = set(new_ids) | unlinked_partners
    # a full run wrote every link there is now: the confidences are recomputed from these
    written = _Written() if plan.all else None
    counts: dict[str, int] = defaultdict(int)
    params: list[dict] = []
    for claim_id, other_id, kind, score, reasons in plan.links:
        ends = (min(claim_id, other_id), max(claim_id, other_id))
        if ends in rejected or claim_id in gone or other_id in gone:
            continue
        touched.update(ends)
        counts[kind] += 1
        params.append(
            {
                "claim_id": claim_id,
                "other_id": other_id,
                "kind": kind,
                "score": score,
                "reasons": reasons,
            }
        )
        if len(params) == INSERT_BATCH:
            _insert_links(session, params, written)
            params = []
    if params:
        _insert_links(session, params, written)
    _write_keys(
        session,
        new_ids,
        new_keys,
        plan.version,
        plan.new_best,
        new=True,
        first=first_number,
        known=plan.known_numbers,
    )
    _write_best(session, {cid: best for cid, best in plan.changed_best.items() if cid not in gone})
    updated = refresh_from_links(session, sorted(touched), plan.batch, written)
    return LinkResult(
        claims=plan.total,
        new=len(new_ids),
        links=dict(counts),
        updated=updated,
        compared=plan.compared,
        analysed=plan.analysed,
        judged=plan.judged,
        rekeyed=len(plan.outdated),
    )


def _set_aside(session, ids: set[int]) -> set[int]:
    """Those of these claims that are page furniture now, or of a replaced article version."""
    if len(ids) > SET_ASIDE_SEARCHED_FROM:
        # every claim set aside, from the index of claims by current and furniture
        every = or_(C.current.is_(False), and_(C.current.is_(True), C.furniture.is_(True)))
        return {cid for (cid,) in session.execute(select(C.id).where(every))} & ids
    ordered = sorted(ids)
    return {
        cid
        for chunk in _chunks(ordered)
        for (cid,) in session.execute(
            select(C.id).where(C.id.in_(chunk), or_(C.furniture.is_(True), C.current.is_(False)))
        )
    }


# Linked claims of superseded article versions (an edit left them behind).
SUPERSEDED = (
    select(K.claim_id)
    .select_from(LINK_INDEX.join(CLAIM, C.id == K.claim_id))
    .where(C.current.is_(False))
)


def _left_to_link(session, version: str) -> bool:
    """Some claim is not linked yet, has keys made with other lexicons, or was left behind by
    an edit with its links."""
    return bool(
        session.scalar(select(exists(UNLINKED)))
        or session.scalar(select(exists().where(K.version != version)))
        or session.scalar(select(exists(SUPERSEDED)))
    )


def _drop_superseded(session) -> set[int]:
    """Drop the links and keys of claims of superseded article versions; the current claims
    they were linked to, whose confidence must be made again."""
    gone = [row.claim_id for row in session.execute(SUPERSEDED)]
    partners: set[int] = set()
    for chunk in _chunks(gone):
        ends = or_(L.claim_id.in_(chunk), L.other_id.in_(chunk))
        partners.update(
            e for link in session.execute(select(L.claim_id, L.other_id).where(ends)) for e in link
        )
        session.execute(delete(LINK).where(ends))
        session.execute(delete(LINK_INDEX).where(K.claim_id.in_(chunk)))
    return partners - set(gone)


def _held(texts: Sequence[str], top_k: int) -> np.ndarray:
    """Stored best scores ("100 91 80") as the `held` matrix of `claims.link.rank`."""
    held = np.full((len(texts), top_k), -1, np.int16)
    for row, scores in enumerate(texts):
        values = [int(v) for v in scores.split()[:top_k]]
        held[row, : len(values)] = values
    return held


def _scores(ids: Sequence[int], best: np.ndarray | None, which) -> dict[int, str]:
    """The best scores of the claims among `ids` that are in `which`, as stored text."""
    if best is None:
        return {cid: "" for cid in ids if cid in which}
    return {
        cid: " ".join(str(v) for v in row if v >= 0)
        for cid, row in zip(ids, best.tolist(), strict=True)
        if cid in which
    }


def _write_keys(
    session,
    ids: Sequence[int],
    keys: Sequence[linker.Keys],
    version: str,
    best: dict[int, str] | None = None,
    *,
    new: bool = False,
    first: int | None = None,
    known: dict[str, int] | None = None,
) -> None:
    """Store the blocking keys (and best scores) of these claims; new ones are linked from
    now on. `first` and `known`: as `link_keys.give_numbers` takes them."""
    scores = best or {}
    numbered = link_keys.give_numbers(
        session, set(chain.from_iterable(k.blocking for k in keys)), first=first, known=known
    )
    statement: Insert | Update
    if new:
        statement = LINK_INDEX.insert().values(
            claim_id=bindparam("k_id"),
            key_numbers=bindparam("k_keys"),
            best=bindparam("k_best"),
            version=bindparam("k_version"),
        )
    else:
        statement = (
            update(LINK_INDEX)
            .where(K.claim_id == bindparam("k_id"))
            .values(key_numbers=bindparam("k_keys"), version=bindparam("k_version"))
        )
    for start in range(0, len(ids), INSERT_BATCH):
        params = [
            {
                "k_id": cid,
                "k_keys": link_keys.encode(map(numbered.__getitem__, k.blocking)),
                "k_best": scores.get(cid, ""),
                "k_version": version,
            }
            for cid, k in zip(
                ids[start : start + INSERT_BATCH], keys[start : start + INSERT_BATCH], strict=True
            )
        ]
        session.execute(statement, params)


def _write_best(session, best: dict[int, str]) -> None:
    if best:
        session.execute(
            update(LINK_INDEX)
            .where(K.claim_id == bindparam("k_id"))
            .values(best=bindparam("k_best")),
            [{"k_id": cid, "k_best": text} for cid, text in best.items()],
        )


class _Written:
    """The links a full run wrote (ends, kind and score, in arrays): every link of the store
    once it has written them, so the confidences are recomputed from these instead of reading
    millions of links back through the indexes of the table just written."""

    KINDS = tuple(kind.value for kind in LinkKind)

    def __init__(self) -> None:
        self.parts: list[tuple[np.ndarray, ...]] = []
        # both directions of each link, sorted by the claim they are read from
        self.by_claim: tuple[np.ndarray, ...] | None = None

    def add(self, params: Sequence[dict]) -> None:
        def column(name: str, kind: type) -> np.ndarray:
            return np.fromiter((p[name] for p in params), kind, len(params))

        kinds = [self.KINDS.index(p["kind"]) for p in params]
        self.parts.append(
            (
                column("claim_id", np.int64),
                column("other_id", np.int64),
                np.asarray(kinds, np.int8),
                column("score", np.float64),
            )
        )
        self.by_claim = None

    def links_of(self, ids: Sequence[int]) -> LinksOf:
        """The links of these claims (ids in increasing order)."""
        if self.by_claim is None:
            empty = (np.empty(0, np.int64),) * 2 + (np.empty(0, np.int8), np.empty(0))
            claim, other, kind, score = (
                (np.concatenate(x) for x in zip(*self.parts, strict=True)) if self.parts else empty
            )
            ends = np.concatenate([claim, other])
            order = np.argsort(ends, kind="stable")
            self.by_claim = (
                ends[order],
                np.concatenate([other, claim])[order],
                np.concatenate([kind, kind])[order],
                np.concatenate([score, score])[order],
            )
            self.parts = []
        by_claim: LinksOf = defaultdict(list)
        if not len(ids):
            return by_claim
        ends, others, kinds, scores = self.by_claim
        within = slice(
            int(np.searchsorted(ends, ids[0], side="left")),
            int(np.searchsorted(ends, ids[-1], side="right")),
        )
        wanted = np.isin(ends[within], ids)
        for end, other, kind, score in zip(
            ends[within][wanted].tolist(),
            others[within][wanted].tolist(),
            kinds[within][wanted].tolist(),
            scores[within][wanted].tolist(),
            strict=True,
        ):
            by_claim[end].append((self.KINDS[kind], score, other))
        return by_claim


def _insert_links(session, params: list[dict], written: _Written | None) -> None:
    session.execute(LINK.insert(), params)
    if written is not None:
        written.add(params)


def _refresh(session, rows, by_claim: LinksOf) -> int:
    """Recompute confidence and reasons of `rows` (claim rows) from all their links, with a
    `linked:` summary of them."""
    params = []
    for r in rows:
        found = by_claim.get(r.id, [])
        kinds: dict[str, int] = defaultdict(int)
        for kind, _score, _other in found:
            kinds[kind] += 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no related claims"
        params.append(
            confidence_from_links(r, found, [{"label": f"{LINKED} {summary}", "delta": 0.0}])
        )
    if params:
        session.execute(SET_CONFIDENCE, params)
    return len(params)


def refresh_from_links(
    session, ids: Sequence[int], batch: int = BATCH, written: _Written | None = None
) -> int:
    """Recompute confidence and reasons of these claims (ids in increasing order), read now,
    from all their links (those `written`, when they are all); `batch` claims at a time."""
    columns = (C.id, C.reasons, C.confidence, C.status)
    updated = 0
    for start in range(0, len(ids), batch):
        part = ids[start : start + batch]
        rows = [
            r
            for chunk in _chunks(part)
            for r in session.execute(select(*columns).where(C.id.in_(chunk)))
        ]
        links = written.links_of(part) if written else links_of(session, part)
        updated += _refresh(session, rows, links)
    return updated


def refresh_confidence(store: Store, claim_ids: list[int]) -> int:
    """Recompute the confidence of these claims from their links and review status (call it
    after a reviewer's verdict so that it overrides the figure)."""

    def once() -> int:
        with store.session() as session:
            return refresh_from_links(session, claim_ids)

    return store.retrying(once, "updating confidences")

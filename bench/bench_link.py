"""Benchmark linking: 10k, 50k and 100k synthetic claims, blocking against exhaustive cdist, and
incremental linking in a store.

Claims are made from the sentences of seeds/ by swapping figures, places and sources, so
that there are true corroborations (same sentence, other source), contradictions (other
figure) and near misses (other place). Each size runs in a fresh process so that its peak
memory is its own.

    .venv/bin/python bench/bench_link.py              # all sizes + the 10k exhaustive comparison
    .venv/bin/python bench/bench_link.py --size 10000
    .venv/bin/python bench/bench_link.py --exhaustive 50000   # blocking against cdist on 50k
    .venv/bin/python bench/bench_link.py --store 100000   # full link of a SQLite store, then
                                                          # 100 new claims linked incrementally,
                                                          # then 20 statements checked;
                                                          # prints a digest of the full
                                                          # run's links and confidences

The store case builds /tmp/claims-link-bench-N.db once (through the store's ingest, in a process
of its own: `--build N` only builds it) and works on a copy of it, so that it can be run again
(and two runs at once). `--linked N` makes /tmp/claims-link-bench-N-linked.db once, a copy
linked in full: the store `bench_tui.py --linked` drives the review app on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims import lexicon  # noqa: E402
from claims.link import (  # noqa: E402
    CUTOFF,
    ClaimRef,
    candidates,
    exhaustive,
    features,
    link_rows,
)
from claims.models import Kind  # noqa: E402
from tests.store_helpers import Said, make_article  # noqa: E402

SIZES = (10_000, 50_000, 100_000)


def fragments() -> list[str]:
    """Clauses of the seed articles: sentences cut at commas and semicolons."""
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for part in re.split(r"[.!?؟،,؛:\n]+", text):
            part = part.strip()
            if len(part.split()) >= 4:
                out.append(part)
    return out


def _rewrite(clause: str, rng: random.Random, letters: str) -> str:
    words = clause.split()
    for k in range(len(words)):
        if len(words[k]) > 3 and rng.random() < 0.35:
            words[k] = "".join(rng.choice(letters) for _ in range(len(words[k])))
    return " ".join(words)


def synthetic(n: int, seed: int = 7, story_size: int = 20) -> list[ClaimRef]:
    """`n` claims in stories of about `story_size` claims (as in a news corpus, the number of
    stories grows with it, not the size of each). A story is three seed clauses, a place, and
    a village and a commander of its own. Its claims swap the figure (a contradiction), the
    source (a corroboration), relay it (a duplicate), or move it elsewhere (a near miss)."""
    return list(synthetic_stream(n, seed, story_size))


def synthetic_stream(n: int, seed: int = 7, story_size: int = 20) -> Iterator[ClaimRef]:
    """The claims of `synthetic`, one at a time: a million of them held at once take about a
    gigabyte, which the store benchmark would count in its peak."""
    rng = random.Random(seed)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    clauses = fragments()
    places = [entry[0] for entry in lexicon.fields("gazetteer")]
    sources = [f"source-{k}" for k in range(2000)]
    made = 0
    while made < n:
        # the seed articles have a few hundred clauses; a story rewrites a third of the words
        # of its clauses, as another event told in the same stock phrases would
        story = [_rewrite(c, rng, letters) for c in rng.sample(clauses, 3)]
        # what makes a story its own: a village and a commander named in it (real reporting
        # has such names; without them every claim would share its words with thousands)
        village = "".join(rng.choice(letters) for _ in range(5))
        leader = "".join(rng.choice(letters) for _ in range(4))
        story[0] = f"{story[0]} قرب قرية {village} بقيادة {leader}"
        place = rng.choice(places)
        figure = rng.randint(2, 900)
        for _ in range(max(1, int(rng.expovariate(1 / story_size)))):
            if made == n:
                return
            value, where = figure, place
            roll = rng.random()
            if roll < 0.25:
                value = rng.randint(2, 900)
            elif roll < 0.35:
                where = rng.choice(places)
            parts = list(story)
            if rng.random() < 0.3:
                parts.pop(rng.randrange(3))
            text = f"{'، '.join(parts)} وقتل {value} شخصاً في {where}"
            source = rng.choice(sources)
            yield ClaimRef(
                id=made,
                text=text,
                source=source,
                via=rng.choice(sources) if rng.random() < 0.1 else None,
                doc=f"doc-{made // 25}",
                kind="organization",
            )
            made += 1


def _cpu() -> float:
    """CPU seconds of this process and its finished worker processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def load() -> float:
    """The 1-minute load average (other processes compete for the 2 cores)."""
    return round(os.getloadavg()[0], 2)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _tree(pid: int) -> list[int]:
    """This process and its descendants (Linux)."""
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        with contextlib.suppress(OSError):  # ended meanwhile
            todo += map(
                int, Path(f"/proc/{found[-1]}/task/{found[-1]}/children").read_text().split()
            )
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory:
    """The most memory this process and its worker processes held at once, sampled every
    half second: their proportional set sizes summed (a page shared since a fork counted
    once). `peak_mb` is this process's alone, and each linking worker holds caches of its own
    (1.25 GB each at 1M claims before the twelfth session)."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(0.5):
            self.peak_kb = max(self.peak_kb, sum(map(_pss_kb, _tree(os.getpid()))))

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return round(self.peak_kb / 1024, 1)


def run_size(n: int) -> dict:
    claims = synthetic(n)
    base = peak_mb()
    load_before = load()
    cpu = _cpu()
    started = time.perf_counter()
    with TreeMemory() as tree:
        links = link_rows(claims)  # features, candidates, classification
    total = time.perf_counter() - started
    cpu = _cpu() - cpu
    load_after = load()
    peak_link = peak_mb()  # before the stages are timed apart below
    # the stages apart (features are cached by now, so they are timed on fresh texts' cache)
    features.cache_clear()
    t0 = time.perf_counter()
    feats = [features(c.text) for c in claims]
    t_features = time.perf_counter() - t0
    t0 = time.perf_counter()
    i, _j, _ = candidates(feats)
    t_candidates = time.perf_counter() - t0
    kinds: dict[str, int] = {}
    for x in links:
        kinds[x.kind.value] = kinds.get(x.kind.value, 0) + 1
    return {
        "claims": n,
        "seconds": round(total, 2),
        "cpu_seconds": round(cpu, 2),
        "features_s": round(t_features, 2),
        "candidates_s": round(t_candidates, 2),
        "candidate_pairs": int(len(i)),
        "links": kinds,
        "peak_mb": round(peak_link, 1),
        "peak_mb_before": round(base, 1),
        "workers_included_peak_mb": tree.peak_mb,
        "load_1m": [load_before, load_after],
    }


def run_exhaustive(n: int = 10_000, cutoff: float = CUTOFF) -> dict:
    claims = synthetic(n)
    feats = [features(c.text) for c in claims]
    load_before = load()
    started, cpu = time.perf_counter(), _cpu()
    bi, bj, _ = candidates(feats, cutoff=cutoff, top_k=None)
    t_block, cpu_block = time.perf_counter() - started, _cpu() - cpu
    started, cpu = time.perf_counter(), _cpu()
    ei, ej = exhaustive(feats, cutoff=cutoff)
    t_all, cpu_all = time.perf_counter() - started, _cpu() - cpu
    found = set(zip(bi.tolist(), bj.tolist(), strict=True))
    kept = sum((a, b) in found for a, b in zip(ei.tolist(), ej.tolist(), strict=True))
    return {
        "claims": n,
        "cutoff": cutoff,
        "blocking_s": round(t_block, 2),
        "blocking_cpu_s": round(cpu_block, 2),
        "exhaustive_s": round(t_all, 2),
        "exhaustive_cpu_s": round(cpu_all, 2),
        "load_1m": [load_before, load()],
        "speedup": round(t_all / t_block, 1),
        "exhaustive_pairs": int(len(ei)),
        "blocking_pairs": int(len(bi)),
        "recall": round(kept / len(ei), 4) if len(ei) else 1.0,
    }


PER_ARTICLE = 25
NEW = 100
# Statements a fact-checker checks against the store.
CHECKED = 20
# Outlets the synthetic articles are spread over.
OUTLETS = 40


def new_claims(stored: int, n: int = NEW, seed: int = 11) -> list[ClaimRef]:
    """`n` claims that arrive after the `stored` claims of `synthetic(stored)`: half retell
    stored claims with another figure or source (follow-ups of running stories), half are
    stories of their own. The claims are made one at a time, not held (see `synthetic_stream`)."""
    rng = random.Random(seed)
    # the draws of picking from the list of stored claims, in their order
    picks = [(rng.choice(range(stored)), rng.randint(2, 900)) for _ in range(n // 2)]
    wanted = {k for k, _ in picks}
    retold = {c.id: c for c in synthetic_stream(stored) if c.id in wanted}
    out = []
    for k, (which, figure) in enumerate(picks):
        old = retold[which]
        text = re.sub(r"وقتل \d+", f"وقتل {figure}", old.text)
        out.append(old.model_copy(update={"text": text, "source": f"source-new-{k}"}))
    out += deque(synthetic_stream(stored + n, seed=seed + 1), maxlen=n - n // 2)
    return [c.model_copy(update={"id": stored + k}) for k, c in enumerate(out)]


def _articles(claims: list[ClaimRef], prefix: str):
    for start in range(0, len(claims), PER_ARTICLE):
        part = claims[start : start + PER_ARTICLE]
        number = start // PER_ARTICLE
        yield make_article(
            f"{prefix}-{number:06d}.txt",
            [Said(c.text, Kind(c.kind or "author"), c.source, via=c.via) for c in part],
            outlet=f"منفذ {number % OUTLETS}",  # agreement inside one outlet is no corroboration
        )


def build_store(path: Path, n: int) -> float:
    """A SQLite store of `n` synthetic claims at `path` (built once); seconds taken."""
    from claims.store import Store, ingest

    if path.exists():
        return 0.0
    claims = synthetic(n)
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with Store.open(str(partial)) as store:
        for extracted in _articles(claims, "bench"):
            ingest(store, extracted)
    partial.rename(path)
    return time.perf_counter() - started


def linked_store(n: int) -> Path:
    """The store of `n` claims linked in full, made once (ten minutes at 1M)."""
    from claims.store import Store
    from claims.store.linking import link_store

    path = Path(f"/tmp/claims-link-bench-{n}-linked.db")
    if not path.exists():
        base = Path(f"/tmp/claims-link-bench-{n}.db")
        if not base.exists():  # in a process of its own, as for run_store
            subprocess.run([sys.executable, __file__, "--build", str(n)], check=True)
        partial = path.with_suffix(".partial")
        shutil.copyfile(base, partial)
        with Store.open(str(partial)) as store:
            link_store(store, all=True)
        partial.rename(path)
    return path


def _measured(run) -> tuple[object, dict]:
    cpu, own, started = _cpu(), time.process_time(), time.perf_counter()
    result = run()
    return result, {
        "seconds": round(time.perf_counter() - started, 2),
        "cpu_seconds": round(_cpu() - cpu, 2),
        "of_it_this_process": round(time.process_time() - own, 2),  # the rest: the workers'
    }


def run_store(n: int) -> dict:
    """Full link of a store of `n` claims, then NEW claims ingested and linked incrementally."""
    from claims.store import Store, ingest
    from claims.store.linking import link_store

    base = Path(f"/tmp/claims-link-bench-{n}.db")
    if not base.exists():  # in a process of its own: the claims made stay out of the peak
        subprocess.run([sys.executable, __file__, "--build", str(n)], check=True)
    meta = base.with_suffix(".json")  # the seconds its build took (none for older builds)
    built = json.loads(meta.read_text())["built_s"] if meta.exists() else None
    work = base.with_name(f"{base.stem}-run-{os.getpid()}.db")  # runs may go at once
    shutil.copyfile(base, work)
    figures: dict = {"claims": n, "built_s": built, "load_1m_before": load()}
    with Store.open(str(work)) as store:
        with TreeMemory() as tree:
            full, figures["full"] = _measured(lambda: link_store(store, all=True))
        figures["full"].update(
            links=full.links,
            judged=full.judged,  # the work: what a ratio of two runs is to be read against
            peak_mb=round(peak_mb(), 1),
            workers_included_peak_mb=tree.peak_mb,
        )
        figures["full"]["digest"] = links_digest(store)
        for extracted in _articles(new_claims(n), "new"):
            ingest(store, extracted)
        inc, figures["incremental"] = _measured(lambda: link_store(store))
        figures["incremental"].update(
            new=inc.new,
            compared=inc.compared,
            analysed=inc.analysed,
            judged=inc.judged,
            links=inc.links,
            updated=inc.updated,
            peak_mb=round(peak_mb(), 1),  # of the whole process, the full run included
        )
        figures["check"] = _checking(store, new_claims(n, n=CHECKED, seed=13))
    figures["load_1m_after"] = load()
    figures["incremental_share"] = round(
        figures["incremental"]["seconds"] / figures["full"]["seconds"], 4
    )
    work.unlink()
    return figures


def links_digest(store) -> str:
    """A digest of every link (ends, kind, score, reasons) and every claim's confidence and
    reasons: two runs that give it equal made the same links."""
    import hashlib

    from sqlalchemy import select

    from claims.store.tables import CLAIM, LINK

    digest = hashlib.sha256()
    L, C = LINK.c, CLAIM.c
    with store.session() as session:
        for query in (
            select(L.claim_id, L.other_id, L.kind, L.score, L.reasons).order_by(
                L.claim_id, L.other_id, L.kind
            ),
            select(C.id, C.confidence, C.reasons).order_by(C.id),
        ):
            for row in session.execute(query):
                digest.update(json.dumps(list(row), ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def _checking(store, statements: list[ClaimRef]) -> dict:
    """`claims check` of statements like the stored claims: time per statement, and how many
    found a contradiction or corroboration."""
    from claims.store.check import Checker

    started = time.perf_counter()
    checker = Checker(store)
    opened = time.perf_counter() - started
    times, answered = [], 0
    for statement in statements:
        started = time.perf_counter()
        answered += bool(checker.check(statement.text))
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "statements": len(statements),
        "answered": answered,
        "keys_read_s": round(opened, 3),
        "median_s": round(times[len(times) // 2], 3),
        "max_s": round(times[-1], 3),
    }


def calibration_ms() -> float:
    """Milliseconds this machine takes for a million-step Python loop (about 50 on a quiet
    modern laptop), to read the figures against."""
    t0 = time.perf_counter()
    sum(i * i for i in range(1_000_000))
    return round((time.perf_counter() - t0) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="One size, in this process (JSON out)")
    parser.add_argument(
        "--exhaustive",
        type=int,
        nargs="?",
        const=10_000,
        help="Only the comparison with exhaustive cdist (on 10,000 claims unless given)",
    )
    parser.add_argument(
        "--store", type=int, help="Full and incremental linking of a SQLite store of this size"
    )
    parser.add_argument("--build", type=int, help="Only build the SQLite store of this size")
    parser.add_argument(
        "--linked", type=int, help="Only make the store of this size linked in full (once)"
    )
    args = parser.parse_args()
    if args.linked:
        print(linked_store(args.linked))
        return
    if args.build:
        path = Path(f"/tmp/claims-link-bench-{args.build}.db")
        built = build_store(path, args.build)
        path.with_suffix(".json").write_text(json.dumps({"built_s": round(built, 1)}))
        return
    if args.size:
        print(json.dumps(run_size(args.size)))
        return
    if args.store:
        print(json.dumps(run_store(args.store), ensure_ascii=False))
        return
    if args.exhaustive:
        print(json.dumps(run_exhaustive(args.exhaustive)))
        return
    print(f"calibration: 1M-step Python loop {calibration_ms()} ms")
    results = []
    for n in SIZES:
        out = subprocess.run(
            [sys.executable, __file__, "--size", str(n)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout))
        print(json.dumps(results[-1], ensure_ascii=False))
    for a, b in zip(results, results[1:], strict=False):
        ratio = (b["seconds"] / a["seconds"]) / (b["claims"] / a["claims"])
        print(
            f"growth {a['claims']}->{b['claims']}: time x{b['seconds'] / a['seconds']:.2f} "
            f"for size x{b['claims'] / a['claims']:.0f} (per-claim ratio {ratio:.2f})"
        )
    out = subprocess.run(
        [sys.executable, __file__, "--exhaustive"], capture_output=True, text=True, check=True
    )
    print(out.stdout.strip())


if __name__ == "__main__":
    main()

"""Ingest benchmark: N articles built from seeds/ (varied so every hash differs) into SQLite
and PostgreSQL, reported as articles/s and memory; or the real pages of ../shared/realdev
ingested stage by stage.

    .venv/bin/python bench/bench_ingest.py                      # 10,000 articles, SQLite
    .venv/bin/python bench/bench_ingest.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/bench_ingest.py --extract            # time extraction too
    .venv/bin/python bench/bench_ingest.py --real --repeat 5    # real pages, by stage
    .venv/bin/python bench/bench_ingest.py --real --jobs 1 2    # and as `claims ingest -j N` does
    .venv/bin/python bench/bench_ingest.py --real --jobs 1 2 --cold   # each in a new process

With --real, the pages (read where they are, never copied) go into a fresh SQLite store per
run, one stage at a time: read and decode, segment and clean (furniture model included),
attribute, store (`ingest`, one transaction per article), link (`link_store`). Each stage's
articles/s is its own (best and median of the runs, wall-clock and CPU), the total is their
sum, without the command's start-up. With --jobs, each N also ingests the pages as `claims
ingest --jobs N` does, without its start-up: extracted in N worker processes (forked from this
one, so after the first run they start with its caches of words warm, as the stages above do;
the features of the statements linked before are dropped, as a real ingest links new ones)
while this process stores them (making the link features of each article's claims meanwhile,
`read_ahead`) and then links them; wall-clock, and CPU of this process and its workers. With
--cold each of those runs is made in a new process that has imported the extractor, the store
and the linker and run nothing else, so its caches (and its workers', forked from it) are as
cold as a command's: the figure of `claims ingest` without its start-up.

Without --extract, each seed is extracted once and every variant reuses its claims with new
text and hash, so the figure is the store's own rate. With --extract every variant goes
through claims.pipeline.extract_article as well. Articles are made one at a time, so memory
should stay flat in N: RSS is sampled at each tenth of the run. The variants of a seed repeat
its sentences: from the third one the store sets them aside as their outlet's furniture
(claims.boilerplate), the most work its learning has to do.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.cli import YOUNG_COLLECTION_EVERY  # noqa: E402
from claims.link import features  # noqa: E402
from claims.models import ExtractedArticle  # noqa: E402
from claims.pipeline import (  # noqa: E402
    attributed,
    cleaned,
    extract_article,
    extract_files,
    extract_path,
    iter_inputs,
)
from claims.read import read_path  # noqa: E402
from claims.store import Store, ingest  # noqa: E402
from claims.store.linking import link_store, read_ahead  # noqa: E402
from claims.store.tables import CLAIM  # noqa: E402


def rss_mb() -> float:
    """Resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def variants(seeds: list[ExtractedArticle], n: int, extract: bool) -> Iterator[ExtractedArticle]:
    """Article i: seed i % len(seeds) with a dateline line appended, under its own name."""
    for i in range(n):
        seed = seeds[i % len(seeds)]
        body = f"{seed.article.text}\n\nتحديث رقم {i} - نسخة للاختبار"
        article = seed.article.model_copy(
            update={
                "doc": f"bench/{i:05d}_{seed.article.doc}",
                "text": body,
                "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            }
        )
        if extract:
            yield extract_article(article)
        else:
            claims = [claim.model_copy(update={"doc": article.doc}) for claim in seed.claims]
            yield ExtractedArticle(article=article, claims=claims, junk=seed.junk)


def run(url: str, label: str, seeds: list[ExtractedArticle], n: int, extract: bool) -> dict:
    store = Store.open(url)
    samples: list[tuple[int, float]] = []
    claims = 0
    in_ingest = 0.0
    cpu_started = time.process_time()
    started = time.perf_counter()
    try:
        for i, extracted in enumerate(variants(seeds, n, extract), 1):
            before = time.perf_counter()
            claims += ingest(store, extracted).claims
            in_ingest += time.perf_counter() - before
            if i % max(n // 10, 1) == 0:
                samples.append((i, rss_mb()))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        with store.session() as session:  # every claim written, furniture included
            stored = session.execute(select(func.count()).select_from(CLAIM)).scalar_one()
    finally:
        store.close()
    assert stored == claims, (stored, claims)
    return {
        "backend": label,
        "articles": n,
        "claims": claims,
        "seconds": elapsed,
        "rate": n / elapsed,
        "ingest_rate": n / in_ingest,
        "cpu_rate": n / cpu,
        "rss": samples,
        "peak": peak_rss_mb(),
    }


def report(result: dict) -> None:
    rss = result["rss"]
    print(
        f"{result['backend']:<11} {result['articles']:>6} articles {result['claims']:>8} claims "
        f"in {result['seconds']:7.1f} s = {result['rate']:7.1f} articles/s "
        f"({result['ingest_rate']:.1f}/s counting only ingest(), "
        f"{result['cpu_rate']:.1f} per CPU-second of this process); "
        f"RSS {rss[0][1]:.0f} MB after {rss[0][0]}, {rss[-1][1]:.0f} MB after {rss[-1][0]}; "
        f"peak {result['peak']:.0f} MB (of this process so far)"
    )
    print(f"{'':<11} RSS at each tenth, MB: {' '.join(f'{mb:.1f}' for _, mb in rss)}")


REAL_PAGES = ROOT.parent / "shared" / "realdev" / "text"
STAGES = ("read", "segment and clean", "attribute", "store", "link")


def real_stages(pages: list[Path], store_path: Path) -> dict[str, tuple[float, float]]:
    """Wall-clock and CPU seconds of each stage of ingesting `pages` into a new store, and of
    them all ("total")."""
    spent: dict[str, tuple[float, float]] = {}

    def timed(stage: str, work):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        spent[stage] = (time.perf_counter() - wall, time.process_time() - cpu)
        return result

    articles = timed("read", lambda: [read_path(path, path.name) for path in pages])
    sentences = timed("segment and clean", lambda: [cleaned(article) for article in articles])
    extracted = timed("attribute", lambda: [attributed(*page) for page in sentences])
    store = Store.open(str(store_path))
    try:
        timed("store", lambda: [ingest(store, e) for e in extracted])
        timed("link", lambda: link_store(store))
    finally:
        store.close()
    spent["total"] = (
        sum(wall for wall, _ in spent.values()),
        sum(cpu for _, cpu in spent.values()),
    )
    return spent


def children_cpu() -> float:
    """CPU seconds of this process's ended and waited-for children (the workers) so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


Timed = tuple[float, float, float, float, float]


def real_jobs(pages: list[Path], store_path: Path, jobs: int) -> Timed:
    """Wall-clock seconds, CPU seconds of this process and of its workers, and wall-clock and
    CPU seconds of the linking after the last article (the work no worker shares), of
    ingesting `pages` into a new store as `claims ingest --jobs N` does: extraction in `jobs`
    workers (in this process for 1), storing here as the results come (and making the link
    features of their claims, `read_ahead`), then linking."""
    # A real ingest links statements it has not seen: the features of those of an earlier run
    # are not kept (the caches of words stay warm, as in a long ingest).
    features.cache_clear()
    wall, cpu, workers = time.perf_counter(), time.process_time(), children_cpu()
    extraction = extract_files(list(iter_inputs(pages)), jobs)
    store = Store.open(str(store_path))
    try:
        for _path, extracted in extraction:
            assert isinstance(extracted, ExtractedArticle), extracted
            ingest(store, extracted)
            read_ahead(claim.claim for claim in extracted.claims)
        extraction.close()
        linking_wall, linking_cpu = time.perf_counter(), time.process_time()
        link_store(store)
        linking_wall, linking_cpu = (
            time.perf_counter() - linking_wall,
            time.process_time() - linking_cpu,
        )
    finally:
        store.close()
    return (
        time.perf_counter() - wall,
        time.process_time() - cpu,
        children_cpu() - workers,
        linking_wall,
        linking_cpu,
    )


def _cold_run(pages: list[Path], jobs: int, results: Connection) -> None:
    """`real_jobs` in a process started for it, its collector set as the command sets it and
    its workers forked from it, as the command's are."""
    mp.set_start_method("fork", force=True)
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])
    with tempfile.TemporaryDirectory() as tmp:
        results.send(real_jobs(pages, Path(tmp) / "real.db", jobs))


def real_jobs_cold(pages: list[Path], jobs: int) -> Timed:
    """`real_jobs` in a new Python process that has imported the extractor, the store and the
    linker and run nothing: its caches are as cold as those of a `claims ingest` command,
    whose start-up is left out."""
    here, there = mp.get_context("spawn").Pipe()
    process = mp.get_context("spawn").Process(target=_cold_run, args=(pages, jobs, there))
    process.start()
    try:
        return here.recv()
    finally:
        process.join()


def report_real(folder: Path, repeat: int, jobs: list[int], cold: bool = False) -> None:
    pages = sorted(folder.glob("*.txt"))
    size = sum(path.stat().st_size for path in pages)
    print(f"{len(pages)} real pages, {size / 1e6:.2f} MB, {repeat} runs (first; best / median)")
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(real_stages(pages, Path(tmp) / "real.db"))
    for stage in (*STAGES, "total"):
        walls = sorted(run[stage][0] for run in runs)
        cpus = sorted(run[stage][1] for run in runs)
        best, median = walls[0], walls[len(walls) // 2]
        print(
            f"  {stage:<18} first {runs[0][stage][1]:6.3f} CPU-s; {best:6.3f} / {median:6.3f} s "
            f"wall = {len(pages) / best:7.1f} / {len(pages) / median:7.1f} articles/s; "
            f"{cpus[0]:6.3f} CPU-s best = {len(pages) / cpus[0]:7.1f} articles per CPU-second"
        )
    for n in jobs:
        timed = []
        for _ in range(repeat):
            if cold:
                timed.append(real_jobs_cold(pages, n))
                continue
            with tempfile.TemporaryDirectory() as tmp:
                timed.append(real_jobs(pages, Path(tmp) / "real.db", n))
        first = timed[0]
        timed.sort()
        best, median = timed[0], timed[len(timed) // 2]
        print(
            f"  --jobs {n:<11} first {first[0]:6.3f} s wall; {best[0]:6.3f} / {median[0]:6.3f} s "
            f"wall = {len(pages) / best[0]:7.1f} / {len(pages) / median[0]:7.1f} articles/s; "
            f"CPU of the best run {best[1]:.3f} here + {best[2]:.3f} in workers; linking "
            f"after the last article {best[3]:.3f} s wall, {best[4]:.3f} CPU-s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles to ingest")
    parser.add_argument("--postgres", help="PostgreSQL URL; a fresh schema is made and dropped")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite run")
    parser.add_argument("--extract", action="store_true", help="extract every variant too")
    parser.add_argument(
        "--real",
        nargs="?",
        const=REAL_PAGES,
        type=Path,
        help=f"ingest real pages stage by stage (default folder: {REAL_PAGES})",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of --real")
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="*",
        default=[],
        help="with --real, also ingest as `claims ingest --jobs N` does, for each N",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="with --jobs, each run in a new process, its caches cold as a command's",
    )
    args = parser.parse_args()
    if args.real:
        if not args.real.is_dir():
            parser.error(f"{args.real} is not a folder of pages")
        report_real(args.real, args.repeat, args.jobs, args.cold)
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return 0

    seeds = [extract_path(item.path, item.doc) for item in iter_inputs([ROOT / "seeds"])]
    print(f"{len(seeds)} seeds, {sum(len(s.claims) for s in seeds)} claims; extract={args.extract}")
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            report(run(str(Path(tmp) / "bench.db"), "sqlite", seeds, args.n, args.extract))
    if args.postgres:
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        admin = create_engine(args.postgres)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            url = make_url(args.postgres).update_query_dict({"options": f"-csearch_path={schema}"})
            target = url.render_as_string(hide_password=False)
            report(run(target, "postgresql", seeds, args.n, args.extract))
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

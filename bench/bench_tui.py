"""Benchmark: the review app on a store of 100,000 claims.

Builds (once) a SQLite store of synthetic articles through the store's own `ingest`, then drives
the app headless with Textual's Pilot and reports:

- time to first screen (app start until the list and the first claim's detail are drawn);
- time for a filter change (unreviewed only, a search, a source), a sort change, a page change
  and a jump to the last claim (the deepest page);
- memory: resident set size after opening the store and at the end, and Python's peak heap.

Run by hand, figures go in the README:

    .venv/bin/python bench/bench_tui.py                 # builds /tmp/claims-bench-100k.db once
    .venv/bin/python bench/bench_tui.py --claims 20000 --db /tmp/small.db
    .venv/bin/python bench/bench_tui.py --claims 1000000 --linked   # on a store with links

`--linked` drives a copy of bench_link.py's store of that many claims linked in full (made
once by `bench_link.py --linked N`, ten minutes at 1M): its claims have 3.9 links each, which
this benchmark's own store, built without linking, lacks.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.store_helpers: the claims builder the tests use too

from claims.models import ExtractedArticle, Kind  # noqa: E402
from claims.store import ClaimFilter, Store, count_claims, ingest  # noqa: E402
from tests.store_helpers import Said, make_article  # noqa: E402

PER_ARTICLE = 50
OUTLETS = ["المدن", "روسيا اليوم", "الجزيرة", "عنب بلدي", "جيرون", "فرات بوست", "سمارت"]
SOURCES = [
    (Kind.organization, "وزارة الدفاع الروسية"),
    (Kind.organization, "قوات سورية الديمقراطية"),
    (Kind.named_person, "إيغور كوناشينكوف"),
    (Kind.named_person, "رايان ديلون"),
    (Kind.named_person, "مازن أبو تمام"),
    (Kind.anonymous, "مصادر مطلعة"),
    (Kind.anonymous, "مصدر عسكري"),
    (Kind.media, "رويترز"),
    (Kind.author, None),
]
CUES = ["قال", "أكّد", "أفاد", "نفى", "أعلن"]
WORDS = (
    "سيطرت فصائل المعارضة على منطقة في البادية الشامية بعد هجوم شنته ليلاً وأسفر عن مقتل "
    "عدد من عناصر قوات النظام وتدمير دبابة وذخائر صاروخية قرب مدينة دير الزور والرقة وتدمر"
).split()


def synthetic(doc: str, rng: random.Random) -> ExtractedArticle:
    """An article of PER_ARTICLE one-sentence paragraphs, each a claim."""
    said: list[Said] = []
    confidences: list[float] = []
    for _ in range(PER_ARTICLE):
        kind, source = rng.choice(SOURCES)
        cue = rng.choice(CUES) if source else None
        body = " ".join(rng.choices(WORDS, k=rng.randint(8, 18))) + f" {rng.randint(1, 900)}."
        sentence = f"{cue} {source} إن {body}" if source else body
        said.append(Said(sentence, kind, source, cue, claim=body))
        confidences.append(round(rng.random(), 2))
    return make_article(
        doc,
        said,
        title=f"مقال {doc}",
        outlet=rng.choice(OUTLETS),
        paragraph_break="\n\n",
        confidence=confidences,
    )


def build(path: Path, n_claims: int) -> float:
    """Fill the store at ``path`` up to ``n_claims`` claims through `ingest`; seconds taken."""
    store = Store.open(str(path))
    try:
        have = count_claims(store, ClaimFilter())
        if have >= n_claims:
            return 0.0
        rng = random.Random(5)
        started = time.perf_counter()
        first = have // PER_ARTICLE
        for k in range(first, n_claims // PER_ARTICLE):
            ingest(store, synthetic(f"bench_{k:06d}.txt", rng))
            if k % 200 == 0:
                print(f"  ingested {k * PER_ARTICLE:,} claims", file=sys.stderr)
        return time.perf_counter() - started
    finally:
        store.close()


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def drive(path: Path, bidi: str) -> dict[str, float]:
    from tui.app import ReviewApp

    figures: dict[str, float] = {}
    store = Store.open(str(path))
    figures["rss_open_mb"] = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    app = ReviewApp(store, reviewer="bench", bidi=bidi)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.main.shown is not None
        figures["first_screen_s"] = time.perf_counter() - started
        figures["first_screen_cpu_s"] = time.process_time() - cpu
        await app.workers.wait_for_complete()
        figures["first_screen_counted_s"] = time.perf_counter() - started
        figures["claims"] = app.main.session.count

        async def timed(name: str, *keys: str, action: str | None = None) -> None:
            t, cpu = time.perf_counter(), time.process_time()
            if action:
                await app.main.run_action(action)
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            figures[name] = time.perf_counter() - t  # the list and detail show the new view
            figures[name[:-2] + "_cpu_s"] = time.process_time() - cpu
            await app.workers.wait_for_complete()
            if app.main.session.known_count is not None:
                figures[name[:-2] + "_counted_s"] = time.perf_counter() - t  # count known too

        await timed("key_down_s", "down")
        await timed("page_down_s", "pagedown")
        await timed("last_claim_s", "end")
        await timed("first_claim_s", "home")
        await timed("filter_unreviewed_s", "w")
        await timed("verify_s", "v")
        await timed("filter_clear_s", "x")
        await timed("sort_confidence_s", "o")
        await timed("filter_source_s", action="same_source")
        await timed("filter_clear_again_s", "x")
        t, cpu = time.perf_counter(), time.process_time()
        app.main.apply(search="اكد وزاره الدفاع")
        await pilot.pause()
        figures["search_s"] = time.perf_counter() - t
        figures["search_cpu_s"] = time.process_time() - cpu
        await app.workers.wait_for_complete()
        figures["search_counted_s"] = time.perf_counter() - t
        figures["search_hits"] = app.main.session.count
    figures["rss_end_mb"] = rss_mb()
    store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="the store driven (default in /tmp)")
    parser.add_argument("--bidi", choices=["terminal", "visual"], default="terminal")
    parser.add_argument(
        "--heap", action="store_true", help="also trace Python's peak heap (slows everything)"
    )
    parser.add_argument(
        "--linked",
        action="store_true",
        help="drive a copy (at --db) of bench_link.py's store of --claims claims, linked",
    )
    args = parser.parse_args()

    if args.linked:
        made = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "bench_link.py"), "--linked", str(args.claims)],
            check=True,
            capture_output=True,
            text=True,
        )
        db = args.db or Path("/tmp/claims-bench-linked.db")
        for left in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            left.unlink(missing_ok=True)  # of an earlier copy
        shutil.copyfile(made.stdout.strip(), db)  # a copy: the drive verifies a claim
    else:
        db = args.db or Path("/tmp/claims-bench-100k.db")
        built = build(db, args.claims)
        if built:
            print(f"built {args.claims:,} claims in {built:.1f} s ({db})")
    if args.heap:
        tracemalloc.start()
    figures = asyncio.run(drive(db, args.bidi))
    if args.heap:
        figures["python_peak_heap_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    print(f"store {db} · bidi {args.bidi}")
    for name, value in figures.items():
        if isinstance(value, float):
            print(f"  {name:<26} {value:10.3f}")
        else:
            print(f"  {name:<26} {value:>10,}")
    slow = {
        k: v
        for k, v in figures.items()
        if k.endswith("_s") and "cpu" not in k and "counted" not in k and v > 2.0
    }
    if slow:
        print(f"over the 2 s goal: {', '.join(slow)}")


if __name__ == "__main__":
    main()

"""Query benchmark: the review app's calls on a store of 100,000 claims.

    .venv/bin/python bench/bench_queries.py [--claims 100000] [--db URL]

Fills a fresh SQLite store (or the given URL) with synthetic articles of 50 claims each,
some reviewed and linked, then times the pages and counts the review app asks for:
first page, a deep page (by offset and after a cursor), filters, search, by confidence,
count, a claim's links, reading every page to the end both ways, and the source ledger.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.models import Kind, Status  # noqa: E402
from claims.store import (  # noqa: E402
    ClaimFilter,
    SourceFilter,
    SourceSort,
    Store,
    count_claims,
    count_sources,
    get_claim,
    ingest,
    query_claims,
    related,
    set_status,
    sources,
)
from claims.store.queries import LINK  # noqa: E402
from tests.store_helpers import make_article  # noqa: E402

KINDS = [Kind.author, Kind.anonymous, Kind.named_person, Kind.organization, Kind.media]
SOURCES = {
    Kind.author: None,
    Kind.anonymous: "مصادر مطلعة",
    Kind.named_person: "إيغور كوناشينكوف",
    Kind.organization: "وزارة الدفاع الروسية",
    Kind.media: "وكالة سانا",
}


def fill(store: Store, n_claims: int, per_article: int = 50) -> None:
    for a in range(n_claims // per_article):
        sentences = []
        for i in range(per_article):
            kind = KINDS[(a + i) % len(KINDS)]
            sentences.append(
                (f"قالت المصادر إن الهجوم رقم {a}-{i} أسفر عن مقتل {i} عنصرا.", kind, SOURCES[kind])
            )
        ingest(store, make_article(f"art{a:05d}.txt", sentences, outlet=f"منفذ {a % 20}"))
    ids = [view.id for view in query_claims(store, limit=200)]
    for claim_id in ids[:100]:
        set_status(store, claim_id, Status.disputed, reviewer="bench", expected_version=1)
    with store.session() as session:
        session.execute(
            LINK.insert(),
            [
                {"claim_id": a, "other_id": b, "kind": "contradicts", "score": 0.8, "reasons": []}
                for a, b in zip(ids[::2], ids[1::2], strict=False)
            ],
        )


def timed(label: str, call, repeat: int = 5) -> None:
    """Wall and CPU time of the best of `repeat` calls (others share this machine)."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        result = call()
        best = min(
            best, ((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
        )
    size = result if isinstance(result, int) else len(result) if hasattr(result, "__len__") else 1
    print(f"{label:<44} {best[0]:8.1f} ms  {best[1]:8.1f} ms CPU  ({size})")


def pages(store: Store, flt: ClaimFilter, order: str, *, keyset: bool = True, size: int = 100):
    """Every page of a view, as a reader scrolling to the end would ask for them."""
    offset, last = 0, None
    while page := query_claims(
        store, flt, order=order, limit=size, **({"after": last} if keyset else {"offset": offset})
    ):
        yield page
        offset, last = offset + len(page), page[-1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", help="store URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or Path(tmp) / "q.db")
        started = time.perf_counter()
        fill(store, args.claims)
        print(f"filled {args.claims} claims in {time.perf_counter() - started:.0f} s")
        total = count_claims(store)
        timed("count_claims()", lambda: count_claims(store))
        timed("first page by position", lambda: query_claims(store, limit=50))
        timed("deep page by position", lambda: query_claims(store, offset=total - 60, limit=50))
        last = query_claims(store, offset=total - 61, limit=1)[0]
        timed("deep page by position, after a cursor", lambda: query_claims(store, after=last))
        timed("first page by confidence", lambda: query_claims(store, order="confidence"))
        timed(
            "deep page by confidence",
            lambda: query_claims(store, order="confidence", offset=total - 60),
        )
        last = query_claims(store, order="confidence", offset=total - 61, limit=1)[0]
        timed(
            "deep page by confidence, after a cursor",
            lambda: query_claims(store, order="confidence", after=last),
        )
        timed(
            "every page by position, after a cursor",
            lambda: sum(1 for _ in pages(store, ClaimFilter(), "position")),
            repeat=1,
        )
        timed(
            "every page by position, by offset",
            lambda: sum(1 for _ in pages(store, ClaimFilter(), "position", keyset=False)),
            repeat=1,
        )
        flt = ClaimFilter(kind=Kind.anonymous, status=Status.unreviewed)
        timed("anonymous unreviewed: page", lambda: query_claims(store, flt))
        timed("anonymous unreviewed: count", lambda: count_claims(store, flt))
        search = ClaimFilter(search="اسفر عن مقتل 7")
        timed("search: page", lambda: query_claims(store, search))
        timed("search: count", lambda: count_claims(store, search))
        timed("contradicted: page", lambda: query_claims(store, ClaimFilter(contradicted=True)))
        timed("outlet: count", lambda: count_claims(store, ClaimFilter(outlet="منفذ 7")))
        timed("article: page", lambda: query_claims(store, ClaimFilter(article="art00420.txt")))
        timed("get_claim", lambda: get_claim(store, total // 2))
        timed("related", lambda: related(store, 1))
        timed("source ledger: first 50 by claims", lambda: sources(store, limit=50))
        timed(
            "source ledger: every row by disputed share",
            lambda: sources(store, sort=SourceSort.disputed),
        )
        timed("source ledger: count", lambda: count_sources(store))
        timed(
            "source ledger: one outlet, name search",
            lambda: sources(store, SourceFilter(outlet="منفذ 7", search="مصادر")),
        )
        store.close()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} CPUs; times are the best of 5 calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of `extract` on a corpus built from the seeds (run by hand; figures go in the README).

python bench/bench_extract.py [--copies 40]

Each copy of each seed is varied (its digits shifted) so that nothing is cached by content.
Reports sentences/s and MB/s of UTF-8 Arabic text on one core, and peak memory.
"""

from __future__ import annotations

import argparse
import os
import re
import time
import tracemalloc
from pathlib import Path

from claims.pipeline import extract_bytes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def corpus(copies: int) -> list[tuple[str, bytes]]:
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    docs = []
    for n in range(copies):
        for name, text in seeds:
            varied = re.sub(r"\d+", lambda m, n=n: str(int(m.group(0)) + n), text)
            docs.append((f"{n:04d}_{name}", varied.encode("utf-8")))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; best and median shown")
    args = parser.parse_args()
    docs = corpus(args.copies)
    total_mb = sum(len(raw) for _, raw in docs) / 1e6
    extract_bytes(docs[0][1], docs[0][0])  # load the lexicons once, as a running tool has
    load_before = os.getloadavg()[0]
    runs = []
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        sentences = sum(len(extract_bytes(raw, name).claims) for name, raw in docs)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    best_wall, best_cpu = min(runs)
    median_wall, median_cpu = sorted(runs)[len(runs) // 2]
    # Memory in a separate pass: tracing allocations slows Python code several times over.
    tracemalloc.start()
    for name, raw in docs:
        extract_bytes(raw, name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"articles        {len(docs)}")
    print(f"text            {total_mb:.2f} MB (UTF-8)")
    print(f"kept sentences  {sentences}")
    print(f"load average    {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    for label, (wall, cpu) in (
        ("best", (best_wall, best_cpu)),
        ("median", (median_wall, median_cpu)),
    ):
        print(
            f"{label:<6} of {args.repeat}     {wall:.2f} s wall, {cpu:.2f} s CPU: "
            f"{total_mb / wall:.2f} MB/s, {sentences / wall:,.0f} sentences/s wall "
            f"({total_mb / cpu:.2f} MB/s, {sentences / cpu:,.0f} sentences/s per CPU-second)"
        )
    print(f"peak memory     {peak / 1e6:.1f} MB (traced Python allocations)")


if __name__ == "__main__":
    main()

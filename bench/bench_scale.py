"""How extraction time grows with an article's length (run by hand; figures go in the README).

    python bench/bench_scale.py [--repeat 3] [--sizes 100000 1000000]

Reads the real pages of `../shared/realdev/text` at run time (they are not part of the project)
and times, in this process, best of --repeat runs:

- the pages extracted one by one, as separate articles;
- the same pages joined into one long article (a blank line between pages);
- one article grown to each of --sizes bytes of UTF-8 by joining the pages in turn, round and
  round (past the 0.41 MB of the pages, the same names again);
- one article of each size written here, a new person named in each paragraph (a given name
  and a made-up family name, then the family name alone), so that the number of names the
  article holds grows with its length.

Reports wall and CPU seconds, MB/s, and the ratios that should stay near 1 and near the ratio
of sizes when the cost is linear: long article ÷ separate pages, and each size's time ÷ the
smallest size's. The ratios are of CPU time, which other work on a shared machine disturbs less
than wall time.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claims.pipeline import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGES = ROOT.parent / "shared" / "realdev" / "text"
PAGE_BREAK = b"\n\n"


def real_pages(folder: Path) -> list[bytes]:
    pages = [p.read_bytes() for p in sorted(folder.glob("*.txt"))]
    if not pages:
        sys.exit(
            f"No real pages in {folder}: this benchmark reads them from the shared folder beside "
            "the project (../shared/realdev/text) or the folder given to --pages."
        )
    return pages


def long_article(pages: list[bytes]) -> bytes:
    """The pages as one article, a blank line between them."""
    return PAGE_BREAK.join(page.strip() for page in pages)


def grown_article(pages: list[bytes], size: int) -> bytes:
    """Pages joined in turn, round and round, until the article has `size` bytes or more."""
    taken: list[bytes] = []
    length = 0
    while length < size:
        page = pages[len(taken) % len(pages)].strip()
        taken.append(page)
        length += len(page) + len(PAGE_BREAK)
    return PAGE_BREAK.join(taken)


GIVEN_NAMES = "محمد أحمد علي عمر خالد سامر يوسف حسن نوري وسام يامن هاني".split()
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def new_names_article(size: int) -> bytes:
    """Paragraphs of `size` bytes or more, each naming a person the paragraphs before did not."""
    rng = random.Random(size)
    paragraphs: list[bytes] = []
    length = 0
    while length < size:
        family = "".join(rng.choice(LETTERS) for _ in range(5))
        paragraph = (
            f"وقال {rng.choice(GIVEN_NAMES)} {family} إن القصف استهدف المدينة صباح اليوم. "
            f"وأضاف {family} أن الوضع صعب جدا في الأحياء الشرقية."
        ).encode()
        paragraphs.append(paragraph)
        length += len(paragraph) + len(PAGE_BREAK)
    return PAGE_BREAK.join(paragraphs)


def best_seconds(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """The least wall and the least CPU seconds of `runs` runs of `work`."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - start_wall)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=Path, default=REAL_PAGES, help="folder of *.txt pages")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is shown")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="grown texts, bytes"
    )
    args = parser.parse_args()
    pages = real_pages(args.pages)
    joined = long_article(pages)
    series = {
        "pages round and round": {size: grown_article(pages, size) for size in sorted(args.sizes)},
        "a new person a paragraph": {size: new_names_article(size) for size in sorted(args.sizes)},
    }
    extract_bytes(pages[0], "warm-up")  # loads the lexicons and models outside the timing

    load_before = f"{os.getloadavg()[0]:.2f}"
    separate = best_seconds(
        args.repeat, lambda: [extract_bytes(page, f"{n}.txt") for n, page in enumerate(pages)]
    )
    together = best_seconds(args.repeat, lambda: extract_bytes(joined, "long.txt"))
    timed = {
        label: {
            size: best_seconds(args.repeat, lambda text=text: extract_bytes(text, "grown.txt"))
            for size, text in texts.items()
        }
        for label, texts in series.items()
    }
    load_after = f"{os.getloadavg()[0]:.2f}"

    def line(label: str, size: int, seconds: tuple[float, float]) -> str:
        wall, cpu = seconds
        return (
            f"  {label:<40} {size / 1e6:6.3f} MB  {wall:6.2f} s wall {cpu:6.2f} s CPU  "
            f"{size / 1e6 / cpu:5.2f} MB/s per CPU-second"
        )

    print(f"pages           {len(pages)} from {args.pages}")
    print(f"load average    {load_before} before, {load_after} after (1 min)")
    print(f"best of {args.repeat}, in this process:")
    total = sum(len(page) for page in pages)
    print(line("pages as separate articles", total, separate))
    print(line("pages as one article", len(joined), together))
    for label, texts in series.items():
        for size, text in texts.items():
            print(line(f"{label}, ~{size:,} B", len(text), timed[label][size]))
    print(f"long article ÷ separate pages: {together[1] / separate[1]:.2f}x the CPU time")
    for label, texts in series.items():
        smallest = min(texts)
        for size, text in texts.items():
            if size != smallest:
                cpu, smallest_cpu = timed[label][size][1], timed[label][smallest][1]
                print(
                    f"{label}, {size:,} B ÷ {smallest:,} B: {cpu / smallest_cpu:.1f}x the CPU "
                    f"time for {len(text) / len(texts[smallest]):.1f}x the text"
                )


if __name__ == "__main__":
    main()

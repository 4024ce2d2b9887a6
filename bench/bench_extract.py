"""Benchmark of `extract` (run by hand; figures go in the README).

python bench/bench_extract.py [--copies 40]                  # a corpus built from the seeds
python bench/bench_extract.py --real [--copies 4] --jobs 1 2 # the real pages in ../shared

Seeds: each copy of each seed is varied (its digits shifted) so that nothing is cached by
content. Real pages: `../shared/realdev/text/*.txt`, read at run time (they are not part of the
project), repeated as renamed copies for a longer run.

Reports sentences/s and MB/s of the text in this process (best and median of --repeat runs,
with the load average), the same for a bare tokenisation pass over the same text and the ratio
of the two, and peak memory. With --jobs, also the whole `claims extract DIR --format jsonl
--jobs N` command for each N, start-up included, and its speed-up over the first N; with
--camel-python, a whole process of that Python tokenising the same files with CAMeL Tools'
`simple_word_tokenize` (start-up and import included) is timed in turn with the commands, and
each command's time is given as a multiple of it: the issue's measure, whole process against
whole process.

    python bench/bench_extract.py --real --jobs 1 2 --camel-python /tmp/camel/bin/python
    # where: python -m venv /tmp/camel && /tmp/camel/bin/pip install --no-deps camel-tools regex emoji
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Callable
from pathlib import Path

import claims as claims_package
from claims.pipeline import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REAL_PAGES = ROOT.parent / "shared" / "realdev" / "text"


def seeds_corpus(copies: int) -> list[tuple[str, bytes]]:
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    docs = []
    for n in range(copies):
        for name, text in seeds:
            varied = re.sub(r"\d+", lambda m, n=n: str(int(m.group(0)) + n), text)
            docs.append((f"{n:04d}_{name}", varied.encode("utf-8")))
    return docs


def real_corpus(folder: Path, copies: int) -> list[tuple[str, bytes]]:
    pages = sorted(folder.glob("*.txt"))
    if not pages:
        sys.exit(
            f"No real pages in {folder}: this benchmark reads them from the shared folder beside "
            "the project (../shared/realdev/text) or the folder given to --real."
        )
    return [(f"{n:04d}_{p.name}", p.read_bytes()) for n in range(copies) for p in pages]


def word_tokenizer() -> tuple[Callable[[str], list[str]], str]:
    """CAMeL Tools' `simple_word_tokenize` when it is installed (it is not a dependency: the
    package pulls in torch), else the same splitting with the standard library's `re`."""
    try:
        from importlib.metadata import version

        from camel_tools.tokenizers.word import simple_word_tokenize
    except ImportError:
        return _simple_word_tokenize(), (
            "simple_word_tokenize re-implemented with re (camel_tools not installed): "
            "whitespace, then each punctuation or symbol character on its own"
        )
    return simple_word_tokenize, f"camel_tools {version('camel-tools')} simple_word_tokenize"


def _simple_word_tokenize() -> Callable[[str], list[str]]:
    """What camel_tools' tokeniser does: split at whitespace, then split off every character of
    a Unicode punctuation (P*) or symbol (S*) category. It keeps a multi-character emoji
    together, which this does not (news text has none). On the real pages the tokens are the
    same as camel_tools 1.6.0's."""
    ranges: list[list[str]] = []
    for c in map(chr, range(sys.maxunicode + 1)):
        if unicodedata.category(c)[0] in "PS":
            if ranges and ord(c) == ord(ranges[-1][1]) + 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    # As ranges: a class of the 8,000 characters one by one is scanned character by character.
    marks = "".join(
        re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}"
        for first, last in ranges
    )
    return re.compile(f"[{marks}]|[^\\s{marks}]+").findall


def timed(runs: int, work: Callable[[], int]) -> tuple[list[tuple[float, float]], int]:
    """(wall, CPU) seconds of each run of `work` in this process, and what it counted."""
    times = []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        count = work()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times, count


# What the CAMeL process runs: every file of the folder read and tokenised.
CAMEL_SCRIPT = """
import sys
from pathlib import Path
from camel_tools.tokenizers.word import simple_word_tokenize
files = sorted(Path(sys.argv[1]).iterdir())
print(sum(len(simple_word_tokenize(f.read_text("utf-8", "replace"))) for f in files))
"""


def command_times(
    runs: int, folder: Path, jobs: list[int], camel: Path | None = None
) -> dict[int | str, list[tuple[float, float]]]:
    """(wall, CPU of it and its workers) seconds of each run of `claims extract` on `folder`
    for each number of jobs (and of the CAMeL process, "camel", with `camel`), the commands
    taken in turn so that a change in the machine's load falls on all of them. The claims
    package's bytecode is compiled first, as `pip install` compiles CAMeL's (and ours, in a
    wheel): an editable install run with PYTHONDONTWRITEBYTECODE (this machine sets it) would
    compile every module from source at each start, 0.1-0.15 s of the command's 0.3-0.4 s."""
    compileall.compile_dir(Path(claims_package.__file__).parent, quiet=1)
    claims = Path(sys.executable).with_name("claims")
    commands: dict[int | str, list[str]] = {
        n: [str(claims), "extract", str(folder), "--format", "jsonl", "--jobs", str(n)]
        for n in jobs
    }
    if camel is not None:
        commands["camel"] = [str(camel), "-c", CAMEL_SCRIPT, str(folder)]
    times: dict[int | str, list[tuple[float, float]]] = {n: [] for n in commands}
    for _ in range(runs):
        for n, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - wall
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            times[n].append((wall, cpu))
    return times


def best_and_median(times: list[tuple[float, float]]) -> list[tuple[str, tuple[float, float]]]:
    ordered = sorted(times)
    return [("best", ordered[0]), ("median", ordered[len(ordered) // 2])]


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--real",
        type=Path,
        nargs="?",
        const=REAL_PAGES,
        help=f"real pages instead of the seeds (default folder: {REAL_PAGES})",
    )
    parser.add_argument("--copies", type=int, help="copies of the corpus (seeds: 40, real: 1)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; best and median shown")
    parser.add_argument("--jobs", type=int, nargs="*", default=[], help="time `claims extract`")
    parser.add_argument(
        "--camel-python",
        type=Path,
        help="a Python with camel_tools: time its tokeniser as a whole process too (with --jobs)",
    )
    args = parser.parse_args()
    if args.real:
        docs = real_corpus(args.real, args.copies or 1)
        corpus = f"{len(docs) // (args.copies or 1)} real pages x {args.copies or 1}"
    else:
        docs = seeds_corpus(args.copies or 40)
        corpus = f"seeds x {args.copies or 40}, digits varied"
    total_mb = sum(len(raw) for _, raw in docs) / 1e6
    texts = [extract_bytes(raw, name).article.text for name, raw in docs]  # also loads lexicons
    tokenize, tokenizer = word_tokenizer()

    load_before = load()
    extraction, sentences = timed(
        args.repeat, lambda: sum(len(extract_bytes(raw, name).claims) for name, raw in docs)
    )
    tokenising, tokens = timed(args.repeat, lambda: sum(len(tokenize(text)) for text in texts))
    load_after = load()

    print(f"corpus          {corpus}: {len(docs)} articles, {total_mb:.2f} MB (UTF-8)")
    print(f"kept sentences  {sentences}")
    print(f"load average    {load_before} before, {load_after} after (1 min)")
    print("extraction, in this process:")
    for label, (wall, cpu) in best_and_median(extraction):
        print(
            f"  {label:<6} of {args.repeat}   {wall:.2f} s wall, {cpu:.2f} s CPU: "
            f"{total_mb / wall:.2f} MB/s, {sentences / wall:,.0f} sentences/s wall "
            f"({total_mb / cpu:.2f} MB/s, {sentences / cpu:,.0f} sentences/s per CPU-second)"
        )
    print(f"bare tokenisation of the decoded text, {tokenizer}:")
    for label, (wall, _cpu) in best_and_median(tokenising):
        print(
            f"  {label:<6} of {args.repeat}   {wall:.2f} s wall: {total_mb / wall:.2f} MB/s, "
            f"{tokens / wall:,.0f} tokens/s"
        )
    ratios = [
        f"{extracting[0] / tokenised[0]:.1f} ({label})"
        for (label, extracting), (_, tokenised) in zip(
            best_and_median(extraction), best_and_median(tokenising), strict=True
        )
    ]
    print(f"  extraction takes {' and '.join(ratios)} times as long as tokenisation")

    if args.jobs:
        with tempfile.TemporaryDirectory() as folder:
            for name, raw in docs:
                (Path(folder) / name).write_bytes(raw)
            print(
                "claims extract DIR --format jsonl --jobs N, start-up included, claims' bytecode "
                f"compiled as an install does (load {load()}):"
            )
            times = command_times(args.repeat, Path(folder), args.jobs, args.camel_python)
            first = best_and_median(times[args.jobs[0]])
            for jobs in args.jobs:
                figures = best_and_median(times[jobs])
                for label, (wall, cpu) in figures:
                    print(
                        f"  jobs {jobs} {label:<6} {wall:.2f} s wall, {cpu:.2f} s CPU (all "
                        f"processes): {total_mb / wall:.2f} MB/s, {sentences / wall:,.0f} sentences/s"
                    )
                if jobs != args.jobs[0]:
                    speedups = " and ".join(
                        f"{base[0] / now[0]:.2f} ({label})"
                        for (label, base), (_, now) in zip(first, figures, strict=True)
                    )
                    print(f"  jobs {jobs} speed-up over jobs {args.jobs[0]}: {speedups}")
            if args.camel_python:
                camel = best_and_median(times["camel"])
                for label, (wall, cpu) in camel:
                    print(
                        f"  CAMeL simple_word_tokenize, whole process, {label:<6} {wall:.2f} s "
                        f"wall, {cpu:.2f} s CPU"
                    )
                for jobs in args.jobs:
                    multiples = " and ".join(
                        f"{now[0] / base[0]:.2f} ({label})"
                        for (label, now), (_, base) in zip(
                            best_and_median(times[jobs]), camel, strict=True
                        )
                    )
                    print(f"  jobs {jobs} takes {multiples} times the CAMeL process")
                    # each round's two runs met the same load: their ratio is the steadier figure
                    rounds = sorted(
                        now[0] / base[0]
                        for now, base in zip(times[jobs], times["camel"], strict=True)
                    )
                    print(
                        f"  jobs {jobs} over CAMeL, round by round: median {rounds[len(rounds) // 2]:.2f}"
                        f" (from {rounds[0]:.2f} to {rounds[-1]:.2f}, {len(rounds)} rounds)"
                    )
            print(f"  load average after: {load()}")

    # Memory in a separate pass: tracing allocations slows Python code several times over.
    tracemalloc.start()
    for name, raw in docs:
        extract_bytes(raw, name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory     {peak / 1e6:.1f} MB (traced Python allocations)")


if __name__ == "__main__":
    main()

"""The extraction flow for one article: read -> segment -> clean -> attribute; and for many
files, in worker processes."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from claims.attribute import attribute_article
from claims.clean import clean
from claims.models import Article, ExtractedArticle
from claims.read import iter_inputs, read_bytes, read_path
from claims.segment import segment

__all__ = [
    "available_cores",
    "extract_article",
    "extract_bytes",
    "extract_files",
    "extract_path",
    "iter_inputs",
]

# Files handed to the workers ahead of the one the caller is waiting for, per worker: enough to
# keep them busy while the caller writes or stores, few enough that results do not pile up in
# memory when the caller is the slower side.
AHEAD_PER_JOB = 4


def extract_article(article: Article) -> ExtractedArticle:
    """Claims of a decoded article; page furniture set aside."""
    article, sentences = clean(article, segment(article.text))
    return ExtractedArticle(
        article=article,
        claims=attribute_article(article, sentences),
        junk=[s for s in sentences if s.junk],
    )


def extract_bytes(raw: bytes, doc: str) -> ExtractedArticle:
    return extract_article(read_bytes(raw, doc))


def extract_path(path: Path) -> ExtractedArticle:
    """Read and extract one file; raises `claims.read.UnreadableFile` with the reason."""
    return extract_article(read_path(path))


def available_cores() -> int:
    """Cores this process may run on: fewer than the machine has under taskset or a cpuset."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_files(
    paths: Sequence[Path], jobs: int | None = None
) -> Iterator[tuple[Path, ExtractedArticle | Exception]]:
    """Each file's extraction, or the exception that stopped it, in the order of `paths`.

    With more than one job and more than one file the files are extracted in `jobs` worker
    processes (default: every available core); the results are the same as in this process.
    Standard input (`-`) among the paths keeps everything in this process: workers have none.
    """
    jobs = jobs or available_cores()
    if jobs == 1 or len(paths) < 2 or any(str(path) == "-" for path in paths):
        for path in paths:
            try:
                outcome: ExtractedArticle | Exception = extract_path(path)
            except Exception as exc:  # the caller reports it against this file and goes on
                outcome = exc
            yield path, outcome
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)))
    pending: deque[tuple[Path, Future[ExtractedArticle]]] = deque()
    try:
        for path in paths:
            pending.append((path, pool.submit(extract_path, path)))
            if len(pending) > jobs * AHEAD_PER_JOB:
                yield _outcome(*pending.popleft())
        while pending:
            yield _outcome(*pending.popleft())
    finally:
        # A caller that stops early (a store error) leaves nothing queued behind it.
        pool.shutdown(cancel_futures=True)


def _outcome(
    path: Path, future: Future[ExtractedArticle]
) -> tuple[Path, ExtractedArticle | Exception]:
    try:
        return path, future.result()
    except Exception as exc:  # raised in the worker (its traceback is the cause), or the pool's
        return path, exc

"""The extraction flow for one article: read -> segment -> clean -> attribute; and for many
files, in worker processes."""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from claims.attribute import attribute_article
from claims.clean import clean
from claims.cores import available_cores
from claims.models import Article, ExtractedArticle, Sentence
from claims.read import (
    DEFAULT_MAX_SIZE,
    InputFile,
    UnreadableFile,
    iter_inputs,
    read_bytes,
    read_path,
)
from claims.segment import segment

__all__ = [
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


def cleaned(article: Article) -> tuple[Article, list[Sentence]]:
    """The first stages: the article's sentences, furniture marked, and what its page says of
    itself (outlet, date, title)."""
    return clean(article, segment(article.text))


def attributed(article: Article, sentences: list[Sentence]) -> ExtractedArticle:
    """The last stage: who asserts each kept sentence."""
    return ExtractedArticle(
        article=article,
        claims=attribute_article(article, sentences),
        junk=[s for s in sentences if s.junk],
    )


def extract_article(article: Article) -> ExtractedArticle:
    """Claims of a decoded article; page furniture set aside.

    Raises `UnreadableFile` when a name, title or byline found is longer than any real one.
    """
    try:
        return attributed(*cleaned(article))
    except ValidationError as err:
        raise UnreadableFile(article.doc, _too_long(err)) from None


def _too_long(err: ValidationError) -> str:
    """The fields that broke their bounds, in words."""
    problems = []
    for error in err.errors(include_url=False):
        field = str(error["loc"][-1])
        if error["type"] == "string_too_long":
            length = len(error["input"])
            limit = error["ctx"]["max_length"]
            problems.append(
                f"has a line taken for its {field} that is {length:,} characters long"
                f" (at most {limit:,}): the file is not laid out like an article"
            )
        else:
            problems.append(f"has a {field} that cannot be stored ({error['msg']})")
    return "; ".join(problems)


def extract_bytes(raw: bytes, doc: str) -> ExtractedArticle:
    return extract_article(read_bytes(raw, doc))


def extract_path(
    path: Path, doc: str | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> ExtractedArticle:
    """Read and extract one file; raises `claims.read.UnreadableFile` with the reason."""
    return extract_article(read_path(path, doc, max_size))


class Extraction(Iterator[tuple[Path, ExtractedArticle | Exception]], Protocol):
    """Files' extractions, in order, and a way to stop before the last."""

    def close(self) -> None: ...


def extract_files(
    inputs: Sequence[InputFile], jobs: int | None = None, max_size: int = DEFAULT_MAX_SIZE
) -> Extraction:
    """Each file's extraction, or the exception that stopped it, in the order of `inputs`;
    an input with a problem (`iter_inputs`) comes back as an `UnreadableFile` saying so.

    With more than one job and more than one file the files are extracted in `jobs` worker
    processes (default: every available core), which start at once: they extract while the
    caller readies what it does with the results (`claims ingest` opens its store). The
    results are the same as in this process; `close()` stops the workers early. Standard
    input (`-`) among the paths keeps everything in this process: workers have none.
    """
    jobs = jobs or available_cores()
    if jobs == 1 or len(inputs) < 2 or any(str(item.path) == "-" for item in inputs):
        return _extract_here(inputs, max_size)
    return _InWorkers(inputs, jobs, max_size)


def _extract_here(
    inputs: Sequence[InputFile], max_size: int
) -> Generator[tuple[Path, ExtractedArticle | Exception], None, None]:
    for item in inputs:
        try:
            outcome: ExtractedArticle | Exception = _extract_input(item, max_size)
        except Exception as exc:  # the caller reports it against this file and goes on
            outcome = exc
        yield item.path, outcome


class _InWorkers(Iterator[tuple[Path, ExtractedArticle | Exception]]):
    """Files extracted in worker processes, the first of them handed over when this is made,
    the others as results are taken."""

    def __init__(self, inputs: Sequence[InputFile], jobs: int, max_size: int) -> None:
        self.pool = ProcessPoolExecutor(max_workers=min(jobs, len(inputs)))
        self.inputs = iter(inputs)
        self.max_size = max_size
        self.ahead = jobs * AHEAD_PER_JOB
        self.pending: deque[tuple[Path, Future[ExtractedArticle]]] = deque()
        self._hand_over()

    def _hand_over(self) -> None:
        while len(self.pending) <= self.ahead and (item := next(self.inputs, None)) is not None:
            self.pending.append((item.path, self.pool.submit(_extract_input, item, self.max_size)))

    def __next__(self) -> tuple[Path, ExtractedArticle | Exception]:
        # Handed over before a result is taken, not after: a pool that broke raises here,
        # once the caller has had the outcome of the file that broke it.
        self._hand_over()
        if not self.pending:
            self.close()
            raise StopIteration
        return _outcome(*self.pending.popleft())

    def close(self) -> None:
        """Nothing more is extracted: a caller that stops early (a store error) leaves
        nothing queued behind it."""
        self.pool.shutdown(cancel_futures=True)

    def __del__(self) -> None:
        # a caller that drops it unclosed leaves no workers extracting what nobody takes
        self.pool.shutdown(wait=False, cancel_futures=True)


def _extract_input(item: InputFile, max_size: int) -> ExtractedArticle:
    if item.problem is not None:
        raise UnreadableFile(str(item.path), item.problem)
    return extract_path(item.path, item.doc, max_size)


def _outcome(
    path: Path, future: Future[ExtractedArticle]
) -> tuple[Path, ExtractedArticle | Exception]:
    try:
        return path, future.result()
    except Exception as exc:  # raised in the worker (its traceback is the cause), or the pool's
        return path, exc

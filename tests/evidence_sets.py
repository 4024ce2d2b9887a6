"""Pair sets of a claim against a statement, and the figures they are scored by: precision,
recall and F1 per relation from the judge's confusion matrix.

The pairs against sentences of real pages (tests/data/realdev_evidence_pairs.csv, notes beside
it) point at the sentence in ../shared/realdev/text instead of holding it: the outlets' text is
not ours to copy. `realdev_pairs` reads each sentence at run time, in the shape of the other pair
files (`s1` the claim, `s2` the sentence)."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from pathlib import Path

from claims.link import Comparison, Relation, compare

ROOT = Path(__file__).resolve().parent.parent
REALDEV_PAGES = ROOT.parent / "shared" / "realdev" / "text"
REALDEV_PAIRS = ROOT / "tests" / "data" / "realdev_evidence_pairs.csv"
RELATIONS = tuple(r.value for r in Relation)


class PointerError(ValueError):
    """A pair whose sentence cannot be found as written: the message names the line."""


def realdev_pairs(pages: Path = REALDEV_PAGES, path: Path = REALDEV_PAIRS) -> list[dict[str, str]]:
    """Every pair with its sentence read from the page; PointerError names the first line whose
    page is missing, whose span is outside the page or whose sentence has another digest."""
    texts: dict[str, str] = {}
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):  # line 1: the header
            page, start, end = row["page"], int(row["start"]), int(row["end"])
            where = f"{path.name} line {number} ({page} {start}:{end})"
            if page not in texts:
                try:
                    # decoded as is: the gold's offsets count characters of the file without
                    # newline translation, which read_text would apply to a page with \r\n
                    texts[page] = (pages / page).read_bytes().decode("utf-8")
                except OSError as exc:
                    raise PointerError(f"{where}: cannot read the page: {exc.strerror}") from exc
            text = texts[page]
            if not 0 <= start < end <= len(text):
                raise PointerError(f"{where}: the span is outside the page ({len(text)} chars)")
            sentence = text[start:end]
            digest = hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]
            if digest != row["digest"]:
                raise PointerError(
                    f"{where}: the sentence there has digest {digest}, the pair was written "
                    f"on one with {row['digest']}"
                )
            rows.append({**row, "s1": row["claim"], "s2": sentence})
    return rows


def judged(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], Comparison]]:
    """Each pair with the judge's comparison of its claim (`s1`) against its statement (`s2`)."""
    return [(row, compare(row["s1"], row["s2"])) for row in rows]


def confusion(pairs: list[tuple[dict[str, str], Comparison]]) -> Counter[tuple[str, str]]:
    """How many pairs of each relation (first) were judged each relation (second)."""
    return Counter((row["relation"], result.relation.value) for row, result in pairs)


def precision_recall(matrix: Counter[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Precision and recall of each relation the pairs have."""
    actual, predicted = Counter(), Counter()
    for (gold, got), n in matrix.items():
        actual[gold] += n
        predicted[got] += n
    return {
        rel: (matrix[rel, rel] / predicted[rel] if predicted[rel] else 0.0, matrix[rel, rel] / n)
        for rel, n in actual.items()
    }


def scores(rows: list[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """Precision and recall per relation."""
    return precision_recall(confusion(judged(rows)))


def f1_of(found: dict[str, tuple[float, float]]) -> dict[str, float]:
    """F1 of each of the three relations from its precision and recall (0 for one missing)."""
    return {
        rel: 2 * p * r / (p + r) if p + r else 0.0
        for rel in RELATIONS
        for p, r in (found.get(rel, (0.0, 0.0)),)
    }


def f1_per_relation(rows: list[dict[str, str]]) -> dict[str, float]:
    """F1 per relation, from the precision and recall the pair files are scored by."""
    return f1_of(scores(rows))

"""Scoring the extractor against gold annotations (format of `shared/gold/ANNOTATION.md`).

Gold sentences carry text, not offsets, and their boundaries may differ from ours. Each gold
sentence is located in the decoded article (whitespace folded), then matched to the kept
system sentence that overlaps it most; a gold sentence that no kept sentence overlaps was
dropped by the system, that is, judged junk.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz

from claims.arabic import normalize
from claims.boilerplate import mark_recurring, recurring_passages
from claims.models import Claim, ExtractedArticle, Kind
from claims.pipeline import extract_path

SOURCE_MATCH_THRESHOLD = 85.0
KINDS = [k.value for k in Kind]


class GoldSentence(BaseModel):
    doc: str
    i: int
    text: str
    junk: bool = False
    dup_of: int | None = None
    kind: str | None = None
    source: str | None = None
    cue: str | None = None
    via: str | None = None


class PRF(BaseModel):
    precision: float
    recall: float
    f1: float
    support: int


class Scores(BaseModel):
    sentences: int
    junk: PRF
    attributed: PRF
    kind_accuracy: float
    # The mean of the per-kind F1: rare kinds (media) weigh as much as common ones.
    kind_macro_f1: float
    per_kind: dict[str, PRF]
    confusion: dict[str, dict[str, int]]  # gold kind -> system kind -> count
    source_match: float
    source_support: int
    via_match: float
    via_support: int


def prf(tp: int, fp: int, fn: int) -> PRF:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision=precision, recall=recall, f1=f1, support=tp + fn)


class GoldError(ValueError):
    """A gold file that cannot be read: the message names the file and the line."""


def load_gold(path: Path) -> list[GoldSentence]:
    """The gold sentences, one JSON object a line; GoldError names the first bad line."""
    sentences = []
    with path.open("rb") as lines:  # decoded line by line, to name the line that is not UTF-8
        for number, raw in enumerate(lines, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                if line.strip():
                    sentences.append(GoldSentence.model_validate_json(line))
            except UnicodeDecodeError as exc:
                raise GoldError(f"{path} line {number}: not UTF-8 text") from exc
            except ValidationError as exc:
                raise GoldError(f"{path} line {number}: {_first_problem(exc)}") from exc
    return sentences


def _first_problem(exc: ValidationError) -> str:
    """The first thing wrong with a gold line, in words: bad JSON, a missing or bad field."""
    problem = exc.errors()[0]
    field = ".".join(str(part) for part in problem["loc"])
    if problem["type"] == "json_invalid":
        # the parser sees one line: its "line 1" would contradict the line named
        return f"not valid JSON ({problem['ctx']['error'].replace('line 1 column', 'column')})"
    if problem["type"] == "missing":
        return f"the field {field!r} is missing"
    return f"the field {field!r}: {problem['msg']}" if field else problem["msg"]


def locate(gold: list[GoldSentence], text: str) -> list[tuple[int, int] | None]:
    """Character span of each gold sentence in the article text, in reading order."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for sentence in gold:
        words = sentence.text.split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        match = re.compile(pattern).search(text, cursor) if words else None
        match = match or (re.compile(pattern).search(text) if words else None)
        if match:
            spans.append((match.start(), match.end()))
            cursor = match.end()
        else:
            spans.append(None)
    return spans


def align(gold: list[GoldSentence], text: str, claims: list[Claim]) -> list[Claim | None]:
    """The kept system sentence that overlaps each gold sentence most, if any."""
    aligned: list[Claim | None] = []
    for span in locate(gold, text):
        best, best_overlap = None, 0
        if span:
            for claim in claims:
                overlap = min(span[1], claim.end) - max(span[0], claim.start)
                if overlap > best_overlap:
                    best, best_overlap = claim, overlap
        aligned.append(best)
    return aligned


def names_match(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return fuzz.ratio(normalize(a), normalize(b)) >= SOURCE_MATCH_THRESHOLD


def score(pairs: Iterable[tuple[GoldSentence, Claim | None]]) -> Scores:
    junk_counts: Counter[tuple[bool, bool]] = Counter()
    attributed_counts: Counter[tuple[bool, bool]] = Counter()
    confusion: dict[str, Counter] = {k: Counter() for k in KINDS}
    kind_right = kind_total = source_right = source_total = via_right = via_total = 0
    n = 0
    for gold, system in pairs:
        n += 1
        system_junk = system is None
        junk_counts[(gold.junk, system_junk)] += 1
        if gold.junk:
            continue
        system_kind = system.kind.value if system else "junk"
        gold_attributed = gold.kind != Kind.author.value
        attributed_counts[
            (gold_attributed, system is not None and system.kind is not Kind.author)
        ] += 1
        confusion.setdefault(gold.kind or "author", Counter())[system_kind] += 1
        kind_total += 1
        kind_right += system_kind == gold.kind
        if gold.source:
            source_total += 1
            source_right += system is not None and names_match(gold.source, system.source)
        system_via = system.via if system else None
        if gold.via or system_via:
            via_total += 1
            via_right += names_match(gold.via, system_via)
    per_kind = {}
    for kind in KINDS:
        tp = confusion.get(kind, Counter())[kind]
        fn = sum(confusion.get(kind, Counter()).values()) - tp
        fp = sum(row[kind] for gold_kind, row in confusion.items() if gold_kind != kind)
        per_kind[kind] = prf(tp, fp, fn)
    return Scores(
        sentences=n,
        junk=prf(junk_counts[(True, True)], junk_counts[(False, True)], junk_counts[(True, False)]),
        attributed=prf(
            attributed_counts[(True, True)],
            attributed_counts[(False, True)],
            attributed_counts[(True, False)],
        ),
        kind_accuracy=kind_right / kind_total if kind_total else 1.0,
        kind_macro_f1=sum(f.f1 for f in per_kind.values()) / len(per_kind),
        per_kind=per_kind,
        confusion={k: dict(v) for k, v in confusion.items()},
        source_match=source_right / source_total if source_total else 1.0,
        source_support=source_total,
        via_match=via_right / via_total if via_total else 1.0,
        via_support=via_total,
    )


def evaluate(gold_path: Path, articles_dir: Path, docs: str = "*") -> Scores:
    """Extract every article the gold file names (those matching the glob `docs`), together,
    and score the result."""
    gold = load_gold(gold_path)
    by_doc: dict[str, list[GoldSentence]] = {}
    for sentence in gold:
        if not fnmatch(sentence.doc, docs):
            continue
        by_doc.setdefault(sentence.doc, []).append(sentence)
    pairs: list[tuple[GoldSentence, Claim | None]] = []
    found: dict[str, ExtractedArticle] = {}
    for doc, sentences in by_doc.items():
        sentences.sort(key=lambda s: s.i)
        matches = list(articles_dir.rglob(doc))
        if matches:
            found[doc] = extract_path(matches[0])
        else:
            pairs.extend((s, None) for s in sentences)
    # the articles together, as `claims extract` reads a directory: their outlets' recurring
    # passages are furniture
    marked = mark_recurring(list(found.values()), recurring_passages(found.values()))
    for doc, extracted in zip(found, marked, strict=True):
        aligned = align(by_doc[doc], extracted.article.text, extracted.claims)
        pairs.extend(zip(by_doc[doc], aligned, strict=True))
    return score(pairs)


def scores_json(scores: Scores) -> str:
    return json.dumps(scores.model_dump(), ensure_ascii=False, indent=2)

"""Score the judge on claims against evidence sentences of real pages
(tests/data/realdev_evidence_pairs.csv, pointing into ../shared/realdev/text): macro-F1 over the
three relations, precision, recall and F1 per relation and the confusion matrix, for the dev
split, the blind split and both.

    .venv/bin/python bench/bench_evidence.py
    .venv/bin/python bench/bench_evidence.py --errors /tmp/dev_errors.txt

`--errors` lists the dev split's misjudged pairs with their sentences, so the file holds the
outlets' text: keep it outside the project. The blind split is scored, never listed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.link import Comparison  # noqa: E402
from tests.evidence_sets import (  # noqa: E402
    REALDEV_PAGES,
    RELATIONS,
    confusion,
    f1_of,
    judged,
    precision_recall,
    realdev_pairs,
)

Judged = list[tuple[dict[str, str], Comparison]]


def report(name: str, pairs: Judged) -> str:
    matrix = confusion(pairs)
    found = precision_recall(matrix)
    f1 = f1_of(found)
    counts = Counter(row["relation"] for row, _ in pairs)
    lines = [f"{name}: {len(pairs)} pairs, macro-F1 {sum(f1.values()) / len(f1):.3f}"]
    lines.append(f"  {'relation':<13} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for rel in RELATIONS:
        p, r = found.get(rel, (0.0, 0.0))
        lines.append(f"  {rel:<13} {p:5.3f} {r:5.3f} {f1[rel]:5.3f} {counts[rel]:4d}")
    lines.append("  confusion (rows: the pair's relation, columns: the judge's)")
    lines.append("  " + " " * 13 + "".join(f"{rel[:12]:>13}" for rel in RELATIONS))
    for gold in RELATIONS:
        cells = "".join(f"{matrix[gold, got]:13d}" for got in RELATIONS)
        lines.append(f"  {gold:<13}{cells}")
    return "\n".join(lines)


def errors(pairs: Judged) -> str:
    """The misjudged pairs, after a count of them by how the claim was made."""
    wrong = [(row, result) for row, result in pairs if result.relation.value != row["relation"]]
    total = Counter(row["change"] for row, _ in pairs)
    missed = Counter(row["change"] for row, _ in wrong)
    lines = [f"{len(wrong)} of {len(pairs)} pairs misjudged; by change (misjudged / pairs):"]
    lines += [f"  {change:<14} {missed[change]:3d} / {total[change]:3d}" for change in total]
    for row, result in sorted(wrong, key=lambda pair: (pair[0]["change"], pair[0]["relation"])):
        lines += [
            "",
            f"{row['page']} {row['start']}:{row['end']}  change {row['change']}",
            f"  pair {row['relation']}, judged {result.relation.value} (score {result.score:.3f})",
            f"  reasons: {' ; '.join(result.reasons)}",
            f"  claim:    {row['s1']}",
            f"  sentence: {row['s2']}",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=REALDEV_PAGES)
    parser.add_argument("--errors", type=Path, help="write the dev split's misjudged pairs here")
    args = parser.parse_args()
    if not args.pages.is_dir():
        sys.exit(f"bench_evidence: no pages at {args.pages} (../shared/realdev/text)")
    pairs = judged(realdev_pairs(args.pages))
    dev = [(row, result) for row, result in pairs if row["split"] == "dev"]
    blind = [(row, result) for row, result in pairs if row["split"] == "blind"]
    print("\n\n".join([report("dev", dev), report("blind", blind), report("all", pairs)]))
    if args.errors:
        args.errors.write_text(errors(dev), encoding="utf-8")
        print(f"\nthe dev split's misjudged pairs: {args.errors}")


if __name__ == "__main__":
    main()

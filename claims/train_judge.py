"""Fit the judge (`claims/judge.py`) on the ANS corpus; write its weights.

    python -m claims.train_judge             # fit on train, tune on dev, write claims/judge_weights.json
    python -m claims.train_judge --check     # fit again and compare with the shipped weights
    python -m claims.train_judge --score     # the shipped judge on ANS dev, as `claims compare` does
    python -m claims.train_judge --mine      # word pairs swapped in their slot in train, to read
    python -m claims.train_judge --folds 5   # what to expect on unseen pairs: train, out of fold

Reads `../shared/stance/ans/train.csv` and `dev.csv` (headline pairs s1,s2,stance with stance
agree, disagree or other; Khouja 2020). The model is fitted on the agree and disagree pairs of
train (other is the linker's rules' business: too unlike, other places or actors); the
decision threshold is the one with the best macro-F1 over agree/disagree on dev, scored through
`compare_features` as `claims compare` runs it. Dev chose the thresholds, so its figure
flatters the judge; `--folds` gives the honest estimate: each fold of train scored by a judge
fitted on the others, at the shipped thresholds. scikit-learn is needed here only.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zlib
from collections import Counter
from pathlib import Path

from claims.judge import (
    SIGNAL,
    WEIGHTS_FILE,
    JudgeModel,
    dump_model,
    load_model,
    swapped_in_place,
)
from claims.link import compare_features, features, judge_features, word_difference

ROOT = Path(__file__).resolve().parent.parent
ANS = ROOT.parent / "shared" / "stance" / "ans"
# Inverse regularisation strength. 2026-12-06, the judge of that day, five folds of train out of
# sample / dev at the shipped thresholds, `claims.judge.REWRITTEN_REASON` 0.3: C 1 0.709/0.767,
# 2 0.727/0.784, 4 0.743/0.790, 8 0.742/0.791; from 4 up the team's rewordings
# (tests/data/*pairs.csv) turn contradictions, topic words weighing past REWRITTEN_REASON (0.4:
# one still does). C 3 with 0.35 keeps them all: 0.736/0.787.
REGULARISATION = 3.0
# A word or word pair seen in fewer training pairs is noise, and weight in the file.
MIN_PAIRS = 2
# Thresholds tried on dev. Below 0.71 the team's own pairs (tests/data/*pairs.csv, Syrian
# reporting) lose corroborations told in other words to it (pairs 1.000 -> 0.981, heldout
# 0.960 -> 0.950 and heldout3 0.951 -> 0.938 at 0.69) while dev gains under 0.01: the news the
# linker reads contradicts itself less often than ANS, whose pairs are two thirds contradictions.
THRESHOLDS = tuple(t / 100 for t in range(71, 91, 2))
# Thresholds tried on dev for headlines told again in other words. ANS's rewritten pairs are
# three in four contradictions (dev 102 of 136), the team's almost all corroborations, which the
# judge takes for contradictions lower down unless a word or signal must speak for it
# (`claims.judge.REWRITTEN_REASON`) and a figure both can share keeps them apart
# (`claims.link.relations._rewritten_headlines`): with those, from 0.7 the team's pair files
# keep their scores; below it dev gains nothing (0.742-0.745 from 0.5 to 0.72).
REWRITTEN_THRESHOLDS = tuple(t / 100 for t in range(70, 100, 2))
# What no probability reaches: the rewritten pairs left unjudged while `threshold` is tuned.
NEVER = 2.0
DIGITS = 6  # weights are written to 1e-6: `--check` compares them to that
# What `claims compare` answers, as ANS labels.
AS_STANCE = {"corroborates": "agree", "contradicts": "disagree", "unrelated": "other"}
STANCES = ("agree", "disagree", "other")


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["s1"], row["s2"], row["stance"]) for row in csv.DictReader(handle)]


class Scores:
    """Per-class precision and recall, macro-F1 over agree/disagree, the confusion matrix."""

    def __init__(self, gold: list[str], predicted: list[str]) -> None:
        self.confusion = Counter(zip(gold, predicted, strict=True))
        self.n = len(gold)

    def prf(self, stance: str) -> tuple[float, float, float]:
        hit = self.confusion[(stance, stance)]
        predicted = sum(self.confusion[(g, stance)] for g in STANCES)
        actual = sum(self.confusion[(stance, p)] for p in STANCES)
        p = hit / predicted if predicted else 0.0
        r = hit / actual if actual else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def macro_f1(self) -> float:
        return (self.prf("agree")[2] + self.prf("disagree")[2]) / 2

    def report(self) -> str:
        lines = [f"macro-F1 agree/disagree {self.macro_f1:.3f} on {self.n} pairs"]
        for stance in STANCES:
            p, r, f = self.prf(stance)
            lines.append(f"  {stance:<8} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        lines.append("  gold \\ predicted   " + " ".join(f"{s:>8}" for s in STANCES))
        for g in STANCES:
            cells = " ".join(f"{self.confusion[(g, p)]:>8}" for p in STANCES)
            lines.append(f"  {g:<18} {cells}")
        return "\n".join(lines)


def predict(pairs: list[tuple[str, str, str]], model: JudgeModel | None = None) -> list[str]:
    """The linker's judgement of each pair (with `model`, else the shipped one), as a stance."""
    return [
        AS_STANCE[compare_features(features(a), features(b), model).relation.value]
        for a, b, _ in pairs
    ]


def score(pairs: list[tuple[str, str, str]], model: JudgeModel | None = None) -> Scores:
    """How the linker's judgement (with `model`, else the shipped one) does on ANS pairs."""
    return Scores([stance for _, _, stance in pairs], predict(pairs, model))


def fit(pairs: list[tuple[str, str, str]], c: float = REGULARISATION) -> JudgeModel:
    """Logistic regression of disagree against agree; thresholds tuned after."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    kept = [(a, b, stance) for a, b, stance in pairs if stance in ("agree", "disagree")]
    rows = [judge_features(features(a), features(b)) for a, b, _ in kept]
    seen = Counter(name for row in rows for name in row)
    rows = [
        {n: v for n, v in row.items() if n.startswith(SIGNAL) or seen[n] >= MIN_PAIRS}
        for row in rows
    ]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=10000)
    model.fit(matrix, [stance == "disagree" for _, _, stance in kept])
    weights = {
        name: round(float(w), DIGITS)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if round(float(w), DIGITS)
    }
    return JudgeModel(
        bias=round(float(model.intercept_[0]), DIGITS),
        threshold=0.5,
        rewritten_threshold=NEVER,
        weights=weights,
        trained_on=f"ANS train: {len(kept)} agree/disagree pairs; C={c}",
    )


def train(ans: Path, report=print) -> JudgeModel:
    model = fit(read_pairs(ans / "train.csv"))
    dev = read_pairs(ans / "dev.csv")
    report(f"{len(model.weights)} weights")
    # first the threshold for a few words changed, rewordings unjudged; then the one for those
    for name, thresholds in (
        ("threshold", THRESHOLDS),
        ("rewritten_threshold", REWRITTEN_THRESHOLDS),
    ):
        by_threshold = {
            t: score(dev, model.model_copy(update={name: t})).macro_f1 for t in thresholds
        }
        best = max(by_threshold.values())
        # the lowest threshold among the best keeps contradictions found; ties are noise
        chosen = min(t for t, f1 in by_threshold.items() if f1 >= best - 0.002)
        model = model.model_copy(update={name: chosen})
        report(f"{name} {chosen} (dev macro-F1 by threshold:")
        report("  " + " ".join(f"{t}:{f:.3f}" for t, f in by_threshold.items()) + ")")
    report("ANS dev, " + score(dev, model).report())
    return model


def fold_of(pair: tuple[str, str, str], folds: int) -> int:
    """The fold of a pair, fixed by its first headline: ANS rewrites one headline several times
    (an agreeing and a contradicting version), and a judge that saw one of them in training
    would be scored on its twin."""
    return zlib.crc32(pair[0].encode("utf-8")) % folds


def cross_validate(pairs: list[tuple[str, str, str]], folds: int, thresholds: JudgeModel) -> Scores:
    """Every pair judged by a model fitted on the folds it is not in, with the thresholds of
    `thresholds` (the shipped judge's: tuning them on each fold's dev is not what ships)."""
    gold: list[str] = []
    predicted: list[str] = []
    for fold in range(folds):
        held = [p for p in pairs if fold_of(p, folds) == fold]
        model = fit([p for p in pairs if fold_of(p, folds) != fold]).model_copy(
            update={
                "threshold": thresholds.threshold,
                "rewritten_threshold": thresholds.rewritten_threshold,
            }
        )
        gold += [stance for _, _, stance in held]
        predicted += predict(held, model)
    return Scores(gold, predicted)


def swapped_words(a: str, b: str) -> tuple[str, str] | None:
    """The word of `a` and the word of `b` that take each other's place, the rest aligned
    (normalised, clitics off), if the two statements differ so; in alphabetical order."""
    fa, fb = features(a), features(b)
    difference = word_difference(fa, fb)
    if len(difference.only_a) != 1 or len(difference.only_b) != 1:
        return None
    if not swapped_in_place(fa.norm.split(), fb.norm.split(), difference):
        return None
    x, y = sorted((difference.only_a[0], difference.only_b[0]))
    return x, y


def mine(pairs: list[tuple[str, str, str]]) -> list[tuple[str, str, int, int]]:
    """Word pairs swapped in their slot (`swapped_words`) in disagree pairs and never in agree
    pairs, with how often in each, most frequent first: candidates for the opposites lexicon,
    to be read and kept by hand where they are opposites in general."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for a, b, stance in pairs:
        swap = swapped_words(a, b) if stance in ("agree", "disagree") else None
        if swap:
            counts.setdefault(swap, Counter())[stance] += 1
    return sorted(
        ((x, y, c["disagree"], c["agree"]) for (x, y), c in counts.items() if not c["agree"]),
        key=lambda row: (-row[2], row[0], row[1]),
    )


def same_weights(a: JudgeModel, b: JudgeModel, tolerance: float = 1e-6) -> bool:
    """Whether two fits agree to `tolerance` in every weight, the bias and the threshold."""
    names = a.weights.keys() | b.weights.keys()
    return (
        abs(a.bias - b.bias) <= tolerance
        and a.threshold == b.threshold
        and a.rewritten_threshold == b.rewritten_threshold
        and all(abs(a.weights.get(n, 0.0) - b.weights.get(n, 0.0)) <= tolerance for n in names)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ans", type=Path, default=ANS, help="the ANS folder (train.csv, dev.csv)")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights")
    parser.add_argument("--score", action="store_true", help="score the shipped judge on dev")
    parser.add_argument("--mine", action="store_true", help="list word pairs swapped in train")
    parser.add_argument("--folds", type=int, help="score train out of fold, in this many folds")
    parser.add_argument("--out", type=Path, help="write the weights here, not into the package")
    args = parser.parse_args(argv)
    if not (args.ans / "train.csv").exists():
        print(f"error: no ANS train.csv in {args.ans}", file=sys.stderr)
        return 2
    if args.score:
        print("ANS dev, " + score(read_pairs(args.ans / "dev.csv")).report())
        return 0
    if args.folds:
        train_pairs = read_pairs(args.ans / "train.csv")
        scores = cross_validate(train_pairs, args.folds, load_model())
        print(f"ANS train, {args.folds} folds out of sample, " + scores.report())
        return 0
    if args.mine:
        for x, y, disagree, agree in mine(read_pairs(args.ans / "train.csv")):
            print(f"{disagree}\t{agree}\t{x} | {y}")
        return 0
    model = train(args.ans)
    target = args.out or Path(__file__).with_name(WEIGHTS_FILE)
    if args.check:
        same = same_weights(model, load_model() if not args.out else _read(target))
        print("the shipped weights are reproduced" if same else "the shipped weights differ")
        return 0 if same else 1
    target.write_text(dump_model(model), encoding="utf-8")
    print(f"wrote {target}")
    return 0


def _read(path: Path) -> JudgeModel:
    return JudgeModel.model_validate_json(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    sys.exit(main())

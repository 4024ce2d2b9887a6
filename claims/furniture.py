"""Page furniture told from reporting by a model fitted on annotated real pages.

Scraped news pages carry menus, login forms, related-headline runs, player messages, share
blocks and site blurbs in every outlet's own words: no list of strings covers the next outlet.
What generalises is how such a line looks and where it sits: its letters (character n-grams
of the matching form), its layout (length, share of Latin letters and digits, a sentence end,
a URL piece), its place on the page (before the first or after the last body paragraph) and its
neighbours. A logistic regression over those features is fitted by `python -m
claims.train_furniture` on the gold of `../shared/realdev/` and the seeds; its weights ship
as `furniture_weights.json` and are read here with plain Python: a sentence's score is the sum
of the weights of its features, and the features that weighed most are its explanation.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel

from claims.arabic import fold_digits, normalize
from claims.lexicon import fields
from claims.models import Sentence

WEIGHTS_FILE = "furniture_weights.json"
MODEL_VARIABLE = "CLAIMS_FURNITURE_MODEL"
NGRAM_SIZES = (2, 3, 4)
LATIN = re.compile(r"[A-Za-z]")
LETTER = re.compile(r"[^\W\d_]")
DIGIT = re.compile(r"\d")
URL_PIECE = re.compile(r"https?:|www\.|\.(?:com|net|org)\b|\w\s*/\s*\w+\s*/", re.I)
SENTENCE_END = re.compile(r"[.؟?!…]['\"»”)]*$")
# A body paragraph: a sentence of this many words that ends as a sentence does.
BODY_MIN_WORDS = 12
# Bounds of the word-count buckets: a lone word, a label, a headline, a sentence, a paragraph.
LENGTH_BUCKETS = (1, 2, 4, 7, 12, 20, 40)
POSITION_BUCKETS = 10
# Fewer sentences than this are a snippet, not a page (the shortest annotated page has 5).
MIN_PAGE_SENTENCES = 6


class FurnitureModel(BaseModel):
    """Weights of the fitted model, as `claims.train_furniture` writes them."""

    bias: float
    threshold: (
        float  # the probability from which a sentence is furniture, tuned on held-out outlets
    )
    weights: dict[str, float]
    trained_on: str  # what the model was fitted on, for `claims` users who ask


@cache
def load_model() -> FurnitureModel:
    """The shipped weights, or those of a model a desk fitted on its own pages
    (`python -m claims.train_furniture --out my.json`, then CLAIMS_FURNITURE_MODEL=my.json)."""
    own = os.environ.get(MODEL_VARIABLE)
    if own:
        try:
            text = Path(own).read_text(encoding="utf-8")
        except OSError as err:
            raise ValueError(f"{MODEL_VARIABLE}={own}: cannot be read ({err.strerror})") from err
    else:
        text = files("claims").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return FurnitureModel.model_validate_json(text)


@cache
def _function_words() -> frozenset[str]:
    """Prepositions and particles (lexicon `word_classes`): prose has them, menus and tag
    lists do not ('الرئيسية أخبار سياسة اقتصاد رياضة')."""
    return frozenset(
        normalize(w) for w, word_class in fields("word_classes") if word_class == "function_words"
    )


def _bucket(value: float, bounds: Sequence[float]) -> int:
    return next((i for i, bound in enumerate(bounds) if value <= bound), len(bounds))


def _ngrams(text: str) -> dict[str, float]:
    """Character n-grams of each word of the matching form, counts scaled to unit length."""
    form = DIGIT.sub("0", fold_digits(normalize(text)).lower())
    counts = Counter(
        padded[i : i + n]
        for padded in (f" {word} " for word in form.split())
        for n in NGRAM_SIZES
        for i in range(len(padded) - n + 1)
    )
    norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
    return {"g:" + gram: count / norm for gram, count in counts.items()}


def _layout(text: str) -> dict[str, float]:
    stripped = text.strip()
    words = stripped.split()
    letters = LETTER.findall(stripped)
    visible = len(stripped.replace(" ", "")) or 1
    ends = bool(SENTENCE_END.search(stripped))
    function_words = sum(
        1
        for w in normalize(stripped).split()
        if w in _function_words() or w[1:] in _function_words()
    )
    return {
        "function words": function_words / (len(words) or 1),
        "no function word": float(len(words) >= 4 and not function_words),
        f"words:{_bucket(len(words), LENGTH_BUCKETS)}": 1.0,
        "latin": len(LATIN.findall(stripped)) / (len(letters) or 1),
        "digits": len(DIGIT.findall(fold_digits(stripped))) / visible,
        "sentence end": float(ends),
        "question": float(stripped.endswith(("؟", "?"))),
        "opens with wa": float(bool(words) and words[0].startswith("و") and len(words[0]) > 2),
        "url piece": float(bool(URL_PIECE.search(stripped))),
        "bar": float("|" in stripped),
        "colon": float(":" in stripped),
        "body-like": float(ends and len(words) >= BODY_MIN_WORDS),
    }


def _line_layouts(
    sentences: Sequence[Sentence], layouts: list[dict[str, float]]
) -> dict[int, dict[str, float]]:
    """How each line (paragraph) looks as a whole: a menu or a related-headline run is one long
    line of short pieces without sentence ends; a paragraph is sentences that end."""
    pieces: dict[int, list[int]] = {}
    for i, sentence in enumerate(sentences):
        pieces.setdefault(sentence.paragraph, []).append(i)
    found = {}
    for paragraph, members in pieces.items():
        words = sum(len(sentences[i].text.split()) for i in members)
        ends = sum(layouts[i]["sentence end"] for i in members)
        found[paragraph] = {
            f"line words:{_bucket(words, LENGTH_BUCKETS)}": 1.0,
            "line words per sentence end": min(words / (ends or 0.5), 200) / 200,
            "line latin": sum(layouts[i]["latin"] for i in members) / len(members),
            "line body-like": float(any(layouts[i]["body-like"] for i in members)),
        }
    return found


def features(
    sentences: Sequence[Sentence], rule_reasons: Sequence[str | None]
) -> list[dict[str, float]]:
    """The features of each sentence of one article, given the furniture rules' verdicts."""
    layouts = [_layout(s.text) for s in sentences]
    body = [i for i, layout in enumerate(layouts) if layout["body-like"]]
    first_body, last_body = (body[0], body[-1]) if body else (len(sentences), -1)
    keys = [normalize(s.text) for s in sentences]
    repeats = Counter(keys)
    per_paragraph = Counter(s.paragraph for s in sentences)
    lines = _line_layouts(sentences, layouts)
    found = []
    for i, sentence in enumerate(sentences):
        own = {**_ngrams(sentence.text), **layouts[i]}
        own[f"rule:{rule_reasons[i] or 'none'}"] = 1.0
        own[
            f"position:{_bucket(i / len(sentences), [k / POSITION_BUCKETS for k in range(1, POSITION_BUCKETS)])}"
        ] = 1.0
        own["before body"] = float(i < first_body)
        own["after body"] = float(i > last_body)
        # A headline in a related-stories box comes back at every box; a title twice at most.
        own["printed twice"] = float(repeats[keys[i]] == 2)
        own["printed three times or more"] = float(repeats[keys[i]] >= 3)
        own["shares its line"] = float(per_paragraph[sentence.paragraph] > 1)
        own.update(lines[sentence.paragraph])
        for side, j in (("previous", i - 1), ("next", i + 1)):
            if 0 <= j < len(sentences):
                own[f"{side} is furniture by rule"] = float(rule_reasons[j] is not None)
                own[f"{side} sentence end"] = layouts[j]["sentence end"]
                own[f"{side} body-like"] = layouts[j]["body-like"]
                own[f"{side} latin"] = layouts[j]["latin"]
            else:
                own[f"{side}: none"] = 1.0
        # A line of its own between two body paragraphs: a subheading of the story ('شهادات
        # ميدانية'), or a link box the page prints into the text again and again.
        own["alone between body paragraphs"] = float(
            own.get("previous body-like") == own.get("next body-like") == 1.0
            and not own["shares its line"]
        )
        found.append(own)
    return found


def furniture_probability(row: dict[str, float], model: FurnitureModel) -> tuple[float, list[str]]:
    """The model's probability that a sentence is furniture, and the layout features that
    pushed it most that way (n-grams are many and small: they are summed as 'its words')."""
    weights = model.weights
    words = 0.0
    contributions: dict[str, float] = {}
    for name, value in row.items():
        weight = weights.get(name)
        if weight:
            if name[:2] == "g:":
                words += weight * value
            else:
                contributions[name] = weight * value
    contributions["its words"] = words
    z = model.bias + sum(contributions.values())
    probability = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    strongest = sorted(contributions.items(), key=lambda item: -item[1])[:2]
    reasons = [name for name, c in strongest if c > 0]
    return probability, reasons


class Verdict(BaseModel):
    """The model's reading of one sentence."""

    probability: float | None  # None where the model was not applied
    reason: str | None  # why it is furniture, when the probability reaches the threshold


def learned_furniture(
    sentences: Sequence[Sentence], rule_reasons: Sequence[str | None]
) -> list[Verdict]:
    """The model's verdict on each sentence of one article. A text of a few sentences or
    without one paragraph of body (a headline alone, a statement pasted in) is no page: where
    its lines stand says nothing, and the model is not applied."""
    rows = features(sentences, rule_reasons)
    if len(rows) < MIN_PAGE_SENTENCES or not any(row["body-like"] for row in rows):
        return [Verdict(probability=None, reason=None) for _ in rows]
    model = load_model()
    verdicts = []
    for row in rows:
        probability, why = furniture_probability(row, model)
        reason = (
            f"looks like page furniture ({probability:.2f}: {', '.join(why)})"
            if probability >= model.threshold
            else None
        )
        verdicts.append(Verdict(probability=probability, reason=reason))
    return verdicts


def dump_model(model: FurnitureModel) -> str:
    return json.dumps(model.model_dump(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"

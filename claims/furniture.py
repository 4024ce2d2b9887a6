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

import itertools
import json
import math
import operator
import os
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel

from claims.arabic import normalize
from claims.lexicon import entries, fields, word_class
from claims.models import Sentence

WEIGHTS_FILE = "furniture_weights.json"
MODEL_VARIABLE = "CLAIMS_FURNITURE_MODEL"
NGRAM_SIZES = (2, 3, 4)
GRAM = "g:"  # the prefix of n-gram features among the model's weights
LATIN = re.compile(r"[A-Za-z]")
# The complement of a letter (`[^\W\d_]`), in runs: letters are counted as what is left
# when these are taken out, without a string made per letter.
NON_LETTERS = re.compile(r"[\W\d_]+")
DIGIT = re.compile(r"\d")
URL_PIECE = re.compile(r"https?:|www\.|\.(?:com|net|org)\b", re.I)
# A path ('a/b/'): tried from every word character, so only where there is a slash.
URL_PATH = re.compile(r"\w\s*/\s*\w+\s*/")
SENTENCE_END = re.compile(r"[.؟?!…]['\"»”)]*$")
# A full stop, not an ellipsis ('..'), at the end: how a statement of the story ends, where a
# headline asks, exclaims or trails off.
FULL_STOP = re.compile(r"(?<!\.)\.['\"»”)]*$")
# Marks a word of the matching form may carry ('وتابع:', '"قال'), taken off to read it.
WORD_EDGES = ":،,.؛\"'«»“”()"
# A body paragraph: a sentence of this many words that ends as a sentence does.
BODY_MIN_WORDS = 12
# Bounds of the word-count buckets: a lone word, a label, a headline, a sentence, a paragraph.
LENGTH_BUCKETS = (1, 2, 4, 7, 12, 20, 40)
# Bounds of the position buckets: each tenth of the story.
POSITION_BUCKETS = tuple(k / 10 for k in range(1, 10))
# Fewer sentences than this are a snippet, not a page (the shortest annotated page has 5).
MIN_PAGE_SENTENCES = 6


class FurnitureModel(BaseModel):
    """Weights of the fitted model, as `claims.train_furniture` writes them."""

    bias: float
    # The probability from which a sentence is furniture, tuned on held-out outlets.
    threshold: float
    weights: dict[str, float]
    trained_on: str  # what the model was fitted on, for `claims` users who ask

    @cached_property
    def gram_weights(self) -> dict[str, float]:
        """The n-gram weights keyed by the bare gram: scoring looks each gram of a sentence
        up as it is counted, without building the `g:` names the fitted model knows them by."""
        return {name[len(GRAM) :]: w for name, w in self.weights.items() if name.startswith(GRAM)}

    @cached_property
    def word_weights(self) -> WordWeights:
        """The summed weight of each word's n-grams, made when a word is first looked up: a
        sentence's n-gram score is the sum over its words (before scaling to unit length),
        and news words repeat."""
        return WordWeights(self.gram_weights)


class WordWeights(dict[str, float]):
    """word -> the summed weight of its n-grams, filled as words are looked up (a dict look-up
    in C for a word seen before, from `map` over a sentence's words)."""

    def __init__(self, gram_weights: dict[str, float]) -> None:
        super().__init__()
        self.gram_weights = gram_weights

    def __missing__(self, word: str) -> float:
        # map over `get` with its default: the same sum, in the same order, without a
        # generator's frame per gram
        found = self[word] = sum(
            map(self.gram_weights.get, _word_grams(word), itertools.repeat(0.0))
        )
        return found


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


def _bucket(value: float, bounds: Sequence[float]) -> int:
    return next((i for i, bound in enumerate(bounds) if value <= bound), len(bounds))


@lru_cache(maxsize=1 << 16)
def _word_grams(word: str) -> tuple[str, ...]:
    """The n-grams of one padded word, remembered: the words of news text repeat."""
    padded = f" {word} "
    return tuple([padded[i : i + n] for n in NGRAM_SIZES for i in range(len(padded) - n + 1)])


def _gram_words(form: str) -> list[str]:
    """The words of a sentence's matching form (`normalize`) whose n-grams are its features
    (the matching form has its digits folded and its Latin lowercased already; every digit
    is 0)."""
    return DIGIT.sub("0", form).split()


def _gram_counts(words: list[str]) -> tuple[Counter[str], float]:
    """Character n-grams of these words, in the order they first occur, and the length that
    scales their counts to unit length."""
    counts = Counter(itertools.chain.from_iterable(map(_word_grams, words)))
    squares = sum(map(operator.mul, counts.values(), counts.values()))
    return counts, math.sqrt(squares) or 1.0


def _ngrams(form: str) -> dict[str, float]:
    """The n-gram features of a sentence's matching form, counts scaled to unit length."""
    counts, norm = _gram_counts(_gram_words(form))
    return {GRAM + gram: count / norm for gram, count in counts.items()}


@lru_cache(maxsize=1 << 16)
def _is_function_word(word: str) -> bool:
    """A function word, or one behind a glued letter ('وفي', 'بعد' of 'وبعد'), remembered: asked
    of every word of every sentence."""
    known = word_class("function_words")
    return word in known or word[1:] in known


@cache
def _reporting_verbs() -> frozenset[str]:
    """The written forms of the reporting verbs (lexicon `cues`), in matching form."""
    return frozenset(normalize(form) for entry in fields("cues") for form in entry)


@lru_cache(maxsize=1 << 16)
def _is_reporting_verb(word: str) -> bool:
    """'وقال', 'يقول', 'فأكدت', 'وتابع:': a reporting verb, behind a glued و or ف or not."""
    verbs = _reporting_verbs()
    word = word.strip(WORD_EDGES)
    return word in verbs or (word[:1] in "وف" and word[1:] in verbs)


@cache
def _site_messages() -> tuple[str, ...]:
    """Phrases of a site's own interface (lexicon `site_messages`), in matching form."""
    return tuple(normalize(entry) for entry in entries("site_messages"))


def _layout(text: str, form: str) -> dict[str, float]:
    """How one sentence looks; `form` is its matching form (`normalize`)."""
    stripped = text.strip()
    words = stripped.split()
    latin = len(LATIN.findall(stripped))
    # the share of Latin letters: the letters counted only when there is one (most lines)
    latin_share = latin / (len(NON_LETTERS.sub("", stripped)) or 1) if latin else 0.0
    visible = (len(stripped) - stripped.count(" ")) or 1
    ends = bool(SENTENCE_END.search(stripped))
    # prose has function words; menus and tag lists do not
    function_words = sum(map(_is_function_word, form.split()))
    return {
        "function words": function_words / (len(words) or 1),
        "no function word": float(len(words) >= 4 and not function_words),
        f"words:{_bucket(len(words), LENGTH_BUCKETS)}": 1.0,
        "latin": latin_share,
        "digits": len(DIGIT.findall(stripped)) / visible,  # `\d` takes Arabic-Indic digits too
        "sentence end": float(ends),
        "question": float(stripped.endswith(("؟", "?"))),
        "opens with wa": float(bool(words) and words[0].startswith("و") and len(words[0]) > 2),
        "url piece": float(
            bool(URL_PIECE.search(stripped) or ("/" in stripped and URL_PATH.search(stripped)))
        ),
        "bar": float("|" in stripped),
        "colon": float(":" in stripped),
        "body-like": float(ends and len(words) >= BODY_MIN_WORDS),
        "site message": float(any(message in form for message in _site_messages())),
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
    """The features of each sentence of one article, given the furniture rules' verdicts:
    its n-grams, then the features of `_page_features`."""
    forms = [normalize(s.text) for s in sentences]
    return [
        {**_ngrams(form), **row}
        for form, row in zip(forms, _page_features(sentences, forms, rule_reasons), strict=True)
    ]


def _page_features(
    sentences: Sequence[Sentence], forms: Sequence[str], rule_reasons: Sequence[str | None]
) -> list[dict[str, float]]:
    """The features of each sentence but its n-grams: its layout, its line's, its place on
    the page and its neighbours'; `forms` are the sentences' matching forms."""
    layouts = [_layout(s.text, form) for s, form in zip(sentences, forms, strict=True)]
    body = [i for i, layout in enumerate(layouts) if layout["body-like"]]
    first_body, last_body = (body[0], body[-1]) if body else (len(sentences), -1)
    repeats = Counter(forms)
    per_paragraph = Counter(s.paragraph for s in sentences)
    lines = _line_layouts(sentences, layouts)
    # Where a sentence stands is the share of the story's statements (body paragraphs, or
    # shorter sentences with a verb of reporting, that end with a full stop) before it, not
    # its place on the page: a page's tail of related headlines can be as long as the story,
    # and its headlines as long as body paragraphs; a transcript's last short 'وتابع: "…".'
    # is the story still.
    statements = [
        bool(
            (layout["body-like"] or any(map(_is_reporting_verb, form.split())))
            and FULL_STOP.search(s.text.rstrip())
        )
        for s, layout, form in zip(sentences, layouts, forms, strict=True)
    ]
    if not any(statements):
        statements = [bool(layout["body-like"]) for layout in layouts]
    statements_before = [0, *itertools.accumulate(statements)]
    found = []
    for i, sentence in enumerate(sentences):
        own = dict(layouts[i])
        own[f"rule:{rule_reasons[i] or 'none'}"] = 1.0
        if statements_before[-1]:
            story_behind = statements_before[i] / statements_before[-1]
            own[f"position:{_bucket(story_behind, POSITION_BUCKETS)}"] = 1.0
        # a statement of the story, not a headline as long as one
        own["statement"] = float(statements[i])
        own["before body"] = float(i < first_body)
        own["after body"] = float(i > last_body)
        # A headline in a related-stories box comes back at every box; a title twice at most.
        own["printed twice"] = float(repeats[forms[i]] == 2)
        own["printed three times or more"] = float(repeats[forms[i]] >= 3)
        # Some pages print their whole story twice; a line printed again that is no statement
        # is a title or a link box's headline.
        own["printed again, no statement"] = float(repeats[forms[i]] >= 2 and not statements[i])
        own["shares its line"] = float(per_paragraph[sentence.paragraph] > 1)
        own.update(lines[sentence.paragraph])
        for side, j in (("previous", i - 1), ("next", i + 1)):
            if 0 <= j < len(sentences):
                own[f"{side} is furniture by rule"] = float(rule_reasons[j] is not None)
                own[f"{side} sentence end"] = layouts[j]["sentence end"]
                own[f"{side} statement"] = float(statements[j])
                own[f"{side} latin"] = layouts[j]["latin"]
            else:
                own[f"{side}: none"] = 1.0
        # A line of its own between two statements: a subheading of the story ('شهادات
        # ميدانية'), or a link box the page prints into the text again and again.
        own["alone between statements"] = float(
            own.get("previous statement") == own.get("next statement") == 1.0
            and not own["shares its line"]
        )
        found.append(own)
    return found


def furniture_probability(
    form: str, row: dict[str, float], model: FurnitureModel
) -> tuple[float, list[str]]:
    """The model's probability that a sentence is furniture, from its matching form (for its
    n-grams) and its other features (`_page_features`), and the features that pushed it most
    that way (n-grams are many and small: they are summed as 'its words')."""
    gram_words = _gram_words(form)
    _counts, norm = _gram_counts(gram_words)
    words = sum(map(model.word_weights.__getitem__, gram_words)) / norm
    weights = model.weights
    contributions = {
        name: weight * value for name, value in row.items() if (weight := weights.get(name))
    }
    contributions["its words"] = words
    z = model.bias + sum(contributions.values())
    probability = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    strongest = sorted(contributions.items(), key=operator.itemgetter(1), reverse=True)[:2]
    reasons = [name for name, c in strongest if c > 0]
    return probability, reasons


class Verdict(BaseModel):
    """The model's reading of one sentence."""

    probability: float | None  # None where the model was not applied
    reason: str | None  # why it is furniture, when the probability reaches the threshold


def learned_furniture(
    sentences: Sequence[Sentence],
    rule_reasons: Sequence[str | None],
    forms: Sequence[str] | None = None,
) -> list[Verdict]:
    """The model's verdict on each sentence of one article. A text of a few sentences or
    without one paragraph of body (a headline alone, a statement pasted in) is no page: where
    its lines stand says nothing, and the model is not applied. `forms` are the sentences'
    matching forms (`normalize`) when the caller has them."""
    if forms is None:
        forms = [normalize(s.text) for s in sentences]
    rows = _page_features(sentences, forms, rule_reasons)
    if len(rows) < MIN_PAGE_SENTENCES or not any(row["body-like"] for row in rows):
        return [Verdict(probability=None, reason=None) for _ in rows]
    model = load_model()
    verdicts = []
    for form, row in zip(forms, rows, strict=True):
        probability, why = furniture_probability(form, row, model)
        reason = (
            f"looks like page furniture ({probability:.2f}: {', '.join(why)})"
            if probability >= model.threshold
            else None
        )
        verdicts.append(Verdict(probability=probability, reason=reason))
    return verdicts


def dump_model(model: FurnitureModel) -> str:
    return json.dumps(model.model_dump(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"

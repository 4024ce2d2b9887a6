"""Attribution: who asserts each sentence, what is asserted, and how sure we are.

The rules read a sentence as a reporting frame, the way a journalist would:

* a reporting verb (lexicon `cues`) in the main clause, its source after it
  (`وقال المتحدث باسم الوزارة، اللواء إيغور كوناشينكوف، إن …`) or before it
  (`مصادر مطلعة، قالت …`, `القاسم أوضح …`);
* an "according to" phrase (lexicon `according`): `بحسب مسار برس`, `وفقاً لـ"سانا"`;
* a relay: `نقلت شبكة X عن مصدر في Y` (source Y, via X), `… بحسب مسار برس` after a named
  speaker, `في تصريح نشرته وزارة الخارجية` (via the ministry);
* continuations: `وأضاف أن …`, `وأردف المتحدث`, `وقالت المصادر`, a surname alone
  (`ويلفت هويدي`) resolve to the source already named in the article, and a quotation left
  open runs on into the next sentences.

The source phrase is classified by its head noun against the lexicons (`anonymous`,
`organizations`, `media`, `titles`, `first_names`, …) and named in the fullest form the
article gives. Each stage is a function of plain data; `attribute_article` threads the
article-level memory (names seen, the last source) through the sentences.

The package follows that reading: `frames` finds the reporting frame and where the claim
begins, `sources` classifies its source phrase (with `names` for people and `bodies` for
organizations), `memory` keeps what the article has said so far, `confidence` weighs the
result, and `article` puts them together sentence by sentence; `tokens` and `lexicons` are
shared by all.
"""

from claims.attribute.article import attribute_article, attribute_sentence
from claims.attribute.confidence import confidence, find_hedges
from claims.attribute.frames import Frame, find_frame
from claims.attribute.memory import Memory, Speaker, collect_names
from claims.attribute.names import _plain_word  # tests/test_extract.py reads it here
from claims.attribute.sources import Source, SourceParser
from claims.attribute.tokens import Token, in_lexicon, tokenize

__all__ = [
    "Frame",
    "Memory",
    "Source",
    "SourceParser",
    "Speaker",
    "Token",
    "_plain_word",
    "attribute_article",
    "attribute_sentence",
    "collect_names",
    "confidence",
    "find_frame",
    "find_hedges",
    "in_lexicon",
    "tokenize",
]

"""Linking claims: which statements back each other, which conflict, which are the same again.

Pure functions of plain data; the store calls them (`claims/store/linking.py`).

1. `features(text)`: what a statement is about (content stems, places, figures) and how it
   says it (negation, opposed predicates), computed once per claim (`reading`; places and
   actors in `names`).
2. `compare(a, b)`: the relation of two statements, `corroborates`, `contradicts` or
   `unrelated`, with a score and reasons a reviewer can read (`relations`, from the signals
   of the pair in `signals` and the fitted judge of `claims.judge`).
3. `classify(a, b)`: with who said them, a corroboration by the same source, or relayed
   from one another, or an outlet republishing a wire, is a `duplicate` (`independence`).
4. `candidates(...)`: pairs worth comparing, by blocking on rare content tokens, places and
   figures, scored with rapidfuzz (`process.cdist` with `workers` on large blocks); never
   all pairs (`blocking`).
5. `link(...)`, `judge(...)`: many claims at once, in worker processes when there are many
   (`workers`: `Workers`, forked once per run).
6. `update_confidence(...)`: a claim's confidence moved by its links, with the reasons
   (`confidence`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from claims.link.confidence import (
    CONTRADICTED,
    CORROBORATED,
    LINKED,
    LOWER,
    MAX_COUNTED,
    RAISE,
    REVIEWER,
    update_confidence,
)
from claims.link.independence import ClaimRef, LinkRow, classify
from claims.link.names import different_actors, different_places
from claims.link.reading import (
    FEATURES_KEPT,
    KEYS_FORMAT,
    NONE,
    PARTICLE_SCOPE,
    SHORT_STEM_TAIL,
    Features,
    Keys,
    features,
    keys_version,
    stem,
    stored_keys,
    stored_keys_numbered,
)
from claims.link.relations import (
    CORROBORATES,
    RELATED,
    Comparison,
    Relation,
    compare,
    compare_features,
)
from claims.link.signals import (
    LONG_STATEMENT,
    LONGER,
    PREDICATE_REACH,
    SHARED_CONTENT,
    SIMILARITY,
    judge_features,
    pattern_root,
    reasons_as_written,
    similarity,
    word_difference,
)

if TYPE_CHECKING:  # loaded on first use, numpy with them (`__getattr__`)
    from claims.link.blocking import (
        COMPACT_AT,
        CUTOFF,
        LARGE_BLOCK,
        MAX_BLOCK,
        MAX_DF,
        PREFIX,
        TOP_K,
        WINDOW,
        blocking_recall,
        candidates,
        exhaustive,
        indexed_keys,
        key_counts,
        rank,
        sorted_unique,
    )
    from claims.link.workers import (
        PARALLEL_FROM,
        Judged,
        Reading,
        Workers,
        analyse,
        blocking_of,
        judge,
        link,
        link_rows,
        read_claims,
        reading,
    )

# Modules whose names are loaded on first use: they load numpy, which the review app does not
# need to show a link's reasons (`reasons_as_written`); 0.05 s of its first screen (warm).
_LOADED_ON_USE = ("claims.link.blocking", "claims.link.workers")


def __getattr__(name: str) -> object:
    if name in __all__:
        for module_name in _LOADED_ON_USE:
            module = importlib.import_module(module_name)
            if hasattr(module, name):
                globals()[name] = value = getattr(module, name)
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "COMPACT_AT",
    "CONTRADICTED",
    "CORROBORATED",
    "CORROBORATES",
    "CUTOFF",
    "ClaimRef",
    "Comparison",
    "FEATURES_KEPT",
    "Features",
    "KEYS_FORMAT",
    "Judged",
    "Keys",
    "LARGE_BLOCK",
    "LINKED",
    "LONGER",
    "LONG_STATEMENT",
    "LOWER",
    "LinkRow",
    "MAX_BLOCK",
    "MAX_COUNTED",
    "MAX_DF",
    "NONE",
    "PARALLEL_FROM",
    "PARTICLE_SCOPE",
    "PREDICATE_REACH",
    "PREFIX",
    "RAISE",
    "RELATED",
    "Reading",
    "REVIEWER",
    "Relation",
    "SHARED_CONTENT",
    "SHORT_STEM_TAIL",
    "SIMILARITY",
    "TOP_K",
    "WINDOW",
    "Workers",
    "analyse",
    "blocking_of",
    "blocking_recall",
    "candidates",
    "classify",
    "compare",
    "compare_features",
    "different_actors",
    "different_places",
    "exhaustive",
    "features",
    "indexed_keys",
    "judge",
    "judge_features",
    "key_counts",
    "keys_version",
    "link",
    "link_rows",
    "pattern_root",
    "rank",
    "read_claims",
    "reading",
    "reasons_as_written",
    "similarity",
    "sorted_unique",
    "stem",
    "stored_keys",
    "stored_keys_numbered",
    "update_confidence",
    "word_difference",
]

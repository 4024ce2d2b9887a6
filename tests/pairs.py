"""Pairs of statements for the linker's tests."""

from __future__ import annotations

from collections.abc import Sequence


def both_ways(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each pair, then each in the other order: how a pair is judged must not depend on which
    statement comes first."""
    return [*pairs, *((b, a) for a, b in pairs)]

"""Pausing Python's cyclic garbage collector around work that makes many small objects and no
reference cycles: each collection would walk every live object again (every token of a long
article, every feature of a large link run) to free nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The collector paused inside, as it was after (a nested pause leaves it paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

"""How many processes work may use: the cores this process may run on."""

from __future__ import annotations

import os


def available_cores() -> int:
    """Cores this process may run on: fewer than the machine has under taskset or a cpuset."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

"""A claim's confidence moved by its links, with the reasons (`update_confidence`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claims.models import LinkKind, Reason, Status

CORROBORATED = "corroborated by claim"
CONTRADICTED = "contradicted by claim"
REVIEWER = "reviewer:"
# The step a linking run closes a claim's reasons with (delta 0): 'linked: 2 corroborates'.
LINKED = "linked:"
_LINK_LABELS = (CORROBORATED, CONTRADICTED, REVIEWER)
# How far one independent corroboration closes the gap to 1, and one contradiction to 0.
RAISE = 0.25
LOWER = 0.3
# Corroborations beyond this many add nothing more.
MAX_COUNTED = 5


def update_confidence(
    confidence: float,
    reasons: Sequence[Reason],
    links: Iterable[tuple[LinkKind | str, float, int]],
    status: Status | str = Status.unreviewed,
) -> tuple[float, list[Reason]]:
    """A claim's confidence after its links, and the reasons with each step's delta.

    `links` are (kind, score, other claim id). Steps that earlier linking added are replaced,
    so relinking is idempotent. Independent corroboration raises the figure (each closes
    `RAISE` of the gap to 1, by score), contradiction lowers it (`LOWER` of it, by score), a
    duplicate changes nothing; a reviewer's verdict (verified / disputed) overrides all.
    """
    kept = [r for r in reasons if not r.label.startswith(_LINK_LABELS)]
    value = confidence - sum(r.delta for r in reasons if r.label.startswith(_LINK_LABELS))
    # every figure and step is rounded to 4 places: rounding the figure without the links
    # gives it back exactly, so that relinking (a later batch) lands where one run does
    value = round(min(1.0, max(0.0, value)), 4)
    out = list(kept)
    # a kind as text or as a LinkKind (a str) compares as its text: no enum made per link
    ordered = sorted(links, key=lambda x: (x[0], -x[1], x[2]))
    counted = 0
    for kind, score, other in ordered:
        if kind == LinkKind.corroborates and counted < MAX_COUNTED:
            counted += 1
            delta = round((1 - value) * RAISE * score, 4)
            label = f"{CORROBORATED} {other} (independent source)"
        elif kind == LinkKind.contradicts:
            delta = -round(value * LOWER * score, 4)
            label = f"{CONTRADICTED} {other}"
        else:
            continue
        if delta:
            value += delta
            out.append(Reason(label=label, delta=delta))
    status = Status(status)
    if status is Status.verified:
        out.append(Reason(label=f"{REVIEWER} verified", delta=round(1.0 - value, 4)))
        value = 1.0
    elif status is Status.disputed:
        out.append(Reason(label=f"{REVIEWER} disputed", delta=round(0.0 - value, 4)))
        value = 0.0
    return round(min(1.0, max(0.0, value)), 4), out

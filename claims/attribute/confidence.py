"""Confidence: how sure we are of an attribution, with the reasons, and the hedges in a
sentence."""

from __future__ import annotations

from functools import cache

from claims.arabic import normalize
from claims.attribute.lexicons import _hedges
from claims.models import Attribution, Kind, Reason, Speech

BASE_CONFIDENCE = 0.5


def confidence(attribution: Attribution) -> tuple[float, list[Reason]]:
    """A confidence in [0, 1] and the reasons that moved it from the base figure."""
    reasons: list[Reason] = []
    kind = attribution.kind
    if kind is Kind.named_person:
        reasons.append(Reason(label="named source on the record", delta=0.2))
    elif kind is Kind.organization:
        reasons.append(Reason(label="official statement of a body", delta=0.15))
    elif kind is Kind.media:
        reasons.append(Reason(label="reported by another outlet", delta=0.05))
    elif kind is Kind.anonymous:
        reasons.append(Reason(label="anonymous source", delta=-0.15))
    else:
        reasons.append(Reason(label="the outlet's own narration, no source given", delta=0.05))
    if attribution.via:
        reasons.append(Reason(label=f"relayed through {attribution.via}", delta=-0.1))
    if attribution.speech is Speech.direct:
        reasons.append(Reason(label="direct quotation", delta=0.05))
    for hedge in attribution.hedges:
        weight = dict(_hedges()).get(normalize(hedge), 0.1)
        reasons.append(Reason(label=f"hedged: {hedge}", delta=-weight))
    if attribution.continuation:
        reasons.append(Reason(label="source resolved from an earlier sentence", delta=-0.05))
    if attribution.certainty < 1.0:
        reasons.append(
            Reason(
                label="extraction uncertain about the frame",
                delta=round(attribution.certainty - 1.0, 2) / 2,
            )
        )
    value = BASE_CONFIDENCE + sum(r.delta for r in reasons)
    return round(min(1.0, max(0.0, value)), 3), reasons


def find_hedges(form: str) -> list[str]:
    """The hedges in a sentence, from its matching form (`normalize_sentence`)."""
    norm = f" {form} "
    return [word for word, alone, joined in _hedge_patterns() if alone in norm or joined in norm]


@cache
def _hedge_patterns() -> tuple[tuple[str, str, str], ...]:
    """Each hedge, as a word of its own and with و glued in front, made once."""
    return tuple((word, f" {word} ", f" و{word} ") for word, _weight in _hedges())

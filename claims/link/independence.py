"""Claims with who said them (`ClaimRef`): a corroboration that brings no new evidence (the same
source, one relayed via the other, the same article or outlet, a wire republished) is a
`duplicate` (`classify`, `LinkRow`)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import NamedTuple

from pydantic import BaseModel, Field

from claims.arabic import normalize_key
from claims.link.relations import Comparison, Relation, compare
from claims.models import Link, LinkKind


class ClaimRef(BaseModel):
    """What linking needs of a stored claim."""

    id: int
    text: str
    source: Hashable | None = Field(default=None, description="Source entity id or name")
    via: Hashable | None = Field(default=None, description="Intermediary entity id or name")
    doc: str | None = None
    kind: str | None = Field(default=None, description="models.Kind of the attribution")
    outlet: str | None = None


def _entity(value: Hashable | None) -> Hashable | None:
    if isinstance(value, str):
        return normalize_key(value) or None
    return value


class _Who(NamedTuple):
    id: int
    source: Hashable | None
    via: Hashable | None
    doc: str | None
    kind: str | None
    outlet: str | None


def _who(c: ClaimRef) -> _Who:
    return _Who(c.id, _entity(c.source), _entity(c.via), c.doc, c.kind, c.outlet)


def classify(a: ClaimRef, b: ClaimRef, comparison: Comparison | None = None) -> Link | None:
    """The link between two claims, or None if they are unrelated.

    A corroboration is a `duplicate` when it brings no new evidence: the same wording again,
    the same source, one relayed via the other (or both via the same relay), an outlet
    republishing an agency's wire, or two sentences of one article or one outlet agreeing. A
    contradiction inside one article (the two sides quoted) is kept, and says so, when an
    opposition decides it; a few words changed with none opposed there is a duplicate.
    """
    found = _decide(_who(a), _who(b), comparison or compare(a.text, b.text))
    return Link(**found._asdict()) if found else None


class LinkRow(NamedTuple):
    """A link as plain data (what the store writes); `Link` is its pydantic twin."""

    claim_id: int
    other_id: int
    kind: LinkKind
    score: float
    reasons: list[str]


def _decide(a: _Who, b: _Who, comparison: Comparison) -> LinkRow | None:
    if comparison.relation is Relation.unrelated:
        return None
    reasons = list(comparison.reasons)
    kind = LinkKind.contradicts
    if comparison.relation is Relation.corroborates:
        kind = LinkKind.corroborates
        sa, sb, va, vb = a.source, b.source, a.via, b.via
        why = None
        if comparison.reasons[:1] == ["same wording"]:
            why = "the same statement again"
        elif sa is not None and sa == sb:
            why = "the same source"
        elif (va is not None and va == sb) or (vb is not None and vb == sa):
            why = "one relays the other"
        elif va is not None and va == vb:
            why = "both relayed by the same intermediary"
        elif a.doc is not None and a.doc == b.doc:
            why = "the same article"
        elif a.outlet is not None and a.outlet == b.outlet:
            why = "the same outlet"
        elif (
            comparison.score >= 0.9
            and a.doc != b.doc
            and {a.kind, b.kind} <= {"author", "media"}
            and "media" in {a.kind, b.kind}
        ):
            why = "an outlet republishing a wire"
        if why:
            kind = LinkKind.duplicate
            reasons.append(f"duplicate: {why}")
        else:
            reasons.append("independent sources")
    elif a.doc is not None and a.doc == b.doc and comparison.unexplained:
        # One article tells its story more than once (a headline, then its lede with the
        # figures and the source): a few words changed with none opposed is that, no claim
        # against the other.
        kind = LinkKind.duplicate
        # first, for the judge's own reading after it names a contradiction
        reasons.insert(0, "duplicate: the same article, a few words changed, none opposed")
    elif a.doc is not None and a.doc == b.doc:
        reasons.append("within one article: the two sides quoted")
    return LinkRow(a.id, b.id, kind, round(comparison.score, 3), reasons)

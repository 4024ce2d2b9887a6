"""Linking against the store: new claims against all current ones, in one transaction.

A claim is *linked* once its reasons carry the `linked:` step (delta 0) that this module
writes; claims ingested since (or re-extracted by an edit) lack it and are the new ones.
`link_store(store)` compares only pairs that touch a new claim, writes the link table, and
recomputes the confidence and reasons of every claim whose links changed. `all=True`
forgets every link and relinks the whole store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, or_, select, update

from claims import link as linker
from claims.arabic import normalize_key
from claims.models import Reason
from claims.store.engine import Store
from claims.store.tables import ArticleRow, ClaimRow, EntityRow, LinkRow

CLAIM = ClaimRow.__table__
ARTICLE = ArticleRow.__table__
LINK = LinkRow.__table__
ENTITY = EntityRow.__table__
C, A, L, E = CLAIM.c, ARTICLE.c, LINK.c, ENTITY.c

LINKED = "linked:"


@dataclass
class LinkResult:
    """What one linking run did."""

    claims: int
    new: int
    links: dict[str, int]
    updated: int


def _is_linked(reasons: list) -> bool:
    return any(str(r.get("label", "")).startswith(LINKED) for r in reasons or [])


def _reasons(raw: list) -> list[Reason]:
    return [
        Reason.model_validate(r)
        for r in raw or []
        if not str(r.get("label", "")).startswith(LINKED)
    ]


def link_store(
    store: Store, *, all: bool = False, top_k: int | None = linker.TOP_K, workers: int = -1
) -> LinkResult:
    """Link the new claims of the store (every claim with `all`); see the module docstring."""
    with store.session() as session:
        entity_ids = {
            row.key: row.id for row in session.execute(select(E.id, E.key).where(E.scope == ""))
        }
        rows = session.execute(
            select(
                C.id,
                C.claim,
                C.source_id,
                C.source_key,
                C.via,
                C.kind,
                C.reasons,
                C.confidence,
                C.status,
                A.doc,
                A.outlet_key,
            )
            .join(ARTICLE, A.id == C.article_id)
            .where(A.current.is_(True))
            .order_by(C.id)
        ).all()
        if all:
            session.execute(delete(LINK))
        else:
            # claims of superseded article versions keep no links
            stale = (
                select(C.id)
                .join(ARTICLE, A.id == C.article_id)
                .where(A.current.is_(False))
                .scalar_subquery()
            )
            session.execute(delete(LINK).where(or_(L.claim_id.in_(stale), L.other_id.in_(stale))))
        new = [all or not _is_linked(r.reasons) for r in rows]
        new_ids = [r.id for r, is_new in zip(rows, new, strict=True) if is_new]
        if not new_ids:
            return LinkResult(claims=len(rows), new=0, links={}, updated=0)
        if not all:
            for start in range(0, len(new_ids), 500):
                chunk = new_ids[start : start + 500]
                session.execute(
                    delete(LINK).where(or_(L.claim_id.in_(chunk), L.other_id.in_(chunk)))
                )
        refs = []
        for r in rows:
            source = r.source_id if r.source_id is not None else r.source_key
            if source is None and r.kind == "author" and r.outlet_key:
                source = f"outlet:{r.outlet_key}"
            via = normalize_key(r.via) if r.via else None
            refs.append(
                linker.ClaimRef(
                    id=r.id,
                    text=r.claim,
                    source=source,
                    via=entity_ids.get(via, via) if via else None,
                    doc=r.doc,
                    kind=r.kind,
                    outlet=r.outlet_key,
                )
            )
        links = linker.link_rows(refs, new, top_k=top_k, workers=workers)
        if links:
            session.execute(
                LINK.insert(),
                [
                    {
                        "claim_id": x.claim_id,
                        "other_id": x.other_id,
                        "kind": x.kind.value,
                        "score": x.score,
                        "reasons": x.reasons,
                    }
                    for x in links
                ],
            )
        touched = set(new_ids) | {x.claim_id for x in links} | {x.other_id for x in links}
        updated = _refresh(session, [r for r in rows if r.id in touched])
    counts: dict[str, int] = defaultdict(int)
    for x in links:
        counts[x.kind.value] += 1
    return LinkResult(claims=len(rows), new=len(new_ids), links=dict(counts), updated=updated)


def _refresh(session, rows) -> int:
    """Recompute confidence and reasons of `rows` (claim rows) from all their links."""
    ids = [r.id for r in rows]
    by_claim: dict[int, list[tuple[str, float, int]]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for x in session.execute(
            select(L.claim_id, L.other_id, L.kind, L.score).where(
                or_(L.claim_id.in_(chunk), L.other_id.in_(chunk))
            )
        ):
            by_claim[x.claim_id].append((x.kind, x.score, x.other_id))
            by_claim[x.other_id].append((x.kind, x.score, x.claim_id))
    params = []
    for r in rows:
        found = by_claim.get(r.id, [])
        value, reasons = linker.update_confidence(
            r.confidence, _reasons(r.reasons), found, r.status
        )
        kinds = defaultdict(int)
        for kind, _score, _other in found:
            kinds[kind] += 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no related claims"
        reasons.append(Reason(label=f"{LINKED} {summary}", delta=0.0))
        params.append(
            {"_id": r.id, "v_conf": value, "v_reasons": [x.model_dump() for x in reasons]}
        )
    if params:
        session.execute(
            update(CLAIM)
            .where(C.id == bindparam("_id"))
            .values(confidence=bindparam("v_conf"), reasons=bindparam("v_reasons")),
            params,
        )
    return len(params)


def refresh_confidence(store: Store, claim_ids: list[int]) -> int:
    """Recompute the confidence of these claims from their links and review status (call it
    after a reviewer's verdict so that it overrides the figure)."""
    with store.session() as session:
        rows = session.execute(
            select(C.id, C.reasons, C.confidence, C.status).where(C.id.in_(claim_ids))
        ).all()
        return _refresh(session, rows)

"""The source ledger: every source with what became of its claims, aggregated in SQL.

Two levels of grouping in one statement: current claims by entity and outlet, then those rows
into ledger rows. Shared entities (scope '') are one row each; anonymous entities are scoped to
their article, so the second level gathers the ones with the same phrase in the same outlet.
"""

from __future__ import annotations

from sqlalchemy import Select, String, and_, case, cast, func, literal, select, union_all

from claims.arabic import normalize_key
from claims.models import LinkKind, Status
from claims.store.engine import Store
from claims.store.queries import A, C, E, L, _aware, _like, _values
from claims.store.tables import ARTICLE, CLAIM, ENTITY, LINK, SHARED
from claims.store.views import SourceFilter, SourceSort, SourceView

# The CSV columns of `claims sources`, in order (JSON has the same keys).
COLUMNS = (
    "kind",
    "name",
    "outlets",
    "claims",
    "verified",
    "disputed",
    "disputed_share",
    "corroborations",
    "contradictions",
    "last_seen",
    "last_published",
    "entity_ids",
)
# Joins the outlets and entity ids of a ledger row in one aggregate; split again in Python.
SEPARATOR = "\x1f"


def _links_per_claim():
    """Corroborates and contradicts links per claim, at either end, counting only links to
    current claims that are not furniture (an edited article's dropped sentences no longer
    speak for a source)."""
    other = CLAIM.alias("other")
    wanted = (LinkKind.corroborates.value, LinkKind.contradicts.value)

    def ends(end, far):
        return (
            select(end.label("claim_id"), L.kind)
            .select_from(LINK.join(other, other.c.id == far))
            .where(L.kind.in_(wanted), other.c.current.is_(True), other.c.furniture.is_(False))
        )

    links = union_all(ends(L.claim_id, L.other_id), ends(L.other_id, L.claim_id)).subquery()

    def count(kind: LinkKind):
        return func.sum(case((links.c.kind == kind.value, 1), else_=0))

    return (
        select(
            links.c.claim_id,
            count(LinkKind.corroborates).label("corroborations"),
            count(LinkKind.contradicts).label("contradictions"),
        )
        .group_by(links.c.claim_id)
        .subquery()
    )


def _by_entity_and_outlet(flt: SourceFilter):
    """First level: one row per entity and outlet of the articles its current claims are in."""
    links = _links_per_claim()

    def with_status(status: Status):
        return func.sum(case((C.status == status.value, 1), else_=0))

    where = [C.current.is_(True), C.furniture.is_(False)]
    if (kinds := _values(flt.kind)) is not None:
        where.append(E.kind.in_(kinds))
    if flt.search and (needle := normalize_key(flt.search)):
        where.append(E.key.like(_like(needle), escape="\\"))
    return (
        select(
            E.id.label("entity_id"),
            E.kind,
            E.key,
            E.scope,
            E.name,
            A.outlet_key,
            func.min(A.outlet).label("outlet"),
            func.count().label("claims"),
            with_status(Status.verified).label("verified"),
            with_status(Status.disputed).label("disputed"),
            func.coalesce(func.sum(links.c.corroborations), 0).label("corroborations"),
            func.coalesce(func.sum(links.c.contradictions), 0).label("contradictions"),
            func.max(A.ingested_at).label("last_seen"),
            func.max(A.published).label("last_published"),
        )
        .select_from(
            CLAIM.join(ARTICLE, A.id == C.article_id)
            .join(ENTITY, E.id == C.source_id)
            .outerjoin(links, links.c.claim_id == C.id)
        )
        .where(*where)
        .group_by(E.id, E.kind, E.key, E.scope, E.name, A.outlet_key)
        .subquery()
    )


def _ledger(flt: SourceFilter) -> tuple[Select, dict]:
    """Second level: the ledger rows, unordered, and the expressions the orders use."""
    p = _by_entity_and_outlet(flt).c
    anonymous = p.scope != SHARED
    # NULL in the columns a row kind does not use: GROUP BY puts NULLs together.
    row_key = (
        p.kind,
        case((~anonymous, p.entity_id)),
        case((anonymous, p.key)),
        case((anonymous, p.outlet_key)),
        case((and_(anonymous, p.outlet_key.is_(None)), p.scope)),  # no outlet: per article
    )
    claims = func.sum(p.claims)
    verified = func.sum(p.verified)
    disputed = func.sum(p.disputed)
    reviewed = verified + disputed
    last_seen = func.max(p.last_seen)
    key = func.min(p.key)
    stmt = select(
        p.kind,
        func.min(p.name).label("name"),
        func.aggregate_strings(p.outlet, SEPARATOR).label("outlets"),
        claims.label("claims"),
        verified.label("verified"),
        disputed.label("disputed"),
        func.sum(p.corroborations).label("corroborations"),
        func.sum(p.contradictions).label("contradictions"),
        last_seen.label("last_seen"),
        func.max(p.last_published).label("last_published"),
        func.aggregate_strings(cast(p.entity_id, String), SEPARATOR).label("entity_ids"),
    ).group_by(*row_key)
    if flt.outlet and (needle := normalize_key(flt.outlet)):
        in_outlet = p.outlet_key.like(_like(needle), escape="\\")
        stmt = stmt.having(func.sum(case((in_outlet, 1), else_=0)) > 0)

    def share(part):
        # Rows with nothing reviewed come last; then the highest share, the most claims behind it.
        return (reviewed == 0, (part * literal(1.0) / func.nullif(reviewed, 0)).desc(), part.desc())

    orders = {
        SourceSort.claims: (),
        SourceSort.disputed: share(disputed),
        SourceSort.verified: share(verified),
        SourceSort.corroborations: (func.sum(p.corroborations).desc(),),
        SourceSort.contradictions: (func.sum(p.contradictions).desc(),),
        SourceSort.last_seen: (last_seen.desc(),),
        SourceSort.name: (key,),
    }
    # Ties: most claims first, then by name, then the oldest entity: the same order every time.
    ties = (claims.desc(), key, func.min(p.entity_id))
    return stmt, {sort: (*first, *ties) for sort, first in orders.items()}


def _split(joined: str | None) -> list[str]:
    return sorted(set(joined.split(SEPARATOR))) if joined else []


def _view(row) -> SourceView:
    return SourceView(
        kind=row.kind,
        name=row.name,
        outlets=_split(row.outlets),
        claims=row.claims,
        verified=row.verified,
        disputed=row.disputed,
        corroborations=row.corroborations,
        contradictions=row.contradictions,
        last_seen=_aware(row.last_seen) or row.last_seen,
        last_published=row.last_published,
        entity_ids=sorted(int(i) for i in _split(row.entity_ids)),
    )


def sources(
    store: Store,
    flt: SourceFilter | None = None,
    *,
    sort: SourceSort = SourceSort.claims,
    offset: int = 0,
    limit: int | None = None,
) -> list[SourceView]:
    """The rows of the source ledger that pass the filter, in the order asked (all of them
    when `limit` is None). Sources with no current claim are left out."""
    stmt, orders = _ledger(flt or SourceFilter())
    stmt = stmt.order_by(*orders[SourceSort(sort)]).offset(max(offset, 0))
    if limit is not None:
        stmt = stmt.limit(max(limit, 0))
    with store.session() as session:
        return [_view(row) for row in session.execute(stmt)]


def count_sources(store: Store, flt: SourceFilter | None = None) -> int:
    stmt, _orders = _ledger(flt or SourceFilter())
    with store.session() as session:
        return session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()

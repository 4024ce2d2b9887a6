"""The source ledger: every source with what became of its claims, aggregated in SQL.

One statement: each current claim gets the key of its ledger row (a shared entity, scope '', is
a row of its own; anonymous entities are scoped to their article, so the ones with the same
phrase in the same outlet share a row), then claims are counted by row, and links by row.
"""

from __future__ import annotations

import threading

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    union,
    union_all,
)

from claims.arabic import normalize_key
from claims.models import LinkKind, Status
from claims.store.engine import Store, stoppable
from claims.store.queries import A, C, E, L, _aware, _values
from claims.store.search_index import like_anywhere
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
# The links a ledger counts.
WANTED = (LinkKind.corroborates.value, LinkKind.contradicts.value)
# Joins the outlets and entity ids of a ledger row in one aggregate; split again in Python.
SEPARATOR = "\x1f"


def _row_key():
    """The ledger row of a claim, as one string: '#' and the entity id for a shared source;
    for an anonymous one, its kind, key and outlet key (or, without an outlet, its article).
    Keys are words and spaces (normalize_key), so the separators cannot occur inside them."""
    anonymous_row = (
        E.kind
        + SEPARATOR
        + E.key
        + SEPARATOR
        + case((A.outlet_key.is_not(None), "o" + A.outlet_key), else_="d" + E.scope)
    )
    return case((E.scope == SHARED, "#" + cast(E.id, String)), else_=anonymous_row)


def _passes(flt: SourceFilter) -> list[ColumnElement[bool]]:
    """The conditions on a claim's source that the filter sets."""
    where: list[ColumnElement[bool]] = []
    if (kinds := _values(flt.kind)) is not None:
        where.append(E.kind.in_(kinds))
    if flt.search and (needle := normalize_key(flt.search)):
        where.append(like_anywhere(E.key, needle))
    return where


def _claims_of_sources(flt: SourceFilter):
    """Current claims that are not furniture, with their source's ledger row (a CTE)."""
    return (
        select(
            C.id.label("claim_id"),
            _row_key().label("row_key"),
            C.status,
            E.id.label("entity_id"),
            E.kind,
            E.key,
            E.name,
            A.outlet,
            A.outlet_key,
            A.ingested_at,
            A.published,
        )
        .select_from(CLAIM.join(ARTICLE, A.id == C.article_id).join(ENTITY, E.id == C.source_id))
        .where(C.current.is_(True), C.furniture.is_(False), *_passes(flt))
        .cte("claims_of_sources")
    )


def _links_per_row(flt: SourceFilter, claims):
    """Corroborates and contradicts links per ledger row, each link counted once however many
    of the row's claims it joins, and only links between current claims that are not furniture
    (an edited article's dropped sentences no longer speak for a source). `claims`: the
    claims of the rows asked for (`_claims_of_sources`)."""
    if _passes(flt):
        return _counted(_links_of_some_rows(claims))
    return _counted(_links_of_every_row())


def _links_of_some_rows(claims):
    """The links of the claims of a filtered ledger, from each of their ends in turn, made
    unique by row: a few rows' claims lead to few links."""
    other = CLAIM.alias("other")

    def ends(end, far):
        return (
            select(claims.c.row_key, L.id.label("link_id"), L.kind)
            .select_from(LINK.join(claims, claims.c.claim_id == end).join(other, other.c.id == far))
            .where(L.kind.in_(WANTED), other.c.current.is_(True), other.c.furniture.is_(False))
        )

    unique = union(ends(L.claim_id, L.other_id), ends(L.other_id, L.claim_id)).subquery()
    return select(unique.c.row_key, unique.c.kind, literal(1).label("links")).subquery()


def _links_of_every_row():
    """Every link of the whole ledger, read once: the ledger rows of every claim are made once
    (NULL: no source), the links read by their first end with the rows of both ends, and
    counted by pair of rows. A pair counts for the row of its first end, and for that of its
    second when that is another row. (Read from each end in turn and made unique by row, the
    links of a million claims took 12 s of the ledger's 19-21; now 7.)"""
    ends = (
        select(
            C.id.label("claim_id"),
            case((E.id.is_not(None), _row_key())).label("row_key"),
        )
        .select_from(
            CLAIM.join(ARTICLE, A.id == C.article_id).outerjoin(ENTITY, E.id == C.source_id)
        )
        .where(C.current.is_(True), C.furniture.is_(False))
        .cte("link_ends")
        .prefix_with("MATERIALIZED")  # read once, looked up twice a link
    )
    first, second = ends.alias("first_end"), ends.alias("second_end")
    pairs = (
        select(
            first.c.row_key.label("first"),
            second.c.row_key.label("second"),
            L.kind,
            func.count().label("links"),
        )
        .select_from(
            first.join(LINK, L.claim_id == first.c.claim_id).join(
                second, second.c.claim_id == L.other_id
            )
        )
        # "|| ''": SQLite reads the links in the order of their first end, not by kind
        .where(
            L.kind.concat("").in_(WANTED),
            or_(first.c.row_key.is_not(None), second.c.row_key.is_not(None)),
        )
        .group_by(first.c.row_key, second.c.row_key, L.kind)
        .cte("pairs")
    )
    p = pairs.c
    return union_all(
        select(p.first.label("row_key"), p.kind, p.links).where(p.first.is_not(None)),
        select(p.second, p.kind, p.links).where(
            p.second.is_not(None), or_(p.first.is_(None), p.second != p.first)
        ),
    ).subquery()


def _counted(links):
    """Links (row_key, kind, links) summed by row and kind."""

    def count(kind: LinkKind):
        return func.sum(case((links.c.kind == kind.value, links.c.links), else_=0))

    return (
        select(
            links.c.row_key,
            count(LinkKind.corroborates).label("corroborations"),
            count(LinkKind.contradicts).label("contradictions"),
        )
        .group_by(links.c.row_key)
        .subquery()
    )


def _parts(flt: SourceFilter):
    """The claims of the ledger grouped by row, entity and outlet (so that the outlets and
    entity ids are joined once each, not once per claim), and the claims (a CTE)."""
    claims = _claims_of_sources(flt)
    k = claims.c

    def with_status(status: Status):
        return func.sum(case((k.status == status.value, 1), else_=0))

    parts = (
        select(
            k.row_key,
            k.entity_id,
            k.kind,
            k.outlet_key,
            func.min(k.key).label("key"),
            func.min(k.name).label("name"),
            func.min(k.outlet).label("outlet"),
            func.count().label("claims"),
            with_status(Status.verified).label("verified"),
            with_status(Status.disputed).label("disputed"),
            func.max(k.ingested_at).label("last_seen"),
            func.max(k.published).label("last_published"),
        )
        .group_by(k.row_key, k.entity_id, k.kind, k.outlet_key)
        .subquery()
    )
    return parts, claims


def _in_outlet(stmt: Select, flt: SourceFilter, p) -> Select:
    """Only the rows with a claim in the filter's outlet."""
    if flt.outlet and (needle := normalize_key(flt.outlet)):
        in_outlet = like_anywhere(p.outlet_key, needle)
        return stmt.having(func.sum(case((in_outlet, 1), else_=0)) > 0)
    return stmt


def _ledger(flt: SourceFilter) -> tuple[Select, dict]:
    """The ledger rows, unordered, and the orders."""
    parts, claims = _parts(flt)
    p = parts.c
    links = _links_per_row(flt, claims)
    claims_count = func.sum(p.claims)
    verified = func.sum(p.verified)
    disputed = func.sum(p.disputed)
    reviewed = verified + disputed
    corroborations = func.coalesce(func.max(links.c.corroborations), 0)
    contradictions = func.coalesce(func.max(links.c.contradictions), 0)
    last_seen = func.max(p.last_seen)
    key = func.min(p.key)
    stmt = (
        select(
            func.min(p.kind).label("kind"),
            func.min(p.name).label("name"),
            func.aggregate_strings(p.outlet, SEPARATOR).label("outlets"),
            claims_count.label("claims"),
            verified.label("verified"),
            disputed.label("disputed"),
            corroborations.label("corroborations"),
            contradictions.label("contradictions"),
            last_seen.label("last_seen"),
            func.max(p.last_published).label("last_published"),
            func.aggregate_strings(cast(p.entity_id, String), SEPARATOR).label("entity_ids"),
        )
        .select_from(parts.outerjoin(links, links.c.row_key == p.row_key))
        .group_by(p.row_key)
    )
    stmt = _in_outlet(stmt, flt, p)

    def share(part):
        # Rows with nothing reviewed come last; then the highest share, the most claims behind it.
        return (reviewed == 0, (part * literal(1.0) / func.nullif(reviewed, 0)).desc(), part.desc())

    orders = {
        SourceSort.claims: (),
        SourceSort.disputed: share(disputed),
        SourceSort.verified: share(verified),
        SourceSort.corroborations: (corroborations.desc(),),
        SourceSort.contradictions: (contradictions.desc(),),
        SourceSort.last_seen: (last_seen.desc(),),
        SourceSort.name: (key,),
    }
    # Ties: most claims first, then by name, then the oldest entity: the same order every time.
    ties = (claims_count.desc(), key, func.min(p.entity_id))
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
    stop: threading.Event | None = None,
) -> list[SourceView]:
    """The rows of the source ledger that pass the filter, in the order asked (all of them
    when `limit` is None). Sources with no current claim are left out. Raises
    `claims.store.Stopped` when `stop` is set before it ends (`stoppable`)."""
    stmt, orders = _ledger(flt or SourceFilter())
    stmt = stmt.order_by(*orders[SourceSort(sort)]).offset(max(offset, 0))
    if limit is not None:
        stmt = stmt.limit(max(limit, 0))
    with store.session() as session, stoppable(session, stop):
        return [_view(row) for row in session.execute(stmt)]


def count_sources(
    store: Store, flt: SourceFilter | None = None, stop: threading.Event | None = None
) -> int:
    """How many rows `sources` gives, without its link counts (at a million claims, most of
    its time); `stop` as for `sources`."""
    flt = flt or SourceFilter()
    parts, _claims = _parts(flt)
    stmt = _in_outlet(select(parts.c.row_key).group_by(parts.c.row_key), flt, parts.c)
    with store.session() as session, stoppable(session, stop):
        return session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()

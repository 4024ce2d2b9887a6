"""The one door to stored claims: query, page, review, undo, history, related, export.

Every function takes a Store first and returns plain pydantic data. Values always travel
as bound parameters; article text never becomes SQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from functools import partial

from sqlalchemy import (
    BindParameter,
    Connection,
    Row,
    Select,
    and_,
    bindparam,
    delete,
    func,
    or_,
    select,
    tuple_,
    union,
    update,
)
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from claims.arabic import normalize_key, normalize_word
from claims.models import ExportRow, Kind, LinkKind, Reason, Status
from claims.store.engine import Store
from claims.store.search_index import holds, like_anywhere
from claims.store.tables import ARTICLE, CLAIM, ENTITY, LINK, REJECTED_LINK, REVIEW
from claims.store.views import (
    ClaimFilter,
    ClaimView,
    ConflictError,
    NotFound,
    Order,
    RelatedClaim,
    ReviewEntry,
    StoreStats,
    UndoRefused,
)

C = CLAIM.c
A = ARTICLE.c
L = LINK.c
R = REVIEW.c
E = ENTITY.c

_VIEW_COLUMNS = (
    C.id,
    C.article_id,
    A.doc,
    A.title,
    A.outlet,
    A.published,
    A.url,
    C.sentence_index,
    C.char_start,
    C.char_end,
    C.paragraph,
    C.sentence,
    C.claim,
    C.kind,
    C.source,
    C.source_id,
    C.cue,
    C.via,
    C.confidence,
    C.reasons,
    C.speech,
    C.dup_of,
    C.status,
    C.version,
    C.reviewer,
    C.reviewed_at,
    C.note,
)
# Claims with their article, as views are made of them (any claim, current or not).
_VIEWS = select(*_VIEW_COLUMNS).select_from(CLAIM.join(ARTICLE, A.id == C.article_id))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def search_form(text: str) -> str:
    """Text as the search column holds it and queries are matched: each word normalised
    (hamza, ta marbuta, diacritics... folded) and words joined by single spaces."""
    return " ".join(map(normalize_word, text.split()))  # map: no generator frame per word


def _values(value) -> list | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    return [getattr(item, "value", item) for item in items]


def _has_link(kind: LinkKind):
    """Claims at either end of a link of this kind (each end read through its own index)."""
    ends = union(
        select(L.claim_id).where(L.kind == kind.value),
        select(L.other_id).where(L.kind == kind.value),
    )
    return C.id.in_(select(ends.subquery().c[0]))


def _where(flt: ClaimFilter) -> list:
    clauses: list = [C.furniture.is_(False)]  # a recurring passage is never a claim
    article_id: int | None = None
    if flt.article is not None:
        if isinstance(flt.article, int) or str(flt.article).isdigit():
            article_id = int(flt.article)
            clauses.append(C.article_id == article_id)
        else:
            clauses.append(C.article_id.in_(select(A.id).where(A.doc == flt.article)))
    if article_id is None and not flt.include_superseded:
        clauses.append(C.current.is_(True))
    if flt.up_to_article is not None:
        # the pin holds every claim but those stored since: a range no index should seek
        # ("+ 0" keeps SQLite from it); seeking it, SQLite sorted a million claims to show 50
        # by confidence (1.6 s), and counted them through the table (1.06 s)
        clauses.append(C.article_id + 0 <= flt.up_to_article)
    if (statuses := _values(flt.status)) is not None:
        clauses.append(C.status.in_(statuses))
    if (kinds := _values(flt.kind)) is not None:
        clauses.append(C.kind.in_(kinds))
    if flt.source:
        clauses.append(holds(C.source_key, normalize_key(flt.source)))
    if (source_ids := _values(flt.source_id)) is not None:
        clauses.append(C.source_id.in_(source_ids))
    if flt.outlet:
        outlets = select(A.id).where(
            A.current.is_(True),
            like_anywhere(A.outlet_key, normalize_key(flt.outlet)),
        )
        clauses.append(C.article_id.in_(outlets))
    if flt.search and (needle := search_form(flt.search)):
        clauses.append(holds(C.search, needle))
    if flt.contradicted is not None:
        has = _has_link(LinkKind.contradicts)
        clauses.append(has if flt.contradicted else ~has)
    if flt.corroborated is not None:
        has = _has_link(LinkKind.corroborates)
        clauses.append(has if flt.corroborated else ~has)
    if flt.reviewer is not None:
        clauses.append(C.reviewer == flt.reviewer)
    if flt.speech is not None:
        clauses.append(C.speech == flt.speech.value)
    if flt.min_confidence is not None:
        clauses.append(C.confidence >= flt.min_confidence)
    if flt.max_confidence is not None:
        clauses.append(C.confidence <= flt.max_confidence)
    if flt.hide_duplicates:  # a copy whose first printing is a claim is reviewed with it
        first = CLAIM.alias("first_printing").c
        printed_before = select(first.id).where(
            first.article_id == C.article_id,
            first.sentence_index == C.dup_of,
            first.furniture.is_(False),
        )
        clauses.append(or_(C.dup_of.is_(None), ~printed_before.exists()))
    return clauses


def _base(columns, flt: ClaimFilter) -> Select:
    return (
        select(*columns).select_from(CLAIM.join(ARTICLE, A.id == C.article_id)).where(*_where(flt))
    )


def _ordered(stmt: Select, order: Order, *, backwards: bool = False) -> Select:
    """The claims in `order`, or from its last claim back to its first (`backwards`)."""
    if order == "confidence":  # highest first: one index, read backwards
        columns, descending = [C.confidence, C.id], True
    elif order == "position":
        columns, descending = [C.article_id, C.sentence_index, C.id], False
    else:
        raise ValueError(f"unknown order {order!r}: use 'position' or 'confidence'")
    return stmt.order_by(*(c.desc() if descending != backwards else c.asc() for c in columns))


def _after(order: Order, key: tuple):
    """The claims after the one whose sort key is `key` in `order`: a keyset, read from the
    order's index wherever the page starts. Position: (article_id, sentence index, id);
    confidence: (confidence, id), highest first."""
    if order == "confidence":  # row values: the index is searched from the key, ties too
        return tuple_(C.confidence, C.id) < tuple_(*key)
    return tuple_(C.article_id, C.sentence_index, C.id) > tuple_(*key)


def _key(order: Order, view: ClaimView) -> tuple:
    if order == "confidence":
        return (view.confidence, view.id)
    return (view.article_id, view.index, view.id)


def _link_counts(session: Session, ids: list[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {i: {} for i in ids}
    if not ids:
        return counts
    wanted = (LinkKind.corroborates.value, LinkKind.contradicts.value)
    for end, other in ((L.claim_id, L.other_id), (L.other_id, L.claim_id)):
        # the kinds are picked here, not in the query: given both, SQLite searched the links
        # by kind (two kinds of three) instead of by claim: 0.7-0.85 s for a page of 50
        # claims of a store of a million with 3.9M links, against 0.0008 s
        rows = session.execute(
            select(end, L.kind, func.count(func.distinct(other)))
            .where(end.in_(ids))
            .group_by(end, L.kind)
        )
        for claim_id, kind, n in rows:
            if kind in wanted:
                counts[claim_id][kind] = counts[claim_id].get(kind, 0) + n
    return counts


def _printed(session: Session, rows: list) -> Counter[tuple[int, int]]:
    """How many copies of each of these claims' sentences their articles print after the
    first, by (article, index of the first printing)."""
    articles = {row.article_id for row in rows}
    if not articles:
        return Counter()
    return Counter(
        {
            (article_id, first): n
            for article_id, first, n in session.execute(
                select(C.article_id, C.dup_of, func.count())
                .where(C.article_id.in_(articles), C.dup_of.is_not(None), C.furniture.is_(False))
                .group_by(C.article_id, C.dup_of)
            )
        }
    )


def _view(row, counts: dict[str, int] | None = None, printed: int = 1) -> ClaimView:
    counts = counts or {}
    return ClaimView(
        id=row.id,
        article_id=row.article_id,
        doc=row.doc,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        url=row.url,
        index=row.sentence_index,
        start=row.char_start,
        end=row.char_end,
        paragraph=row.paragraph,
        sentence=row.sentence,
        claim=row.claim,
        kind=row.kind,
        source=row.source,
        source_id=row.source_id,
        cue=row.cue,
        via=row.via,
        confidence=row.confidence,
        reasons=row.reasons or [],
        speech=row.speech,
        dup_of=row.dup_of,
        status=row.status,
        version=row.version,
        reviewer=row.reviewer,
        reviewed_at=_aware(row.reviewed_at),
        note=row.note,
        n_corroborating=counts.get(LinkKind.corroborates.value, 0),
        n_contradicting=counts.get(LinkKind.contradicts.value, 0),
        printed=printed,
    )


def _views(session: Session, rows: Iterable) -> list[ClaimView]:
    rows = list(rows)
    counts = _link_counts(session, [row.id for row in rows])
    copies = _printed(session, rows)
    return [
        _view(row, counts[row.id], 1 + copies[(row.article_id, _first_printing(row))])
        for row in rows
    ]


def _first_printing(row) -> int:
    """The index of the first printing of the claim's sentence in its article."""
    return row.sentence_index if row.dup_of is None else row.dup_of


def query_claims(
    store: Store,
    flt: ClaimFilter | None = None,
    *,
    order: Order = "position",
    offset: int = 0,
    limit: int = 50,
    after: ClaimView | None = None,
    from_end: bool = False,
) -> list[ClaimView]:
    """One page of the claims that pass the filter, in article order or by confidence.

    Pages by `offset` (rows to skip: any page at once, but the rows skipped are read), or
    by `after`: the last claim of the previous page, so that the next page starts where
    that one ended and costs the same however deep it is (the order must be the same).
    With `from_end`, `offset` counts from the view's last claim: the pages near the end of a
    million claims are read from that end (the page itself still in `order`).
    """
    if after is not None and from_end:
        raise ValueError("a page is read after a cursor or from the end, not both")
    flt = flt or ClaimFilter()
    stmt = _ordered(_base(_VIEW_COLUMNS, flt), order, backwards=from_end)
    if after is not None:
        stmt = stmt.where(_after(order, _key(order, after)))
    stmt = stmt.offset(max(offset, 0)).limit(max(limit, 0))
    with store.session() as session:
        views = _views(session, session.execute(stmt))
    return views[::-1] if from_end else views


def count_claims(store: Store, flt: ClaimFilter | None = None) -> int:
    """How many claims pass the filter. Every claim has its article and the filter reads
    articles in subqueries, so the count needs no join: it is read from the claim's count
    index alone (`ix_claim_current_count`)."""
    with store.session() as session:
        return session.execute(count_statement(flt or ClaimFilter())).scalar_one()


def count_statement(flt: ClaimFilter) -> Select:
    """The query counting a view (its plan is tested: a count index, no table)."""
    return select(func.count()).select_from(CLAIM).where(*_where(flt))


def last_article_id(store: Store) -> int:
    """The id of the article stored last (0 in an empty store): what a view is pinned to."""
    with store.session() as session:
        return session.execute(select(func.coalesce(func.max(A.id), 0))).scalar_one()


def _get(session: Session, claim_id: int) -> ClaimView:
    row = session.execute(_VIEWS.where(C.id == claim_id)).one_or_none()
    if row is None:
        raise NotFound(f"No claim with id {claim_id}")
    return _views(session, [row])[0]


def get_claims(store: Store, claim_ids: Sequence[int]) -> list[ClaimView]:
    """The claims with these ids (a page's worth) that exist, in the order of the ids."""
    with store.session() as session:
        rows = {row.id: row for row in session.execute(_VIEWS.where(C.id.in_(list(claim_ids))))}
        return _views(session, [rows[cid] for cid in claim_ids if cid in rows])


def get_claim(store: Store, claim_id: int) -> ClaimView:
    with store.session() as session:
        return _get(session, claim_id)


def paragraph_of(store: Store, claim_id: int) -> tuple[str, int, int]:
    """The paragraph around a claim's sentence, and the sentence's offsets within it.

    The paragraph spans the lines that hold the article's sentences numbered with the same
    paragraph, so a paragraph wrapped over several lines stays whole.
    """
    with store.session() as session:
        row = session.execute(
            select(C.article_id, C.paragraph, C.char_start, C.char_end, A.text)
            .select_from(CLAIM.join(ARTICLE, A.id == C.article_id))
            .where(C.id == claim_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"No claim with id {claim_id}")
        lo, hi = session.execute(
            select(func.min(C.char_start), func.max(C.char_end)).where(
                C.article_id == row.article_id, C.paragraph == row.paragraph
            )
        ).one()
    text: str = row.text
    lo = min(lo, row.char_start)
    hi = max(hi, row.char_end)
    begin = text.rfind("\n", 0, lo) + 1
    finish = text.find("\n", hi)
    finish = len(text) if finish == -1 else finish
    return text[begin:finish], row.char_start - begin, row.char_end - begin


def _conflict(session: Session, claim_id: int, expected_version: int) -> ConflictError:
    current = _get(session, claim_id)
    last = session.execute(
        select(R.reviewer, R.at).where(R.claim_id == claim_id).order_by(R.id.desc()).limit(1)
    ).one_or_none()
    by, at = (last.reviewer, _aware(last.at)) if last else (None, None)
    return ConflictError(claim_id, expected_version, current, by, at)


def recompute_confidence(
    session: Session | Connection, claim_id: int, *, linked: bool = True
) -> None:
    """Recompute one claim's confidence and reasons (`recompute_confidences`)."""
    recompute_confidences(session, [claim_id], linked=linked)


# Claims whose confidences are recomputed together: their ids make one IN (...) list.
RECOMPUTED_AT_ONCE = 500
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_CONFIDENCE_OF = select(C.id, C.confidence, C.reasons, C.status).where(C.id.in_(_IDS))
_LINKS_OF = select(L.claim_id, L.other_id, L.kind, L.score).where(
    or_(L.claim_id.in_(_IDS), L.other_id.in_(_IDS))
)
# Parameters: `_id`, `v_confidence` and `v_reasons` (`confidence_from_links`).
SET_CONFIDENCE = (
    update(CLAIM)
    .where(C.id == bindparam("_id"))
    .values(confidence=bindparam("v_confidence"), reasons=bindparam("v_reasons"))
)


def confidence_from_links(
    row: Row, links: Sequence[tuple[str, float, int]], marks: list[dict]
) -> dict:
    """The parameters of SET_CONFIDENCE for a claim `row` (id, confidence, reasons, status)
    with these links, by the linker's rule: its reasons less their `linked:` summary, the
    links' steps, a verdict's, then `marks` (the summary a run writes, or the one kept)."""
    # The linker's modules load the linking rules: only when a verdict needs them.
    from claims.link import LINKED, update_confidence

    steps = [
        Reason.model_construct(label=r["label"], delta=r["delta"])  # as this store wrote them
        for r in row.reasons or []
        if not str(r.get("label", "")).startswith(LINKED)
    ]
    value, reasons = update_confidence(row.confidence, steps, links, row.status)
    return {
        "_id": row.id,
        "v_confidence": value,
        "v_reasons": [{"label": x.label, "delta": x.delta} for x in reasons] + marks,
    }


# A claim's links as `update_confidence` reads them: (kind, score, the other claim), by claim.
LinksOf = dict[int, list[tuple[str, float, int]]]


def links_of(session: Session | Connection, claim_ids: Sequence[int]) -> LinksOf:
    """The links of these claims, by claim: a link between two of them is read for each end."""
    by_claim: LinksOf = defaultdict(list)
    for start in range(0, len(claim_ids), RECOMPUTED_AT_ONCE):
        chunk = claim_ids[start : start + RECOMPUTED_AT_ONCE]
        wanted = set(chunk)
        for one, other, kind, score in session.execute(_LINKS_OF, {"ids": list(chunk)}):
            if one in wanted:
                by_claim[one].append((kind, score, other))
            if other in wanted and other != one:
                by_claim[other].append((kind, score, one))
    return by_claim


def recompute_confidences(
    session: Session | Connection, claim_ids: Iterable[int], *, linked: bool = True
) -> None:
    """Recompute these claims' confidence and reasons from their links and their review
    status, in the caller's transaction, by the linker's rule: a verdict (verified /
    disputed) overrides the figure, and going back to unreviewed gives the figure of the links
    back. The `linked:` summary step (delta 0) is kept as it was, or dropped when the claims
    are no longer `linked` (they became furniture). Three statements for each
    RECOMPUTED_AT_ONCE claims, not three a claim: an article that makes a hundred passages
    furniture recomputes them and their partners at once."""
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), RECOMPUTED_AT_ONCE):
        chunk = ids[start : start + RECOMPUTED_AT_ONCE]
        rows = session.execute(_CONFIDENCE_OF, {"ids": chunk}).all()
        if len(rows) < len(chunk):
            missing = sorted(set(chunk) - {row.id for row in rows})
            raise NoResultFound(f"no claim {', '.join(map(str, missing))}")
        links = links_of(session, chunk)
        params = [
            confidence_from_links(
                row, links.get(row.id, []), link_marks(row.reasons) if linked else []
            )
            for row in rows
        ]
        session.execute(SET_CONFIDENCE, params)


def link_marks(reasons: list | None) -> list[dict]:
    """The linker's summary steps (delta 0) among a claim's stored reasons."""
    from claims.link import LINKED  # the linker's package: only where links are recomputed

    return [r for r in reasons or [] if str(r.get("label", "")).startswith(LINKED)]


def _change(
    store: Store,
    claim_id: int,
    *,
    action: str,
    reviewer: str,
    expected_version: int,
    status: Status | None = None,
    note: str | None = None,
) -> ClaimView:
    """Apply one review action if the claim is still at `expected_version`, with its history
    row; tried again while other writers hold the store."""
    if not reviewer or not reviewer.strip():
        raise ValueError("A reviewer name is required")

    def once() -> ClaimView:
        with store.session() as session:
            before = session.execute(
                select(C.status, C.note, C.reviewer, C.reviewed_at, C.version).where(
                    C.id == claim_id
                )
            ).one_or_none()
            if before is None:
                raise NotFound(f"No claim with id {claim_id}")
            if before.version != expected_version:
                raise _conflict(session, claim_id, expected_version)
            now = utcnow()
            act = partial(_apply, session, action=action, reviewer=reviewer, now=now, note=note)
            given = act(claim_id, before, status=status)
            if status is not None:
                # the copies of the sentence the page prints again get the verdict too
                verdict = Status(status).value
                for copy in _copies(session, claim_id):
                    if copy.status != verdict or (note is not None and copy.note != note):
                        act(copy.id, copy, status=status, carried_from=given)
            return _get(session, claim_id)

    what = "verdict" if status is not None else "note"
    return store.retrying(once, f"saving the {what} on claim {claim_id}")


def _copies(session: Session, claim_id: int) -> Sequence[Row]:
    """The other claims of the claim's article that are its sentence printed again by the
    page (each copy's `dup_of` names the first), as they stand, in id order."""
    row = session.execute(
        select(C.article_id, C.sentence_index, C.dup_of).where(C.id == claim_id)
    ).one()
    first = _first_printing(row)
    return session.execute(
        select(C.id, C.status, C.note, C.reviewer, C.reviewed_at, C.version)
        .where(
            C.article_id == row.article_id,
            C.id != claim_id,
            C.furniture.is_(False),
            or_(C.sentence_index == first, C.dup_of == first),
        )
        .order_by(C.id)
    ).all()


def _apply(
    session: Session,
    claim_id: int,
    before: Row,
    *,
    action: str,
    reviewer: str,
    now: datetime,
    status: Status | None = None,
    note: str | None = None,
    carried_from: int | None = None,
) -> int:
    """Write one review action on a claim that stands as `before` (status, note, reviewer,
    reviewed_at and version, as read in this transaction), guarded by that version, with its
    history row (`carried_from`: the row of the verdict this one carries to a copy of its
    sentence). Returns the history row's id."""
    values: dict = {"version": before.version + 1}
    new_status = before.status
    if status is not None:
        new_status = Status(status).value
        values |= {"status": new_status, "reviewer": reviewer, "reviewed_at": now}
    if note is not None:
        values["note"] = note
    result = session.execute(
        update(CLAIM).where(C.id == claim_id, C.version == before.version).values(**values)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]  # someone else committed between our read and our write
        raise _conflict(session, claim_id, before.version)
    if new_status != before.status:
        recompute_confidence(session, claim_id)
    return session.execute(
        REVIEW.insert().values(
            claim_id=claim_id,
            action=action,
            old_status=before.status,
            new_status=new_status,
            old_note=before.note,
            note=note,
            prev_reviewer=before.reviewer,
            prev_reviewed_at=before.reviewed_at,
            reviewer=reviewer,
            at=now,
            version=before.version + 1,
            carried_from=carried_from,
        )
    ).inserted_primary_key[0]  # type: ignore[attr-defined]


def set_status(
    store: Store,
    claim_id: int,
    status: Status,
    *,
    reviewer: str,
    expected_version: int,
    note: str | None = None,
) -> ClaimView:
    """Set a claim's status (and note), if nobody changed it since version `expected_version`.

    The verdict overrides the claim's confidence in the same transaction (verified 1, disputed
    0, with a `reviewer:` reason; unreviewed gives the figure of its links back), and carries
    to the copies of its sentence that the page prints again (each with its history row).
    Raises ConflictError, naming who changed it, when the version moved; nothing is written then.
    """
    return _change(
        store,
        claim_id,
        action="status",
        reviewer=reviewer,
        expected_version=expected_version,
        status=status,
        note=note,
    )


def add_note(
    store: Store, claim_id: int, note: str, *, reviewer: str, expected_version: int
) -> ClaimView:
    """Replace the claim's note; the status stays. Same concurrency rule as set_status."""
    return _change(
        store,
        claim_id,
        action="note",
        reviewer=reviewer,
        expected_version=expected_version,
        note=note,
    )


def reject_link(store: Store, claim_id: int, other_id: int, *, reviewer: str, reason: str) -> int:
    """A reviewer says two claims are not linked, and why: their link is dropped, both get
    their confidence back without it, and no later linking run makes it again. Returns how
    many link rows were dropped; NotFound when the two claims are not linked."""
    if not reviewer.strip() or not reason.strip():
        raise ValueError("Rejecting a link needs a reviewer and a reason")
    low, high = sorted((claim_id, other_id))
    between = or_(
        and_(L.claim_id == low, L.other_id == high), and_(L.claim_id == high, L.other_id == low)
    )

    def once() -> int:
        with store.session() as session:
            kinds = session.execute(select(L.kind).where(between)).scalars().all()
            if not kinds:
                raise NotFound(f"Claims {claim_id} and {other_id} are not linked")
            session.execute(
                REJECTED_LINK.insert().values(
                    claim_id=low,
                    other_id=high,
                    kind=kinds[0],
                    reviewer=reviewer,
                    reason=reason,
                    at=utcnow(),
                )
            )
            session.execute(delete(LINK).where(between))
            recompute_confidences(session, (low, high))
            return len(kinds)

    return store.retrying(once, f"rejecting the link of claims {low} and {high}")


def rejected_pairs(session: Session | Connection) -> set[tuple[int, int]]:
    """The pairs of claims (lower id first) reviewers said are not linked."""
    return {(row.claim_id, row.other_id) for row in session.execute(select(REJECTED_LINK))}


def undo_last(store: Store, *, reviewer: str) -> ClaimView | None:
    """Revert this reviewer's last action not yet undone (a verdict together with the copies
    of its sentence it was carried to); None when there is nothing to undo.

    Only while that action is still the claim's newest standing one (not undone): raises
    UndoRefused, writing nothing, when anyone acted on the claim after it, so an undo never
    reaches past another reviewer's verdict or note. The undo is itself a history row, and
    the confidence follows the status back. Raises ConflictError if someone writes meanwhile.
    """
    return store.retrying(
        lambda: _undo_once(store, reviewer), f"undoing the last action of {reviewer}"
    )


def _undo_once(store: Store, reviewer: str) -> ClaimView | None:
    with store.session() as session:
        undone = select(R.undoes).where(R.undoes.is_not(None)).scalar_subquery()
        standing = (R.action != "undo", R.id.not_in(undone))
        last = session.execute(
            select(REVIEW).where(R.reviewer == reviewer, *standing).order_by(R.id.desc()).limit(1)
        ).one_or_none()
        if last is None:
            return None
        # A verdict and the copies it was carried to are one action: taken back together.
        given = last.carried_from if last.carried_from is not None else last.id
        actions = session.execute(
            select(REVIEW)
            .where(or_(R.id == given, R.carried_from == given), *standing)
            .order_by(R.id)
        ).all()
        # Read before the checks below: each write is guarded by this version, so an action
        # that lands after the check makes it a conflict instead of being silently reverted.
        versions = {
            row.id: row.version
            for row in session.execute(
                select(C.id, C.version).where(C.id.in_([a.claim_id for a in actions]))
            )
        }
        for action in actions:
            newest = session.execute(
                select(R.id, R.reviewer, R.action)
                .where(R.claim_id == action.claim_id, *standing)
                .order_by(R.id.desc())
                .limit(1)
            ).one()
            if newest.id != action.id:
                raise UndoRefused(
                    action.claim_id,
                    _get(session, action.claim_id),
                    newest.reviewer,
                    newest.action,
                )
        for action in actions:
            _revert(session, action, versions[action.claim_id], reviewer)
        return _get(session, actions[0].claim_id)


def _revert(session: Session, action, version: int, reviewer: str) -> None:
    """Put the claim back as it was before history row `action`, with an undo row."""
    result = session.execute(
        update(CLAIM)
        .where(C.id == action.claim_id, C.version == version)
        .values(
            status=action.old_status,
            note=action.old_note,
            reviewer=action.prev_reviewer,
            reviewed_at=action.prev_reviewed_at,
            version=version + 1,
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise _conflict(session, action.claim_id, version)
    if action.old_status != action.new_status:
        recompute_confidence(session, action.claim_id)
    session.execute(
        REVIEW.insert().values(
            claim_id=action.claim_id,
            action="undo",
            old_status=action.new_status,
            new_status=action.old_status,
            old_note=action.note if action.note is not None else action.old_note,
            note=action.old_note,
            prev_reviewer=reviewer,
            prev_reviewed_at=None,
            reviewer=reviewer,
            at=utcnow(),
            version=version + 1,
            undoes=action.id,
        )
    )


def history(store: Store, claim_id: int) -> list[ReviewEntry]:
    """The claim's review history, oldest first."""
    with store.session() as session:
        rows = session.execute(select(REVIEW).where(R.claim_id == claim_id).order_by(R.id)).all()
        given = [row.carried_from for row in rows if row.carried_from is not None]
        given_on = {
            row.id: row.claim_id
            for row in session.execute(select(R.id, R.claim_id).where(R.id.in_(given)))
        }
        return [
            ReviewEntry(
                id=row.id,
                claim_id=row.claim_id,
                action=row.action,
                old_status=row.old_status,
                new_status=row.new_status,
                note=row.note,
                reviewer=row.reviewer,
                at=_aware(row.at) or row.at,
                version=row.version,
                undoes=row.undoes,
                carried_from=given_on.get(row.carried_from),
            )
            for row in rows
        ]


def related(store: Store, claim_id: int) -> list[RelatedClaim]:
    """Claims linked to this one, in either direction, strongest first; the reasons quote the
    two claims' words as they write them (the link stores their matching forms)."""
    with store.session() as session:
        links = session.execute(
            select(L.claim_id, L.other_id, L.kind, L.score, L.reasons)
            .where(or_(L.claim_id == claim_id, L.other_id == claim_id))
            .order_by(L.score.desc(), L.id)
        ).all()
        if not links:
            return []
        others = {link.other_id if link.claim_id == claim_id else link.claim_id for link in links}
        rows = session.execute(_VIEWS.where(C.id.in_(others | {claim_id})))
        views = {view.id: view for view in _views(session, rows)}
    # the linker is loaded the first time a link is shown (0.04 s warm; not its modules that
    # load numpy: `claims.link`), never for a store without links
    from claims.link import reasons_as_written

    text = views[claim_id].claim if claim_id in views else ""
    return [
        RelatedClaim(
            claim=views[other],
            kind=link.kind,
            score=link.score,
            reasons=reasons_as_written(link.reasons or [], text, views[other].claim),
        )
        for link in links
        if (other := link.other_id if link.claim_id == claim_id else link.claim_id) in views
        and other != claim_id
    ]


def _linked_ids(session: Session, ids: list[int]) -> dict[tuple[int, str], list[int]]:
    found: dict[tuple[int, str], set[int]] = {}
    if ids:
        for end, other in ((L.claim_id, L.other_id), (L.other_id, L.claim_id)):
            for claim_id, kind, other_id in session.execute(
                select(end, L.kind, other).where(end.in_(ids))
            ):
                found.setdefault((claim_id, kind), set()).add(other_id)
    return {key: sorted(values) for key, values in found.items()}


def iter_claims(
    store: Store, flt: ClaimFilter | None = None, order: Order = "position", chunk: int = 500
) -> Iterator[tuple[ClaimView, dict[str, list[int]]]]:
    """Every claim passing the filter with the ids it links to by kind, read in chunks by
    keyset so that memory stays flat and a long export never rereads what it skipped."""
    flt = flt or ClaimFilter()
    last: ClaimView | None = None
    while True:
        stmt = _ordered(_base(_VIEW_COLUMNS, flt), order).limit(chunk)
        if last is not None:
            stmt = stmt.where(_after(order, _key(order, last)))
        with store.session() as session:
            rows = session.execute(stmt).all()
            if not rows:
                return
            views = _views(session, rows)
            linked = _linked_ids(session, [row.id for row in rows])
        for view in views:
            yield view, {kind.value: linked.get((view.id, kind.value), []) for kind in LinkKind}
        if len(rows) < chunk:
            return
        last = views[-1]


def export_row(view: ClaimView, linked: dict[str, list[int]]) -> ExportRow:
    def ids(kind: LinkKind) -> str:
        return " ".join(str(i) for i in linked.get(kind.value, []))

    return ExportRow(
        claim_id=view.id,
        article=view.doc,
        url=view.url,
        outlet=view.outlet,
        published=view.published,
        sentence=view.sentence,
        claim=view.claim,
        source=view.source,
        source_kind=view.kind,
        cue=view.cue,
        via=view.via,
        confidence=view.confidence,
        status=view.status,
        reviewer=view.reviewer,
        reviewed_at=view.reviewed_at.isoformat(timespec="seconds") if view.reviewed_at else None,
        note=view.note,
        corroborated_by=ids(LinkKind.corroborates),
        contradicted_by=ids(LinkKind.contradicts),
    )


def export_rows(
    store: Store, flt: ClaimFilter | None = None, order: Order = "position"
) -> Iterator[ExportRow]:
    """The export records of every claim passing the filter, streamed."""
    for view, linked in iter_claims(store, flt, order):
        yield export_row(view, linked)


def stats(store: Store) -> StoreStats:
    with store.session() as session:

        def grouped(column, *where) -> dict[str, int]:
            stmt = select(column, func.count()).group_by(column)
            if where:
                stmt = stmt.where(*where)
            return {str(key): n for key, n in session.execute(stmt)}

        current = and_(C.current.is_(True), C.furniture.is_(False))
        return StoreStats(
            articles=session.execute(
                select(func.count()).select_from(ARTICLE).where(A.current.is_(True))
            ).scalar_one(),
            versions=session.execute(select(func.count()).select_from(ARTICLE)).scalar_one(),
            claims=session.execute(
                select(func.count()).select_from(CLAIM.join(ARTICLE)).where(current)
            ).scalar_one(),
            by_kind={k.value: 0 for k in Kind} | grouped(C.kind, current),
            by_status={s.value: 0 for s in Status} | grouped(C.status, current),
            entities=grouped(E.kind),
            links=grouped(L.kind),
            reviews=session.execute(select(func.count()).select_from(REVIEW)).scalar_one(),
        )

"""The store learns its outlets' page furniture from every article it holds (`claims.boilerplate`).

Each current article of a known outlet has its sentences in `passage`, by the digest of their
passage key. A passage found on enough of the outlet's distinct article texts is furniture, and
every current claim that is that passage has `furniture` set: it leaves lists, exports, counts
and the linker, and its links go (a recurring passage is never a claim and never a
corroboration). The flag is always what the articles held now say, whatever order they came
in: storing an article recounts its passages and those of the version it replaces, and sets
or clears the flag of every claim whose passage crossed its threshold.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import (
    BindParameter,
    Connection,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from claims.boilerplate import (
    FURNITURE_ARTICLES,
    PROSE_ARTICLES,
    is_recurring,
    passage_key,
    sentence_passages,
)
from claims.models import ExtractedArticle
from claims.store.engine import LINKING, OUTLET_PASSAGES, hold_lock
from claims.store.queries import recompute_confidences
from claims.store.tables import CLAIM, LINK, LINK_INDEX, PASSAGE

C, L, K, P = CLAIM.c, LINK.c, LINK_INDEX.c, PASSAGE.c

# Counting stops one page beyond what any shape of passage needs: a passage on more pages than
# that was furniture before the article came and stays so after, so of its claims only the
# article's own can change. Storing an article then costs the same however many pages print
# its outlet's furniture.
PAGES_COUNTED = max(FURNITURE_ARTICLES, PROSE_ARTICLES) + 1
FEWEST_PAGES_NEEDED = min(FURNITURE_ARTICLES, PROSE_ARTICLES)
# Passages counted per statement; a shorter batch repeats its last passage, so that the one
# statement, built and compiled once, serves every batch.
COUNT_BATCH = 32

_INSERT = insert(PASSAGE)
_FORGET = delete(PASSAGE).where(P.article_id == bindparam("_id")).returning(P.outlet_key, P.digest)
_COUNT = select(
    *(
        select(func.count())
        .select_from(
            select(P.content_hash)
            .where(P.outlet_key == bindparam("outlet"), P.digest == bindparam(f"d{n}"))
            .distinct()
            .limit(PAGES_COUNTED)
            .subquery()
        )
        .scalar_subquery()
        .label(f"n{n}")
        for n in range(COUNT_BATCH)
    )
)
_CLAIMS = select(C.id, C.sentence, C.furniture, P.digest).select_from(
    PASSAGE.join(CLAIM, and_(C.article_id == P.article_id, C.sentence_index == P.sentence_index))
)
_DIGESTS: BindParameter[list[str]] = bindparam("digests", expanding=True)
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_CLAIMS_OF_ARTICLE = _CLAIMS.where(P.article_id == bindparam("article"), P.digest.in_(_DIGESTS))
_CLAIMS_OF_OUTLET = _CLAIMS.where(P.outlet_key == bindparam("outlet"), P.digest.in_(_DIGESTS))
_FLAG = update(CLAIM).where(C.id.in_(_IDS)).values(furniture=bindparam("furniture"))
_LINKS_OF = or_(L.claim_id.in_(_IDS), L.other_id.in_(_IDS))
_LINKED = select(L.claim_id, L.other_id).where(_LINKS_OF)
_UNLINK = delete(LINK).where(_LINKS_OF)
_UNINDEX = delete(LINK_INDEX).where(K.claim_id.in_(_IDS))


def passage_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def record(
    conn: Connection,
    article_id: int,
    outlet_key: str | None,
    extracted: ExtractedArticle,
    replaced: int | None,
) -> None:
    """In the transaction that stores article version `article_id` (replacing the version
    `replaced`, if any): forget the passages of the replaced version, write this one's, and
    bring the `furniture` flag of the claims of every passage concerned up to date."""
    concerned: dict[str, set[str]] = defaultdict(set)
    lost: set[str] = set()  # passages that lost a page: the replaced version's
    if replaced is not None:
        for outlet, digest in conn.execute(_FORGET, {"_id": replaced}):
            concerned[outlet].add(digest)
            lost.add(digest)
    keys: dict[str, str] = {}  # digest -> passage key, of this article's passages
    if outlet_key:
        sentences = [
            (index, passage_digest(key), key) for index, key in sentence_passages(extracted)
        ]
        keys = {digest: key for _index, digest, key in sentences}
        _write(
            conn,
            article_id,
            outlet_key,
            extracted.article.content_hash,
            [(index, digest) for index, digest, _key in sentences],
        )
        concerned[outlet_key].update(keys)
    for outlet in sorted(concerned):
        # Counted one ingest at a time: two ingests counting the outlet's pages at once would
        # each miss the other's page, and a passage the two share would stay a claim.
        hold_lock(conn, OUTLET_PASSAGES, outlet)
        _refresh(conn, outlet, sorted(concerned[outlet]), article_id, keys, lost)


def _write(
    conn: Connection,
    article_id: int,
    outlet_key: str,
    content_hash: str,
    passages: Sequence[tuple[int, str]],
) -> None:
    """Write the article's passages, (sentence index, digest), as its outlet's."""
    if passages:
        conn.execute(
            _INSERT,
            [
                {
                    "article_id": article_id,
                    "sentence_index": index,
                    "outlet_key": outlet_key,
                    "digest": digest,
                    "content_hash": content_hash,
                }
                for index, digest in passages
            ],
        )


def _pages(conn: Connection, outlet_key: str, digests: Sequence[str]) -> dict[str, int]:
    """On how many distinct article texts of the outlet each passage is, up to PAGES_COUNTED."""
    found: dict[str, int] = {}
    for start in range(0, len(digests), COUNT_BATCH):
        batch = list(digests[start : start + COUNT_BATCH])
        padded = batch + [batch[-1]] * (COUNT_BATCH - len(batch))
        params = {"outlet": outlet_key} | {f"d{n}": digest for n, digest in enumerate(padded)}
        found.update(zip(batch, conn.execute(_COUNT, params).one()[: len(batch)], strict=True))
    return found


def _refresh(
    conn: Connection,
    outlet_key: str,
    digests: Sequence[str],
    article_id: int,
    keys: dict[str, str],
    lost: set[str],
) -> None:
    """Set the `furniture` flag of the outlet's current claims that are these passages to what
    their pages say now that article `article_id` (whose passages `keys` holds by digest) is
    stored; the claims that become furniture lose their links."""
    pages = _pages(conn, outlet_key, digests)
    # A passage on one page is furniture nowhere, and was not before unless it lost a page:
    # most of an article's passages change no claim.
    changing = [d for d, n in pages.items() if n >= FEWEST_PAGES_NEEDED or d in lost]
    few = [d for d in changing if pages[d] < PAGES_COUNTED]
    rows = {
        row.id: row
        for query, params in (
            (_CLAIMS_OF_ARTICLE, {"article": article_id, "digests": changing}),
            (_CLAIMS_OF_OUTLET, {"outlet": outlet_key, "digests": few}),
        )
        if params["digests"]
        for row in conn.execute(query, params)
    }
    flips: dict[bool, list[int]] = {True: [], False: []}
    for row in rows.values():
        key = keys.get(row.digest) or passage_key(row.sentence)
        wanted = key is not None and is_recurring(key, pages[row.digest])
        if wanted != row.furniture:
            flips[wanted].append(row.id)
    if flips[True]:  # not while a linking run writes links it read these claims for
        hold_lock(conn, LINKING)
    for value, ids in flips.items():
        if ids:
            conn.execute(_FLAG, {"ids": ids, "furniture": value})
    unlink(conn, flips[True])


def unlink(conn: Connection, ids: list[int]) -> None:
    """Drop the links of these claims (that became furniture, or whose article changed
    outlet), and their link steps and summary, as if never linked. The claims they were
    linked to get their confidence back without them, and lose their keys so that the next
    `claims link` links them again (their summary and best candidates included)."""
    if not ids:
        return
    linked = conn.execute(_LINKED, {"ids": ids}).all()
    partners = {end for link in linked for end in link} - set(ids)
    if linked:
        conn.execute(_UNLINK, {"ids": ids})
    conn.execute(_UNINDEX, {"ids": [*ids, *partners]})
    recompute_confidences(conn, ids, linked=False)
    recompute_confidences(conn, partners)


def move(
    conn: Connection,
    article_id: int,
    old_key: str | None,
    new_key: str | None,
    content_hash: str,
) -> None:
    """A reviewer said the article is of another outlet (or of none): its passages count
    with the new outlet's pages, and the furniture flags of both outlets' claims are brought
    up to date. An article stored without an outlet had no passages: they are made from its
    claims (its junk lines were not stored, and so are not counted)."""
    digests = [d for (d,) in conn.execute(select(P.digest).where(P.article_id == article_id))]
    if old_key is None and new_key is not None:
        rows = conn.execute(
            select(C.sentence_index, C.sentence).where(
                C.article_id == article_id, C.current.is_(True)
            )
        )
        passages = [
            (index, passage_digest(key))
            for index, sentence in rows
            if (key := passage_key(sentence)) is not None
        ]
        _write(conn, article_id, new_key, content_hash, passages)
        digests = [digest for _index, digest in passages]
    elif new_key is None:
        conn.execute(delete(PASSAGE).where(P.article_id == article_id))
    else:
        conn.execute(update(PASSAGE).where(P.article_id == article_id).values(outlet_key=new_key))
    concerned = sorted(set(digests))
    for outlet in sorted(key for key in {old_key, new_key} if key):  # one writer at a time
        hold_lock(conn, OUTLET_PASSAGES, outlet)
    if old_key is not None:  # the old outlet lost a page of each
        _refresh(conn, old_key, concerned, article_id, {}, set(concerned))
    if new_key is not None:  # and the article's own claims are judged by the new one
        _refresh(conn, new_key, concerned, article_id, {}, set(concerned))
    elif concerned:
        conn.execute(
            update(CLAIM)
            .where(C.article_id == article_id, C.furniture.is_(True))
            .values(furniture=False)
        )

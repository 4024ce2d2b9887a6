"""Storing an extracted article: one transaction per article, idempotent by content hash.

- The same file again (same name, same text) changes nothing. The same text under another
  name is stored as an article of its own (`same_as` names the twin; the linker marks the
  claims as duplicates), so that each file's current version is always its latest text.
- An edited file (same name, new text) becomes a new version of its article. Claims whose
  sentence did not change move to the new version with their id, review state, history and
  links; the others stay with the old version, which is no longer current.
- Named people, organizations and outlets are merged across articles on normalize_key and,
  failing an exact match, a close rapidfuzz match with the same number of words (or, for
  people, the one known person with that surname); anonymous
  sources are scoped to their article and never merged with another article's.
- An article read from a web page keeps the page, byte for byte, with where and when it was
  fetched (table `page`), in the article's transaction: a page is never stored without its
  article, nor an article without its page.
- In the same transaction the store learns the outlet's page furniture from the article
  (`claims.store.passages`): claims that are a passage recurring on the outlet's pages are
  set aside, the article's own and those stored before alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, bindparam, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from claims.arabic import normalize_key
from claims.models import Article, Claim, ExtractedArticle, Kind, PageSource, Status
from claims.store.engine import Store
from claims.store.passages import record as record_passages
from claims.store.queries import (
    ARTICLE,
    CLAIM,
    ENTITY,
    A,
    C,
    E,
    link_marks,
    recompute_confidences,
    search_form,
    utcnow,
)
from claims.store.tables import ARTICLE_EDIT, PAGE, SHARED
from claims.store.views import IngestResult, NameTaken

# Two keys this close (rapidfuzz ratio, 0-100) with as many words name the same source:
# 'كوناشينكوف' and 'كوناشنكوف'; 'وزارة الدفاع الروسية' and 'وزارة الدفاع السورية' stay apart.
FUZZY_CUTOFF = 90
# Shorter keys must match exactly: a letter of difference in a short name is another name.
FUZZY_MIN_LENGTH = 6
# Kinds whose entities are shared across articles.
SHARED_KINDS = frozenset({Kind.named_person, Kind.organization, Kind.media})


# Statements built once: ingest runs them thousands of times, with parameters only.
_SAME_OR_PREVIOUS = (
    select(A.id, A.doc, A.version, A.n_claims, A.content_hash, A.origin)
    .where(
        A.current.is_(True),
        or_(A.content_hash == bindparam("content_hash"), A.doc == bindparam("doc")),
    )
    .order_by(A.id)
)
_RETIRE = update(ARTICLE).where(A.id == bindparam("_id")).values(current=False)
_RETIRE_CLAIMS = update(CLAIM).where(C.article_id == bindparam("_id")).values(current=False)
_INSERT_ARTICLE = insert(ARTICLE)
_INSERT_CLAIMS = insert(CLAIM)
_INSERT_PAGE = insert(PAGE)
_INSERT_ENTITY = insert(ENTITY)
_FIND_ENTITY = select(E.id).where(
    E.kind == bindparam("kind"), E.key == bindparam("key"), E.scope == bindparam("scope")
)
# Shared entities by key, looked up for a whole article at once (`_Entities.look_up`).
_FIND_SHARED = select(E.kind, E.key, E.id).where(
    E.scope == SHARED, E.key.in_(bindparam("keys", expanding=True))
)
# Keys per look-up (the statement's parameters).
LOOKED_UP_AT_ONCE = 500
_RENAME_ENTITY = (
    update(ENTITY)
    .where(E.id == bindparam("_id"))
    .values(key=bindparam("key"), name=bindparam("name"))
)
_SHARED_ENTITIES = (
    select(E.key, E.id).where(E.kind == bindparam("kind"), E.scope == SHARED).order_by(E.id)
)
_CARRIED = (
    select(C.id, C.sentence, C.status, C.note, C.reasons)
    .where(C.article_id == bindparam("article_id"))
    .order_by(C.sentence_index, C.id)
)


# Source names recur from article to article: their keys are worth remembering.
_key = lru_cache(maxsize=8192)(normalize_key)


def _fuzzy(key: str, candidates: dict[str, int]) -> int | None:
    if len(key) < FUZZY_MIN_LENGTH or not candidates:
        return None
    words = key.count(" ")
    for match, _score, _i in process.extract(
        key, list(candidates), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
    ):
        if match.count(" ") == words and len(match) >= FUZZY_MIN_LENGTH:
            return candidates[match]
    return None


def _same_surname(key: str, candidates: dict[str, int]) -> tuple[int, str] | None:
    """A person named by surname alone and by full name is one person, when only one known
    person has that surname: 'كوناشينكوف' and 'إيغور كوناشينكوف'. The person's id and the
    key it was found under."""
    surname = key.rsplit(" ", 1)[-1]
    if len(surname) < FUZZY_MIN_LENGTH:
        return None
    found = {
        entity_id: other
        for other, entity_id in candidates.items()
        if other != key
        and (other.count(" ") == 0 or key.count(" ") == 0)
        and fuzz.ratio(other.rsplit(" ", 1)[-1], surname) >= FUZZY_CUTOFF
    }
    return found.popitem() if len(found) == 1 else None


class _Entities:
    """Finds or creates the entity of each source named in one article's transaction."""

    def __init__(self, store: Store, conn: Connection, doc: str, first_version: bool) -> None:
        self.store = store
        self.conn = conn
        self.doc = doc
        self.first_version = first_version  # no entity can be scoped to this article yet
        self.new: dict[str, dict[str, int]] = defaultdict(dict)  # committed into the cache later
        self.local: dict[tuple[str, str], int] = {}
        # shared entities the cache did not hold, looked up in the store at once (`look_up`):
        # (kind, key) -> the entity's id, None for none
        self.looked_up: dict[tuple[str, str], int | None] = {}

    def _shared(self, kind: str) -> dict[str, int]:
        cache = self.store.entity_cache.get(kind)
        if cache is None:
            rows = self.conn.execute(_SHARED_ENTITIES, {"kind": kind})
            cache = {}
            for key, entity_id in rows:
                cache.setdefault(key, entity_id)
            self.store.entity_cache[kind] = cache
        return cache

    def look_up(self, names: Iterable[tuple[Kind, str | None]]) -> None:
        """Find the shared entities of these names that the cache does not hold (another
        ingester may have added them since it was read) in one query, not one a name."""
        wanted: dict[tuple[str, str], int | None] = {}
        for kind, name in names:
            key = _key(name) if kind in SHARED_KINDS and name else None
            if key and key not in self._shared(kind.value):
                wanted[kind.value, key] = None
        keys = sorted({key for _kind, key in wanted})
        for start in range(0, len(keys), LOOKED_UP_AT_ONCE):
            chunk = keys[start : start + LOOKED_UP_AT_ONCE]
            for kind, key, entity_id in self.conn.execute(_FIND_SHARED, {"keys": chunk}):
                if (kind, key) in wanted:
                    wanted[kind, key] = entity_id
        self.looked_up.update(wanted)

    def _find_or_add(self, kind: str, name: str, key: str, scope: str) -> int:
        values = {"kind": kind, "key": key, "scope": scope}
        if scope == SHARED and (kind, key) in self.looked_up:
            found = self.looked_up[kind, key]
            if found is not None:
                return found
        elif not (scope == self.doc and self.first_version):
            found = self.conn.execute(_FIND_ENTITY, values).scalar()
            if found is not None:
                return found
        result = self.conn.execute(_INSERT_ENTITY, {**values, "name": name})
        return result.inserted_primary_key[0]  # type: ignore[index]

    def _unused(self, kind: str, key: str) -> bool:
        """No shared entity has this key (another ingester may have added one since)."""
        values = {"kind": kind, "key": key, "scope": SHARED}
        return self.conn.execute(_FIND_ENTITY, values).scalar() is None

    def resolve(self, kind: Kind, name: str | None) -> int | None:
        if not name or kind not in SHARED_KINDS | {Kind.anonymous}:
            return None
        key = _key(name)
        if not key:
            return None
        if kind == Kind.anonymous:
            if (kind.value, key) not in self.local:
                self.local[kind.value, key] = self._find_or_add(kind.value, name, key, self.doc)
            return self.local[kind.value, key]
        cache = self._shared(kind.value)
        new = self.new[kind.value]
        if (hit := cache.get(key, new.get(key))) is not None:
            return hit
        entity_id = _fuzzy(key, cache) or _fuzzy(key, new)
        if entity_id is None and kind == Kind.named_person:
            person = _same_surname(key, cache) or _same_surname(key, new)
            if person is not None:
                entity_id, known_as = person
                if key.count(" ") > known_as.count(" ") and self._unused(kind.value, key):
                    # named by the full name from now on, whichever mention came first
                    self.conn.execute(_RENAME_ENTITY, {"_id": entity_id, "key": key, "name": name})
        if entity_id is None:
            entity_id = self._find_or_add(kind.value, name, key, SHARED)
        new[key] = entity_id
        return entity_id

    def commit(self) -> None:
        for kind, keys in self.new.items():
            self.store.entity_cache.setdefault(kind, {}).update(keys)


def resolve_entity(store: Store, conn: Connection, doc: str, kind: Kind, name: str | None):
    """The entity id of a source named in article `doc`, found or added in the caller's
    transaction (a reviewer's corrected outlet)."""
    entities = _Entities(store, conn, doc, first_version=False)
    return entities.resolve(kind, name)


# Reviewers' corrections of an article's fields (claims.store.articles), oldest first.
X = ARTICLE_EDIT.c
EDITS = select(X.field, X.old, X.new, X.reviewer, X.reason, X.at).order_by(X.id)


def _corrected(conn: Connection, article: Article) -> Article:
    """The article with the fields reviewers corrected on an earlier version of its file set
    as they said: a page's own wrong outlet or date does not come back with a re-ingest."""
    fixed = {row.field: row.new for row in conn.execute(EDITS.where(X.doc == article.doc))}
    return article.model_copy(update=fixed) if fixed else article


def _claim_values(claim: Claim, source_id: int | None) -> dict:
    return {
        "current": True,
        "sentence_index": claim.index,
        "char_start": claim.start,
        "char_end": claim.end,
        "paragraph": claim.paragraph,
        "sentence": claim.text,
        "claim": claim.claim,
        "kind": claim.kind.value,
        "source": claim.source,
        "source_key": _key(claim.source) if claim.source else None,
        "source_id": source_id,
        "cue": claim.cue,
        "via": claim.via,
        "confidence": claim.confidence,
        "reasons": [{"label": r.label, "delta": r.delta} for r in claim.reasons],
        "speech": claim.speech.value if claim.speech else None,
        "dup_of": claim.dup_of,
        "search": _search_text(claim),
    }


def _page_values(article_id: int, page: PageSource) -> dict:
    return {
        "article_id": article_id,
        "url": page.url,
        "final_url": page.final_url,
        "http_status": page.status,
        "content_type": page.content_type,
        "fetched_at": page.fetched_at,
        "raw_hash": page.raw_hash,
        "raw": page.raw,
    }


def _search_text(claim: Claim) -> str:
    """What `ClaimFilter.search` matches: the sentence, the claim when it is not part of the
    sentence, and the source, in search form."""
    parts = [claim.text]
    if claim.claim not in claim.text:
        parts.append(claim.claim)
    if claim.source:
        parts.append(claim.source)
    return search_form(" ".join(parts))


def _another_file(stored_from: str | None, read_from: str | None) -> bool:
    """The article stored under a name came from another file, which is still there: not an
    edit of it (a file edited in place, or moved, is)."""
    return (
        stored_from is not None
        and read_from is not None
        and stored_from != read_from
        and Path(stored_from).is_file()
    )


def _ingest_once(store: Store, extracted: ExtractedArticle) -> IngestResult:
    article = extracted.article
    kinds = dict(Counter(claim.kind.value for claim in extracted.claims))
    with store.engine.begin() as conn:
        found = conn.execute(
            _SAME_OR_PREVIOUS, {"content_hash": article.content_hash, "doc": article.doc}
        ).all()
        previous = next((row for row in found if row.doc == article.doc), None)
        if previous is not None and previous.content_hash == article.content_hash:
            return IngestResult(
                doc=article.doc,
                article_id=previous.id,
                outcome="unchanged",
                version=previous.version,
                claims=previous.n_claims,
            )
        if previous is not None and _another_file(previous.origin, article.origin):
            raise NameTaken(article.doc, previous.origin)
        twin = next((row.doc for row in found if row.content_hash == article.content_hash), None)
        version = 1
        if previous is not None:
            version = previous.version + 1
            conn.execute(_RETIRE, {"_id": previous.id})
            conn.execute(_RETIRE_CLAIMS, {"_id": previous.id})

        if previous is not None:
            article = _corrected(conn, article)
        entities = _Entities(store, conn, article.doc, first_version=previous is None)
        entities.look_up(
            [(Kind.media, article.outlet), *((c.kind, c.source) for c in extracted.claims)]
        )
        outlet_id = entities.resolve(Kind.media, article.outlet)
        outlet_key = normalize_key(article.outlet) if article.outlet else None
        article_id = conn.execute(
            _INSERT_ARTICLE,
            {
                "doc": article.doc,
                "origin": article.origin,
                "version": version,
                "current": True,
                "content_hash": article.content_hash,
                "encoding": article.encoding,
                "title": article.title,
                "byline": article.byline,
                "published": article.published,
                "outlet": article.outlet,
                "outlet_key": outlet_key,
                "outlet_id": outlet_id,
                "text": article.text,
                "url": article.url,
                "n_claims": len(extracted.claims),
                "n_junk": len(extracted.junk),
                "ingested_at": utcnow(),
            },
        ).inserted_primary_key[0]  # type: ignore[index]

        if article.page is not None:
            conn.execute(_INSERT_PAGE, _page_values(article_id, article.page))

        # Claims of the previous version, by sentence text, in order: the ones to carry over.
        carried: dict[str, deque] = defaultdict(deque)
        if previous is not None:
            for row in conn.execute(_CARRIED, {"article_id": previous.id}):
                carried[row.sentence].append(row)

        inserts: list[dict] = []
        moves: list[dict] = []
        kept_reviews = 0
        for claim in extracted.claims:
            values = _claim_values(claim, entities.resolve(claim.kind, claim.source))
            values["article_id"] = article_id
            if carried.get(claim.text):
                old = carried[claim.text].popleft()
                kept_reviews += old.status != Status.unreviewed.value or old.note is not None
                values["reasons"] = values["reasons"] + link_marks(old.reasons)
                moves.append({"_id": old.id, **{f"v_{k}": v for k, v in values.items()}})
            else:
                inserts.append(values)
        if inserts:
            conn.execute(_INSERT_CLAIMS, inserts)
        if moves:
            columns = [key[2:] for key in moves[0] if key != "_id"]
            conn.execute(
                update(CLAIM)
                .where(C.id == bindparam("_id"))
                .values({name: bindparam(f"v_{name}") for name in columns}),
                moves,
            )
            # A carried claim keeps its links and its verdict: its figure is theirs again.
            recompute_confidences(conn, [move["_id"] for move in moves])
        record_passages(
            conn, article_id, outlet_key, extracted, previous.id if previous is not None else None
        )
    entities.commit()
    return IngestResult(
        doc=article.doc,
        article_id=article_id,
        outcome="updated" if previous is not None else "new",
        version=version,
        claims=len(extracted.claims),
        kept_reviews=kept_reviews,
        kinds=kinds,
        same_as=twin,
    )


def ingest(store: Store, extracted: ExtractedArticle) -> IngestResult:
    """Store one extracted article in one transaction; see the module docstring."""
    for attempt in range(3):
        try:
            return store.retrying(
                lambda: _ingest_once(store, extracted), f"storing {extracted.article.doc}"
            )
        except IntegrityError:
            # Another process stored the same file or entity meanwhile: look again.
            store.entity_cache.clear()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")

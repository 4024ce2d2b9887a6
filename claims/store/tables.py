"""The tables of the claim store, as SQLModel classes: one source of truth for the schema.

article   one row per version of an ingested file; `current` marks the latest version
entity    a source: named people, organizations and outlets are shared across articles;
          anonymous sources are scoped to one article (`scope` = its `doc`)
claim     one row per kept sentence, with its attribution and its review state
review    append-only history of what reviewers did to claims
link      relations between claims, filled by the linker (claims/store/linking.py)
link_index  the blocking keys of each linked claim (as numbers), for incremental linking
link_key    each blocking key once, and its number
passage   the sentences of each current article whose outlet is known, by passage: what the
          store learns each outlet's page furniture from (claims.boilerplate)
page      the web page an article version was extracted from, byte for byte, with the address,
          time and HTTP status of its fetch: the article's provenance
rejected_link  pairs of claims a reviewer said are not linked, never linked again
article_edit   reviewers' corrections of an article's title, outlet, date or address

The Alembic revisions in `migrations/versions/` must create exactly these tables;
`tests/test_schema.py` fails when they drift apart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Index,
    LargeBinary,
    Table,
    Text,
    UniqueConstraint,
    event,
    false,
    true,
)
from sqlmodel import Field, SQLModel

# Scope of an entity shared across articles (named people, organizations, outlets).
SHARED = ""


class ArticleRow(SQLModel, table=True):
    """One version of an article: an edited file gets a new row, the old one stops being current."""

    __tablename__ = "article"
    __table_args__ = (UniqueConstraint("doc", "version", name="uq_article_doc_version"),)

    id: int | None = Field(default=None, primary_key=True)
    doc: str = Field(
        index=True,
        description="The file: its path inside the folder ingested, or its file name",
    )
    origin: str | None = Field(
        default=None, description="The absolute path the file was read from, when known"
    )
    version: int = Field(default=1, description="1 for the first ingest, +1 for each edit")
    current: bool = Field(default=True, description="The latest version of its file")
    content_hash: str = Field(index=True, description="SHA-256 of the decoded text")
    encoding: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    outlet_key: str | None = Field(default=None, index=True, description="normalize_key(outlet)")
    outlet_id: int | None = Field(default=None, foreign_key="entity.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = Field(
        default=None, sa_column=Column(Text), description="The page's canonical URL, if any"
    )
    n_claims: int = Field(description="Claims written with this version, for integrity checks")
    n_junk: int = 0
    ingested_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class EntityRow(SQLModel, table=True):
    """A source that asserts claims, merged on an Arabic-normalised key."""

    __tablename__ = "entity"
    __table_args__ = (UniqueConstraint("kind", "key", "scope", name="uq_entity_kind_key_scope"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(description="A Kind value")
    name: str = Field(description="The name as first seen (a person: the fullest name seen)")
    key: str = Field(index=True, description="normalize_key(name)")
    scope: str = Field(default=SHARED, description="'' if shared, else the article's doc")


class ClaimRow(SQLModel, table=True):
    """A kept sentence of an article, who asserts it, and what reviewers made of it."""

    __tablename__ = "claim"
    __table_args__ = (
        Index("ix_claim_current_position", "current", "article_id", "sentence_index"),
        Index("ix_claim_current_confidence", "current", "confidence", "id"),
        # Every column a view's count reads: the desk counts a million claims from the index.
        Index("ix_claim_current_count", "current", "furniture", "status", "dup_of", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    current: bool = Field(
        default=True,
        sa_column=Column(Boolean, nullable=False, server_default=true()),
        description="Belongs to the current version of its article (copied from article)",
    )
    furniture: bool = Field(
        default=False,
        sa_column=Column(Boolean, nullable=False, server_default=false()),
        description="A passage recurring on its outlet's pages: page furniture, not a claim",
    )
    sentence_index: int = Field(description="Sentence number in the article, from 0")
    char_start: int = Field(description="Offset of the sentence in the article text")
    char_end: int = Field(description="Offset just past the sentence")
    paragraph: int = 0
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    claim: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(index=True, description="A Kind value")
    source: str | None = None
    source_key: str | None = Field(default=None, description="normalize_key(source)")
    source_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    cue: str | None = None
    via: str | None = None
    confidence: float
    reasons: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    speech: str | None = None
    dup_of: int | None = Field(default=None, description="Index of an earlier identical sentence")
    search: str = Field(
        sa_column=Column(Text, nullable=False),
        description="normalize() of sentence, claim and source: what search matches",
    )
    status: str = Field(default="unreviewed", index=True, description="A Status value")
    version: int = Field(default=1, description="Bumped by every review action")
    reviewer: str | None = None
    reviewed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    note: str | None = Field(default=None, sa_column=Column(Text))


class ReviewRow(SQLModel, table=True):
    """One review action. Rows are only ever added: an undo is a new row pointing at the old."""

    __tablename__ = "review"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    action: str = Field(description="status, note or undo")
    old_status: str
    new_status: str
    old_note: str | None = Field(default=None, sa_column=Column(Text))
    note: str | None = Field(default=None, sa_column=Column(Text))
    prev_reviewer: str | None = None
    prev_reviewed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
    reviewer: str = Field(index=True)
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    version: int = Field(description="The claim's version after this action")
    undoes: int | None = Field(default=None, foreign_key="review.id", unique=True)
    carried_from: int | None = Field(
        default=None,
        index=True,
        description="The row of the verdict this carries to a copy of its sentence",
    )


class LinkRow(SQLModel, table=True):
    """A relation from one claim to another, written by the linker.

    `kind` is a LinkKind value; `reasons` is a JSON list of strings. A link is read in both
    directions: `related()` and the export's corroborated_by / contradicted_by columns look at
    `claim_id` and `other_id` alike, so the linker stores each pair once.
    """

    __tablename__ = "link"
    __table_args__ = (UniqueConstraint("claim_id", "other_id", "kind", name="uq_link_pair_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    # no index of its own (dropped by revision 0015): uq_link_pair_kind opens with it
    claim_id: int = Field(foreign_key="claim.id")
    other_id: int = Field(foreign_key="claim.id", index=True)
    kind: str = Field(index=True, description="A LinkKind value")
    score: float
    reasons: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class RejectedLinkRow(SQLModel, table=True):
    """A pair of claims a reviewer said are not linked, with who, when and why: the link is
    dropped and no later linking run makes it again. The pair is stored lower id first."""

    __tablename__ = "rejected_link"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    other_id: int = Field(foreign_key="claim.id", primary_key=True)
    kind: str = Field(description="The LinkKind value of the link rejected")
    reviewer: str
    reason: str = Field(sa_column=Column(Text, nullable=False))
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class LinkIndexRow(SQLModel, table=True):
    """The blocking keys of a linked claim, written by the linker: new claims are linked
    against these instead of analysing every stored claim again. A current claim without a
    row here has not been linked yet."""

    __tablename__ = "link_index"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    key_numbers: bytes = Field(
        sa_column=Column(LargeBinary, nullable=False),
        description="Its blocking keys' numbers (link_key.id), 32-bit little-endian, in order",
    )
    best: str = Field(
        default="",
        sa_column=Column(Text, nullable=False),
        description="Scores of its best candidates so far, best first, space-separated",
    )
    version: str = Field(description="claims.link.keys_version() the keys were made with")


class LinkKeyRow(SQLModel, table=True):
    """A blocking key (a content stem, `@` place or `#` figure) and the number that stands for
    it in `link_index.key_numbers`: a run counts a million claims' keys as numbers, without reading
    or splitting their text (claims/store/link_keys.py)."""

    __tablename__ = "link_key"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    key: str = Field(sa_column=Column(Text, nullable=False, unique=True))


class PassageRow(SQLModel, table=True):
    """A sentence of a current article of a known outlet, as a passage of that outlet's pages
    (`claims.boilerplate.passage_key`, hashed). A passage found on enough of the outlet's
    distinct article texts is furniture: the claims that are that passage are set aside
    (`ClaimRow.furniture`). Written and counted by `claims.store.passages`."""

    __tablename__ = "passage"
    __table_args__ = (Index("ix_passage_outlet_digest", "outlet_key", "digest", "content_hash"),)

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    sentence_index: int = Field(primary_key=True, description="The sentence's number")
    outlet_key: str = Field(description="The article's outlet_key")
    digest: str = Field(description="SHA-256 of the passage key, hex (long passages fit an index)")
    content_hash: str = Field(
        description="The article's content_hash: a text stored under two names counts once"
    )


class PageRow(SQLModel, table=True):
    """The web page (a saved file or a fetched URL) one article version was extracted from, as
    it was read, and where and when it was fetched: what the desk shows to prove what the page
    said. A text file's article has none; an unchanged page fetched again adds nothing."""

    __tablename__ = "page"

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    url: str | None = Field(
        default=None, sa_column=Column(Text), description="The address fetched; none for a file"
    )
    final_url: str | None = Field(
        default=None, sa_column=Column(Text), description="The address answered, after redirects"
    )
    http_status: int | None = Field(default=None, description="The HTTP status of the answer")
    content_type: str | None = Field(default=None, description="The answer's Content-Type")
    fetched_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    raw_hash: str = Field(description="SHA-256 of the raw page")
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False), description="The raw page")


class ArticleEditRow(SQLModel, table=True):
    """A reviewer's correction of what the page said of itself (its title, outlet, date or
    address), one row per field changed: the article's history. The correction belongs to the
    file (`doc`), so that a later version of the file keeps it."""

    __tablename__ = "article_edit"

    id: int | None = Field(default=None, primary_key=True)
    doc: str = Field(index=True, description="The article's file, as ArticleRow.doc")
    article_id: int = Field(foreign_key="article.id", description="The version corrected")
    field: str = Field(description="title, outlet, published or url")
    old: str | None = Field(default=None, sa_column=Column(Text))
    new: str | None = Field(default=None, sa_column=Column(Text))
    reviewer: str
    reason: str | None = Field(default=None, sa_column=Column(Text))
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined]


ARTICLE = _table(ArticleRow)
ENTITY = _table(EntityRow)
CLAIM = _table(ClaimRow)
REVIEW = _table(ReviewRow)
LINK = _table(LinkRow)
LINK_INDEX = _table(LinkIndexRow)
LINK_KEY = _table(LinkKeyRow)
PASSAGE = _table(PassageRow)
PAGE = _table(PageRow)
ARTICLE_EDIT = _table(ArticleEditRow)
REJECTED_LINK = _table(RejectedLinkRow)
TABLES = [ARTICLE, ENTITY, CLAIM, REVIEW, LINK, LINK_INDEX, LINK_KEY, PASSAGE, PAGE, REJECTED_LINK]
metadata = SQLModel.metadata


def _make_search_index(_table: Table, conn, **_kw) -> None:
    from claims.store import search_index  # it builds on these tables

    search_index.create(conn)


# The search index (not a table of these models: claims/store/search_index.py) is made with the
# claim table, wherever that is made.
event.listen(CLAIM, "after_create", _make_search_index)

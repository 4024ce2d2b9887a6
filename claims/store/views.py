"""What the store hands out and takes in: plain pydantic data, never table rows."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from claims.models import Kind, LinkKind, Reason, Speech, Status

Order = Literal["position", "confidence"]


class ClaimFilter(BaseModel):
    """Which claims to show. Every field left at None (or False) does not filter.

    `search` matches the Arabic-normalised sentence, claim and source as a substring:
    'اكدت' finds 'أكّدت'. `article` is a file name or an article id (as int or digits);
    an article id reaches superseded versions too. Claims set aside as page furniture
    (`claims.store.passages`) pass no filter.
    """

    status: Status | list[Status] | None = None
    kind: Kind | list[Kind] | None = None
    source: str | None = Field(default=None, description="Part of the source's name")
    source_id: int | list[int] | None = Field(
        default=None, description="Entity id of the source, or any of several (a ledger row)"
    )
    article: str | int | None = None
    outlet: str | None = Field(default=None, description="Part of the outlet's name")
    search: str | None = None
    contradicted: bool | None = Field(default=None, description="Has a contradicts link")
    corroborated: bool | None = Field(default=None, description="Has a corroborates link")
    reviewer: str | None = None
    speech: Speech | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    hide_duplicates: bool = Field(
        default=False,
        description="Drop the copies of a sentence its article prints again (listed once, as "
        "the first printing, to which a verdict carries)",
    )
    include_superseded: bool = Field(
        default=False, description="Also claims of older versions of edited articles"
    )
    up_to_article: int | None = Field(
        default=None,
        description="Only claims of articles stored up to this id: a view pinned while other "
        "ingesters add articles, so that its count and its pages read from the end agree",
    )


class ClaimView(BaseModel):
    """A claim with its article and review state, as the review app and the CLI show it."""

    model_config = ConfigDict(frozen=True)

    id: int
    article_id: int
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None = Field(default=None, description="The article's address, when it has one")
    index: int = Field(description="Sentence number in the article, from 0")
    start: int = Field(description="Offset of the sentence in the article text")
    end: int
    paragraph: int
    sentence: str
    claim: str
    kind: Kind
    source: str | None
    source_id: int | None = None
    cue: str | None
    via: str | None
    confidence: float
    reasons: list[Reason]
    speech: Speech | None
    dup_of: int | None
    status: Status
    version: int = Field(description="Pass back as expected_version when changing the claim")
    reviewer: str | None
    reviewed_at: datetime | None
    note: str | None
    n_corroborating: int = 0
    n_contradicting: int = 0
    printed: int = Field(default=1, description="How many times its article prints the sentence")


class SourceSort(str, Enum):
    """Orders of the source ledger: the most first, except by name (alphabetical, on the
    Arabic-normalised name)."""

    claims = "claims"
    disputed = "disputed"  # share of the reviewed claims disputed
    verified = "verified"  # share of the reviewed claims verified
    corroborations = "corroborations"
    contradictions = "contradictions"
    last_seen = "last-seen"
    name = "name"


class SourceFilter(BaseModel):
    """Which rows of the source ledger to show. Fields left at None do not filter.

    `outlet` keeps the sources with a claim in an outlet whose name contains it (their counts
    still cover all their claims); `search` matches part of the source's name, hamza,
    ta marbuta, diacritics and the article 'ال' ignored: 'مصادر مطلعه' finds 'المصادر المطّلعة'.
    """

    kind: Kind | list[Kind] | None = None
    outlet: str | None = None
    search: str | None = None


class SourceView(BaseModel):
    """One row of the source ledger: a source and what became of its claims.

    A named person, organization or outlet is one row wherever it speaks. An anonymous phrase
    ('مصادر مطلعة') is one row per outlet: the same words in two outlets are two sources, in
    two articles of one outlet one (in articles without a known outlet, one per article).
    Counts cover current claims that are not page furniture; `corroborations` and
    `contradictions` count the links of each of its claims to other current claims.
    """

    model_config = ConfigDict(frozen=True)

    kind: Kind
    name: str = Field(description="The name as stored (for an anonymous row, its first spelling)")
    outlets: list[str] = Field(description="Outlets of the articles its claims are in, by name")
    claims: int
    verified: int
    disputed: int
    corroborations: int
    contradictions: int
    last_seen: datetime = Field(description="Latest ingest time of an article with its claims")
    last_published: str | None = Field(
        description="Latest publication date among those articles (ISO 8601), when known"
    )
    entity_ids: list[int] = Field(description="The store's entities this row gathers")

    @computed_field(description="Share of its reviewed claims that were disputed")  # type: ignore[prop-decorator]
    @property
    def disputed_share(self) -> float | None:
        reviewed = self.verified + self.disputed
        return round(self.disputed / reviewed, 3) if reviewed else None

    def claim_filter(self) -> ClaimFilter:
        """The claims of this row."""
        return ClaimFilter(source_id=self.entity_ids)


class ReviewEntry(BaseModel):
    """One row of a claim's review history."""

    model_config = ConfigDict(frozen=True)

    id: int
    claim_id: int
    action: Literal["status", "note", "undo"]
    old_status: Status
    new_status: Status
    note: str | None
    reviewer: str
    at: datetime
    version: int = Field(description="The claim's version after this action")
    undoes: int | None = Field(default=None, description="Id of the entry an undo reverts")
    carried_from: int | None = Field(
        default=None, description="Id of the claim, a copy of this sentence, given this verdict"
    )


class RelatedClaim(BaseModel):
    """Another claim linked to one, with how and why."""

    model_config = ConfigDict(frozen=True)

    claim: ClaimView
    kind: LinkKind
    score: float
    reasons: list[str]


class Evidence(BaseModel):
    """A stored claim judged against a statement a fact-checker asks about (`claims check`)."""

    model_config = ConfigDict(frozen=True)

    claim: ClaimView
    relation: str = Field(description="corroborates, contradicts or unrelated")
    score: float
    reasons: list[str]


class IngestResult(BaseModel):
    """What `ingest` did with one article."""

    doc: str
    article_id: int
    outcome: Literal["new", "updated", "unchanged"]
    version: int
    claims: int = Field(description="Claims stored for this version")
    kept_reviews: int = Field(default=0, description="Reviewed claims carried over from before")
    kinds: dict[str, int] = Field(default_factory=dict, description="Claims per Kind")
    same_as: str | None = Field(
        default=None, description="Another file already stored with the identical text"
    )


class StoreStats(BaseModel):
    articles: int
    versions: int
    claims: int
    by_kind: dict[str, int]
    by_status: dict[str, int]
    entities: dict[str, int]
    links: dict[str, int]
    reviews: int


class ArticleEdit(BaseModel):
    """One correction of an article's field by a reviewer."""

    field: str
    old: str | None
    new: str | None
    reviewer: str
    reason: str | None = None
    at: datetime


class ArticleView(BaseModel):
    """The current version of an article as the store holds it, with its corrections."""

    id: int
    doc: str
    version: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    claims: int
    edits: list[ArticleEdit] = Field(default_factory=list, description="Oldest first")


class NotFound(LookupError):
    """No claim (or article) with that id."""


class ConflictError(Exception):
    """Someone changed the claim since it was read: nothing was written."""

    def __init__(
        self,
        claim_id: int,
        expected_version: int,
        current: ClaimView,
        changed_by: str | None,
        changed_at: datetime | None,
    ) -> None:
        self.claim_id = claim_id
        self.expected_version = expected_version
        self.current = current
        self.actual_version = current.version
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = changed_by or "someone"
        when = f" at {changed_at:%Y-%m-%d %H:%M:%S} UTC" if changed_at else ""
        super().__init__(
            f"Claim {claim_id} was changed by {who}{when} (now version {current.version}, "
            f"status {current.status.value}); your change was not saved. Reload and try again."
        )


class UndoRefused(Exception):
    """The reviewer's last action is no longer the claim's newest: nothing was undone."""

    def __init__(self, claim_id: int, current: ClaimView, later_by: str, later_action: str):
        self.claim_id = claim_id
        self.current = current
        self.later_by = later_by
        what = "note" if later_action == "note" else "verdict"
        super().__init__(
            f"{later_by}'s {what} came after yours; nothing undone (claim {claim_id})."
        )


class NameTaken(Exception):
    """A file has the name of an article stored from another file that is still there: it is
    refused, not taken for a new version of it."""

    def __init__(self, doc: str, stored_from: str):
        self.doc = doc
        self.stored_from = stored_from
        super().__init__(
            f"has the name {doc} of an article stored before from {stored_from}, which is "
            "still there; ingest their common folder so that each keeps an article of its "
            "own, or rename one"
        )

"""The domain, as plain pydantic data passed from one stage of the flow to the next.

file -> read (Article) -> segment (Sentence) -> attribute (Attribution, Claim) -> store -> link (Link)
-> review (Review) / export (ExportRow).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Kind(str, Enum):
    """Who asserts a sentence."""

    author = "author"
    anonymous = "anonymous"
    named_person = "named_person"
    organization = "organization"
    media = "media"


class Speech(str, Enum):
    """How the claim is rendered: quoted words or a paraphrase."""

    direct = "direct"
    reported = "reported"


class Status(str, Enum):
    """A reviewer's verdict on a claim."""

    unreviewed = "unreviewed"
    verified = "verified"
    disputed = "disputed"


class LinkKind(str, Enum):
    """How two claims relate."""

    duplicate = "duplicate"
    corroborates = "corroborates"
    contradicts = "contradicts"


class Reason(BaseModel):
    """One step of a confidence figure: what moved it and by how much."""

    model_config = ConfigDict(frozen=True)

    label: str = Field(description="What raised or lowered the confidence, in words")
    delta: float = Field(description="Signed change it made to the confidence")


# The longest name, title and byline a real article carries, with room to spare: a longer one
# is a line the cleaning stage mistook for it, and would not fit a database index.
MAX_NAME = 200
MAX_TITLE = 1000


class PageSource(BaseModel):
    """Where a web page came from, kept by the store beside its article for provenance."""

    url: str | None = Field(default=None, description="The address fetched (none for a file)")
    final_url: str | None = Field(default=None, description="The address after redirects")
    status: int | None = Field(default=None, description="The HTTP status of the answer")
    content_type: str | None = Field(default=None, description="The answer's Content-Type")
    charset: str | None = Field(default=None, description="The charset the server declared")
    fetched_at: datetime | None = Field(default=None, description="When it was fetched (UTC)")
    raw: bytes = Field(default=b"", description="The page as it was read, byte for byte")
    raw_hash: str = Field(default="", description="SHA-256 of `raw`")


class Article(BaseModel):
    """A decoded, cleaned article and what the page says about itself."""

    # Stages fill in the metadata with `model_copy`, which does not validate: the bounds are
    # checked again when the article joins its claims in an `ExtractedArticle`.
    model_config = ConfigDict(revalidate_instances="always")

    doc: str = Field(description="The file: its path inside the folder read, or its file name")
    origin: str | None = Field(
        default=None,
        exclude=True,  # a path of this machine: kept by the store, not written out
        description="Where the file was read from: its absolute path (none for standard input)",
    )
    text: str = Field(description="Decoded text, BOM removed, line endings normalised to \\n")
    content_hash: str = Field(description="SHA-256 of the decoded text")
    encoding: str = Field(description="Encoding the file was decoded with")
    title: str | None = Field(default=None, max_length=MAX_TITLE)
    byline: str | None = Field(default=None, max_length=MAX_TITLE)
    published: str | None = Field(default=None, description="Publication date, ISO 8601")
    outlet: str | None = Field(
        default=None, max_length=MAX_NAME, description="The outlet that publishes the article"
    )
    url: str | None = Field(default=None, description="The page's canonical URL, when it has one")
    page: PageSource | None = Field(
        default=None,
        exclude=True,  # the raw page: kept by the store, not written out
        description="The web page the text was extracted from",
    )
    warnings: list[str] = Field(
        default_factory=list, description="What had to be repaired to read the file, in words"
    )


class Sentence(BaseModel):
    """A span of the article text: a sentence, a headline or a line of page furniture."""

    index: int = Field(description="Sentence number in the article, from 0")
    start: int = Field(description="Offset of the first character in Article.text")
    end: int = Field(description="Offset just past the last character in Article.text")
    text: str
    paragraph: int = Field(default=0, description="Paragraph number in the article, from 0")
    glued_furniture: bool = Field(
        default=False, description="Cut off in front of the sentence that follows on its line"
    )
    junk: bool = Field(default=False, description="Page furniture rather than reporting")
    junk_reason: str | None = None
    dup_of: int | None = Field(default=None, description="Index of an earlier identical sentence")


class Attribution(BaseModel):
    """Who asserts a sentence and how the text says so."""

    kind: Kind = Kind.author
    source: str | None = Field(default=None, description="Canonical name of the source")
    cue: str | None = Field(default=None, description="Reporting word as written")
    via: str | None = Field(default=None, description="Intermediary that relays the source")
    speech: Speech | None = None
    continuation: bool = Field(default=False, description="Resolved to a source named earlier")
    hedges: list[str] = Field(default_factory=list, description="Hedging words found")
    certainty: float = Field(default=1.0, description="How sure the extractor is of the frame")


class ExtractRecord(BaseModel):
    """One kept sentence of `claims extract --format jsonl`: the interface other tools read."""

    model_config = ConfigDict(title="ExtractRecord")

    doc: str = Field(description="The file: its path inside the folder read, or its file name")
    index: int = Field(description="Sentence number in the article, from 0")
    text: str = Field(description="The sentence as it stands in the file")
    start: int = Field(description="Character offset into the decoded text")
    end: int = Field(description="Character offset just past the sentence")
    kind: Kind
    source: str | None = Field(max_length=MAX_NAME)
    cue: str | None
    via: str | None = Field(max_length=MAX_NAME)
    claim: str = Field(description="The asserted content")
    confidence: float = Field(ge=0.0, le=1.0)
    dup_of: int | None


class Claim(ExtractRecord):
    """An extract record with what the store and the review app also need."""

    speech: Speech | None = None
    reasons: list[Reason] = Field(default_factory=list)
    paragraph: int = 0

    def record(self) -> ExtractRecord:
        return ExtractRecord.model_validate(
            self.model_dump(include=set(ExtractRecord.model_fields))
        )


class ExtractedArticle(BaseModel):
    """An article with its claims (junk dropped), the unit the store ingests."""

    article: Article
    claims: list[Claim]
    junk: list[Sentence] = Field(default_factory=list)


class Link(BaseModel):
    """A relation between two stored claims."""

    claim_id: int
    other_id: int
    kind: LinkKind
    score: float
    reasons: list[str] = Field(default_factory=list)


class ExportRow(BaseModel):
    """One record of `claims export`: the CSV columns and JSONL keys, in this order."""

    model_config = ConfigDict(title="ExportRow")

    claim_id: int = Field(description="Id of the claim in the store")
    article: str = Field(description="File name of the article")
    outlet: str | None = Field(description="The outlet that publishes the article")
    published: str | None = Field(description="Publication date, ISO 8601")
    sentence: str = Field(description="The sentence as it stands in the article")
    claim: str = Field(description="The asserted content")
    source: str | None = Field(description="Canonical name of the source")
    source_kind: Kind = Field(description="Who asserts the claim")
    cue: str | None = Field(description="Reporting word as written")
    via: str | None = Field(description="Intermediary that relays the source")
    confidence: float = Field(ge=0.0, le=1.0)
    status: Status
    reviewer: str | None = Field(description="Who last set the status")
    reviewed_at: str | None = Field(description="When the status was last set, ISO 8601 UTC")
    note: str | None = Field(description="The reviewer's note")
    corroborated_by: str = Field(description="Ids of corroborating claims, separated by spaces")
    contradicted_by: str = Field(description="Ids of contradicting claims, separated by spaces")
    url: str | None = Field(description="The article's address, when it came from the web")

"""The desk's verdicts as schema.org ClaimReview, the JSON-LD that search engines and
fact-check aggregators read (Google's fact-check structured data: `claimReviewed`,
`reviewRating` with its `alternateName` and `url` required; `author`, `datePublished` and
`itemReviewed` recommended).

One record a reviewed claim (verified or disputed): the claim as `claimReviewed`, its source as
the `author` of the reviewed `Claim` (a person, a body or outlet, or the anonymous phrase as
written), the article as the claim's `appearance`, the verdict as a 1-5 rating named in Arabic,
the reviewer's note as `reviewBody`, the desk as the review's `author`. Article text is data:
the JSON escapes `<`, `>` and `&`, so a record pasted into a page's
`<script type="application/ld+json">` cannot close it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pydantic import BaseModel, Field, HttpUrl

from claims.models import ExportRow, Kind, Status

# The verdicts a desk publishes, on schema.org's scale from worstRating to bestRating.
BEST, WORST = 5, 1
VERDICTS: dict[Status, tuple[int, str]] = {
    Status.verified: (BEST, "صحيح"),
    Status.disputed: (WORST, "غير صحيح"),
}
# Who asserts a claim, as the schema.org type of its author.
AUTHOR_TYPES: dict[Kind, str] = {
    Kind.named_person: "Person",
    Kind.anonymous: "Person",  # an unnamed official or witness, named by the phrase
    Kind.organization: "Organization",
    Kind.media: "Organization",
    Kind.author: "Organization",  # the outlet's own narration
}
# Characters that would let a value close or open markup where JSON-LD is embedded.
HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class Desk(BaseModel):
    """The fact-checking desk that publishes the reviews."""

    publisher: str = Field(min_length=1, description="The desk's name, the reviews' author")
    publisher_url: HttpUrl | None = Field(default=None, description="The desk's site")
    review_url: str = Field(
        description="Where each review is published: a URL with {id} for the claim's id"
    )

    def url_of(self, claim_id: int) -> str:
        return self.review_url.replace("{id}", str(claim_id))


def is_reviewed(row: ExportRow) -> bool:
    return row.status in VERDICTS


def claim_review(row: ExportRow, desk: Desk) -> dict:
    """The ClaimReview of one reviewed claim."""
    value, verdict = VERDICTS[row.status]
    speaker = row.source or row.outlet
    claim: dict = {
        "@type": "Claim",
        "appearance": _appearance(row),
    }
    if speaker:
        claim["author"] = _thing(AUTHOR_TYPES[row.source_kind], speaker)
    if row.published:
        claim["datePublished"] = row.published
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": desk.url_of(row.claim_id),
        "claimReviewed": row.claim,
        "itemReviewed": claim,
        "author": _desk(desk),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": verdict,
        },
    }
    if row.reviewed_at:
        review["datePublished"] = row.reviewed_at[:10]  # the day of the verdict
    if row.note:
        review["reviewBody"] = row.note
    return review


def _thing(schema_type: str, name: str, **more: object) -> dict:
    """A schema.org node with its name, and those of `more` that have a value."""
    return {"@type": schema_type, "name": name} | {k: v for k, v in more.items() if v}


def _appearance(row: ExportRow) -> dict:
    publisher = _thing("Organization", row.outlet) if row.outlet else None
    return _thing(
        "CreativeWork", row.article, url=row.url, publisher=publisher, datePublished=row.published
    )


def _desk(desk: Desk) -> dict:
    url = str(desk.publisher_url) if desk.publisher_url else None
    return _thing("Organization", desk.publisher, url=url)


def claim_reviews(rows: Iterable[ExportRow], desk: Desk) -> Iterator[str]:
    """The ClaimReviews of the reviewed claims among `rows`, each as JSON text safe to embed in
    a page."""
    for row in rows:
        if is_reviewed(row):
            text = json.dumps(claim_review(row, desk), ensure_ascii=False, indent=2)
            yield text.translate(HTML_SAFE)

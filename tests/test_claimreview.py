"""The desk's verdicts out as schema.org ClaimReview (issue 10 item 3): every record has what
Google's fact-check structured data requires (claimReviewed, reviewRating with its
alternateName, url) and what it recommends (author, datePublished, itemReviewed as a Claim with
its author and appearance), dates in ISO 8601; unreviewed claims are left out; hostile text
stays data."""

from __future__ import annotations

import io
import json
import re
from datetime import date

from typer.testing import CliRunner

from claims.claimreview import Desk, claim_review
from claims.cli import app
from claims.export import write
from claims.models import ExportRow, Kind, Status
from claims.store import ClaimFilter, Store, add_note, ingest, query_claims, set_status
from tests.store_helpers import make_article

DESK = Desk(
    publisher="منصة تحقق",
    publisher_url="https://desk.example.org",
    review_url="https://desk.example.org/checks/{id}",
)
HOSTILE = 'قال </script><script>alert(1)</script> & "=cmd"'
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def row(**changes) -> ExportRow:
    values = dict(
        claim_id=7,
        article="a.txt",
        url="https://almodon.example/news/7",
        outlet="المدن",
        published="2017-08-02",
        sentence="وقال المتحدث إن القوات تقدمت.",
        claim="إن القوات تقدمت",
        source="إيغور كوناشينكوف",
        source_kind=Kind.named_person,
        cue="قال",
        via=None,
        confidence=0.8,
        status=Status.verified,
        reviewer="amina",
        reviewed_at="2026-11-20T09:30:15+00:00",
        note=None,
        corroborated_by="",
        contradicted_by="",
    )
    return ExportRow(**(values | changes))


def assert_valid_claim_review(review: dict) -> None:
    """The shape Google's fact-check documentation asks of one ClaimReview."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"].strip()
    assert review["url"].startswith("https://")
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"].strip()
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert ISO_DAY.match(review["datePublished"])
    date.fromisoformat(review["datePublished"])
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"]
    assert claim["appearance"]["@type"] == "CreativeWork" and claim["appearance"]["name"]
    if "datePublished" in claim:
        date.fromisoformat(claim["datePublished"])


def test_each_verdict_and_kind_of_source_makes_a_valid_claim_review():
    for status, verdict in ((Status.verified, "صحيح"), (Status.disputed, "غير صحيح")):
        for kind, author_type in (
            (Kind.named_person, "Person"),
            (Kind.anonymous, "Person"),
            (Kind.organization, "Organization"),
            (Kind.media, "Organization"),
        ):
            review = claim_review(row(status=status, source_kind=kind), DESK)
            assert_valid_claim_review(review)
            assert review["reviewRating"]["alternateName"] == verdict
            assert review["itemReviewed"]["author"]["@type"] == author_type
            assert review["url"] == "https://desk.example.org/checks/7"
            assert review["itemReviewed"]["appearance"]["url"] == "https://almodon.example/news/7"
    narration = claim_review(row(source=None, source_kind=Kind.author), DESK)
    assert narration["itemReviewed"]["author"] == {"@type": "Organization", "name": "المدن"}


def test_only_reviewed_claims_are_written_and_hostile_text_stays_data():
    out = io.StringIO()
    rows = [
        row(claim_id=1, claim=HOSTILE, note=HOSTILE),
        row(claim_id=2, status=Status.unreviewed),
        row(claim_id=3, status=Status.disputed),
    ]
    assert write(rows, out, "claimreview", desk=DESK) == 2
    written = out.getvalue()
    assert "</script>" not in written and "<" not in written and "&" not in written
    reviews = json.loads(written)
    assert [r["url"].rsplit("/", 1)[1] for r in reviews] == ["1", "3"]
    assert reviews[0]["claimReviewed"] == HOSTILE and reviews[0]["reviewBody"] == HOSTILE
    for review in reviews:
        assert_valid_claim_review(review)
    assert json.loads(_written([row(status=Status.unreviewed)])) == []


def _written(rows: list[ExportRow]) -> str:
    out = io.StringIO()
    write(rows, out, "claimreview", desk=DESK)
    return out.getvalue()


def test_the_reviewed_claims_of_a_store_export_as_claim_reviews(db_url, tmp_path):
    store = Store.open(db_url)
    try:
        ingest(
            store,
            make_article(
                "a.txt",
                [
                    ("قال مسؤول إن الهجوم صد.", Kind.anonymous, "مسؤول أمني"),
                    ("وأعلنت وزارة الدفاع تدمير مواقع.", Kind.organization, "وزارة الدفاع"),
                    ("وصلت تعزيزات إلى المدينة.", Kind.author, None),
                ],
            ),
        )
        first, second, _ = query_claims(store, ClaimFilter())
        set_status(store, first.id, Status.verified, reviewer="amina", expected_version=1)
        set_status(store, second.id, Status.disputed, reviewer="omar", expected_version=1)
        add_note(store, second.id, "لا يطابق صور الأقمار", reviewer="omar", expected_version=2)
    finally:
        store.close()
    out = tmp_path / "reviews.json"
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--format",
            "claimreview",
            "--publisher",
            DESK.publisher,
            "--publisher-url",
            "https://desk.example.org",
            "--review-url",
            DESK.review_url,
            "--db",
            db_url,
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 reviews exported" in result.output
    reviews = json.loads(out.read_text(encoding="utf-8"))
    for review in reviews:
        assert_valid_claim_review(review)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["صحيح", "غير صحيح"]
    assert reviews[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "مسؤول أمني"}
    assert reviews[1]["reviewBody"] == "لا يطابق صور الأقمار"
    assert reviews[1]["author"] == {
        "@type": "Organization",
        "name": DESK.publisher,
        "url": "https://desk.example.org/",
    }


def test_a_claim_review_export_without_its_desk_is_a_usage_error(db_url, tmp_path):
    Store.open(db_url).close()
    runner = CliRunner()
    base = ["export", "--format", "claimreview", "--db", db_url, "--out", str(tmp_path / "r")]
    missing = runner.invoke(app, base)
    assert missing.exit_code == 2 and "needs --publisher and --review-url" in missing.output
    no_id = runner.invoke(app, [*base, "--publisher", "X", "--review-url", "https://e.org/c"])
    assert no_id.exit_code == 2 and "{id}" in no_id.output
    assert not (tmp_path / "r").exists()


def test_the_reviewed_seeds_export_as_valid_claim_reviews(db_url, tmp_path):
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(seeds), "--db", db_url]).exit_code == 0
    store = Store.open(db_url)
    try:
        named = query_claims(store, ClaimFilter(kind=Kind.named_person), limit=2)
        unnamed = query_claims(store, ClaimFilter(kind=Kind.anonymous), limit=1)
        for view, status in zip(
            [*named, *unnamed], [Status.verified, Status.disputed, Status.disputed], strict=True
        ):
            set_status(store, view.id, status, reviewer="amina", expected_version=view.version)
    finally:
        store.close()
    out = tmp_path / "seeds.json"
    desk = ["--publisher", DESK.publisher, "--review-url", DESK.review_url]
    result = runner.invoke(
        app, ["export", "--format", "claimreview", *desk, "--db", db_url, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == 3
    for review in reviews:
        assert_valid_claim_review(review)
    assert {r["itemReviewed"]["author"]["@type"] for r in reviews} == {"Person"}

"""A reviewer corrects what a page said of itself (claims.store.articles, `claims article`):
title, outlet, date and address, kept in the article's history and through re-ingest; an
outlet changed re-counts the page furniture and re-judges the article's links."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from claims.cli import app
from claims.models import Kind
from claims.store import (
    NotFound,
    Store,
    article,
    correct_article,
    get_claim,
    ingest,
    query_claims,
)
from claims.store.linking import link_store
from claims.store.tables import ClaimRow, LinkRow
from tests.store_helpers import make_article

STRIKE = "قصفت طائرات حربية روسية مدينة معرة النعمان بريف إدلب الجنوبي فجر اليوم"
STRIKE_AGAIN = "قصفت طائرات حربية روسية مدينة معرة النعمان في ريف إدلب الجنوبي صباح اليوم"
MENU = "الرئيسية أخبار سوريا تقارير رأي فيديو اتصل بنا"  # furniture-shaped: no sentence end


def strike_pages() -> list:
    return [
        make_article("a.txt", [(STRIKE, Kind.organization, "الدفاع المدني")], outlet="عنب بلدي"),
        make_article("b.txt", [(STRIKE_AGAIN, Kind.anonymous, "ناشطون")], outlet="المدن"),
    ]


def test_fields_are_corrected_with_their_history_and_the_claims_show_them(store):
    ingest(store, make_article("a.txt", [("جملة أولى عن القصف", Kind.author, None)]))
    fixed = correct_article(
        store,
        "a.txt",
        {"title": "عنوان صحيح", "published": "2017-08-03", "url": "https://example.org/a"},
        reviewer="hala",
        reason="the header printed the scrape day",
    )
    assert (fixed.title, fixed.published, fixed.url) == (
        "عنوان صحيح",
        "2017-08-03",
        "https://example.org/a",
    )
    assert [(e.field, e.old, e.new, e.reviewer) for e in fixed.edits] == [
        ("title", "عنوان", "عنوان صحيح", "hala"),
        ("published", "2017-08-02", "2017-08-03", "hala"),
        ("url", None, "https://example.org/a", "hala"),
    ]
    [claim] = query_claims(store)
    assert (claim.title, claim.published, claim.url) == (fixed.title, "2017-08-03", fixed.url)
    # the same values again change nothing and add no history
    again = correct_article(store, "a.txt", {"title": "عنوان صحيح"}, reviewer="samir")
    assert len(again.edits) == 3


def test_bad_corrections_are_refused_and_change_nothing(store):
    ingest(store, make_article("a.txt", [("جملة أولى عن القصف", Kind.author, None)]))
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        correct_article(store, "a.txt", {"published": "3 آب"}, reviewer="hala")
    with pytest.raises(ValueError, match="only title, outlet"):
        correct_article(store, "a.txt", {"byline": "x"}, reviewer="hala")
    with pytest.raises(ValueError, match="reviewer"):
        correct_article(store, "a.txt", {"title": "x"}, reviewer=" ")
    with pytest.raises(NotFound, match="b.txt"):
        correct_article(store, "b.txt", {"title": "x"}, reviewer="hala")
    assert article(store, "a.txt").edits == [] and article(store, "a.txt").title == "عنوان"


def test_a_new_version_of_the_file_keeps_the_corrections(store):
    ingest(store, make_article("a.txt", [("جملة أولى عن القصف", Kind.author, None)]))
    correct_article(store, "a.txt", {"outlet": "عنب بلدي", "published": None}, reviewer="hala")
    edited = make_article("a.txt", [("جملة أولى عن القصف", Kind.author, None), ("وجملة ثانية",)])
    assert ingest(store, edited).outcome == "updated"
    now = article(store, "a.txt")
    assert (now.version, now.outlet, now.published) == (2, "عنب بلدي", None)
    assert {c.outlet for c in query_claims(store)} == {"عنب بلدي"}


def test_an_outlet_corrected_to_the_other_pages_outlet_makes_their_agreement_a_duplicate(store):
    for page in strike_pages():
        ingest(store, page)
    link_store(store)
    [first, second] = [c.id for c in query_claims(store)]
    assert get_claim(store, first).n_corroborating == 1  # two outlets: independent
    raised = get_claim(store, first).confidence

    correct_article(store, "b.txt", {"outlet": "عنب بلدي"}, reviewer="hala", reason="a relay")
    with store.session() as session:  # the article's links wait for the next linking run
        assert session.execute(select(LinkRow)).first() is None
    assert get_claim(store, first).confidence < raised

    link_store(store)
    with store.session() as session:
        [link] = session.execute(select(LinkRow)).scalars()
    assert {link.claim_id, link.other_id} == {first, second} and link.kind == "duplicate"
    assert get_claim(store, first).n_corroborating == 0


def test_an_outlet_corrected_moves_the_page_furniture_it_counts_for(store):
    def flagged() -> set[str]:
        with store.session() as session:
            rows = session.execute(select(ClaimRow.sentence).where(ClaimRow.furniture.is_(True)))
            return {f"{sentence}" for sentence in rows.scalars()}

    for doc, outlet in (("a.txt", "المدن"), ("b.txt", "المدن"), ("c.txt", None)):
        ingest(store, make_article(doc, [(MENU,), (f"خبر {doc} عن القصف.",)], outlet=outlet))
    assert flagged() == {MENU}  # on two pages of المدن
    correct_article(store, "b.txt", {"outlet": "عنب بلدي"}, reviewer="hala")
    assert flagged() == set()  # one page of each outlet
    correct_article(store, "c.txt", {"outlet": "المدن"}, reviewer="hala")  # had none
    assert flagged() == {MENU}
    assert {c.doc for c in query_claims(store, limit=10)} == {"a.txt", "b.txt", "c.txt"}
    correct_article(store, "c.txt", {"outlet": ""}, reviewer="hala")  # none again
    assert flagged() == set()


runner = CliRunner()


def test_the_article_command_shows_and_corrects(tmp_path):
    db = str(tmp_path / "c.db")
    with Store.open(db, create=True) as store:
        ingest(store, make_article("a.txt", [("جملة أولى عن القصف", Kind.author, None)]))
    result = runner.invoke(
        app,
        ["article", "a.txt", "--outlet", "عنب بلدي", "--date", "2017-08-03", "--db", db],
        env={"CLAIMS_REVIEWER": "hala"},
    )
    assert result.exit_code == 0, result.output
    assert "outlet" in result.output and "عنب بلدي" in result.output
    shown = runner.invoke(app, ["article", "a.txt", "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert '"reviewer": "hala"' in shown.output and '"published": "2017-08-03"' in shown.output
    bad = runner.invoke(app, ["article", "a.txt", "--date", "soon", "--db", db])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    missing = runner.invoke(app, ["article", "z.txt", "--db", db])
    assert missing.exit_code == 1 and "z.txt" in missing.output

"""Boilerplate learned from the corpus: a passage on several pages of one outlet is furniture,
in `claims extract` and `claims eval` over the articles given and in the store over every
article it holds, whatever order they came in."""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from claims.boilerplate import (
    RECURRING,
    articles_needed,
    mark_recurring,
    outlet_key,
    passage_key,
    recurring_passages,
)
from claims.cli import app
from claims.evaluate import evaluate
from claims.models import ExtractedArticle
from claims.pipeline import extract_bytes, extract_path
from claims.store import (
    ClaimFilter,
    Store,
    count_claims,
    export_rows,
    get_claim,
    ingest,
    query_claims,
    related,
    stats,
)
from claims.store.linking import link_store
from claims.store.tables import ARTICLE, CLAIM, LINK, PASSAGE

DATA = Path(__file__).parent / "data" / "boilerplate"
PAGES = ("almodon_1.txt", "almodon_2.txt", "almodon_3.txt", "enab_1.txt")
REALDEV = Path(__file__).resolve().parent.parent.parent / "shared" / "realdev"

SLOGAN = "المدن منبر الخبر المستقل من بيروت إلى العالم"  # on the three pages of المدن
HEADLINE = "تركيا تعزز نقاط المراقبة في ريف حلب الغربي"  # المدن 1 and 2, عنب بلدي
BACKGROUND = (  # المدن 1 and 2: reporting the outlet repeats, a claim
    "وكانت قوات النظام قد سيطرت على مدينة خان شيخون في آب الماضي بعد معارك عنيفة مع فصائل المعارضة."
)
# A fourth page of المدن that repeats the background once more.
FOURTH = f"""سياسة
قصف مدفعي على أطراف معرة النعمان
استهدفت قوات النظام بالمدفعية أطراف مدينة معرة النعمان مساء الإثنين دون أن تسجل إصابات.
{SLOGAN}
{BACKGROUND}
جميع الحقوق محفوظة لموقع المدن 2024
"""


def pages(*names: str) -> list[ExtractedArticle]:
    return [extract_path(DATA / name) for name in names]


def fourth() -> ExtractedArticle:
    return extract_bytes(FOURTH.encode(), "almodon_4.txt")


def learned(articles: list[ExtractedArticle]) -> list[ExtractedArticle]:
    return mark_recurring(articles, recurring_passages(articles))


def kept(extracted: ExtractedArticle) -> list[str]:
    return [claim.text for claim in extracted.claims]


def set_aside(extracted: ExtractedArticle) -> list[str]:
    return [s.text for s in extracted.junk if s.junk_reason == RECURRING]


# --- the rule -------------------------------------------------------------------------------


def test_a_passage_is_a_sentence_in_its_matching_form_and_short_ones_are_not_learned():
    assert passage_key("  أكّدت   الوزارةُ الخبر ") == passage_key("اكدت الوزاره الخبر")
    assert passage_key("وأضاف المصدر:") is None  # two words: common to every outlet


def test_reporting_must_recur_on_more_pages_than_furniture():
    assert articles_needed(passage_key(BACKGROUND)) == 3
    assert articles_needed(passage_key("وقال مصدر عسكري لـ«المدن»:")) == 3  # opens a quotation
    assert articles_needed(passage_key(HEADLINE)) == 2
    assert articles_needed(passage_key("من يقف خلف استهداف الطائرات الروسية؟")) == 2
    # a Latin widget's text is no Arabic reporting, whatever its full stop
    assert articles_needed(passage_key("شبيهك 1/4 Your browser does not support the video.")) == 2


# --- over the articles given ------------------------------------------------------------------


def test_a_passage_on_two_pages_of_an_outlet_is_furniture_and_its_background_a_claim():
    one, two, three, enab = learned(pages(*PAGES))
    assert set_aside(one) == [SLOGAN, HEADLINE] and set_aside(two) == [SLOGAN, HEADLINE]
    assert set_aside(three) == [SLOGAN]
    assert BACKGROUND in kept(one) and BACKGROUND in kept(two)
    # one page of its outlet: the headline the other outlet's pages print is still its own
    assert set_aside(enab) == [] and HEADLINE in kept(enab)
    [junk] = [s for s in one.junk if s.text == SLOGAN]
    assert (junk.index, one.article.text[junk.start : junk.end]) == (3, SLOGAN)


def test_background_on_a_third_page_of_the_outlet_is_furniture_too():
    marked = learned([*pages(*PAGES), fourth()])
    assert all(BACKGROUND not in kept(page) for page in marked)
    assert BACKGROUND in set_aside(marked[-1])


def test_a_page_of_unknown_outlet_learns_nothing_and_loses_nothing():
    unknown = [
        page.model_copy(update={"article": page.article.model_copy(update={"outlet": None})})
        for page in pages(*PAGES[:3])
    ]
    assert learned(unknown) == unknown


def test_a_text_under_two_names_is_one_page():
    one = pages(PAGES[0])[0]
    copy = one.model_copy(update={"article": one.article.model_copy(update={"doc": "copy.txt"})})
    assert learned([one, copy]) == [one, copy]


def test_extract_over_a_directory_drops_what_recurs_among_its_files():
    result = CliRunner().invoke(app, ["extract", str(DATA)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    printed = {(r["doc"], r["text"]) for r in records}
    assert not {text for doc, text in printed if doc.startswith("almodon")} & {SLOGAN, HEADLINE}
    assert ("almodon_1.txt", BACKGROUND) in printed and ("enab_1.txt", HEADLINE) in printed
    alone = CliRunner().invoke(app, ["extract", str(DATA / PAGES[0])])
    assert SLOGAN in {json.loads(line)["text"] for line in alone.output.splitlines()}


def test_eval_extracts_the_gold_articles_together(tmp_path):
    gold = tmp_path / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as lines:
        for doc in PAGES[:2]:
            for i, text in enumerate((BACKGROUND, HEADLINE, SLOGAN)):
                junk = text != BACKGROUND
                row = {"doc": doc, "i": i, "text": text, "junk": junk, "kind": "author"}
                lines.write(json.dumps(row, ensure_ascii=False) + "\n")
    scores = evaluate(gold, DATA)
    assert (scores.junk.precision, scores.junk.recall) == (1.0, 1.0)


@pytest.mark.skipif(not REALDEV.is_dir(), reason="../shared/realdev is not on this machine")
def test_on_real_pages_the_passages_learned_are_furniture_and_never_reporting():
    gold = [json.loads(line) for line in (REALDEV / "gold.jsonl").open(encoding="utf-8")]
    pages = {path.name: extract_path(path) for path in sorted((REALDEV / "text").glob("*.txt"))}
    recurring = recurring_passages(pages.values())
    learned_gold = [
        g
        for g in gold
        if (outlet := outlet_key(pages[g["doc"]])) is not None
        and passage_key(g["text"]) in recurring.get(outlet, ())
    ]
    assert [g["text"] for g in learned_gold if not g["junk"]] == []
    assert len(learned_gold) >= 8  # measured 2026-12-04 (README)


# --- in the store ------------------------------------------------------------------------------


def furniture(store: Store) -> set[tuple[str, str]]:
    """(file, sentence) of every claim set aside as furniture."""
    with store.session() as session:
        rows = session.execute(
            select(ARTICLE.c.doc, CLAIM.c.sentence)
            .join(ARTICLE, ARTICLE.c.id == CLAIM.c.article_id)
            .where(CLAIM.c.furniture.is_(True), CLAIM.c.current.is_(True))
        )
        return set(map(tuple, rows))


def listed(store: Store) -> set[tuple[str, str]]:
    return {(v.doc, v.sentence) for v in query_claims(store, limit=1000)}


def state(store: Store) -> tuple[set, set, set]:
    """What the store holds, without ids and times: listed claims, furniture, passages."""
    with store.session() as session:
        passages = set(
            map(
                tuple,
                session.execute(
                    select(ARTICLE.c.doc, PASSAGE.c.sentence_index, PASSAGE.c.digest).join(
                        ARTICLE, ARTICLE.c.id == PASSAGE.c.article_id
                    )
                ),
            )
        )
    return listed(store), furniture(store), passages


def test_ingest_sets_aside_a_passage_once_it_recurs_with_the_claims_stored_before(store):
    one, two = pages(*PAGES[:2])
    ingest(store, one)
    assert (PAGES[0], SLOGAN) in listed(store) and furniture(store) == set()
    ingest(store, two)
    assert furniture(store) == {(doc, text) for doc in PAGES[:2] for text in (SLOGAN, HEADLINE)}
    assert not {text for _doc, text in listed(store)} & {SLOGAN, HEADLINE}
    assert {(PAGES[0], BACKGROUND), (PAGES[1], BACKGROUND)} <= listed(store)
    claims = len(one.claims) + len(two.claims) - 4
    assert count_claims(store) == stats(store).claims == claims
    assert len(list(export_rows(store))) == claims
    assert count_claims(store, ClaimFilter(article=PAGES[0], search="منبر الخبر")) == 0


@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_the_store_learns_the_same_whatever_order_the_articles_came_in(store, order):
    articles = [*pages(*PAGES[:2]), fourth()]
    for n in order:
        ingest(store, articles[n])
    together = learned(articles)
    assert listed(store) == {(p.article.doc, c.text) for p in together for c in p.claims}
    assert furniture(store) == {(p.article.doc, text) for p in together for text in set_aside(p)}
    assert (PAGES[0], BACKGROUND) in furniture(store)  # on three pages


def test_ingesting_the_same_files_again_changes_nothing(store):
    for page in pages(*PAGES):
        ingest(store, page)
    before = state(store)
    assert [ingest(store, page).outcome for page in pages(*PAGES)] == ["unchanged"] * 4
    assert state(store) == before


def test_an_edit_that_drops_the_passage_gives_the_other_page_its_claim_back(store):
    one, two = pages(*PAGES[:2])
    ingest(store, one)
    ingest(store, two)
    edited = two.article.text.replace(SLOGAN + "\n", "").replace(HEADLINE + "\n", "")
    ingest(store, extract_bytes(edited.encode(), PAGES[1]))
    assert furniture(store) == set()
    assert {(PAGES[0], SLOGAN), (PAGES[0], HEADLINE)} <= listed(store)


def test_a_recurring_passage_is_never_linked(store):
    for page in pages(*PAGES):
        ingest(store, page)
    link_store(store)
    # the background, a claim on two pages of المدن, corroborates what عنب بلدي's sources say
    background = {v.id for v in query_claims(store, limit=1000) if v.sentence == BACKGROUND}
    [told] = query_claims(store, ClaimFilter(article=PAGES[3], search="خان شيخون"))
    assert {r.claim.id for r in related(store, told.id)} == background
    [extracted] = [c for c in pages(PAGES[3])[0].claims if c.text == told.sentence]
    assert told.confidence > extracted.confidence

    ingest(store, fourth())  # the background's third page: it is furniture now
    assert background <= _furniture_ids(store)
    assert _linked_ids(store) & _furniture_ids(store) == set()
    assert related(store, told.id) == []
    alone = get_claim(store, told.id)
    assert alone.confidence == extracted.confidence
    assert not any("corroborated" in r.label for r in alone.reasons)

    link_store(store)
    assert _linked_ids(store) & _furniture_ids(store) == set()
    # what it was linked to is linked again, its figure and reasons as a full relink gives them
    linked = {v.id: (v.confidence, v.reasons) for v in query_claims(store, limit=1000)}
    assert linked[told.id][1][-1].label == "linked: no related claims"
    link_store(store, all=True)
    assert {v.id: (v.confidence, v.reasons) for v in query_claims(store, limit=1000)} == linked


def _furniture_ids(store: Store) -> set[int]:
    with store.session() as session:
        return set(session.execute(select(CLAIM.c.id).where(CLAIM.c.furniture)).scalars())


def _linked_ids(store: Store) -> set[int]:
    with store.session() as session:
        rows = session.execute(select(LINK.c.claim_id, LINK.c.other_id)).all()
    return {end for row in rows for end in row}

"""Saved web pages: the article's text and the page's metadata from its HTML, its declared
encoding honoured, bad pages refused by name; scored on the saved pages of tests/data/html."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from claims.cli import app
from claims.evaluate import evaluate
from claims.pipeline import extract_path, iter_inputs
from claims.read import UnreadableFile
from claims.store import Store
from claims.store.tables import ARTICLE, PAGE

PAGES = Path(__file__).resolve().parent / "data" / "html"

ARABIC_BODY = (
    "وقال مصدر محلي إن القصف استهدف حي الصناعة في مدينة حلب صباح اليوم وأدى إلى أضرار مادية كبيرة "
    "في المحال التجارية والمنازل القريبة، بينما عملت فرق الدفاع المدني على إخماد الحرائق."
)


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html lang='ar'><head>{head}<title>عنوان الخبر</title></head><body>{body}</body></html>"


def test_the_saved_pages_keep_the_articles_sentences_and_drop_the_rest():
    """The figure the README gives: menus, related lists, comments, share bars, cookie
    banners dropped; the articles' sentences kept and attributed."""
    scores = evaluate(PAGES / "gold.jsonl", PAGES)
    assert scores.sentences >= 150
    assert scores.junk.f1 >= 0.95
    assert scores.attributed.f1 >= 0.9


def test_a_page_gives_its_own_title_author_date_site_and_address():
    extracted = extract_path(PAGES / "sada-idlib-shelling.html")
    article = extracted.article
    assert article.title == "قصف مدفعي يطال بلدات في ريف إدلب الجنوبي ونزوح عشرات العائلات"
    assert article.byline == "فريق التحرير"
    assert article.published == "2024-03-12"
    assert article.outlet == "صدى الشمال"
    assert article.url == "https://sada-alshamal.example/news/sada-idlib-shelling"
    assert (
        article.page is not None
        and article.page.raw == (PAGES / "sada-idlib-shelling.html").read_bytes()
    )
    # the stored text is the extracted one, and every offset indexes it
    assert article.text.startswith(article.title)
    for claim in extracted.claims:
        assert article.text[claim.start : claim.end] == claim.text
    assert "ملفات تعريف الارتباط" not in article.text  # the cookie banner
    assert "الله يفرج عن أهلنا" not in article.text  # a reader's comment
    assert "مواضيع ذات صلة" not in article.text


@pytest.mark.parametrize("name", ["furat-deir-clashes.html", "furat-raqqa-water.htm"])
def test_a_declared_windows_1256_page_is_read_as_windows_1256(name):
    raw = (PAGES / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = extract_path(PAGES / name).article
    assert article.encoding == "windows-1256"
    assert article.outlet == "بوابة الفرات"
    assert "قوات سوريا الديمقراطية" in article.text or "الإدارة الذاتية" in article.text
    assert "\ufffd" not in article.text and not article.warnings


def test_a_utf8_page_that_declares_windows_1256_is_read_as_utf8_with_a_warning(tmp_path):
    path = tmp_path / "mislabelled.html"
    path.write_bytes(
        page(f"<article><p>{ARABIC_BODY}</p></article>", "<meta charset=windows-1256>").encode()
    )
    article = extract_path(path).article
    assert article.encoding == "utf-8" and "مصدر محلي" in article.text
    assert article.warnings == [
        "mislabelled.html: declares windows-1256 but is UTF-8; read as UTF-8"
    ]


def test_the_pages_metadata_wins_over_the_text_rules(tmp_path):
    """A copyright line in the text names another outlet: the page's site name is kept."""
    path = tmp_path / "meta.html"
    path.write_bytes(
        page(
            f"<article><p>{ARABIC_BODY}</p><p>جميع الحقوق محفوظة لموقع المدن 2024</p></article>",
            '<meta charset="utf-8"><meta property="og:site_name" content="منبر حلب">',
        ).encode()
    )
    assert extract_path(path).article.outlet == "منبر حلب"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\t ", "is blank"),
        (b"<html>\x00\x01\x02</html>", "is a binary file"),
        ("مجرد نص بلا وسوم".encode(), "has no HTML tags"),
        (page("<nav><a href='/'>الرئيسية</a></nav>").encode(), "no article text"),
        (
            page(
                "<article><p>" + "The army said the convoy was hit. " * 20 + "</p></article>"
            ).encode(),
            "not Arabic",
        ),
    ],
)
def test_a_bad_or_empty_page_is_refused_by_name_with_the_reason(tmp_path, raw, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(raw)
    with pytest.raises(UnreadableFile) as refused:
        extract_path(path)
    assert refused.value.path == "bad.html" and reason in refused.value.reason


def test_control_characters_a_page_carries_as_entities_never_reach_the_text(tmp_path):
    path = tmp_path / "hostile.html"
    hostile = "عنوان&#27;[2J خبيث"
    path.write_bytes(
        page(f"<article><h1>{hostile}</h1><p>{ARABIC_BODY}&#27;]0;x&#7;</p></article>").encode()
    )
    article = extract_path(path).article
    assert "\x1b" not in article.text and "\x07" not in article.text
    assert "عنوان[2J خبيث" in article.text  # the rest stays, as plain text


def test_a_folder_gives_its_web_pages_beside_its_text_files(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC_BODY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(page(f"<p>{ARABIC_BODY}</p>"), encoding="utf-8")
    (tmp_path / "sub" / "c.HTM").write_text(page(f"<p>{ARABIC_BODY}</p>"), encoding="utf-8")
    (tmp_path / "style.css").write_text("body{}", encoding="utf-8")
    assert [item.doc for item in iter_inputs([tmp_path])] == ["a.txt", "sub/b.html", "sub/c.HTM"]


def test_claims_extract_reads_a_folder_of_pages_and_refuses_a_bad_one_by_name(tmp_path):
    for name in ("sada-idlib-shelling.html", "furat-raqqa-water.htm"):
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc"] for r in records} == {"sada-idlib-shelling.html", "furat-raqqa-water.htm"}
    assert "skipped" in result.stderr and "empty.html: is empty" in result.stderr


def test_ingesting_a_saved_page_keeps_the_page_beside_its_article(db_url, tmp_path):
    raw = (PAGES / "minbar-floods.html").read_bytes()
    (tmp_path / "minbar-floods.html").write_bytes(raw)
    for _ in range(2):  # the second time unchanged
        result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", db_url])
        assert result.exit_code == 0, result.output
    assert "1 unchanged" in result.output
    with Store.open(db_url) as store, store.session() as session:
        [article] = session.execute(select(ARTICLE)).mappings().all()
        [page] = session.execute(select(PAGE)).mappings().all()
    assert article["url"] == "https://minbar-halab.example/news/minbar-floods"
    assert article["title"].startswith("الأمم المتحدة: مئات العائلات")
    assert article["text"].startswith(article["title"])
    assert page["article_id"] == article["id"] and page["raw"] == raw
    assert (page["url"], page["http_status"], page["fetched_at"]) == (None, None, None)

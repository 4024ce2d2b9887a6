"""Export: the issue's column order, CSV with a BOM for Excel, JSONL, and no formula injection."""

from __future__ import annotations

import csv
import io
import json

from claims.export import COLUMNS, neutralise, write
from claims.models import Kind, Status
from claims.store import ClaimFilter, export_rows, ingest, query_claims, set_status
from claims.store.queries import LINK
from tests.store_helpers import make_article, sample

ISSUE_COLUMNS = [
    "claim_id",
    "article",
    "outlet",
    "published",
    "sentence",
    "claim",
    "source",
    "source_kind",
    "cue",
    "via",
    "confidence",
    "status",
    "reviewer",
    "reviewed_at",
    "note",
    "corroborated_by",
    "contradicted_by",
    "url",
]

HOSTILE = [
    ('=HYPERLINK("http://evil","اضغط")', Kind.author, None),
    ("+1+cmd|' /C calc'!A0", Kind.named_person, "+مصدر"),
    ("-2+3", Kind.anonymous, "-مصادر"),
    ("@SUM(A1:A9)", Kind.organization, "@وزارة"),
    ("\tتبويب في البداية", Kind.author, None),
    ("\rعودة في البداية", Kind.author, None),
]


def _csv(store, **kwargs) -> str:
    out = io.StringIO()
    write(export_rows(store, **kwargs), out, "csv")
    return out.getvalue()


def test_columns_are_the_issues_in_order():
    assert list(COLUMNS) == ISSUE_COLUMNS


def test_csv_starts_with_bom_and_header(store):
    ingest(store, sample())
    text = _csv(store)
    assert text.startswith("\ufeffclaim_id,article,outlet,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 4
    assert rows[0]["article"] == "a.txt" and rows[0]["status"] == "unreviewed"
    assert rows[1]["source_kind"] == "organization"


def test_no_bom_option():
    out = io.StringIO()
    write([], out, "csv", bom=False)
    assert out.getvalue() == ",".join(ISSUE_COLUMNS) + "\r\n"


def test_hostile_article_cannot_inject_formulas(store):
    article = make_article("=evil.txt", HOSTILE, outlet="=cmd", title="-t")
    ingest(store, article)
    claim = query_claims(store, limit=1)[0]
    set_status(store, claim.id, Status.disputed, reviewer="@amina", expected_version=1, note="=1+1")
    rows = list(csv.reader(io.StringIO(_csv(store).lstrip("\ufeff"))))[1:]
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    first = dict(zip(ISSUE_COLUMNS, rows[0], strict=True))
    assert first["sentence"] == "'" + HOSTILE[0][0]
    assert first["article"] == "'=evil.txt"
    assert first["note"] == "'=1+1" and first["reviewer"] == "'@amina"


def test_neutralise_leaves_ordinary_text():
    assert neutralise("قال الوزير") == "قال الوزير"
    assert neutralise("a-b") == "a-b"
    assert neutralise("-5") == "'-5"


def test_jsonl_keeps_arabic_and_keys_in_order(store):
    ingest(store, sample())
    out = io.StringIO()
    write(export_rows(store, ClaimFilter(kind=Kind.anonymous)), out, "jsonl")
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert list(record) == ISSUE_COLUMNS
    assert record["source"] == "مصادر مطلعة" and "مصادر" in lines[0]


def test_links_fill_corroborated_and_contradicted_columns(store):
    ingest(store, sample())
    a, b, c = (view.id for view in query_claims(store, limit=3))
    with store.session() as session:
        session.execute(
            LINK.insert(),
            [
                dict(claim_id=a, other_id=b, kind="corroborates", score=0.9, reasons=[]),
                dict(claim_id=c, other_id=a, kind="corroborates", score=0.8, reasons=[]),
                dict(claim_id=b, other_id=c, kind="contradicts", score=0.8, reasons=[]),
            ],
        )
    by_id = {row.claim_id: row for row in export_rows(store)}
    assert by_id[a].corroborated_by == f"{b} {c}"
    assert by_id[b].contradicted_by == str(c) and by_id[c].contradicted_by == str(b)


def test_export_streams_past_one_chunk_in_both_orders(store):
    from claims.store import iter_claims

    sentences = [(f"جملة رقم {i} عن الحدث.", Kind.author, None) for i in range(123)]
    ingest(store, make_article("long.txt", sentences))
    for order in ("position", "confidence"):
        ids = [view.id for view, _ in iter_claims(store, order=order, chunk=10)]
        assert len(ids) == len(set(ids)) == 123
    assert len(list(export_rows(store))) == 123

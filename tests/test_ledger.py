"""The source ledger (`claims.store.sources`) on SQLite and PostgreSQL: counts, anonymous phrases
grouped per outlet, orders and filters, on a small store whose every figure is known."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from claims.cli import app
from claims.models import Kind, Status
from claims.store import (
    ClaimFilter,
    SourceFilter,
    SourceSort,
    count_claims,
    count_sources,
    ingest,
    query_claims,
    set_status,
    sources,
)
from claims.store.ledger import COLUMNS
from claims.store.queries import A, C
from claims.store.tables import ARTICLE, CLAIM, LinkRow
from tests.store_helpers import make_article

ANON = "مصادر مطلعة"
MINISTRY = "وزارة الدفاع الروسية"
SPOKESMAN = "إيغور كوناشينكوف"
MUDUN, ENAB = "المدن", "عنب بلدي"
DAY_ONE = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
# When each article was ingested, in days after DAY_ONE: what `last_seen` reads.
INGESTED = {"a.txt": 0, "b.txt": 4, "c.txt": 2, "d.txt": 1, "e.txt": 3}

ARTICLES = [
    make_article(
        "a.txt",
        [
            ("قالت مصادر مطلعة إن القصف استمر.", Kind.anonymous, ANON),
            ("وأكدت وزارة الدفاع الروسية أن الطائرات قصفت.", Kind.organization, MINISTRY),
            ("وقال إيغور كوناشينكوف إن القوات تقدمت.", Kind.named_person, SPOKESMAN),
        ],
        outlet=MUDUN,
        published="2017-08-02",
    ),
    make_article(
        "b.txt",
        [
            # the same phrase with a shadda: the same source of the same outlet
            ("وذكرت مصادر مطّلعة أن الطرق أغلقت.", Kind.anonymous, "مصادر مطّلعة"),
            ("ونفت وزارة الدفاع الروسية أن تكون الطائرات قصفت.", Kind.organization, MINISTRY),
        ],
        outlet=MUDUN,
        published="2017-08-05",
    ),
    make_article(
        "c.txt",
        [
            ("قالت مصادر مطلعة إن المعبر فتح.", Kind.anonymous, ANON),
            ("وقالت وزارة الدفاع الروسية إن الهدنة صامدة.", Kind.organization, MINISTRY),
            ("تابعونا على قناة الموقع قالت مصادر مطلعة.", Kind.anonymous, ANON),  # furniture
        ],
        outlet=ENAB,
        published="2017-08-03",
    ),
    # Two articles whose outlet is not known: nothing says their sources are one.
    make_article("d.txt", [("قالت مصادر مطلعة إن السوق أغلق.", Kind.anonymous, ANON)], outlet=None),
    make_article("e.txt", [("قالت مصادر مطلعة إن الجسر دمر.", Kind.anonymous, ANON)], outlet=None),
]
# d.txt first held a sentence of the spokesman, gone from its current version.
D_FIRST = make_article(
    "d.txt",
    [
        ("قالت مصادر مطلعة إن السوق أغلق.", Kind.anonymous, ANON),
        ("وقال إيغور كوناشينكوف إن الجسر سليم.", Kind.named_person, SPOKESMAN),
    ],
    outlet=None,
)


def claim_id(store, doc: str, index: int) -> int:
    flt = ClaimFilter(article=doc, include_superseded=True)
    return next(v.id for v in query_claims(store, flt, limit=100) if v.index == index)


@pytest.fixture
def ledger_store(store):
    """The articles above, with links, verdicts, a furniture claim and a superseded claim."""
    ingest(store, D_FIRST)
    old_spokesman = claim_id(store, "d.txt", 1)
    for article in ARTICLES:
        ingest(store, article)
    with store.session() as session:
        for doc, days in INGESTED.items():
            session.execute(
                update(ARTICLE)
                .where(A.doc == doc, A.current.is_(True))
                .values(ingested_at=DAY_ONE + timedelta(days=days))
            )
        session.execute(
            update(CLAIM).where(C.id == claim_id(store, "c.txt", 2)).values(furniture=True)
        )
        for one, other, kind in (
            (("a.txt", 0), ("c.txt", 1), "corroborates"),
            (("b.txt", 1), ("a.txt", 2), "contradicts"),
            (("a.txt", 1), ("b.txt", 1), "contradicts"),  # the ministry against itself: once
            (("a.txt", 0), ("b.txt", 0), "duplicate"),  # counted nowhere
        ):
            session.add(
                LinkRow(
                    claim_id=claim_id(store, *one),
                    other_id=claim_id(store, *other),
                    kind=kind,
                    score=0.9,
                )
            )
        # A link to a claim no longer current speaks for nobody.
        session.add(
            LinkRow(
                claim_id=claim_id(store, "a.txt", 0),
                other_id=old_spokesman,
                kind="corroborates",
                score=0.9,
            )
        )
    for (doc, index), status in (
        (("a.txt", 1), Status.verified),
        (("b.txt", 1), Status.disputed),
        (("c.txt", 1), Status.disputed),
        (("a.txt", 0), Status.disputed),
        (("a.txt", 2), Status.verified),
    ):
        set_status(store, claim_id(store, doc, index), status, reviewer="desk", expected_version=1)
    return store


def row_names(rows) -> list[tuple[str, tuple[str, ...]]]:
    """Each row as (name, outlets): what tells the rows apart here."""
    return [(row.name, tuple(row.outlets)) for row in rows]


def by_name_and_outlets(rows):
    return {(row.name, tuple(row.outlets)): row for row in rows}


def test_anonymous_phrases_are_one_source_per_outlet_never_across_outlets(ledger_store):
    rows = sources(ledger_store, SourceFilter(kind=Kind.anonymous))
    assert sorted(len(row.entity_ids) for row in rows) == [1, 1, 1, 2]
    assert sorted((tuple(row.outlets), row.claims) for row in rows) == [
        ((), 1),  # d.txt
        ((), 1),  # e.txt: another outlet-less article, another row
        ((MUDUN,), 2),  # a.txt and b.txt, the spelling with a shadda included
        ((ENAB,), 1),  # the furniture claim of c.txt does not count
    ]


def test_a_named_source_is_one_row_with_every_outlet_and_its_counts(ledger_store):
    rows = by_name_and_outlets(sources(ledger_store))
    ministry = rows[MINISTRY, (MUDUN, ENAB)]
    assert ministry.kind is Kind.organization
    assert (ministry.claims, ministry.verified, ministry.disputed) == (3, 1, 2)
    assert ministry.disputed_share == pytest.approx(0.667)
    assert (ministry.corroborations, ministry.contradictions) == (1, 2)
    assert ministry.last_seen == DAY_ONE + timedelta(days=4)
    assert ministry.last_published == "2017-08-05"
    # The spokesman's sentence dropped from d.txt counts neither as a claim nor as a link.
    spokesman = rows[SPOKESMAN, (MUDUN,)]
    assert (spokesman.claims, spokesman.verified, spokesman.contradictions) == (1, 1, 1)
    assert spokesman.corroborations == 0
    assert spokesman.disputed_share == 0.0
    mudun = rows[ANON, (MUDUN,)]
    assert (mudun.corroborations, mudun.contradictions, mudun.disputed_share) == (1, 0, 1.0)
    assert rows[ANON, (ENAB,)].disputed_share is None  # nothing reviewed
    assert count_sources(ledger_store) == len(sources(ledger_store)) == 6


def test_a_filtered_ledger_counts_the_links_to_sources_it_leaves_out(ledger_store):
    people = sources(ledger_store, SourceFilter(kind=Kind.named_person))
    assert [(row.name, row.contradictions) for row in people] == [(SPOKESMAN, 1)]  # the ministry
    ministry = sources(ledger_store, SourceFilter(search="وزاره الدفاع"))
    # against the spokesman, and against itself once
    assert [(row.corroborations, row.contradictions) for row in ministry] == [(1, 2)]


def test_a_row_filters_the_claims_to_exactly_its_own(ledger_store):
    for row in sources(ledger_store):
        claims = query_claims(ledger_store, row.claim_filter(), limit=100)
        assert len(claims) == count_claims(ledger_store, row.claim_filter()) == row.claims
        assert {claim.source_id for claim in claims} <= set(row.entity_ids)


NO_OUTLET = (ANON, ())
# Ties among the anonymous rows of one claim go to the oldest entity: d.txt's (its first
# version came first), then the Enab Baladi one (c.txt), then e.txt's.
ONE_CLAIM_ANONYMOUS = [NO_OUTLET, (ANON, (ENAB,)), NO_OUTLET]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (
            SourceSort.claims,  # ties: by name, then the oldest entity
            [(MINISTRY, (MUDUN, ENAB)), (ANON, (MUDUN,)), (SPOKESMAN, (MUDUN,))]
            + ONE_CLAIM_ANONYMOUS,
        ),
        (
            SourceSort.disputed,  # share of the reviewed claims; unreviewed sources last
            [(ANON, (MUDUN,)), (MINISTRY, (MUDUN, ENAB)), (SPOKESMAN, (MUDUN,))]
            + ONE_CLAIM_ANONYMOUS,
        ),
        (
            SourceSort.verified,
            [(SPOKESMAN, (MUDUN,)), (MINISTRY, (MUDUN, ENAB)), (ANON, (MUDUN,))]
            + ONE_CLAIM_ANONYMOUS,
        ),
        (
            SourceSort.last_seen,  # b.txt (the ministry and the Mudun's sources), e, c, d, a
            [(MINISTRY, (MUDUN, ENAB)), (ANON, (MUDUN,)), NO_OUTLET, (ANON, (ENAB,)), NO_OUTLET]
            + [(SPOKESMAN, (MUDUN,))],
        ),
        (
            SourceSort.name,  # on the normalised name: ا before م before و
            [(SPOKESMAN, (MUDUN,)), (ANON, (MUDUN,))]
            + ONE_CLAIM_ANONYMOUS
            + [(MINISTRY, (MUDUN, ENAB))],
        ),
    ],
)
def test_orders(ledger_store, sort, expected):
    assert row_names(sources(ledger_store, sort=sort)) == expected


def test_outlet_less_rows_keep_their_article_in_every_order(ledger_store):
    """d.txt and e.txt are told apart by their entities; last seen puts e (day 3) before d."""
    rows = [r for r in sources(ledger_store, sort=SourceSort.last_seen) if not r.outlets]
    assert [r.last_seen for r in rows] == [DAY_ONE + timedelta(days=3), DAY_ONE + timedelta(days=1)]


def test_link_counts_order_the_sources_that_have_them_first(ledger_store):
    contradicted = sources(ledger_store, sort=SourceSort.contradictions, limit=2)
    assert {row.name for row in contradicted} == {MINISTRY, SPOKESMAN}
    corroborated = sources(ledger_store, sort=SourceSort.corroborations, limit=2)
    assert row_names(corroborated) == [(MINISTRY, (MUDUN, ENAB)), (ANON, (MUDUN,))]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (SourceFilter(kind=Kind.named_person), {(SPOKESMAN, (MUDUN,))}),
        (
            SourceFilter(kind=[Kind.named_person, Kind.organization]),
            {(SPOKESMAN, (MUDUN,)), (MINISTRY, (MUDUN, ENAB))},
        ),
        # a source with a claim in the outlet, with all its outlets
        (SourceFilter(outlet="عنب"), {(ANON, (ENAB,)), (MINISTRY, (MUDUN, ENAB))}),
        # hamza, diacritics, ta marbuta and the article ignored
        (SourceFilter(search="ايغور"), {(SPOKESMAN, (MUDUN,))}),
        (SourceFilter(search="وزاره الدفاع"), {(MINISTRY, (MUDUN, ENAB))}),
        (
            SourceFilter(search="المصادر المطّلعة", outlet="المدن"),
            {(ANON, (MUDUN,))},
        ),
        (SourceFilter(search="رويترز"), set()),
    ],
)
def test_filters(ledger_store, flt, expected):
    rows = sources(ledger_store, flt)
    assert set(row_names(rows)) == expected
    assert count_sources(ledger_store, flt) == len(rows)


def test_limit_and_offset_page_through_the_order(ledger_store):
    every = row_names(sources(ledger_store, sort=SourceSort.name))
    pages = [
        row_names(sources(ledger_store, sort=SourceSort.name, offset=start, limit=4))
        for start in (0, 4)
    ]
    assert pages[0] + pages[1] == every and len(pages[0]) == 4


def test_an_empty_store_has_an_empty_ledger(store):
    assert sources(store) == [] and count_sources(store) == 0


# --- claims sources ------------------------------------------------------------------------

runner = CliRunner()


def claims_sources(db_url: str, *args: str):
    """`claims sources` on a terminal wide enough that no name or outlet wraps."""
    return runner.invoke(
        app, ["sources", "--db", db_url, *args], env={"COLUMNS": "160"}, catch_exceptions=False
    )


def test_the_table_lists_the_sources_in_the_order_asked(ledger_store, db_url):
    result = claims_sources(db_url, "--sort", "disputed", "--limit", "2")
    assert result.exit_code == 0, result.output
    rows = [
        line.split() for line in result.stdout.splitlines() if line.startswith((" anon", " org"))
    ]
    # kind, first word of the name; claims, verified/disputed, disputed share, links
    assert [row[:2] + row[-5:-1] for row in rows] == [
        ["anon", "مصادر", "2", "0/1", "100%", "1/0"],
        ["org", "وزارة", "3", "1/2", "67%", "1/2"],
    ]
    assert SPOKESMAN not in result.stdout
    assert "2 of 6 sources, by disputed" in result.stdout


def test_csv_has_the_columns_a_bom_and_lists_in_one_cell(ledger_store, db_url):
    result = claims_sources(db_url, "--format", "csv", "--kind", "organization")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert list(rows[0]) == list(COLUMNS)
    assert rows == [
        rows[0]
        | {
            "kind": "organization",
            "name": MINISTRY,
            "outlets": f"{MUDUN} | {ENAB}",
            "claims": "3",
            "verified": "1",
            "disputed": "2",
            "disputed_share": "0.667",
            "last_seen": "2026-01-05T12:00:00+00:00",
            "last_published": "2017-08-05",
        }
    ]
    assert "1 sources written to standard output" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_and_jsonl_hold_every_row_with_the_same_keys(ledger_store, db_url, fmt):
    result = claims_sources(db_url, "--format", fmt, "--sort", "name")
    assert result.exit_code == 0, result.output
    if fmt == "json":
        records = json.loads(result.stdout)
    else:
        records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["name"] for r in records] == [name for name, _ in ORDER_BY_NAME]
    assert set(records[0]) == set(COLUMNS)
    assert records[0]["outlets"] == [MUDUN] and records[0]["kind"] == "named_person"


ORDER_BY_NAME = [(SPOKESMAN, (MUDUN,)), (ANON, (MUDUN,)), *ONE_CLAIM_ANONYMOUS]
ORDER_BY_NAME.append((MINISTRY, (MUDUN, ENAB)))


def test_filters_and_limit_reach_the_store(ledger_store, db_url):
    result = claims_sources(
        db_url, "-f", "jsonl", "--outlet", "عنب", "--search", "مصادر", "--kind", "anonymous"
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["name"], r["outlets"]) for r in records] == [(ANON, [ENAB])]
    limited = claims_sources(db_url, "-f", "jsonl", "--limit", "2")
    assert len(limited.stdout.splitlines()) == 2


def test_a_name_a_spreadsheet_would_run_stays_text(store, db_url):
    ingest(
        store,
        make_article("f.txt", [("قال =HYPERLINK إن الطريق مغلق", Kind.organization, "=HYPERLINK")]),
    )
    result = claims_sources(db_url, "-f", "csv", "--no-bom")
    assert result.stdout.splitlines()[1].startswith("organization,'=HYPERLINK,")


def test_out_writes_the_file_whole_and_refuses_a_table(ledger_store, db_url, tmp_path):
    target = tmp_path / "ledger.csv"
    result = claims_sources(db_url, "-f", "csv", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 7
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    missing = claims_sources(db_url, "-f", "csv", "--out", str(tmp_path / "nowhere" / "l.csv"))
    assert missing.exit_code == 2 and "does not exist" in missing.output
    table = claims_sources(db_url, "--out", str(target))
    assert table.exit_code == 2 and "--format csv" in table.output


def test_a_read_ends_inside_its_statement_when_it_is_stopped(store):
    """The stop reaches the database inside a statement (SQLite's progress handler,
    PostgreSQL's cancel): a query that would run for minutes ends with Stopped, and the store
    reads as before afterwards; a read whose stop is never set runs to its end."""
    import threading

    from sqlalchemy import text

    from claims.store import Stopped
    from claims.store.engine import stoppable

    sqlite = store.engine.dialect.name == "sqlite"
    endless = text(
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1e12) "
        "SELECT count(*) FROM n"
        if sqlite
        else "SELECT pg_sleep(600)"
    )
    stop = threading.Event()
    with store.session() as session:
        threading.Timer(0.1, stop.set).start()
        with pytest.raises(Stopped), stoppable(session, stop):
            session.execute(endless).scalar_one()
    with store.session() as session, stoppable(session, threading.Event()):
        assert session.execute(text("SELECT 1")).scalar_one() == 1
    assert sources(store, stop=threading.Event()) == sources(store)

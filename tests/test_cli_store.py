"""The store's commands end to end: seeds ingested twice, refused files, export, db upgrade."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.store import Store, count_claims
from tests.store_helpers import migrate_to
from tests.test_ingest import _snapshot

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()

pytest.importorskip("claims.pipeline")


def claims(*args: str):
    return runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def test_seeds_ingested_twice_give_the_same_rows(db_url):
    first = claims("ingest", SEEDS, "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "5 articles stored (5 new" in first.output
    store = Store.open(db_url)
    try:
        before = _snapshot(store)
        assert count_claims(store) > 0
        second = claims("ingest", SEEDS, "--db", db_url)
        assert second.exit_code == 0 and "5 unchanged" in second.output
        assert _snapshot(store) == before
    finally:
        store.close()


def test_ingest_in_two_jobs_stores_what_one_job_stores(empty_databases):
    snapshots = []
    for jobs in (1, 2):
        url = empty_databases()
        result = claims("ingest", SEEDS, "--db", url, "--jobs", jobs)
        assert result.exit_code == 0, result.output
        store = Store.open(url)
        try:
            snapshots.append(_snapshot(store))
        finally:
            store.close()
    assert snapshots[0] == snapshots[1]


def test_bad_file_is_reported_skipped_and_fails_the_exit_status(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    db = tmp_path / "c.db"
    result = claims("ingest", bad, SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], "--db", db)
    assert result.exit_code == 1
    assert "1 refused" in result.output and "bad.txt" in result.output
    assert "1 articles stored" in result.output


def test_export_to_stdout_as_csv_without_bom_and_jsonl(tmp_path):
    db = tmp_path / "c.db"
    claims("ingest", SEEDS, "--db", db)
    result = claims("export", "--out", "-", "--no-bom", "--kind", "anonymous", "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("claim_id,article,")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {row["source_kind"] for row in rows} == {"anonymous"}
    out = tmp_path / "claims.jsonl"
    assert claims("export", "--out", out, "--format", "jsonl", "--db", db).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) > len(rows)


def test_list_show_stats(tmp_path):
    db = tmp_path / "c.db"
    claims("ingest", SEEDS, "--db", db)
    listed = claims("list", "--limit", "3", "--db", db)
    assert listed.exit_code == 0 and "3 of" in listed.output
    assert claims("show", "1", "--db", db).exit_code == 0
    assert claims("show", "99999", "--db", db).exit_code == 1
    stats = claims("stats", "--db", db)
    assert stats.exit_code == 0 and "articles (current)" in stats.output


def test_older_store_is_refused_until_db_upgrade(tmp_path):
    db = tmp_path / "old.db"
    migrate_to(f"sqlite:///{db}", "0001")
    refused = claims("list", "--db", db)
    assert refused.exit_code == 2
    assert "claims db upgrade" in refused.output
    upgraded = claims("db", "upgrade", "--db", db)
    assert upgraded.exit_code == 0 and "from revision 0001" in upgraded.output
    assert claims("list", "--db", db).exit_code == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_extractor_failure_on_one_file_is_refused_and_the_rest_stored(tmp_path, monkeypatch, jobs):
    from claims import pipeline

    real = pipeline.extract_article

    # extract_article, not extract_path: the pool sends extract_path to its workers by name,
    # and they are forked after this patch, so the failure happens in them too.
    def flaky(article):
        if article.doc.startswith("000"):
            raise IndexError("boom")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    result = claims("ingest", SEEDS, "--db", tmp_path / "c.db", "--jobs", jobs)
    assert result.exit_code == 1
    assert "4 articles stored" in result.output and "1 refused" in result.output
    assert "IndexError: boom" in result.output


def test_list_keeps_ids_kinds_and_status_readable_in_80_columns(tmp_path):
    db = tmp_path / "c.db"
    claims("ingest", SEEDS, "--db", db)
    result = runner.invoke(
        app, ["list", "--kind", "anonymous", "--limit", "3", "--db", str(db)], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    with Store.open(db) as store:
        from claims.models import Kind
        from claims.store import ClaimFilter, query_claims

        shown = query_claims(store, ClaimFilter(kind=Kind.anonymous), limit=3)
    lines = [line for line in result.output.splitlines() if line.startswith("│")]
    assert len(lines) == 3
    for line, view in zip(lines, shown, strict=True):
        assert len(line) <= 80
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        assert cells[0] == str(view.id) and cells[2] == str(view.index)
        assert cells[3] == "anonymous" and cells[6] == "unreviewed"
        assert cells[7] and view.claim.startswith(cells[7].rstrip("…"))

"""The command line as sqlite-utils and Datasette users expect it (issue 15): --format on list,
show and stats, --status repeated, --version, a missing store refused, a malformed gold file
named by line, summaries in words."""

from __future__ import annotations

import csv
import io
import json
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.models import Status
from claims.store import Store, count_claims, ingest, set_status
from tests.store_helpers import make_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()

pytest.importorskip("claims.pipeline")


def claims(*args: object, **env: str):
    return runner.invoke(app, [str(arg) for arg in args], env=env or None)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> str:
    """A store of the seeds, claim 1 verified and claim 2 disputed (read only in the tests)."""
    db = str(tmp_path_factory.mktemp("seeds") / "c.db")
    assert claims("ingest", SEEDS, "--db", db).exit_code == 0
    with Store.open(db) as store:
        set_status(store, 1, Status.verified, reviewer="hala", expected_version=1)
        set_status(store, 2, Status.disputed, reviewer="hala", expected_version=1)
    return db


def _ids(jsonl: str) -> set[int]:
    return {json.loads(line)["id"] for line in jsonl.splitlines()}


def test_list_prints_csv_json_and_jsonl(seeds_db):
    as_csv = claims("list", "--limit", "3", "--format", "csv", "--db", seeds_db)
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    header = ["id", "doc", "index", "kind", "source", "confidence", "status", "claim"]
    assert rows[0] == header and len(rows) == 4  # the table's columns; no BOM before them
    as_json = json.loads(claims("list", "--limit", "3", "-f", "json", "--db", seeds_db).stdout)
    assert [record["id"] for record in as_json] == [1, 2, 3]
    assert "reasons" in as_json[0]  # JSON keeps every field
    as_jsonl = claims("list", "--limit", "3", "-f", "jsonl", "--db", seeds_db)
    assert _ids(as_jsonl.stdout) == {1, 2, 3}
    assert "3 of 109 claims" in as_jsonl.stderr  # the count stays off the records


def test_show_prints_the_claim_with_its_history_and_links_as_one_record(seeds_db):
    detail = json.loads(claims("show", "1", "--format", "json", "--db", seeds_db).stdout)
    assert len(detail) == 1
    assert detail[0]["id"] == 1 and detail[0]["status"] == "verified"
    assert [entry["new_status"] for entry in detail[0]["history"]] == ["verified"]
    assert "related" in detail[0] and "reasons" in detail[0]
    rows = list(csv.reader(io.StringIO(claims("show", "1", "-f", "csv", "--db", seeds_db).stdout)))
    assert rows[0][:3] == ["id", "article_id", "doc"] and "reasons" not in rows[0]
    assert rows[1][0] == "1"
    assert json.loads(claims("show", "1", "-f", "jsonl", "--db", seeds_db).stdout)["id"] == 1


def test_stats_prints_its_figures_as_records(seeds_db):
    figures = json.loads(claims("stats", "--format", "json", "--db", seeds_db).stdout)
    by_name = {figure["figure"]: figure["count"] for figure in figures}
    assert by_name["articles (current)"] == 5 and by_name["claims"] == 109
    assert by_name["claims by status: verified"] == 1
    rows = list(csv.reader(io.StringIO(claims("stats", "-f", "csv", "--db", seeds_db).stdout)))
    assert rows[0] == ["figure", "count"] and ["claims", "109"] in rows
    table = claims("stats", "--db", seeds_db)
    assert "claims by status: verified" in table.stdout


def test_csv_output_of_list_and_show_is_formula_safe_and_utf8(tmp_path):
    db = str(tmp_path / "c.db")
    with Store.open(db) as store:
        ingest(store, make_article("a.txt", [("=HYPERLINK(1) قال الوزير", "author", None)]))
    for args in (("list",), ("show", "1")):
        result = runner.invoke(app, [*args, "--format", "csv", "--db", db])
        assert result.exit_code == 0, result.output
        assert "'=HYPERLINK(1) قال الوزير" in result.stdout_bytes.decode("utf-8")


def test_status_repeats_and_reviewed_means_verified_or_disputed(seeds_db, tmp_path):
    both = claims(
        "list", "--status", "verified", "--status", "disputed", "-f", "jsonl", "--db", seeds_db
    )
    assert both.exit_code == 0, both.output
    assert _ids(both.stdout) == {1, 2}
    reviewed = claims("list", "--status", "reviewed", "-f", "jsonl", "--db", seeds_db)
    assert _ids(reviewed.stdout) == {1, 2}
    exported = claims(
        "export", "--status", "verified", "--status", "unreviewed", "--out", "-", "--no-bom",
        "--db", seeds_db,
    )  # fmt: skip
    ids = [row["claim_id"] for row in csv.DictReader(io.StringIO(exported.stdout))]
    assert "2" not in ids and "1" in ids and len(ids) == 108


def test_version_is_the_package_version():
    result = claims("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claims {version('claims')}"


READERS = [
    ("list",),
    ("show", "1"),
    ("stats",),
    ("export", "--out", "-"),
    ("sources",),
    ("link",),
    ("check", "قال الوزير إن الطريق مغلق"),
]


@pytest.mark.parametrize("command", READERS, ids=lambda command: command[0])
def test_a_store_file_that_does_not_exist_is_refused_not_made(command, tmp_path):
    missing = tmp_path / "typo.db"
    for given in ({"args": ("--db", missing)}, {"env": {"CLAIMS_DB": str(missing)}}):
        result = claims(*command, *given.get("args", ()), **given.get("env", {}))
        assert result.exit_code == 2, result.output
        assert f"no store at {missing}" in result.output
        assert f"claims ingest FILES --db {missing}" in result.output
        assert "Traceback" not in result.output and not missing.exists()


def test_create_makes_an_empty_store_and_ingest_makes_one(tmp_path):
    assert claims("list", "--create", "--db", tmp_path / "empty.db").exit_code == 0
    assert (tmp_path / "empty.db").is_file()
    made = tmp_path / "new.db"
    assert claims("ingest", SEEDS / "000_f3f47a71a113346b.txt", "--db", made).exit_code == 0
    with Store.open(made) as store:
        assert count_claims(store) > 0


@pytest.mark.parametrize(
    ("second_line", "problem"),
    [
        ('{"doc": "a.txt", broken', "line 2: not valid JSON"),
        ('{"doc": "a.txt", "i": 1}', "line 2: the field 'text' is missing"),
        (b'{"doc": "a.txt", "i": 1, "text": "\xff"}', "line 2: not UTF-8 text"),
    ],
)
def test_eval_names_the_file_and_line_of_a_malformed_gold_file(second_line, problem, tmp_path):
    gold = tmp_path / "gold.jsonl"
    second = second_line if isinstance(second_line, bytes) else second_line.encode()
    gold.write_bytes(b'{"doc": "a.txt", "i": 0, "text": "x"}\n' + second + b"\n")
    result = claims("eval", gold, SEEDS)
    assert result.exit_code == 2
    assert result.stderr == f"error: {gold} {problem}" + result.stderr.split(problem, 1)[1]
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output


def test_ingest_says_its_links_in_words(tmp_path):
    result = claims("ingest", SEEDS, "--db", tmp_path / "c.db")
    linked = next(line for line in result.stderr.splitlines() if line.startswith("linked"))
    assert linked.endswith("claims not linked before: 14 duplicate")

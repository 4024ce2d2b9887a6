"""`claims compare` and `claims link` from the command line."""

from __future__ import annotations

import csv

from typer.testing import CliRunner

from claims.cli import app

runner = CliRunner()


def test_compare_prints_relation_score_and_reasons():
    result = runner.invoke(app, ["compare", "سقط 30 قتيلاً في إدلب", "سقط 150 قتيلاً في إدلب"])
    assert result.exit_code == 0, result.output
    first, *reasons = result.output.splitlines()
    assert first.startswith("contradicts\t")
    assert any("30 قتيلاً" in r for r in reasons)


def test_compare_csv_writes_relation_score_reasons(tmp_path):
    src, out = tmp_path / "pairs.csv", tmp_path / "judged.csv"
    with src.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["s1", "s2"])
        writer.writerow(["قتل 30 مدنياً في غارة على دوما", "قتل 30 مدنياً في غارة على حلب"])
        writer.writerow(["أكثر من 400 قتيل في دير الزور", "حوالي 400 قتيل في دير الزور"])
    result = runner.invoke(app, ["compare", "--csv", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["relation"] for r in rows] == ["unrelated", "corroborates"]
    assert set(rows[0]) == {"s1", "s2", "relation", "score", "reasons"}


def test_compare_csv_without_the_columns_says_so(tmp_path):
    src = tmp_path / "bad.csv"
    src.write_text("a,b\nx,y\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", "--csv", str(src)])
    assert result.exit_code == 2
    assert "s1 and s2" in result.output


def test_link_on_an_empty_store(tmp_path):
    from claims.store import Store

    db = str(tmp_path / "c.db")
    Store.open(db).close()
    result = runner.invoke(app, ["link", "--db", db])
    assert result.exit_code == 0, result.output
    assert "linked 0 new of 0 claims" in result.output


def test_link_after_ingest_links_only_the_new_claims(tmp_path):
    from claims.models import Kind
    from claims.store import Store, ingest
    from tests.store_helpers import make_article

    db = tmp_path / "c.db"
    with Store.open(str(db)) as store:
        ingest(
            store, make_article("a.txt", [("سقط 30 قتيلاً في غارات على إدلب", Kind.author, None)])
        )
    assert "linked 1 new of 1 claims:" in runner.invoke(app, ["link", "--db", str(db)]).output
    with Store.open(str(db)) as store:
        ingest(
            store, make_article("b.txt", [("سقط 150 قتيلاً في غارات على إدلب", Kind.author, None)])
        )
    result = runner.invoke(app, ["link", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "linked 1 new of 2 claims (against 1 stored claims" in result.output
    assert "1 contradicts" in result.output
    assert "made again" not in result.output


def test_link_says_when_it_made_stored_claims_keys_again(tmp_path, monkeypatch):
    # after an upgrade that changed how keys are made, a run without new claims takes time
    from claims import link as linker
    from claims.models import Kind
    from claims.store import Store, ingest
    from tests.store_helpers import make_article

    db = tmp_path / "c.db"
    with Store.open(str(db)) as store:
        ingest(store, make_article("a.txt", [("سقط 30 قتيلاً في إدلب", Kind.author, None)]))
    runner.invoke(app, ["link", "--db", str(db)])
    monkeypatch.setattr(linker, "keys_version", lambda: "edited-lexicon")
    result = runner.invoke(app, ["link", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "linked 0 new of 1 claims" in result.output
    assert "blocking keys of 1 stored claims made again" in result.output

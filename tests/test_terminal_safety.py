"""What reaches the terminal: no password, no control codes from articles or file names, and one
line instead of a traceback when the store or the disk fails (issue 14, items 10 to 14)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from claims.cli import app
from claims.store import Store, ingest
from claims.store.tables import LINK, LINK_INDEX
from claims.terminal import safe
from tests.store_helpers import make_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()
PASSWORD = "hunter2-secret"
# ESC clearing the screen and turning it red, C1 CSI and OSC, a right-to-left override, an isolate
HOSTILE = "\x1b[2J\x1b[31m\x9b31m\x9d0;owned\x07\u202e\u2067"
FORBIDDEN = ("\x1b", "\x9b", "\x9d", "\x07", "\u202e", "\u2067")


def claims(*args: object, **env: str):
    return runner.invoke(app, [str(arg) for arg in args], env=env or None)


def _commands(db: str, tmp_path: Path) -> list[tuple]:
    """Every command that opens a store, as its argument list."""
    return [
        ("ingest", SEEDS / "000_f3f47a71a113346b.txt", "--db", db),
        ("list", "--db", db),
        ("show", "1", "--db", db),
        ("stats", "--db", db),
        ("export", "--out", tmp_path / "out.csv", "--db", db),
        ("link", "--db", db),
        ("db", "upgrade", "--db", db),
        ("doctor", "--db", db),
    ]


def _with_password(url: str) -> str:
    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


def _shows_password(output: str) -> bool:
    """Whether the password is in the output, also when a table cut it across lines."""
    return PASSWORD in "".join(output.replace("│", " ").split())


@pytest.mark.parametrize(
    "db",
    [
        f"postgresql+psycopg://alice:{PASSWORD}@127.0.0.1:1/claims",  # no server there
        f"postgresql://alice:{PASSWORD}@127.0.0.1:port/claims",  # a port that is no number
        f"nosuch://alice:{PASSWORD}@127.0.0.1/claims",  # a database claims does not know
    ],
)
def test_no_command_prints_the_password_of_an_unusable_store(db, tmp_path):
    for args in _commands(db, tmp_path):
        result = claims(*args)
        assert result.exit_code in (1, 2), (args, result.output)  # doctor: 1, a finding
        assert isinstance(result.exception, SystemExit), (args, result.exception)
        assert not _shows_password(result.output), args
        result = claims(*[a for a in args if a not in ("--db", db)], CLAIMS_DB=db)
        assert not _shows_password(result.output), args


def test_no_command_prints_the_password_of_a_store_in_use(empty_databases, tmp_path):
    url = empty_databases()
    if not url.startswith("postgresql"):
        pytest.skip("a SQLite store has no password")
    db = _with_password(url)  # the test server trusts any password
    for args in _commands(db, tmp_path):
        result = claims(*args)
        assert "Traceback" not in result.output, (args, result.output)
        assert not _shows_password(result.output), (args, result.output)
    assert "***" in claims("stats", "--db", db).output


def test_safe_shows_controls_as_escapes_and_drops_bidi_controls():
    assert safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert safe("\x9b2J\x9d0;x\x07") == "\\x9b2J\\x9d0;x\\x07"
    assert safe("قال\u202eعكس\u2067") == "قالعكس"
    assert safe("سطر\tو\nسطر") == "سطر\tو\nسطر"


def _output_is_clean(output: str) -> None:
    found = [ch for ch in FORBIDDEN if ch in output]
    assert not found, (found, output)


def test_list_show_and_stats_never_send_control_codes(tmp_path):
    db = str(tmp_path / "c.db")
    store = Store.open(db)
    try:
        article = make_article(
            f"article{HOSTILE}.txt",
            [(f"قال الوزير{HOSTILE} إن الطريق مغلق", "named_person", f"الوزير{HOSTILE}")],
            outlet=f"المدن{HOSTILE}",
            title=f"عنوان{HOSTILE}",
        )
        ingest(store, article)
    finally:
        store.close()
    for args in (("list",), ("show", "1"), ("stats",), ("sources",)):
        result = claims(*args, "--db", db)
        assert result.exit_code == 0, result.output
        _output_is_clean(result.output)
    assert "\\x1b[2J" in claims("show", "1", "--db", db).output
    wide = runner.invoke(app, ["sources", "--db", db], env={"COLUMNS": "200"})  # names unwrapped
    assert "\\x1b[2J" in wide.output


def test_ingest_and_extract_messages_never_send_control_codes_from_file_names(tmp_path):
    named = tmp_path / f"article{HOSTILE}.txt"
    shutil.copy(SEEDS / "000_f3f47a71a113346b.txt", named)
    refused = tmp_path / f"bad{HOSTILE}.txt"
    refused.write_bytes(b"\x00\x01 binary")
    damaged = tmp_path / f"damaged{HOSTILE}.txt"  # read with a warning that names the file
    damaged.write_bytes((SEEDS / "000_f3f47a71a113346b.txt").read_bytes() + b"\xff")
    for args in (
        ("ingest", tmp_path, "--db", tmp_path / "c.db"),
        ("extract", named, refused, damaged, "--format", "table"),
    ):
        result = claims(*args)
        assert result.exit_code == 1, result.output
        assert "bad\\x1b[2J" in result.output
        assert "damaged\\x1b[2J" in result.output and "not valid UTF-8" in result.output
        _output_is_clean(result.output)


def _export(db: Path, out: Path):
    return claims("export", "--out", out, "--db", db)


def test_a_failed_export_leaves_the_earlier_file_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    assert claims("ingest", SEEDS, "--db", db).exit_code == 0
    target = tmp_path / "claims.csv"
    assert _export(db, target).exit_code == 0
    before = target.read_bytes()
    from claims import export

    def disk_full(rows, out, **_):
        out.write("claim_id\r\n")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export, "write_csv", disk_full)
    result = _export(db, target)
    assert result.exit_code == 2
    assert "disk is full" in result.output and "unchanged" in result.output
    assert "Traceback" not in result.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", "claims.csv"]


def test_export_into_a_missing_folder_is_a_clear_error(tmp_path):
    db = tmp_path / "c.db"
    Store.open(db).close()
    result = _export(db, tmp_path / "nowhere" / "claims.csv")
    assert result.exit_code == 2
    assert "the folder" in result.output and "does not exist" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _damaged_store(tmp_path: Path) -> Path:
    db = tmp_path / "c.db"
    assert claims("ingest", SEEDS, "--db", db).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    # bad pages in the middle, past the tables' first pages (the header, the schema and the
    # revision intact)
    with db.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * (size // 32))
    return db


def test_a_damaged_store_is_one_line_saying_what_to_do(tmp_path):
    db = _damaged_store(tmp_path)
    for args in (
        ("list", "--limit", "1000"),
        ("stats",),
        ("show", "60"),
        ("export", "--out", tmp_path / "out.csv"),
    ):
        result = claims(*args, "--db", db)
        assert result.exit_code == 2, (args, result.output)
        assert isinstance(result.exception, SystemExit), (args, result.exception)
        assert "damaged" in result.output and "c.db" in result.output, args
        assert "integrity_check" in result.output and "backup" in result.output, args


def test_a_limit_or_id_beyond_64_bits_is_a_usage_error(tmp_path):
    db = tmp_path / "c.db"
    huge = str(2**64)
    for args in (("list", "--limit", huge), ("list", "--offset", huge), ("show", huge)):
        result = claims(*args, "--db", db)
        assert result.exit_code == 2, (args, result.output)
        assert isinstance(result.exception, SystemExit), (args, result.exception)


def _link_rows(db: Path) -> tuple[int, int]:
    store = Store.open(db)
    try:
        with store.session() as session:
            links = session.scalar(select(func.count()).select_from(LINK))
            keys = session.scalar(select(func.count()).select_from(LINK_INDEX))
        return links or 0, keys or 0
    finally:
        store.close()


def test_a_full_disk_while_linking_is_a_clear_error_and_stores_no_half_links(tmp_path, monkeypatch):
    from claims.store import linking

    db = tmp_path / "c.db"
    real_refresh = linking._refresh

    def disk_full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(linking, "_refresh", disk_full)
    result = claims("ingest", SEEDS, "--db", db)
    assert result.exit_code == 2 and "disk" in result.output and "full" in result.output
    assert isinstance(result.exception, SystemExit)
    assert _link_rows(db) == (0, 0)  # the links and keys written before the failure undone
    linked = claims("link", "--db", db)
    assert linked.exit_code == 2 and "full" in linked.output
    monkeypatch.setattr(linking, "_refresh", real_refresh)
    assert claims("link", "--db", db).exit_code == 0
    assert _link_rows(db)[0] > 0


def test_compare_names_a_hostile_csv_path_without_control_codes(tmp_path):
    missing = claims("compare", "--csv", tmp_path / f"pairs{HOSTILE}.csv")
    no_columns = tmp_path / f"other{HOSTILE}.csv"
    no_columns.write_text("a,b\n", encoding="utf-8")
    wrong = claims("compare", "--csv", no_columns)
    for result in (missing, wrong):
        assert result.exit_code == 2, result.output
        assert "\\x1b[2J" in result.output
        _output_is_clean(result.output)

"""`claims review`: reviewer name, bidi mode, ingest before opening, terminal mode restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import _register_plugins, app
from claims.store import Store, count_claims
from tui.app import ReviewApp
from tui.bidi import BIDI_OFF, BIDI_ON
from tui.command import reviewer_name

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


@pytest.fixture
def opened(monkeypatch):
    """Replace running the app with a record of how it would have run."""
    seen: dict = {}

    def fake_run(self: ReviewApp, *args, **kwargs) -> None:
        seen["reviewer"] = self.session.reviewer
        seen["mode"] = self.bidi.mode.value
        seen["count"] = count_claims(self.store)

    monkeypatch.setattr(ReviewApp, "run", fake_run)
    if not any(command.name == "review" for command in app.registered_commands):
        _register_plugins()
    return seen


def test_reviewer_comes_from_option_then_environment_then_user(monkeypatch):
    monkeypatch.setenv("CLAIMS_REVIEWER", "hala")
    assert reviewer_name("samir") == "samir"
    assert reviewer_name(None) == "hala"
    monkeypatch.delenv("CLAIMS_REVIEWER")
    assert reviewer_name(None)  # the OS user


def test_review_ingests_the_paths_then_opens_the_app(tmp_path, opened, monkeypatch):
    pytest.importorskip("claims.pipeline")
    monkeypatch.setenv("CLAIMS_REVIEWER", "hala")
    monkeypatch.setenv("CLAIMS_BIDI", "terminal")  # whatever terminal runs the tests
    db = tmp_path / "r.db"
    result = runner.invoke(app, ["review", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(str(db)) as store:
        stored = count_claims(store)
    assert stored > 0
    assert opened == {"reviewer": "hala", "mode": "terminal", "count": stored}


def _empty_store(tmp_path: Path) -> str:
    db = str(tmp_path / "r.db")
    Store.open(db).close()
    return db


def test_review_of_a_refused_file_stops_before_the_app(tmp_path, opened):
    pytest.importorskip("claims.pipeline")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    result = runner.invoke(app, ["review", str(bad), str(SEEDS), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1  # as `claims ingest` says it
    assert "bad.txt" in result.output
    assert opened == {}  # the app did not open over the refusal


def test_review_of_a_store_file_that_does_not_exist_is_refused(tmp_path, opened):
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["review", "--db", str(missing)])
    assert result.exit_code == 2
    assert f"no store at {missing}" in result.output
    assert opened == {} and not missing.exists()


def test_bidi_from_environment_and_bad_value_named(tmp_path, opened, monkeypatch):
    monkeypatch.setenv("CLAIMS_BIDI", "visual")
    db = _empty_store(tmp_path)
    assert runner.invoke(app, ["review", "--db", db]).exit_code == 0
    assert opened["mode"] == "visual"
    bad = runner.invoke(app, ["review", "--db", db, "--bidi", "sideways"])
    assert bad.exit_code != 0
    assert "terminal" in bad.output and "visual" in bad.output


def test_visual_mode_turns_terminal_reordering_off_then_on(tmp_path, opened, monkeypatch):
    import io
    import sys

    fake = io.StringIO()
    monkeypatch.setattr(sys, "__stderr__", fake)
    result = runner.invoke(app, ["review", "--db", _empty_store(tmp_path), "--bidi", "visual"])
    assert result.exit_code == 0, result.output
    assert fake.getvalue() == BIDI_OFF + BIDI_ON

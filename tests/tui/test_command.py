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
    db = tmp_path / "r.db"
    result = runner.invoke(app, ["review", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(str(db)) as store:
        stored = count_claims(store)
    assert stored > 0
    assert opened == {"reviewer": "hala", "mode": "terminal", "count": stored}


def test_bidi_from_environment_and_bad_value_named(tmp_path, opened, monkeypatch):
    monkeypatch.setenv("CLAIMS_BIDI", "visual")
    db = str(tmp_path / "r.db")
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
    result = runner.invoke(app, ["review", "--db", str(tmp_path / "r.db"), "--bidi", "visual"])
    assert result.exit_code == 0, result.output
    assert fake.getvalue() == BIDI_OFF + BIDI_ON

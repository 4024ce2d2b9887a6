"""`claims review [PATH...]`: ingest the given files into the store, then open the review app.

Registered on the `claims` command through the `claims.commands` entry point, so that the core
never imports the review app or Textual.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import typer

ENV_REVIEWER = "CLAIMS_REVIEWER"
# How long a reviewer's verdict waits for another writer of the store (an ingest), seconds.
REVIEW_LOCK_WAIT = 30.0


def reviewer_name(option: str | None) -> str:
    """``--reviewer``, else ``$CLAIMS_REVIEWER``, else the operating-system user."""
    name = (option or os.environ.get(ENV_REVIEWER) or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (some containers)
        return "reviewer"


def ingest_paths(paths: list[Path], db: str | None) -> None:
    """Ingest files and folders exactly as `claims ingest` does (progress, summary, refusals).

    A refused file stops here with ingest's exit status, before the app opens: the reviewer
    reads the refusal (the app would cover it) and fixes the path or the file.
    """
    from claims.cli_extract import MaxSizeOption
    from claims.cli_store import ingest as claims_ingest
    from claims.fetch import DEFAULT_TIMEOUT

    # None: all cores; the size limit and timeout of `claims ingest`
    claims_ingest(
        paths=[str(path) for path in paths],
        urls_file=None,
        db=db,
        jobs=None,
        max_size=MaxSizeOption.default,
        timeout=DEFAULT_TIMEOUT,
    )


def review(
    paths: list[Path] = typer.Argument(  # noqa: B006 - typer reads the default
        None, help="Article files or folders to ingest before reviewing (optional)."
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store: a SQLite file or a SQLAlchemy URL (default $CLAIMS_DB, ./claims.db).",
    ),
    reviewer: str | None = typer.Option(
        None,
        "--reviewer",
        help="Name written with every review action (default $CLAIMS_REVIEWER, else your user name).",
    ),
    bidi: str = typer.Option(
        None,
        "--bidi",
        help="terminal: the terminal reorders Arabic (GNOME Terminal, Konsole, mlterm). "
        "visual: the app reorders it (kitty, Windows Terminal, xterm, VS Code, tmux). "
        "Default $CLAIMS_BIDI, else read from the terminal; t in the app switches.",
    ),
    shape: bool = typer.Option(
        False,
        "--shape",
        help="In visual mode, also join Arabic letters (for terminals that do not shape).",
    ),
) -> None:
    """Review claims in a terminal app: v verified, d disputed, u unreviewed, n note, z undo, ? keys.

    Example: claims review seeds/ --db review.db --bidi visual
    """
    from claims.store import Store, StoreError
    from claims.terminal import safe
    from tui.bidi import BIDI_ON, BidiMode, choose_mode, terminal_reordering_off

    try:
        mode, chosen_by = choose_mode(bidi)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--bidi") from None
    paths = [p for p in paths or [] if str(p)]
    if paths:
        ingest_paths(paths, db)
    try:
        # a mistyped --db must not open an empty app; the paths given were ingested above
        store = Store.open(db, create=False)
    except StoreError as err:
        typer.echo(f"claims review: {safe(err)}", err=True)
        raise typer.Exit(2) from None

    store.lock_wait = min(store.lock_wait, REVIEW_LOCK_WAIT)
    from tui.app import ReviewApp

    app = ReviewApp(
        store, reviewer=reviewer_name(reviewer), bidi=mode, shaping=shape, bidi_chosen_by=chosen_by
    )
    # Textual draws on stderr; the mode switch goes to the same terminal stream.
    try:
        with terminal_reordering_off(sys.__stderr__, mode):
            app.run()
        if app.bidi.visual and mode is not BidiMode.visual:  # switched to visual in the app
            sys.__stderr__.write(BIDI_ON)
    finally:
        store.close()

"""The `claims` command: thin, each subcommand calls the stages and prints."""

from __future__ import annotations

import gc
from importlib.metadata import entry_points, version

import typer

app = typer.Typer(
    help="Track who asserts what in Arabic news: extract, store, link, review, export.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"claims {version('claims')}")
        raise typer.Exit()


@app.callback()
def _options(
    _version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the version of claims and exit",
    ),
) -> None:
    """Track who asserts what in Arabic news: extract, store, link, review, export."""


from claims import cli_extract, cli_store  # noqa: E402

cli_extract.register(app)  # extract, eval

cli_store.register(app)  # ingest, export, list, show, stats, doctor, db upgrade

from claims import cli_link  # noqa: E402

cli_link.register(app)  # link, compare


def _register_plugins() -> None:
    """Commands that live outside the core (the review app) register through entry points,
    so that the core never imports them."""
    for entry in entry_points(group="claims.commands"):
        app.command(entry.name)(entry.load())


# Allocations between two collections of the youngest generation (Python's default is 700).
# A command is one short process that makes many objects and few reference cycles.
YOUNG_COLLECTION_EVERY = 10_000


def main() -> None:
    _register_plugins()
    # What the imports made so far lives as long as the process: the collector need not walk
    # it again (the store's modules, imported later by the commands that open one, are not
    # frozen), and collects young objects less often (the whole `claims ingest` of 52 real
    # pages about 5 % less CPU).
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])
    app()

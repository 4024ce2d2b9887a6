"""`claims link` and `claims compare`: thin commands over claims.link and the store."""

from __future__ import annotations

import csv
import getpass
import json
import sys
import time
from enum import Enum
from pathlib import Path

import typer

from claims.cli_store import opened_store
from claims.terminal import safe

DB_HELP = "Claim store: a file path or SQLAlchemy URL (default: $CLAIMS_DB, else ./claims.db)"


def link(
    all_: bool = typer.Option(False, "--all", help="Forget every link and relink the whole store"),
    db: str | None = typer.Option(None, "--db", envvar="CLAIMS_DB", help=DB_HELP),
) -> None:
    """Link new claims against the store: duplicates, corroborations, contradictions.

    Only claims not linked yet are analysed, with the stored claims that share one of their
    rarer content words, places or figures (the store keeps each linked claim's keys);
    confidence and its reasons move with the links. Example: claims link --db claims.db
    """
    started = time.perf_counter()
    with opened_store(db, create=None) as store:
        # one transaction: a failure (a full disk) leaves the links as they were before
        result = run(store, all=all_)
    found = links_in_words(result.links)
    against = ""
    if result.new and result.new < result.claims:
        against = f" (against {result.compared} stored claims that share keys with them)"
    rekeyed = ""
    if result.rekeyed:  # a newer claims or other lexicons: the run's time went there
        rekeyed = f"; blocking keys of {result.rekeyed} stored claims made again"
    typer.echo(
        f"linked {result.new} new of {result.claims} claims{against}: {found}; "
        f"{result.updated} confidences updated{rekeyed} in {time.perf_counter() - started:.1f}s"
    )


def links_in_words(links: dict[str, int]) -> str:
    """Links by kind as a reader says them: "14 duplicate, 2 contradicts", or "no links"."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(links.items())) or "no links"


def run(store, *, all: bool = False):
    """Link the store (what `claims ingest` calls after storing)."""
    from claims.store.linking import link_store

    return link_store(store, all=all)


def compare(
    a: str | None = typer.Argument(None, help="First statement"),
    b: str | None = typer.Argument(None, help="Second statement"),
    csv_in: Path | None = typer.Option(None, "--csv", help="CSV with columns s1,s2"),
    out: Path | None = typer.Option(None, "--out", help="Where to write the CSV (default: stdout)"),
) -> None:
    """The relation of two statements: corroborates, contradicts or unrelated, with reasons.

    Example: claims compare "قتل 30 مدنياً في إدلب" "قتل 150 مدنياً في إدلب"
    For a CSV of pairs: claims compare --csv pairs.csv --out judged.csv
    (writes s1,s2,relation,score,reasons; reasons joined with " ; ").
    """
    from claims.link import compare as judge

    if csv_in is None:
        if a is None or b is None:
            typer.echo("claims compare: give two statements, or --csv FILE", err=True)
            raise typer.Exit(2)
        result = judge(a, b)
        typer.echo(f"{result.relation.value}\t{result.score:.3f}")
        for reason in result.reasons:  # they quote the statements' words and figures
            typer.echo(f"  - {safe(reason)}")
        return
    try:
        handle = csv_in.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        typer.echo(f"claims compare: cannot read {safe(csv_in)}: {exc.strerror}", err=True)
        raise typer.Exit(2) from exc
    with handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"s1", "s2"} <= set(reader.fieldnames):
            typer.echo(f"claims compare: {safe(csv_in)} needs the columns s1 and s2", err=True)
            raise typer.Exit(2)
        sink = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            writer = csv.writer(sink)
            writer.writerow(["s1", "s2", "relation", "score", "reasons"])
            for row in reader:
                s1, s2 = row.get("s1") or "", row.get("s2") or ""
                result = judge(s1, s2)
                writer.writerow(
                    [
                        s1,
                        s2,
                        result.relation.value,
                        f"{result.score:.3f}",
                        " ; ".join(result.reasons),
                    ]
                )
        finally:
            if out:
                sink.close()


class CheckFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def check(
    statement: str | None = typer.Argument(None, help="The statement to check"),
    csv_in: Path | None = typer.Option(
        None, "--csv", help="CSV with a column 'claim': each row's statement checked"
    ),
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="Claims shown a statement"),
    all_: bool = typer.Option(False, "--all", help="Also the candidates judged unrelated"),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", help="table or jsonl"),
    db: str | None = typer.Option(None, "--db", envvar="CLAIMS_DB", help=DB_HELP),
) -> None:
    """What the store says about a statement: the stored claims that contradict or
    corroborate it, contradictions first, with their source, outlet, date and reasons.

    Example: claims check "انسحبت فصائل المعارضة من منطقة محروثة"
    For a list: claims check --csv claims.csv --format jsonl (a column 'claim')
    """
    from claims.store.check import Checker

    statements = _statements(statement, csv_in)
    with opened_store(db, create=None) as store:
        checker = Checker(store)
        for asked in statements:
            found = checker.check(asked, limit=limit, related_only=not all_)
            if fmt is CheckFormat.jsonl:
                for evidence in found:
                    record = {"statement": asked} | evidence.model_dump(mode="json")
                    typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                _print_evidence(asked, found)


def _statements(statement: str | None, csv_in: Path | None) -> list[str]:
    """The statement given, or those of the CSV's 'claim' column; a usage error otherwise."""
    if (statement is None) == (csv_in is None):
        typer.echo("claims check: give one statement, or --csv FILE", err=True)
        raise typer.Exit(2)
    if statement is not None:
        return [statement]
    assert csv_in is not None
    try:
        with csv_in.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if "claim" not in (reader.fieldnames or []):
                typer.echo(f"claims check: {safe(csv_in)} needs a column 'claim'", err=True)
                raise typer.Exit(2)
            return [row["claim"] for row in reader if (row.get("claim") or "").strip()]
    except OSError as exc:
        typer.echo(f"claims check: cannot read {safe(csv_in)}: {exc.strerror}", err=True)
        raise typer.Exit(2) from exc


RELATION_STYLE = {"contradicts": "bold red", "corroborates": "green", "unrelated": "dim"}


def _print_evidence(asked: str, found: list) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    console.print(Text(safe(f"« {asked} »"), style="bold"))
    if not found:
        console.print("  nothing in the store contradicts or corroborates it")
        return
    table = Table(show_lines=True, expand=True)
    for column in ("relation", "score", "id", "date"):  # short: kept whole
        table.add_column(column, no_wrap=True)
    table.add_column("source", ratio=1)
    table.add_column("outlet", ratio=1)
    table.add_column("claim", ratio=4)
    table.add_column("reasons", ratio=2)
    for evidence in found:
        view = evidence.claim
        table.add_row(
            Text(evidence.relation, style=RELATION_STYLE[evidence.relation]),
            f"{evidence.score:.2f}",
            str(view.id),
            Text(view.published or ""),
            Text(safe(view.source or "")),
            Text(safe(view.outlet or "")),
            Text(safe(view.claim)),
            Text(safe("; ".join(evidence.reasons))),
        )
    console.print(table)


def reject_link(
    claim: int = typer.Argument(..., help="One claim's id"),
    other: int = typer.Argument(..., help="The other claim's id"),
    why: str = typer.Option(..., "--why", help="Why the two claims are not linked"),
    reviewer: str = typer.Option(
        getpass.getuser(), "--reviewer", envvar="CLAIMS_REVIEWER", help="Who says so"
    ),
    db: str | None = typer.Option(None, "--db", envvar="CLAIMS_DB", help=DB_HELP),
) -> None:
    """Take back the link between two claims, with the reason: both get their confidence back
    without it, and no later `claims link` makes it again (kept with who, when and why).

    Example: claims reject-link 12 40 --why "two different strikes on the same town"
    """
    from claims.store import NotFound
    from claims.store import reject_link as reject

    with opened_store(db, create=None, refused=(NotFound, ValueError)) as store:
        dropped = reject(store, claim, other, reviewer=reviewer, reason=why)
    typer.echo(f"the link of claims {claim} and {other} is rejected ({dropped} dropped)")


def register(app: typer.Typer) -> None:
    """Add the linking commands to the `claims` app."""
    app.command("link")(link)
    app.command("compare")(compare)
    app.command("check")(check)
    app.command("reject-link")(reject_link)

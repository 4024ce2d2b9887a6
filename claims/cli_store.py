"""The store's commands: `claims ingest`, `export`, `list`, `show`, `sources`, `stats`, `doctor`
and `db upgrade`.

Thin: each command opens the store, calls claims.store, and prints with Rich. The store
itself (SQLAlchemy, half of the start-up) is imported by the commands that open it, so that
`claims --help` and `claims extract` start without it; its records (`claims.store.views`) are
plain pydantic.
"""

from __future__ import annotations

import getpass
import io
import sys
import time
from collections import Counter
from contextlib import closing, contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from pydantic import BaseModel
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claims.cli_extract import JobsOption, MaxSizeOption
from claims.fetch import DEFAULT_TIMEOUT
from claims.models import Kind, Status
from claims.store.views import (
    ArticleView,
    ClaimFilter,
    ClaimView,
    NameTaken,
    NotFound,
    RelatedClaim,
    ReviewEntry,
    SourceFilter,
    SourceSort,
    SourceView,
    StoreStats,
)
from claims.terminal import safe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from typing import IO

    from sqlalchemy.exc import SQLAlchemyError

    from claims.claimreview import Desk
    from claims.export import Format as ExportFormatName
    from claims.store import Store

DB_HELP = "Store: a file path or SQLAlchemy URL (postgresql+psycopg://…); default $CLAIMS_DB or ./claims.db"
DbOption = typer.Option(None, "--db", envvar="CLAIMS_DB", help=DB_HELP, show_envvar=True)
CreateOption = typer.Option(
    False, "--create", help="Make a new, empty store if no SQLite file is at --db"
)

# The largest integer either database stores (64 bits): a larger id or limit is a usage error.
LARGEST_ID = 2**63 - 1

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

db_app = typer.Typer(help="Manage the store's schema.", no_args_is_help=True)


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    claimreview = "claimreview"


class OutputFormat(str, Enum):
    """How `list`, `show`, `stats` and `sources` print: a table for people, the rest for
    programs and spreadsheets (the writers of `claims export`)."""

    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


FormatOption = typer.Option(OutputFormat.table, "--format", "-f", help="table, csv, json or jsonl")


class StatusChoice(str, Enum):
    """A review status to filter on, or `reviewed`: verified or disputed."""

    unreviewed = "unreviewed"
    verified = "verified"
    disputed = "disputed"
    reviewed = "reviewed"


StatusOption = typer.Option(
    None,
    "--status",
    help="Only claims with this review status; repeat for several (reviewed: verified or disputed)",
)


class OrderOption(str, Enum):
    position = "position"
    confidence = "confidence"


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on standard error, control characters shown, and the exit status."""
    err.print(Text(f"error: {safe(message)}", style="red"), soft_wrap=True)
    raise typer.Exit(code)


def _say_waiting(message: str) -> None:
    err.print(Text(safe(message), style="yellow"), soft_wrap=True)


@contextmanager
def opened_store(
    db: str | None, create: bool | None = False, refused: tuple[type[Exception], ...] = ()
) -> Iterator[Store]:
    """The store, and one line saying what to do when it fails in use (a damaged file, a full
    disk, other writers holding it too long, or one of the command's own `refused` errors),
    instead of a traceback. A SQLite file that does not exist is refused unless `create`: a
    mistyped --db must not read as an empty store (`create` None: the command has no
    --create to suggest)."""
    from sqlalchemy.exc import SQLAlchemyError

    from claims.store import Store, StoreError, StoreMissing, failure_message

    try:
        store = Store.open(db, create=bool(create))
    except StoreMissing as exc:
        fail(f"{exc} Or add --create for an empty store." if create is False else str(exc))
    except StoreError as exc:
        fail(str(exc))
    store.on_wait = _say_waiting
    said_plainly: tuple[type[Exception], ...] = (StoreError, *refused)
    try:
        yield store
    except said_plainly as exc:
        fail(str(exc))
    except (SQLAlchemyError, OSError) as exc:
        fail(failure_message(store.url, exc))
    finally:
        store.close()


REVIEWED = (Status.verified, Status.disputed)


def _statuses(chosen: list[StatusChoice] | None) -> list[Status] | None:
    """The statuses named by the repeated --status options, `reviewed` as verified and
    disputed; None (no filter) when none is given."""
    if not chosen:
        return None
    named: set[Status] = set()
    for choice in chosen:
        named.update(REVIEWED if choice is StatusChoice.reviewed else [Status(choice.value)])
    return [status for status in Status if status in named]


def _filter(
    status: list[StatusChoice] | None,
    kind: Kind | None,
    source: str | None,
    article: str | None,
    outlet: str | None,
    search: str | None = None,
) -> ClaimFilter:
    return ClaimFilter(
        status=_statuses(status),
        kind=kind,
        source=source,
        article=article,
        outlet=outlet,
        search=search,
    )


# --- ingest ----------------------------------------------------------------------------------


def ingest(
    paths: list[str] = typer.Argument(
        None, help="Article files, folders of them (*.txt, *.html, *.htm), or http(s):// URLs"
    ),
    urls_file: Path | None = typer.Option(
        None, "--urls", dir_okay=False, help="A file of URLs to fetch, one a line (# comments)"
    ),
    db: str | None = DbOption,
    jobs: int | None = JobsOption,
    max_size: int = MaxSizeOption,
    timeout: float = typer.Option(
        DEFAULT_TIMEOUT, "--timeout", min=0.1, help="Seconds to wait for a server to answer"
    ),
) -> None:
    """Extract articles and store their claims, one transaction per article.

    The same file or URL again changes nothing; an edited one becomes a new version of its
    article and keeps the review state of unchanged sentences. Files are extracted in worker
    processes (--jobs) and stored here one after another, in order; URLs are fetched after
    them, one at a time, and their pages kept in the store. Example: claims ingest seeds/
    """
    from itertools import chain

    from claims.fetch import fetch_articles, is_url, read_url_list
    from claims.pipeline import extract_files, iter_inputs
    from claims.read import UnreadableFile

    urls = [p for p in paths or [] if is_url(p)]
    if urls_file is not None:
        try:
            urls += read_url_list(urls_file.read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError) as exc:
            fail(
                f"cannot read the list of URLs {urls_file}: {getattr(exc, 'strerror', None) or exc}"
            )
    files_given = [Path(p) for p in paths or [] if not is_url(p)]
    if not files_given and not urls:
        fail("give article files, folders or URLs to ingest, or --urls FILE")

    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    refused: list[tuple[str, str]] = []
    sentences = twins = 0
    started = time.perf_counter()
    files = list(iter_inputs(files_given))
    # With --jobs the workers start here, and extract while this process imports and opens
    # the store and the linker (about a third of the command's CPU time on 52 real pages).
    extraction = extract_files(files, jobs, max_size * 1_000_000)
    from sqlalchemy.exc import SQLAlchemyError

    from claims.cli_link import links_in_words
    from claims.store import failure_message
    from claims.store import ingest as store_ingest
    from claims.store.linking import link_store, read_ahead

    with closing(extraction), opened_store(db, create=True) as store, _progress() as progress:
        task = progress.add_task("ingest", total=len(files) + len(urls), sentences=0, rate="")
        extracted_files = ((str(path), outcome) for path, outcome in extraction)
        fetched = fetch_articles(urls, timeout, max_size * 1_000_000)
        for name, extracted in chain(extracted_files, fetched):
            if isinstance(extracted, UnreadableFile):
                refused.append((name, extracted.reason))
            elif isinstance(extracted, Exception):  # an extractor failure must not stop the run
                kind = type(extracted).__name__
                refused.append((name, f"could not be processed ({kind}: {extracted})"))
            else:
                for warning in extracted.article.warnings:
                    err.print(Text(safe(f"warning: {warning}"), style="yellow"), soft_wrap=True)
                try:
                    result = store_ingest(store, extracted)
                except NameTaken as exc:
                    refused.append((name, str(exc)))
                except (SQLAlchemyError, OSError) as exc:
                    reason = (
                        _refused_for_its_values(exc) if isinstance(exc, SQLAlchemyError) else None
                    )
                    if reason is None:
                        fail(f"while storing {name}: {failure_message(store.url, exc)}")
                    # The article's transaction was rolled back: the store is as it was.
                    refused.append((name, reason))
                else:
                    outcomes[result.outcome] += 1
                    twins += result.same_as is not None
                    if result.outcome != "unchanged":
                        kinds.update(result.kinds)
                        sentences += result.claims
                        read_ahead(claim.claim for claim in extracted.claims)
            done = sum(outcomes.values()) + len(refused)
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, sentences=sentences, rate=f"{rate:.1f} files/s")
        # the new claims against the store (issue 4), and those a killed run left unlinked
        # even when no file is new (issue 14)
        linked = link_store(store)
        if linked.new:
            err.print(
                f"linked {linked.new} claims not linked before: {links_in_words(linked.links)}"
            )
    elapsed = time.perf_counter() - started
    _summary(outcomes, kinds, refused, elapsed)
    if twins:
        out.print(f"{twins} of the stored files have the same text as a file stored before.")
    if refused:
        raise typer.Exit(1)


# PostgreSQL error classes caused by the values of one article (a text too long for an index,
# a value out of range), not by the store: that article is refused and the batch goes on.
DATA_SQLSTATE_CLASSES = ("22", "23", "54")


def _refused_for_its_values(exc: SQLAlchemyError) -> str | None:
    """Why the store refused one article for its values, or None when the store itself failed."""
    from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

    if not isinstance(exc, DBAPIError):
        return None
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if isinstance(exc, (DataError, IntegrityError)) or sqlstate.startswith(DATA_SQLSTATE_CLASSES):
        first_line = str(exc.orig).splitlines()[0]  # PostgreSQL adds DETAIL lines
        return f"could not be stored ({first_line})"
    return None


class _Quiet:
    """Stands in for a progress bar when standard error is not a terminal."""

    def add_task(self, *args, **kwargs) -> int:
        return 0

    def update(self, *args, **kwargs) -> None:
        pass


@contextmanager
def _progress():
    if not err.is_terminal:
        yield _Quiet()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("files"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[sentences]} claims"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        yield progress


def _summary(
    outcomes: Counter[str], kinds: Counter[str], refused: list[tuple[str, str]], elapsed: float
) -> None:
    stored = outcomes["new"] + outcomes["updated"]
    rate = (sum(outcomes.values()) + len(refused)) / elapsed if elapsed > 0 else 0.0
    out.print(
        f"{stored} articles stored ({outcomes['new']} new, {outcomes['updated']} updated), "
        f"{outcomes['unchanged']} unchanged, {len(refused)} refused; "
        f"{sum(kinds.values())} claims; {rate:.1f} files/s"
    )
    if kinds:
        table = Table("kind", "claims", title="Claims stored, by kind")
        for kind in Kind:
            table.add_row(kind.value, str(kinds.get(kind.value, 0)))
        out.print(table)
    for path, reason in refused:
        err.print(Text(safe(f"refused {path}: {reason}"), style="red"), soft_wrap=True)


# --- export ----------------------------------------------------------------------------------


def export(
    out_path: str = typer.Option(
        ..., "--out", "-o", help="File to write, or - for standard output"
    ),
    fmt: ExportFormat = typer.Option(
        ExportFormat.csv, "--format", "-f", help="csv, jsonl, or claimreview (reviewed claims)"
    ),
    bom: bool = typer.Option(True, "--bom/--no-bom", help="Start CSV with a UTF-8 BOM for Excel"),
    publisher: str | None = typer.Option(
        None, help="claimreview: the desk that publishes the reviews"
    ),
    publisher_url: str | None = typer.Option(None, help="claimreview: the desk's site"),
    review_url: str | None = typer.Option(
        None, help="claimreview: where each review is published, {id} for the claim id"
    ),
    status: list[StatusChoice] | None = StatusOption,
    kind: Kind | None = typer.Option(None, help="Only claims with this kind of source"),
    source: str | None = typer.Option(None, help="Only claims whose source name contains this"),
    article: str | None = typer.Option(None, help="Only claims of this file name or article id"),
    outlet: str | None = typer.Option(None, help="Only claims of articles from this outlet"),
    order: OrderOption = typer.Option(OrderOption.position, help="position or confidence"),
    db: str | None = DbOption,
    create: bool = CreateOption,
) -> None:
    """Write claims as CSV (UTF-8 with BOM, formula-safe) or JSONL, or the verified and
    disputed ones as schema.org ClaimReview JSON-LD.

    Example: claims export --status disputed --out disputed.csv
    Example: claims export --format claimreview --publisher "منصة تحقق"
    --review-url "https://example.org/checks/{id}" --out reviews.json
    """
    from claims.store import export_rows

    desk = _desk(publisher, publisher_url, review_url) if fmt is ExportFormat.claimreview else None
    flt = _filter(status, kind, source, article, outlet)
    with opened_store(db, create) as store:
        rows = export_rows(store, flt, order.value)
        count = _write_records(rows, out_path, fmt.value, bom, desk=desk)
    where = "standard output" if out_path == "-" else out_path
    what = "reviews" if desk else "claims"
    err.print(Text(safe(f"{count} {what} exported to {where}")))


def _desk(publisher: str | None, publisher_url: str | None, review_url: str | None) -> Desk:
    """The desk of a ClaimReview export, or a usage error saying what is missing or wrong."""
    from pydantic import ValidationError

    from claims.claimreview import Desk

    missing = [
        option
        for option, value in (("--publisher", publisher), ("--review-url", review_url))
        if not value
    ]
    if missing:
        fail(
            f"--format claimreview needs {' and '.join(missing)}: who publishes the reviews, "
            "and where each is published (a URL with {id})"
        )
    if "{id}" not in (review_url or ""):
        fail("--review-url needs {id} where the claim's id goes, so each review has its own URL")
    try:
        return Desk.model_validate(
            {"publisher": publisher, "publisher_url": publisher_url, "review_url": review_url}
        )
    except ValidationError as exc:
        fail(f"--publisher-url is not a web address ({exc.errors()[0]['msg']})")


def _write_records(
    rows: Iterable[BaseModel],
    out_path: str,
    fmt: ExportFormatName,
    bom: bool,
    columns: Sequence[str] | None = None,
    desk: Desk | None = None,
) -> int:
    """Records to standard output (`-`) or, all or nothing, to a file; returns how many."""
    from claims.export import COLUMNS, ExportError, write, write_file

    columns = columns or COLUMNS
    if out_path == "-":
        return _write_stdout(
            lambda stream: write(rows, stream, fmt, bom=bom, columns=columns, desk=desk)
        )
    try:
        return write_file(rows, Path(out_path), fmt, bom=bom, columns=columns, desk=desk)
    except ExportError as exc:
        fail(str(exc))


def _write_stdout(writer: Callable[[IO[str]], int]) -> int:
    """Run `writer` on standard output as UTF-8 with untranslated newlines, whatever the locale."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        return writer(sys.stdout)
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        return writer(stream)
    finally:
        stream.flush()
        stream.detach()


# --- list, show, stats ----------------------------------------------------------------------


STATUS_STYLE = {"verified": "green", "disputed": "red", "unreviewed": "dim"}


def _claims_table(views: list) -> Table:
    """One line a claim. Ids, numbers and status keep their width; the file name, the source
    and the claim are cut with an ellipsis to fit the terminal (the claim takes what is left)."""

    def cut(text: str | None, style: str = "") -> Text:
        return Text(safe(text or ""), style=style, no_wrap=True, overflow="ellipsis")

    digits = max((len(str(view.id)) for view in views), default=2)
    table = Table()
    table.add_column("id", no_wrap=True, min_width=digits, justify="right")
    table.add_column("article", max_width=28, min_width=6)
    table.add_column("#", no_wrap=True, justify="right")
    table.add_column("kind", no_wrap=True)
    table.add_column("source", max_width=24, min_width=6)
    table.add_column("conf", no_wrap=True, min_width=4)
    table.add_column("status", no_wrap=True)
    table.add_column("claim", ratio=1, min_width=10)
    for view in views:
        table.add_row(
            str(view.id),
            cut(view.doc),
            str(view.index),
            view.kind.value,
            cut(view.source),
            f"{view.confidence:.2f}",
            cut(view.status.value, STATUS_STYLE[view.status.value]),
            cut(view.claim),
        )
    return table


# The columns of `claims list --format csv`: those of its table (JSON keeps every field).
LIST_COLUMNS = ("id", "doc", "index", "kind", "source", "confidence", "status", "claim")
# The columns of `claims show --format csv`: every field of the claim but its confidence
# reasons, which JSON keeps with the history and the related claims.
SHOW_COLUMNS = tuple(name for name in ClaimView.model_fields if name != "reasons")


class ClaimDetail(ClaimView):
    """What `claims show` prints, as one record for programs."""

    history: list[ReviewEntry]
    related: list[RelatedClaim]


class Figure(BaseModel):
    """One line of `claims stats`."""

    figure: str
    count: int


def _print_records(
    rows: Iterable[BaseModel], fmt: ExportFormatName, columns: Sequence[str]
) -> None:
    """Records as csv (no BOM: a program reads it), json or jsonl on standard output."""
    _write_records(rows, "-", fmt, bom=False, columns=columns)


def list_claims(
    status: list[StatusChoice] | None = StatusOption,
    kind: Kind | None = typer.Option(None),
    source: str | None = typer.Option(None),
    article: str | None = typer.Option(None),
    outlet: str | None = typer.Option(None),
    search: str | None = typer.Option(None, help="Text to find; hamza and diacritics ignored"),
    order: OrderOption = typer.Option(OrderOption.position),
    limit: int = typer.Option(50, min=0, max=LARGEST_ID, help="How many claims to show"),
    offset: int = typer.Option(0, min=0, max=LARGEST_ID, help="How many to skip"),
    fmt: OutputFormat = FormatOption,
    db: str | None = DbOption,
    create: bool = CreateOption,
) -> None:
    """List claims as a table, or as csv, json or jsonl.

    Example: claims list --kind anonymous --search "مصادر" --status reviewed
    """
    from claims.store import count_claims, query_claims

    flt = _filter(status, kind, source, article, outlet, search)
    with opened_store(db, create) as store:
        total = count_claims(store, flt)
        views = query_claims(store, flt, order=order.value, offset=offset, limit=limit)
    counted = f"{len(views)} of {total} claims (from {offset})"
    if fmt is OutputFormat.table:
        out.print(_claims_table(views))
        out.print(counted)
    else:
        _print_records(views, fmt.value, LIST_COLUMNS)
        err.print(counted)


def show(
    claim_id: int = typer.Argument(
        ..., min=1, max=LARGEST_ID, help="Claim id, as `claims list` shows it"
    ),
    fmt: OutputFormat = FormatOption,
    db: str | None = DbOption,
    create: bool = CreateOption,
) -> None:
    """Show one claim: sentence, attribution, confidence reasons, review history, links.

    --format json (or jsonl) gives all of it as one record; csv the claim's fields alone.
    """
    from claims.store import get_claim, history, related

    with opened_store(db, create) as store:
        try:
            view = get_claim(store, claim_id)
        except NotFound as exc:
            fail(str(exc), 1)
        entries = history(store, claim_id)
        links = related(store, claim_id)
    if fmt is not OutputFormat.table:
        detail = ClaimDetail(**dict(view), history=entries, related=links)
        _print_records([detail], fmt.value, SHOW_COLUMNS)
        return
    table = Table(show_header=False, title=f"Claim {view.id}")
    for label, value in (
        ("article", f"{view.doc} (article {view.article_id}), sentence {view.index}"),
        ("title", view.title),
        ("outlet", view.outlet),
        ("published", view.published),
        ("sentence", view.sentence),
        ("claim", view.claim),
        ("kind", view.kind.value),
        ("source", view.source),
        ("cue", view.cue),
        ("via", view.via),
        ("speech", view.speech.value if view.speech else None),
        ("confidence", f"{view.confidence:.2f}"),
        ("status", f"{view.status.value} (version {view.version})"),
        ("reviewer", view.reviewer),
        (
            "reviewed at",
            view.reviewed_at.isoformat(timespec="seconds") if view.reviewed_at else None,
        ),
        ("note", view.note),
    ):
        table.add_row(label, Text(safe(value or "—")))
    out.print(table)
    if view.reasons:
        reasons = Table("reason", "change", title="Confidence")
        for reason in view.reasons:
            reasons.add_row(Text(safe(reason.label)), f"{reason.delta:+.2f}")
        out.print(reasons)
    if entries:
        log = Table("when", "who", "action", "status", "note", title="History")
        for entry in entries:
            log.add_row(
                entry.at.isoformat(timespec="seconds"),
                Text(safe(entry.reviewer)),
                entry.action,
                f"{entry.old_status.value} → {entry.new_status.value}",
                Text(safe(entry.note or "")),
            )
        out.print(log)
    if links:
        linked = Table("id", "link", "score", "article", "claim", "why", title="Related claims")
        for link in links:
            linked.add_row(
                str(link.claim.id),
                link.kind.value,
                f"{link.score:.2f}",
                Text(safe(link.claim.doc)),
                Text(safe(link.claim.claim)),
                Text(safe("; ".join(link.reasons))),
            )
        out.print(linked)


# --- article ------------------------------------------------------------------------------------

ARTICLE_COLUMNS = ("id", "doc", "version", "title", "outlet", "published", "url", "claims")


def show_article(
    doc: str = typer.Argument(
        ..., help="The article's file name (as `claims list` shows it) or id"
    ),
    title: str | None = typer.Option(None, "--title", help="Correct the title"),
    outlet: str | None = typer.Option(None, "--outlet", help="Correct the outlet ('' clears it)"),
    published: str | None = typer.Option(
        None, "--date", help="Correct the publication date, YYYY-MM-DD ('' clears it)"
    ),
    url: str | None = typer.Option(None, "--url", help="Correct the page's address"),
    why: str | None = typer.Option(None, "--why", help="Why, kept with the correction"),
    reviewer: str = typer.Option(
        getpass.getuser(), "--reviewer", envvar="CLAIMS_REVIEWER", help="Who corrects"
    ),
    fmt: OutputFormat = FormatOption,
    db: str | None = DbOption,
) -> None:
    """Show an article's title, outlet, date and address with their corrections, or correct
    them: kept in its history and through later versions of the file. A new outlet re-counts
    the page furniture and links the article's claims again.

    Example: claims article 012_orient.txt --outlet "أورينت نت" --why "the footer named the company"
    """
    from claims.store import article, correct_article

    changes = {
        field: value
        for field, value in (
            ("title", title),
            ("outlet", outlet),
            ("published", published),
            ("url", url),
        )
        if value is not None
    }
    with opened_store(db, create=None) as store:
        try:
            if changes:
                view = correct_article(store, doc, changes, reviewer=reviewer, reason=why)
            else:
                view = article(store, doc)
        except NotFound as exc:
            fail(str(exc), 1)
        except ValueError as exc:
            fail(str(exc))
        if "outlet" in changes:
            from claims.cli_link import links_in_words
            from claims.cli_link import run as link

            linked = link(store)
            if linked.new:
                err.print(f"linked {linked.new} claims again: {links_in_words(linked.links)}")
    if fmt is not OutputFormat.table:  # csv: the fields alone; json: with the corrections
        _print_records([view], fmt.value, ARTICLE_COLUMNS)
        return
    _article_tables(view)


def _article_tables(view: ArticleView) -> None:
    table = Table(show_header=False, title=f"Article {view.id}: {safe(view.doc)}")
    for label, value in (
        ("version", str(view.version)),
        ("title", view.title),
        ("outlet", view.outlet),
        ("published", view.published),
        ("url", view.url),
        ("claims", str(view.claims)),
    ):
        table.add_row(label, Text(safe(value or "—")))
    out.print(table)
    if view.edits:
        log = Table("when", "who", "field", "before", "after", "why", title="Corrections")
        for edit in view.edits:
            log.add_row(
                edit.at.isoformat(timespec="seconds"),
                Text(safe(edit.reviewer)),
                edit.field,
                Text(safe(edit.old or "—")),
                Text(safe(edit.new or "—")),
                Text(safe(edit.reason or "")),
            )
        out.print(log)


# --- sources -----------------------------------------------------------------------------------


# Kinds in a few letters: the ledger table has ten figures to fit beside the names.
SHORT_KIND = {
    Kind.author: "author",
    Kind.anonymous: "anon",
    Kind.named_person: "person",
    Kind.organization: "org",
    Kind.media: "media",
}


def _sources_table(rows: list[SourceView]) -> Table:
    """One line a source (long names and lists of outlets wrap); figures keep their width.
    Verdicts and links go in pairs (verified/disputed, corroborations/
    contradictions) so that the names keep room on an 80-column terminal."""
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("source", min_width=12)
    table.add_column("outlets", min_width=6, max_width=30)
    for header in ("claims", "ver/dis", "dis %", "cor/con", "last seen"):
        table.add_column(header, no_wrap=True, justify="right")
    for row in rows:
        share = row.disputed_share
        verdicts = Text(str(row.verified), STATUS_STYLE["verified"] if row.verified else "")
        verdicts.append("/")
        verdicts.append(str(row.disputed), STATUS_STYLE["disputed"] if row.disputed else "")
        table.add_row(
            SHORT_KIND[row.kind],
            Text(safe(row.name)),
            Text(safe(", ".join(row.outlets) or "—"), "italic"),
            str(row.claims),
            verdicts,
            "—" if share is None else f"{share:.0%}",
            f"{row.corroborations}/{row.contradictions}",
            f"{row.last_seen:%Y-%m-%d}",
        )
    return table


def list_sources(
    sort: SourceSort = typer.Option(
        SourceSort.claims, help="claims, disputed or verified (share of the reviewed), ..."
    ),
    kind: Kind | None = typer.Option(None, help="Only sources of this kind"),
    outlet: str | None = typer.Option(None, help="Only sources with a claim in this outlet"),
    search: str | None = typer.Option(
        None, help="Part of the source's name; hamza and diacritics ignored"
    ),
    limit: int | None = typer.Option(
        None, min=0, max=LARGEST_ID, help="How many sources (default: 50 in a table, all in a file)"
    ),
    fmt: OutputFormat = FormatOption,
    out_path: str = typer.Option(
        "-",
        "--out",
        "-o",
        help="File for csv, json or jsonl (written whole or not at all), - for standard output",
    ),
    bom: bool = typer.Option(True, "--bom/--no-bom", help="Start CSV with a UTF-8 BOM for Excel"),
    db: str | None = DbOption,
    create: bool = CreateOption,
) -> None:
    """The source ledger: every source with its outlets, claims, verified and disputed counts,
    corroborations, contradictions and when it was last seen (the latest ingest of an article
    with its claims). An anonymous phrase is one source per outlet.

    Example: claims sources --sort disputed --kind anonymous --outlet "عنب بلدي"
    """
    from claims.store import count_sources, sources
    from claims.store.ledger import COLUMNS

    if fmt is OutputFormat.table and out_path != "-":
        fail("--out writes csv, json or jsonl: add --format csv (or json, jsonl)")
    flt = SourceFilter(kind=kind, outlet=outlet, search=search)
    with opened_store(db, create) as store:
        if fmt is OutputFormat.table:
            shown = 50 if limit is None else limit
            rows = sources(store, flt, sort=sort, limit=shown)
            total = count_sources(store, flt)
        else:
            rows = sources(store, flt, sort=sort, limit=limit)
            count = _write_records(rows, out_path, fmt.value, bom, COLUMNS)
    if fmt is OutputFormat.table:
        out.print(_sources_table(rows))
        out.print(f"{len(rows)} of {total} sources, by {sort.value}")
    else:
        where = "standard output" if out_path == "-" else out_path
        err.print(Text(safe(f"{count} sources written to {where}")))


def _figures(counts: StoreStats) -> list[Figure]:
    """The store's counts as the lines of `claims stats`, in every format."""
    lines = [
        ("articles (current)", counts.articles),
        ("article versions", counts.versions),
        ("claims", counts.claims),
        *((f"claims by kind: {kind}", n) for kind, n in counts.by_kind.items()),
        *((f"claims by status: {status}", n) for status, n in counts.by_status.items()),
        *((f"sources: {kind}", n) for kind, n in sorted(counts.entities.items())),
        *((f"links: {kind}", n) for kind, n in sorted(counts.links.items())),
        ("review actions", counts.reviews),
    ]
    return [Figure(figure=figure, count=count) for figure, count in lines]


def show_stats(
    fmt: OutputFormat = FormatOption, db: str | None = DbOption, create: bool = CreateOption
) -> None:
    """Counts of articles, claims by kind and status, sources, links and reviews."""
    from claims.store import display_url, stats

    with opened_store(db, create) as store:
        figures = _figures(stats(store))
    if fmt is not OutputFormat.table:
        _print_records(figures, fmt.value, tuple(Figure.model_fields))
        return
    table = Table("", "count", title=Text(safe(f"Store {display_url(store.url)}")))
    for line in figures:
        table.add_row(Text(safe(line.figure)), str(line.count))
    out.print(table)


# --- db ----------------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade(db: str | None = DbOption) -> None:
    """Bring the store's schema up to this version of claims. Example: claims db upgrade"""
    from claims.store import StoreError, upgrade

    try:
        before, after = upgrade(db)
    except StoreError as exc:
        fail(str(exc))
    if before == after:
        out.print(f"The store is already at revision {after}.")
    else:
        out.print(f"Upgraded the store from revision {before or '(empty)'} to {after}.")


@db_app.command("reindex")
def db_reindex(db: str | None = DbOption) -> None:
    """Make the search index again from the stored claims, as `claims doctor` asks when it is
    out of step or missing. Example: claims db reindex"""
    from claims.store.search_index import PG_EXTENSION, reindex

    with opened_store(db) as store:
        made = reindex(store)
    if not made:
        fail(
            "PostgreSQL refused the pg_trgm extension: the store has no search index and "
            "searches read every claim. Ask the database administrator to run "
            f"`{PG_EXTENSION}`, then run this again."
        )
    out.print("Made the search index again from the claims.")


# --- doctor --------------------------------------------------------------------------------------


def doctor(db: str | None = DbOption) -> None:
    """Check the store and say how to repair what is wrong; changes nothing.

    Integrity (SQLite's PRAGMA integrity_check), rows pointing at missing rows, claims not
    linked yet, the search index, and the schema revision. Exit status 1 when something is wrong.
    Example: claims doctor --db claims.db
    """
    from claims.store import StoreError
    from claims.store.doctor import examine

    try:
        where, findings = examine(db)
    except StoreError as exc:
        fail(str(exc))
    table = Table("check", "", "found", "repair", title=Text(safe(f"Store {where}")))
    for finding in findings:
        table.add_row(
            finding.check,
            Text("ok", style="green") if finding.ok else Text("PROBLEM", style="red"),
            Text(safe(finding.found)),
            Text(safe(finding.repair)),
        )
    out.print(table)
    problems = sum(not finding.ok for finding in findings)
    out.print(f"{problems} problems found." if problems else "No problems found.")
    if problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the store's commands to the `claims` app."""
    app.command("ingest")(ingest)
    app.command("export")(export)
    app.command("list")(list_claims)
    app.command("show")(show)
    app.command("article")(show_article)
    app.command("sources")(list_sources)
    app.command("stats")(show_stats)
    app.command("doctor")(doctor)
    app.add_typer(db_app, name="db")

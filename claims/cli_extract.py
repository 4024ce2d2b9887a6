"""`claims extract` and `claims eval`: the extractor on files, and its scores against gold."""

from __future__ import annotations

import sys
from contextlib import closing
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claims.boilerplate import mark_recurring, recurring_passages
from claims.evaluate import GoldError, Scores, evaluate, scores_json
from claims.models import ExtractedArticle
from claims.pipeline import extract_files, iter_inputs
from claims.read import DEFAULT_MAX_SIZE, UnreadableFile
from claims.terminal import safe

JobsOption = typer.Option(
    None,
    "--jobs",
    "-j",
    min=1,
    help="Worker processes extracting the files (default: all cores); 1 extracts in this process",
)

MaxSizeOption = typer.Option(
    DEFAULT_MAX_SIZE // 1_000_000,
    "--max-size",
    min=1,
    help="Largest file read as an article, in MB; larger files are refused",
)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Article files or directories (*.txt); - for stdin"
    ),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", help="jsonl or table"),
    jobs: int | None = JobsOption,
    max_size: int = MaxSizeOption,
) -> None:
    """Print who asserts every sentence of the articles, in the order of the files.

    Passages that recur on several of one outlet's articles among those given are page
    furniture and are not printed. Example: claims extract seeds/ --format table --jobs 2
    """
    console = Console()
    errors = Console(stderr=True)
    failed = 0
    articles: list[ExtractedArticle] = []
    extraction = extract_files(list(iter_inputs(paths)), jobs, max_size * 1_000_000)
    with closing(extraction):
        for path, extracted in extraction:
            if isinstance(extracted, UnreadableFile):
                errors.print(
                    Text(safe(f"skipped {extracted.path}: {extracted.reason}"), style="red")
                )
                failed += 1
                continue
            if isinstance(extracted, Exception):  # an extractor failure must not stop the run
                kind = type(extracted).__name__
                errors.print(
                    Text(
                        safe(f"skipped {path}: could not be processed ({kind}: {extracted})"),
                        style="red",
                    )
                )
                failed += 1
                continue
            for warning in extracted.article.warnings:
                errors.print(Text(safe(f"warning: {warning}"), style="yellow"))
            articles.append(extracted)
    for extracted in mark_recurring(articles, recurring_passages(articles)):
        if fmt is ExtractFormat.jsonl:
            for claim in extracted.claims:
                sys.stdout.write(claim.record().model_dump_json() + "\n")
        else:
            console.print(_table(extracted))
    raise typer.Exit(1 if failed else 0)


def _table(extracted: ExtractedArticle) -> Table:
    table = Table(title=Text(safe(extracted.article.doc)), show_lines=True)
    for column in ("#", "kind", "source", "cue", "via", "conf", "sentence"):
        table.add_column(column, overflow="fold")
    for claim in extracted.claims:
        table.add_row(
            *(
                Text(safe(value))
                for value in (
                    str(claim.index) + (f"=#{claim.dup_of}" if claim.dup_of is not None else ""),
                    claim.kind.value,
                    claim.source or "",
                    claim.cue or "",
                    claim.via or "",
                    f"{claim.confidence:.2f}",
                    claim.text,
                )
            )
        )
    return table


def eval_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold annotations (JSONL)"),
    articles: Path = typer.Argument(
        ..., exists=True, file_okay=False, help="Directory of the articles"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
    docs: str = typer.Option("*", "--docs", help="Only the articles whose name matches this glob"),
) -> None:
    """Score the extractor against gold annotations.

    Example: claims eval ../shared/realdev/gold.jsonl ../shared/realdev/text --docs 'd*'
    """
    try:
        scores = evaluate(gold, articles, docs)
    except GoldError as exc:
        from claims.cli_store import fail  # not at the top: cli_store imports this module

        fail(str(exc))
    if as_json:
        sys.stdout.write(scores_json(scores) + "\n")
    else:
        print_scores(scores, Console())


def print_scores(scores: Scores, console: Console) -> None:
    summary = Table(title=f"Extraction against gold ({scores.sentences} sentences)")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    summary.add_row("junk-removal F1", f"{scores.junk.f1:.3f}")
    summary.add_row("attributed-vs-author F1", f"{scores.attributed.f1:.3f}")
    summary.add_row("kind accuracy", f"{scores.kind_accuracy:.3f}")
    summary.add_row("kind macro-F1", f"{scores.kind_macro_f1:.3f}")
    summary.add_row(f"source match ({scores.source_support})", f"{scores.source_match:.3f}")
    summary.add_row(f"via match ({scores.via_support})", f"{scores.via_match:.3f}")
    console.print(summary)
    per_kind = Table(title="Per kind")
    for column in ("kind", "precision", "recall", "F1", "support"):
        per_kind.add_column(column, justify="right")
    for kind, figures in scores.per_kind.items():
        per_kind.add_row(
            kind,
            f"{figures.precision:.3f}",
            f"{figures.recall:.3f}",
            f"{figures.f1:.3f}",
            str(figures.support),
        )
    console.print(per_kind)
    system_kinds = sorted({k for row in scores.confusion.values() for k in row})
    confusion = Table(title="Confusion (rows gold, columns system)")
    confusion.add_column("gold \\ system")
    for kind in system_kinds:
        confusion.add_column(kind, justify="right")
    for gold_kind, row in scores.confusion.items():
        confusion.add_row(gold_kind, *(str(row.get(k, 0)) for k in system_kinds))
    console.print(confusion)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("eval")(eval_command)

"""Writing records (claims, source ledger rows) as CSV (for spreadsheets), JSONL or JSON (for
programs), or the reviewed claims as schema.org ClaimReview (`claims.claimreview`, for search
engines), streamed.

CSV is UTF-8 with a byte-order mark by default so that Excel shows Arabic. Article text is
untrusted: a cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or
carriage return) is prefixed with an apostrophe so it stays text.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import IO, Literal

from pydantic import BaseModel

from claims.claimreview import Desk, claim_reviews
from claims.models import ExportRow

Format = Literal["csv", "jsonl", "json", "claimreview"]
COLUMNS: tuple[str, ...] = tuple(ExportRow.model_fields)
LIST_SEPARATOR = " | "  # between the items of a list in one CSV cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never evaluate: "=1+1" -> "'=1+1"."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    return neutralise(value) if isinstance(value, str) else str(value)


def write_csv(
    rows: Iterable[BaseModel],
    out: IO[str],
    *,
    bom: bool = True,
    columns: Sequence[str] = COLUMNS,
) -> int:
    """Write the header and one line per record; returns the number of records."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(getattr(row, name)) for name in columns])
        count += 1
    return count


def _json(row: BaseModel) -> str:
    """One record as JSON, keys in the model's order, Arabic kept as is."""
    return json.dumps(row.model_dump(mode="json"), ensure_ascii=False)


def write_jsonl(rows: Iterable[BaseModel], out: IO[str]) -> int:
    """One JSON object a line."""
    count = 0
    for row in rows:
        out.write(_json(row))
        out.write("\n")
        count += 1
    return count


def write_json(rows: Iterable[BaseModel], out: IO[str]) -> int:
    """One JSON array of the records, one a line, written as they come."""
    return _write_array(map(_json, rows), out)


def _write_array(items: Iterable[str], out: IO[str]) -> int:
    """The JSON texts as the items of one array, written as they come; how many."""
    count = 0
    out.write("[")
    for item in items:
        out.write(",\n" if count else "\n")
        out.write(item)
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write(
    rows: Iterable[BaseModel],
    out: IO[str],
    fmt: Format = "csv",
    *,
    bom: bool = True,
    columns: Sequence[str] = COLUMNS,
    desk: Desk | None = None,
) -> int:
    """The records in `fmt`; `columns` are the CSV's (JSON keeps every field); `claimreview`
    (the reviewed claims of export rows only) needs the `desk` that publishes the reviews."""
    if fmt == "csv":
        return write_csv(rows, out, bom=bom, columns=columns)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "json":
        return write_json(rows, out)
    if fmt == "claimreview":
        if desk is None:
            raise ValueError("a ClaimReview export needs the desk that publishes the reviews")
        exported = (row for row in rows if isinstance(row, ExportRow))
        return _write_array(claim_reviews(exported, desk), out)
    raise ValueError(f"unknown export format {fmt!r}: use csv, jsonl, json or claimreview")


class ExportError(Exception):
    """The export file could not be written; the message says why, and that any earlier file of
    that name is untouched."""


def write_file(
    rows: Iterable[BaseModel],
    path: Path,
    fmt: Format = "csv",
    *,
    bom: bool = True,
    columns: Sequence[str] = COLUMNS,
    desk: Desk | None = None,
) -> int:
    """Write the records to `path` all or nothing: into a temporary file beside it, renamed over
    it only once complete, so that a failure (a full disk, a store error while reading rows)
    leaves an earlier export of that name as it was."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=folder, prefix=f".{path.name}.", delete=False
        ) as handle:
            temporary = Path(handle.name)
            count = write(rows, handle, fmt, bom=bom, columns=columns, desk=desk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {_reason(exc)}; {_untouched(path)}") from exc
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)  # gone already once renamed
    return count


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    return exc.strerror or str(exc)


def _untouched(path: Path) -> str:
    return "the file that was there is unchanged" if path.exists() else "nothing was written"

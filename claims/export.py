"""Writing export records as CSV (for spreadsheets), JSONL (for programs) or the reviewed ones
as schema.org ClaimReview (`claims.claimreview`, for search engines), streamed.

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
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Literal

from claims.claimreview import Desk, write_claimreview
from claims.models import ExportRow

Format = Literal["csv", "jsonl", "claimreview"]
COLUMNS: tuple[str, ...] = tuple(ExportRow.model_fields)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never evaluate: "=1+1" -> "'=1+1"."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_cells(row: ExportRow) -> list[str]:
    cells = []
    for name in COLUMNS:
        value = getattr(row, name)
        if value is None:
            cells.append("")
        elif isinstance(value, str):
            cells.append(neutralise(getattr(value, "value", value)))
        else:
            cells.append(str(value))
    return cells


def write_csv(rows: Iterable[ExportRow], out: IO[str], *, bom: bool = True) -> int:
    """Write the header and one line per record; returns the number of records."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(_csv_cells(row))
        count += 1
    return count


def write_jsonl(rows: Iterable[ExportRow], out: IO[str]) -> int:
    """One JSON object a line, keys in the CSV column order, Arabic kept as is."""
    count = 0
    for row in rows:
        out.write(json.dumps(row.model_dump(mode="json"), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write(
    rows: Iterable[ExportRow],
    out: IO[str],
    fmt: Format = "csv",
    *,
    bom: bool = True,
    desk: Desk | None = None,
) -> int:
    """Write the records in a format; `claimreview` (the reviewed ones only) needs the `desk`
    that publishes the reviews."""
    if fmt == "csv":
        return write_csv(rows, out, bom=bom)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "claimreview":
        if desk is None:
            raise ValueError("a ClaimReview export needs the desk that publishes the reviews")
        return write_claimreview(rows, out, desk)
    raise ValueError(f"unknown export format {fmt!r}: use csv, jsonl or claimreview")


class ExportError(Exception):
    """The export file could not be written; the message says why, and that any earlier file of
    that name is untouched."""


def write_file(
    rows: Iterable[ExportRow],
    path: Path,
    fmt: Format = "csv",
    *,
    bom: bool = True,
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
            count = write(rows, handle, fmt, bom=bom, desk=desk)
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

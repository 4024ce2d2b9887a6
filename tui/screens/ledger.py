"""The source ledger: every source with its claims, verdicts and links, sortable by column.
Enter shows the chosen source's claims in the review screen; Escape goes back to it."""

from __future__ import annotations

import contextlib
import threading

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from claims.store import SourceSort, SourceView, Stopped, StoreBusy
from tui.bidi import Display
from tui.session import Session
from tui.widgets.look import KIND_BADGE, STATUS_STYLE

SORTS = list(SourceSort)
SORT_NAMES = {
    SourceSort.claims: "claims",
    SourceSort.disputed: "disputed share",
    SourceSort.verified: "verified share",
    SourceSort.corroborations: "corroborations",
    SourceSort.contradictions: "contradictions",
    SourceSort.last_seen: "last seen",
    SourceSort.name: "name",
}
# (column key, header, width, the order a click on its header asks for, or None)
COLUMNS: list[tuple[str, str, int, SourceSort | None]] = [
    ("kind", "Kind", 5, None),
    ("source", "Source", 26, SourceSort.name),
    ("outlets", "Outlets", 22, None),
    ("claims", "Claims", 6, SourceSort.claims),
    ("verified", "✔ Verif.", 8, SourceSort.verified),
    ("disputed", "✘ Disp.", 7, SourceSort.disputed),
    ("share", "Disp. %", 7, SourceSort.disputed),
    ("corroborations", "✓ Corr.", 7, SourceSort.corroborations),
    ("contradictions", "✗ Contr.", 8, SourceSort.contradictions),
    ("last_seen", "Last seen", 10, SourceSort.last_seen),
]
WIDTH = {key: width for key, _header, width, _sort in COLUMNS}
SORT_OF_COLUMN = {key: sort for key, _header, _width, sort in COLUMNS if sort is not None}


def source_label(source: SourceView) -> str:
    """A ledger row in words: its name, and its outlets (an anonymous phrase is one per outlet)."""
    outlets = ", ".join(source.outlets)
    return f"{source.name} ({outlets})" if outlets else source.name


def _figure(value: int | str, style: str = "") -> Text:
    return Text(str(value), style=style, justify="right")


class LedgerScreen(Screen[SourceView | None]):
    """Returns the source chosen with Enter, or None when left with Escape."""

    BINDINGS = [
        Binding("escape", "back", "Back to the claims"),
        Binding("o", "next_sort", "Next order"),
    ]

    DEFAULT_CSS = """
    #ledger-status { height: 1; padding: 0 1; background: $boost; }
    #ledger { height: 1fr; }
    """

    def __init__(self, session: Session, display: Display) -> None:
        super().__init__()
        self.session = session
        self.bidi = display
        self.sort = SourceSort.claims
        self.rows: list[SourceView] = []
        self.total = 0
        self.reading = False  # a worker is reading the ledger
        self.stop = threading.Event()  # set: the read under way ends early

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ledger-status")
        yield DataTable(id="ledger", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> DataTable:
        return self.query_one("#ledger", DataTable)

    def on_mount(self) -> None:
        for key, header, width, _sort in COLUMNS:
            self.table.add_column(Text(header, "bold"), width=width, key=key)
        self.load()
        self.table.focus()

    def load(self) -> None:
        """Read the ledger in the current order in a worker thread (seconds at a million
        claims: the screen answers meanwhile, Escape included) and draw it from the first row
        when it comes. One read at a time: an order asked for meanwhile stops the read under
        way and is read after it."""
        self.table.loading = True
        if self.reading:
            self.stop.set()
        else:
            self._start()
        self.update_status_line()

    def _start(self) -> None:
        self.reading = True
        self.stop = threading.Event()
        sort, stop = self.sort, self.stop
        # a failure other than a busy store ends the app with its traceback, as before
        self.run_worker(lambda: self._read(sort, stop), thread=True)

    def _read(self, sort: SourceSort, stop: threading.Event) -> None:
        try:
            rows, total = self.session.sources(sort, stop)
        except Stopped:
            self._answer(self._stopped)
        except StoreBusy as err:
            self._answer(self._not_read, err)
        else:
            self._answer(self._show, sort, rows, total)

    def _answer(self, callback, *args) -> None:
        """Run `callback` in the app's thread, unless the app has closed meanwhile."""
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(callback, *args)

    def _stopped(self) -> None:
        self.reading = False
        if self.is_attached:
            self._start()  # the order asked for meanwhile

    def _show(self, sort: SourceSort, rows: list[SourceView], total: int) -> None:
        self.reading = False
        if not self.is_attached:
            return  # the screen was left meanwhile
        if sort is not self.sort:
            self._start()  # another order was asked for meanwhile
            return
        self.rows, self.total = rows, total
        self.table.clear()
        for row in self.rows:
            self.table.add_row(*self.cells(row))
        self.table.loading = False
        self.update_status_line()

    def _not_read(self, err: StoreBusy) -> None:
        self.reading = False
        if not self.is_attached:
            return
        self.table.loading = False
        self.update_status_line()
        self.notify(
            str(err), title="Ledger not read: the store is busy", severity="error", markup=False
        )

    def on_unmount(self) -> None:
        self.stop.set()  # left: a read under way is of no use any more

    def cells(self, row: SourceView) -> list[Text]:
        d = self.bidi
        share = row.disputed_share
        return [
            Text(KIND_BADGE.get(row.kind.value, "?"), "bold"),
            d.cell(Text(row.name, "cyan"), WIDTH["source"]),
            d.cell(Text(", ".join(row.outlets) or "—", "italic"), WIDTH["outlets"]),
            _figure(row.claims),
            _figure(row.verified, STATUS_STYLE["verified"] if row.verified else "dim"),
            _figure(row.disputed, STATUS_STYLE["disputed"] if row.disputed else "dim"),
            _figure("—" if share is None else f"{share:.0%}"),
            _figure(row.corroborations, "green" if row.corroborations else "dim"),
            _figure(row.contradictions, "bold red" if row.contradictions else "dim"),
            Text(f"{row.last_seen:%Y-%m-%d}"),
        ]

    def update_status_line(self) -> None:
        line = Text("Source ledger", "bold")
        shown = len(self.rows)
        count = f"{shown:,} sources" if shown == self.total else f"{shown:,} of {self.total:,}"
        if self.reading:
            count = "reading…"
        line.append(f"   {count}   Sort: {SORT_NAMES[self.sort]}", "dim")
        line.append("   Enter: its claims · o or a header: order · Esc: back", "dim")
        self.query_one("#ledger-status", Static).update(line)

    def sort_by(self, sort: SourceSort) -> None:
        self.sort = sort
        self.load()

    def action_next_sort(self) -> None:
        self.sort_by(SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    @on(DataTable.HeaderSelected)
    def on_header(self, event: DataTable.HeaderSelected) -> None:
        sort = SORT_OF_COLUMN.get(str(event.column_key.value))
        if sort is not None:
            self.sort_by(sort)

    @on(DataTable.RowSelected)
    def on_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(self.rows[event.cursor_row])

    def action_back(self) -> None:
        self.dismiss(None)

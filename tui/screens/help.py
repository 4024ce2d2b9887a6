"""Every key, read from the bindings themselves so the list cannot drift from what works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

EXTRA_KEYS = [
    ("tab / shift+tab", "Move between the list, the related claims and the search"),
    ("enter", "On a related claim: jump to it"),
    ("delete", "On a related claim: reject the link, with the reason (kept with it)"),
    ("escape", "Close the search or a dialog"),
    ("ctrl+p", "Command palette: every action by name"),
]


KEY_NAMES = {"slash": "/", "question_mark": "?"}


def key_rows(bindings: list[Binding]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        keys = " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in binding.key.split(","))
        rows.append((keys, binding.description or binding.action))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; height: 80%; border: thick $accent; background: $panel; padding: 0 1;
    }
    """

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows + EXTRA_KEYS

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, what in self.rows:
            table.add_row(Text(key), Text(what))
        with VerticalScroll():
            yield Static(Text("Keys", "bold"))
            yield Static(table, id="help-keys")

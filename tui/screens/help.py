"""Every key, read from the bindings themselves so the list cannot drift from what works, and
the legend of the marks the list and the detail draw, read from the same tables they use."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.look import (
    KIND_BADGE,
    KIND_MEANING,
    LINK_LABEL,
    LINK_MEANING,
    LINK_STYLE,
    STATUS_GLYPH,
    STATUS_MEANING,
    STATUS_STYLE,
)

EXTRA_KEYS = [
    ("tab / shift+tab", "Move between the list, the related claims and the search"),
    ("enter", "On a related claim: jump to it"),
    ("delete", "On a related claim: reject the link, with the reason (kept with it)"),
    ("escape", "Close the search or a dialog"),
    ("ctrl+p", "Command palette: every action by name"),
]


KEY_NAMES = {"slash": "/", "question_mark": "?"}


def legend_rows() -> list[tuple[Text, str]]:
    """Each mark of the list and the detail, drawn as they draw it, and what it means."""
    rows = [(Text(STATUS_GLYPH[s], STATUS_STYLE[s]), STATUS_MEANING[s]) for s in STATUS_GLYPH]
    rows += [(Text(KIND_BADGE[k], "bold"), KIND_MEANING[k]) for k in KIND_BADGE]
    rows += [(Text(LINK_LABEL[k], LINK_STYLE[k]), LINK_MEANING[k]) for k in LINK_LABEL]
    rows += [
        (Text("✓3 ✗1", "bold"), "in the list: corroborating and contradicting claims"),
        (Text("0.72"), "confidence: the detail lists each step that made it"),
    ]
    return rows


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
        legend = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        legend.add_column(no_wrap=True)
        legend.add_column()
        for mark, what in legend_rows():
            legend.add_row(mark, Text(what))
        with VerticalScroll():
            yield Static(Text("Keys", "bold"))
            yield Static(table, id="help-keys")
            yield Static(Text("Marks", "bold"))
            yield Static(legend, id="help-legend")

"""A one-line question in a modal: the reviewer's note on a claim, the reason a link is
rejected, the id of a claim to go to."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class NoteScreen(ModalScreen[str | None]):
    """Enter saves the note, Escape leaves it as it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical {
        width: 80%; max-width: 100; height: auto;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    NoteScreen Label { margin-bottom: 1; }
    """

    def __init__(
        self, asking: str, answer: str | None = None, *, placeholder: str = "What did you check?"
    ) -> None:
        super().__init__()
        self.asking = asking
        self.answer = answer or ""
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"{self.asking}  (Enter saves, Esc cancels)"))
            yield Input(self.answer, placeholder=self.placeholder, id="note-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

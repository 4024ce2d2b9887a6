"""The article of the claim shown: its title, outlet, date and address as the store holds
them, for the reviewer to correct (`claims article` in the app)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from claims.store import ArticleView
from claims.store.articles import FIELDS

LABELS = {"title": "Title", "outlet": "Outlet", "published": "Date", "url": "Address"}


class ArticleScreen(ModalScreen[dict[str, str | None] | None]):
    """Returns the fields changed and the reason (key "why"), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    ArticleScreen { align: center middle; }
    ArticleScreen > Vertical {
        width: 90%; max-width: 110; height: auto;
        border: thick $accent; background: $panel; padding: 1 2;
    }
    ArticleScreen Horizontal { height: auto; }
    ArticleScreen Label { width: 10; padding-top: 1; }
    ArticleScreen Input { width: 1fr; }
    """

    def __init__(self, article: ArticleView) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        art = self.article
        edits = f"; {len(art.edits)} corrections before" if art.edits else ""
        with Vertical():
            yield Label(
                Text(f"Article {art.id}: {art.doc}{edits}  (Enter saves, Esc cancels)", "bold"),
                id="a-heading",
            )
            for field in FIELDS:
                with Horizontal():
                    yield Label(LABELS[field])
                    yield Input(getattr(art, field) or "", id=f"a-{field}", placeholder="none")
            with Horizontal():
                yield Label("Why")
                yield Input(id="a-why", placeholder="what the page got wrong (kept)")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        given = {
            field: self.query_one(f"#a-{field}", Input).value.strip() or None
            for field in (*FIELDS, "why")
        }
        changes = {
            field: value
            for field, value in given.items()
            if field == "why" or value != getattr(self.article, field)
        }
        self.dismiss(changes)

    def action_cancel(self) -> None:
        self.dismiss(None)

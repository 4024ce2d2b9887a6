"""The filter dialog: status, kind, source, outlet, article, reviewer, contradicted, unreviewed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from claims.models import Kind, Status
from claims.store import ClaimFilter
from tui.session import REVIEW_FILTER


class FilterScreen(ModalScreen[ClaimFilter | None]):
    """Returns the new filter (search kept), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    FilterScreen { align: center middle; }
    FilterScreen > Vertical {
        width: 70; height: auto; border: thick $accent; background: $panel; padding: 1 2;
    }
    FilterScreen Horizontal { height: auto; }
    FilterScreen Label { width: 10; padding-top: 1; }
    FilterScreen Input, FilterScreen Select { width: 1fr; }
    FilterScreen #filter-buttons { margin-top: 1; align-horizontal: right; }
    """

    def __init__(self, current: ClaimFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        cur = self.current
        status = cur.status if isinstance(cur.status, Status) else Select.NULL
        kind = cur.kind if isinstance(cur.kind, Kind) else Select.NULL
        with Vertical():
            yield Label(Text("Filters (Enter applies, Esc cancels)", "bold"))
            with Horizontal():
                yield Label("Status")
                yield Select(
                    [(s.value, s) for s in Status], value=status, id="f-status", prompt="any"
                )
            with Horizontal():
                yield Label("Kind")
                yield Select([(k.value, k) for k in Kind], value=kind, id="f-kind", prompt="any")
            for name, value in (
                ("source", cur.source),
                ("outlet", cur.outlet),
                ("article", cur.article),
                ("reviewer", cur.reviewer),  # whose verdicts: a desk lead checks one reviewer
            ):
                with Horizontal():
                    yield Label(name.capitalize())
                    yield Input(str(value or ""), id=f"f-{name}", placeholder="any")
            yield Checkbox("Contradicted only", bool(cur.contradicted), id="f-contradicted")
            yield Checkbox("Unreviewed only", cur.status == Status.unreviewed, id="f-unreviewed")
            yield Checkbox(
                "Every copy of a sentence printed twice",
                not cur.hide_duplicates,
                id="f-copies",
            )
            with Horizontal(id="filter-buttons"):
                yield Button("Clear", id="f-clear")
                yield Button("Apply", id="f-apply", variant="primary")

    def result(self) -> ClaimFilter:
        def text(name: str) -> str | None:
            return self.query_one(f"#f-{name}", Input).value.strip() or None

        status = self.query_one("#f-status", Select).value
        kind = self.query_one("#f-kind", Select).value
        if self.query_one("#f-unreviewed", Checkbox).value:
            status = Status.unreviewed
        return self.current.model_copy(
            update={
                "status": None if status is Select.NULL else status,
                "kind": None if kind is Select.NULL else kind,
                "source": text("source"),
                "outlet": text("outlet"),
                "article": text("article"),
                "reviewer": text("reviewer"),
                "contradicted": True if self.query_one("#f-contradicted", Checkbox).value else None,
                "hide_duplicates": not self.query_one("#f-copies", Checkbox).value,
            }
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.result())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "f-clear":
            self.dismiss(REVIEW_FILTER.model_copy(update={"search": self.current.search}))
        else:
            self.dismiss(self.result())

    def action_cancel(self) -> None:
        self.dismiss(None)

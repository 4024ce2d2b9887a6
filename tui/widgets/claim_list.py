"""The claims list: a virtual list that draws only the rows on screen, read from the store by page.

Textual's DataTable builds every row up front (about 30 s for 100,000 claims); this widget keeps
only a cursor and asks the session for the rows it is about to draw, like Toolong's log view.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claims.store import ClaimView
from tui.bidi import Display
from tui.session import Session
from tui.widgets.look import KIND_BADGE, STATUS_GLYPH, STATUS_STYLE, status_of

CONF_W = 4
COUNT_W = 4
SOURCE_W = 18


class ClaimList(ScrollView, can_focus=True):
    """Claims of the current view, one a line, with a cursor."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES = {
        "claim-list--cursor",
        "claim-list--contradicted",
        "claim-list--muted",
    }

    DEFAULT_CSS = """
    ClaimList {
        background: $surface;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    ClaimList > .claim-list--cursor { background: $accent 40%; }
    ClaimList:focus > .claim-list--cursor { background: $accent 70%; text-style: bold; }
    ClaimList > .claim-list--contradicted { color: $error; }
    ClaimList > .claim-list--muted { color: $text-muted; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor is on another claim (or on none, when the view is empty)."""

        def __init__(self, claim: ClaimView | None) -> None:
            super().__init__()
            self.claim = claim

    def __init__(self, session: Session, display: Display, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.bidi = display

    # The view changed ------------------------------------------------------------------------

    def reload(self, keep_id: int | None = None) -> None:
        """Read the count again and redraw; keep the cursor on ``keep_id`` if it is on screen."""
        count = self.session.count
        self.virtual_size = Size(self.size.width, count)
        position = None
        if keep_id is not None:
            first = max(0, self.cursor - self.size.height)
            for p in range(first, min(count, first + 2 * max(self.size.height, 1) + 1)):
                row = self.session.row(p)
                if row is not None and row.id == keep_id:
                    position = p
                    break
        self.cursor = min(position if position is not None else self.cursor, max(0, count - 1))
        self.refresh()

    def on_mount(self) -> None:
        self.virtual_size = Size(self.size.width, self.session.count)
        self.cursor = 0

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.session.count)

    @property
    def current(self) -> ClaimView | None:
        return self.session.row(self.cursor)

    def watch_cursor(self, cursor: int) -> None:
        # Scroll so the cursor stays on screen.
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if cursor < top:
            self.scroll_to(y=cursor, animate=False, immediate=True)
        elif cursor >= top + height:
            self.scroll_to(y=cursor - height + 1, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    # Keys and mouse --------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.session.count - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, self.session.count - 1)

    def on_click(self, event) -> None:
        row = int(self.scroll_y) + event.y
        if 0 <= row < self.session.count:
            self.cursor = row

    # Drawing ---------------------------------------------------------------------------------

    def row_text(self, claim: ClaimView, width: int) -> Text:
        """One claim as a line of cells: status, kind, confidence, ✓ and ✗ counts, source, claim."""
        d = self.bidi
        status = status_of(claim.status)
        line = Text(no_wrap=True, end="")
        line.append(STATUS_GLYPH[status] + " ", STATUS_STYLE[status])
        line.append_text(
            d.cell(Text(KIND_BADGE.get(getattr(claim.kind, "value", claim.kind), "?"), "bold"), 5)
        )
        line.append(" ")
        line.append_text(d.cell(f"{claim.confidence:.2f}", CONF_W))
        line.append(" ")
        ok = Text(f"✓{claim.n_corroborating}" if claim.n_corroborating else "", "green")
        no = Text(f"✗{claim.n_contradicting}" if claim.n_contradicting else "", "bold red")
        line.append_text(d.cell(ok, COUNT_W))
        line.append_text(d.cell(no, COUNT_W))
        line.append(" ")
        line.append_text(d.cell(Text(claim.source or "—", "cyan"), SOURCE_W))
        line.append(" ")
        rest = max(4, width - line.cell_len)
        line.append_text(d.cell(claim.claim, rest))
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = int(self.scroll_y) + y
        claim = self.session.row(position)
        base = self.rich_style
        if claim is None:
            return Strip.blank(width, base)
        text = self.row_text(claim, width)
        style = base
        if claim.n_contradicting:
            style += self.get_component_rich_style("claim-list--contradicted", partial=True)
        elif claim.dup_of is not None:
            style += self.get_component_rich_style("claim-list--muted", partial=True)
        if position == self.cursor:
            style += self.get_component_rich_style("claim-list--cursor", partial=True)
        segments = [
            Segment(seg.text, style + seg.style if seg.style else style)
            for seg in text.render(self.app.console, end="")
        ]
        return Strip(segments).adjust_cell_length(width, style)

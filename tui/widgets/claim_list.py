"""The claims list: a virtual list that draws only the rows on screen, read from the store by page.

Textual's DataTable builds every row up front (about 30 s for 100,000 claims); this widget keeps
only a cursor and asks the session for the rows it is about to draw, like Toolong's log view.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict

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

ID_W = 6  # claim ids up to 999,999 keep their column
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
        # Drawn rows by what they depend on: moving the cursor redraws two rows, not the page.
        self._strips: OrderedDict[tuple, Strip] = OrderedDict()

    # The view changed ------------------------------------------------------------------------

    class Counted(Message):
        """The view's count is known (it is counted in a thread, after the first page shows)."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def reload(self, keep_id: int | None = None) -> None:
        """Show the view afresh; keep the cursor on ``keep_id`` if it is near where it was."""
        self._strips.clear()
        position = None
        if keep_id is not None:
            first = max(0, self.cursor - self.size.height)
            for p in range(first, first + 2 * max(self.size.height, 1) + 1):
                row = self.session.row(p)
                if row is None:
                    break
                if row.id == keep_id:
                    position = p
                    break
        self._resize_virtual()
        self.cursor = min(position if position is not None else self.cursor, self._last())
        self.refresh()
        self._start_count()

    def _last(self) -> int:
        return max(0, self.session.extent - 1)

    def _resize_virtual(self) -> None:
        extent = self.session.extent
        if self.virtual_size.height != extent or self.virtual_size.width != self.size.width:
            self.virtual_size = Size(self.size.width, extent)

    def _start_count(self) -> None:
        if self.session.known_count is not None:
            self.post_message(self.Counted(self.session.known_count))
            return
        generation, flt = self.session.generation, self.session.filter
        self.run_worker(
            lambda: self._count_in_thread(generation, flt),
            thread=True,
            group="count",
            exit_on_error=False,
        )

    def _count_in_thread(self, generation: int, flt) -> None:
        result = self.session.count_for(generation, flt)
        with contextlib.suppress(RuntimeError):  # the app closed while counting
            self.app.call_from_thread(self._counted, *result)

    def _counted(self, generation: int, count: int) -> None:
        if self.session.counted(generation, count):
            self._resize_virtual()
            self.post_message(self.Counted(count))

    def on_mount(self) -> None:
        self._resize_virtual()
        self.cursor = 0
        self._start_count()

    def on_resize(self) -> None:
        self._resize_virtual()

    @property
    def current(self) -> ClaimView | None:
        return self.session.row(self.cursor)

    def watch_cursor(self, old: int, cursor: int) -> None:
        # Scroll so the cursor stays on screen; otherwise redraw only the two rows that changed.
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if cursor < top:
            self.scroll_to(y=cursor, animate=False, immediate=True)
            self.refresh()
        elif cursor >= top + height:
            self.scroll_to(y=cursor - height + 1, animate=False, immediate=True)
            self.refresh()
        else:
            self.refresh_line(old)
            self.refresh_line(cursor)
        self.post_message(self.Highlighted(self.current))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # Keys and mouse --------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        target = max(0, self.cursor + step)
        self.session.row(target)  # reads its page: the view may turn out longer than seen
        self.cursor = min(target, self._last())
        self._resize_virtual()

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.session.count  # noqa: B018 - the last row needs the count: read it now
        self._resize_virtual()
        self.cursor = self._last()

    def on_click(self, event) -> None:
        row = int(self.scroll_y) + event.y
        if 0 <= row <= self._last():
            self.cursor = row

    # Drawing ---------------------------------------------------------------------------------

    def row_text(self, claim: ClaimView, width: int) -> Text:
        """One claim as a line of cells: status, id, kind, confidence, ✓ and ✗ counts, source,
        claim."""
        d = self.bidi
        status = status_of(claim.status)
        line = Text(no_wrap=True, end="")
        line.append(STATUS_GLYPH[status] + " ", STATUS_STYLE[status])
        line.append_text(d.cell(Text(str(claim.id), "dim"), ID_W))
        line.append(" ")
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
        text = Text(claim.claim)
        if claim.printed > 1:  # the page prints it again: one verdict for every copy
            text = Text.assemble((f"×{claim.printed} ", "bold yellow"), text)
        line.append_text(d.cell(text, rest))
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = int(self.scroll_y) + y
        claim = self.session.row(position)
        base = self.rich_style
        if claim is None:
            return Strip.blank(width, base)
        key = (
            claim.id,
            claim.version,
            claim.n_corroborating,
            claim.n_contradicting,
            width,
            position == self.cursor,
            self.has_focus,
            self.app.current_theme.name if self.is_attached else "",
        )
        cached = self._strips.get(key)
        if cached is not None:
            self._strips.move_to_end(key)
            return cached
        strip = self._draw(claim, position, width, base)
        self._strips[key] = strip
        if len(self._strips) > 2000:
            self._strips.popitem(last=False)
        return strip

    def _draw(self, claim: ClaimView, position: int, width: int, base) -> Strip:
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

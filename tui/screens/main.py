"""The review screen: the claims list beside the selected claim and its related claims."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from claims.models import Kind, Status
from claims.store import (
    ClaimFilter,
    ClaimView,
    ConflictError,
    NotFound,
    SourceView,
    StoreBusy,
    UndoRefused,
)
from tui.bidi import Display, clean
from tui.screens.article import ArticleScreen
from tui.screens.filters import FilterScreen
from tui.screens.help import HelpScreen, key_rows
from tui.screens.ledger import LedgerScreen, source_label
from tui.screens.note import NoteScreen
from tui.session import REVIEW_FILTER, Session
from tui.widgets.claim_detail import ClaimDetail
from tui.widgets.claim_list import ClaimList
from tui.widgets.related import RelatedPanel


def describe(flt: ClaimFilter, order: str, source_name: str | None = None) -> Text:
    """The current filter in words, for the line above the list; `source_name` names the
    ledger row whose entities the filter's source ids are."""
    parts: list[str] = []
    for name in ("status", "kind"):
        value = getattr(flt, name)
        if value:
            values = value if isinstance(value, list) else [value]
            parts.append(f"{name}={','.join(v.value for v in values)}")
    for name in ("source", "outlet", "article", "reviewer"):
        value = getattr(flt, name)
        if value not in (None, ""):
            parts.append(f"{name}={clean(str(value))}")
    if flt.source_id is not None:
        parts.append(f"source={clean(source_name or str(flt.source_id))}")
    if flt.contradicted:
        parts.append("contradicted")
    if not flt.hide_duplicates:
        parts.append("every copy")
    if flt.search:
        parts.append(f"search={clean(flt.search)}")
    out = Text("Filter: ", "bold")
    out.append(" · ".join(parts) if parts else "all claims", "" if parts else "dim")
    out.append(f"   Sort: {order}", "dim")
    return out


class MainScreen(Screen):
    """List on the left, detail and related claims on the right."""

    # How often the view is read again from the store, for what other reviewers change.
    REFRESH_SECONDS = 30.0

    BINDINGS = [
        Binding("v", "verify", "Verified"),
        Binding("d", "dispute", "Disputed"),
        Binding("u", "unreview", "Unreviewed"),
        Binding("n", "note", "Note"),
        Binding("i", "article", "Article: correct title, outlet, date", show=False),
        Binding("z", "undo", "Undo"),
        Binding("slash", "search", "Search"),
        Binding("f", "filters", "Filters"),
        Binding("c", "toggle_contradicted", "Contradicted only", show=False),
        Binding("w", "toggle_unreviewed", "Unreviewed only", show=False),
        Binding("s", "same_source", "Same source", show=False),
        Binding("a", "same_article", "Same article", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("o", "toggle_order", "Sort"),
        Binding("r", "focus_related", "Related", show=False),
        Binding("b", "back", "Back after a jump", show=False),
        Binding("g", "go_to_id", "Go to claim", show=False),
        Binding("e", "export", "Export CSV"),
        Binding("l", "sources", "Sources"),
        Binding("f5", "reload", "Reload"),
        Binding("ctrl+r", "reload", "Reload", show=False),
        Binding("question_mark", "help", "Keys"),
        Binding("q", "quit", "Quit"),
    ]

    DEFAULT_CSS = """
    #status-line { height: 1; padding: 0 1; background: $boost; }
    #search { display: none; dock: top; }
    #search.shown { display: block; }
    #panes { height: 1fr; }
    ClaimList { width: 1fr; min-width: 40; border-right: tall $primary 30%; }
    #right { width: 1fr; }
    ClaimDetail { height: 1fr; }
    /* narrow terminals (80 columns): the list above the detail, each the full width */
    MainScreen.-narrow #panes { layout: vertical; }
    MainScreen.-narrow ClaimList {
        height: 1fr; min-width: 0; border-right: none; border-bottom: tall $primary 30%;
    }
    MainScreen.-narrow #right { height: 1fr; }
    """
    # Below this many columns the panes are stacked, so that the claim's text keeps room.
    NARROW_BELOW = 140

    def __init__(self, session: Session, display: Display, export_dir: Path) -> None:
        super().__init__()
        self.session = session
        self.bidi = display
        self.export_dir = export_dir
        self.shown: ClaimView | None = None
        self.outside = False  # showing a claim jumped to that is not in the list
        self.jumps: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Search (Arabic normalised; Enter to apply, Esc to close)", id="search"
        )
        yield Static(id="status-line")
        with Horizontal(id="panes"):
            yield ClaimList(self.session, self.bidi, id="claims")
            with Vertical(id="right"):
                yield ClaimDetail(self.bidi, id="detail")
                yield RelatedPanel(self.bidi, id="related")
        yield Footer()

    @property
    def claims(self) -> ClaimList:
        return self.query_one(ClaimList)

    @property
    def detail(self) -> ClaimDetail:
        return self.query_one(ClaimDetail)

    @property
    def related(self) -> RelatedPanel:
        return self.query_one(RelatedPanel)

    def on_mount(self) -> None:
        self.claims.focus()
        self.update_status_line()
        # what other reviewers change shows up without a key press
        self.set_interval(self.REFRESH_SECONDS, self.refresh_from_store)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW_BELOW, "-narrow")

    def action_reload(self) -> None:
        self.refresh_from_store()
        self.say("Read again from the store", timeout=2)

    def refresh_from_store(self) -> None:
        """Read the view and the claim shown again: other reviewers' verdicts, notes and
        links appear (on a team's PostgreSQL store, as in a file another process writes)."""
        if self.app.screen is not self:
            return  # a dialog is open: the reviewer is busy with this claim
        shown = self.shown
        fresh = self.session.claim(shown.id) if shown is not None else None
        self.reload(fresh)

    def update_status_line(self) -> None:
        line = describe(self.session.filter, self.session.order, self.session.source_name)
        count = self.session.known_count
        line.append(f"   {count:,} claims" if count is not None else "   counting…", "bold")
        self.query_one("#status-line", Static).update(line)

    # Showing a claim -------------------------------------------------------------------------

    @on(ClaimList.Counted)
    def on_counted(self, _event: ClaimList.Counted) -> None:
        self.update_status_line()

    @on(ClaimList.Highlighted)
    def on_highlighted(self, event: ClaimList.Highlighted) -> None:
        self.outside = False
        self.show(self.claims.current)

    def show(self, claim: ClaimView | None) -> None:
        """Show a claim in the detail and related panels, read afresh from the store."""
        self.shown = claim
        if claim is None:
            self.detail.show(None)
            self.related.show([])
            return
        self.detail.show(claim, self.session.paragraph(claim.id), self.session.history(claim.id))
        self.related.show(self.session.related(claim.id), claim)

    @on(RelatedPanel.Jump)
    def on_jump(self, event: RelatedPanel.Jump) -> None:
        if self.shown is not None:
            self.jumps.append(self.shown.id)
        self.go_to(event.claim_id)

    @on(RelatedPanel.Reject)
    def on_reject(self, event: RelatedPanel.Reject) -> None:
        claim = self.shown
        if claim is None:
            return

        def reject(reason: str | None) -> None:
            if not reason or not reason.strip():
                return
            try:
                updated = self.session.reject_link(claim, event.claim_id, reason)
            except (NotFound, StoreBusy) as err:
                self.say(str(err), title="Link not rejected", severity="error")
                return
            self.reload(updated)
            self.say(f"Link of claims {claim.id} and {event.claim_id} rejected", timeout=3)

        asking = f"Why are claims {claim.id} and {event.claim_id} not linked?"
        self.app.push_screen(NoteScreen(asking, placeholder="The reason, kept with it"), reject)

    def go_to(self, claim_id: int) -> None:
        """Put the cursor on a claim if it is in the view; otherwise show it on its own."""
        position = self.session.position_of(claim_id)
        if position is not None:
            self.claims.cursor = position
        else:
            self.show(self.session.claim(claim_id))
            self.outside = True
            self.say(
                "This claim is outside the current list; b goes back.", title="Jumped", timeout=4
            )
        self.claims.focus()

    def action_go_to_id(self) -> None:
        def go(answer: str | None) -> None:
            wanted = (answer or "").strip().lstrip("#")
            if not wanted:
                return
            if not wanted.isdigit():
                self.say(f"A claim id is a number, not {wanted!r}", severity="warning")
                return
            try:
                self.session.claim(int(wanted))
            except NotFound as err:
                self.say(str(err), severity="warning")
                return
            if self.shown is not None:
                self.jumps.append(self.shown.id)
            self.go_to(int(wanted))

        self.app.push_screen(NoteScreen("Go to claim (its id)", placeholder="e.g. 12"), go)

    def action_back(self) -> None:
        if self.jumps:
            self.go_to(self.jumps.pop())

    def reload(self, keep: ClaimView | None = None) -> None:
        """Read the view again from the store (someone may have changed it) and show ``keep``."""
        self.session.invalidate()
        self.claims.reload(keep.id if keep else None)
        self.update_status_line()
        if keep is not None and (
            self.outside or self.claims.current is None or keep.id == self.claims.current.id
        ):
            self.show(keep)

    # Review actions --------------------------------------------------------------------------

    def _target(self) -> ClaimView | None:
        """The claim an action applies to: the one under the cursor, read now (keys can arrive
        before the detail has caught up with the cursor), or the claim jumped to outside it."""
        claim = self.shown if self.outside else self.claims.current
        if claim is None:
            self.say("No claim selected.", severity="warning")
        return claim

    def _write(self, do, what: str) -> None:
        claim = self._target()
        if claim is None:
            return
        try:
            updated = do(claim)
        except ConflictError as err:
            self.say(str(err), title="Not saved: changed by someone else", severity="error")
            self.reload(err.current)
            return
        except StoreBusy as err:
            self.say(str(err), title="Not saved: the store is busy", severity="error")
            return
        self.reload(updated)
        self.say(what, timeout=2)

    def _set(self, status: Status) -> None:
        self._write(lambda c: self.session.set_status(c, status), f"Marked {status.value}")

    def action_verify(self) -> None:
        self._set(Status.verified)

    def action_dispute(self) -> None:
        self._set(Status.disputed)

    def action_unreview(self) -> None:
        self._set(Status.unreviewed)

    def action_note(self) -> None:
        claim = self._target()
        if claim is None:
            return

        def save(note: str | None) -> None:
            if note is None:
                return
            # The note is written against the version the reviewer saw when opening the modal.
            self._write(lambda _c: self.session.add_note(claim, note), "Note saved")

        self.app.push_screen(NoteScreen(f"Note on claim {claim.id}", claim.note), save)

    def action_article(self) -> None:
        claim = self._target()
        if claim is None:
            return

        def save(changes: dict[str, str | None] | None) -> None:
            why = (changes or {}).pop("why", None)
            if not changes:
                return
            try:
                fresh = self.session.correct_article(claim, changes, why)
            except ValueError as err:  # a malformed date: nothing was written
                self.say(str(err), title="Not saved", severity="error")
                return
            except StoreBusy as err:
                self.say(str(err), title="Not saved: the store is busy", severity="error")
                return
            self.reload(fresh)
            self.say(f"Article {claim.doc} corrected: {', '.join(changes)}", timeout=3)

        self.app.push_screen(ArticleScreen(self.session.article(claim)), save)

    def action_undo(self) -> None:
        try:
            claim = self.session.undo()
        except (ConflictError, UndoRefused) as err:
            self.say(str(err), title="Cannot undo", severity="error")
            self.reload(err.current)
            return
        except StoreBusy as err:
            self.say(str(err), title="Cannot undo now: the store is busy", severity="error")
            return
        if claim is None:
            self.say("Nothing to undo.", severity="warning")
            return
        self.reload(claim)
        self.go_to(claim.id)
        self.say(f"Undone: claim {claim.id} is {claim.status.value} again", timeout=2)

    # Finding work ----------------------------------------------------------------------------

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("shown")
        box.value = self.session.filter.search or ""
        box.focus()

    @on(Input.Submitted, "#search")
    def on_search(self, event: Input.Submitted) -> None:
        # The status line shows the search from now on; / brings the box back to change it.
        event.input.remove_class("shown")
        self.apply(search=event.value.strip() or None)
        self.claims.focus()

    def on_key(self, event) -> None:
        box = self.query_one("#search", Input)
        if event.key == "escape" and box.has_focus:
            box.remove_class("shown")
            self.claims.focus()
            event.stop()

    def apply(self, **changes) -> None:
        """Change the filter and show the first claim of the new view."""
        self.session.set_filter(**changes)
        self.claims.reload()
        self.claims.cursor = 0
        self.update_status_line()

    def set_filter(self, flt: ClaimFilter) -> None:
        self.session.replace_filter(flt)
        self.claims.reload()
        self.claims.cursor = 0
        self.update_status_line()

    def action_filters(self) -> None:
        def done(flt: ClaimFilter | None) -> None:
            if flt is not None:
                self.set_filter(flt)

        self.app.push_screen(FilterScreen(self.session.filter), done)

    def action_toggle_contradicted(self) -> None:
        self.apply(contradicted=None if self.session.filter.contradicted else True)

    def action_toggle_unreviewed(self) -> None:
        unreviewed = self.session.filter.status == Status.unreviewed
        self.apply(status=None if unreviewed else Status.unreviewed)

    def action_filter_status(self, status: str) -> None:
        self.apply(status=Status(status))

    def action_filter_kind(self, kind: str) -> None:
        self.apply(kind=Kind(kind))

    def action_same_source(self) -> None:
        if self.shown is not None and self.shown.source:
            self.apply(source=self.shown.source)

    def action_same_outlet(self) -> None:
        if self.shown is not None and self.shown.outlet:
            self.apply(outlet=self.shown.outlet)

    def action_same_article(self) -> None:
        if self.shown is not None:
            self.apply(article=self.shown.doc)

    def action_clear_filters(self) -> None:
        self.set_filter(REVIEW_FILTER)

    def action_toggle_order(self) -> None:
        keep = self.shown
        self.session.set_order("confidence" if self.session.order == "position" else "position")
        self.claims.reload()
        self.claims.cursor = 0
        self.update_status_line()
        if keep is not None:
            self.say(f"Sorted by {self.session.order}", timeout=2)

    def action_focus_related(self) -> None:
        self.related.focus()

    def action_export(self) -> None:
        path, n = self.session.export(self.export_dir)
        self.say(f"{n} claims written to {path}", title="Exported", timeout=6)
        self.last_export = path

    def action_sources(self) -> None:
        """The source ledger; the source chosen there becomes the list's filter."""

        def chosen(source: SourceView | None) -> None:
            if source is not None:  # its claims, whatever their status
                self.session.source_name = source_label(source)
                self.set_filter(source.claim_filter())

        self.app.push_screen(LedgerScreen(self.session, self.bidi), chosen)

    def action_help(self) -> None:
        bindings = list(self.BINDINGS) + list(ClaimList.BINDINGS) + list(self.app.BINDINGS)
        self.app.push_screen(HelpScreen(key_rows(bindings)))

    def say(self, message: str, **kwargs) -> None:
        """A notification whose text is never read as markup (names, paths, messages)."""
        self.notify(message, markup=False, **kwargs)

    def action_quit(self) -> None:
        self.app.exit()

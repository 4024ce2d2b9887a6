"""Command palette: every review action and filter by name (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from claims.models import Kind, Status

COMMANDS: list[tuple[str, str, str]] = [
    ("Mark verified", "verify", "Set the selected claim's status to verified (v)"),
    ("Mark disputed", "dispute", "Set the selected claim's status to disputed (d)"),
    ("Mark unreviewed", "unreview", "Put the selected claim back to unreviewed (u)"),
    ("Add a note", "note", "Write a note on the selected claim (n)"),
    ("Undo", "undo", "Undo your last review action (z)"),
    ("Search", "search", "Search the claims, Arabic-normalised (/)"),
    ("Filters…", "filters", "Filter by status, kind, source, outlet, article (f)"),
    ("Filter: contradicted only", "toggle_contradicted", "Claims with a contradiction (c)"),
    ("Filter: unreviewed only", "toggle_unreviewed", "Claims nobody has reviewed (w)"),
    ("Filter: same source", "same_source", "Claims of the selected claim's source (s)"),
    ("Filter: same outlet", "same_outlet", "Claims published by the same outlet"),
    ("Filter: same article", "same_article", "Claims of the selected claim's article (a)"),
    ("Clear filters", "clear_filters", "Show every claim (x)"),
    ("Sort by confidence / position", "toggle_order", "Switch the order of the list (o)"),
    ("Export view to CSV", "export", "Write the current view as CSV (e)"),
    ("Source ledger", "sources", "Every source: its claims, verdicts and links (l)"),
    ("Related claims", "focus_related", "Move to the related-claims panel (r)"),
    ("Keys", "help", "Show every key (?)"),
]
COMMANDS += [
    (f"Filter: status {s.value}", f"filter_status('{s.value}')", f"Only {s.value} claims")
    for s in Status
]
COMMANDS += [
    (f"Filter: kind {k.value}", f"filter_kind('{k.value}')", f"Only claims by a {k.value} source")
    for k in Kind
]


class ReviewCommands(Provider):
    """The review screen's actions, run on whichever screen is showing the claims."""

    def _run(self, action: str) -> None:
        from tui.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                self.app.call_later(screen.run_action, action)
                return

    async def discover(self) -> Hits:
        for name, action, help_text in COMMANDS:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self._run, action), help=help_text
                )

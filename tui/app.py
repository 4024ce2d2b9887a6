"""The review app: where a fact-checker goes through claims, one key per verdict."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from claims.store import Store
from tui.bidi import BIDI_OFF, BIDI_ON, BidiMode, Display
from tui.commands import ReviewCommands
from tui.screens.main import MainScreen
from tui.session import Session


class ReviewApp(App):
    """Reads and writes only through the store's functions, each action at once."""

    TITLE = "claims review"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    BINDINGS = [Binding("t", "switch_bidi", "Arabic order")]

    def __init__(
        self,
        store: Store,
        *,
        reviewer: str,
        bidi: BidiMode | str = BidiMode.terminal,
        shaping: bool = False,
        export_dir: Path | None = None,
        bidi_chosen_by: str = "--bidi",
    ) -> None:
        super().__init__()
        self.store = store
        self.session = Session(store, reviewer)
        self.bidi = Display(bidi, shaping=shaping)
        self.export_dir = export_dir or Path.cwd()
        self.reviewer = reviewer
        self.bidi_chosen_by = bidi_chosen_by
        self._say_bidi()

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.session, self.bidi, self.export_dir))

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the review screen is not open")

    def _say_bidi(self) -> None:
        self.sub_title = (
            f"{self.reviewer} · bidi {self.bidi.mode.value} ({self.bidi_chosen_by}; t switches)"
        )

    def action_switch_bidi(self) -> None:
        """The other bidi mode, for a terminal the app guessed wrong: Arabic that reads
        backwards, or letters that do not join, is fixed by one key."""
        self.bidi.mode = BidiMode.terminal if self.bidi.visual else BidiMode.visual
        if self._driver is not None:  # the terminal reorders only in terminal mode
            self._driver.write(BIDI_OFF if self.bidi.visual else BIDI_ON)
        self.bidi_chosen_by = "switched"
        self._say_bidi()
        self.main.refresh_from_store()
        self.refresh(layout=True)
        for screen in self.screen_stack:
            screen.refresh(layout=True)

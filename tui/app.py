"""The review app: where a fact-checker goes through claims, one key per verdict."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from claims.store import Store
from tui.bidi import BidiMode, Display
from tui.commands import ReviewCommands
from tui.screens.main import MainScreen
from tui.session import Session


class ReviewApp(App):
    """Reads and writes only through the store's functions, each action at once."""

    TITLE = "claims review"
    COMMANDS = App.COMMANDS | {ReviewCommands}

    def __init__(
        self,
        store: Store,
        *,
        reviewer: str,
        bidi: BidiMode | str = BidiMode.terminal,
        shaping: bool = False,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.session = Session(store, reviewer)
        self.bidi = Display(bidi, shaping=shaping)
        self.export_dir = export_dir or Path.cwd()
        self.sub_title = f"{reviewer} · bidi {self.bidi.mode.value}"

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.session, self.bidi, self.export_dir))

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the review screen is not open")

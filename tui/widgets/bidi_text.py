"""A block of text drawn through the bidi display: wrapped on logical text, then laid out."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from tui.bidi import Display


class BidiText(Widget):
    """Paragraphs of (untrusted) styled text, wrapped to the widget's width for the bidi mode."""

    DEFAULT_CSS = """
    BidiText { height: auto; }
    """

    def __init__(self, display: Display, *paragraphs: Text, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bidi = display
        self.paragraphs: list[Text] = list(paragraphs)

    def update(self, *paragraphs: Text) -> None:
        self.paragraphs = list(paragraphs)
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The logical text shown, as stored: what tests read."""
        return "\n".join(p.plain for p in self.paragraphs)

    def _lines(self, width: int) -> list[Text]:
        lines: list[Text] = []
        for paragraph in self.paragraphs:
            lines.extend(self.bidi.lines(paragraph, max(1, width)))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Group:
        lines = self._lines(self.content_region.width or self.size.width)
        for line in lines:
            line.no_wrap = True
            line.overflow = "crop"
        return Group(*lines)

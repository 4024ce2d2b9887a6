"""The detail of one claim: its sentence in its paragraph, who says it and through whom, the
confidence and its reasons, and the review history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from claims.arabic import normalize
from claims.store import ClaimView, ReviewEntry
from tui.bidi import Display, clean
from tui.widgets.bidi_text import BidiText
from tui.widgets.look import (
    CUE_STYLE,
    SENTENCE_STYLE,
    SOURCE_STYLE,
    STATUS_GLYPH,
    STATUS_STYLE,
    status_of,
)


def find_loose(haystack: str, needle: str, start: int = 0, end: int | None = None) -> int:
    """Where ``needle`` is in ``haystack[start:end]`` as written, else Arabic-normalised; -1."""
    end = len(haystack) if end is None else end
    if not needle:
        return -1
    at = haystack.find(needle, start, end)
    if at >= 0:
        return at
    # Normalisation can drop characters (diacritics), so compare word by word from each start.
    target = normalize(needle)
    for i in range(start, end):
        if i > start and haystack[i - 1].isalnum():
            continue
        for j in range(i + 1, min(end, i + 3 * len(needle)) + 1):
            got = normalize(haystack[i:j])
            if got == target:
                return i
            if len(got) > len(target):
                break
    return -1


def highlighted_paragraph(claim: ClaimView, paragraph: str, start: int, end: int) -> Text:
    """The paragraph with the sentence underlined and its source and cue in colour."""
    text = Text(clean(paragraph))
    if len(text.plain) != len(paragraph):  # controls were stripped: offsets no longer hold
        text = Text(clean(claim.sentence))
        start, end = 0, len(text.plain)
    plain = text.plain
    text.stylize(SENTENCE_STYLE, start, end)
    for needle, style in ((claim.source, SOURCE_STYLE), (claim.cue, CUE_STYLE)):
        if not needle:
            continue
        at = find_loose(plain, clean(needle), start, end)
        if at < 0:
            at = find_loose(plain, clean(needle))
        if at >= 0:
            length = len(clean(needle)) if plain[at:].startswith(clean(needle)) else 0
            if not length:  # matched loosely: extend over the word(s)
                length = len(needle)
                while at + length < len(plain) and plain[at + length].isalnum():
                    length += 1
            text.stylize(style, at, at + length)
    return text


def relay_chain(claim: ClaimView, display: Display) -> Text:
    """Who told whom: source (cue) → via → outlet, each name laid out on its own."""
    pieces: list[Text | str] = [Text("Relay:", "bold")]
    pieces.append(Text(clean(claim.source or claim.kind.value), SOURCE_STYLE))
    if claim.cue:
        pieces.append(Text(clean(claim.cue), CUE_STYLE))
    if claim.via:
        pieces += ["→ via", Text(clean(claim.via), "bold magenta")]
    pieces += ["→", Text(clean(claim.outlet or claim.doc), "italic")]
    return display.join(*pieces)


def confidence_lines(claim: ClaimView) -> list[Text]:
    head = Text()
    head.append("Confidence ", "bold")
    head.append(f"{claim.confidence:.2f}", "bold green" if claim.confidence >= 0.6 else "yellow")
    lines = [head]
    for reason in claim.reasons:
        line = Text("  ")
        line.append(f"{reason.delta:+.2f} ", "green" if reason.delta >= 0 else "red")
        line.append(clean(reason.label))
        lines.append(line)
    return lines


def review_lines(claim: ClaimView, history: list[ReviewEntry]) -> list[Text]:
    status = status_of(claim.status)
    head = Text()
    head.append("Status ", "bold")
    head.append(f"{STATUS_GLYPH[status]} {status.value}", STATUS_STYLE[status])
    if claim.reviewer:
        head.append(f"  by {clean(claim.reviewer)}", "italic")
    if claim.reviewed_at:
        head.append(f" at {claim.reviewed_at:%Y-%m-%d %H:%M}", "dim")
    head.append(f"  v{claim.version}", "dim")
    lines = [head]
    if claim.printed > 1:
        lines.append(
            Text(
                f"Printed {claim.printed} times on the page: a verdict carries to every copy",
                "yellow",
            )
        )
    if claim.note:
        lines += [Text("Note", "bold"), Text(clean(claim.note))]
    if history:
        lines.append(Text("History", "bold"))
    for entry in history:
        line = Text(f"  {entry.at:%Y-%m-%d %H:%M} ", "dim")
        line.append(clean(entry.reviewer), "italic")
        if entry.action == "note":
            line.append(" note: ")
            line.append(clean(entry.note or ""))
        elif entry.action == "undo":
            line.append(f" undo → {entry.new_status.value}")
        else:
            line.append(f" {entry.old_status.value} → ")
            line.append(entry.new_status.value, STATUS_STYLE[status_of(entry.new_status)])
            if entry.carried_from is not None:
                line.append(f" (given on claim {entry.carried_from}, a copy)", "dim")
        lines.append(line)
    return lines


class ClaimDetail(VerticalScroll, can_focus=False):
    """The selected claim, read afresh from the store each time it is shown."""

    DEFAULT_CSS = """
    ClaimDetail { padding: 0 1; }
    ClaimDetail > .section { margin-bottom: 1; }
    ClaimDetail > #detail-empty { color: $text-muted; }
    """

    def __init__(self, display: Display, **kwargs) -> None:
        super().__init__(**kwargs)
        self.bidi = display
        self.claim: ClaimView | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("No claim in this view."), id="detail-empty")
        for name in ("header", "paragraph", "claim", "relay", "confidence", "review"):
            yield BidiText(self.bidi, id=f"detail-{name}", classes="section")

    def section(self, name: str) -> BidiText:
        return self.query_one(f"#detail-{name}", BidiText)

    def show(
        self,
        claim: ClaimView | None,
        paragraph: tuple[str, int, int] | None = None,
        history: list[ReviewEntry] | None = None,
    ) -> None:
        self.claim = claim
        self.query_one("#detail-empty").display = claim is None
        for widget in self.query(BidiText):
            widget.display = claim is not None
        if claim is None:
            return
        header = Text()
        header.append(clean(claim.title or claim.doc), "bold")
        meta = self.bidi.join(
            Text(clean(claim.outlet or "—"), "dim"),
            Text(clean(claim.published or "—"), "dim"),
            Text(f"{clean(claim.doc)} #{claim.index}", "dim"),
            sep=" · ",
        )
        self.section("header").update(header, meta)
        text, start, end = paragraph or (claim.sentence, 0, len(claim.sentence))
        self.section("paragraph").update(highlighted_paragraph(claim, text, start, end))
        label = Text("Claim", "bold")
        if claim.speech:
            label.append(f"  {claim.speech.value} speech", "dim")
        # The label on its own line: the claim is a right-to-left paragraph of its own.
        self.section("claim").update(label, Text(clean(claim.claim)))
        self.section("relay").update(relay_chain(claim, self.bidi))
        self.section("confidence").update(*confidence_lines(claim))
        self.section("review").update(*review_lines(claim, history or []))
        self.scroll_home(animate=False)

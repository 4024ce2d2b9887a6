"""Arabic on a terminal: the one place that knows how text reaches the screen.

Textual and Rich lay text out in logical order and never reorder or shape it; terminals differ.
Two display modes:

The mode is read from the terminal the app runs in (`detect_mode`), unless ``--bidi`` or
``CLAIMS_BIDI`` names one; ``t`` in the app switches it.

``terminal``
    Send logical text and let the terminal reorder it (GNOME Terminal and other VTE terminals,
    Konsole, mlterm). Each table cell is fenced with a LEFT-TO-RIGHT MARK so that a reordering
    terminal keeps the columns where they are instead of swapping Arabic cells across the row.

``visual``
    For terminals that show characters in the order they arrive (kitty, Windows Terminal, xterm,
    Alacritty, most tmux setups without bidi): wrap or truncate the *logical* text first, then
    reorder each line with the Unicode bidi algorithm (python-bidi), mirror brackets, keep every
    diacritic after its letter, strip bidi control characters, optionally shape letters into
    their joined forms; and turn the terminal's own reordering off (``CSI 8 l``) while the app
    runs, back on (``CSI 8 h``) at exit.

Whatever the mode, stored and exported text stays logical: these functions only ever produce
what is drawn. Untrusted article text goes through ``clean`` and is only ever turned into
``rich.text.Text`` objects, never parsed as markup.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from enum import Enum
from typing import TextIO

from bidi import algorithm as _uba
from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text

from claims.terminal import BIDI_CHARS, CONTROL_CHARS

LRM = "\u200e"
# ECMA-48 BDSM: 8 l = the application lays text out (terminal reordering off), 8 h = implicit.
BIDI_OFF = "\x1b[8l"
BIDI_ON = "\x1b[8h"

# The command line's controls and bidi controls (claims.terminal), and what else would change
# how the rest of the line is laid out: zero-width space, BOM. Removed, not shown as escapes:
# the app lays out the text itself.
_CONTROLS = re.compile(f"[{CONTROL_CHARS}{BIDI_CHARS}\u200b\ufeff]")
# In visual mode the joiners have done their work (or shaping is off) and only risk a box.
_JOINERS = re.compile("[\u200c\u200d]")


class BidiMode(str, Enum):
    """How Arabic reaches the terminal."""

    terminal = "terminal"
    visual = "visual"


ENV_BIDI = "CLAIMS_BIDI"


# Which terminal the app runs in, told by the variables each sets, and whether it reorders
# right-to-left text itself. First match wins: a multiplexer comes first, since the variables
# of the terminal around it are inherited but tmux and screen draw their own cells, unreordered.
TERMINALS: tuple[tuple[str, str, str | None, BidiMode], ...] = (
    # (name, variable, value it must start with (None: set at all), mode)
    ("tmux", "TMUX", None, BidiMode.visual),
    ("GNU screen", "STY", None, BidiMode.visual),
    ("kitty", "KITTY_WINDOW_ID", None, BidiMode.visual),
    ("Windows Terminal", "WT_SESSION", None, BidiMode.visual),
    ("VS Code", "TERM_PROGRAM", "vscode", BidiMode.visual),
    ("WezTerm", "TERM_PROGRAM", "WezTerm", BidiMode.visual),
    ("iTerm2", "TERM_PROGRAM", "iTerm", BidiMode.visual),
    ("Alacritty", "ALACRITTY_WINDOW_ID", None, BidiMode.visual),
    ("xterm", "XTERM_VERSION", None, BidiMode.visual),
    ("Konsole", "KONSOLE_VERSION", None, BidiMode.terminal),
    ("mlterm", "MLTERM", None, BidiMode.terminal),
    ("Apple Terminal", "TERM_PROGRAM", "Apple_Terminal", BidiMode.terminal),
    ("GNOME Terminal / VTE", "VTE_VERSION", None, BidiMode.terminal),
    ("kitty", "TERM", "xterm-kitty", BidiMode.visual),
    ("Alacritty", "TERM", "alacritty", BidiMode.visual),
    ("tmux", "TERM", "tmux", BidiMode.visual),
    ("GNU screen", "TERM", "screen", BidiMode.visual),
)


def detect_mode(environ: Mapping[str, str] | None = None) -> tuple[BidiMode, str]:
    """The mode suited to the terminal these variables describe, and why (the terminal's
    name): ``terminal`` when none is recognised, as most desktop terminals reorder."""
    environ = os.environ if environ is None else environ
    for name, variable, prefix, mode in TERMINALS:
        value = environ.get(variable)
        if value is not None and (prefix is None or value.startswith(prefix)):
            return mode, name
    return BidiMode.terminal, "terminal not recognised"


def choose_mode(option: str | None) -> tuple[BidiMode, str]:
    """The mode named by the ``--bidi`` option, else by ``CLAIMS_BIDI``, else the terminal's
    (`detect_mode`); with what chose it, for the app to say.

    Raises ValueError naming the accepted values for anything else.
    """
    environ = os.environ.get(ENV_BIDI)
    if not option and not environ:
        return detect_mode()
    value = (option or environ or "").strip().lower()
    try:
        return BidiMode(value), "--bidi" if option else ENV_BIDI
    except ValueError:
        raise ValueError(
            f"unknown bidi mode {value!r}: use 'terminal' (GNOME Terminal, Konsole, mlterm) "
            "or 'visual' (kitty, Windows Terminal, xterm, tmux)"
        ) from None


def clean(text: str, *, newlines: bool = False) -> str:
    """Text safe to draw: control characters and bidi controls removed, tabs as spaces.

    With ``newlines`` line breaks are kept; otherwise they become spaces.
    """
    text = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    if not newlines:
        text = text.replace("\n", " ")
    return _CONTROLS.sub("", text)


# ---------------------------------------------------------------------------------------------
# Wrapping and truncation, always on logical text.


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Break logical ``text`` into lines of at most ``width`` cells, at spaces when possible.

    Returns ``(start, end)`` offsets into ``text``; the space a line breaks at is left out.
    Hard line breaks (``\\n``) are honoured.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start, n = pos, len(para)
        pos += n + 1
        i = 0
        if n == 0:
            lines.append((start, start))
            continue
        while i < n:
            # Take as many characters as fit.
            j, cells = i, 0
            while j < n:
                w = cell_len(para[j])
                if cells + w > width:
                    break
                cells += w
                j += 1
            # Never split a letter from its diacritics.
            while 0 < j < n and unicodedata.combining(para[j]) and j > i + 1:
                j -= 1
            if j >= n:
                lines.append((start + i, start + n))
                break
            brk = para.rfind(" ", i, j + 1)
            if brk > i:
                lines.append((start + i, start + brk))
                i = brk + 1
            else:
                j = max(j, i + 1)
                lines.append((start + i, start + j))
                i = j
            while i < n and para[i] == " ":
                i += 1
    return lines


def wrap(text: Text, width: int) -> list[Text]:
    """A styled text broken into logical lines of at most ``width`` cells."""
    plain = text.plain
    return [text[s:e] for s, e in wrap_offsets(plain, width)]


def truncate(text: Text, width: int) -> Text:
    """A styled text cut to ``width`` cells on its logical end, with an ellipsis if cut."""
    if text.cell_len <= width:
        return text.copy()
    if width <= 0:
        return Text()
    out = text.copy()
    out.truncate(width, overflow="ellipsis")
    return out


# ---------------------------------------------------------------------------------------------
# Shaping: contextual forms from Unicode's presentation forms, built from unicodedata.


def _forms() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], str]]:
    forms: dict[str, dict[str, str]] = {}
    lam_alef: dict[tuple[str, str], str] = {}
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFF)):
        for cp in block:
            dec = unicodedata.decomposition(chr(cp)).split()
            if len(dec) < 2 or dec[0] not in ("<isolated>", "<final>", "<initial>", "<medial>"):
                continue
            tag, chars = dec[0][1:-1], [chr(int(h, 16)) for h in dec[1:]]
            if len(chars) == 1 and unicodedata.category(chars[0]) == "Lo":
                forms.setdefault(chars[0], {}).setdefault(tag, chr(cp))
            elif len(chars) == 2 and chars[0] == "\u0644" and 0xFEF5 <= cp <= 0xFEFC:
                lam_alef[(chars[1], tag)] = chr(cp)
    return forms, lam_alef


_FORMS, _LAM_ALEF = _forms()
_TATWEEL = "\u0640"


def _joins_next(ch: str | None) -> bool:
    if ch is None:
        return False
    return ch == _TATWEEL or "initial" in _FORMS.get(ch, {}) or "medial" in _FORMS.get(ch, {})


def _joins_prev(ch: str | None) -> bool:
    if ch is None:
        return False
    return ch == _TATWEEL or "final" in _FORMS.get(ch, {})


def shape(text: str) -> tuple[str, list[int]]:
    """Arabic letters replaced by their joined presentation forms (logical order kept).

    Returns the shaped text and, for each of its characters, the index of the character of
    ``text`` it stands for (lam-alef ligatures stand for the lam).
    """
    n = len(text)

    def neighbour(i: int, step: int) -> str | None:
        i += step
        while 0 <= i < n and unicodedata.combining(text[i]):
            i += step
        return text[i] if 0 <= i < n else None

    out: list[str] = []
    index: list[int] = []
    i = 0
    while i < n:
        ch = text[i]
        if ch not in _FORMS:
            out.append(ch)
            index.append(i)
            i += 1
            continue
        prev = neighbour(i, -1)
        joined_before = _joins_next(prev) and _joins_prev(ch)
        if ch == "\u0644" and i + 1 < n:
            tag = "final" if joined_before else "isolated"
            lig = _LAM_ALEF.get((text[i + 1], tag))
            if lig:
                out.append(lig)
                index.append(i)
                i += 2
                continue
        joined_after = _joins_next(ch) and _joins_prev(neighbour(i, 1))
        tag = {
            (True, True): "medial",
            (True, False): "final",
            (False, True): "initial",
            (False, False): "isolated",
        }[(joined_before, joined_after)]
        forms = _FORMS[ch]
        out.append(forms.get(tag) or forms.get("isolated") or ch)
        index.append(i)
        i += 1
    return "".join(out), index


# ---------------------------------------------------------------------------------------------
# Reordering one line.


def base_is_rtl(text: str) -> bool:
    """Whether the first strong character is right-to-left (rules P2/P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def visual_order(text: str, *, rtl: bool | None = None) -> tuple[str, list[int]]:
    """One line of logical text in the order a left-to-right terminal should draw it.

    Brackets are mirrored in right-to-left runs and diacritics stay after their letter.
    Returns the visual string and, for each of its characters, its index in ``text``.
    """
    if not text:
        return "", []
    storage = _uba.get_empty_storage()
    base = (1 if rtl else 0) if rtl is not None else _uba.get_base_level(text)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    _uba.get_embedding_levels(text, storage, False, False)
    for i, ch in enumerate(storage["chars"]):
        ch["idx"] = i
    _uba.explicit_embed_and_overrides(storage, False)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    _uba.reorder_resolved_levels(storage, False)
    _uba.apply_mirroring(storage, False)
    chars = storage["chars"]
    # A reversed run puts marks before their letter: put each letter back in front of its marks.
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(chars):
        if unicodedata.combining(text[chars[k]["idx"]]):
            j = k
            while j < len(chars) and unicodedata.combining(text[chars[j]["idx"]]):
                j += 1
            if j < len(chars) and chars[j]["idx"] < chars[k]["idx"]:
                out.append((chars[j]["ch"], chars[j]["idx"]))
                out.extend((c["ch"], c["idx"]) for c in reversed(chars[k:j]))
                k = j + 1
                continue
            out.extend((c["ch"], c["idx"]) for c in chars[k:j])
            k = j
            continue
        out.append((chars[k]["ch"], chars[k]["idx"]))
        k += 1
    return "".join(c for c, _ in out), [i for _, i in out]


def _styles(text: Text) -> list[list[Style | str]]:
    per_char: list[list[Style | str]] = [[] for _ in text.plain]
    for span in text.spans:
        for i in range(max(0, span.start), min(len(per_char), span.end)):
            per_char[i].append(span.style)
    return per_char


def _rebuild(source: Text, chars: str, index: list[int]) -> Text:
    """A new Text of ``chars`` where each character takes the style of ``source[index[j]]``."""
    per_char = _styles(source)
    out = Text(chars, style=source.style, justify=source.justify, end=source.end)
    spans: list[Span] = []
    for j, i in enumerate(index):
        for style in per_char[i]:
            last = spans[-1] if spans else None
            if last is not None and last.end == j and last.style == style:
                spans[-1] = Span(last.start, j + 1, style)
            else:
                spans.append(Span(j, j + 1, style))
    out.spans = spans
    return out


def to_visual(line: Text, *, shaping: bool = False, rtl: bool | None = None) -> Text:
    """A logical line, with styles, reordered for a terminal that does no bidi."""
    plain = _JOINERS.sub("", line.plain)
    if plain != line.plain:
        keep = [i for i, ch in enumerate(line.plain) if not _JOINERS.match(ch)]
        line = _rebuild(line, plain, keep)
    index = list(range(len(plain)))
    if shaping:
        plain, index = shape(plain)
    visual, order = visual_order(plain, rtl=rtl)
    return _rebuild(line, visual, [index[k] for k in order])


def fence(cell: Text) -> Text:
    """A cell between two left-to-right marks, so a reordering terminal keeps it in its column."""
    out = Text(LRM, end=cell.end, justify=cell.justify)
    out.append_text(cell)
    out.append(LRM)
    return out


class Laid(Text):
    """A line already laid out for the display (built from `Display.inline` pieces):
    `Display.lines` only crops it, so pieces keep their own direction."""


class Display:
    """Turns logical styled text into what a widget draws, for one bidi mode."""

    def __init__(self, mode: BidiMode | str = BidiMode.terminal, *, shaping: bool = False):
        self.mode = BidiMode(mode)
        self.shaping = shaping

    @property
    def visual(self) -> bool:
        return self.mode is BidiMode.visual

    def cell(self, text: Text | str, width: int) -> Text:
        """One table cell: cleaned, truncated to ``width`` cells, then laid out for the mode."""
        text = _as_text(text)
        cut = truncate(text, width)
        if self.visual:
            out = to_visual(cut, shaping=self.shaping)
            if base_is_rtl(cut.plain):  # right-to-left cells are right-aligned
                out.pad_left(width - out.cell_len)
            else:
                out.pad_right(width - out.cell_len)
            return out
        cut.pad_right(width - cut.cell_len)
        return fence(cut)

    def lines(self, text: Text | str, width: int) -> list[Text]:
        """A paragraph wrapped to ``width`` on logical text, each line laid out for the mode.

        In visual mode right-to-left lines are right-aligned, as a reader expects them.
        """
        if isinstance(text, Laid):
            line = text.copy()
            line.truncate(width, overflow="crop")
            return [line]
        text = _as_text(text, newlines=True)
        rtl = base_is_rtl(text.plain)
        out: list[Text] = []
        for line in wrap(text, width):
            if self.visual:
                shown = to_visual(line, shaping=self.shaping, rtl=rtl)
                if rtl:
                    shown = Text(" " * max(0, width - shown.cell_len)) + shown
                out.append(shown)
            else:
                out.append(fence(line))
        return out

    def inline(self, text: Text | str) -> Text:
        """A short run of text (a name, a label) without width limits."""
        text = _as_text(text)
        return to_visual(text, shaping=self.shaping) if self.visual else fence(text)

    def join(self, *pieces: Text | str, sep: str = " ") -> Laid:
        """Pieces laid out one by one, then put side by side left to right: a line of fields
        (outlet · date · file) whose directions must not mix."""
        out = Laid()
        for k, piece in enumerate(pieces):
            if k:
                out.append(sep)
            if isinstance(piece, str) and piece.isascii():
                out.append(clean(piece))
            else:
                out.append_text(self.inline(piece))
        return out


def _as_text(text: Text | str, *, newlines: bool = False) -> Text:
    """Untrusted strings become plain Text (never markup), with control characters removed."""
    if isinstance(text, Text):
        plain = text.plain
        if clean(plain, newlines=newlines) == plain:
            return text
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(plain):
            if ch == "\r" and plain[i + 1 : i + 2] == "\n":
                continue
            shown = clean(ch, newlines=newlines)
            if shown:
                chars.append(shown)
                index.append(i)
        return _rebuild(text, "".join(chars), index)
    return Text(clean(text, newlines=newlines))


@contextlib.contextmanager
def terminal_reordering_off(stream: TextIO, mode: BidiMode) -> Iterator[None]:
    """In visual mode, ask the terminal not to reorder (``CSI 8 l``) and restore it on exit."""
    if mode is not BidiMode.visual:
        yield
        return
    stream.write(BIDI_OFF)
    stream.flush()
    try:
        yield
    finally:
        stream.write(BIDI_ON)
        stream.flush()

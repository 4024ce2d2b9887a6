"""How Arabic reaches the terminal in each bidi mode (tui/bidi.py)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from rich.text import Text

from tui.bidi import (
    BIDI_OFF,
    BIDI_ON,
    LRM,
    TERMINALS,
    BidiMode,
    Display,
    choose_mode,
    clean,
    detect_mode,
    shape,
    terminal_reordering_off,
    to_visual,
    visual_order,
    wrap_offsets,
)

SAID = "قال الوزير"  # "the minister said"


def test_mode_is_the_option_else_the_environment_else_the_terminal(monkeypatch):
    for variable in {v for _name, v, _prefix, _mode in TERMINALS} | {"CLAIMS_BIDI"}:
        monkeypatch.delenv(variable, raising=False)
    assert choose_mode(None) == (BidiMode.terminal, "terminal not recognised")
    monkeypatch.setenv("KITTY_WINDOW_ID", "1")
    assert choose_mode(None) == (BidiMode.visual, "kitty")
    monkeypatch.setenv("CLAIMS_BIDI", "terminal")
    assert choose_mode(None) == (BidiMode.terminal, "CLAIMS_BIDI")
    assert choose_mode("visual") == (BidiMode.visual, "--bidi")  # the option beats the rest


@pytest.mark.parametrize(
    ("environ", "mode", "name"),
    [
        ({"VTE_VERSION": "7200", "TERM": "xterm-256color"}, BidiMode.terminal, "GNOME Terminal"),
        ({"KONSOLE_VERSION": "230805"}, BidiMode.terminal, "Konsole"),
        ({"MLTERM": "3.9.3"}, BidiMode.terminal, "mlterm"),
        ({"TERM": "xterm-kitty"}, BidiMode.visual, "kitty"),
        ({"WT_SESSION": "5e0c"}, BidiMode.visual, "Windows Terminal"),
        ({"TERM_PROGRAM": "vscode"}, BidiMode.visual, "VS Code"),
        ({"XTERM_VERSION": "XTerm(379)"}, BidiMode.visual, "xterm"),
        ({"TERM": "alacritty"}, BidiMode.visual, "Alacritty"),
        # tmux draws its own cells: what the terminal around it would do does not count
        ({"TMUX": "/tmp/tmux-0/default,1,0", "VTE_VERSION": "7200"}, BidiMode.visual, "tmux"),
        ({"TERM": "screen-256color"}, BidiMode.visual, "GNU screen"),
        ({"TERM": "xterm-256color"}, BidiMode.terminal, "terminal not recognised"),
    ],
)
def test_mode_read_from_the_terminal(environ, mode, name):
    found, why = detect_mode(environ)
    assert found is mode and why.startswith(name)


def test_clean_strips_escape_sequences_and_bidi_controls():
    dirty = "a\x1b[31mb\u202ec\u2067d\u200fe\x07f\tg\x9bh"
    assert clean(dirty) == "a[31mbcdef gh"
    assert clean("one\ntwo") == "one two"
    assert clean("one\r\ntwo", newlines=True) == "one\ntwo"


def test_visual_reverses_arabic_and_keeps_latin_and_digits_left_to_right():
    text, _ = visual_order("قال abc 123")
    assert text == "abc 123 لاق"


def test_visual_mirrors_brackets_inside_arabic():
    text, _ = visual_order("قال (الوزير) إن")
    assert "(ريزولا)" in text


def test_visual_keeps_diacritics_after_their_letter():
    text, index = visual_order("إنّ الأمرَ")
    assert text == "ر\u064eمألا ن\u0651إ"  # fatha after ra, shadda after noon
    for k, ch in enumerate(text):
        if unicodedata.combining(ch):
            assert index[k] == index[k - 1] + 1  # the letter just before it in logical order


def test_visual_styles_follow_their_characters():
    line = Text(SAID)
    line.stylize("bold", 0, 3)  # قال
    shown = to_visual(line)
    assert shown.plain == "ريزولا لاق"
    [span] = shown.spans
    assert shown.plain[span.start : span.end] == "لاق"


def test_visual_strips_bidi_controls_and_joiners():
    shown = Display(BidiMode.visual).cell(Text("\u202bقال\u200d\u202c"), 5)
    assert shown.plain.strip() == "لاق"


def test_shaping_joins_letters_and_makes_lam_alef():
    shaped, index = shape("سلام")
    assert shaped == "\ufeb3\ufefc\ufee1"  # seen initial, lam-alef final, meem isolated
    assert index == [0, 1, 3]


def test_wrap_happens_on_logical_text_before_reordering():
    words = "واحد اثنان ثلاثة اربعة"
    lines = Display(BidiMode.visual).lines(words, 12)
    # The first logical words are on the first line, each line reversed on its own.
    assert [line.plain.strip() for line in lines] == ["نانثا دحاو", "ةعبرا ةثالث"]
    assert all(line.cell_len == 12 for line in lines)  # right-aligned


def test_wrap_breaks_at_spaces_and_never_exceeds_the_width():
    text = "aaa bbbb cc dddddddddd"
    for s, e in wrap_offsets(text, 6):
        assert len(text[s:e]) <= 6
    assert [text[s:e] for s, e in wrap_offsets(text, 6)] == ["aaa", "bbbb", "cc", "dddddd", "dddd"]


def test_terminal_mode_sends_logical_text_fenced_with_lrm():
    cell = Display(BidiMode.terminal).cell(SAID, 14)
    assert cell.plain == LRM + SAID + "    " + LRM
    assert cell.cell_len == 14


def test_cells_truncate_on_logical_text_then_reorder():
    cell = Display(BidiMode.visual).cell("واحد اثنان ثلاثة", 8)
    # The start of the sentence survives; the ellipsis is at its logical end (left on screen).
    assert cell.plain.startswith("…")
    assert cell.plain.endswith("دحاو")
    assert cell.cell_len == 8


def test_markup_in_article_text_stays_literal():
    for mode in BidiMode:
        shown = Display(mode).cell("[bold]x[/bold] [link=http://e.vil]y[/link]", 60)
        assert "[bold]x[/bold]" in shown.plain
        assert "[link=http://e.vil]" in shown.plain
        assert not shown.spans


def test_visual_mode_turns_terminal_reordering_off_and_back_on():
    out = io.StringIO()
    with terminal_reordering_off(out, BidiMode.visual):
        assert out.getvalue() == BIDI_OFF
    assert out.getvalue() == BIDI_OFF + BIDI_ON
    out = io.StringIO()
    with terminal_reordering_off(out, BidiMode.terminal):
        pass
    assert out.getvalue() == ""


def test_terminal_reordering_comes_back_on_after_a_crash():
    out = io.StringIO()
    with pytest.raises(RuntimeError), terminal_reordering_off(out, BidiMode.visual):
        raise RuntimeError("boom")
    assert out.getvalue().endswith(BIDI_ON)

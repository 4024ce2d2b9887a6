"""Untrusted text on a terminal: article text and file names never carry control codes to the
screen. The one sanitiser of the command line; the review app removes the same characters (it lays
out the text itself)."""

from __future__ import annotations

import re

# C0/C1 controls (ESC and U+009B CSI, U+009D OSC start terminal sequences) and DEL, except tab
# and newline, which a table cell lays out itself (a regex character class; the review app
# builds its own set from these two).
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi embeddings, overrides and isolates (and the marks that pair with them): one in an article
# or a file name would reorder the rest of the line, and every cell after it, on a bidi terminal.
BIDI_CHARS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROL_CHARS}]")
BIDI_CONTROL = re.compile(f"[{BIDI_CHARS}]")


def _visible(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def safe(text: object) -> str:
    """The text with control characters shown as visible escapes (ESC as `\\x1b`) and bidi
    controls removed. Callers print it as `rich.text.Text` or with `typer.echo`, so that
    Rich markup in it is never parsed either."""
    return CONTROL.sub(_visible, BIDI_CONTROL.sub("", str(text)))

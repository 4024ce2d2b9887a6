"""Untrusted text on a terminal: article text never carries control codes to the screen."""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts terminal sequences) except tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """The text with control characters shown as U+FFFD; Rich markup is not parsed when the
    result is wrapped in `rich.text.Text`, which every caller does."""
    return CONTROL.sub("\ufffd", text)

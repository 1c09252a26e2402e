"""Untrusted text: the escape sequences and control characters that must never pass through.

The loader strips terminal escape sequences and C0/C1 controls from article text (they
are never reporting). The renderer additionally strips bidirectional controls before
anything reaches a terminal, since those are legitimate in stored text but can
disguise what a terminal shows.
"""

from __future__ import annotations

import re

# CSI sequences, OSC strings (to BEL or ST), other two-byte ESC sequences, 8-bit CSI.
ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls except tab and newline (CR is handled by line splitting).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI_CONTROLS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Escape sequences and control characters removed; bidirectional marks kept."""
    return CONTROLS.sub("", ESCAPE_SEQUENCES.sub("", text))


def for_terminal(text: str | None) -> str:
    """Safe to write to a terminal: no escapes, no controls, no bidirectional overrides."""
    if not text:
        return ""
    return BIDI_CONTROLS.sub("", strip_controls(text))

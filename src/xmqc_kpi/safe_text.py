r"""Text made safe to show: control characters and terminal escape sequences replaced.

A cell of a data file may hold anything, including ``ESC [ 2 J`` (clear the screen), a
carriage return that overwrites a line, a bell, or a right-to-left override that reorders
what a reader sees. Text from data passes through :func:`replace_controls` before it reaches
a terminal, a spreadsheet or a text report: every such character becomes ``U+FFFD`` (�), so
the reader sees that something was there. Line feeds and tabs are kept (callers that need a
single line fold them themselves).

>>> replace_controls("思明区\x1b[2J")
'思明区�[2J'
>>> replace_controls("a\tb\nc\u202ed")
'a\tb\nc�d'
"""

from __future__ import annotations

import re

__all__ = ["REPLACEMENT", "replace_controls"]

#: What a control character becomes.
REPLACEMENT = "\ufffd"

#: C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides and
#: isolates (U+202A–U+202E, U+2066–U+2069) that reorder text on screen.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def replace_controls(text: str) -> str:
    """``text`` with every control character replaced by :data:`REPLACEMENT`."""
    return _CONTROLS.sub(REPLACEMENT, text)
